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
them would, instead of listing the folder (the first build lists it).

    python benchmarks/rebuilds.py --workdir /work/bench-scale --articles 10000 --label s3

Writes ``benchmarks/results/rebuilds-N-LABEL.jsonl`` (one line per build) and prints the medians.
Not a test: nothing here asserts a time. The corpus is ``benchmarks/run.py``'s (``corpus-N``);
the changed articles are written back after each build.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
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
    args = parser.parse_args()
    work, n = args.workdir, args.articles
    graph = work / f"graph-{n}"
    command = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "pactgraph.cli", "build", "--no-progress"]
    command += ["--articles", str(work / f"corpus-{n}" / "articles"), "--out", str(graph / "kg.ttl")]
    command += ["--store", str(graph / "kg.store"), "--cache", str(work / f"cache-{n}")]
    if "--scheduler" not in args.build_option:  # the Dask workers are the processes
        command += ["--jobs", str(args.jobs)]
    command += args.build_option
    env = dict(os.environ, PYTHONPATH=str(args.code / "src")) if args.code else None
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = RESULTS / f"rebuilds-{n}-{args.label}.jsonl"
    times: dict[str, list[float]] = {}

    def build(kind: str, paths: list[Path] = ()) -> None:
        given = args.changed and kind != "refresh"
        extra, stdin = (["--changed", "-"], "".join(f"{path}\n" for path in paths)) if given else ([], None)
        done = subprocess.run(command + extra, env=env, capture_output=True, text=True, input=stdin)
        if done.returncode:
            raise SystemExit(f"{kind}: the build failed:\n{done.stderr[-3000:]}")
        seconds, kilobytes = done.stderr.strip().splitlines()[-1].split()
        summary = next((line for line in done.stderr.splitlines() if line.startswith("built ")), "")
        row = {"kind": kind, "seconds": float(seconds), "rss_mb": int(kilobytes) // 1024}
        row |= {"load": round(os.getloadavg()[0], 1), "summary": summary}
        with results.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")
        print(json.dumps(row), flush=True)
        times.setdefault(kind, []).append(row["seconds"])

    def changed(kind: str, paths: list[Path], addition) -> None:
        originals = [path.read_bytes() for path in paths]
        try:
            for path, text in zip(paths, originals, strict=True):
                path.write_bytes(text + addition())
            build(kind, paths)
        finally:
            for path, text in zip(paths, originals, strict=True):
                path.write_bytes(text)
        build(f"{kind}, undone", paths)

    listed = sorted((work / f"corpus-{n}" / "articles").iterdir())
    build("refresh")
    for _ in range(args.repeat):
        build("unchanged")
    for _ in range(args.repeat):
        changed("one article, no new fact", [listed[n // 2]], _no_fact)
        changed("one article, a new fact", [listed[n // 2 + 1]], _a_fact)
    if args.one_percent:
        changed("1% of the articles", listed[::100], _no_fact)
    print(json.dumps({kind: {"median": statistics.median(s), "runs": len(s)} for kind, s in times.items()}))


if __name__ == "__main__":
    main()
