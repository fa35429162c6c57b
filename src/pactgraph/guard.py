"""The guard: a small HTTP server in front of ``pactgraph serve``'s Oxigraph server.

It does what the Oxigraph server cannot be told to do (measured on oxigraph 0.5.13):

- **SERVICE**: Oxigraph has no switch to turn federated queries off, so any client could make the
  server query other hosts. The guard refuses every query whose text contains the letters
  "service" in any case, anywhere (strings, IRIs and comments included), before or after
  percent-decoding. A textual check is the sound one here: Oxigraph's grammar matches keywords
  without word boundaries (``SERVICE<x>{}`` and ``SERVICE:x{}`` are calls), so a parser of our own
  that disagreed with it in one corner would let a call through, while without those letters no
  SERVICE can be parsed at all. In strings and IRIs the word can be written with a ``\\u`` escape.
- **writes**: only GET and HEAD (the query page, queries, Graph Store reads) and POST to the query
  URLs reach Oxigraph; everything else is refused with HTTP 403 (Oxigraph is read-only as well).
- **result size**: answers are read up to ``max_result_bytes``; a larger one is dropped and the
  client gets HTTP 400 instead of an answer cut at an arbitrary byte.
- **timeout**: Oxigraph cancels a query after ``--timeout-s`` but has already sent ``200 OK`` by then
  and ends the body with "The SPARQL operation has been cancelled"; the guard turns that into HTTP
  504. A query that outlasts the timeout by ``GRACE_S`` anyway (Oxigraph checks its timeout while
  it produces results, not everywhere) gets 504 too, and the engine is restarted, which ends it.
- **pages**: a ``pages`` hook (``pactgraph serve`` passes the explorer, ``pactgraph.web``) answers
  GET and HEAD requests for its own URLs first; everything else goes on to Oxigraph.
- **CORS** (off by default): with ``cors_origins`` the guard answers preflight ``OPTIONS`` requests
  from those origins and adds ``Access-Control-Allow-Origin`` to its answers, so browser clients on
  other origins can query; without it ``OPTIONS`` gets 405.
- **crashes**: one query can end the whole Oxigraph process (an ``ORDER BY`` over mixed values
  makes its sort panic); the guard answers 500 and starts the engine again on the same store, so
  the next query is answered.
"""

from __future__ import annotations

import contextlib
import errno
import http.client
import http.server
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager

from pactgraph.errors import ServeError

__all__ = ["GRACE_S", "MAX_IN_FLIGHT", "Guard", "refuses_service"]

#: Seconds past the query timeout after which the guard gives up on the engine and restarts it.
GRACE_S = 5.0
#: The query URLs of the Oxigraph server (``/sparql`` is an alias of ``/query``).
QUERY_PATHS = ("/query", "/sparql")
#: The marker Oxigraph writes at the end of an answer it cancelled at its timeout.
_CANCELLED = b"The SPARQL operation has been cancelled"
_SERVICE = re.compile(rb"service", re.IGNORECASE)
_MAX_REQUEST_BYTES = 1_000_000
#: Seconds a client connection may stay idle (a client sending its request slowly holds no thread longer).
_IDLE_S = 30.0
#: Requests forwarded to Oxigraph at once; more wait for a turn (memory stays below this × the result limit).
MAX_IN_FLIGHT = 16
_PASSED_REQUEST_HEADERS = ("Content-Type", "Accept")
_PASSED_ANSWER_HEADERS = ("Content-Type", "Content-Disposition")
#: What a ``pages`` hook returns for a request it answers: status, headers, body.
PageAnswer = tuple[int, dict[str, str], bytes]
#: Seconds a browser may cache a CORS preflight answer.
_PREFLIGHT_MAX_AGE = 600


def refuses_service(raw_query_string: bytes, body: bytes) -> bool:
    """True when the request's query string or body contains "service" in any case, as sent or
    percent-decoded (see the module docstring for why the check is textual).

    >>> refuses_service(b"query=SELECT+*+%7B+SERVICE+%3Chttp%3A%2F%2Fx%3E+%7B%7D+%7D", b"")
    True
    >>> refuses_service(b"", b"query=SELECT%20*%20%7B%20s%65rvice%3Ax%7B%7D%20%7D")
    True
    >>> refuses_service(b"query=SELECT+*+%7B+%3Fs+%3Fp+%3Fo+%7D", b"")
    False
    """
    for raw in (raw_query_string, body):
        decoded = urllib.parse.unquote_to_bytes(raw.replace(b"+", b" "))
        if _SERVICE.search(raw) or _SERVICE.search(decoded):
            return True
    return False


class _EngineGone(Exception):
    """The engine closed the connection or refused it: it may have crashed."""


class _ResultTooLarge(Exception):
    """The engine's answer is larger than the limit."""


class Guard:
    """Serves the guard on ``host:port`` in a thread, forwarding to engines made by ``start_engine``,
    until ``close()`` or the end of its ``with`` block.

    ``start_engine`` returns a context manager yielding the engine's base URL (an Oxigraph server
    on a loopback port); the guard enters it once at start and again after each crash.
    """

    def __init__(
        self,
        start_engine: Callable[[], AbstractContextManager[str]],
        *,
        host: str,
        port: int,
        timeout_s: float,
        max_result_bytes: int,
        allow_service: bool,
        grace_s: float = GRACE_S,
        pages: Callable[[str, str, Mapping[str, str]], PageAnswer | None] | None = None,
        cors_origins: tuple[str, ...] = (),
    ) -> None:
        self.timeout_s, self.max_result_bytes, self.allow_service = timeout_s, max_result_bytes, allow_service
        #: Answers GET/HEAD requests for its own URLs (method, path with query, headers), or None.
        self.pages = pages
        #: Origins allowed to query from a browser (``*`` for any); empty: CORS off.
        self.cors_origins = tuple(cors_origins)
        self.grace_s = grace_s
        #: How many times the engine was started again (after a crash or a runaway query).
        self.restarts = 0
        self._start_engine = start_engine
        self.turns = threading.BoundedSemaphore(MAX_IN_FLIGHT)
        self._engine_lock = threading.Lock()
        self._engine_stack = contextlib.ExitStack()
        self._engine_url = self._engine_stack.enter_context(start_engine())
        self._stopped = threading.Event()
        self._failure = ""
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        server_class = type("GuardServer", (http.server.ThreadingHTTPServer,), {"address_family": family})
        server_class.request_queue_size = 128
        server_class.daemon_threads = True
        try:
            self._server = server_class((host, port), _handler(self))
        except OSError as err:
            self._engine_stack.close()
            hint = "; pass another --port (0 picks a free one)" if err.errno == errno.EADDRINUSE else ""
            raise ServeError(f"{host}:{port}: cannot listen: {err.strerror or err}{hint}") from None
        self.address: tuple[str, int] = self._server.server_address[:2]
        self.port = self.address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()

    @property
    def engine_url(self) -> str:
        with self._engine_lock:
            return self._engine_url

    def restart_engine(self, seen_url: str) -> None:
        """Start the engine again, unless another request already did since ``seen_url`` was current."""
        with self._engine_lock:
            if self._engine_url != seen_url or self._stopped.is_set():
                return
            self._engine_stack.close()
            self._engine_stack = contextlib.ExitStack()
            try:
                self._engine_url = self._engine_stack.enter_context(self._start_engine())
            except ServeError as err:
                self._failure = f"the oxigraph server could not be started again: {err}"
                self._stopped.set()
                threading.Thread(target=self._server.shutdown, daemon=True).start()
                return
            self.restarts += 1

    def wait(self) -> str:
        """Block until the guard stops on its own (the engine cannot be started again); why it did."""
        self._stopped.wait()
        return self._failure

    def __enter__(self) -> Guard:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving and stop the engine."""
        self._stopped.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        with self._engine_lock:
            self._engine_stack.close()


def _handler(guard: Guard) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "pactgraph-guard"
        timeout = _IDLE_S
        # Headers and body go out in two writes; with Nagle's algorithm the body would wait for the
        # client's delayed ACK of the headers on a kept-alive connection (40 ms a query, measured).
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            if not self._page():
                self._guarded(with_body=False)

        def do_HEAD(self) -> None:
            if not self._page():
                self._guarded(with_body=False)

        def do_OPTIONS(self) -> None:
            allowed = self._allowed_origin()
            if allowed is None:
                self._refuse(405, "CORS is off on this endpoint; serve with --cors ORIGIN to allow browser clients")
                return
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", allowed)
            self.send_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
            requested = self.headers.get("Access-Control-Request-Headers")
            self.send_header("Access-Control-Allow-Headers", requested or "Accept, Content-Type")
            self.send_header("Access-Control-Max-Age", str(_PREFLIGHT_MAX_AGE))
            self.send_header("Vary", "Origin")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _allowed_origin(self) -> str | None:
            """The ``Access-Control-Allow-Origin`` value for this request, or None (CORS off or not allowed)."""
            if not guard.cors_origins:
                return None
            if "*" in guard.cors_origins:
                return "*"
            origin = self.headers.get("Origin", "")
            return origin if origin in guard.cors_origins else None

        def _page(self) -> bool:
            """Let the pages hook answer; True when it did."""
            if guard.pages is None or int(self.headers.get("Content-Length") or 0):
                return False
            try:
                answer = guard.pages(self.command, self.path, self.headers)
            except Exception as err:  # a page that fails must not take the connection down with it
                self._refuse(500, f"this page could not be made: {type(err).__name__}: {err}")
                return True
            if answer is None:
                return False
            self._send(*answer)
            return True

        def do_POST(self) -> None:
            if urllib.parse.urlsplit(self.path).path not in QUERY_PATHS:
                self._refuse(403, "this endpoint is read-only: updates and Graph Store writes are refused")
                return
            self._guarded(with_body=True)

        def do_PUT(self) -> None:
            self._refuse(403, "this endpoint is read-only: updates and Graph Store writes are refused")

        do_DELETE = do_PATCH = do_PUT

        def _guarded(self, *, with_body: bool) -> None:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                self._refuse(411, "send the request with a Content-Length")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > _MAX_REQUEST_BYTES:
                self._refuse(413, f"a request body may have at most {_MAX_REQUEST_BYTES:,} bytes")
                return
            body = self.rfile.read(length) if length else b""
            if self.headers.get("Content-Encoding", "identity").lower() != "identity":
                self._refuse(415, "send the request without Content-Encoding")
                return
            parts = urllib.parse.urlsplit(self.path)
            if not guard.allow_service and parts.path in QUERY_PATHS and refuses_service(parts.query.encode(), body):
                self._refuse(
                    400,
                    "SERVICE is refused here (it makes the server query other hosts), as is any query with the "
                    "word; use a \\u escape in strings and IRIs, or serve with --allow-service",
                )
                return
            self._forward(body if with_body else None)

        def _forward(self, body: bytes | None) -> None:
            if not guard.turns.acquire(timeout=guard.timeout_s):
                self._refuse(503, f"the server is busy: {MAX_IN_FLIGHT} queries are running")
                return
            try:
                self._forward_in_turn(body)
            finally:
                guard.turns.release()

        def _forward_in_turn(self, body: bytes | None) -> None:
            engine = guard.engine_url
            deadline = time.monotonic() + guard.timeout_s + guard.grace_s
            try:
                status, headers, answer = _fetch(engine, self.command, self.path, body, self.headers, deadline, guard)
            except TimeoutError:
                guard.restart_engine(engine)
                self._refuse(504, f"the query ran past this endpoint's {guard.timeout_s:g} s limit and was stopped")
                return
            except _ResultTooLarge:
                self._refuse(
                    400,
                    f"the result is larger than this endpoint's limit of {guard.max_result_bytes / 1e6:g} MB; "
                    "add a LIMIT or narrow the query",
                )
                return
            except _EngineGone:
                if guard.engine_url != engine:  # restarted for another query meanwhile
                    self._refuse(503, "the SPARQL engine was restarted for another query while answering this one")
                    return
                guard.restart_engine(engine)
                self._refuse(
                    500,
                    "the SPARQL engine crashed on this query and was started again (an Oxigraph bug: "
                    "an ORDER BY over values of mixed kinds can do this)",
                )
                return
            if status == 200 and answer.endswith(_CANCELLED):
                self._refuse(504, f"the query ran past this endpoint's {guard.timeout_s:g} s limit and was stopped")
                return
            self._send(status, headers, answer)

        def _refuse(self, status: int, message: str) -> None:
            self._send(status, {"Content-Type": "text/plain; charset=utf-8"}, (message + "\n").encode())

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            allowed = self._allowed_origin()
            if allowed is not None:
                self.send_header("Access-Control-Allow-Origin", allowed)
                self.send_header("Vary", "Origin")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                with contextlib.suppress(OSError):
                    self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the guard serves a terminal that shows the server's own lines."""

    return Handler


def _fetch(
    engine: str,
    method: str,
    path: str,
    body: bytes | None,
    headers: http.client.HTTPMessage,
    deadline: float,
    guard: Guard,
) -> tuple[int, dict[str, str], bytes]:
    """Send the request to the engine and read its whole answer, within ``deadline`` and the size limit."""
    host, port = urllib.parse.urlsplit(engine).hostname, urllib.parse.urlsplit(engine).port
    connection = http.client.HTTPConnection(host, port, timeout=max(0.01, deadline - time.monotonic()))
    passed = {name: headers[name] for name in _PASSED_REQUEST_HEADERS if headers.get(name)}
    try:
        connection.request(method, path, body=body, headers=passed)
        sock = connection.sock  # kept: the connection forgets it once the answer says it will close
        answer = connection.getresponse()
        chunks: list[bytes] = []
        size = 0
        while True:
            if sock is not None and not answer.isclosed():  # what is left of the deadline, not one per read
                sock.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = answer.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > guard.max_result_bytes:
                raise _ResultTooLarge
            chunks.append(chunk)
    except TimeoutError:
        raise
    except (ConnectionError, http.client.IncompleteRead, http.client.RemoteDisconnected) as err:
        raise _EngineGone from err
    finally:
        connection.close()  # dropping the connection also stops Oxigraph writing an oversized answer
    kept = {name: value for name in _PASSED_ANSWER_HEADERS if (value := answer.getheader(name))}
    return answer.status, kept, b"".join(chunks)
