"""Where the time of a cold build with validation goes, on a generated corpus (``generate.py``).

Two cold builds (empty cache, ``--store``), each in its own process:

- ``--jobs 1``: every task runs in the build process, so each step is timed where it runs:
  extraction (``extract_article``), graph writing (``article_quads`` and ``render_part``), SHACL
  validation (``validate_quads``), output writing (``kg.ttl``, ``kg.trig``), store loading, and
  the rest: the build state's bookkeeping (SQLite reads and writes, packing facts, merging
  entities and facts, the union's counts, the report);
- ``--jobs 2``: the wall time of each stage in the build process (extraction and graph writing
  with validation run in the two worker processes; the rest in the build process).

    python benchmarks/breakdown.py --articles 1000   # → benchmarks/results/breakdown-1000.json
    python benchmarks/run.py --table                 # puts the table in docs/benchmarks.md

Not a test: nothing here asserts a time. The load average is recorded before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import RESULTS, _corpus  # benchmarks/ is not a package

#: Run in the build process: wraps the functions of each step with a timer, builds, prints the times.
_TIMED = """
import functools, json, sys, time
import pactgraph.build, pactgraph.cli, pactgraph.extract, pactgraph.incremental, pactgraph.triples

spent = {}

def timed(owner, name, step):
    function = getattr(owner, name)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[step] = spent.get(step, 0.0) + time.perf_counter() - start

    setattr(owner, name, wrapper)

if sys.argv[1] == "1":
    timed(pactgraph.extract, "extract_article", "extraction")  # imported where an article is read
    timed(pactgraph.triples, "article_quads", "graph writing")  # imported where a graph is written
    timed(pactgraph.build, "render_part", "graph writing")
    timed(pactgraph.build, "validate_quads", "validation")
else:
    timed(pactgraph.incremental, "read_corpus", "extraction")
    timed(pactgraph.incremental, "_all_article_parts", "graph writing and validation")
timed(pactgraph.incremental, "write_union", "output writing")
timed(pactgraph.incremental, "write_dataset", "output writing")
timed(pactgraph.incremental, "update_store", "store loading")
start = time.perf_counter()
pactgraph.cli.main(["build", "--no-progress", "--jobs", *sys.argv[1:]], standalone_mode=False)
spent["total"] = time.perf_counter() - start
print(json.dumps(spent), file=sys.stderr)
"""


def _timed_build(corpus: Path, jobs: int, workdir: Path) -> dict:
    out = workdir / f"graph-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    before = os.getloadavg()[0]
    process = subprocess.run(
        [sys.executable, "-c", _TIMED, str(jobs), "--articles", str(corpus / "articles"),
         "--out", str(out / "kg.ttl"), "--store", str(out / "kg.store"), "--cache", str(out / "cache"),
         "--files", "always"],  # writing the files is one of the steps timed
        capture_output=True, text=True,
    )  # fmt: skip
    if process.returncode != 0:
        raise SystemExit(f"build failed:\n{process.stderr}")
    spent = json.loads(process.stderr.strip().splitlines()[-1])
    total = spent.pop("total")
    steps = {step: round(seconds, 1) for step, seconds in spent.items()}
    steps["state bookkeeping and the rest"] = round(total - sum(spent.values()), 1)
    return {
        "seconds": round(total, 1),
        "steps": steps,
        "load_average": [round(before, 1), round(os.getloadavg()[0], 1)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="size of the generated corpus")
    parser.add_argument(
        "--workdir", default=Path(tempfile.gettempdir()) / "pactgraph-bench", help="corpus (shared with run.py)"
    )
    args = parser.parse_args()
    corpus, generated = _corpus(Path(args.workdir), args.articles)
    result = {"articles": generated["articles"], "words": generated["words"]}
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for jobs in (1, 2):
            print(f"{args.articles} articles, --jobs {jobs} …", flush=True)
            result[f"jobs_{jobs}"] = _timed_build(corpus, jobs, Path(tmp))
            print(f"  {result[f'jobs_{jobs}']}", flush=True)
    (RESULTS / f"breakdown-{args.articles}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
