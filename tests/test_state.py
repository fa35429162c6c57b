"""The build state (``pactgraph.state``): a build with a cache keeps the merged corpus on disk and
rewrites only what changed, yet its outputs are byte for byte those of a clean build in memory,
whatever changed (articles added, changed, deleted; entities and facts merged across articles);
a state that is not pactgraph's is refused with one line."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import pactgraph.layout
import pactgraph.state
from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.cli import main
from pactgraph.errors import StateInUseError, UsageError
from pactgraph.extract.facts import ArticleFacts, Entity
from pactgraph.links import load_links
from pactgraph.state import STATE_FILE, BuildState
from pactgraph.store import open_store, store_mirrors

from .conftest import ROOT

PROBE = ROOT / "corpus" / "probe" / "articles"
PROBE2 = ROOT / "corpus" / "probe2" / "articles"


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("kg.ttl", "kg.trig")}


def _clean(corpus: Path, folder: Path, **options) -> dict[str, bytes]:
    """The reference: in memory, one process, no cache."""
    build([corpus], out=folder / "kg.ttl", jobs=1, **options)
    return _outputs(folder)


def _blocks(trig: bytes) -> dict[bytes, bytes]:
    """The TriG's graph blocks by graph name (every block starts at a line ``name {``)."""
    blocks: dict[bytes, bytes] = {}
    name = b""
    for line in trig.splitlines(keepends=True):
        if line.endswith(b" {\n") and not line.startswith(b" "):
            name = line[:-3]
        blocks[name] = blocks.get(name, b"") + line
    return blocks


def _others_changed(before: bytes, after: bytes, touched: set[str]) -> set[bytes]:
    """The graphs of articles other than ``touched`` that say something else after."""
    old, new = _blocks(before), _blocks(after)
    return {n for n in old.keys() & new.keys() if old[n] != new[n] and not any(t.encode() in n for t in touched)}


def test_rebuilds_give_the_bytes_of_clean_builds_through_changes(corpus: Path, tmp_path: Path) -> None:
    links = load_links(ROOT / "data" / "links.csv")
    cache = BuildCache(tmp_path / "cache")
    out, store = tmp_path / "inc" / "kg.ttl", tmp_path / "inc" / "kg.store"
    first = build([corpus], out=out, jobs=2, cache=cache, store=store, links=links, files_on_demand=False)
    assert first.extracted == 16 and first.linked > 0
    reference = _clean(corpus, tmp_path / "clean0", links=links)
    assert _outputs(out.parent) == reference

    # a deletion that changes the merged description of entities (and facts) other articles show
    (corpus / "p03_oped_chinese_capital_caspian.txt").unlink()
    after = build([corpus], out=out, jobs=1, cache=cache, store=store, links=links, files_on_demand=False)
    assert after.extracted == 0
    expected = _clean(corpus, tmp_path / "clean1", links=links)
    assert _others_changed(reference["kg.trig"], expected["kg.trig"], {"p03_"}), "the change stayed in one graph"
    assert _outputs(out.parent) == expected

    # a change, an article back, a new one: entities and facts merged again both ways
    changed = corpus / "p07_aliyev_tokayev_phone_call.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("phone", "telephone"), encoding="utf-8")
    shutil.copy(PROBE / "p03_oped_chinese_capital_caspian.txt", corpus)
    shutil.copy(PROBE2 / "q03_masdar_kazakhstan_press_release.txt", corpus)
    again = build([corpus], out=out, jobs=2, cache=cache, store=store, links=links, files_on_demand=False)
    assert again.extracted == 2  # p03 came back unchanged: its facts are in the extraction cache
    expected2 = _clean(corpus, tmp_path / "clean2", links=links)
    assert _others_changed(expected["kg.trig"], expected2["kg.trig"], {"p03_", "p07_", "q03_"})
    assert _outputs(out.parent) == expected2
    assert again.triples == _count(expected2["kg.ttl"])

    # the store was updated graph by graph and answers as the files
    assert store_mirrors(store, out)
    from pactgraph.store import load_graph

    def named(store) -> list[str]:  # the ontology's blank nodes are named afresh at each load
        return sorted(str(q) for q in store if "_:" not in str(q))

    assert named(open_store(store)) == named(load_graph([out.with_suffix(".trig")]))


def _count(turtle: bytes) -> int:
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(turtle, format=ox.RdfFormat.TURTLE))


def test_nothing_changed_rewrites_the_same_bytes_and_options_rebuild(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    out = tmp_path / "inc" / "kg.ttl"
    build([corpus], out=out, jobs=1, cache=cache)
    first = _outputs(out.parent)
    again = build([corpus], out=out, jobs=1, cache=cache)
    assert again.extracted == 0 and _outputs(out.parent) == first
    # a new minimum confidence changes which facts every graph keeps: the state is rebuilt from it
    strict = build([corpus], out=out, jobs=1, cache=cache, min_confidence=0.6)
    assert strict.extracted == 0 and strict.below_confidence > 0
    assert _outputs(out.parent) == _clean(corpus, tmp_path / "clean", min_confidence=0.6)
    # a TriG output from the same state
    build([corpus], out=tmp_path / "trig" / "kg.trig", jobs=1, cache=cache, min_confidence=0.6)
    assert (tmp_path / "trig" / "kg.trig").read_bytes() == (tmp_path / "clean" / "kg.trig").read_bytes()


def test_outputs_changed_behind_the_state_are_written_whole(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    out = tmp_path / "kg.ttl"
    build([corpus], out=out, jobs=1, cache=cache)
    expected = _outputs(tmp_path)
    out.write_bytes(b"# edited by hand\n" + out.read_bytes())  # the state's byte ranges no longer hold
    (tmp_path / "kg.trig").unlink()
    (corpus / "p01_xinhua_jabrayil_solar.txt").unlink()
    build([corpus], out=out, jobs=1, cache=cache)
    assert _outputs(tmp_path) == _clean(corpus, tmp_path / "clean") != expected


def _stamps(*paths: Path) -> list[int]:
    return [path.stat().st_mtime_ns for path in paths]


def test_a_change_that_changes_no_graph_writes_no_output(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    out, store = tmp_path / "kg.ttl", tmp_path / "kg.store"
    build([corpus], out=out, store=store, jobs=1, cache=cache, files_on_demand=False)
    expected, written = _outputs(tmp_path), _stamps(out, out.with_suffix(".trig"), store / "pactgraph-store.json")
    changed = corpus / "p07_aliyev_tokayev_phone_call.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOfficials declined to comment.\n", encoding="utf-8")
    again = build([corpus], out=out, store=store, jobs=1, cache=cache, files_on_demand=False)
    assert again.extracted == 1 and again.outputs == [out, out.with_suffix(".trig"), store]
    assert _stamps(out, out.with_suffix(".trig"), store / "pactgraph-store.json") == written
    assert _outputs(tmp_path) == expected and store_mirrors(store, out)
    out.unlink()  # an output that is not the one the state wrote is written again, whole
    build([corpus], out=out, store=store, jobs=1, cache=cache, files_on_demand=False)
    assert _outputs(tmp_path) == expected and store_mirrors(store, out)


def test_a_store_loaded_a_few_graphs_at_a_time_holds_them_all(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pactgraph.layout, "_DOCUMENT", 1)  # one graph per TriG document
    out, store = tmp_path / "kg.ttl", tmp_path / "kg.store"
    build([corpus], out=out, store=store, jobs=1, cache=BuildCache(tmp_path / "cache"))
    fresh = tmp_path / "fresh.store"
    build([corpus], out=tmp_path / "fresh.ttl", store=fresh, jobs=1)

    def quads(store) -> list[str]:  # the ontology's blank nodes are named afresh at each load
        return sorted(str(q) for q in store if "_:" not in str(q))

    assert quads(open_store(store)) == quads(open_store(fresh))


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"this is not a database, just some bytes" * 100),
        lambda path: sqlite3.connect(path).execute("CREATE TABLE thesis(chapter TEXT)").connection.commit(),
    ],
    ids=["not a database", "another program's database"],
)
def test_a_foreign_state_is_refused_in_one_line(corpus: Path, tmp_path: Path, damage, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no data/links.csv: the build is the reference's
    cache = tmp_path / "cache"
    cache.mkdir()
    state = cache / STATE_FILE
    damage(state)
    with pytest.raises(UsageError, match="not a pactgraph build state"):
        build([corpus], out=tmp_path / "kg.ttl", cache=BuildCache(cache))
    args = ["build", "--articles", str(corpus), "--out", str(tmp_path / "kg.ttl"), "--no-progress"]
    result = CliRunner().invoke(main, [*args, "--cache", str(cache), "--jobs", "1"])
    assert result.exit_code == 2
    (message,) = result.stderr.strip().splitlines()
    assert str(state) in message and "--force" in message
    forced = CliRunner().invoke(main, [*args, "--cache", str(cache), "--jobs", "1", "--force"])
    assert forced.exit_code == 0, forced.output
    assert _outputs(tmp_path) == _clean(corpus, tmp_path / "clean")


def test_a_state_of_another_version_is_started_afresh(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    build([corpus], out=tmp_path / "kg.ttl", jobs=1, cache=cache)
    with sqlite3.connect(tmp_path / "cache" / STATE_FILE) as db:
        db.execute("PRAGMA user_version = 999")
    (corpus / "p01_xinhua_jabrayil_solar.txt").unlink()
    again = build([corpus], out=tmp_path / "kg.ttl", jobs=1, cache=cache)
    assert again.extracted == 0  # facts from the extraction cache; everything else rebuilt
    assert _outputs(tmp_path) == _clean(corpus, tmp_path / "clean")


def test_a_state_in_use_makes_another_build_wait_then_stop_in_one_line(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """A build (or a command writing a file left on demand) has the state: another waits for it
    (``state.WAIT_FOR_STATE``), then stops with one line. It was a traceback after 5 s."""
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    build([corpus], out=tmp_path / "kg.ttl", jobs=1, cache=BuildCache(cache))
    monkeypatch.setattr(pactgraph.state, "WAIT_FOR_STATE", 0.2)
    held = sqlite3.connect(cache / STATE_FILE, isolation_level=None)
    held.execute("BEGIN IMMEDIATE")  # as a running build holds it
    try:
        with pytest.raises(StateInUseError, match="in use by another pactgraph process"):
            BuildState(cache / STATE_FILE)
        args = ["build", "--articles", str(corpus), "--out", str(tmp_path / "kg.ttl"), "--no-progress"]
        result = CliRunner().invoke(main, [*args, "--cache", str(cache), "--jobs", "1"])
    finally:
        held.execute("ROLLBACK")
        held.close()
    assert result.exit_code == 2
    (message,) = result.stderr.strip().splitlines()
    assert message.startswith(f"Error: {cache / STATE_FILE}: in use by another pactgraph process"), message
    assert "for over 0.2 s" in message


def test_a_state_opened_as_it_is_is_never_started_afresh(corpus: Path, tmp_path: Path) -> None:
    """``existing``: what a command that is not a build opens (``on_demand``): a missing state, or
    one of another version, is refused and left as it is."""
    state = tmp_path / "cache" / STATE_FILE
    with pytest.raises(UsageError, match="no build state"):
        BuildState(state, existing=True)
    assert not state.parent.exists()
    build([corpus], out=tmp_path / "kg.ttl", jobs=1, cache=BuildCache(tmp_path / "cache"))
    with sqlite3.connect(state) as db:
        db.execute("PRAGMA user_version = 999")
    before = state.read_bytes()
    with pytest.raises(UsageError, match="not a pactgraph build state"):
        BuildState(state, existing=True)
    assert state.read_bytes() == before


def test_a_state_of_version_8_gets_the_pending_table_and_keeps_its_rows(corpus: Path, tmp_path: Path) -> None:
    """Version 9 only added the table of changes left to ``--files on-demand``: a state of
    version 8 is given it in place, not started afresh (at 100,000 articles that takes an hour)."""
    cache = BuildCache(tmp_path / "cache")
    build([corpus], out=tmp_path / "kg.ttl", jobs=1, cache=cache)
    with sqlite3.connect(tmp_path / "cache" / STATE_FILE) as db:
        db.execute("DROP TABLE pending")
        db.execute("PRAGMA user_version = 8")
        db.execute("INSERT INTO meta VALUES ('probe', 1)")  # a state started afresh would forget it
        graphs = db.execute("SELECT count(*) FROM graph").fetchone()[0]
    (corpus / "p01_xinhua_jabrayil_solar.txt").unlink()
    again = build([corpus], out=tmp_path / "kg.ttl", jobs=1, cache=cache)
    assert again.extracted == 0
    with sqlite3.connect(tmp_path / "cache" / STATE_FILE) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 9
        assert db.execute("SELECT count(*) FROM graph").fetchone()[0] == graphs - 1  # kept, one removed
        assert db.execute("SELECT count(*) FROM pending").fetchone()[0] == 0
        assert db.execute("SELECT value FROM meta WHERE name = 'probe'").fetchone() == (1,)
    assert _outputs(tmp_path) == _clean(corpus, tmp_path / "clean")


def _people(*entities: Entity) -> ArticleFacts:
    return ArticleFacts([], list(entities), [], [], [], [], [])


#: Articles whose entities interact across the corpus: a lone surname matched to the one full
#: name with that word (and not when two have it), a place whose country the corpus knows or not.
_ARTICLES = {
    "a": _people(Entity("Ali Shahbazov", "Person"), Entity("Baku", "Place", in_country="Azerbaijan")),
    "b": _people(
        Entity("Shahbazov", "Person", aliases={"Mr Shahbazov"}), Entity("Azerbaijan", "Country", country_code="AZ")
    ),
    "c": _people(Entity("Rauf Shahbazov", "Person")),
    "d": _people(Entity("Shahbazov", "Person"), Entity("Ali Shahbazov", "Person", aliases={"A. Shahbazov"})),
    "e": _people(Entity("Aliyev", "Person"), Entity("Baku", "Place", country_code="XX")),
}


@pytest.mark.parametrize(
    "steps",
    [
        ["+a", "+b", "+c", "-c", "+d", "-b", "+e", "-a"],
        ["+c", "+b", "+a", "-c", "+e", "+d", "-d", "-b"],
    ],
)
def test_entities_merged_in_the_state_are_those_merged_in_memory(tmp_path: Path, steps: list[str]) -> None:
    """After every addition and removal, each entity's description in the state is the one
    ``resolve`` gives the whole corpus, and a changed description is reported as changed."""
    import copy

    from pactgraph.merging import entities_for, record_mentions, update_entities
    from pactgraph.resolve import resolve
    from pactgraph.state import BuildState

    present: list[str] = []
    before: dict = {}
    with BuildState(tmp_path / STATE_FILE) as state:
        for step in steps:
            name = step[1:]
            if step[0] == "+":
                present.append(name)
                state.db.execute("INSERT INTO article(path, ord) VALUES (?, ?)", (name, len(present)))
            else:
                present.remove(name)
                state.db.execute("DELETE FROM article WHERE path = ?", (name,))
            facts = copy.deepcopy(_ARTICLES[name]) if step[0] == "+" else None
            touched = state.keyed("touched", record_mentions(state, name, facts), columns=2)
            changed = set(state.rows(f"SELECT k0, k1 FROM {update_entities(state, touched)}"))
            expected = resolve([copy.deepcopy(_ARTICLES[n]) for n in present])
            found = entities_for(state, expected)
            assert {k: found[k] for k in expected} == expected, step
            now = {k: (v, _known(v, expected)) for k, v in expected.items()}
            assert {k for k in now.keys() | before.keys() if now.get(k) != before.get(k)} <= changed, step
            before = now


def _known(resolved, entities) -> bool:
    """Whether a graph says which country the entity is in (``GraphWriter.describe``)."""
    return resolved.in_country is not None and any(e.iri == resolved.in_country for e in entities.values())
