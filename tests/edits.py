"""What the incremental-build tests do to a corpus and read back from a store: a build on the
state with a store, one fact added to an article, and the store's quads in a comparable form."""

import shutil
from pathlib import Path

import pyoxigraph as ox

from pactgraph.build import BuildSummary, build
from pactgraph.cache import BuildCache
from pactgraph.store import ONTOLOGY_GRAPH

FACT = (
    "On 3 March 2024, the energy ministers of Azerbaijan and Kazakhstan signed a memorandum of understanding "
    "on offshore wind cooperation in Baku."
)


def add_fact(article: Path) -> None:
    """Put ``FACT`` at the top of the article's body."""
    header, _, body = article.read_text(encoding="utf-8").partition("---\n")
    article.write_text(header + "---\n" + FACT + "\n\n" + body, encoding="utf-8")


def store_quads(store: Path) -> list[str]:
    """The store's quads but the ontology's, whose blank nodes are new at each load."""
    quads = ox.Store.read_only(str(store))
    return sorted(str(q) for q in quads if q.graph_name != ONTOLOGY_GRAPH and "_:" not in str(q))


def build_on_state(corpus: Path, cache: Path, out: Path, **options) -> BuildSummary:
    """A build of ``corpus`` on the build state in ``cache``, into ``out``'s kg.ttl, kg.trig and
    kg.store, one process, the files written unless ``options`` say otherwise."""
    options.setdefault("files_on_demand", False)
    return build([corpus], out=out / "kg.ttl", store=out / "kg.store", jobs=1, cache=BuildCache(cache), **options)


def corpus_of(folder: Path, articles: list[Path]) -> Path:
    """``folder`` made afresh with copies of ``articles``: a corpus a build can list."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for article in articles:
        shutil.copy(article, folder / article.name)
    return folder
