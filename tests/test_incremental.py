"""Incremental and parallel builds, and the on-disk store: each gives exactly the bytes of a clean
build in one process, and only changed articles are extracted again."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import pactgraph.cache
import pactgraph.store
from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.cli import main
from pactgraph.errors import UsageError
from pactgraph.store import PREFIXES, open_store, store_mirrors, write_store

from .conftest import ARTICLES, ROOT

PROBE = ROOT / "corpus" / "probe" / "articles"
ID = PREFIXES["id"]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


FACT = (
    "On 3 March 2024, the energy ministers of Azerbaijan and Kazakhstan signed a memorandum of understanding "
    "on offshore wind cooperation in Baku."
)


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("kg.ttl", "kg.trig")}


def _clean(corpus: Path, folder: Path) -> dict[str, bytes]:
    """The reference: one process, no cache."""
    build([corpus], out=folder / "kg.ttl", jobs=1)
    return _outputs(folder)


def test_parallel_build_gives_the_bytes_of_one_process(corpus: Path, tmp_path: Path) -> None:
    reference = _clean(corpus, tmp_path / "one")
    summary = build([corpus], out=tmp_path / "two" / "kg.ttl", jobs=2)
    assert summary.extracted == summary.articles == 16
    assert _outputs(tmp_path / "two") == reference


def test_rebuild_extracts_only_what_changed(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    first = build([corpus], out=tmp_path / "inc" / "kg.ttl", jobs=2, cache=cache)
    assert first.extracted == 16
    again = build([corpus], out=tmp_path / "inc" / "kg.ttl", jobs=2, cache=cache)
    assert again.extracted == 0
    assert "16 unchanged, from the cache" in str(again)

    changed = corpus / "p07_aliyev_tokayev_phone_call.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("phone", "telephone"), encoding="utf-8")
    (corpus / "p01_xinhua_jabrayil_solar.txt").unlink()
    shutil.copy(ROOT / "corpus" / "probe2" / "articles" / "q06_korea_central_asia_summit.txt", corpus)
    incremental = build([corpus], out=tmp_path / "inc" / "kg.ttl", jobs=2, cache=cache)
    assert incremental.extracted == 2  # the changed one and the new one
    assert _outputs(tmp_path / "inc") == _clean(corpus, tmp_path / "clean")


def test_a_rebuild_that_reads_no_article_does_not_import_spacy(corpus: Path, tmp_path: Path) -> None:
    """Importing spaCy costs about a second; a rebuild with nothing to extract goes without it."""
    cache = tmp_path / "cache"
    build([corpus], out=tmp_path / "out" / "kg.ttl", jobs=1, cache=BuildCache(cache))
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pactgraph.build import build\n"
        "from pactgraph.cache import BuildCache\n"
        f"summary = build([Path({str(corpus)!r})], out=Path({str(tmp_path / 'out' / 'kg.ttl')!r}), jobs=1,\n"
        f"              cache=BuildCache(Path({str(cache)!r})))\n"
        "print(summary.extracted, 'spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False"]


def test_a_few_changed_articles_are_read_in_a_head_start(corpus: Path, tmp_path: Path) -> None:
    """With several processes, a rebuild that finds an article to read while it is still listing
    forks a process that loads the NLP pipeline meanwhile and reads the article there: the build
    process never imports spaCy, the bytes are a clean build's, and an article that cannot be
    read there is left out with the same warning as anywhere else."""
    cache = tmp_path / "cache"
    build([corpus], out=tmp_path / "out" / "kg.ttl", jobs=1, cache=BuildCache(cache))
    for name in ("p07_aliyev_tokayev_phone_call.txt", "p12_baku_energy_forum_2025.txt"):
        header, _, body = (corpus / name).read_text(encoding="utf-8").partition("---\n")
        (corpus / name).write_text(header + "---\n" + FACT + "\n\n" + body, encoding="utf-8")
    (corpus / "odd.txt").write_bytes("Title: X\n---\nBody.\n".encode("utf-16") + b"\x00")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pactgraph.build import build\n"
        "from pactgraph.cache import BuildCache\n"
        f"summary = build([Path({str(corpus)!r})], out=Path({str(tmp_path / 'out' / 'kg.ttl')!r}), jobs=2,\n"
        f"              cache=BuildCache(Path({str(cache)!r})))\n"
        "print(summary.extracted, 'spacy' in sys.modules, *[w for w in summary.warnings if 'odd.txt' in w], sep='|')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    extracted, imported, warning = done.stdout.strip().split("|")
    assert (extracted, imported) == ("3", "False")
    assert "odd.txt: not valid UTF-16" in warning and "left out" in warning
    assert _outputs(tmp_path / "out") == _clean(corpus, tmp_path / "clean")


def test_a_head_start_is_started_only_for_bytes_never_read(corpus: Path, tmp_path: Path) -> None:
    """A file only touched, or changed back to bytes read before (their facts in the cache), needs
    no NLP pipeline: no head start is forked to load it; new bytes do."""
    from pactgraph.incremental import _Run
    from pactgraph.state import STATE_FILE, BuildState

    cache = BuildCache(tmp_path / "cache")
    build([corpus], out=tmp_path / "kg.ttl", jobs=1, cache=cache)
    article = corpus / "p07_aliyev_tokayev_phone_call.txt"
    original = article.read_bytes()

    def to_read() -> bool:
        with BuildState(tmp_path / "cache" / STATE_FILE) as state:
            run = _Run(state, cache=cache, jobs=2, validate=False, min_confidence=0.0)
            return run._to_read([(0, str(article), None, None, True, None, None)])

    os.utime(article)
    assert not to_read()  # touched: the manifest's bytes
    article.write_bytes(original + b"\nThe talks went on.\n")
    assert to_read()  # bytes never read
    build([corpus], out=tmp_path / "kg.ttl", jobs=1, cache=cache)
    article.write_bytes(original)
    assert not to_read()  # the change undone: the facts of these bytes are in the cache


def test_force_extracts_everything_again(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    build([corpus], out=tmp_path / "a" / "kg.ttl", cache=cache)
    forced = build([corpus], out=tmp_path / "b" / "kg.ttl", cache=BuildCache(tmp_path / "cache", refresh=True))
    assert forced.extracted == 16
    assert _outputs(tmp_path / "a") == _outputs(tmp_path / "b")


def test_a_new_extractor_invalidates_the_cache(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    cache = BuildCache(tmp_path / "cache")
    build([corpus], out=tmp_path / "kg.ttl", cache=cache)
    monkeypatch.setattr(pactgraph.cache, "extractor_fingerprint", lambda: "another extractor")
    assert build([corpus], out=tmp_path / "kg.ttl", cache=cache).extracted == 16


def test_damaged_or_deleted_cache_is_only_slower(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    build([corpus], out=tmp_path / "first" / "kg.ttl", cache=cache)
    (tmp_path / "cache" / "state.sqlite").unlink()  # the build state holds the facts: without it, entries are read
    entries = sorted((tmp_path / "cache" / "facts").rglob("*"))
    entries = [e for e in entries if e.is_file()]
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(entries[1].read_bytes()[:10])
    damaged = build([corpus], out=tmp_path / "damaged" / "kg.ttl", cache=cache)
    assert 1 <= damaged.extracted <= 2
    shutil.rmtree(tmp_path / "cache")
    deleted = build([corpus], out=tmp_path / "deleted" / "kg.ttl", cache=cache)
    assert deleted.extracted == 16
    assert _outputs(tmp_path / "first") == _outputs(tmp_path / "damaged") == _outputs(tmp_path / "deleted")


def test_cli_build_uses_the_cache_folder_and_jobs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "kg.ttl"
    args = ["build", "--articles", str(corpus), "--out", str(out), "--no-progress", "--cache", str(tmp_path / "c")]
    first = CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert first.exit_code == 0, first.output
    assert any((tmp_path / "c" / "facts").rglob("*"))
    second = CliRunner().invoke(main, [*args, "--jobs", "1"])
    assert "16 unchanged, from the cache" in second.stderr
    uncached = CliRunner().invoke(main, [*args, "--no-cache"])
    assert "from the cache" not in uncached.stderr
    bad = CliRunner().invoke(main, [*args, "--jobs", "0"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def _rows(args: list[str]) -> str:
    result = CliRunner().invoke(main, ["query", "meetings", "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_store_answers_as_the_graph_file(tmp_path: Path) -> None:
    out, store = tmp_path / "kg.ttl", tmp_path / "kg.store"
    build([ARTICLES, PROBE], out=out, store=store)
    assert store_mirrors(store, out)
    from_file = _rows(["--graph", str(out)])
    assert from_file.count("\n") > 5
    assert _rows(["--store", str(store)]) == from_file
    for name in ("agreements", "entities", "confidence"):
        via_store = CliRunner().invoke(main, ["query", name, "--store", str(store), "--format", "json"])
        via_file = CliRunner().invoke(main, ["query", name, "--graph", str(out), "--format", "json"])
        assert via_store.stdout == via_file.stdout


def test_query_uses_the_default_store_only_while_it_is_current(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    build([ARTICLES, PROBE], out=Path("data/kg.ttl"), store=Path("data/kg.store"))
    with_store = _rows([])
    assert store_mirrors(Path("data/kg.store"), Path("data/kg.ttl"))
    build([ARTICLES], out=Path("data/kg.ttl"))  # a newer graph, written without the store
    assert not store_mirrors(Path("data/kg.store"), Path("data/kg.ttl"))
    current = _rows([])
    assert current == _rows(["--graph", "data/kg.ttl"]) != with_store


def test_store_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.txt").write_text("keep me")
    with pytest.raises(UsageError, match="is not a pactgraph store"):
        write_store(tmp_path / "mine", header=b"", graphs={}, union=[], mirrors=tmp_path / "mine" / "thesis.txt")
    assert (tmp_path / "mine" / "thesis.txt").read_text() == "keep me"


def test_store_swapped_out_by_a_killed_build_is_put_back(tmp_path: Path) -> None:
    out, store = tmp_path / "kg.ttl", tmp_path / "kg.store"
    build([ARTICLES], out=out, store=store)
    store.rename(tmp_path / ".kg.store.previous")  # where a build moves it just before the swap
    assert len(open_store(store)) > 0


def test_query_store_and_graph_exclude_each_other(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["query", "meetings", "--store", str(tmp_path), "--graph", str(tmp_path / "x.ttl")]
    )
    assert result.exit_code == 2 and "exclude each other" in result.stderr
    missing = CliRunner().invoke(main, ["query", "meetings", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "not a pactgraph store" in missing.stderr


def _contents(store: Path) -> tuple[set, int]:
    """The quads of a store without blank nodes (the ontology's get new ones at each load), and how many."""
    quads = list(open_store(store))
    return {
        q for q in quads if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)
    }, len(quads)


def test_store_updated_in_place_holds_what_a_new_one_does(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    out, store = tmp_path / "inc" / "kg.ttl", tmp_path / "inc" / "kg.store"
    cache = BuildCache(tmp_path / "cache")
    build([corpus], out=out, store=store, cache=cache)
    stamp = (store / "pactgraph-store.json").read_text()
    (corpus / "p13_sco_tianjin_sidelines.txt").unlink()  # its graph goes, and triples only it held
    changed = corpus / "p07_aliyev_tokayev_phone_call.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Tokayev", "Tokaev"), encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(pactgraph.store, "_UPDATE_AT_MOST", 1.0)  # a third of the graphs change: update anyway
        patch.setattr(pactgraph.store, "_loaded", None)  # not loaded afresh: updated
        build([corpus], out=out, store=store, cache=cache)
    assert (store / "pactgraph-store.json").read_text() != stamp
    build([corpus], out=tmp_path / "new" / "kg.ttl", store=tmp_path / "new" / "kg.store")
    assert _contents(store) == _contents(tmp_path / "new" / "kg.store")
    assert _rows(["--store", str(store)]) == _rows(["--graph", str(tmp_path / "new" / "kg.ttl")])


def test_graph_cache_keys_are_the_same_in_every_process() -> None:
    """Sets iterate in a different order in each process; the keys must not."""
    code = (
        "from pactgraph.cache import value_digest; from pactgraph.extract.facts import Entity, Meeting;"
        "e = Entity('Ilham Aliyev', 'Person', {'Aliyev', 'President Aliyev', 'Ilham Heydar oglu Aliyev'});"
        "print(value_digest(Meeting('meeting', 'talks', participants=[e], caveats={'one-participant', 'no-date'})))"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1 and len(digests.pop()) == 65


def test_graphs_valid_one_by_one_but_not_together_are_reported() -> None:
    """Two articles giving one meeting two places: each graph conforms, their union does not."""
    from pactgraph.build import Assembly, render_part

    meeting, place = ox.NamedNode(ID + "meeting/undated-energy-forum"), ox.NamedNode(PREFIXES["pg"] + "location")
    parts = []
    for city in ("alexandria", "istanbul"):
        graph = ox.NamedNode(ID + f"graph/{city}")
        city_node = ox.NamedNode(ID + f"place/{city}")
        quads = [
            ox.Quad(meeting, ox.NamedNode(RDF_TYPE), ox.NamedNode(PREFIXES["pg"] + "Forum"), graph),
            ox.Quad(meeting, place, city_node, graph),
            ox.Quad(city_node, ox.NamedNode(RDF_TYPE), ox.NamedNode(PREFIXES["pg"] + "Place"), graph),
        ]
        parts.append(render_part(graph, quads))
    results = Assembly(parts=parts, articles=2).union_results()
    assert [(r.focus, r.path) for r in results if r.severity == "Violation" and r.path == "pg:location"] == [
        ("id:meeting/undated-energy-forum", "pg:location")
    ]
    assert Assembly(parts=parts[:1], articles=1).union_results() == []


def test_a_place_another_article_gives_a_fact_is_described_in_each_graph(tmp_path: Path) -> None:
    """Graphs are validated one by one, so each must describe every entity it points to, also a
    meeting's place known only from another article reporting the same meeting."""
    from pactgraph.build import build_quads
    from pactgraph.validation import validate_quads

    header = "Title: {}\nPublished: 2025-05-20\nSource: test\n---\n"
    (tmp_path / "one.txt").write_text(
        header.format("Forum")
        + "The Lakeside Energy Forum took place in Astana, bringing together ministers from Kazakhstan and China.\n"
    )
    (tmp_path / "two.txt").write_text(
        header.format("Visit") + "Energy Minister Jan Novak is due to attend the Lakeside Energy Forum tomorrow.\n"
    )
    assembly = build_quads(sorted(tmp_path.glob("*.txt")), validate=True)
    (two,) = [q for q in assembly.quads if q.graph_name.value.endswith("/two")][:1]
    graph_two = [q for q in assembly.quads if q.graph_name == two.graph_name]
    astana = ox.NamedNode(ID + "place/astana")
    assert (
        ox.Quad(
            ox.NamedNode(ID + "meeting/undated-lakeside-energy-forum"),
            ox.NamedNode(PREFIXES["pg"] + "location"),
            astana,
            two.graph_name,
        )
        in graph_two
    )
    assert any(q.subject == astana and q.predicate.value == RDF_TYPE for q in graph_two)
    assert validate_quads(graph_two).conforms
    assert assembly.report("x").conforms
