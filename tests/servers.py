"""Servers for tests, all on 127.0.0.1: a real writable Oxigraph, and a stub for HTTP statuses.

The Oxigraph server (from the ``oxigraph`` PyPI package) is the real thing pactgraph talks to.
The stub only answers what a real server will not produce on demand (401, 413, 500, a hang).
"""

from __future__ import annotations

import contextlib
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
    #: Extra response headers, e.g. a ``WWW-Authenticate`` challenge.
    headers: dict[str, str] = field(default_factory=dict)
    #: Answer ``digest_status`` instead when the request carries Digest credentials.
    digest_status: int | None = None
    #: Set to make every request wait (until the test ends) instead of answering.
    hang: bool = False
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


@contextlib.contextmanager
def status_stub() -> Iterator[StubServer]:
    """An HTTP server on a free loopback port answering every request with ``stub.status``."""

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
            body = f"stub answer {status}\n".encode()
            self.send_response(status)
            for name, value in ({} if status == stub.digest_status else stub.headers).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output clean."""

    server = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
    server.daemon_threads = True
    stub = StubServer(url=f"http://{LOOPBACK}:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        stub.release.set()
        server.shutdown()
        server.server_close()
        thread.join()
