"""Find, run and format the bundled SPARQL queries.

Each ``queries/*.rq`` file starts with a header (``# title:``, ``# question:``, ``# columns:``) so
the CLI can list what each query answers without a separate index that could drift.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from pactgraph.errors import QueryError, decode_location
from pactgraph.resources import queries_dir
from pactgraph.store import compact_iri

__all__ = [
    "BundledQuery",
    "QueryResult",
    "bundled_queries",
    "format_result",
    "parse_header",
    "resolve_query",
    "result_from_sparql_json",
    "run_query",
]

FORMATS = ("table", "csv", "tsv", "json")

_HEADER_LINE = re.compile(r"^#\s*(title|question|columns)\s*:\s*(.*?)\s*$")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SPARQL_LOCATION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.S)


@dataclass(frozen=True)
class BundledQuery:
    """A SPARQL query file and what its header says about it."""

    name: str
    path: Path
    title: str = ""
    question: str = ""
    columns: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The SPARQL text of the query."""
        return _read(self.path)


@dataclass
class QueryResult:
    """Rows of a SELECT query; terms rendered as plain strings, ``None`` for unbound."""

    columns: list[str]
    rows: list[tuple[str | None, ...]] = field(default_factory=list)
    #: The pyoxigraph terms behind ``rows`` (same shape), kept for typed JSON output.
    terms: list[tuple[object, ...]] = field(default_factory=list, repr=False, compare=False)


def parse_header(text: str) -> dict[str, str]:
    """Read ``# key: value`` lines from the leading comment block of a query.

    >>> parse_header("# title: Roles\\n# columns: person, role\\nSELECT * {}")
    {'title': 'Roles', 'columns': 'person, role'}
    """
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER_LINE.match(line)
        if match:
            header[match.group(1)] = match.group(2)
    return header


def _read(path: Path) -> str:
    """A query file's text; unreadable or not UTF-8 is a ``QueryError`` naming where."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise QueryError(f"cannot read query: {err.strerror or err}", file=path) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = decode_location(raw, err)
        raise QueryError(
            f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); re-save the query as UTF-8",
            file=path,
            line=line,
            column=column,
        ) from None


def _load(path: Path, name: str | None = None) -> BundledQuery:
    text = _read(path)
    header = parse_header(text)
    columns = tuple(c.strip() for c in header.get("columns", "").split(",") if c.strip())
    return BundledQuery(
        name=name or path.stem,
        path=path,
        title=header.get("title", ""),
        question=header.get("question", ""),
        columns=columns,
    )


def bundled_queries() -> list[BundledQuery]:
    """All bundled queries, sorted by name.

    >>> "meetings" in [q.name for q in bundled_queries()]
    True
    """
    folder = queries_dir()
    return sorted((_load(p) for p in folder.glob("*.rq")), key=lambda q: q.name)


def resolve_query(name_or_path: str | Path) -> BundledQuery:
    """A bundled query by name (``meetings``) or any ``.rq`` file by path.

    >>> resolve_query("roles").columns[:2]
    ('person', 'personLabel')
    """
    text = str(name_or_path)
    candidate = Path(text)
    looks_like_path = candidate.suffix == ".rq" or "/" in text or "\\" in text
    if looks_like_path or candidate.is_file():
        if not candidate.is_file():
            raise QueryError("no such query file", file=candidate)
        return _load(candidate)
    for query in bundled_queries():
        if query.name == text:
            return query
    names = ", ".join(q.name for q in bundled_queries()) or "(none found)"
    raise QueryError(f"unknown query {text!r}; available: {names}")


def _term_text(term: object) -> str | None:
    """Plain text of an RDF term: IRI without <>, literal lexical form, blank node id."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term.value
    return str(term)


def run_query(store: ox.Store, query_text: str, *, source: Path | str | None = None) -> QueryResult:
    """Run a SELECT query over the union of all graphs of ``store``.

    Syntax errors become ``QueryError`` with ``file:line:column`` (``source`` names the file).

    >>> store = ox.Store()
    >>> run_query(store, "SELECT ?x WHERE { VALUES ?x { 1 2 } }")
    QueryResult(columns=['x'], rows=[('1',), ('2',)])
    """
    try:
        # stores from load_graph/store_of hold the union of their graphs in the default graph, each
        # triple once; a store of named graphs only is queried through pyoxigraph's union
        union = next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None
        solutions = store.query(query_text, use_default_graph_as_union=union)
    except SyntaxError as err:
        raise _syntax_error(query_text, err.msg or str(err), source) from None
    except OSError as err:
        raise QueryError(f"query failed: {err}", file=source) from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries are supported", file=source)
    columns = [v.value for v in solutions.variables]
    terms = [tuple(s[i] for i in range(len(columns))) for s in solutions]
    rows = [tuple(_term_text(t) for t in row) for row in terms]
    return QueryResult(columns=columns, rows=rows, terms=terms)


_UPDATE = re.compile(
    r"(?:PREFIX\s+\S*\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.I,
)
_MOST_EXPECTED = 8
_ENDS_EARLY = "the query ends early; check that every { and ( is closed"


def _syntax_error(query_text: str, message: str, source: Path | str | None) -> QueryError:
    """A ``QueryError`` for a query pyoxigraph cannot parse, located as well as the two parsers can.

    pyoxigraph's parser often places an error at the end of the query, where it gave up; rdflib's
    points at the word it could not read, so its line and column are used when it fails too.
    """
    body = _without_comments(query_text)
    if not body:
        return QueryError("the query is empty; write a SELECT query", file=source)
    if _UPDATE.match(body):
        return QueryError("a SPARQL update; pactgraph runs only SELECT queries", file=source)
    match = _SPARQL_LOCATION.match(message)
    if not match:
        return QueryError(message, file=source)
    line, column, said = int(match.group(1)), int(match.group(2)), _shorter(match.group(3))
    if line > len(query_text.rstrip("\n").split("\n")):
        said = _ENDS_EARLY
    located = _rdflib_location(query_text)
    if located is not None:
        line, column, said = located
    return QueryError(said, file=source or "<query>", line=line, column=column)


def _rdflib_location(query_text: str) -> tuple[int, int, str] | None:
    """Where rdflib's SPARQL parser fails on the query, and what it found there (None: it does not).

    >>> _rdflib_location("SELECT ?s WHERE {\\n  ?s ?p ?o . FILTR(?s) }")
    (2, 14, "cannot read 'FILTR(?s)'; check the SPARQL syntax there")
    >>> _rdflib_location("SELECT ?s WHERE { ?s ex:p ?o }")
    (1, 22, "unknown prefix 'ex:'; declare it with PREFIX ex: <…>")
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        translateQuery(parseQuery(query_text))
    except ParseException as err:
        word = re.match(r"\S{0,30}", query_text[err.loc :]).group(0)
        return err.lineno, err.col, f"cannot read {word!r}; check the SPARQL syntax there" if word else _ENDS_EARLY
    except Exception as err:  # rdflib reports an undeclared prefix as a bare Exception
        prefix = re.fullmatch(r"Unknown namespace prefix : (\w*)", str(err))
        used = prefix and re.search(rf"(?<![\w<:]){re.escape(prefix.group(1))}:", query_text)
        if not used:
            return None
        line = query_text.count("\n", 0, used.start()) + 1
        column = used.start() - (query_text.rfind("\n", 0, used.start()) + 1) + 1
        name = prefix.group(1)
        return line, column, f"unknown prefix '{name}:'; declare it with PREFIX {name}: <…>"
    return None


def _without_comments(query_text: str) -> str:
    """The query without ``#`` comment lines (the header) and surrounding blanks."""
    return "\n".join(line for line in query_text.splitlines() if not line.lstrip().startswith("#")).strip()


def _shorter(message: str) -> str:
    """The parser's "expected one of …" without its character classes and cut to a few tokens, so
    the error stays a readable line.

    >>> _shorter("expected one of SELECT, ASK, [_]")
    'expected one of SELECT, ASK'
    """
    prefix = "expected one of "
    if not message.startswith(prefix):
        return message
    tokens = [t for t in " ".join(message[len(prefix) :].split()).split(", ") if not t.startswith(("[", "|"))]
    kept = tokens[:_MOST_EXPECTED]
    return prefix + ", ".join(kept) + (", …" if len(tokens) > len(kept) else "") if kept else "syntax error"


def _json_to_term(binding: dict[str, str]) -> object:
    """A pyoxigraph term from one SPARQL JSON results binding (``typed-literal`` is Virtuoso's)."""
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return ox.Literal(value, language=binding["xml:lang"])
        if "datatype" in binding:
            return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
        return ox.Literal(value)
    return ox.Literal(value)


def result_from_sparql_json(doc: dict) -> QueryResult:
    """Turn a SPARQL 1.1 JSON results document into the ``QueryResult`` a local query gives.

    So results from a remote endpoint print exactly like local ones.

    >>> doc = {"head": {"vars": ["x", "n"]},
    ...        "results": {"bindings": [{"x": {"type": "uri", "value": "http://x/1"}}]}}
    >>> result_from_sparql_json(doc)
    QueryResult(columns=['x', 'n'], rows=[('http://x/1', None)])
    """
    columns = list(doc["head"]["vars"])
    terms = [
        tuple(_json_to_term(binding[c]) if c in binding else None for c in columns)
        for binding in doc["results"]["bindings"]
    ]
    rows = [tuple(_term_text(t) for t in row) for row in terms]
    return QueryResult(columns=columns, rows=rows, terms=terms)


def _table(result: QueryResult, *, full_iris: bool = True) -> str:
    header = list(result.columns)
    terms = result.terms if len(result.terms) == len(result.rows) else [()] * len(result.rows)
    body = [
        [
            "" if v is None else v if full_iris or not isinstance(t, ox.NamedNode) else compact_iri(v)
            for v, t in zip(row, row_terms or [None] * len(row), strict=True)
        ]
        for row, row_terms in zip(result.rows, terms, strict=True)
    ]
    widths = [len(h) for h in header]
    for row in body:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    lines = [line(header), line(["-" * w for w in widths])]
    lines += [line(row) for row in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _delimited(result: QueryResult, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue()


def _tsv_cell(value: str | None) -> str:
    if value is None:
        return ""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(result: QueryResult) -> str:
    """Tab-separated, no quoting; tabs and line breaks inside values are escaped as \\t, \\n."""
    lines = ["\t".join(result.columns)]
    lines += ["\t".join(_tsv_cell(v) for v in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(term: object, text: str) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": text}


def _json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON; keys in a fixed order so output is reproducible."""
    terms = result.terms if len(result.terms) == len(result.rows) else [()] * len(result.rows)
    bindings = []
    for row, row_terms in zip(result.rows, terms, strict=True):
        binding = {}
        for i, (name, value) in enumerate(zip(result.columns, row, strict=True)):
            if value is not None:
                binding[name] = _json_term(row_terms[i] if row_terms else None, value)
        bindings.append(binding)
    doc = {"head": {"vars": result.columns}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_result(result: QueryResult, fmt: str = "table", *, full_iris: bool = True) -> str:
    """Render a result as ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL 1.1 JSON results).

    ``full_iris=False`` writes IRIs in a table with pactgraph's prefixes (``id:meeting/…``); the
    other formats always hold full IRIs.

    >>> print(format_result(QueryResult(["a", "b"], [("x", None)]), "csv"), end="")
    a,b
    x,
    >>> iri = "https://w3id.org/pactgraph/id/country/china"
    >>> print(format_result(QueryResult(["c"], [(iri,)], [(ox.NamedNode(iri),)]), full_iris=False), end="")
    c
    ----------------
    id:country/china
    (1 row)
    """
    if fmt == "table":
        return _table(result, full_iris=full_iris)
    if fmt == "csv":
        return _delimited(result, ",")
    if fmt == "tsv":
        return _tsv(result)
    if fmt == "json":
        return _json(result)
    raise QueryError(f"unknown result format {fmt!r}; use one of: {', '.join(FORMATS)}")
