"""Compare compiled SHACL engines (pyrudof, maplib) with pyshacl on pactgraph's shapes and graphs.

pyshacl is pactgraph's validator (``pactgraph.validation``). This script runs each engine on the
same data (the graph plus the ontology, as ``validate_quads`` hands it to pyshacl) and the same
shapes (``ontology/shapes.ttl``), on every fixture of the tests (the bundled graph, the mini and
reasoning graphs, the graph of defects with one violation per node) and on the first articles of a
generated corpus, and reports per graph: conforms, the results as (severity, focus, path) triples,
whether they equal pyshacl's, and the median time.

The engines are not dependencies of pactgraph; install them next to it to run this:

    pip install pyrudof maplib
    python benchmarks/shacl_engines.py [--trig /tmp/gen/kg.trig --articles 500] [--json out.json]

Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from pactgraph.resources import ontology_path, shapes_path
from pactgraph.store import PREFIXES, load_graph, parse_bundled
from pactgraph.validation import validate_quads

ROOT = Path(__file__).resolve().parents[1]
_SH = "http://www.w3.org/ns/shacl#"


def _defects() -> str:
    """The graph of defects of tests/test_validation.py (the negative fixture), read from the file."""
    source = (ROOT / "tests" / "test_validation.py").read_text(encoding="utf-8")
    namespace: dict = {}
    start, end = source.index("PREFIXES = "), source.index("EXPECTED_DEFECTS")
    exec(source[start:end], namespace)  # two string constants, nothing else
    return namespace["DEFECTS"]


def _graphs(trig: Path | None, articles: int) -> dict[str, list[ox.Quad]]:
    data = ROOT / "tests" / "data"
    graphs = {
        "bundled (data/kg.trig)": ROOT / "data" / "kg.trig",
        "mini-kg.trig": data / "mini-kg.trig",
        "reasoning-kg.trig": data / "reasoning-kg.trig",
    }
    out = {name: list(load_graph([path], with_ontology=False, for_queries=False)) for name, path in graphs.items()}
    out["defects (negative fixture)"] = list(ox.parse(_defects(), format=ox.RdfFormat.TRIG))
    if trig is not None:
        quads = list(ox.parse(path=trig, format=ox.RdfFormat.TRIG))
        names = sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)})
        article_graphs = [n for n in names if "/graph/" in n][:articles]
        keep = set(article_graphs)
        out[f"generated, {len(keep)} articles"] = [q for q in quads if q.graph_name.value in keep]
    return out


def _key(severity: str, focus: str, path: str | None) -> tuple[str, str, str]:
    return severity.rsplit("#", 1)[-1], _curie(focus), _curie(path) if path else "-"


def _curie(text: str) -> str:
    for prefix, namespace in {**PREFIXES, "sh": _SH}.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text


def _ntriples(quads: list[ox.Quad]) -> str:
    triples = {q.triple for q in quads} | {q.triple for q in parse_bundled(ontology_path())}
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    return ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def run_pyshacl(quads: list[ox.Quad]) -> tuple[bool, set]:
    report = validate_quads(quads)
    expanded = {**PREFIXES, "pgsh": "https://w3id.org/pactgraph/shapes#"}

    def full(curie: str | None) -> str | None:
        if curie is None:
            return None
        prefix, _, rest = curie.partition(":")
        return expanded[prefix] + rest if prefix in expanded else curie

    return report.conforms, {_key(r.severity, full(r.focus), full(r.path)) for r in report.results}


def run_pyrudof(quads: list[ox.Quad]) -> tuple[bool, set]:
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(_ntriples(quads), format=pyrudof.RDFFormat.NTriples)
    rudof.read_shacl(shapes_path().read_text(encoding="utf-8"))
    report = rudof.validate_shacl()
    results = set()
    for entry in report.violations:
        path = str(entry.path) if entry.path is not None else None
        results.add(_key(str(entry.severity), _strip(str(entry.focus_node)), _strip(path) if path else None))
    # pactgraph's rule (and pyshacl's allow_warnings): a graph with warnings only conforms
    return not any(severity == "Violation" for severity, _, _ in results), results


def _strip(text: str) -> str:
    return text[1:-1] if text.startswith("<") and text.endswith(">") else text


def run_maplib(quads: list[ox.Quad]) -> tuple[bool, set]:
    import maplib

    model = maplib.Model()
    model.reads(_ntriples(quads), format="ntriples")
    model.reads(shapes_path().read_text(encoding="utf-8"), format="turtle", graph="urn:shapes")
    try:
        report = model.validate(shape_graph="urn:shapes")
    except BaseException as err:  # the open-source build panics: "not implemented: Contact Data Treehouse"
        raise RuntimeError(f"maplib panicked: {err}") from None
    results = set()
    frame = report.results()
    for row in frame.iter_rows(named=True) if frame is not None else []:
        results.add(_key(str(row.get("severity", "")), _strip(str(row["focus_node"])), _strip(str(row.get("path")))))
    return report.conforms, results


ENGINES = {"pyshacl": run_pyshacl, "pyrudof": run_pyrudof, "maplib": run_maplib}


def measure(graphs: dict[str, list[ox.Quad]], repeat: int) -> list[dict]:
    rows = []
    for name, quads in graphs.items():
        reference = None
        for engine, run in ENGINES.items():
            row = {"graph": name, "triples": len(quads), "engine": engine}
            times = []
            try:
                for _ in range(repeat):
                    start = time.perf_counter()
                    conforms, results = run(quads)
                    times.append(time.perf_counter() - start)
            except Exception as err:  # an engine that cannot read the shapes or the data
                row["error"] = f"{type(err).__name__}: {str(err).splitlines()[0][:200] if str(err) else ''}"
                rows.append(row)
                print(json.dumps(row), flush=True)
                continue
            row |= {"ms": round(statistics.median(times) * 1000, 1), "conforms": conforms, "results": len(results)}
            if engine == "pyshacl":
                reference = (conforms, results)
            elif reference is not None:
                row["same_as_pyshacl"] = (conforms, results) == reference
                row["missing"] = sorted(map(list, reference[1] - results))[:5]
                row["extra"] = sorted(map(list, results - reference[1]))[:5]
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trig", type=Path, help="a built kg.trig to take generated articles from")
    parser.add_argument("--articles", type=int, default=500, help="articles taken from --trig")
    parser.add_argument("--repeat", type=int, default=3, help="runs per engine and graph (median)")
    parser.add_argument("--json", type=Path, help="write the rows here")
    args = parser.parse_args()
    missing = [name for name in ("pyrudof", "maplib") if importlib.util.find_spec(name) is None]
    if missing:
        print(f"not installed: {', '.join(missing)} (pip install {' '.join(missing)})", file=sys.stderr)
    rows = measure(_graphs(args.trig, args.articles), args.repeat)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
