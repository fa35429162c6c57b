"""Follow a cold build over time: how far it got, how fast, and what it held, minute by minute.

A cold build of a large corpus takes hours, and may have to be stopped before it ends. This runs
one ``pactgraph build`` (empty cache; the corpus, cache and graph of ``benchmarks/run.py``'s
``--workdir``) and every ``--interval`` seconds writes a line: seconds since the start, the load
average, the articles extracted so far (entries in the cache's ``facts/``) and the graphs
validated (entries in ``valid/``), the resident memory now and at its peak (``VmHWM``) of the
build process and of each of its worker processes, the largest any worker reached so far, and the
size of the build state on disk (``state.sqlite`` and its journal). With ``--stop-after`` the
build is stopped after that many seconds with SIGINT to its process group (as Ctrl-C would: the
state is rolled back, the cache entries written so far stay), and the last line says so. With
``--keep-cache`` only the build state is removed, not the cache's entries: the build then starts a
new state over the facts (and SHACL results) cached before, without extracting again (the counts
of ``facts/`` and ``valid/`` then include the entries that were there).

    python benchmarks/cold.py --workdir /work/bench --articles 300000 --label s6 --stop-after 6000 \\
        --build-option=--files --build-option=on-demand

Writes ``benchmarks/results/cold-N-LABEL.jsonl``. Not a test: nothing here asserts a time. The
corpus must exist (``benchmarks/generate.py`` or ``run.py``); the cache folder is emptied first
(but for its entries with ``--keep-cache``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def _entries(folder: Path) -> int:
    """Cache entries under ``folder`` (``kind/xx/key``), without stating them."""
    count = 0
    try:
        with os.scandir(folder) as shards:
            for shard in shards:
                if shard.is_dir():
                    with os.scandir(shard.path) as keys:
                        count += sum(1 for key in keys if not key.name.startswith("."))
    except FileNotFoundError:
        pass
    return count


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in MB (empty when it is gone)."""
    found = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line[:6]] = int(line.split()[1]) // 1024
    except (OSError, ValueError):
        return {}
    return found


def _descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (children, their children, …), from ``/proc``."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _size_mb(*paths: Path) -> float:
    return round(sum(path.stat().st_size for path in paths if path.is_file()) / 1e6, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, required=True, help="holds corpus-N (cache-N, graph-N are made)")
    parser.add_argument("--articles", type=int, required=True, help="the corpus size N")
    parser.add_argument("--label", required=True, help="names the result file: the code measured")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--interval", type=float, default=60.0, help="seconds between two lines")
    parser.add_argument("--stop-after", type=float, help="stop the build (SIGINT) after this many seconds")
    parser.add_argument("--build-option", action="append", default=[], help="passed to the build (repeatable)")
    parser.add_argument("--keep-cache", action="store_true", help="remove only the state, keep the cached entries")
    args = parser.parse_args()
    work, n = args.workdir, args.articles
    articles = work / f"corpus-{n}" / "articles"
    if not articles.is_dir():
        raise SystemExit(f"{articles}: no corpus (benchmarks/generate.py --articles {n} --out {articles.parent})")
    cache, graph = work / f"cache-{n}", work / f"graph-{n}"
    if args.keep_cache:
        for name in ("state.sqlite", "state.sqlite-journal", "state.sqlite-wal"):
            (cache / name).unlink(missing_ok=True)
    else:
        shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(graph, ignore_errors=True)
    graph.mkdir(parents=True)
    command = [sys.executable, "-m", "pactgraph.cli", "build", "--no-progress", "--articles", str(articles)]
    command += ["--out", str(graph / "kg.ttl"), "--store", str(graph / "kg.store"), "--cache", str(cache)]
    command += ["--jobs", str(args.jobs), *args.build_option]
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = RESULTS / f"cold-{n}-{args.label}.jsonl"
    log = (work / f"cold-{n}-{args.label}.stderr").open("w", encoding="utf-8")
    start = time.perf_counter()
    # SIGINT as a terminal would send it: a shell starts a background job with SIGINT ignored, and
    # Python then installs no KeyboardInterrupt handler, so the stop below would not be heard
    default_sigint = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
    build = subprocess.Popen(
        command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=default_sigint
    )
    worker_peak = build_peak = 0
    stopped = False

    def line(**extra) -> None:
        nonlocal worker_peak, build_peak
        own = _status(build.pid)
        build_peak = max(build_peak, own.get("VmHWM:", 0))
        workers = {pid: _status(pid) for pid in _descendants(build.pid)}
        worker_peak = max([worker_peak, *(s.get("VmHWM:", 0) for s in workers.values())])
        state = cache / "state.sqlite"
        row = {
            "seconds": round(time.perf_counter() - start, 1),
            "load": round(os.getloadavg()[0], 1),
            "extracted": _entries(cache / "facts"),
            "validated": _entries(cache / "valid"),
            "rss_mb": own.get("VmRSS:"),
            "peak_rss_mb": build_peak,  # VmHWM at the last line it was alive
            "workers_rss_mb": sorted((s.get("VmRSS:", 0) for s in workers.values()), reverse=True),
            "worker_peak_rss_mb": worker_peak,
            "state_mb": _size_mb(state),
            "journal_mb": _size_mb(state.with_name(state.name + "-journal"), state.with_name(state.name + "-wal")),
            **extra,
        }
        with results.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")
        print(json.dumps(row), flush=True)

    while build.poll() is None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            build.wait(timeout=args.interval)
        if build.poll() is not None:
            break
        line()
        if args.stop_after and not stopped and time.perf_counter() - start >= args.stop_after:
            line(event="stopping: SIGINT to the build's process group")
            os.killpg(build.pid, signal.SIGINT)
            stopped = True
            try:
                build.wait(timeout=300)
            except subprocess.TimeoutExpired:
                os.killpg(build.pid, signal.SIGTERM)
                build.wait()
    log.close()
    tail = (work / f"cold-{n}-{args.label}.stderr").read_text(encoding="utf-8", errors="replace")
    summary = next((each for each in tail.splitlines() if each.startswith("built ")), "")
    line(event="stopped" if stopped else "finished", returncode=build.returncode, summary=summary)


if __name__ == "__main__":
    main()
