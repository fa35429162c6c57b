"""Serve the knowledge graph over the SPARQL 1.1 Protocol with the Oxigraph server.

pactgraph does not implement a SPARQL engine: the ``oxigraph`` PyPI package ships the Oxigraph
server binary, a complete SPARQL 1.1 Protocol and Graph Store endpoint with a query page (YASGUI)
built into the binary, so it works offline. This module loads the graph into an on-disk store with
pyoxigraph, runs ``oxigraph serve-read-only`` on it on a private loopback port, puts the guard
(``pactgraph.guard``: no writes, no SERVICE, a result-size limit, clean timeouts, restart after a
crash) in front of it on the address clients use, and cleans up afterwards. The guard's pages hook
answers the explorer's URLs (``/``, ``/id/…``, ``/timeline`` …; ``pactgraph.web``) from the same
store, opened read-only in this process.

>>> with serve([Path("tests/data/mini-kg.trig")], port=0) as server:  # doctest: +ELLIPSIS
...     print(server.query_url)
http://127.0.0.1:.../query
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import socket
import subprocess
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from pactgraph.errors import ServeError
from pactgraph.guard import Guard
from pactgraph.store import load_graph, with_union_default_graph

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_MAX_RESULT_MB",
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT_S",
    "OxigraphServer",
    "ServedGraph",
    "is_loopback",
    "oxigraph_executable",
    "oxigraph_server",
    "serve",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Seconds a SPARQL query may run before the server cancels it.
DEFAULT_TIMEOUT_S = 30
#: Megabytes an answer may have; a larger one is refused (HTTP 400) rather than sent.
DEFAULT_MAX_RESULT_MB = 20.0
#: Where the engine behind the guard listens: never reachable from another machine.
_ENGINE_HOST = "127.0.0.1"
#: Seconds to wait for a freshly started server to answer HTTP.
_READY_WITHIN_S = 30.0

# Loopback probes must never go through a proxy configured in the environment.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class _Service:
    """A SPARQL service at a base URL, and the URLs of its parts (Oxigraph's layout)."""

    url: str

    @property
    def query_url(self) -> str:
        """SPARQL 1.1 Protocol query endpoint."""
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        """SPARQL 1.1 Update endpoint (refused with HTTP 403 by a read-only server)."""
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        """SPARQL 1.1 Graph Store HTTP Protocol endpoint."""
        return f"{self.url}/store"

    #: Where the query page (YASGUI) is: ``/`` on a bare Oxigraph server.
    editor_path = "/"

    def page_url(self, query_text: str) -> str:
        """The query page with ``query_text`` in its editor, run as soon as the page opens.

        The page reads ``query`` and ``endpoint`` from its URL; ``endpoint`` is needed because
        the page otherwise derives the endpoint from its own URL, query string included.
        """
        params = urllib.parse.urlencode({"query": query_text, "endpoint": self.query_url}, quote_via=urllib.parse.quote)
        return f"{self.url}{self.editor_path}?{params}"


@dataclass(frozen=True)
class OxigraphServer(_Service):
    """A running Oxigraph server: its base URL and the URLs of its services.

    >>> server = OxigraphServer("http://127.0.0.1:7878", Path("store"), process=None)
    >>> server.query_url, server.store_url
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/store')
    >>> server.page_url("SELECT * {}")
    'http://127.0.0.1:7878/?query=SELECT%20%2A%20%7B%7D&endpoint=http%3A%2F%2F127.0.0.1%3A7878%2Fquery'
    """

    location: Path
    process: subprocess.Popen | None = field(repr=False, compare=False)
    #: Quads loaded into the store before the server started (0 when it was not loaded by pactgraph).
    quads: int = 0


@dataclass(frozen=True)
class ServedGraph(_Service):
    """What ``serve`` runs: the guard at ``url``, the Oxigraph engine behind it on ``location``."""

    location: Path
    guard: Guard = field(repr=False, compare=False)
    #: Quads loaded into the store (graphs and ontology).
    quads: int = 0
    #: The explorer's front page is at ``/``; Oxigraph's query page moves to ``/sparql-editor``.
    editor_path = "/sparql-editor"

    def short_url(self, name: str) -> str:
        """The explorer's short link for a view (``timeline``) or a bundled query (``q/meetings``)."""
        return f"{self.url}/{name}"

    def wait(self) -> str:
        """Block until the service stops on its own (the engine could not be started again); why."""
        return self.guard.wait()


def oxigraph_executable() -> str:
    """Path of the ``oxigraph`` server binary installed by the ``oxigraph`` PyPI package.

    Looks next to this Python's scripts first (a virtualenv need not be on PATH), then on PATH.

    >>> Path(oxigraph_executable()).name
    'oxigraph'
    """
    beside_python = Path(sysconfig.get_path("scripts")) / "oxigraph"
    if beside_python.is_file():
        return str(beside_python)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server binary is not installed; run `pip install oxigraph`")
    return found


def is_loopback(host: str) -> bool:
    """True when ``host`` is reachable from this machine only.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _free_port(host: str) -> int:
    """A port on ``host`` that nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def _http_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _answers(url: str) -> bool:
    """True once the server answers HTTP at ``url``."""
    try:
        with _DIRECT.open(url, timeout=1):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


def _last_error(log: Path) -> str:
    """The server's own error line from its log (Rust prints a backtrace after it)."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines() if log.is_file() else []
    for line in lines:
        if line.startswith("Error: "):
            return line.removeprefix("Error: ")
    return next((line for line in reversed(lines) if line.strip()), "no output")


def _stop(process: subprocess.Popen) -> None:
    """Terminate the server and reap it; kill it if it does not stop promptly."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def oxigraph_server(
    location: Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    read_only: bool = True,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    quads: int = 0,
    union_default_graph: bool = True,
) -> Iterator[OxigraphServer]:
    """Run the Oxigraph server on the store at ``location`` until the block ends.

    ``port=0`` picks a free port. With ``union_default_graph`` the default graph of queries is the
    union of all graphs; without it, the store's own default graph (which ``serve`` fills with the
    union, each triple once, as ``pactgraph query`` does). ``read_only=False`` runs ``oxigraph
    serve`` (writable, e.g. a target for ``pactgraph push``). The server runs in its own session,
    so a Ctrl-C in the terminal reaches only this process, whose cleanup stops the server; returns
    only once it answers HTTP.
    """
    port = _free_port(host) if port == 0 else port
    command = [
        oxigraph_executable(),
        "serve-read-only" if read_only else "serve",
        "--location",
        str(location),
        "--bind",
        f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        *(["--union-default-graph"] if union_default_graph else []),
        "--timeout-s",
        str(timeout_s),
    ]
    url = _http_url(host, port)
    with tempfile.TemporaryDirectory(prefix="pactgraph-oxigraph-log-") as log_dir:
        log = Path(log_dir) / "oxigraph.log"
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            deadline = time.monotonic() + _READY_WITHIN_S
            while not _answers(url + "/"):
                if process.poll() is not None:
                    error = _last_error(log)
                    hint = "; pass another --port (0 picks a free one)" if "in use" in error else ""
                    raise ServeError(f"{host}:{port}: the oxigraph server stopped: {error}{hint}")
                if time.monotonic() > deadline:
                    raise ServeError(f"{url}: the oxigraph server did not answer within {_READY_WITHIN_S:g} s")
                time.sleep(0.05)
            yield OxigraphServer(url, Path(location), process, quads)
        finally:
            _stop(process)


@contextlib.contextmanager
def serve(
    graphs: Iterable[Path] = (Path("data/kg.trig"),),
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_result_mb: float = DEFAULT_MAX_RESULT_MB,
    allow_service: bool = False,
    cors_origins: Iterable[str] = (),
    pages: bool = True,
) -> Iterator[ServedGraph]:
    """Serve ``graphs`` plus the ontology read-only over SPARQL; remove the store afterwards.

    The files are loaded (named graphs kept, the ontology in its own graph, as for ``pactgraph
    query``) into a new on-disk store in a temporary directory, which is deleted when the block
    ends, whether it ends normally, by an error or by Ctrl-C. Clients reach the guard on
    ``host:port`` (loopback unless told otherwise); it refuses writes and, unless
    ``allow_service``, SERVICE, limits answers to ``max_result_mb`` and queries to ``timeout_s``
    seconds, and restarts the engine if a query crashes it. With ``pages`` the guard also serves
    the explorer (``pactgraph.web``: front page, views, entity pages by content negotiation, the
    query page at ``/sparql-editor``); ``cors_origins`` lets browser clients on those origins query.
    """
    with tempfile.TemporaryDirectory(prefix="pactgraph-serve-") as tmp:
        location = Path(tmp) / "store"
        store = load_graph(list(graphs), with_ontology=True, location=location, for_queries=False)
        quads = len(store)
        with_union_default_graph(store)  # the default graph: every triple once (see store.py)
        store.flush()
        del store  # closes the store: the server must be its only user

        @contextlib.contextmanager
        def engine() -> Iterator[str]:
            with oxigraph_server(
                location, host=_ENGINE_HOST, port=0, timeout_s=timeout_s, quads=quads, union_default_graph=False
            ) as server:
                yield server.url

        with contextlib.ExitStack() as stack:
            hook = None
            if pages:
                from pactgraph import web  # the explorer: only when serving pages

                reader = ox.Store.read_only(str(location))
                current: dict[str, Guard] = {}

                def editor_page() -> bytes:
                    with _DIRECT.open(current["guard"].engine_url + "/", timeout=timeout_s) as answer:
                        return answer.read()

                app = web.WebApp(web.Site(reader, served=True), editor_page=editor_page)

                def hook(method: str, target: str, headers) -> tuple[int, dict[str, str], bytes] | None:
                    answer = app.handle(method, target, headers)
                    return None if answer is None else (answer.status, answer.headers, answer.body)

            guard = stack.enter_context(
                Guard(
                    engine,
                    host=host,
                    port=port,
                    timeout_s=timeout_s,
                    max_result_bytes=int(max_result_mb * 1_000_000),
                    allow_service=allow_service,
                    pages=hook,
                    cors_origins=tuple(cors_origins),
                )
            )
            if pages:
                current["guard"] = guard
            yield ServedGraph(_http_url(host, guard.port), location, guard, quads)
