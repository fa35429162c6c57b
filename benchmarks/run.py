"""Measure pactgraph at scale, on a generated corpus with known facts (``benchmarks/generate.py``).

One run reports, side by side:

- build throughput (articles/s, words/s): cold (empty cache), unchanged (nothing to extract), one
  article changed without changing its graph (a sentence with no fact), one article changed with a
  new fact (its graph, the union, the outputs and the store change), 1% changed; up to
  ``--no-validate-max``, cold without SHACL validation;
- peak memory (RSS of the build process and of its largest worker);
- triples; ``pactgraph export --format turtle`` from the TriG (up to ``--full-max``);
- each bundled query's median latency on pactgraph's on-disk store (``query --store``), against
  raw pyoxigraph on the same store (pactgraph's overhead: turning solutions into rows) and against
  a plain rdflib Graph of the same Turtle (below ``--rdflib-max-triples``; each query stopped after
  ``--rdflib-timeout`` seconds);
- each bundled query with parameters (one entity, one month, one kind or technology, a page of
  rows) against the same query without, on the on-disk store; ``--parameterised-only`` measures
  just these on a store an earlier run built, and updates its result file;
- extraction quality on the first ``--evaluate`` articles, scored against their generated gold.

    python benchmarks/run.py --articles 10000      # → benchmarks/results/scale-10000.json
    python benchmarks/run.py --articles 10000 --parameterised-only
    python benchmarks/run.py --table               # docs/benchmarks.md from every result file

The corpus, cache, graph and store live in ``--workdir`` (kept, so a second run skips generation).
Not a test: nothing here asserts a time. The builds run as separate processes (the CLI), so their
memory is their own.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from pactgraph.corpus import default_jobs
from pactgraph.queries import bundled_queries, run_query
from pactgraph.query_parameters import declared_parameters, run_bundled_query
from pactgraph.store import Format, export, load_graph, open_store

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
TABLE = ROOT / "docs" / "benchmarks.md"

_BUILD = """
import json, resource, sys, time
from pactgraph.cli import main
start = time.perf_counter()
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(json.dumps({"seconds": seconds, "rss_mb": own, "worker_rss_mb": workers}), file=sys.stderr)
"""


def _no_fact() -> bytes:
    """A sentence that holds no fact, new at every run: the changed article is extracted again
    (the same change twice would come from the extraction cache)."""
    return f"\nOfficials declined to comment further on the talks (note {secrets.token_hex(4)}).\n".encode()


def _a_fact() -> bytes:
    """A sentence that holds a new agreement: the changed article's graph is written again, and
    the union, the outputs and the store change with it."""
    return (
        "\nOn 3 March 2024, the energy ministers of Azerbaijan and Kazakhstan signed a memorandum of "
        f"understanding on offshore wind cooperation in Baku (note {secrets.token_hex(4)}).\n"
    ).encode()


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _corpus(workdir: Path, count: int) -> tuple[Path, dict]:
    """The generated corpus of ``count`` articles (generated once, then reused)."""
    folder = workdir / f"corpus-{count}"
    summary_file = folder / "summary.json"
    if not summary_file.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        summary = _generator().generate(folder, count)
        summary["generation_seconds"] = round(time.perf_counter() - start, 1)
        summary_file.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return folder, json.loads(summary_file.read_text(encoding="utf-8"))


def _build(args: list[str]) -> dict:
    """One ``pactgraph build`` in its own process: its wall time and peak memory."""
    process = subprocess.run(
        [sys.executable, "-c", _BUILD, "build", "--no-progress", *args], capture_output=True, text=True
    )
    lines = process.stderr.strip().splitlines()
    if process.returncode != 0:
        raise SystemExit(f"build failed:\n{process.stderr}")
    measured = json.loads(lines[-1])
    measured["summary"] = next((line for line in lines if line.startswith("built ")), "")
    measured["load_average"] = round(os.getloadavg()[0], 1)  # the machine may be shared: say how busy it was
    return measured


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def _throughput(measured: dict, articles: int, words: int) -> dict:
    return {
        "summary": measured.get("summary", ""),
        "load_average": measured.get("load_average"),
        "seconds": round(measured["seconds"], 2),
        "articles_per_second": round(articles / measured["seconds"], 1),
        "words_per_second": round(words / measured["seconds"]),
        "peak_rss_mb": measured["rss_mb"],
        "peak_worker_rss_mb": measured["worker_rss_mb"],
    }


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 2)


def _rdflib_query(graph, text: str, answer) -> None:
    try:
        start = time.perf_counter()
        list(graph.query(text))
        answer.put(time.perf_counter() - start)
    except Exception as err:  # rdflib cannot run some of the queries on a plain Graph
        answer.put(f"fails: {type(err).__name__}")


def _rdflib_ms(graph, text: str, timeout: float) -> float | str:
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
    result = answer.get()
    return round(result * 1000, 1) if isinstance(result, float) else result


def _queries(store_dir: Path, turtle: Path, triples: int, args: argparse.Namespace) -> tuple[dict, dict]:
    """Each bundled query on the on-disk store, on the in-memory store ``query --graph`` loads
    (below ``--memory-max-triples``), raw pyoxigraph on that same store, and rdflib."""
    on_disk = open_store(store_dir)
    info: dict = {"in_memory": triples <= args.memory_max_triples, "rdflib": triples <= args.rdflib_max_triples}
    if info["in_memory"]:
        start = time.perf_counter()
        in_memory = load_graph([turtle])
        info["load_seconds"] = round(time.perf_counter() - start, 2)
    queries: dict[str, dict] = {}
    for query in bundled_queries():
        timings = {"store_ms": _median_ms(lambda q=query: run_query(on_disk, q.text), args.repeat)}
        if info["in_memory"]:
            timings["memory_ms"] = _median_ms(lambda q=query: run_query(in_memory, q.text), args.repeat)
            timings["raw_pyoxigraph_ms"] = _median_ms(
                lambda q=query: [tuple(s) for s in in_memory.query(q.text)], args.repeat
            )
        queries[query.name] = timings
    if info["in_memory"]:
        del in_memory
    if info["rdflib"]:
        import rdflib

        start = time.perf_counter()
        graph = rdflib.Graph()
        graph.parse(turtle, format="turtle")
        graph.parse(ROOT / "ontology" / "pactgraph.ttl", format="turtle")
        info["rdflib_parse_seconds"] = round(time.perf_counter() - start, 1)
        for query in bundled_queries():
            queries[query.name]["rdflib_ms"] = _rdflib_ms(graph, query.text, args.rdflib_timeout)
        del graph
    return queries, info


_PICK = """PREFIX pg: <https://w3id.org/pactgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label (COUNT(*) AS ?n) WHERE { ?fact pg:PREDICATE ?e . ?e a pg:TYPE ; rdfs:label ?label }
GROUP BY ?label ORDER BY DESC(?n) ?label"""


def _picks(store: ox.Store) -> dict[str, str]:
    """Parameter values for the benchmark: a typical person (the median of those taking part in
    meetings, by meetings), the country party to most agreements, a month in the middle."""
    people = run_query(store, _PICK.replace("PREDICATE", "participant").replace("TYPE", "Person")).rows
    countries = run_query(store, _PICK.replace("PREDICATE", "party").replace("TYPE", "Country")).rows
    return {"person": people[len(people) // 2][0], "country": countries[0][0], "month": "2024-03"}


def _cases(declared: dict, picks: dict[str, str], *, full: bool = True) -> dict[str, dict]:
    """The parameter cases of a query; ``limit 10`` (it sorts every row first: the full query's
    time) only with ``full``."""
    cases = {"limit 10": {"limit": 10}} if full else {}
    if "entity" in declared:
        cases["one person"] = {"entity": picks["person"]}
        cases["top country"] = {"entity": picks["country"]}
    if "since" in declared:
        cases["one month"] = {"since": picks["month"], "until": picks["month"]}
    if "kind" in declared:
        cases["one kind"] = {
            "kind": "joint statement" if "agreement" in declared["kind"].scheme else "strategic partnership"
        }
    if "technology" in declared:
        cases["one technology"] = {"technology": "offshore wind"}
    return cases


def _parameterised(store_dir: Path, repeat: int, *, full: bool = True) -> dict:
    """Each bundled query on the on-disk store with each parameter case, and without (``full``:
    minutes per query at 100,000 articles, so it may be left out, and with it ``--limit``, which
    costs as much)."""
    store = open_store(store_dir)
    picks = _picks(store)
    print(f"  picks: {picks}", flush=True)
    timings: dict = {"picks": picks}
    for query in bundled_queries():
        cases = _cases(declared_parameters(query), picks, full=full)
        row = {"full_ms": _median_ms(lambda q=query: run_query(store, q.text), repeat) if full else None}
        for label, parameters in cases.items():
            rows = len(run_bundled_query(store, query.name, **parameters).rows)
            ms = _median_ms(lambda q=query, p=parameters: run_bundled_query(store, q.name, **p), repeat)
            row[label] = {"ms": ms, "rows": rows}
        timings[query.name] = row
        print(f"  {query.name}: {row}", flush=True)
    timings["note"] = f"Load average at the end: {os.getloadavg()[0]:.1f}."
    return timings


def _quality(corpus: Path, count: int) -> dict:
    """``pactgraph evaluate`` on the first ``count`` articles and their gold."""
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("articles", "gold"):
            (Path(tmp) / kind).mkdir()
            for path in sorted((corpus / kind).iterdir())[:count]:
                os.link(path, Path(tmp) / kind / path.name)
        process = subprocess.run(
            [
                sys.executable,
                "-c",
                "from pactgraph.cli import main; main()",
                "evaluate",
                str(Path(tmp) / "gold"),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(process.stdout)


def measure(args: argparse.Namespace) -> dict:
    workdir = Path(args.workdir)
    corpus, generated = _corpus(workdir, args.articles)
    articles, words = generated["articles"], generated["words"]
    out = workdir / f"graph-{args.articles}" / "kg.ttl"
    store = out.with_suffix(".store")
    cache = workdir / f"cache-{args.articles}"
    if not args.rebuilds_only:
        shutil.rmtree(cache, ignore_errors=True)
    common = ["--articles", str(corpus / "articles"), "--out", str(out), "--store", str(store), "--cache", str(cache)]
    common += ["--jobs", str(args.jobs), "--files", "always"]  # the Turtle is read below
    result: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"pyoxigraph {ox.__version__}",
        "jobs": args.jobs,
        "articles": articles,
        "words": words,
        "generated": generated,
    }
    if args.rebuilds_only:  # the cold build of an earlier run is kept; the cache brought up to date first
        print(f"{articles} articles: bringing the build state up to date …", flush=True)
        result.update(args.previous)
        result["state_refresh"] = _throughput(_build(common), articles, words)
    else:
        print(f"{articles} articles, {words} words: cold build …", flush=True)
        result["cold"] = _throughput(_build(common), articles, words)
    print(f"  {result.get('cold')}\n  unchanged rebuild …", flush=True)
    result["unchanged"] = _throughput(_build(common), articles, words)
    listed = sorted((corpus / "articles").iterdir())
    for key, (changed, sentence) in {
        "incremental": (listed[articles // 2], _no_fact),  # no graph changes: no output is written
        "one_fact": (listed[articles // 2 + 1], _a_fact),  # one graph, the union, the outputs change
    }.items():
        original = changed.read_bytes()
        try:
            changed.write_bytes(original + sentence())
            print(f"  one article changed ({key}) …", flush=True)
            result[key] = _throughput(_build(common), articles, words)
        finally:
            changed.write_bytes(original)  # the corpus's own text again (the next build reads it back)
    some = sorted((corpus / "articles").iterdir())[::100]
    originals = [each.read_bytes() for each in some]
    try:
        for each, text in zip(some, originals, strict=True):
            each.write_bytes(text + _no_fact())
        print(f"  {result['one_fact']}\n  1% ({len(some)}) changed …", flush=True)
        result["one_percent"] = _throughput(_build(common), articles, words)
    finally:
        for each, text in zip(some, originals, strict=True):
            each.write_bytes(text)
    result["store_mb"] = round(_size(store) / 1e6, 1)
    result["state_mb"] = round(_size(cache / "state.sqlite") / 1e6, 1)
    if args.builds_only:
        result["triples"] = int(result["cold"]["summary"].split()[1]) if result["cold"].get("summary") else None
        return result
    if articles <= args.no_validate_max:
        print(f"  {result['incremental']}\n  cold, no validation …", flush=True)
        result["cold_no_validation"] = _throughput(_build([*common, "--no-validate", "--force"]), articles, words)
    triples = sum(1 for _ in open_store(store).quads_for_pattern(None, None, None, ox.DefaultGraph()))
    result["triples"] = triples - sum(1 for _ in ox.parse(path=ROOT / "ontology" / "pactgraph.ttl"))
    result["turtle_mb"] = round(out.stat().st_size / 1e6, 1)
    if articles <= args.full_max:
        start = time.perf_counter()
        export([out.with_suffix(".trig")], Format.TURTLE)
        result["export_turtle_seconds"] = round(time.perf_counter() - start, 2)
    print(f"  {result['triples']} triples; queries …", flush=True)
    result["queries"], result["query_setup"] = _queries(store, out, result["triples"], args)
    print("  parameterised queries …", flush=True)
    result["parameterised"] = _parameterised(store, args.repeat)
    if args.evaluate:
        print("  quality …", flush=True)
        result["quality"] = _quality(corpus, min(args.evaluate, articles))
    return result


def _growth(results: list[dict], label: str) -> list[str]:
    """How the builds of code ``label`` grow from the smallest corpus measured to the largest, and
    what that growth gives at 100,000 articles (1,000,000 once 100,000 is measured) if it holds
    (a projection, said so)."""
    if len(results) < 2:
        return []
    small, large = results[0], results[-1]
    factor = large["articles"] / small["articles"]
    target = 100_000 if large["articles"] < 100_000 else 1_000_000
    rows = [
        "",
        f"### Growth of `{label}`, {small['articles']:,} → {large['articles']:,} articles ({factor:g}×)",
        "",
        "| | " + f"{small['articles']:,} | {large['articles']:,} | growth | {target:,} if it grows alike (linear) |",
        "|---|---|---|---|---|",
    ]
    for key, what in [
        ("cold", "cold build, s"),
        ("unchanged", "nothing changed, s"),
        ("incremental", "one article changed, s"),
        ("one_fact", "one article changed with a new fact, s"),
        ("one_percent", "1% changed, s"),
    ]:
        a, b = small.get(key, {}).get("seconds"), large.get(key, {}).get("seconds")
        if a and b:
            slope = (b - a) / (large["articles"] - small["articles"])
            projected = b + slope * (target - large["articles"])
            rows.append(f"| {what} | {a} | {b} | {b / a:.2f}× | {projected:,.1f} |")
    for key, what in [("cold", "cold build peak RSS, MB"), ("incremental", "one changed peak RSS, MB")]:
        a, b = small[key]["peak_rss_mb"], large[key]["peak_rss_mb"]
        slope = (b - a) / (large["articles"] - small["articles"])
        rows.append(f"| {what} | {a:,} | {b:,} | {b / a:.2f}× | {b + slope * (target - large['articles']):,.0f} |")
    for key, what in [("store_mb", "store, MB"), ("state_mb", "build state, MB")]:
        a, b = small.get(key), large.get(key)
        if a and b:
            rows.append(f"| {what} | {a:,} | {b:,} | {b / a:.2f}× | {b * target / large['articles']:,.0f} |")
    return rows


def _breakdown_table() -> list[str]:
    """Where a cold build's time goes (``benchmarks/breakdown.py``), per size measured."""
    lines = []
    for file in sorted(RESULTS.glob("breakdown-*.json"), key=lambda p: int(p.stem.split("-")[1])):
        r = json.loads(file.read_text(encoding="utf-8"))
        one, two = r["jobs_1"], r["jobs_2"]
        lines += [
            "",
            f"## Where a cold build's time goes, {r['articles']:,} articles",
            "",
            "`python benchmarks/breakdown.py --articles N`: a cold build with validation and `--store`, empty cache. "
            "With `--jobs 1` every step runs in the build process and is timed there; with `--jobs 2` the "
            "extraction and the graphs (written and validated) run in two worker processes, and the table gives "
            f"the wall time of each stage. Load average (before, after): `--jobs 1` {one['load_average']}, "
            f"`--jobs 2` {two['load_average']}; the rest of the machine's load inflates every row alike.",
            "",
            "| step | `--jobs 1`, s | share | `--jobs 2` wall, s | share |",
            "|---|---|---|---|---|",
        ]
        pairs = [
            ("extraction", "extraction"),
            ("graph writing", "graph writing and validation"),
            ("validation", None),
            ("state bookkeeping and the rest", "state bookkeeping and the rest"),
            ("output writing", "output writing"),
            ("store loading", "store loading"),
        ]
        for step, wall in pairs:
            a = one["steps"].get(step, 0.0)
            b = two["steps"].get(wall) if wall else None
            second = f"{b} | {b / two['seconds']:.0%}" if b is not None else "(with graph writing) | "
            lines.append(f"| {step} | {a} | {a / one['seconds']:.0%} | {second} |")
        lines.append(
            f"| **total** | {one['seconds']} ({r['articles'] / one['seconds']:.1f} articles/s) | "
            f"| {two['seconds']} ({r['articles'] / two['seconds']:.1f} articles/s) | |"
        )
    return lines


def _cold_table(every: float = 600.0) -> list[str]:
    """Cold builds followed over time (``benchmarks/cold.py``): a row every ``every`` seconds, with
    the rates over the rows between, and the last rows (stopped or finished)."""
    lines = []
    for file in sorted(RESULTS.glob("cold-*.jsonl"), key=lambda p: (int(p.stem.split("-")[1]), p.stem)):
        rows = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not rows:
            continue
        n, label = int(file.stem.split("-")[1]), file.stem.split("-", 2)[2]
        end = rows[-1]
        outcome = {
            "finished": f"Finished: {end.get('summary') or 'exit ' + str(end.get('returncode'))}",
            "stopped": f"Stopped after {end['seconds']:,.0f} s ("
            + ("SIGINT unheard, then SIGTERM" if end.get("returncode") == -15 else "SIGINT")
            + "; the state rolled back, the cache entries kept)",
        }.get(end.get("event"), f"Still running at {end['seconds']:,.0f} s")
        loads = [row["load"] for row in rows]
        lines += [
            "",
            f"## A cold build of {n:,} articles followed over time (`{label}`)",
            "",
            f"`python benchmarks/cold.py --articles {n}` ({file.name}): extracted = facts in the cache, validated "
            "= graphs whose SHACL results are in the cache; rates over the rows between; RSS from /proc (the build "
            "process now and at its peak, the largest worker's peak so far); state = `state.sqlite` and its "
            f"journal. {outcome}. Load average {min(loads)}–{max(loads)}.",
            "",
            "| min | extracted | articles/s | validated | graphs/s | build RSS MB (now / peak) "
            "| largest worker peak MB | state + journal MB | load |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        shown, previous = [], None
        for row in rows:
            if previous is None or row["seconds"] - previous["seconds"] >= every - 1 or row is end:
                shown.append((previous, row))
                previous = row
        for before, row in shown:
            span = row["seconds"] - before["seconds"] if before else row["seconds"]
            extracted = (row["extracted"] - (before["extracted"] if before else 0)) / span if span else 0
            validated = (row["validated"] - (before["validated"] if before else 0)) / span if span else 0
            lines.append(
                f"| {row['seconds'] / 60:.0f} | {row['extracted']:,} | {extracted:.1f} | {row['validated']:,} "
                f"| {validated:.1f} | {_cell(row.get('rss_mb'))} / {row['peak_rss_mb']:,} "
                f"| {row['worker_peak_rss_mb']:,} | {row['state_mb'] + row['journal_mb']:,.1f} | {row['load']} |"
            )
    return lines


#: The rebuilds ``rebuilds.py`` times, as its result files name them: the column of each.
_REBUILDS = {
    "unchanged": "nothing changed",
    "one article, no new fact": "one article, no new fact",
    "one article, a new fact": "one article, a new fact",
    "1% of the articles": "1% of the articles",
}


def _rebuilds_table() -> list[str]:
    """The medians of every ``benchmarks/rebuilds.py`` result file (``rebuilds-N-LABEL.jsonl``)."""
    files = sorted(RESULTS.glob("rebuilds-*.jsonl"), key=lambda p: (int(p.stem.split("-")[1]), p.stem))
    if not files:
        return []
    lines = [
        "",
        "## Rebuilds on the build state, median s (`benchmarks/rebuilds.py`)",
        "",
        "Each build is a `pactgraph build` process of the code `label` names (`--code`), on one corpus, cache",
        "and store; `changed` in the label: the rebuilds were given the articles they changed (`--changed -`),",
        "otherwise they list the folder. Load: the load average over the builds (1 minute); RSS: the largest",
        "peak of the rebuilds. `scale9-before` is commit 3dec9b4, `scale9-after` the scale9 branch: a rebuild",
        "with nothing to read imports neither the extractor's modules (0.2 s) nor rdflib (the SHACL shapes'",
        "bounded properties read with pyoxigraph: 0.15 s), and the few files found differing while listing are",
        "kept instead of found again by a second join of the listing with the manifest. Both with the extractor",
        "of the facts cache and the code fingerprint pinned (one state for both), bytecode cached (as an",
        "installed pactgraph; `PYTHONDONTWRITEBYTECODE` compiles every module at each build, 0.2–0.3 s more),",
        "niced, each `before` series right before its `after` series, while another engineer's work shared",
        "the two cores (load 1.7–2.6): differences under about 0.3 s are noise (interleaved A/B runs of",
        "one-article rebuilds, before and after: five pairs with a new fact at 10,000, medians 3.10 s and",
        "3.09 s, with a first version of the branch; four pairs at 100,000 with `--changed`, 2.44 s and 2.19 s). The",
        "100,000-article state was built by scale9's code from the facts cache: 1,824.5 s, peak RSS 360 MB,",
        "while the test suite ran (load 2.3–3.8). `scale10-fresh-changed` is commit 5203862 (scale10: watch",
        "mode) with `--changed`, a process per build as before; `scale10-watch` is one `build --watch`",
        "process of the same code on the same state: its seconds are the rebuild's in the warm process, as",
        "its line says (the table below adds the time from the write to that line).",
        "",
        "| articles | label | " + " | ".join(_REBUILDS.values()) + " | runs | load | RSS MB |",
        "|---|---|" + "---|" * (len(_REBUILDS) + 3),
    ]
    for file in files:
        n, label = int(file.stem.split("-")[1]), file.stem.split("-", 2)[2]
        rows = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        rows = [row for row in rows if row.get("kind") not in (None, "refresh")]
        if not rows:
            continue
        cells = []
        for kind in _REBUILDS:
            seconds = [row["seconds"] for row in rows if row["kind"] == kind]
            cells.append(f"{statistics.median(seconds):.2f}" if seconds else "–")
        runs = max(sum(1 for row in rows if row["kind"] == kind) for kind in _REBUILDS)
        loads = [row["load"] for row in rows if "load" in row]
        load = f"{min(loads)}–{max(loads)}" if loads else "–"
        rss = max(row.get("rss_mb", 0) for row in rows)
        lines.append(f"| {n:,} | {label} | " + " | ".join(cells) + f" | {runs} | {load} | {rss:,} |")
    return lines + _watch_table(files)


def _watch_table(files: list[Path]) -> list[str]:
    """The rebuilds of ``rebuilds.py --watch`` (rows with a ``latency``): in the warm process, and
    from the write to the rebuild's line (a watch does not rebuild when nothing changed)."""
    kinds = [kind for kind in _REBUILDS if kind != "unchanged"]
    lines = [
        "",
        "### Watch mode (`build --watch`), median s: the rebuild / from the write to its line",
        "",
        "One `pactgraph build --watch --interval SECONDS` process (`rebuilds.py --watch SECONDS`); each",
        "change written by a rename. From the write to the line: the rest of the interval under way, the",
        "look that finds the folder's time changed and lists the folder (about 0.07 s at 10,000 articles,",
        "0.8 s at 100,000), one interval for the file to settle, the look that finds it settled (a listing",
        "again, the folder's time being under 2 s old at an interval of 1 s) and the rebuild. Idle: the",
        "share of one core the watch takes while nothing changes (a `stat` of the folder a second, a",
        "listing every 10). RSS: the watch process's peak, its first build included. The code of commit",
        "5203862 (scale10), with the facts cache's extractor pinned as above; load from the other",
        "engineer's work on the two cores.",
        "",
        "| articles | label | interval s | "
        + " | ".join(map(_REBUILDS.get, kinds))
        + " | runs | idle | load | RSS MB |",
        "|---|---|---|" + "---|" * (len(kinds) + 4),
    ]
    found = False
    for file in files:
        rows = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        timed = [row for row in rows if "latency" in row and row["kind"] != "refresh"]
        if not timed:
            continue
        found = True
        cells = []
        for kind in kinds:
            of = [row for row in timed if row["kind"] == kind]
            seconds = [row["seconds"] for row in of]
            latency = [row["latency"] for row in of]
            cells.append(f"{statistics.median(seconds):.2f} / {statistics.median(latency):.2f}" if of else "–")
        runs = max(sum(1 for row in timed if row["kind"] == kind) for kind in kinds)
        idle = next((f"{row['cpu']:.0%}" for row in rows if row["kind"] == "idle"), "–")
        loads = [row["load"] for row in rows if "load" in row]
        n, label = int(file.stem.split("-")[1]), file.stem.split("-", 2)[2]
        lines.append(
            f"| {n:,} | {label} | {timed[0]['interval']:g} | " + " | ".join(cells)
            + f" | {runs} | {idle} | {min(loads)}–{max(loads)} | {max(row['rss_mb'] for row in timed):,} |"
        )  # fmt: skip
    lines += [
        "",
        "`fed` is one watch given each change's path on its stdin once the change is renamed into place",
        "(`rebuilds.py --watch 1 --changed`, i.e. `build --watch --changed -`): the rebuild starts at once,",
        "with no look. `poll` is the same code polling (`--watch 1`), run right after. Both on the",
        "100,000-article scale9 state, the code of commit 478cccd (the extractor of 96af48b and the code",
        "fingerprint pinned, as above), niced, load 0.7–0.8 (`fed`) and 1.1–1.4 (`poll`). Fed, from the",
        "write to the line: no new fact 0.37 s median (0.33–1.05), a new fact 0.59 s (0.43–1.41); all",
        "twelve rebuilds of the series (each change and its undoing, three times) 0.17–1.41 s. Eight of the",
        "twelve lines came within 0.05 s of the rebuild's end; four came 0.71–0.78 s after it: when the",
        "poll falls due during a fed rebuild, the watch ran it before it printed the rebuild's line (since",
        "commit 70ce371 the line comes first), and the",
        "rename just made changed the folder's time, so that poll is a full listing (0.69–0.78 s, seen in an",
        "instrumented copy of the watch; the rebuild's outputs are written by then, only the line waits).",
        "Polling: 3.63 s and 3.81 s (3.50–3.84). `watch2-fed` and `watch2-poll` are the same two ways at",
        "1,000 articles (commit 302b5e7 and 93ed2ab, the polling code unchanged between them), on a generated",
        "corpus of 1,000 articles in `/tmp` (`--jobs 2`; the result files were written under the labels",
        "`wt16b-fed` and `wt16b-poll`, renamed), one after the other, load from other work on the two cores.",
        "The medians above are of three runs only.",
    ]
    return lines if found else []


def _cell(value) -> str:
    if isinstance(value, float | int):
        return f"{value:,}"
    return str(value) if value is not None else "–"


def table(results: list[dict]) -> str:
    """The Markdown of ``docs/benchmarks.md``: builds side by side, then queries per size."""
    lines = [
        "# Benchmarks",
        "",
        "Generated by `python benchmarks/run.py --table` from `benchmarks/results/scale-*.json`; each",
        "file is written by `python benchmarks/run.py --articles N` (see its docstring for what is measured).",
        "",
        f"Machine: {results[0]['machine']}; builds with `--jobs {results[0]['jobs']}`.",
        "",
        "## Builds",
        "",
        "`code`: `main` is the build in memory (before the build state, issue 16), measured on an idle",
        "machine; `state` is the build on the build state. Its cold builds ran while other builds and test",
        "suites shared the two cores (load average 4–10): they say little about the code. Its rebuilds",
        "(`--rebuilds-only`, which keeps the cold build of the result file) ran with the machine otherwise",
        "idle (the load average of each build is in the result files). `state2` is the build state with the",
        "store loaded a piece at a time and no output written when no graph changed (at 100,000: the code",
        "of commit 91736e3, load average 2.6–3.6; at 10,000: cold at load 5.7 with that code, rebuilds with",
        "the manifest's facts in their own table).",
        "",
        "| articles | words | triples | cold s | cold articles/s | cold words/s | cold, no validation articles/s "
        "| unchanged s | one changed s | one changed, new fact s | 1% changed s | peak RSS MB (build / worker) "
        "| store MB | state MB | Turtle export s | micro F1 | code |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        no_validation = r.get("cold_no_validation", {}).get("articles_per_second")
        quality = r.get("quality", {}).get("micro", {}).get("f1")
        lines.append(
            f"| {r['articles']:,} | {r['words']:,} | {r['triples']:,} | {r['cold']['seconds']} "
            f"| {r['cold']['articles_per_second']} | {r['cold']['words_per_second']:,} | {_cell(no_validation)} "
            f"| {_cell(r.get('unchanged', {}).get('seconds'))} | {r['incremental']['seconds']} "
            f"| {_cell(r.get('one_fact', {}).get('seconds'))} | {_cell(r.get('one_percent', {}).get('seconds'))} "
            f"| {r['cold']['peak_rss_mb']:,} / {r['cold']['peak_worker_rss_mb']:,} "
            f"| {_cell(r.get('store_mb'))} | {_cell(r.get('state_mb'))} "
            f"| {_cell(r.get('export_turtle_seconds'))} "
            f"| {_cell(quality)} | {r.get('label', 'main')} |"
        )
    for label in ("state", "state2"):
        lines += _growth([r for r in results if r.get("label") == label], label)
    lines += _rebuilds_table()
    lines += _breakdown_table()
    lines += _cold_table()
    for r in results:
        if "query_setup" not in r:
            continue
        setup = r["query_setup"]
        lines += [
            "",
            f"## Queries on {r['articles']:,} articles ({r['triples']:,} triples), median ms",
            "",
            "On-disk store (`query --store`, nothing parsed), in-memory store (`query --graph`, after "
            + (f"{setup['load_seconds']} s loading the Turtle" if setup.get("in_memory") else "not run: too large")
            + "), raw pyoxigraph on that in-memory store (pactgraph's overhead), and rdflib"
            + (
                f" (after {setup['rdflib_parse_seconds']} s parsing)."
                if setup.get("rdflib")
                else " (not run: too large)."
            ),
            "",
            "| query | on-disk store | in memory | raw pyoxigraph | overhead | rdflib | rdflib / in memory |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, q in r["queries"].items():
            memory, raw, theirs = q.get("memory_ms"), q.get("raw_pyoxigraph_ms"), q.get("rdflib_ms", "not run")
            overhead = f"{memory / raw:.2f}×" if memory and raw else ""
            ratio = f"{theirs / memory:,.0f}×" if isinstance(theirs, float) and memory else ""
            cells = [name, q["store_ms"], _cell(memory), _cell(raw), overhead, _cell(theirs), ratio]
            lines.append("| " + " | ".join(map(str, cells)) + " |")
    lines += _parameterised_table(results)
    return "\n".join(lines) + "\n"


_CASES = ("one person", "top country", "one month", "one kind", "one technology", "limit 10")


def _parameterised_table(results: list[dict]) -> list[str]:
    """Parameterised against full queries, once per size (a size has a result file per code
    measured; the last one in ``results``' order that has the timings is shown); sizes not
    measured yet are named as such."""
    lines = []
    sizes: dict[int, dict] = {}
    for r in results:
        if r.get("parameterised") or r["articles"] not in sizes:
            sizes[r["articles"]] = r
    for _, r in sorted(sizes.items()):
        timings = r.get("parameterised")
        title = f"## Parameterised queries on {r['articles']:,} articles, median ms (rows)"
        if not timings:
            lines += [
                "",
                title,
                "",
                "Pending: not measured at this size yet (`run.py --articles N --parameterised-only` on the store"
                " of a run at this size); a typical entity's rows grow with its mentions, not with the corpus.",
            ]
            continue
        picks = timings["picks"]
        store = f" ({timings['store_triples']:,} triples with the ontology)" if "store_triples" in timings else ""
        lines += [
            "",
            title,
            "",
            f"On the on-disk store{store} (`query --store`), each option compiled into the query as a `VALUES` "
            "block (see docs/commands.md#query-parameters): one person = "
            f"`--entity '{picks['person']}'` (the median participant of meetings), top country = "
            f"`--entity '{picks['country']}'` (party to most agreements), one month "
            f"= `--since {picks['month']} --until {picks['month']}`, one kind = `--kind 'joint statement'` "
            "(partnerships: 'strategic partnership'), one technology = `--technology 'offshore wind'`, "
            "limit 10 = `--limit 10` (sorted first: as slow as the full query). Times include looking up "
            "the name or the dates. "
            + (
                "Full and parameterised runs alternate query by query, so both saw the same load (other "
                "benchmarks shared the 2 cores: full times here are up to 4× those above)."
                if any(isinstance(row, dict) and row.get("full_ms") for row in timings.values())
                else "The full queries and `--limit 10` were not run (`--no-full`: minutes each at this size; "
                "the full queries' times are in the table above)."
            )
            + (f" {timings['note']}" if timings.get("note") else ""),
            "",
            "| query | full | " + " | ".join(_CASES) + " |",
            "|---|---|" + "---|" * len(_CASES),
        ]
        for name, row in timings.items():
            if not isinstance(row, dict) or "full_ms" not in row:
                continue
            cells = [f"{row[c]['ms']:,} ({row[c]['rows']:,})" if c in row else "" for c in _CASES]
            lines.append(f"| {name} | {_cell(row['full_ms'])} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, help="size of the generated corpus")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="build processes")
    parser.add_argument(
        "--workdir", default=Path(tempfile.gettempdir()) / "pactgraph-bench", help="corpus, cache, graph"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (the median is reported)")
    parser.add_argument("--rdflib-timeout", type=float, default=60, help="seconds before an rdflib query is stopped")
    parser.add_argument("--rdflib-max-triples", type=int, default=2_000_000, help="skip rdflib above this")
    parser.add_argument("--memory-max-triples", type=int, default=3_000_000, help="skip the in-memory store above this")
    parser.add_argument("--no-validate-max", type=int, default=10_000, help="cold build without validation up to this")
    parser.add_argument("--full-max", type=int, default=10_000, help="Turtle export up to this")
    parser.add_argument("--evaluate", type=int, default=1000, help="articles scored against the gold (0: none)")
    parser.add_argument("--table", action="store_true", help="only write docs/benchmarks.md from the result files")
    parser.add_argument(
        "--parameterised-only",
        action="store_true",
        help="only time parameterised vs full queries on the store an earlier run built in --workdir",
    )
    parser.add_argument(
        "--no-full",
        action="store_true",
        help="with --parameterised-only: leave out the full queries and --limit, as slow (minutes at 100,000)",
    )
    parser.add_argument("--builds-only", action="store_true", help="measure the builds only (no queries, quality)")
    parser.add_argument(
        "--rebuilds-only", action="store_true", help="keep the cold build of the result file; measure the rebuilds"
    )
    parser.add_argument("--label", default="", help="suffix of the result file (scale-N-LABEL.json): the code measured")
    args = parser.parse_args()
    suffix = f"-{args.label}" if args.label else ""
    if args.parameterised_only:
        if not args.articles:
            parser.error("--articles N is required with --parameterised-only")
        store = Path(args.workdir) / f"graph-{args.articles}" / "kg.store"
        file = RESULTS / f"scale-{args.articles}{suffix}.json"
        result = json.loads(file.read_text(encoding="utf-8"))
        result["parameterised"] = _parameterised(store, args.repeat, full=not args.no_full)
        result["parameterised"]["store_triples"] = sum(
            1 for _ in open_store(store).quads_for_pattern(None, None, None, ox.DefaultGraph())
        )
        file.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    elif not args.table:
        if not args.articles:
            parser.error("--articles N is required (or --table)")
        target = RESULTS / f"scale-{args.articles}{suffix}.json"
        args.previous = json.loads(target.read_text(encoding="utf-8")) if args.rebuilds_only else {}
        result = measure(args)
        RESULTS.mkdir(parents=True, exist_ok=True)
        result["label"] = args.label or "main"
        target.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    files = sorted(RESULTS.glob("scale-*.json"), key=lambda p: (int(p.stem.split("-")[1]), p.stem))
    TABLE.write_text(table([json.loads(p.read_text(encoding="utf-8")) for p in files]), encoding="utf-8")
    print(f"written {TABLE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
