"""Measure pactgraph: build throughput, peak memory, graph size, bundled query latency (our
pyoxigraph store against a plain rdflib Graph over the same Turtle) and Turtle export.

The corpus is our own articles (``data/articles``, ``corpus/probe``, ``corpus/probe2``) repeated under
new file names until there are ``--articles`` of them; repeated articles give repeated facts, so the
graph grows with the corpus as a real archive's would, only with more overlap.

    python benchmarks/run.py --articles 200            # writes benchmarks/results/run-200.json

Not a test: nothing here asserts a time. The README quotes the table this prints.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import rdflib

from pactgraph.build import build_quads
from pactgraph.queries import bundled_queries, run_query
from pactgraph.store import Format, serialize, store_of

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "data" / "articles", ROOT / "corpus" / "probe" / "articles", ROOT / "corpus" / "probe2" / "articles"]


def make_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` article files in ``folder``, cycling through our own articles."""
    originals = sorted(p for source in SOURCES for p in source.glob("*.txt"))
    paths = []
    for i in range(count):
        original = originals[i % len(originals)]
        path = folder / f"{i:06d}_{original.stem}.txt"
        shutil.copyfile(original, path)
        paths.append(path)
    return paths


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _rdflib_query(graph: rdflib.Graph, text: str, answer) -> None:
    try:
        start = time.perf_counter()
        list(graph.query(text))
        answer.put(time.perf_counter() - start)
    except Exception as err:  # rdflib cannot run GRAPH patterns on a plain Graph
        answer.put(f"fails: {type(err).__name__}")


def _rdflib_seconds(graph: rdflib.Graph, text: str, timeout: float) -> float | str:
    """One run of a query on rdflib, in a forked process stopped after ``timeout`` seconds."""
    context = multiprocessing.get_context("fork")
    answer = context.Queue()
    process = context.Process(target=_rdflib_query, args=(graph, text, answer))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
        return f"> {timeout:g} s"
    return answer.get()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="number of articles to build")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (the median is reported)")
    parser.add_argument("--rdflib-timeout", type=float, default=60, help="seconds before an rdflib query is stopped")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.articles)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        start = time.perf_counter()
        quads = build_quads(paths, strict=False).quads
        build_seconds = time.perf_counter() - start
    store = store_of(quads)
    start = time.perf_counter()
    turtle = serialize(quads, Format.TURTLE)
    export_seconds = time.perf_counter() - start
    graph = rdflib.Graph()
    graph.parse(data=turtle, format="turtle")
    graph.parse(ROOT / "ontology" / "pactgraph.ttl", format="turtle")
    queries = {}
    for query in bundled_queries():
        ours = median_seconds(lambda q=query: run_query(store, q.text), args.repeat)
        theirs = _rdflib_seconds(graph, query.text, args.rdflib_timeout)
        queries[query.name] = {
            "pactgraph_ms": round(ours * 1000, 2),
            "rdflib_ms": round(theirs * 1000, 2) if isinstance(theirs, float) else theirs,
        }
    result = {
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}",
        "articles": args.articles,
        "words": words,
        "build_seconds": round(build_seconds, 2),
        "articles_per_second": round(args.articles / build_seconds, 1),
        "words_per_second": round(words / build_seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "triples": len({q.triple for q in quads}),
        "turtle_export_seconds": round(export_seconds, 2),
        "queries": queries,
    }
    out = ROOT / "benchmarks" / "results" / f"run-{args.articles}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"{args.articles} articles, {words} words: build {build_seconds:.1f} s "
        f"({result['articles_per_second']} articles/s, {result['words_per_second']} words/s), "
        f"peak RSS {result['peak_rss_mb']} MB, {result['triples']} triples, Turtle export {export_seconds:.2f} s"
    )
    print("\n| query | pactgraph (ms) | rdflib (ms) | rdflib / pactgraph |\n|---|---|---|---|")
    for name, q in queries.items():
        if not isinstance(q["rdflib_ms"], float):
            print(f"| {name} | {q['pactgraph_ms']} | {q['rdflib_ms']} | |")
        else:
            print(f"| {name} | {q['pactgraph_ms']} | {q['rdflib_ms']} | {q['rdflib_ms'] / q['pactgraph_ms']:.0f}× |")
    print(f"\nwritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
