"""A build stopped by Ctrl-C (SIGINT to its whole process group, as a terminal sends it) or by
SIGTERM exits at once: exit 130 (143 for SIGTERM), one line on stderr, no traceback, no process
left behind; the previous graph files, store and build state are as they were, and the next
build succeeds. Real subprocess builds of a generated corpus of 2,000 articles (issue 16).

Before, a Ctrl-C that reached the worker processes while they waited for their next task broke
the process pool as the build cancelled the tasks not started: the pool's management thread
failed on a cancelled task (CPython 3.11) before closing its task queue, whose feeder thread
stayed blocked writing a large task to a pipe nobody read, and the build process waited for it
forever on exit, after printing every worker's traceback and click's "Aborted!" (exit 1)."""

from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.state import STATE_FILE

from .conftest import ROOT
from .edits import corpus_of, store_quads
from .test_generate import generate_module

pytestmark = pytest.mark.skipif(
    not hasattr(os, "killpg") or not Path("/proc/self/stat").is_file(), reason="needs POSIX process groups and /proc"
)

#: Generated articles the interrupted builds are given: minutes of work on two cores.
GENERATED = 2000
#: Articles of the builds that finish.
SMALL = 24
#: Seconds an interrupted build may take to exit.
PROMPTLY = 30.0
INTERRUPTED = "Interrupted (Ctrl-C): the build stopped; no graph file, store or build state is left half-written"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("generated")
    generate_module.generate(folder, GENERATED, seed=16)
    return sorted((folder / "articles").glob("*.txt"))


def _start(corpus: Path, out: Path, cache: Path, *extra: str) -> subprocess.Popen:
    """``pactgraph build`` in a process group of its own, with SIGINT as a terminal leaves it (a
    test runner started in the background may have it ignored, and children inherit that)."""
    command = [sys.executable, "-m", "pactgraph.cli", "build", "--no-progress", "--articles", str(corpus)]
    command += ["--out", str(out / "kg.ttl"), "--store", str(out / "kg.store"), "--cache", str(cache)]
    return _process([*command, "--jobs", "2", "--files", "always", *extra], cwd=out.parent)


def _process(command: list[str], *, cwd: Path | None = None) -> subprocess.Popen:
    """A process of this checkout's pactgraph (``cwd``: where no data/links.csv is read by default)."""
    paths = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    return subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL),
    )


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _stop(process: subprocess.Popen, *, after: float, sigterm: bool = False) -> tuple[int, str, str, float]:
    """Send SIGINT to the build's process group (SIGTERM to the build process alone) ``after``
    seconds once its worker processes are there; its exit code, stdout, stderr, and how long it
    took to exit."""
    deadline = time.monotonic() + 120
    while len(_children(process.pid)) < 2:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build started no worker processes"
        time.sleep(0.02)
    time.sleep(after)
    assert process.poll() is None, "the build ended before it was stopped: give it more articles"
    if sigterm:
        os.kill(process.pid, signal.SIGTERM)
    else:
        os.killpg(process.pid, signal.SIGINT)
    sent = time.monotonic()
    try:
        out, err = process.communicate(timeout=PROMPTLY)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"the build did not exit within {PROMPTLY:g} s of the signal")
    took = time.monotonic() - sent
    with pytest.raises(ProcessLookupError):  # no worker left in the group
        os.killpg(process.pid, 0)
    return process.returncode, out.decode(), err.decode(), took


def _snapshot(out: Path, cache: Path) -> dict[str, object]:
    return {
        "files": {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()},
        "names": sorted(p.name for p in out.iterdir()),  # no temporary file or store left beside them
        "store": store_quads(out / "kg.store"),
        "stamp": (out / "kg.store" / "pactgraph-store.json").read_bytes(),
        "state": (cache / STATE_FILE).read_bytes(),
        "journal": sorted(p.name for p in cache.iterdir() if p.name.startswith(STATE_FILE)),
    }


def test_a_build_stopped_by_ctrl_c_exits_at_once_and_keeps_the_last_build(
    generated: list[Path], tmp_path: Path
) -> None:
    corpus, out, cache = tmp_path / "articles", tmp_path / "out", tmp_path / "cache"

    # a cold build, stopped as its worker processes start (the moment the process pool hung)
    code, stdout, stderr, took = _stop(_start(corpus_of(corpus, generated), out, cache), after=0.0)
    assert (code, stdout) == (130, ""), stderr
    assert stderr.startswith(INTERRUPTED) and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr
    assert not out.exists() or sorted(p.name for p in out.iterdir()) == [], "files left by the stopped build"

    # the next build succeeds: the previous graph
    corpus_of(corpus, generated[:SMALL])
    build([corpus], out=out / "kg.ttl", store=out / "kg.store", jobs=1, cache=BuildCache(cache), files_on_demand=False)
    before = _snapshot(out, cache)

    # a build of many more articles, stopped a couple of seconds into its extraction
    corpus_of(corpus, generated)
    code, stdout, stderr, took = _stop(_start(corpus, out, cache), after=2.0)
    assert (code, stdout) == (130, ""), stderr
    assert stderr.startswith(INTERRUPTED) and stderr.count("\n") == 1, stderr
    assert took < PROMPTLY
    assert _snapshot(out, cache) == before, "the previous graph files, store or build state changed"

    # SIGTERM to the build process alone: the same stop, exit 143, its workers stopped with it
    code, _, stderr, _ = _stop(_start(corpus, out, cache), after=1.0, sigterm=True)
    assert code == 143 and stderr.startswith("Interrupted (SIGTERM): the build stopped;") and "Traceback" not in stderr
    assert _snapshot(out, cache) == before

    # the next build succeeds and writes what a build on a new state writes
    corpus_of(corpus, generated[: SMALL + 6])
    process = _start(corpus, out, cache)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode()
    fresh = tmp_path / "fresh-cache"
    shutil.copytree(cache, fresh, ignore=shutil.ignore_patterns(f"{STATE_FILE}*"))
    reference = tmp_path / "reference"
    build(
        [corpus],
        out=reference / "kg.ttl",
        store=reference / "kg.store",
        jobs=1,
        cache=BuildCache(fresh),
        files_on_demand=False,
    )
    for name in ("kg.ttl", "kg.trig"):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    assert store_quads(out / "kg.store") == store_quads(reference / "kg.store")


def test_a_force_build_stopped_midway_keeps_the_last_build_and_its_state(generated: list[Path], tmp_path: Path) -> None:
    """``build --force`` reads every article again into a state emptied in its transaction: stopped
    midway, the state of the last build is still there (it used to be deleted first), and so are
    the graph files and the store; the next build without --force reads nothing again."""
    corpus, out, cache = tmp_path / "articles", tmp_path / "out", tmp_path / "cache"
    corpus_of(corpus, generated[:SMALL])
    build([corpus], out=out / "kg.ttl", store=out / "kg.store", jobs=1, cache=BuildCache(cache), files_on_demand=False)
    before = _snapshot(out, cache)

    corpus_of(corpus, generated)  # many articles: minutes of extraction, stopped a couple of seconds in
    for signum, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
        process = _start(corpus, out, cache, "--force")
        status, stdout, stderr, _ = _stop(process, after=2.0, sigterm=signum == signal.SIGTERM)  # fails after PROMPTLY
        assert (status, stdout) == (code, ""), stderr
        assert stderr.startswith("Interrupted (") and stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
        assert _snapshot(out, cache) == before, "the --force build stopped midway lost the last build's state"

    corpus_of(corpus, generated[:SMALL])
    summary = build([corpus], out=out / "kg.ttl", store=out / "kg.store", jobs=1, cache=BuildCache(cache))
    assert summary.extracted == 0 and "unchanged" in str(summary), str(summary)


_POOL = """
from pactgraph.cluster import map_tasks

print(sum(map_tasks(len, [b"x" * 3_000_000] * 1000, jobs=2)))
"""


@pytest.mark.parametrize("after", [0.0, 0.05, 0.2, 0.5])
def test_local_worker_processes_stopped_by_ctrl_c_do_not_hang_the_build_process(after: float) -> None:
    """The hang itself, as it was reproduced: tasks of a few megabytes (as the graphs' tasks are)
    that the workers spend their time receiving; Ctrl-C to the whole group as they start. It hung
    in about two runs of three."""
    code, _, stderr, _ = _stop(_process([sys.executable, "-c", _POOL]), after=after)
    assert code == -signal.SIGINT, stderr  # a KeyboardInterrupt out of a script: its own traceback, no worker's
    assert stderr.count("Traceback") == 1 and not re.search(r"^Process \w+-\d+:$", stderr, re.MULTILINE), stderr
