import os
import shutil
import urllib.request
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from .servers import StubServer, status_stub, writable_oxigraph

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"

# Property-based tests (tests/test_fuzz.py): CI runs a few examples, the same every run and with
# no time limit per example (a slow machine must not fail them); HYPOTHESIS_PROFILE=long explores
# many random examples, e.g. `HYPOTHESIS_PROFILE=long python -m pytest -q tests/test_fuzz.py`.
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, print_blob=True)
settings.register_profile(
    "long", max_examples=5_000, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of the 16 bundled and probe articles that the test may change."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for source in [*ARTICLES.glob("*.txt"), *(ROOT / "corpus" / "probe" / "articles").glob("*.txt")]:
        shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture
def oxigraph():
    """A real, empty, writable Oxigraph server on a free loopback port, stopped after the test."""
    with writable_oxigraph() as server:
        yield server


WIKIDATA_FIXTURE = Path(__file__).parent / "data" / "wikidata-mini.ttl"


@pytest.fixture
def wikidata(oxigraph):
    """The local Oxigraph server loaded with the Wikidata-shaped fixture."""
    request = urllib.request.Request(
        f"{oxigraph.store_url}?default",
        data=WIKIDATA_FIXTURE.read_bytes(),
        method="PUT",
        headers={"Content-Type": "text/turtle"},
    )
    urllib.request.urlopen(request, timeout=10).close()
    return oxigraph


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


WEB_CORPUS = ROOT / "tests" / "data" / "web"


@pytest.fixture(scope="session")
def web_graph(tmp_path_factory) -> Path:
    """The bundled articles plus the web tests' corpus (one entity named with a <script> tag, by
    curation), built once: the TriG file the explorer's tests serve and publish."""
    from click.testing import CliRunner

    from pactgraph.cli import main

    out = tmp_path_factory.mktemp("web-graph") / "kg.ttl"
    command = ["build", "--articles", str(ARTICLES), "--articles", str(WEB_CORPUS / "articles")]
    command += ["--curation", str(WEB_CORPUS / "curation.yaml"), "--links", str(ROOT / "data" / "links.csv")]
    result = CliRunner().invoke(main, [*command, "--out", str(out), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out.with_suffix(".trig")


@pytest.fixture
def news():
    """A news site on 127.0.0.1 (``tests/ingest_site.py``): article pages in five templates, feeds,
    robots.txt and faults; stopped after the test."""
    from .ingest_site import news_site

    with news_site() as site:
        yield site
