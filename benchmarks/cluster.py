"""Cold builds of a generated corpus locally (``--jobs 2``) and on a 2-worker Dask cluster on
loopback (``--scheduler``), with the peak memory of the build process, its local workers, the
scheduler and each Dask worker; checks that both builds wrote the same bytes.

    python benchmarks/cluster.py --articles 1000 --articles 10000   # → benchmarks/results/cluster-N.json
    python benchmarks/cluster.py --table     # the Markdown table of docs/cluster.md, from those files

The cluster is started afresh for each build (``dask scheduler`` and two ``dask worker --nthreads
1`` from this Python's bin folder), so each worker's peak RSS (``VmHWM``) is that build's. The load
average before and after each build is recorded: on a shared machine the times are noisy.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _build, _corpus  # benchmarks/ is not a package

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
BIN = Path(sys.executable).parent


def _peak_mb(pid: int) -> int:
    """Peak resident memory of a live process (Linux ``VmHWM``), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


@contextlib.contextmanager
def _cluster(home: Path):
    """A scheduler and two single-threaded workers on 127.0.0.1; yields (address, processes)."""
    from distributed import Client

    address_file = home / "scheduler.json"
    common = ["--no-dashboard", "--scheduler-file", str(address_file)]
    commands = [[str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0", *common]]
    commands += [[str(BIN / "dask"), "worker", "--host", "127.0.0.1", "--nthreads", "1", *common]] * 2
    processes = []
    try:
        for number, command in enumerate(commands):
            with open(home / f"process-{number}.log", "wb") as log:
                processes.append(
                    subprocess.Popen(command, cwd=home, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
                )
            if number == 0:
                while not address_file.exists():
                    time.sleep(0.1)
        with Client(scheduler_file=str(address_file), timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield json.loads(address_file.read_text())["address"], processes
    finally:
        for process in reversed(processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait()


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(corpus: Path, out: Path, extra: list[str]) -> dict:
    before, cpu = os.getloadavg()[0], _cpu_children()
    measured = _build(["--articles", str(corpus / "articles"), "--out", str(out), "--no-cache", *extra])
    return {
        "seconds": round(measured["seconds"], 1),
        # the build process and its local workers (less sensitive to the machine's load than wall time)
        "build_cpu_seconds": round(_cpu_children() - cpu, 1),
        "build_rss_mb": measured["rss_mb"],
        "local_worker_rss_mb": measured["worker_rss_mb"],
        "load_before": round(before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "summary": measured["summary"],
    }


def table() -> str:
    """The results as the Markdown table of docs/cluster.md."""
    lines = [
        "| articles | where | wall s (load before → after) | CPU s: build process + workers | peak RSS MB: build "
        "process / its workers / scheduler / Dask workers | same bytes |",
        "|---|---|---|---|---|---|",
    ]
    results = [json.loads(p.read_text(encoding="utf-8")) for p in RESULTS.glob("cluster-*.json")]
    for r in sorted(results, key=lambda r: r["articles"]):
        local, dask = r["local"], r["dask"]
        workers = dask.get("dask_worker_cpu_seconds", [])
        lines.append(
            f"| {r['articles']:,} | local, `--jobs 2` | {local['seconds']} ({local['load_before']} → "
            f"{local['load_after']}) | {local.get('build_cpu_seconds', '–')} (its workers included) "
            f"| {local['build_rss_mb']:,} / {local['local_worker_rss_mb']:,} / – / – | |"
        )
        lines.append(
            f"| {r['articles']:,} | Dask, 2 workers | {dask['seconds']} ({dask['load_before']} → "
            f"{dask['load_after']}) | {dask.get('build_cpu_seconds', '–')} + "
            f"{' + '.join(map(str, workers)) or '–'} | {dask['build_rss_mb']:,} / – / {dask['scheduler_rss_mb']:,} / "
            f"{' and '.join(map(str, dask['dask_worker_rss_mb']))} | {'yes' if r['same_bytes'] else 'NO'} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, action="append", default=[])
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "pactgraph-bench")
    parser.add_argument("--table", action="store_true", help="print the Markdown table of the result files")
    args = parser.parse_args()
    if args.table:
        print(table())
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    for count in args.articles:
        corpus, _ = _corpus(args.workdir, count)
        local_out = args.workdir / f"cluster-{count}" / "local" / "kg.ttl"
        result: dict = {"articles": count}
        result["local"] = _measure(corpus, local_out, ["--jobs", "2"])
        print(count, "local", result["local"], file=sys.stderr)
        remote_out = args.workdir / f"cluster-{count}" / "dask" / "kg.ttl"
        with tempfile.TemporaryDirectory(prefix="pactgraph-dask-") as home, _cluster(Path(home)) as (address, procs):
            result["dask"] = _measure(corpus, remote_out, ["--scheduler", address])
            result["dask"]["scheduler_rss_mb"] = _peak_mb(procs[0].pid)
            workers = [psutil.Process(nanny.pid).children(recursive=True) for nanny in procs[1:]]
            result["dask"]["dask_worker_cpu_seconds"] = [  # since they started, the pipeline's loading included
                round(sum(sum(child.cpu_times()[:2]) for child in children), 1) for children in workers
            ]
            # each `dask worker` is a nanny process and the worker process it started
            result["dask"]["dask_worker_rss_mb"] = [max(_peak_mb(c.pid) for c in children) for children in workers]
        print(count, "dask", result["dask"], file=sys.stderr)
        result["same_bytes"] = all(
            filecmp.cmp(local_out.with_suffix(suffix), remote_out.with_suffix(suffix), shallow=False)
            for suffix in (".ttl", ".trig")
        )
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"cluster-{count}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result), file=sys.stderr)


if __name__ == "__main__":
    main()
