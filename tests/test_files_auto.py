"""``build --files auto``, the default: with ``--store`` on the build state the files are left on
demand (the store is what queries read, and is kept current); without a store, or for a build in
memory, they are written, as they are the only output. ``--files always`` writes them, with the
bytes of a build that wrote them every time."""

import shutil
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.cli import main
from pactgraph.store import store_mirrors

from .edits import add_fact


def test_a_build_with_a_store_leaves_the_files_on_demand(corpus: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", BuildCache(tmp_path / "cache")
    summary = build([corpus], out=out / "kg.ttl", store=out / "kg.store", jobs=1, cache=cache)
    assert summary.outputs == [out / "kg.store"]
    assert summary.deferred == [out / "kg.ttl", out / "kg.trig"]
    assert "a command that reads them writes them first; so does `pactgraph build --files always`" in str(summary)
    assert not (out / "kg.ttl").exists() and store_mirrors(out / "kg.store", out / "kg.ttl")

    add_fact(corpus / "p07_aliyev_tokayev_phone_call.txt")
    build([corpus], out=out / "kg.ttl", store=out / "kg.store", jobs=1, cache=cache)
    assert not (out / "kg.ttl").exists()
    summary = build([corpus], out=out / "kg.ttl", store=out / "kg.store", jobs=1, cache=cache, files_on_demand=False)
    assert summary.deferred == [] and summary.outputs == [out / "kg.ttl", out / "kg.trig", out / "kg.store"]

    always = tmp_path / "always"
    shutil.copytree(tmp_path / "cache", tmp_path / "cache-always", ignore=shutil.ignore_patterns("state.sqlite*"))
    build(
        [corpus],
        out=always / "kg.ttl",
        store=always / "kg.store",
        jobs=1,
        cache=BuildCache(tmp_path / "cache-always"),
        files_on_demand=False,
    )
    for name in ("kg.ttl", "kg.trig"):
        assert (out / name).read_bytes() == (always / name).read_bytes(), name
    assert isomorphic(Graph().parse(out / "kg.ttl"), Graph().parse(always / "kg.ttl"))


def test_without_a_store_or_the_state_the_files_are_written(corpus: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    summary = build([corpus], out=tmp_path / "a" / "kg.ttl", jobs=1, cache=cache, validate=False)
    assert summary.deferred == [] and (tmp_path / "a" / "kg.ttl").is_file()
    store = tmp_path / "b" / "kg.store"
    summary = build([corpus], out=tmp_path / "b" / "kg.ttl", store=store, jobs=1, cache=None, validate=False)
    assert summary.deferred == [] and (tmp_path / "b" / "kg.ttl").is_file()  # in memory: no state to defer to


def test_the_cli_default_is_auto(corpus: Path, tmp_path: Path) -> None:
    args = ["build", "--no-progress", "--articles", str(corpus), "--out", str(tmp_path / "kg.ttl"), "--jobs", "1"]
    args += ["--cache", str(tmp_path / "cache"), "--no-validate"]
    runner = CliRunner()
    result = runner.invoke(main, [*args, "--store", str(tmp_path / "kg.store")])
    assert result.exit_code == 0, result.output
    assert "on demand, not written (a command that reads them writes them first" in result.output
    assert not (tmp_path / "kg.ttl").exists()
    shown = runner.invoke(main, ["query", "meetings", "--store", str(tmp_path / "kg.store"), "--format", "tsv"])
    assert shown.exit_code == 0 and shown.output.count("\n") > 1
    for name in ("kg.ttl", "kg.trig"):  # the files' readers have them written (tests/test_on_demand_readers.py)
        read = runner.invoke(main, ["query", "meetings", "--graph", str(tmp_path / name), "--format", "tsv"])
        assert read.exit_code == 0 and read.output == shown.output, read.output
        assert (tmp_path / name).is_file()
    elsewhere = runner.invoke(main, ["query", "meetings", "--graph", str(tmp_path / "other.ttl")])
    assert "run `pactgraph build` first" in elsewhere.output
    (tmp_path / "kg.ttl").unlink()  # deleted by hand: no longer on demand (the state wrote it since)
    missing = runner.invoke(main, ["query", "meetings", "--graph", str(tmp_path / "kg.ttl")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    assert "no such file; run `pactgraph build` first" in missing.output, missing.output
    result = runner.invoke(main, [*args, "--store", str(tmp_path / "kg.store"), "--files", "always"])
    assert result.exit_code == 0 and (tmp_path / "kg.ttl").is_file() and (tmp_path / "kg.trig").is_file()
