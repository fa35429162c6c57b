"""Servers for tests, all on 127.0.0.1: a real writable Oxigraph, a stub for HTTP statuses and bad
answers, and a proxy that makes the real Oxigraph fail from a given request on.

The Oxigraph server (from the ``oxigraph`` PyPI package) is the real thing pactgraph talks to.
The stub only answers what a real server will not produce on demand (401, 413, 429, 500, a hang,
an answer dripped byte by byte, one cut off); the fault proxy makes the real server fail halfway.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import socket
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pactgraph.serving import OxigraphServer, oxigraph_server

LOOPBACK = "127.0.0.1"


@contextlib.contextmanager
def writable_oxigraph() -> Iterator[OxigraphServer]:
    """``oxigraph serve`` on an empty temporary store and a free loopback port; stopped after."""
    with (
        tempfile.TemporaryDirectory(prefix="pactgraph-test-oxigraph-") as tmp,
        oxigraph_server(Path(tmp), host=LOOPBACK, port=0, read_only=False) as server,
    ):
        yield server


def unused_port() -> int:
    """A loopback port nothing listens on (for 'connection refused')."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


@dataclass
class StubServer:
    """What the stub answers, and what it was asked."""

    url: str
    status: int = 200
    #: Extra response headers, e.g. a ``WWW-Authenticate`` challenge or a ``Retry-After``.
    headers: dict[str, str] = field(default_factory=dict)
    #: The answer's body (default: a line of text naming the status, which is not SPARQL JSON).
    body: bytes | None = None
    #: Answer ``digest_status`` instead when the request carries Digest credentials.
    digest_status: int | None = None
    #: Set to make every request wait (until the test ends) instead of answering.
    hang: bool = False
    #: Seconds between two bytes of the answer (0: all at once); a drip stops when the test ends.
    drip_s: float = 0.0
    #: Close the connection halfway through the body its Content-Length announces.
    cut_off: bool = False
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


@contextlib.contextmanager
def status_stub() -> Iterator[StubServer]:
    """An HTTP server on a free loopback port answering every request as ``stub`` says."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            stub.requests.append((self.command, self.path, dict(self.headers)))
            if stub.hang:
                stub.release.wait(timeout=30)
                return
            authorization = self.headers.get("Authorization", "")
            status = stub.digest_status if stub.digest_status and authorization.startswith("Digest ") else stub.status
            body = stub.body if stub.body is not None else f"stub answer {status}\n".encode()
            headers = {"Content-Type": "text/plain", **({} if status == stub.digest_status else stub.headers)}
            headers["Content-Length"] = str(len(body))
            reason = http.client.responses.get(status, "")
            head = f"HTTP/1.0 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            raw = head.encode() + b"\r\n" + (body[: len(body) // 2] if stub.cut_off else body)
            with contextlib.suppress(OSError):  # the client may give up first
                if not stub.drip_s:
                    self.wfile.write(raw)
                    return
                for byte in raw:
                    if stub.release.wait(timeout=stub.drip_s):
                        return
                    self.wfile.write(bytes([byte]))

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output clean."""

    with _serving(Handler) as url:
        stub = StubServer(url=url)
        try:
            yield stub
        finally:
            stub.release.set()


@dataclass
class FaultProxy:
    """A proxy to a real server that fails every request from number ``fail_from`` on (1 = the first)."""

    url: str
    upstream: str
    #: None: never fail.
    fail_from: int | None = None
    #: How a failing request fails: an HTTP status, or 0 to close the connection without an answer.
    fault: int = 500
    #: How many requests fail (None: all from ``fail_from`` on).
    fail_count: int | None = None
    requests: list[tuple[str, str]] = field(default_factory=list)

    def fails(self, number: int) -> bool:
        if self.fail_from is None or number < self.fail_from:
            return False
        return self.fail_count is None or number < self.fail_from + self.fail_count


@contextlib.contextmanager
def fault_proxy(upstream: str) -> Iterator[FaultProxy]:
    """An HTTP proxy on a free loopback port in front of ``upstream`` (a real Oxigraph), failing
    the requests ``proxy.fail_from`` and ``proxy.fail_count`` say; the rest reach the server."""
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _forward(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with lock:
                proxy.requests.append((self.command, self.path))
                number = len(proxy.requests)
            if proxy.fails(number):
                if proxy.fault == 0:
                    self.close_connection = True
                    return
                body = b"injected fault\n"
                self.send_response(proxy.fault)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            host, port = upstream.removeprefix("http://").split(":")
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                connection.request(self.command, self.path, body=body or None, headers=headers)
                answer = connection.getresponse()
                payload = answer.read()
            finally:
                connection.close()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("transfer-encoding", "connection", "content-length", "server", "date"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _forward

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output clean."""

    with _serving(Handler) as url:
        proxy = FaultProxy(url=url, upstream=upstream)
        yield proxy


@contextlib.contextmanager
def _serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free loopback port in a thread; its base URL; stopped after."""
    server = http.server.ThreadingHTTPServer((LOOPBACK, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
