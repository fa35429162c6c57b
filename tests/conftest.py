from pathlib import Path

import pytest

from .servers import StubServer, status_stub, writable_oxigraph

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"


@pytest.fixture
def oxigraph():
    """A real, empty, writable Oxigraph server on a free loopback port, stopped after the test."""
    with writable_oxigraph() as server:
        yield server


@pytest.fixture
def stub() -> StubServer:
    """A loopback HTTP server answering every request with ``stub.status`` (default 200)."""
    with status_stub() as server:
        yield server


@pytest.fixture(autouse=True)
def build_cache(tmp_path_factory, monkeypatch) -> Path:
    """A build cache of the test's own: a test that injects a fault into extraction must not
    leave its facts in a cache another test (or the developer's next build) reads."""
    folder = tmp_path_factory.mktemp("build-cache")
    monkeypatch.setenv("PACTGRAPH_BUILD_CACHE", str(folder))
    return folder
