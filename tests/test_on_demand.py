"""``build --files on-demand``: a rebuild brings only the build state and the store up to date;
``kg.ttl`` and ``kg.trig`` are set aside (never left stale at their paths), and the next build
without the option splices into them everything that changed meanwhile, giving a cold build's
bytes."""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.cli import main
from pactgraph.errors import UsageError
from pactgraph.links import load_links
from pactgraph.state import STATE_FILE
from pactgraph.store import store_generation, store_mirrors

from .conftest import ROOT
from .edits import add_fact, build_on_state, store_quads

LINKS = load_links(ROOT / "data" / "links.csv")
PROBE2 = ROOT / "corpus" / "probe2" / "articles"
#: A graph no step below changes, edited in the TriG behind the state's back: carried over, it
#: shows the last file was spliced from, not written afresh.
UNCHANGED = b"id:extraction\\/p09_blog_bilasuvar_groundbreaking "


def _build(corpus: Path, cache: Path, out: Path, *, on_demand: bool = False):
    return build_on_state(corpus, cache, out, links=LINKS, files_on_demand=on_demand)


def _cold(corpus: Path, cache: Path, out: Path) -> dict[str, object]:
    """The files and store of a build on a new state (facts and SHACL results from ``cache``)."""
    fresh = out.parent / f"{out.name}-cache"
    shutil.copytree(cache, fresh, ignore=shutil.ignore_patterns(f"{STATE_FILE}*"))
    _build(corpus, fresh, out)
    return {
        "kg.ttl": (out / "kg.ttl").read_bytes(),
        "kg.trig": (out / "kg.trig").read_bytes(),
        "store": store_quads(out / "kg.store"),
    }


def test_files_left_on_demand_are_spliced_by_the_next_build(corpus: Path, tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    _build(corpus, cache, out)
    trig = out / "kg.trig"
    kept = trig.read_bytes()
    assert UNCHANGED in kept
    stat = trig.stat()
    trig.write_bytes(kept.replace(UNCHANGED, UNCHANGED.replace(b"blog", b"BLOG")))
    os.utime(trig, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    first, middle = sorted(corpus.glob("*.txt"))[0], corpus / "p07_aliyev_tokayev_phone_call.txt"
    original = first.read_bytes()
    steps = {
        "a fact added": lambda: add_fact(middle),
        "another, an article added and one removed": lambda: (
            add_fact(first),
            shutil.copy(PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt", corpus / "0.txt"),
            (corpus / "p05_kazakhstan_china_power_pipeline.txt").unlink(),
        ),
        "the first change undone": lambda: first.write_bytes(original),
    }
    for number, (step, change) in enumerate(steps.items()):
        change()
        summary = _build(corpus, cache, out, on_demand=True)
        assert summary.outputs == [out / "kg.store"], step
        assert summary.deferred == [out / "kg.ttl", trig], step
        assert not (out / "kg.ttl").exists() and not trig.exists(), f"{step}: a stale file left in place"
        assert store_mirrors(out / "kg.store", out / "kg.ttl"), step  # `query` reads the store instead
        cold = _cold(corpus, cache, tmp_path / f"cold{number}")
        assert store_quads(out / "kg.store") == cold["store"], step

    summary = _build(corpus, cache, out)  # nothing changed since, but the files are written
    assert summary.deferred == []
    assert (out / "kg.ttl").read_bytes() == cold["kg.ttl"]
    assert trig.read_bytes() == cold["kg.trig"].replace(UNCHANGED, UNCHANGED.replace(b"blog", b"BLOG"))
    assert store_mirrors(out / "kg.store", out / "kg.ttl")
    leftovers = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert leftovers == [], f"files left behind: {leftovers}"


def test_on_demand_leaves_current_files_alone_and_removes_stale_ones(corpus: Path, tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    _build(corpus, cache, out)
    files = {name: (out / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    summary = _build(corpus, cache, out, on_demand=True)  # nothing changed: the files are current
    assert summary.deferred == []
    assert {name: (out / name).read_bytes() for name in files} == files

    (out / "kg.ttl").write_bytes(b"# not the file the state wrote\n")
    add_fact(corpus / "p07_aliyev_tokayev_phone_call.txt")
    _build(corpus, cache, out, on_demand=True)
    assert not (out / "kg.ttl").exists(), "a file the state did not write, stale, left in place"
    _build(corpus, cache, out)
    assert (out / "kg.ttl").read_bytes() == _cold(corpus, cache, tmp_path / "cold")["kg.ttl"]


def test_a_store_rebuilt_on_demand_beside_current_files_stands_for_them(corpus: Path, tmp_path: Path) -> None:
    """Files current and a store to write (it was deleted): the store is stamped with the files as
    they are, so the next build on demand finds it current and leaves it alone."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    _build(corpus, cache, out)
    shutil.rmtree(out / "kg.store")
    _build(corpus, cache, out, on_demand=True)
    assert store_mirrors(out / "kg.store", out / "kg.ttl")
    generation = store_generation(out / "kg.store")
    _build(corpus, cache, out, on_demand=True)
    assert store_generation(out / "kg.store") == generation


def test_a_file_set_aside_is_removed_by_the_next_file_written(corpus: Path, tmp_path: Path) -> None:
    """A file left set aside (a build killed after setting it aside, or an older one) never
    outlives the next file written at its path."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    _build(corpus, cache, out)
    (out / ".kg.trig.base").write_bytes(b"left over\n")
    add_fact(corpus / "p07_aliyev_tokayev_phone_call.txt")
    _build(corpus, cache, out)
    assert not (out / ".kg.trig.base").exists()


def test_on_demand_needs_a_store_and_the_state(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--files on-demand"):
        build([corpus], out=tmp_path / "kg.ttl", cache=BuildCache(tmp_path / "cache"), files_on_demand=True)
    with pytest.raises(UsageError, match="--files on-demand"):
        build([corpus], out=tmp_path / "kg.ttl", store=tmp_path / "kg.store", cache=None, files_on_demand=True)
    args = ["build", "--no-progress", "--articles", str(corpus), "--out", str(tmp_path / "kg.ttl"), "--no-cache"]
    result = CliRunner().invoke(main, [*args, "--store", str(tmp_path / "kg.store"), "--files", "on-demand"])
    assert result.exit_code == 2
    assert "--files on-demand" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "kg.ttl").exists()


def test_a_build_into_other_files_on_the_same_state_leaves_nothing_stale_to_splice(
    corpus: Path, tmp_path: Path
) -> None:
    """Files left on demand in out/, then a build on the same state leaving its own elsewhere: the
    notes of what changed since out/'s files were written are dropped, so the next build that
    writes out/'s files writes them whole. It spliced them from out/'s set-aside files without
    those notes, stale (before scale8)."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    _build(corpus, cache, out)
    add_fact(corpus / "p07_aliyev_tokayev_phone_call.txt")
    _build(corpus, cache, out, on_demand=True)
    _build(corpus, cache, tmp_path / "elsewhere", on_demand=True)
    _build(corpus, cache, out)
    cold = _cold(corpus, cache, tmp_path / "cold")
    for name in ("kg.ttl", "kg.trig"):
        assert (out / name).read_bytes() == cold[name], name
