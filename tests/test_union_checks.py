"""The nodes only the union of the graphs breaks (two graphs giving one node two values of a
``sh:maxCount`` property) are validated one by one, each with its own results in the build state:
a rebuild validates again only those whose lines changed, or the lines the shapes read of the
nodes they point to, and its outputs and report are those of a cold build."""

import shutil
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest

from pactgraph.build import Assembly, build, render_part
from pactgraph.cache import BuildCache
from pactgraph.incremental import _Run
from pactgraph.state import STATE_FILE, BuildState, unpack
from pactgraph.store import PREFIXES

ID, PG = PREFIXES["id"], PREFIXES["pg"]
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
AGREEMENT = "undated-agreement-612879abeb"

_HEADER = "Title: {}\nPublished: 2025-12-0{}\nSource: test\n---\n"
#: Two articles giving one agreement two labels (the parties named in either order): the union
#: gives it two ``rdfs:label``, a property some shape bounds, so the union validates it again.
_ARTICLES = {
    "a.txt": "ANKARA — President of Türkiye Burak Erdem held talks with Bekzod Boboev, Uzbekistan's president, "
    "in Ankara. An intergovernmental agreement between Türkiye and Uzbekistan on the reduction of losses in "
    "distribution networks was also signed.",
    "b.txt": "TASHKENT — An intergovernmental agreement between Uzbekistan and Türkiye on the modernisation of "
    "the national power grid was also signed.",
    "c.txt": "The first utility-scale solar plant in Uzbekistan was connected to the grid only in 2019.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for day, (name, text) in enumerate(_ARTICLES.items(), start=1):
        (folder / name).write_text(_HEADER.format(name, day) + text + "\n", encoding="utf-8")
    return folder


def _checked(cache: Path) -> dict[bytes, tuple]:
    with sqlite3.connect(cache / STATE_FILE) as db:
        return {subject: unpack(results) for subject, results in db.execute("SELECT subject, results FROM checked")}


def test_rebuilds_after_changes_about_a_node_the_union_breaks_give_a_cold_builds_bytes(
    corpus: Path, tmp_path: Path
) -> None:
    out, cache = tmp_path / "inc" / "kg.ttl", tmp_path / "cache"

    def rebuild_and_compare(step: str) -> dict:
        summary = build([corpus], out=out, jobs=1, cache=BuildCache(cache))
        shutil.rmtree(tmp_path / "cold", ignore_errors=True)
        cold = build([corpus], out=tmp_path / "cold" / "kg.ttl", jobs=1, cache=BuildCache(tmp_path / "cold" / "c"))
        memory = build([corpus], out=tmp_path / "memory" / "kg.ttl", jobs=1)
        for name in ("kg.ttl", "kg.trig"):
            expected = (tmp_path / "memory" / name).read_bytes()
            assert (out.parent / name).read_bytes() == (tmp_path / "cold" / name).read_bytes() == expected, step
        assert summary.validation == cold.validation, step
        assert summary.validation.results == memory.validation.results, step
        checked = _checked(cache)
        assert checked == _checked(tmp_path / "cold" / "c"), step
        return checked

    first = rebuild_and_compare("cold")
    assert [s.decode() for s in first] == [f"<{ID}agreement/{AGREEMENT}>"]

    # an article more about a party: its pg:mentionedIn lines change, which no shape reads
    (corpus / "c.txt").write_text(
        _HEADER.format("c", 3) + "Türkiye imported electricity from Uzbekistan during the winter.\n", encoding="utf-8"
    )
    rebuild_and_compare("a party named again")

    # a third report of the agreement: the node's own lines change
    shutil.copy(corpus / "b.txt", corpus / "d.txt")
    rebuild_and_compare("a third report")

    # one label left: the union breaks nothing any more
    (corpus / "b.txt").unlink()
    (corpus / "d.txt").unlink()
    assert rebuild_and_compare("the clash gone") == {}


def _part(graph: str, *triples: tuple[str, str, str]) -> object:
    name = ox.NamedNode(ID + f"graph/{graph}")
    return render_part(name, [ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o), name) for s, p, o in triples])


def _run_on(state: BuildState, cache: BuildCache, parts: dict[str, object]):
    """One build on the state with these article graphs (the others dropped): its report."""
    run = _Run(state, cache=cache, jobs=1, validate=True, min_confidence=0.0)
    for (key,) in list(state.rows("SELECT key FROM graph")):
        if key not in parts:
            run._drop_graph(key)
    for order, (key, part) in enumerate(sorted(parts.items())):
        state.db.execute("INSERT OR REPLACE INTO article(path, ord) VALUES (?, ?)", (key, order))
        run._put_graph(key, part, ord_=order)
    report = run.report()
    state.commit()
    return report


def test_a_node_is_validated_again_when_what_the_shapes_read_of_its_values_changes(tmp_path: Path) -> None:
    """A meeting given two places by two graphs; then one place loses its type in the union (the
    meeting's own lines unchanged): its results in the state are those a cold state computes."""
    meeting, location = ID + "meeting/undated-energy-forum", PG + "location"
    alexandria, istanbul = ID + "place/alexandria", ID + "place/istanbul"
    typed = {
        "one": _part("one", (meeting, RDF_TYPE.value, PG + "Forum"), (meeting, location, alexandria)),
        "two": _part("two", (meeting, RDF_TYPE.value, PG + "Forum"), (meeting, location, istanbul)),
        "places": _part("places", (alexandria, RDF_TYPE.value, PG + "Place"), (istanbul, RDF_TYPE.value, PG + "Place")),
    }
    untyped = {**typed, "places": _part("places", (alexandria, RDF_TYPE.value, PG + "Place"))}
    cache = BuildCache(tmp_path / "cache")
    with BuildState(tmp_path / "rebuilt.sqlite") as rebuilt:
        for index, (step, parts) in enumerate((("typed", typed), ("one place untyped", untyped), ("typed", typed))):
            report = _run_on(rebuilt, cache, parts)
            with BuildState(tmp_path / f"cold-{index}.sqlite") as cold:
                assert report == _run_on(cold, cache, parts), step
                assert list(rebuilt.rows("SELECT * FROM checked")) == list(cold.rows("SELECT * FROM checked")), step
            assert report.results == Assembly(parts=list(parts.values()), articles=3).report("the built graph").results
            ((packed,),) = rebuilt.rows("SELECT results FROM checked")
            found = {(r.path, r.value) for r in unpack(packed)}
            assert ("pg:location", None) in found, step  # two places for one meeting
            assert (("pg:location", "id:place/istanbul") in found) == (parts is untyped), step  # not a Place
