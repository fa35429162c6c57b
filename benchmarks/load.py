"""Load test of `pactgraph serve` on loopback: many queries from concurrent clients, errors and latency.

    python benchmarks/load.py                    # 2,000 queries, 8 clients → benchmarks/results/load.json

Starts `pactgraph serve` as its own process (guard and Oxigraph, as a user runs it) on a free
loopback port over the test fixture graph, then has ``--clients`` threads, each with one kept-alive
HTTP connection, send ``--queries`` queries in all, taking the bundled contract queries in turn.
An answer counts as an error unless it is HTTP 200 with SPARQL JSON results. Prints and writes
the error count, throughput and latency percentiles; stops the server with Ctrl-C (SIGINT) after.
``tests/test_endpoint_safety.py`` runs the same load and asserts zero errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "tests" / "data" / "mini-kg.trig"
RESULTS = Path(__file__).with_name("results") / "load.json"
QUERIES = ("meetings", "agreements", "partnerships", "capacities", "roles")


@contextmanager
def served(graph: Path) -> Iterator[str]:
    """`pactgraph serve --port 0` in its own process; its SPARQL endpoint URL; stopped with SIGINT after."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "pactgraph.cli", "serve", "--graph", str(graph), "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip().startswith("SPARQL endpoint"):
                endpoint = line.split()[-1]
                break
        else:
            raise RuntimeError("pactgraph serve stopped before printing its endpoint")
        yield endpoint
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _query_texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from pactgraph.queries import resolve_query

    return [resolve_query(name).text for name in QUERIES]


def run(endpoint: str, *, queries: int = 2000, clients: int = 8) -> dict:
    """Send ``queries`` queries from ``clients`` threads; errors, throughput and latency (ms)."""
    texts = _query_texts()
    parts = urllib.parse.urlsplit(endpoint)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(queries))

    def client() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            while True:
                with lock:
                    number = next(counter, None)
                if number is None:
                    return
                body = urllib.parse.urlencode({"query": texts[number % len(texts)]})
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json",
                }
                start = time.perf_counter()
                try:
                    connection.request("POST", parts.path, body=body, headers=headers)
                    answer = connection.getresponse()
                    payload = answer.read()
                    ok = answer.status == 200 and "bindings" in json.loads(payload)["results"]
                    problem = None if ok else f"HTTP {answer.status}"
                except (OSError, http.client.HTTPException, ValueError, KeyError) as err:
                    problem = f"{type(err).__name__}: {err}"
                    connection.close()
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        errors.append(problem)
        finally:
            connection.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "queries": len(latencies),
        "clients": clients,
        "errors": len(errors),
        "first_errors": errors[:5],
        "wall_s": round(wall, 2),
        "queries_per_s": round(len(latencies) / wall, 1),
        "latency_ms": {"p50": round(cuts[49], 1), "p99": round(cuts[98], 1), "max": round(max(latencies), 1)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--graph", type=Path, default=GRAPH)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    with served(args.graph) as endpoint:
        result = run(endpoint, queries=args.queries, clients=args.clients)
    result |= {
        "graph": str(args.graph.relative_to(ROOT) if args.graph.is_relative_to(ROOT) else args.graph),
        "query_mix": list(QUERIES),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
