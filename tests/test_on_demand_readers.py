"""The commands that read ``kg.ttl`` or ``kg.trig`` after a build with ``--store`` left them on
demand (``build --files auto``, the default): the file is written first, from the build state, as
``build --files always`` writes it, and the command gives what it gives after such a build.

Each case: a build that writes the files, then a rebuild on demand with an article added, one
changed and one removed (so the file is spliced from the one set aside, with what was noted), in
``data/`` of a folder of its own, as a user lays it out; then the command, run there with its
defaults, against the same command run beside the files of a build with ``--files always`` of the
same articles on a new state. Real builds, real files, real servers."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph import remote, serving, state
from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.cli import main
from pactgraph.links import HEADER
from pactgraph.state import STATE_FILE
from pactgraph.store import store_mirrors

from .conftest import ARTICLES, ROOT
from .edits import add_fact, corpus_of, store_quads

PROBE = ROOT / "corpus" / "probe"
#: The article changed (a fact added) in the first build, as it was again in the second.
CHANGED = "p07_aliyev_tokayev_phone_call.txt"


@dataclass(frozen=True)
class Built:
    articles: list[Path]  # the corpus of the second build (and of the reference)
    added: Path  # an article the first build did not have
    removed: Path  # an article only the first build had
    cache: Path  # a build cache holding every article's facts and SHACL results (no state)
    reference: Path  # a folder whose data/ holds what `build --files always` writes of ``articles``


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("readers")
    every = sorted([*ARTICLES.glob("*.txt"), *(PROBE / "articles").glob("*.txt")], key=lambda p: p.name)
    added, removed = every[0], every[-1]
    articles = [path for path in every if path != removed]
    cache = root / "cache"
    work = root / "work"
    _first_build(work, every, added, cache)
    _second_build(work, articles, cache)
    shutil.rmtree(work)
    for leftover in cache.glob(f"{STATE_FILE}*"):
        leftover.unlink()
    reference = root / "reference"
    fresh = root / "reference-cache"
    shutil.copytree(cache, fresh)
    _build(corpus_of(root / "reference-articles", articles), reference, fresh, on_demand=False)
    return Built(articles=articles, added=added, removed=removed, cache=cache, reference=reference)


def _build(corpus: Path, where: Path, cache: Path, *, on_demand: bool | None):
    out, store = where / "data" / "kg.ttl", where / "data" / "kg.store"
    return build([corpus], out=out, store=store, jobs=1, cache=BuildCache(cache), files_on_demand=on_demand)


def _first_build(where: Path, every: list[Path], added: Path, cache: Path) -> None:
    corpus = corpus_of(where / "articles", [path for path in every if path != added])
    add_fact(corpus / CHANGED)
    _build(corpus, where, cache, on_demand=False)


def _second_build(where: Path, articles: list[Path], cache: Path) -> None:
    _build(corpus_of(where / "articles", articles), where, cache, on_demand=None)  # --files auto


def _left_on_demand(built: Built, where: Path) -> Path:
    """``where``/data after the two builds: kg.ttl and kg.trig left on demand, set aside."""
    cache = where / "cache"
    shutil.copytree(built.cache, cache)
    every = sorted([*built.articles, built.removed], key=lambda p: p.name)
    _first_build(where, every, built.added, cache)
    _second_build(where, built.articles, cache)
    data = where / "data"
    assert not (data / "kg.ttl").exists() and not (data / "kg.trig").exists()
    assert (data / ".kg.trig.base").is_file() and (data / ".kg.trig.on-demand").is_file()
    return where


def _reference(built: Built, where: Path) -> Path:
    shutil.copytree(built.reference, where)
    return where


def _run(where: Path, *args: str) -> tuple[int, str, str]:
    with contextlib.chdir(where):
        result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _tree(folder: Path) -> dict[str, bytes]:
    """The files a command wrote in ``folder`` (not the graph files in data/, nor the build's)."""
    skip = {"data", "articles", "cache"}
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in skip
    }


def _same_files(on_demand: Path, reference: Path, names: list[str]) -> None:
    for name in names:
        assert (on_demand / "data" / name).read_bytes() == (reference / "data" / name).read_bytes(), name


COMMANDS = {
    "export": (["export", "--format", "trig"], ["kg.trig"]),
    "export --graph data/kg.ttl": (["export", "--graph", "data/kg.ttl", "--format", "ntriples"], ["kg.ttl"]),
    "export --shards": (["export", "--format", "nquads", "--shards", "3", "--out", "shards"], ["kg.trig"]),
    "query --graph data/kg.ttl": (["query", "meetings", "--graph", "data/kg.ttl", "--format", "tsv"], ["kg.ttl"]),
    "query --graph data/kg.trig": (["query", "agreements", "--graph", "data/kg.trig", "--format", "tsv"], ["kg.trig"]),
    "validate": (["validate"], ["kg.trig"]),
    "reason": (["reason", "-o", "reasoned.trig"], ["kg.trig"]),
    "site": (["site", "--out", "site"], ["kg.trig"]),
    "evaluate --graph": (["evaluate", str(PROBE / "gold"), "--graph", "data/kg.trig", "--format", "json"], ["kg.trig"]),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_reading_a_file_left_on_demand_has_it_written_first(
    command: str, built: Built, tmp_path: Path
) -> None:
    args, files = COMMANDS[command]
    on_demand = _left_on_demand(built, tmp_path / "on-demand")
    reference = _reference(built, tmp_path / "reference")
    expected = _run(reference, *args)
    assert expected[0] == 0, expected
    assert _run(on_demand, *args) == expected
    _same_files(on_demand, reference, files)
    assert _tree(on_demand) == _tree(reference)
    data = on_demand / "data"
    assert not any(p.name.endswith(".tmp") for p in data.iterdir())
    for name in files:  # written: no longer set aside or noted as on demand
        assert not (data / f".{name}.base").exists() and not (data / f".{name}.on-demand").exists()


def test_query_without_graph_reads_the_store_and_the_file_written_leaves_it_so(built: Built, tmp_path: Path) -> None:
    """``query`` with no option reads the store that stands for kg.ttl (nothing written); once
    kg.ttl is written by a command that reads it, the store is stamped with it and still read."""
    on_demand = _left_on_demand(built, tmp_path / "on-demand")
    reference = _reference(built, tmp_path / "reference")
    data = on_demand / "data"
    expected = _run(reference, "query", "meetings", "--format", "tsv")
    assert _run(on_demand, "query", "meetings", "--format", "tsv") == expected
    assert not (data / "kg.ttl").exists(), "written although the store was read"
    assert _run(on_demand, "export", "--graph", "data/kg.ttl", "--format", "turtle")[0] == 0
    assert store_mirrors(data / "kg.store", data / "kg.ttl")
    assert _run(on_demand, "query", "meetings", "--format", "tsv") == expected


def test_link_reads_a_file_left_on_demand(built: Built, tmp_path: Path, wikidata: serving.OxigraphServer) -> None:
    outputs = []
    for where in (_reference(built, tmp_path / "reference"), _left_on_demand(built, tmp_path / "on-demand")):
        (where / "links.csv").write_text(HEADER + "\nid:country/azerbaijan,Azerbaijan,Q227,,,,,Ann,ids,\n")
        args = ["link", "--links", "links.csv", "--endpoint", wikidata.query_url, "--out", "auto.csv"]
        outputs.append(_run(where, *args, "--candidates", "review.csv", "--cache", "link-cache"))
        outputs.append({name: (where / name).read_bytes() for name in ("auto.csv", "review.csv")})
    assert outputs[0][0] == 0 and outputs[0][2], outputs[0]
    assert outputs[2:] == outputs[:2]
    _same_files(tmp_path / "on-demand", tmp_path / "reference", ["kg.trig"])


def test_serve_reads_a_file_left_on_demand(built: Built, tmp_path: Path) -> None:
    answers = []
    for where in (_reference(built, tmp_path / "reference"), _left_on_demand(built, tmp_path / "on-demand")):
        with contextlib.chdir(where), serving.serve(host="127.0.0.1", port=0, pages=False) as server:
            answers.append((server.quads, _run(where, "query", "meetings", "--endpoint", server.query_url)))
    assert answers[0][1][0] == 0 and answers[1] == answers[0]
    _same_files(tmp_path / "on-demand", tmp_path / "reference", ["kg.trig"])


_EVERY_QUAD = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isBlank(?s) && !isBlank(?o)) }"


def test_push_reads_a_file_left_on_demand(built: Built, tmp_path: Path, oxigraph: serving.OxigraphServer) -> None:
    pushed = []
    for where in (_reference(built, tmp_path / "reference"), _left_on_demand(built, tmp_path / "on-demand")):
        said = _run(where, "push", "--endpoint", oxigraph.query_url, "--replace")
        rows = remote.remote_query(oxigraph.query_url, _EVERY_QUAD, credentials=remote.Credentials()).rows
        pushed.append((said, sorted(map(tuple, rows))))
    assert pushed[0][0][0] == 0 and len(pushed[0][1]) > 1000
    assert pushed[1] == pushed[0]
    _same_files(tmp_path / "on-demand", tmp_path / "reference", ["kg.trig"])


def test_a_first_build_left_on_demand_is_written_whole(built: Built, tmp_path: Path) -> None:
    """No file set aside to splice into (the state never wrote one): written from the state whole."""
    where = tmp_path / "on-demand"
    cache = where / "cache"
    shutil.copytree(built.cache, cache)
    _second_build(where, built.articles, cache)
    assert not (where / "data" / ".kg.trig.base").exists()
    reference = _reference(built, tmp_path / "reference")
    for args in (["export", "--format", "trig"], ["export", "--graph", "data/kg.ttl", "--format", "turtle"]):
        assert _run(where, *args) == _run(reference, *args)
    _same_files(where, reference, ["kg.ttl", "kg.trig"])


def test_files_written_on_demand_are_kept_current_by_later_builds(built: Built, tmp_path: Path) -> None:
    """After a command wrote them, a rebuild with a change sets them aside again (not stale), and the
    next command that reads them writes what a build with --files always of the new corpus writes."""
    where = _left_on_demand(built, tmp_path / "on-demand")
    data = where / "data"
    assert _run(where, "validate")[0] == 0  # kg.trig written
    assert _run(where, "query", "meetings", "--graph", "data/kg.ttl")[0] == 0  # kg.ttl written
    assert not [p.name for p in data.iterdir() if p.name.startswith(".")]

    corpus = where / "articles"
    add_fact(corpus / CHANGED)
    _build(corpus, where, where / "cache", on_demand=None)
    assert not (data / "kg.ttl").exists() and not (data / "kg.trig").exists()
    reference = tmp_path / "reference"
    fresh = tmp_path / "fresh-cache"
    shutil.copytree(where / "cache", fresh, ignore=shutil.ignore_patterns(f"{STATE_FILE}*"))
    _build(corpus, reference, fresh, on_demand=False)
    for args in (["export", "--format", "nquads"], ["export", "--graph", "data/kg.ttl", "--format", "turtle"]):
        assert _run(where, *args) == _run(reference, *args)
    _same_files(where, reference, ["kg.ttl", "kg.trig"])
    assert store_quads(data / "kg.store") == store_quads(reference / "data" / "kg.store")


def test_a_file_left_on_demand_that_cannot_be_written_says_why(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = _left_on_demand(built, tmp_path / "on-demand")
    state_file = where / "cache" / STATE_FILE

    monkeypatch.setattr(state, "WAIT_FOR_STATE", 0.2)
    held = sqlite3.connect(state_file, isolation_level=None)
    held.execute("BEGIN IMMEDIATE")  # as a build running on the state holds it
    try:
        code, _, stderr = _run(where, "export", "--format", "trig")
    finally:
        held.execute("ROLLBACK")
        held.close()
    assert code == 2 and "Traceback" not in stderr
    assert stderr.startswith("Error: data/kg.trig: no such file; it is written on demand, and ")
    assert "in use by another pactgraph process" in stderr and stderr.count("\n") == 1

    moved = state_file.with_name("moved.sqlite")
    state_file.rename(moved)
    code, _, stderr = _run(where, "export", "--format", "trig")
    assert code == 2 and f"from the build state {state_file}, which is gone" in stderr
    assert "run `pactgraph build --files always`" in stderr
    moved.rename(state_file)

    # the same state used since by a build that left its files elsewhere: the note is not followed
    _build(where / "articles", tmp_path / "elsewhere", where / "cache", on_demand=None)
    code, _, stderr = _run(where, "export", "--format", "trig")
    assert code == 2 and "no longer has it there (a build since left its files elsewhere" in stderr, stderr
    assert not (where / "data" / "kg.trig").exists()
