"""Time rebuilds on the build state, several times each, for medians on a shared machine.

After one build that brings the state up to date (``refresh``: a cold build when the cache holds
only extracted facts, or nothing to do), it times ``--repeat`` times each: a rebuild with nothing
changed; one article changed by a sentence with no fact (its graph does not change); one article
gaining a new agreement between Azerbaijan and Kazakhstan (its graph, the union, the outputs and
the store change); and each change undone. ``--one-percent`` adds one rebuild with every 100th
article changed. Every build is a separate ``pactgraph build`` process, timed with its peak RSS
(``/usr/bin/time``), and the load average is noted. ``--code DIR`` runs the pactgraph of another
source tree (``DIR/src``; for example ``git archive main``), so two versions are timed on one
corpus and cache. ``--build-option`` (repeatable) is passed to every build, e.g.
``--build-option=--files --build-option=on-demand``, or ``--scheduler`` and its address (then no
``--jobs``). With ``--changed`` each rebuild is given the articles it changed on its standard
input (``build --changed -``; none for a rebuild with nothing changed), as a caller that knows
them would, instead of listing the folder (the first build lists it). With ``--watch SECONDS`` the
builds are one ``pactgraph build --watch --interval SECONDS`` process: after its first build
(``refresh``) each change is written as a careful writer writes it (another name, then a rename)
and timed by the rebuild line the process prints (``seconds``: the rebuild in the warm process)
and from the write to that line (``latency``: the polls that see the change and find it settled,
then the rebuild); RSS is the watch process's peak so far (its first build included), and
``unchanged`` is not timed (nothing to rebuild); at the end, the share of a core the watch takes
while nothing changes (``idle``, over 30 s). ``--watch`` with ``--changed`` runs the watch with
``--changed -`` and writes the paths of each change to its stdin once the change is written, as an
ingest process would: the latency is then from the write to the line with no look needed.

    python benchmarks/rebuilds.py --workdir /work/bench-scale --articles 10000 --label s3
    python benchmarks/rebuilds.py --workdir /work/bench-scale --articles 10000 --label s10-watch --watch 1
    python benchmarks/rebuilds.py --workdir /work/bench-scale --articles 10000 --label s10-fed --watch 1 --changed

Writes ``benchmarks/results/rebuilds-N-LABEL.jsonl`` (one line per build) and prints the medians.
Not a test: nothing here asserts a time. The corpus is ``benchmarks/run.py``'s (``corpus-N``);
the changed articles are written back after each build.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def _no_fact() -> bytes:
    return f"\nOfficials declined to comment further on the talks (note {secrets.token_hex(4)}).\n".encode()


def _a_fact() -> bytes:
    return (
        "\nOn 3 March 2024, the energy ministers of Azerbaijan and Kazakhstan signed a memorandum of "
        f"understanding on offshore wind cooperation in Baku (note {secrets.token_hex(4)}).\n"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, required=True, help="holds corpus-N, cache-N, graph-N")
    parser.add_argument("--articles", type=int, required=True, help="the corpus size N")
    parser.add_argument("--label", required=True, help="names the result file: the code measured")
    parser.add_argument("--code", type=Path, help="a pactgraph source tree to run instead of this one")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--one-percent", action="store_true", help="also change every 100th article once")
    parser.add_argument("--build-option", action="append", default=[], help="passed to every build (repeatable)")
    parser.add_argument("--changed", action="store_true", help="give each rebuild the articles it changed")
    parser.add_argument("--watch", type=float, metavar="SECONDS", help="one build --watch process, this --interval")
    args = parser.parse_args()
    work, n = args.workdir, args.articles
    graph = work / f"graph-{n}"
    command = [sys.executable, "-m", "pactgraph.cli", "build", "--no-progress"]
    command += ["--articles", str(work / f"corpus-{n}" / "articles"), "--out", str(graph / "kg.ttl")]
    command += ["--store", str(graph / "kg.store"), "--cache", str(work / f"cache-{n}")]
    if "--scheduler" not in args.build_option:  # the Dask workers are the processes
        command += ["--jobs", str(args.jobs)]
    command += args.build_option
    env = dict(os.environ, PYTHONPATH=str(args.code / "src")) if args.code else None
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = RESULTS / f"rebuilds-{n}-{args.label}.jsonl"
    times: dict[str, list[float]] = {}
    watching = [*command, "--watch", "--interval", str(args.watch), *(["--changed", "-"] if args.changed else [])]
    watch = _Watch(watching, env, args.watch, fed=args.changed) if args.watch else None

    def build(kind: str, paths: list[Path] = ()) -> None:
        if watch is not None:
            row = watch.rebuilt(kind, paths)
        else:
            row = _build(command, kind, paths, env=env, changed=args.changed and kind != "refresh")
        row |= {"load": round(os.getloadavg()[0], 1)}
        with results.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")
        print(json.dumps(row), flush=True)
        times.setdefault(kind, []).append(row["seconds"])

    def changed(kind: str, paths: list[Path], addition) -> None:
        originals = [path.read_bytes() for path in paths]
        try:
            for path, text in zip(paths, originals, strict=True):
                _write(path, text + addition(), watched=watch is not None)
            build(kind, paths)
        finally:
            for path, text in zip(paths, originals, strict=True):
                _write(path, text, watched=watch is not None)
        build(f"{kind}, undone", paths)

    listed = sorted((work / f"corpus-{n}" / "articles").iterdir())
    try:
        _series(args, listed, build, changed)
        if watch is not None:
            row = watch.idle() | {"load": round(os.getloadavg()[0], 1)}
            with results.open("a", encoding="utf-8") as out:
                out.write(json.dumps(row) + "\n")
            print(json.dumps(row), flush=True)
    finally:
        if watch is not None:
            watch.stop()
    print(json.dumps({kind: {"median": statistics.median(s), "runs": len(s)} for kind, s in times.items()}))


def _series(args, listed: list[Path], build, changed) -> None:
    """The builds of a series, in order (``changed`` writes a change, times its build, and undoes it)."""
    n = args.articles
    build("refresh")
    for _ in range(args.repeat if not args.watch else 0):  # a watch does not rebuild when nothing changed
        build("unchanged")
    for _ in range(args.repeat):
        changed("one article, no new fact", [listed[n // 2]], _no_fact)
        changed("one article, a new fact", [listed[n // 2 + 1]], _a_fact)
    if args.one_percent:
        changed("1% of the articles", listed[::100], _no_fact)


def _build(command: list[str], kind: str, paths: list[Path], *, env, changed: bool) -> dict:
    """One ``pactgraph build`` process, timed with its peak RSS."""
    extra, stdin = (["--changed", "-"], "".join(f"{path}\n" for path in paths)) if changed else ([], None)
    timed = ["/usr/bin/time", "-f", "%e %M", *command, *extra]
    done = subprocess.run(timed, env=env, capture_output=True, text=True, input=stdin)
    if done.returncode:
        raise SystemExit(f"{kind}: the build failed:\n{done.stderr[-3000:]}")
    seconds, kilobytes = done.stderr.strip().splitlines()[-1].split()
    summary = next((line for line in done.stderr.splitlines() if line.startswith("built ")), "")
    return {"kind": kind, "seconds": float(seconds), "rss_mb": int(kilobytes) // 1024, "summary": summary}


def _write(path: Path, data: bytes, *, watched: bool) -> None:
    """A change to an article; for a watch, as a careful writer makes it (no half-written file seen)."""
    if not watched:
        path.write_bytes(data)
        return
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


class _Watch:
    """A ``pactgraph build --watch`` process and the lines it prints on stderr."""

    def __init__(self, command: list[str], env, interval: float, *, fed: bool = False) -> None:
        self.interval = interval
        self.fed = fed  # the paths of each change written to its stdin (--changed -)
        self.started = time.monotonic()
        stdin = subprocess.PIPE if fed else None
        self.process = subprocess.Popen(command, env=env, stdin=stdin, stderr=subprocess.PIPE, text=True)

    def rebuilt(self, kind: str, paths: list[Path] = ()) -> dict:
        """The row of the rebuild of the change just written to ``paths`` (for ``refresh``, of the
        first build); with ``fed``, the paths are given on the watch's stdin first."""
        wanted = "watching" if kind == "refresh" else "rebuilt"
        since = self.started if kind == "refresh" else time.monotonic()
        if self.fed and kind != "refresh":
            self.process.stdin.write("".join(f"{path}\n" for path in paths))
            self.process.stdin.flush()
        for line in self.process.stderr:
            if line.startswith(("Error:", "not rebuilt")):
                raise SystemExit(f"{kind}: the watch says: {line.strip()}")
            if line.startswith(wanted):
                break
        else:
            raise SystemExit(f"{kind}: the watch ended (exit {self.process.wait()})")
        latency = time.monotonic() - since
        seconds = float(line.split(" s ", 1)[0].rsplit(" ", 1)[1]) if kind != "refresh" else latency
        status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="utf-8")
        peak = next(int(row.split()[1]) for row in status.splitlines() if row.startswith("VmHWM:"))
        return {"kind": kind, "seconds": round(seconds, 2), "latency": round(latency, 2), "rss_mb": peak // 1024,
                "interval": self.interval, "fed": self.fed, "summary": line.strip()}  # fmt: skip

    def idle(self, seconds: float = 30.0) -> dict:
        """The share of one core the watch takes polling while nothing changes."""
        ticks = os.sysconf("SC_CLK_TCK")

        def cpu() -> float:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks  # utime and stime

        before = cpu()
        time.sleep(seconds)
        share = round((cpu() - before) / seconds, 3)
        return {"kind": "idle", "seconds": seconds, "cpu": share, "interval": self.interval}

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)  # SIGINT may be ignored by a process started in the background
        self.process.wait()


if __name__ == "__main__":
    main()
