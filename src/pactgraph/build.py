"""The build: articles → facts → entities merged across articles → graphs → Turtle, TriG and
(optionally) an on-disk Oxigraph store, written atomically and byte-for-byte deterministic.

Extraction runs in ``jobs`` processes (or on a Dask cluster: ``pactgraph.cluster``) and is cached
per article (``pactgraph.corpus``); entities and facts are then merged across the corpus in this
process; each article's graph is written, serialized and validated in the worker processes again
(``GraphPart``), and the parts are joined.
Curation and the confidence threshold are applied between facts and graphs, so a retracted or
doubtful fact never reaches the graph.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from . import reasoning
from .articles import Article
from .cache import BuildCache
from .cluster import map_tasks
from .corpus import read_corpus
from .errors import ArticleError, UsageError, ValidationError
from .listing import iter_articles, list_articles
from .store import (
    PREFIXES,
    Format,
    distinct_sorted_lines,
    serialize,
    serialize_lines,
    split_prefixes,
    trig_header,
    write_output,
    write_store,
)
from .validation import (
    ValidationReport,
    ValidationResult,
    bounded_properties,
    read_predicates,
    result_order,
    validate_quads,
)

if TYPE_CHECKING:  # the extractor's modules, and those built on them, are imported where they are used:
    # a rebuild with nothing to read does not load them (``pactgraph.extract`` compiles hundreds of
    # regular expressions as it is imported: 0.2 s of such a rebuild)
    from .curation import Curation
    from .extract.facts import ArticleFacts, Entity, Fact
    from .links import Links
    from .resolve import Resolved

#: Article graphs a worker writes (and validates in one SHACL run) at a time.
_PARTS_PER_TASK = 128


@dataclass(frozen=True)
class GraphPart:
    """One named graph of a build, serialized, with its SHACL results when validated.

    Parts are made where the work is (in worker processes, for article graphs) and joined by the
    build: TriG blocks under one header, triple lines merged into the union graph.
    """

    name: ox.NamedNode
    #: The graph as TriG, without the ``@prefix`` lines.
    trig: bytes
    #: Its distinct triples, sorted N-Triples lines.
    triples: bytes
    results: tuple[ValidationResult, ...] = ()


@dataclass
class Assembly:
    """The graphs of a build and what was kept out of them."""

    parts: list[GraphPart]
    articles: int
    below_confidence: int = 0
    retracted: int = 0
    added: int = 0
    #: Entities given links to open datasets by the links file.
    linked: int = 0
    #: Retractions of the curation file that matched no fact (the extractor may have changed).
    stale_retractions: list[str] = field(default_factory=list)
    #: One error per article that could not be read and was left out.
    skipped: list[str] = field(default_factory=list)
    #: Articles extracted afresh (the others came from the build cache).
    extracted: int = 0
    #: What the articles read had odd but readable (an unknown header key …), one line each.
    article_warnings: list[str] = field(default_factory=list)

    @property
    def quads(self) -> list[ox.Quad]:
        """Every quad, parsed back (for graphs small enough to hold as Python objects)."""
        return list(ox.parse(self.trig(), format=ox.RdfFormat.TRIG))

    def trig(self) -> bytes:
        """The dataset as TriG: what ``serialize(self.quads, Format.TRIG)`` writes, made by joining
        the parts' blocks instead of sorting every quad again."""
        if not self.parts:
            return b""
        blocks = [part.trig for part in sorted(self.parts, key=lambda part: str(part.name))]
        return trig_header() + b"".join(blocks)

    def union_lines(self) -> list[bytes]:
        """The distinct triples of every graph, as sorted N-Triples lines."""
        lines: set[bytes] = set()
        for part in self.parts:
            lines.update(part.triples.splitlines())
        lines.discard(b"")
        return sorted(lines)

    def report(self, graph: str, *, union: list[bytes] | None = None) -> ValidationReport:
        """The SHACL report of the whole graph: its parts' results, one per finding (a node
        reported by several articles names them all), and what only their union breaks (``union``:
        ``union_lines()`` when already made)."""
        sources: dict[ValidationResult, set[str]] = defaultdict(set)
        for result in [*(r for part in self.parts for r in part.results), *self.union_results(union)]:
            sources[dataclasses.replace(result, sources=())] |= set(result.sources)
        merged = [dataclasses.replace(r, sources=tuple(sorted(s))) for r, s in sources.items()]
        return ValidationReport(graph=graph, results=tuple(sorted(merged, key=result_order)))

    def union_results(self, union: list[bytes] | None = None) -> list[ValidationResult]:
        """SHACL results of the nodes whose graphs conform one by one but not together.

        Joining graphs only adds triples, so it can only break the shapes that bound a number of
        values (``sh:maxCount``): the nodes with more values of such a property in the union than
        in any one graph (two articles giving one fact two places) are validated again
        (``union_results``)."""
        bounded = {f"<{iri}>".encode() for iri in bounded_properties()}
        first: dict[tuple[bytes, bytes], bytes] = {}
        clashing: set[bytes] = set()
        lines = self.union_lines() if union is None else union
        for line in lines:
            subject, predicate, rest = line.split(b" ", 2)
            if predicate in bounded and first.setdefault((subject, predicate), rest) != rest:
                clashing.add(subject)

        def lines_of(prefix: bytes) -> list[bytes]:
            start = bisect.bisect_left(lines, prefix)
            return lines[start : bisect.bisect_left(lines, prefix + b"\xff", start)]

        return union_results(clashing, lines_of)


def union_results(clashing: Iterable[bytes], lines_of: Callable[[bytes], list[bytes]]) -> list[ValidationResult]:
    """The SHACL results of each of the ``clashing`` subjects (N-Triples terms), validated one by
    one (``union_data``, ``union_check``)."""
    results: list[ValidationResult] = []
    for subject in sorted(set(clashing)):
        results += union_check(subject, union_data(subject, lines_of)[0])
    return results


def union_data(subject: bytes, lines_of: Callable[[bytes], list[bytes]]) -> tuple[bytes, list[bytes]]:
    """What validating ``subject`` in the union reads, as N-Triples: every line of the union about
    it, and the lines about the nodes it points to with the predicates the shapes read
    (``read_predicates``); and those nodes (IRIs, blank nodes). ``lines_of(prefix)`` gives the union's lines starting
    with ``prefix``.

    The shapes look one node beyond their focus, at the predicates they name, so a node's results
    depend on these lines alone: not on the other nodes validated, nor on the thousands of
    articles that mention a country it points to. A rebuild validates again only the nodes whose
    lines changed."""
    read = sorted(f"<{p}>".encode() for p in read_predicates())
    about = lines_of(subject + b" ")
    nodes = sorted({node for line in about if (node := line.split(b" ", 2)[2][:-2])[:1] in (b"<", b"_")})
    context = [line for node in nodes for predicate in read for line in lines_of(node + b" " + predicate + b" ")]
    return b"\n".join(sorted(set(about + context))), nodes


def union_check(subject: bytes, data: bytes, cache: BuildCache | None = None) -> tuple[ValidationResult, ...]:
    """The SHACL results of ``subject`` validated with ``data`` (``union_data``), from the cache
    when validated before."""
    key = cache.validation_key(b"union\n" + data) if cache is not None else None
    found = cache.get("valid", key) if key is not None else None
    if found is None:
        focus = subject[1:-1].decode()
        report = validate_quads(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        found = tuple(r for r in report.results if _expanded(r.focus) == focus)
        if key is not None:
            cache.put("valid", key, found)
    return found


def _expanded(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES else curie


def render_part(name: ox.NamedNode, quads: list[ox.Quad]) -> GraphPart:
    """A graph serialized as a part: its TriG block and its triple lines, both sorted."""
    lines = distinct_sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    trig = split_prefixes(serialize_lines(lines, Format.TRIG))[1]
    triples = b"\n".join(
        distinct_sorted_lines(ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES) or b"")
    )
    return GraphPart(name=name, trig=trig, triples=triples + b"\n" if triples else b"")


def validated_parts(
    graphs: list[tuple[ox.NamedNode, list[ox.Quad]]],
    *,
    cache: BuildCache | None = None,
    rendered: list[GraphPart | None] | None = None,
    keys: list[str | None] | None = None,
) -> list[GraphPart]:
    """Graphs as parts with their SHACL results: from the cache for a graph validated before,
    otherwise from one validation of all the others together. Each graph carries the entities
    and rules it uses, so it is valid or not on its own. ``rendered`` holds the parts already
    serialized (from the cache: their quads are not given), ``keys`` the cache keys of the rest."""
    rendered = rendered or [None] * len(graphs)
    keys = keys or [None] * len(graphs)
    parts = [
        part or _rendered_and_cached(name, quads, cache, key)
        for part, (name, quads), key in zip(rendered, graphs, keys, strict=True)
    ]
    checks = [cache.validation_key(part.trig) if cache is not None else None for part in parts]
    known = [cache.get("valid", check) if cache is not None and check is not None else None for check in checks]
    fresh = [i for i, results in enumerate(known) if results is None]
    if fresh:
        quads = [q for i in fresh for q in (graphs[i][1] or _quads_of(parts[i]))]
        report = validate_quads(quads, graph="the built graph")
        by_stem = {parts[i].name.value.rsplit("/", 1)[-1]: i for i in fresh}
        found: dict[int, list[ValidationResult]] = {i: [] for i in fresh}
        for result in report.results:
            owners = [by_stem[s] for s in result.sources if s in by_stem] or fresh
            for i in owners:
                found[i].append(result)
        for i in fresh:
            known[i] = tuple(found[i])
            if cache is not None and checks[i] is not None:
                cache.put("valid", checks[i], known[i])
    return [dataclasses.replace(part, results=results) for part, results in zip(parts, known, strict=True)]


def _rendered_and_cached(
    name: ox.NamedNode, quads: list[ox.Quad], cache: BuildCache | None, key: str | None
) -> GraphPart:
    part = render_part(name, quads)
    if cache is not None and key is not None:
        cache.put("graph", key, part)
    return part


def _quads_of(part: GraphPart) -> list[ox.Quad]:
    return list(ox.parse(trig_header() + part.trig, format=ox.RdfFormat.TRIG))


def _article_parts(
    task: tuple[list[Article], list[ArticleFacts], dict, bool, BuildCache | None],
) -> list[GraphPart]:
    """The parts of a batch of articles (a task of ``pactgraph.cluster.map_tasks``): given their
    facts, the merged entities they name, validate?, and the cache."""
    from .resolve import entity_key
    from .triples import article_quads

    articles, facts, entities, validate, cache = task
    parts: list[GraphPart | None] = []
    graphs: list[tuple[ox.NamedNode, list[ox.Quad]]] = []
    keys: list[str | None] = []
    for article, article_facts in zip(articles, facts, strict=True):
        name = ox.NamedNode(PREFIXES["id"] + "graph/" + article.identifier)
        key = None
        if cache is not None:
            named = sorted(_with_countries({entity_key(e) for e in _entities_in(article_facts)}, entities))
            where = dataclasses.replace(article, path=Path(article.path.name))  # not where the corpus lies
            key = cache.graph_key(where, article_facts, [(k, entities[k]) for k in named])
        cached = cache.get("graph", key) if key is not None else None
        parts.append(cached)
        keys.append(key)
        graphs.append((name, [] if cached is not None else article_quads(article, article_facts, entities)))
    if validate:
        return validated_parts(graphs, cache=cache, rendered=parts, keys=keys)
    return [
        part or _rendered_and_cached(name, quads, cache, key)
        for part, (name, quads), key in zip(parts, graphs, keys, strict=True)
    ]


def _entities_in(value) -> list[Entity]:
    """Every entity a fact (or list of facts) names, however deep."""
    from .extract.facts import Entity

    found: dict[int, Entity] = {}
    _gather(value, found, Entity)
    return list(found.values())


def _gather(value, found: dict, entity: type) -> None:
    if isinstance(value, entity):
        found[id(value)] = value
    elif dataclasses.is_dataclass(value):
        for each in dataclasses.fields(value):
            if each.name not in ("sentences", "caveats", "aliases"):
                _gather(getattr(value, each.name), found, entity)
    elif isinstance(value, list | tuple | set):
        for item in value:
            _gather(item, found, entity)


def _all_article_parts(
    articles: list[Article],
    facts: list[ArticleFacts],
    entities: dict,
    *,
    validate: bool,
    cache: BuildCache | None,
    jobs: int,
    scheduler: str | None = None,
) -> list[GraphPart]:
    """Every article's graph as a part, written by ``jobs`` processes or on the workers of the
    Dask ``scheduler``, in batches that carry the entities they name (not the whole corpus's)."""
    from .resolve import entity_key

    tasks = []
    for start in range(0, len(articles), _PARTS_PER_TASK):
        batch, batch_facts = articles[start : start + _PARTS_PER_TASK], facts[start : start + _PARTS_PER_TASK]
        named = sorted(_with_countries({entity_key(e) for each in batch_facts for e in _entities_in(each)}, entities))
        tasks.append((batch, batch_facts, {key: entities[key] for key in named}, validate, cache))
    chunks = map_tasks(_article_parts, tasks, jobs=jobs, scheduler=scheduler, describe=_batch_name)
    return [part for chunk in chunks for part in chunk]


def _with_countries(keys: set, entities: dict) -> set:
    """``keys`` and the keys of the countries of the places among them that ``entities`` (the
    corpus's) knows: a place's graph says which country it is in only when the corpus knows that
    country (``triples``), whichever articles share its batch."""
    found = set(keys)
    for key in keys:
        country = entities[key].in_country
        if country is not None and (home := ("country", country.value.rsplit("/", 1)[-1])) in entities:
            found.add(home)
    return found


def _batch_name(task: tuple[list[Article], ...]) -> str:
    articles = task[0]
    return f"the graphs of {articles[0].path}" + (f" and {len(articles) - 1} more" if len(articles) > 1 else "")


@dataclass
class BuildSummary:
    articles: int
    triples: int
    outputs: list[Path] = field(default_factory=list)
    below_confidence: int = 0
    retracted: int = 0
    added: int = 0
    linked: int = 0
    skipped: int = 0
    #: Articles extracted afresh; the others came from the build cache.
    extracted: int = 0
    warnings: list[str] = field(default_factory=list)
    validation: ValidationReport | None = None
    reasoning: reasoning.ReasoningResult | None = None
    #: Graph files left to be written on demand (``--files on-demand``), absent meanwhile.
    deferred: list[Path] = field(default_factory=list)

    def __str__(self) -> str:
        cached = self.articles + self.skipped - self.extracted
        text = (
            f"built {self.triples} triples from {self.articles} articles"
            + (f" ({cached} unchanged, from the cache)" if cached > 0 else "")
            + " → "
            + ", ".join(map(str, self.outputs))
        )
        kept_out = [
            f"{n} {what}"
            for n, what in [
                (self.below_confidence, "facts below the confidence threshold left out"),
                (self.retracted, "facts retracted"),
                (self.added, "facts added by curation"),
                (self.linked, "entities linked to open datasets"),
                (self.skipped, "articles left out (unreadable)"),
            ]
            if n
        ]
        lines = ["; ".join([text, *kept_out])]
        if self.validation is not None:
            warnings = len(self.validation.warnings)
            lines.append(
                "valid against the SHACL shapes"
                + (f" ({warnings} warning{'s' if warnings != 1 else ''}: see `pactgraph validate`)" if warnings else "")
            )
        if self.reasoning is not None:
            lines.append(str(self.reasoning))
        if self.deferred:
            files = ", ".join(map(str, self.deferred))
            lines.append(
                f"{files}: on demand, not written (a command that reads them writes them first;"
                " so does `pactgraph build --files always`)"
            )
        return "\n".join(lines)


def build_quads(
    paths: list[Path],
    *,
    on_article: Callable[[Path], None] | None = None,
    min_confidence: float = 0.0,
    curation: Curation | None = None,
    links: Links | None = None,
    auto_links: Links | None = None,
    strict: bool = True,
    validate: bool = False,
    jobs: int = 1,
    cache: BuildCache | None = None,
    scheduler: str | None = None,
) -> Assembly:
    """The graphs of these article files: one named graph per article, the curation graph when a
    curation is given, and the links graph for the linked entities present when links are given
    (machine links of ``auto_links`` only where no curated link exists); without facts below
    ``min_confidence``.

    Extraction runs in ``jobs`` processes with ``cache`` (see ``BuildCache``), or on the workers of
    the Dask ``scheduler`` (see ``pactgraph.cluster``); with ``validate`` every graph carries its
    SHACL results (``Assembly.report``). An article that cannot be read raises ``ArticleError``
    when ``strict``; otherwise it is left out and its error kept in ``Assembly.skipped``.
    """
    from .curation import CurationGraph
    from .links import links_quads
    from .resolve import resolve
    from .triples import fact_iri

    _check(min_confidence=min_confidence, jobs=jobs)
    if scheduler is not None and cache is not None:  # workers have another working directory
        cache = BuildCache(cache.folder.absolute(), refresh=cache.refresh)
    corpus = read_corpus(paths, jobs=jobs, cache=cache, strict=strict, on_article=on_article, scheduler=scheduler)
    articles, facts = corpus.articles, corpus.facts
    named = [(article.identifier, article_facts) for article, article_facts in zip(articles, facts, strict=True)]
    added = []
    if curation is not None:
        curation.rename_entities(named)
        added = curation.added_facts(named)
    entities = resolve(facts + [group for _, group in added])
    reconcile([*facts, *(group for _, group in added)], entities)
    assembly = Assembly(
        parts=[],
        articles=len(articles),
        skipped=corpus.skipped,
        extracted=corpus.extracted,
        article_warnings=[w for a in articles for w in a.warnings],
    )
    retractions = {r.fact for r in curation.retractions} if curation else set()
    matched: set[str] = set()

    def keep(fact: Fact) -> bool:
        iri = fact_iri(fact, entities).value
        if iri in retractions:
            matched.add(iri)
            assembly.retracted += 1
            return False
        if fact.confidence < min_confidence:
            assembly.below_confidence += 1
            return False
        return True

    kept = [_kept(article_facts, keep) for article_facts in facts]
    assembly.parts = _all_article_parts(
        articles, kept, entities, validate=validate, cache=cache, jobs=jobs, scheduler=scheduler
    )
    others: list[tuple[ox.NamedNode, list[ox.Quad]]] = []
    if curation is not None:
        curation_quads = CurationGraph(curation, entities).write(added)
        if curation_quads:
            others.append((curation_quads[0].graph_name, curation_quads))
        assembly.added = sum(len(_facts_of(group)) for _, group in added)
        assembly.stale_retractions = sorted(retractions - matched)
    if links is not None or auto_links is not None:
        present = _typed_subjects(assembly.parts)
        curated = {link.entity for link in links.links} if links is not None else set()
        for each, entities_to_link in ((links, present), (auto_links, present - curated)):
            if each is not None:
                linked = links_quads(each, entities_to_link)
                assembly.linked += len({q.subject for q in linked if q.subject.value in present})
                if linked:
                    others.append((linked[0].graph_name, linked))
    if validate and others:
        # these graphs speak of the articles' entities: validated with what the articles say of them
        context = _descriptions(
            assembly.parts,
            {
                t.value
                for _, quads in others
                for q in quads
                for t in (q.subject, q.object)
                if isinstance(t, ox.NamedNode)
            },
        )
        checked = validated_parts([(name, quads + context) for name, quads in others])
        assembly.parts += [
            dataclasses.replace(render_part(name, quads), results=part.results)
            for (name, quads), part in zip(others, checked, strict=True)
        ]
    else:
        assembly.parts += [render_part(name, quads) for name, quads in others]
    return assembly


def _check(*, min_confidence: float, jobs: int) -> None:
    if not 0.0 <= min_confidence <= 1.0:
        raise UsageError(f"the minimum confidence must be between 0 and 1, not {min_confidence}")
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")


def builds_on_state(out: Path, *, cache: BuildCache | None, reason: bool, curation: Curation | None) -> bool:
    """Whether a build runs on the build state (``pactgraph.incremental``): with a cache, for
    Turtle or TriG output, without reasoning (over the whole graph) or curation (whose additions
    and merges read every entity); otherwise it runs in memory."""
    fmt = Format.from_path(out)
    on_state = fmt in (Format.TURTLE, Format.TRIG) and not reason and (curation is None or curation.is_empty)
    return cache is not None and on_state


def _typed_subjects(parts: list[GraphPart]) -> set[str]:
    """The IRIs that have an ``rdf:type`` in these graphs: what the graph holds."""
    from .triples import A

    typed = b" <" + A.value.encode() + b"> "
    return {
        line.split(b" ", 1)[0][1:-1].decode() for part in parts for line in part.triples.splitlines() if typed in line
    }


def _descriptions(parts: list[GraphPart], subjects: set[str]) -> list[ox.Quad]:
    """The triples of the graphs about ``subjects`` that the shapes read (``read_predicates``),
    in the default graph."""
    wanted = {f"<{s}>".encode() for s in subjects}
    read = {f"<{p}>".encode() for p in read_predicates()}
    lines = [
        line
        for part in parts
        for line in part.triples.splitlines()
        if line.split(b" ", 1)[0] in wanted and line.split(b" ", 2)[1] in read
    ]
    return list(ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES))  # in the default graph


def reconcile(all_facts: list[ArticleFacts], entities: dict[tuple[str, str], Resolved]) -> None:
    """One fact reported by several articles (the same IRI) says one thing in every graph: its
    confidence combines the sources' (1 - the product of their doubts: two independent reports
    are surer than one), and the values it may hold once (a meeting's place, a capacity's
    status, a partnership's date) are the first known, the most precise date."""
    from .triples import fact_iri

    groups: dict[str, list[Fact]] = defaultdict(list)
    for facts in all_facts:
        for fact in _facts_of(facts):
            groups[fact_iri(fact, entities).value].append(fact)
    for members in groups.values():
        if len(members) < 2:
            continue
        merged = merged_fact([reported(f) for f in members])
        for fact in members:
            apply_merged(fact, merged)


#: What one report of a fact says that reconciling reads: confidence, place, status, date.
Reported = tuple[float, "Entity | None", str, "str | None"]


def reported(fact: Fact) -> Reported:
    place, date = getattr(fact, "place", None), getattr(fact, "date", None)
    return fact.confidence, place, getattr(fact, "status", "unknown"), date


def merged_fact(members: list[Reported]) -> Reported:
    """What the reports of one fact (in the order of the articles) say together (``reconcile``)."""
    confidence = round(1 - math.prod(1 - c for c, *_ in members), 2)
    place = next((p for _, p, _, _ in members if p is not None), None)
    status = next((s for _, _, s, _ in members if s != "unknown"), "unknown")
    date = max((d or "" for *_, d in members), key=len) or None
    return confidence, place, status, date


def apply_merged(fact: Fact, merged: Reported) -> None:
    from .extract.facts import Capacity, Meeting, Partnership

    fact.confidence, place, status, date = merged
    if isinstance(fact, Meeting | Capacity):
        fact.place = place
    if isinstance(fact, Capacity):
        fact.status = status
    if isinstance(fact, Partnership):
        fact.date = date


def _facts_of(facts: ArticleFacts) -> list[Fact]:
    return [*facts.meetings, *facts.agreements, *facts.partnerships, *facts.capacities, *facts.posts]


def _kept(facts: ArticleFacts, keep: Callable[[Fact], bool]) -> ArticleFacts:
    return dataclasses.replace(
        facts,
        meetings=[f for f in facts.meetings if keep(f)],
        agreements=[f for f in facts.agreements if keep(f)],
        partnerships=[f for f in facts.partnerships if keep(f)],
        capacities=[f for f in facts.capacities if keep(f)],
        posts=[f for f in facts.posts if keep(f)],
    )


def build(
    article_dirs: list[Path],
    *,
    out: Path,
    progress: bool | Callable[[Path], None] = False,
    min_confidence: float = 0.0,
    curation: Curation | None = None,
    links: Links | None = None,
    auto_links: Links | None = None,
    validate: bool = True,
    reason: bool = False,
    strict: bool = False,
    jobs: int = 1,
    cache: BuildCache | None = None,
    store: Path | None = None,
    scheduler: str | None = None,
    files_on_demand: bool | None = None,
    changed: Iterable[Path] | None = None,
) -> BuildSummary:
    """Build the graph from folders of articles into ``out`` (format from its extension) and,
    when ``out`` cannot hold named graphs, a ``.trig`` beside it that keeps one graph per article;
    with ``store``, also an on-disk Oxigraph store of it there (what ``pactgraph query --store``
    and ``oxigraph serve --location`` open).

    Extraction runs in ``jobs`` processes; with a ``cache`` only new or changed articles are
    extracted again and only changed graphs written and validated again. The output
    is the same for any ``jobs`` and cache state. With ``validate`` the graph is checked against
    the SHACL shapes first and a violation raises ``ValidationError`` (report in its ``details``);
    with ``reason`` the inferred statements are added as the named graph
    ``reasoning.INFERRED_GRAPH`` (merged into a Turtle ``out``), and an inconsistency raises
    ``InconsistentGraphError``. An article that cannot be read is left out with a warning, or
    stops the build when ``strict``. Nothing is written unless the graph is valid and consistent:
    a failed build leaves the previous files.

    With ``files_on_demand`` (a build on the state, with a ``store``) only the state and the store
    are brought up to date; ``out`` and its TriG are removed if stale, and written, by splicing
    in everything that changed meanwhile, by the next build with ``files_on_demand=False``. The
    default, None, is on demand when that can be (a build on the state with a ``store``: the store
    is what queries read) and the files written otherwise (they are the only output).

    ``changed`` (a build on the state) names the article files that may have changed since the
    last build (new, edited or removed: under the ``article_dirs``); the others are taken as they
    were, without listing the folders (``incremental.changed_entries``). When the state cannot
    take it (none yet, built from other folders, ``cache.refresh``), every file is listed and a
    warning says why.
    """
    found_warnings: list[str] = []
    on_state = builds_on_state(out, cache=cache, reason=reason, curation=curation)
    if files_on_demand is None:
        files_on_demand = on_state and store is not None
    if files_on_demand and (not on_state or store is None):
        raise UsageError(
            "--files on-demand keeps the build state and the store current: it needs --store and a build on the "
            "state (the build cache, Turtle or TriG output, no --reason, no curation to apply)"
        )
    if on_state:
        from .incremental import build_on_state

        _check(min_confidence=min_confidence, jobs=jobs)
        if scheduler is not None:  # workers have another working directory
            cache = BuildCache(cache.folder.absolute(), refresh=cache.refresh)
        return build_on_state(
            iter_articles(article_dirs, warnings=found_warnings),  # streamed into the state: never all held
            article_dirs=article_dirs,
            out=out,
            cache=cache,
            store=store,
            jobs=jobs,
            scheduler=scheduler,
            validate=validate,
            min_confidence=min_confidence,
            links=links,
            auto_links=auto_links,
            strict=strict,
            on_article=progress if callable(progress) else None,
            warnings=found_warnings,
            files_on_demand=files_on_demand,
            changed=None if changed is None else [Path(path) for path in changed],
        )
    if changed is not None:
        found_warnings.append("--changed is for builds on the build state (see --cache); every article file was listed")
    paths = [Path(path) for path, _, _ in list_articles(article_dirs, warnings=found_warnings)]
    assembly = build_quads(
        paths,
        on_article=progress if callable(progress) else None,
        min_confidence=min_confidence,
        curation=curation,
        links=links,
        auto_links=auto_links,
        strict=strict,
        validate=validate,
        jobs=jobs,
        cache=cache,
        scheduler=scheduler,
    )
    if not assembly.articles:
        raise ArticleError(f"none of the {len(paths)} articles could be read; the first: {assembly.skipped[0]}")
    union = assembly.union_lines()  # sorted once: for the report, Turtle and the store
    report = assembly.report("the built graph", union=union) if validate else None
    if report is not None and not report.conforms:
        raise ValidationError(
            f"{out}: not written: the built graph has {len(report.violations)} SHACL violation(s), reported above; "
            "fix the extraction or build with --no-validate",
            details=report.format(),
        )
    inferred = reasoning.reason(assembly.quads) if reason else None
    if inferred is not None:
        assembly.parts.append(render_part(reasoning.INFERRED_GRAPH, inferred.quads))
        union = assembly.union_lines()  # with the inferred statements
    fmt = Format.from_path(out)
    dataset = assembly.trig()
    outputs = [(out, _rendered(fmt, dataset, union))]
    if not fmt.keeps_graphs:
        outputs.append((out.with_suffix(".trig"), dataset))
    for path, data in outputs:
        write_output(path, data)
    if store is not None:
        graphs = {part.name.value: part.trig for part in assembly.parts}
        write_store(store, header=trig_header(), graphs=graphs, union=union, mirrors=out)
    warnings = found_warnings + assembly.article_warnings
    warnings += [f"{message}; the article was left out (--strict stops instead)" for message in assembly.skipped]
    warnings += [
        f"{curation.path}: retraction of {iri} matched no fact; update or remove it"
        for iri in assembly.stale_retractions
        if curation is not None
    ]
    return BuildSummary(
        articles=assembly.articles,
        skipped=len(assembly.skipped),
        extracted=assembly.extracted,
        triples=len(union),
        outputs=[p for p, _ in outputs] + ([store] if store is not None else []),
        below_confidence=assembly.below_confidence,
        retracted=assembly.retracted,
        added=assembly.added,
        linked=assembly.linked,
        warnings=warnings,
        validation=report,
        reasoning=inferred,
    )


def _rendered(fmt: Format, dataset: bytes, union: list[bytes]) -> bytes:
    if fmt is Format.TRIG:
        return dataset
    if fmt.keeps_graphs:
        return serialize(ox.parse(dataset, format=ox.RdfFormat.TRIG), fmt)
    return serialize_lines(union, fmt)


def extract_file(path: Path) -> list[ox.Quad]:
    """The quads one article yields on its own."""
    return build_quads([path]).quads
