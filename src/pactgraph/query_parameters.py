"""Parameters of the bundled queries (``--entity``, ``--since``, ``--until``, ``--kind``,
``--technology``, ``--limit``, ``--offset``), compiled into the SPARQL text.

A bundled query returns every row of the graph; on a large corpus that takes seconds to minutes. An
analyst's question is about one entity or one month, so the constraint has to reach the engine
where it can use it early: as a ``VALUES`` block that binds the entity before the expensive joins,
not as a filter on the finished rows.

Each query says what it accepts in its header, one parameter per item, with the variable it binds
(and, for ``kind`` and ``technology``, the concept scheme whose prefLabels are allowed)::

    # parameters: entity ?entity, since ?period, until ?period, kind ?kindName agreement-kind, limit, offset

and marks, with comment lines, where each parameter's pattern goes (several places when subqueries
need it too)::

    #@ entity: ?agreement pg:party ?entity .
    #@ since until: ?agreement pg:hasTime ?period .

Without parameters the markers are comments and the query is exactly the one in the file. With
them, a marker line becomes ``VALUES ?entity { <iri> … }`` followed by its pattern; a line ending in
``#@ unless entity`` is left out when ``--entity`` is given. Values are looked up first, with small
queries, and bound as terms of the graph: names become entity IRIs (``resolve_entities``), a date
range becomes the graph's time instants within it (``resolve_periods``; a ``FILTER`` on dates inside
the big query makes Oxigraph join every item first: 2.8 s instead of 0.19 s for one month at 10,000
articles), a kind or technology becomes its concept's prefLabel. Only pyoxigraph terms and integers
are written into the text, never the user's own characters.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from pactgraph.errors import QueryParameterError
from pactgraph.queries import BundledQuery, QueryResult, resolve_query, run_query
from pactgraph.resources import ontology_path
from pactgraph.store import PREFIXES, parse_bundled
from pactgraph.vocab import VOCAB

__all__ = [
    "PARAMETERS",
    "Declared",
    "Parameters",
    "Period",
    "check_supported",
    "compile_query",
    "concept_labels",
    "declared_parameters",
    "parse_period",
    "resolve_entities",
    "resolve_periods",
    "run_bundled_query",
]

#: Every parameter a query can declare, in the order the CLI shows them.
PARAMETERS = ("entity", "since", "until", "kind", "technology", "limit", "offset")
_BOUND = ("entity", "since", "until", "kind", "technology")  # those that need a variable
_SCHEMES = ("kind", "technology")  # those whose values are prefLabels of a concept scheme

_HEADER = re.compile(r"^#\s*parameters\s*:\s*(.*?)\s*$")
_MARKER = re.compile(r"^(\s*)#@\s*([a-z][a-z ]*?)\s*:\s*(.*?)\s*$")
_UNLESS = re.compile(r"#@\s*unless\s+([a-z]+)\s*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_CURIE = re.compile(r"^([a-z]+):(\S+)$")
#: Runs a SELECT query on the graph being queried (a local store, a remote endpoint).
Select = Callable[[str], QueryResult]
_SKOS = PREFIXES["skos"]
_RDFS = PREFIXES["rdfs"]


@dataclass(frozen=True)
class Declared:
    """What a query's header says about one parameter: the variable it binds, the concept scheme
    its value comes from (``kind``, ``technology``)."""

    name: str
    variable: str | None = None
    scheme: str | None = None


@dataclass(frozen=True, order=True)
class Period:
    """A day, month or year as written in the graph (``2024``, ``2024-03``, ``2024-03-15``)."""

    text: str

    @property
    def first(self) -> dt.date:
        year, month, day = _parts(self.text)
        return dt.date(year, month or 1, day or 1)

    @property
    def last(self) -> dt.date:
        year, month, day = _parts(self.text)
        month_last = month or 12
        return dt.date(year, month_last, day or calendar.monthrange(year, month_last)[1])


def _parts(text: str) -> tuple[int, int | None, int | None]:
    match = _DATE.match(text)
    if not match:
        raise ValueError(text)
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def parse_period(text: str, *, option: str = "date") -> Period:
    """A date parameter, checked: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` of a real day.

    >>> parse_period("2024-02").last
    datetime.date(2024, 2, 29)
    >>> parse_period("2024-02-30", option="since")
    Traceback (most recent call last):
    ...
    pactgraph.errors.QueryParameterError: --since must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '2024-02-30'
    """
    value = str(text).strip()
    try:
        period = Period(value)
        period.first, period.last  # noqa: B018 - raises for a month 13 or a day 30 of February
    except ValueError:
        raise QueryParameterError(f"--{option} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}") from None
    return period


@dataclass(frozen=True)
class Parameters:
    """Parameter values as given, checked for form; ``entities`` are names or IRIs, resolved
    against the graph when the query is compiled."""

    entities: tuple[str, ...] = ()
    since: Period | None = None
    until: Period | None = None
    kind: str | None = None
    technology: str | None = None
    limit: int | None = None
    offset: int | None = None

    @classmethod
    def of(
        cls,
        *,
        entity: str | Iterable[str] = (),
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        technology: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Parameters:
        """Check raw values (dates, counts, texts); a malformed one is a ``QueryParameterError``.

        >>> sorted(Parameters.of(entity="China", since="2024", limit=3).given)
        ['entity', 'limit', 'since']
        """
        entities = (entity,) if isinstance(entity, str) else tuple(entity)
        for value in entities:
            if not isinstance(value, str) or not value.strip():
                raise QueryParameterError("--entity must be a name or an IRI, not empty")
        start = parse_period(since, option="since") if since is not None else None
        end = parse_period(until, option="until") if until is not None else None
        if start and end and start.first > end.last:
            raise QueryParameterError(f"--since {start.text} is after --until {end.text}; nothing can match")
        for name, value in (("limit", limit), ("offset", offset)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise QueryParameterError(f"--{name} must be a whole number ≥ 0, not {value!r}")
        for name, value in (("kind", kind), ("technology", technology)):
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise QueryParameterError(f"--{name} must be a non-empty text")
        return cls(entities, start, end, kind, technology, limit, offset)

    @property
    def given(self) -> frozenset[str]:
        """The names of the parameters that have a value."""
        values = {"entity": self.entities, "since": self.since, "until": self.until, "kind": self.kind}
        values |= {"technology": self.technology, "limit": self.limit, "offset": self.offset}
        return frozenset(name for name, value in values.items() if value not in (None, ()))


def declared_parameters(query: BundledQuery) -> dict[str, Declared]:
    """The parameters a query's ``# parameters:`` header declares (none for a query without one).

    >>> sorted(declared_parameters(resolve_query("agreements")))
    ['entity', 'kind', 'limit', 'offset', 'since', 'until']
    >>> declared_parameters(resolve_query("agreements"))["kind"]
    Declared(name='kind', variable='kindName', scheme='agreement-kind')
    """
    return _declared(query.text, str(query.path))


@functools.cache
def _declared(text: str, source: str) -> dict[str, Declared]:
    declared: dict[str, Declared] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if not match:
            continue
        for item in filter(None, (part.strip() for part in match.group(1).split(","))):
            words = item.split()
            name, rest = words[0], words[1:]
            variable = rest[0].removeprefix("?") if rest and rest[0].startswith("?") else None
            scheme = rest[1] if len(rest) > 1 else None
            wrong = (
                name not in PARAMETERS
                or (name in _BOUND) != (variable is not None)
                or (name in _SCHEMES) != (scheme is not None)
                or len(rest) > 2
            )
            if wrong:
                raise QueryParameterError(f"{source}: cannot read the parameter {item!r} of the header")
            declared[name] = Declared(name, variable, scheme)
    return declared


def _option_list(names: Iterable[str]) -> str:
    return ", ".join(f"--{n}" for n in names) or "none"


def check_supported(query: BundledQuery, given: Iterable[str]) -> dict[str, Declared]:
    """The query's declared parameters; one it does not declare among ``given`` is a
    ``QueryParameterError`` naming those it takes.

    >>> check_supported(resolve_query("links"), ["kind"])
    Traceback (most recent call last):
    ...
    pactgraph.errors.QueryParameterError: the query 'links' does not take --kind; it takes --entity, --limit, --offset
    """
    declared = declared_parameters(query)
    unknown = [name for name in PARAMETERS if name in set(given) and name not in declared]
    if unknown:
        raise QueryParameterError(
            f"the query {query.name!r} does not take --{unknown[0]}; it takes {_option_list(declared)}"
        )
    return declared


def compile_query(query: BundledQuery, parameters: Parameters, *, select: Select) -> str:
    """The query's SPARQL with the parameters compiled in: ``VALUES`` at the query's markers,
    ``LIMIT``/``OFFSET`` at the end. ``select`` runs the small look-up queries (names, dates) on the
    graph the query will run on. A parameter the query does not declare is a
    ``QueryParameterError`` naming those it does.

    >>> from pactgraph.store import load_graph
    >>> from pathlib import Path
    >>> store = load_graph([Path("tests/data/mini-kg.trig")])
    >>> text = compile_query(resolve_query("partnerships"), Parameters.of(since="2025-06-26", limit=5),
    ...                      select=lambda text: run_query(store, text))
    >>> print(next(line for line in text.splitlines() if "VALUES" in line))
      VALUES ?period { <https://w3id.org/pactgraph/id/time/2025-06-26> } ?partnership pg:hasTime ?period .
    >>> text.rstrip().endswith("LIMIT 5")
    True
    """
    declared = check_supported(query, parameters.given)
    if not parameters.given:
        return query.text
    for name in ("kind", "technology"):  # checked before anything is looked up in the graph
        if name in parameters.given:
            concept_labels(declared[name].scheme, getattr(parameters, name), option=name)
    bound: dict[str, tuple[object, ...]] = {}
    if parameters.entities:
        bound["entity"] = resolve_entities(select, parameters.entities)
    if parameters.since or parameters.until:
        bound["since"] = bound["until"] = resolve_periods(select, since=parameters.since, until=parameters.until)
    for name in ("kind", "technology"):
        if name in parameters.given:
            bound[name] = concept_labels(declared[name].scheme, getattr(parameters, name), option=name)
    return _compiled(query, declared, bound, limit=parameters.limit, offset=parameters.offset)


def _compiled(
    query: BundledQuery,
    declared: dict[str, Declared],
    bound: dict[str, tuple],
    *,
    limit: int | None,
    offset: int | None,
) -> str:
    placed: set[str] = set()
    lines = []
    for line in query.text.splitlines():
        unless = _UNLESS.search(line)
        if unless and unless.group(1) in bound:
            continue
        marker = _MARKER.match(line)
        wanted = [n for n in marker.group(2).split() if n in bound] if marker else []
        if not wanted:
            lines.append(line)
            continue
        placed.update(wanted)
        indent, pattern = marker.group(1), marker.group(3)
        values = []
        for variable in dict.fromkeys(declared[n].variable for n in wanted):
            terms = next(bound[n] for n in wanted if declared[n].variable == variable)
            values.append(f"VALUES ?{variable} {{ {' '.join(str(t) for t in terms)} }}")
        lines.append(indent + " ".join(part for part in [*values, pattern] if part))
    missing = sorted(set(bound) - placed)
    if missing:
        raise QueryParameterError(f"{query.path}: no '#@ {missing[0]}:' marker in the query for --{missing[0]}")
    tail = [f"LIMIT {int(limit)}"] if limit is not None else []
    tail += [f"OFFSET {int(offset)}"] if offset is not None else []
    return "\n".join([*lines, *([" ".join(tail)] if tail else [])]) + "\n"


_PERIODS = f"""PREFIX time: <{PREFIXES["time"]}>
SELECT DISTINCT ?period WHERE {{
  ?period time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear ?when .
  FILTERS
}}
ORDER BY ?period
"""


def resolve_periods(select: Select, *, since: Period | None, until: Period | None) -> tuple[ox.NamedNode, ...]:
    """The time instants of the graph whose whole day, month or year lies on or after the first day
    of ``since`` and on or before the last day of ``until``.

    A partial date is padded to its first day (``-01-01``) or, for the upper bound, to a text above
    every day it covers (``-99-99``), so plain string order decides.
    """
    lexical = "STR(?when)"
    filters = []
    if since is not None:
        bound = ox.Literal(since.first.isoformat())
        filters.append(f'FILTER (CONCAT({lexical}, SUBSTR("-01-01", STRLEN({lexical}) - 3)) >= {bound})')
    if until is not None and until.last < dt.date.max:
        bound = ox.Literal((until.last + dt.timedelta(days=1)).isoformat())
        filters.append(f'FILTER (CONCAT({lexical}, SUBSTR("-99-99", STRLEN({lexical}) - 3)) < {bound})')
    rows = select(_PERIODS.replace("FILTERS", " ".join(filters))).terms
    return tuple(row[0] for row in rows if isinstance(row[0], ox.NamedNode))  # pactgraph mints IRIs for them


@functools.cache
def _scheme_labels(scheme: str) -> dict[str, tuple[ox.Literal, ...]]:
    """The prefLabels of an ontology concept scheme, by their lower-case text."""
    prefix = f"{VOCAB}{scheme}/"
    labels: dict[str, list[ox.Literal]] = {}
    for quad in parse_bundled(ontology_path()):
        concept = quad.predicate.value == _SKOS + "prefLabel" and quad.subject.value.startswith(prefix)
        if concept and quad.object.language in (None, "en"):
            labels.setdefault(quad.object.value.lower(), []).append(quad.object)
    return {key: tuple(sorted(found, key=str)) for key, found in labels.items()}


def concept_labels(scheme: str | None, value: str, *, option: str) -> tuple[ox.Literal, ...]:
    """The prefLabel literals of ``value`` (any case) in ``scheme``; unknown is an error naming the
    allowed ones.

    >>> concept_labels("technology", "Offshore Wind", option="technology")
    (<Literal value=offshore wind language=en>,)
    """
    labels = _scheme_labels(scheme or "")
    found = labels.get(" ".join(str(value).split()).lower())
    if not found:
        allowed = ", ".join(sorted(labels)) or "none"
        raise QueryParameterError(
            f"--{option} {value!r} is no concept of the ontology's {scheme} scheme; use one of: {allowed}"
        )
    return found


_EXACT = f"""PREFIX rdfs: <{_RDFS}>
PREFIX skos: <{_SKOS}>
SELECT DISTINCT ?name ?entity WHERE {{ VALUES ?name {{ NAMES }} ?entity rdfs:label|skos:altLabel ?name }}
"""
_ALL_NAMES = f"""PREFIX rdfs: <{_RDFS}>
PREFIX skos: <{_SKOS}>
PREFIX pg: <{PREFIXES["pg"]}>
SELECT DISTINCT ?entity ?name WHERE {{ ?entity pg:mentionedIn ?article ; rdfs:label|skos:altLabel ?name }}
"""


def _as_iri(text: str) -> ox.NamedNode | None:
    """The IRI an ``--entity`` value spells (``https://…``, ``<https://…>``, ``id:country/china``),
    or None when it is a name."""
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    else:
        curie = _CURIE.match(value)
        if curie and curie.group(1) in PREFIXES:
            value = PREFIXES[curie.group(1)] + curie.group(2)
        elif not _IRI_SCHEME.match(value):
            return None
    try:
        return ox.NamedNode(value)
    except ValueError as err:
        raise QueryParameterError(f"--entity {text!r} is not a valid IRI: {err}") from None


def resolve_entities(select: Select, values: Sequence[str]) -> tuple[ox.NamedNode, ...]:
    """The IRIs of the ``--entity`` values: IRIs as they are, names through the graph.

    A name is an entity's ``rdfs:label`` or one of its ``skos:altLabel`` (what the ``entity`` query
    matches); a name no label spells exactly is compared the way the curation file compares names,
    folded (case, accents, punctuation), which loads the extractor and reads every name: slower.
    A name that matches nothing is a ``QueryParameterError``. ``select`` runs a SELECT query on the
    graph (a local store or a remote endpoint).
    """
    iris: list[ox.NamedNode] = []
    names: list[str] = []
    for value in values:
        found = _as_iri(str(value))
        if found is not None:
            iris.append(found)
        else:
            names.append(" ".join(str(value).split()))
    if names:
        literals = " ".join(str(term) for n in names for term in (ox.Literal(n), ox.Literal(n, language="en")))
        rows = select(_EXACT.replace("NAMES", literals)).rows
        by_name: dict[str, set[str]] = {}
        for name, entity in rows:
            by_name.setdefault(name, set()).add(entity)
        unmatched = [n for n in names if n not in by_name]
        if unmatched:
            by_name |= _folded_matches(select, unmatched)
        for name in names:
            if name not in by_name:
                raise QueryParameterError(
                    f"--entity {name!r}: no entity of the graph has this name; "
                    "see `pactgraph query entities` for names, or give an IRI"
                )
            iris.extend(ox.NamedNode(e) for e in sorted(by_name[name]))
    return tuple(dict.fromkeys(iris))


def _folded_matches(select: Select, names: list[str]) -> dict[str, set[str]]:
    from pactgraph.extract.entities import fold  # loads the NLP pipeline: only when needed

    wanted = {fold(n): n for n in names}
    found: dict[str, set[str]] = {}
    for entity, name in select(_ALL_NAMES).rows:
        original = wanted.get(fold(name or ""))
        if original is not None:
            found.setdefault(original, set()).add(entity)
    return found


def run_bundled_query(
    store: ox.Store,
    name_or_path: str,
    *,
    entity: str | Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    technology: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> QueryResult:
    """Run a bundled query (or a ``.rq`` file) on a local store with parameters compiled in.

    >>> from pactgraph.store import load_graph
    >>> from pathlib import Path
    >>> store = load_graph([Path("tests/data/mini-kg.trig")])
    >>> [row[2] for row in run_bundled_query(store, "timeline", since="2025-06", until="2025-06").rows]
    ['Implementation agreement between the Ministry of Energy of Azerbaijan and Masdar', 'Talks between \
Parviz Shahbazov and Sultan Al Jaber']
    """
    query = resolve_query(name_or_path)
    parameters = Parameters.of(
        entity=entity, since=since, until=until, kind=kind, technology=technology, limit=limit, offset=offset
    )
    text = compile_query(query, parameters, select=lambda lookup: run_query(store, lookup))
    return run_query(store, text, source=query.path)
