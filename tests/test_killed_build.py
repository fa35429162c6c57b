"""A build killed midway (SIGKILL, no chance to clean up) leaves the previous graph, store and
cache usable, and the next build recovers: whatever instant the kill lands on."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pactgraph.store import open_store, store_mirrors

from .conftest import ARTICLES, ROOT

PROBE = ROOT / "corpus" / "probe" / "articles"
#: When builds are killed, as fractions of a whole build's time: while Python starts, while
#: extracting, while validating and while writing the outputs and the store.
KILL_AT = (0.2, 0.4, 0.6, 0.75, 0.9, 0.97)


def _build(corpus: Path, out: Path, cache: Path, *options: str) -> subprocess.Popen:
    command = [
        sys.executable,
        "-c",
        "from pactgraph.cli import main; main()",
        "build",
        "--no-progress",
        "--articles",
        str(corpus),
        "--out",
        str(out),
        "--store",
        str(out.with_suffix(".store")),
        "--cache",
        str(cache),
        "--jobs",
        "2",
        *(options if "--files" in options else (*options, "--files", "always")),
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _finished(process: subprocess.Popen) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()


def _meetings(store: Path) -> int:
    from pactgraph.queries import bundled_queries, run_query

    (query,) = [q for q in bundled_queries() if q.name == "meetings"]
    return len(run_query(open_store(store), query.text).rows)


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_killed_build_leaves_a_usable_graph_and_the_next_build_recovers(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for source in [*ARTICLES.glob("*.txt"), *PROBE.glob("*.txt")]:
        shutil.copy(source, corpus)
    out, cache = tmp_path / "kg.ttl", tmp_path / "cache"
    _finished(_build(corpus, out, cache))
    before = {name: (tmp_path / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    meetings_before = _meetings(out.with_suffix(".store"))

    for article in sorted(corpus.iterdir())[::3]:  # a new version of the corpus
        article.unlink()
    expected = tmp_path / "expected"
    expected.mkdir()
    start = time.perf_counter()
    _finished(_build(corpus, expected / "kg.ttl", tmp_path / "expected-cache"))
    duration = time.perf_counter() - start
    after = {name: (expected / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    assert after != before

    killed = 0
    for fraction in KILL_AT:
        shutil.rmtree(cache, ignore_errors=True)  # a cold build, timed like the reference: the kill lands midway
        process = _build(corpus, out, cache)
        time.sleep(fraction * duration)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
        for name in ("kg.ttl", "kg.trig"):
            assert (tmp_path / name).read_bytes() in (before[name], after[name]), (
                f"{name} half-written at {fraction:.0%} of a build"
            )
        assert _meetings(out.with_suffix(".store")) in (meetings_before, _meetings(expected / "kg.store"))
    assert killed >= 3, "the builds finished before the kill"

    _finished(_build(corpus, out, cache))
    assert {name: (tmp_path / name).read_bytes() for name in ("kg.ttl", "kg.trig")} == after
    assert store_mirrors(out.with_suffix(".store"), out)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == [], f"temporary files left behind: {leftovers}"


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
@pytest.mark.parametrize("files", ["always", "on-demand"])
def test_killed_rebuild_leaves_the_previous_outputs_and_build_state(tmp_path: Path, files: str) -> None:
    """A rebuild on the build state (articles deleted and changed) killed at any moment: the
    previous graph files and store, or the new ones, and a state the next build goes on from.
    With ``--files on-demand`` the files are the previous ones or absent (set aside to be spliced
    later), and the next build that writes them gives the new ones."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for source in [*ARTICLES.glob("*.txt"), *PROBE.glob("*.txt")]:
        shutil.copy(source, corpus)
    live, saved = tmp_path / "live", tmp_path / "saved"
    out, cache = live / "kg.ttl", live / "cache"
    _finished(_build(corpus, out, cache))
    before = {name: (live / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    meetings_before = _meetings(out.with_suffix(".store"))
    shutil.copytree(live, saved)

    for article in sorted(corpus.iterdir())[1::4]:
        article.unlink()
    changed = corpus / "p07_aliyev_tokayev_phone_call.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("phone", "telephone"), encoding="utf-8")
    start = time.perf_counter()
    _finished(_build(corpus, out, cache, "--files", files))
    duration = time.perf_counter() - start
    meetings_after = _meetings(out.with_suffix(".store"))
    if files == "on-demand":
        assert not out.exists()
        _finished(_build(corpus, out, cache))  # writes the files
    after = {name: (live / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    assert after != before
    kept = {"always": (before, after), "on-demand": (before, {})}[files]

    killed = 0
    for fraction in (0.25, 0.45, 0.65, 0.8, 0.95):
        shutil.rmtree(live)
        shutil.copytree(saved, live)  # the state, outputs and store of the first build
        process = _build(corpus, out, cache, "--files", files)
        time.sleep(fraction * duration)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
        for name in ("kg.ttl", "kg.trig"):
            found = (live / name).read_bytes() if (live / name).exists() else None
            assert found in [each.get(name) for each in kept], f"{name} half-written at {fraction:.0%}"
        assert _meetings(out.with_suffix(".store")) in (meetings_before, meetings_after)
        _finished(_build(corpus, out, cache))  # goes on from whatever the kill left
        assert {name: (live / name).read_bytes() for name in ("kg.ttl", "kg.trig")} == after
        assert _meetings(out.with_suffix(".store")) == meetings_after
        assert store_mirrors(out.with_suffix(".store"), out)
        leftovers = [p.name for p in live.iterdir() if p.name.startswith(".")]
        assert leftovers == [], f"temporary files left behind: {leftovers}"
    assert killed >= 3, "the builds finished before the kill"
