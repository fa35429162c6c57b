"""The build: articles → facts → entities merged across articles → quads → Turtle and TriG,
written atomically and byte-for-byte deterministic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import reasoning
from .articles import find_articles, read_article
from .errors import ValidationError
from .extract import extract_article
from .resolve import resolve
from .store import Format, serialize, write_atomic
from .triples import article_quads
from .validation import ValidationReport, validate_quads


@dataclass
class BuildSummary:
    articles: int
    triples: int
    outputs: list[Path] = field(default_factory=list)
    validation: ValidationReport | None = None
    reasoning: reasoning.ReasoningResult | None = None

    def __str__(self) -> str:
        lines = [f"built {self.triples} triples from {self.articles} articles → " + ", ".join(map(str, self.outputs))]
        if self.validation is not None:
            warnings = len(self.validation.warnings)
            lines.append(
                "valid against the SHACL shapes"
                + (f" ({warnings} warning{'s' if warnings != 1 else ''}: see `pactgraph validate`)" if warnings else "")
            )
        if self.reasoning is not None:
            lines.append(str(self.reasoning))
        return "\n".join(lines)


def build_quads(paths: list[Path], *, on_article: Callable[[Path], None] | None = None) -> list[ox.Quad]:
    """Quads of the knowledge graph of these article files (one named graph per article)."""
    articles = [read_article(p) for p in paths]
    facts = []
    for article in articles:
        facts.append(extract_article(article))
        if on_article:
            on_article(article.path)
    entities = resolve(facts)
    quads: list[ox.Quad] = []
    for article, article_facts in zip(articles, facts, strict=True):
        quads.extend(article_quads(article, article_facts, entities))
    return quads


def build(
    article_dirs: list[Path],
    *,
    out: Path,
    progress: bool | Callable[[Path], None] = False,
    validate: bool = True,
    reason: bool = False,
) -> BuildSummary:
    """Build the graph from folders of articles into ``out`` (format from its extension) and,
    when ``out`` cannot hold named graphs, a ``.trig`` beside it that keeps one graph per article.

    With ``validate`` the graph is checked against the SHACL shapes first and a violation raises
    ``ValidationError`` (report in its ``details``); with ``reason`` the inferred statements are
    added as the named graph ``reasoning.INFERRED_GRAPH`` (merged into a Turtle ``out``), and an
    inconsistency raises ``InconsistentGraphError``. Nothing is written unless every article was
    read, the graph is valid and consistent: a failed build leaves the previous files.
    """
    paths = find_articles(article_dirs)
    quads = build_quads(paths, on_article=progress if callable(progress) else None)
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
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    triples = len({(q.subject, q.predicate, q.object) for q in quads})
    return BuildSummary(
        articles=len(paths),
        triples=triples,
        outputs=[p for p, _ in outputs],
        validation=report,
        reasoning=inferred,
    )


def extract_file(path: Path) -> list[ox.Quad]:
    """The quads one article yields on its own."""
    return build_quads([path])
