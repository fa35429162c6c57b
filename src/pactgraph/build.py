"""The build: articles → facts → entities merged across articles → quads → Turtle and TriG,
written atomically and byte-for-byte deterministic. Curation and the confidence threshold are
applied between facts and quads, so a retracted or doubtful fact never reaches the graph."""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import reasoning
from .articles import find_articles, read_article
from .curation import Curation, CurationGraph
from .errors import ArticleError, UsageError, ValidationError
from .extract import extract_article
from .extract.facts import ArticleFacts, Capacity, Fact, Meeting, Partnership
from .links import Links, links_quads
from .resolve import Resolved, resolve
from .store import Format, serialize, write_output
from .triples import A, article_quads, fact_iri
from .validation import ValidationReport, validate_quads


@dataclass
class Assembly:
    """The quads of a build and what was kept out of them."""

    quads: list[ox.Quad]
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
    #: What the articles read had odd but readable (an unknown header key …), one line each.
    article_warnings: list[str] = field(default_factory=list)


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
    warnings: list[str] = field(default_factory=list)
    validation: ValidationReport | None = None
    reasoning: reasoning.ReasoningResult | None = None

    def __str__(self) -> str:
        text = f"built {self.triples} triples from {self.articles} articles → " + ", ".join(map(str, self.outputs))
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
) -> Assembly:
    """Quads of the knowledge graph of these article files (one named graph per article, and the
    curation graph when a curation is given, and the links graph for the linked entities present
    when links are given; machine links of ``auto_links`` only where no curated link exists), without
    facts below ``min_confidence``.

    An article that cannot be read raises ``ArticleError`` when ``strict``; otherwise it is left
    out and its error kept in ``Assembly.skipped``.
    """
    if not 0.0 <= min_confidence <= 1.0:
        raise UsageError(f"the minimum confidence must be between 0 and 1, not {min_confidence}")
    articles = []
    skipped = []
    for path in paths:
        try:
            articles.append(read_article(path))
        except ArticleError as err:
            if strict:
                raise
            skipped.append(str(err))
    facts = []
    for article in articles:
        facts.append(extract_article(article))
        if on_article:
            on_article(article.path)
    named = [(article.identifier, article_facts) for article, article_facts in zip(articles, facts, strict=True)]
    added = []
    if curation is not None:
        curation.rename_entities(named)
        added = curation.added_facts(named)
    entities = resolve(facts + [group for _, group in added])
    reconcile([*facts, *(group for _, group in added)], entities)
    assembly = Assembly(
        quads=[], articles=len(articles), skipped=skipped, article_warnings=[w for a in articles for w in a.warnings]
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

    for article, article_facts in zip(articles, facts, strict=True):
        assembly.quads.extend(article_quads(article, _kept(article_facts, keep), entities))
    if curation is not None:
        assembly.quads.extend(CurationGraph(curation, entities).write(added))
        assembly.added = sum(len(_facts_of(group)) for _, group in added)
        assembly.stale_retractions = sorted(retractions - matched)
    present = {q.subject.value for q in assembly.quads if q.predicate == A}
    curated = {link.entity for link in links.links} if links is not None else set()
    for each, entities_to_link in ((links, present), (auto_links, present - curated)):
        if each is not None:
            linked = links_quads(each, entities_to_link)
            assembly.linked += len({q.subject for q in linked if q.subject.value in present})
            assembly.quads.extend(linked)
    return assembly


def reconcile(all_facts: list[ArticleFacts], entities: dict[tuple[str, str], Resolved]) -> None:
    """One fact reported by several articles (the same IRI) says one thing in every graph: its
    confidence combines the sources' (1 - the product of their doubts: two independent reports
    are surer than one), and the values it may hold once (a meeting's place, a capacity's
    status, a partnership's date) are the first known, the most precise date."""
    groups: dict[str, list[Fact]] = defaultdict(list)
    for facts in all_facts:
        for fact in _facts_of(facts):
            groups[fact_iri(fact, entities).value].append(fact)
    for members in groups.values():
        if len(members) < 2:
            continue
        confidence = round(1 - math.prod(1 - f.confidence for f in members), 2)
        place = next((f.place for f in members if getattr(f, "place", None) is not None), None)
        status = next((f.status for f in members if getattr(f, "status", "unknown") != "unknown"), "unknown")
        date = max((getattr(f, "date", None) or "" for f in members), key=len) or None
        for fact in members:
            fact.confidence = confidence
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
) -> BuildSummary:
    """Build the graph from folders of articles into ``out`` (format from its extension) and,
    when ``out`` cannot hold named graphs, a ``.trig`` beside it that keeps one graph per article.

    With ``validate`` the graph is checked against the SHACL shapes first and a violation raises
    ``ValidationError`` (report in its ``details``); with ``reason`` the inferred statements are
    added as the named graph ``reasoning.INFERRED_GRAPH`` (merged into a Turtle ``out``), and an
    inconsistency raises ``InconsistentGraphError``. An article that cannot be read is left out
    with a warning, or stops the build when ``strict``. Nothing is written unless the graph is valid
    and consistent: a failed build leaves the previous files.
    """
    found_warnings: list[str] = []
    paths = find_articles(article_dirs, warnings=found_warnings)
    assembly = build_quads(
        paths,
        on_article=progress if callable(progress) else None,
        min_confidence=min_confidence,
        curation=curation,
        links=links,
        auto_links=auto_links,
        strict=strict,
    )
    if not assembly.articles:
        raise ArticleError(f"none of the {len(paths)} articles could be read; the first: {assembly.skipped[0]}")
    quads = assembly.quads
    report = validate_quads(quads, graph="the built graph") if validate else None
    if report is not None and not report.conforms:
        raise ValidationError(
            f"{out}: not written: the built graph has {len(report.violations)} SHACL violation(s), reported above; "
            "fix the extraction or build with --no-validate",
            details=report.format(),
        )
    inferred = reasoning.reason(quads) if reason else None
    if inferred is not None:
        quads = reasoning.with_inferences(quads, inferred)
    fmt = Format.from_path(out)
    outputs = [(out, fmt)]
    if not fmt.keeps_graphs:
        outputs.append((out.with_suffix(".trig"), Format.TRIG))
    rendered = [(path, serialize(quads, f)) for path, f in outputs]
    for path, data in rendered:
        write_output(path, data)
    triples = len({(q.subject, q.predicate, q.object) for q in quads})
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
        triples=triples,
        outputs=[p for p, _ in outputs],
        below_confidence=assembly.below_confidence,
        retracted=assembly.retracted,
        added=assembly.added,
        linked=assembly.linked,
        warnings=warnings,
        validation=report,
        reasoning=inferred,
    )


def extract_file(path: Path) -> list[ox.Quad]:
    """The quads one article yields on its own."""
    return build_quads([path]).quads
