"""Interrupted and damaged builds (issue 8, item 3): a build killed midway, a damaged cache, a store
folder that is not a store. The message is what the next command prints."""

from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import dask
import distributed  # noqa: F401  (its defaults in dask's config before dask.config.set, which restores what it found)

import pactgraph
import pactgraph.state
from pactgraph.store import open_store, store_mirrors

from .behaviour import Case, Observed, kept_or_replaced, normalise, run_cli
from .servers import unused_port

AREA = "Interrupted and damaged builds"
ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "data" / "articles", ROOT / "corpus" / "probe" / "articles", ROOT / "corpus" / "probe2" / "articles"]
BUILD = (
    "build",
    "--articles",
    "articles",
    "--out",
    "kg.ttl",
    "--store",
    "kg.store",
    "--files",
    "always",
    "--cache",
    "cache",
    "--no-progress",
)


def _corpus(folder: Path) -> None:
    (folder / "articles").mkdir()
    for source in SOURCES:
        for article in source.glob("*.txt"):
            shutil.copy(article, folder / "articles")


def _without_cache_count(message: str) -> str:
    return re.sub(r" \(\d+ unchanged, from the cache\)", "", message)


def _killed_build(folder: Path) -> Observed:
    """A build killed with SIGKILL halfway through (its workers too), then the next build."""
    _corpus(folder)
    first = run_cli(folder, *BUILD)
    assert first.exit_code == 0, first.stderr
    before = {name: (folder / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    for article in sorted((folder / "articles").iterdir())[::3]:
        article.unlink()  # the next build has a different graph to write
    shutil.rmtree(folder / "cache" / "facts")  # the first facts to appear there are the killed build's
    source = str(Path(pactgraph.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "pactgraph.cli", *BUILD, "--force"]  # everything to extract again
    process = subprocess.Popen(command, cwd=folder, env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    facts = folder / "cache" / "facts"
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline and not any(facts.rglob("*")):
        time.sleep(0.01)  # killed as soon as the first article's facts are cached: midway through extracting,
        # before any output is written, however fast the machine (a fixed sleep raced the outputs)
    killed = process.poll() is None
    if killed:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    intact = [kept_or_replaced(folder / name, before[name]) for name in before]
    usable = len(open_store(folder / "kg.store")) > 0
    again = run_cli(folder, *BUILD)
    recovered = again.exit_code == 0 and store_mirrors(folder / "kg.store", folder / "kg.ttl")
    return Observed(
        again.exit_code,
        _without_cache_count(again.message),  # as many as the killed build cached
        ("killed; " if killed else "finished before the kill; ")
        + ", ".join(intact)
        + (", previous store usable" if usable else ", store unusable")
        + ("; the next build recovered" if recovered else "; the next build failed"),
    )


def _stopped_build(folder: Path) -> Observed:
    """A build given Ctrl-C (SIGINT to its process group, as a terminal sends it) while it extracts
    new articles, then the next build."""
    articles = sorted((article for source in SOURCES for article in source.glob("*.txt")), key=lambda p: p.name)
    (folder / "articles").mkdir()
    for article in articles[::2]:
        shutil.copy(article, folder / "articles")
    first = run_cli(folder, *BUILD)
    assert first.exit_code == 0, first.stderr
    before = {name: (folder / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    state = (folder / "cache" / "state.sqlite").read_bytes()
    for article in articles[1::2]:
        shutil.copy(article, folder / "articles")  # new articles: the next build extracts them
    facts = folder / "cache" / "facts"
    known = sum(1 for _ in facts.rglob("*"))
    source = str(Path(pactgraph.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(
        [sys.executable, "-m", "pactgraph.cli", *BUILD, "--jobs", "2"],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL),  # as a terminal leaves it
    )
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline and sum(1 for _ in facts.rglob("*")) == known:
        time.sleep(0.01)  # stopped once the first new article's facts are cached: midway through extracting
    stopped = process.poll() is None
    if stopped:
        os.killpg(process.pid, signal.SIGINT)
    try:
        _, err = process.communicate(timeout=60)
        outcome = "stopped at once" if stopped else "finished before Ctrl-C"
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        _, err = process.communicate()
        outcome = "hung: killed after 60 s"
    try:
        os.killpg(process.pid, 0)
        outcome += ", processes left behind"
    except ProcessLookupError:
        outcome += ", no process left"
    intact = [kept_or_replaced(folder / name, before[name]) for name in before]
    usable = len(open_store(folder / "kg.store")) > 0
    kept = (folder / "cache" / "state.sqlite").read_bytes() == state
    again = run_cli(folder, *BUILD)
    recovered = again.exit_code == 0 and store_mirrors(folder / "kg.store", folder / "kg.ttl")
    return Observed(
        process.returncode,
        normalise(err.decode("utf-8", errors="replace"), folder).strip(),
        f"{outcome}; "
        + ", ".join(intact)
        + (", previous store usable" if usable else ", store unusable")
        + (", build state intact" if kept else ", build state changed")
        + ("; the next build recovered" if recovered else "; the next build failed"),
    )


def _left_on_demand(folder: Path) -> None:
    """The bundled articles built with a store: kg.ttl and kg.trig left on demand."""
    shutil.copytree(ROOT / "data" / "articles", folder / "articles")
    built = run_cli(folder, *[option for option in BUILD if option not in ("--files", "always")])
    assert built.exit_code == 0 and not (folder / "kg.trig").exists(), built.stderr


def _on_demand_state_gone(folder: Path) -> Observed:
    _left_on_demand(folder)
    shutil.rmtree(folder / "cache")
    run = run_cli(folder, "export", "--graph", "kg.trig", "--format", "nquads")
    return Observed(run.exit_code, run.message, "nothing written" if not (folder / "kg.trig").exists() else "written")


def _on_demand_state_in_use(folder: Path) -> Observed:
    _left_on_demand(folder)
    held = sqlite3.connect(folder / "cache" / "state.sqlite", isolation_level=None)
    held.execute("BEGIN IMMEDIATE")  # as a build running on it holds it
    wait, pactgraph.state.WAIT_FOR_STATE = pactgraph.state.WAIT_FOR_STATE, 0.5
    try:
        run = run_cli(folder, "export", "--graph", "kg.trig", "--format", "nquads")
    finally:
        pactgraph.state.WAIT_FOR_STATE = wait
        held.execute("ROLLBACK")
        held.close()
    again = run_cli(folder, "export", "--graph", "kg.trig", "--format", "nquads")
    written = again.exit_code == 0 and (folder / "kg.trig").is_file()
    return Observed(
        run.exit_code,
        run.message,
        "nothing written; the same command once the build is done writes kg.trig"
        if written
        else "nothing written; the same command once the build is done failed",
    )


def _damaged_cache(folder: Path) -> Observed:
    _corpus(folder)
    run_cli(folder, *BUILD)
    clean = (folder / "kg.ttl").read_bytes()
    entries = sorted(p for p in (folder / "cache").rglob("*") if p.is_file())
    for entry in entries[::3]:
        entry.write_bytes(entry.read_bytes()[:7])
    again = run_cli(folder, *BUILD)
    same = (folder / "kg.ttl").read_bytes() == clean
    return Observed(
        again.exit_code,
        _without_cache_count(again.message),  # which entries are hit follows the keys, new with every code change
        f"{len(entries[::3])} of {len(entries)} entries truncated: recomputed; "
        + ("graph identical to the clean build" if same else "graph differs"),
    )


def _foreign_store_folder(folder: Path) -> Observed:
    _corpus(folder)
    (folder / "kg.store").mkdir()
    (folder / "kg.store" / "notes.txt").write_text("mine")
    run = run_cli(folder, *BUILD)
    untouched = (folder / "kg.store" / "notes.txt").read_text() == "mine"
    return Observed(run.exit_code, run.message, "folder untouched" if untouched else "folder overwritten")


def _unreachable_scheduler(folder: Path) -> Observed:
    shutil.copytree(ROOT / "data" / "articles", folder / "articles")
    first = run_cli(folder, *BUILD)
    assert first.exit_code == 0, first.stderr
    before = (folder / "kg.ttl").read_bytes()
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        run = run_cli(folder, *BUILD, "--scheduler", f"tcp://127.0.0.1:{unused_port()}")
    return Observed(run.exit_code, run.message, kept_or_replaced(folder / "kg.ttl", before))


def _missing_store(folder: Path) -> Observed:
    run = run_cli(folder, "query", "meetings", "--store", "nowhere.store")
    return Observed(run.exit_code, run.message, "nothing read")


CASES = [
    Case(AREA, "build killed with SIGKILL midway", _killed_build),
    Case(AREA, "build stopped by Ctrl-C midway", _stopped_build),
    Case(AREA, "build cache entries damaged", _damaged_cache),
    Case(AREA, "--store on a folder that is not a pactgraph store", _foreign_store_folder),
    Case(AREA, "query --store on a missing store", _missing_store),
    Case(AREA, "build --scheduler where no Dask scheduler listens", _unreachable_scheduler),
    Case(AREA, "export of a file left on demand, its build state deleted", _on_demand_state_gone),
    Case(AREA, "export of a file left on demand while a build has its state", _on_demand_state_in_use),
]
