"""SHACL validation of the knowledge graph against ``ontology/shapes.ttl``, as a typed report.

pyshacl works on rdflib graphs; the graph is handed over as N-Triples from pyoxigraph (the
fastest way between the two) together with the ontology, so targets and ``sh:class`` follow
``rdfs:subClassOf`` and concepts can be checked against their scheme without an inference engine
(``inference="none"``: enough for these shapes, and faster than ``"rdfs"``). The ontology is merged
into the data rather than passed as pyshacl's ``ont_graph``, which pyshacl copies node by node
(more than a minute on the seeds graph). Each result names the article it came from, so a
failing build says which article to look at.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from pactgraph.errors import GraphLoadError
from pactgraph.resources import ontology_path, shapes_path
from pactgraph.store import PREFIXES, load_graph, parse_bundled

__all__ = [
    "ValidationReport",
    "ValidationResult",
    "bounded_properties",
    "load_shapes",
    "read_predicates",
    "result_order",
    "validate_file",
    "validate_quads",
]

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_PREFIXES = {**PREFIXES, "pgsh": "https://w3id.org/pactgraph/shapes#"}
_GRAPHS = PREFIXES["id"] + "graph/"
_XSD_STRING = PREFIXES["xsd"] + "string"

_SOURCES = f"""
PREFIX pg: <{PREFIXES["pg"]}>
PREFIX prov: <{PREFIXES["prov"]}>
PREFIX dcterms: <{PREFIXES["dcterms"]}>
SELECT ?focus (GROUP_CONCAT(DISTINCT ?stem; separator=" ") AS ?sources) WHERE {{
  VALUES ?focus {{ FOCUS }}
  {{ GRAPH ?g {{ ?focus ?p ?o }} FILTER(STRSTARTS(STR(?g), "{_GRAPHS}") && STR(?g) != "{_GRAPHS}inferred")
     BIND(STRAFTER(STR(?g), "{_GRAPHS}") AS ?stem) }}
  UNION {{ ?focus prov:wasDerivedFrom/pg:partOfArticle/dcterms:identifier ?stem }}
  UNION {{ ?focus pg:partOfArticle/dcterms:identifier ?stem }}
  UNION {{ ?focus pg:mentionedIn/dcterms:identifier ?stem }}
  UNION {{ ?focus a pg:Article ; dcterms:identifier ?stem }}
}} GROUP BY ?focus
"""


@dataclass(frozen=True, order=True)
class ValidationResult:
    """One SHACL result: what is wrong (``message``) with which node (``focus``), where it came from."""

    severity: str
    sources: tuple[str, ...]
    focus: str
    path: str | None
    message: str
    focus_label: str | None = None
    value: str | None = None
    shape: str | None = None

    def format(self) -> str:
        """A few indented lines for the report."""
        name = f"{self.focus} ({self.focus_label})" if self.focus_label else self.focus
        lines = [f"{self.severity}: {name}"]
        for key, value in [
            ("path", self.path),
            ("message", self.message),
            ("value", self.value),
            ("source", " ".join(self.sources) or None),
            ("shape", self.shape),
        ]:
            if value:
                lines.append(f"  {key + ':':9}{value}")
        return "\n".join(lines)


@dataclass(frozen=True)
class ValidationReport:
    """All results of validating one graph; it conforms when none is a Violation.

    >>> report = ValidationReport("kg.ttl", (ValidationResult("Warning", ("a1",), "id:meeting/m", "pg:participant",
    ...                                                        "The meeting has no participant."),))
    >>> report.conforms, len(report.warnings)
    (True, 1)
    >>> print(report.format())
    kg.ttl conforms to the SHACL shapes (1 warning)
    <BLANKLINE>
    Warning: id:meeting/m
      path:    pg:participant
      message: The meeting has no participant.
      source:  a1
    """

    graph: str
    results: tuple[ValidationResult, ...]

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Warning")

    @property
    def conforms(self) -> bool:
        return not self.violations

    def summary(self) -> str:
        """One line: does the graph conform, and how many violations and warnings."""
        counts = [
            _plural(len(self.violations), "violation") if self.violations else "",
            _plural(len(self.warnings), "warning") if self.warnings else "",
        ]
        detail = ", ".join(c for c in counts if c)
        if self.conforms:
            return f"{self.graph} conforms to the SHACL shapes" + (f" ({detail})" if detail else "")
        return f"{self.graph} does not conform to the SHACL shapes: {detail}"

    def format(self) -> str:
        """The summary line, then every result, violations first."""
        return "\n\n".join([self.summary(), *(r.format() for r in self.results)])


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def validate_file(path: Path) -> ValidationReport:
    """Validate an RDF file (any format pactgraph reads); load errors raise ``GraphLoadError``."""
    store = load_graph([path], with_ontology=False, for_queries=False)
    return validate_quads(store, graph=str(path))


def validate_quads(quads: Iterable[ox.Quad], *, graph: str = "graph") -> ValidationReport:
    """Validate quads (named graphs are merged) against the bundled shapes, with the ontology.

    ``graph`` names what is validated in the report.

    >>> from pactgraph.vocab import iri, pg, RDF
    >>> meeting = ox.Quad(iri("meeting", "m"), ox.NamedNode(RDF + "type"), pg("Talks"))
    >>> report = validate_quads([meeting], graph="example")
    >>> report.conforms
    False
    >>> sorted({(r.severity, r.path or "(provenance)") for r in report.results})
    [('Violation', '(provenance)'), ('Violation', 'pg:confidence'), ('Violation', 'pg:extractionRule'), \
('Violation', 'prov:wasGeneratedBy'), ('Violation', 'rdfs:label'), ('Warning', 'pg:participant')]
    """
    import pyshacl

    store = quads if isinstance(quads, ox.Store) else _store(quads)
    triples = {q.triple for q in store}
    triples.update(_ontology_triples())
    data = _rdflib_graph(triples)
    _, report_graph, _ = pyshacl.validate(data, shacl_graph=_shapes(), inference="none", allow_warnings=True)
    return ValidationReport(graph=graph, results=tuple(_results(report_graph, data, store)))


def load_shapes() -> None:
    """Import pyshacl and parse the shapes and the ontology (once per process): what a process
    that stays running (``pactgraph.watch``) loads before the first graph it validates, which
    would otherwise wait for it (0.4 s here)."""
    import pyshacl  # noqa: F401

    _shapes()
    _ontology_triples()


def bounded_properties() -> frozenset[str]:
    """The properties some shape allows only so many values of (``sh:maxCount``).

    >>> "https://w3id.org/pactgraph/ontology#confidence" in bounded_properties()
    True
    """
    path = _existing(shapes_path())
    return _shape_reads(path, path.stat().st_mtime_ns)[0]


def read_predicates() -> frozenset[str]:
    """The predicates the shapes read of a node (every ``sh:path``, and ``rdf:type`` for targets
    and ``sh:class``), and so of the nodes a focus points to: what a node's validation needs of
    its neighbours (a country's thousands of ``pg:mentionedIn`` lines are not among them).

    >>> "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" in read_predicates()
    True
    """
    path = _existing(shapes_path())
    return _shape_reads(path, path.stat().st_mtime_ns)[1]


_SH = "http://www.w3.org/ns/shacl#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@functools.cache
def _shape_reads(path: Path, _version: int) -> tuple[frozenset[str], frozenset[str]]:
    """``bounded_properties`` and ``read_predicates`` of the shapes file, read with pyoxigraph once
    per process and version of the file: a rebuild that validates nothing needs them, and
    importing rdflib and parsing the shapes with it (what pyshacl needs) took 0.15 s of it. The
    property of a bounded shape is its ``sh:path`` (a blank node's label for a complex path, which
    names no predicate); the predicates read are the ``sh:path`` IRIs and ``rdf:type``."""
    quads = parse_bundled(path)
    paths: dict[ox.Term, list[ox.Term]] = {}
    bounded_shapes = set()
    for quad in quads:
        if quad.predicate.value == _SH + "path":
            paths.setdefault(quad.subject, []).append(quad.object)
        elif quad.predicate.value == _SH + "maxCount":
            bounded_shapes.add(quad.subject)
    bounded = frozenset(paths[shape][0].value for shape in bounded_shapes if shape in paths)
    read = {_RDF_TYPE, *(o.value for objects in paths.values() for o in objects if isinstance(o, ox.NamedNode))}
    return bounded, frozenset(read)


def _ontology_triples() -> frozenset[ox.Triple]:
    path = _existing(ontology_path())
    return _parsed_ontology(path, path.stat().st_mtime_ns)


def _shapes():
    path = _existing(shapes_path())
    return _parsed_shapes(path, path.stat().st_mtime_ns)


_RESTORE = "restore the file (git checkout) or reinstall pactgraph"


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise GraphLoadError("not found", file=path, hint=_RESTORE)
    return path


@functools.cache
def _parsed_ontology(path: Path, _version: int) -> frozenset[ox.Triple]:
    """Parsed once per process and version of the file."""
    return frozenset(q.triple for q in parse_bundled(path))


@functools.cache
def _parsed_shapes(path: Path, _version: int):
    """The shapes as the rdflib graph pyshacl needs, parsed once per process and version of the
    file (pyshacl only reads it); rdflib's syntax errors name file:line:column."""
    from rdflib import Graph
    from rdflib.plugins.parsers.notation3 import BadSyntax

    try:
        return Graph().parse(path, format="turtle")
    except BadSyntax as err:
        text, index = getattr(err, "_str", b""), getattr(err, "_i", 0)
        column = index - (text.rfind(b"\n", 0, index) + 1) + 1 if isinstance(text, bytes) else None
        why = getattr(err, "_why", "bad syntax")
        raise GraphLoadError(why, file=path, line=err.lines + 1, column=column, hint=_RESTORE) from None


def _rdflib_graph(triples: Iterable[ox.Triple]):
    """An rdflib graph of pyoxigraph triples, term by term (faster than through N-Triples)."""
    from rdflib import BNode, Graph, Literal, URIRef

    memo: dict = {}

    def term(t):
        converted = memo.get(t)
        if converted is None:
            if isinstance(t, ox.NamedNode):
                converted = URIRef(t.value)
            elif isinstance(t, ox.BlankNode):
                converted = BNode(t.value)
            elif t.language or t.datatype.value == _XSD_STRING:
                converted = Literal(t.value, lang=t.language)
            else:
                converted = Literal(t.value, datatype=URIRef(t.datatype.value))
            memo[t] = converted
        return converted

    graph = Graph()
    rdflib_term_log = logging.getLogger("rdflib.term")
    level = rdflib_term_log.level
    rdflib_term_log.setLevel(logging.ERROR)  # ill-typed literals are reported by the shapes instead
    try:
        graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in triples)
    finally:
        rdflib_term_log.setLevel(level)
    return graph


def _store(quads: Iterable[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def _results(report_graph, data, store: ox.Store) -> list[ValidationResult]:
    from rdflib import RDF, RDFS, URIRef
    from rdflib.namespace import SH

    rows = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, node) in report_graph:
            continue  # why a value failed an sh:node shape: its parent result says it in words
        focus = report_graph.value(node, SH.focusNode)
        path = report_graph.value(node, SH.resultPath)
        value = report_graph.value(node, SH.value)
        rows.append((node, focus, path, value))
    sources = _sources(store, {f for _, f, _, _ in rows if isinstance(f, URIRef)})
    results = []
    for node, focus, path, value in rows:
        label = min(data.objects(focus, RDFS.label), default=None)
        severity = report_graph.value(node, SH.resultSeverity)
        shape = report_graph.value(node, SH.sourceShape)
        results.append(
            ValidationResult(
                severity=str(severity).rsplit("#", 1)[-1],
                sources=sources.get(str(focus), ()),
                focus=_curie(focus),
                path=_curie(path) if isinstance(path, URIRef) else None,
                message=str(report_graph.value(node, SH.resultMessage) or "does not conform"),
                focus_label=str(label) if label is not None else None,
                value=_curie(value) if value is not None and value != focus else None,
                shape=_curie(shape) if isinstance(shape, URIRef) else None,
            )
        )
    results.sort(key=result_order)
    return results


def result_order(result: ValidationResult) -> tuple:
    """The order of a report: violations first, then by node, path and message."""
    return (
        _SEVERITY_ORDER.get(result.severity, 3),
        result.focus,
        result.path or "",
        result.message,
        result.value or "",
        result.shape or "",
    )


def _result_order(r: ValidationResult) -> tuple:
    return (_SEVERITY_ORDER.get(r.severity, 3), r.focus, r.path or "", r.message, r.value or "", r.shape or "")


def _sources(store: ox.Store, focus_nodes: set) -> dict[str, tuple[str, ...]]:
    """Article identifiers each focus node comes from (its named graphs, else its provenance)."""
    if not focus_nodes:
        return {}
    values = " ".join(f"<{f}>" for f in sorted(map(str, focus_nodes)))
    solutions = store.query(_SOURCES.replace("FOCUS", values), use_default_graph_as_union=True)
    return {row[0].value: tuple(sorted(row[1].value.split())) for row in solutions if row[1] is not None}


def _curie(term) -> str:
    """A term as a prefixed name when a known prefix fits, else as it is."""
    text = str(term)
    for prefix, namespace in _PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text
