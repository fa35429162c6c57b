"""Command line interface: a thin layer over the library.

Every expected failure is a ``PactgraphError``; ``PactgraphGroup.invoke`` is the one place that
turns it into a single ``Error: …`` line on stderr and the error's exit code, so users never see
a traceback for a problem they can fix.
"""

from __future__ import annotations

import importlib
import sys
from importlib import metadata
from pathlib import Path

import click

from pactgraph.errors import ExportError, PactgraphError, UsageError, ValidationError
from pactgraph.queries import FORMATS, bundled_queries, format_result, resolve_query, run_query
from pactgraph.reasoning import reason, with_inferences
from pactgraph.store import Format, export, load_graph, serialize, write_atomic
from pactgraph.validation import validate_file

_RDF_FORMAT_NAMES = [f.value for f in Format]


def _version() -> str:
    """Installed version, or a marker when running from a source tree that is not installed."""
    try:
        return metadata.version("pactgraph")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def _build_module():
    """Import ``pactgraph.build`` lazily: it loads the NLP pipeline, which other commands skip."""
    try:
        build_module = importlib.import_module("pactgraph.build")
    except ModuleNotFoundError as err:
        if err.name != "pactgraph.build":
            raise
        raise UsageError("the extractor (pactgraph.build) is not available in this installation") from None
    return build_module


class PactgraphGroup(click.Group):
    """A click group that reports ``PactgraphError`` as one line and exits with its code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PactgraphError as err:
            if err.details:
                click.echo(err.details, err=True)
            click.echo(f"Error: {err}", err=True)
            sys.exit(err.exit_code)


@click.group(cls=PactgraphGroup)
@click.version_option(version=_version(), prog_name="pactgraph")
def main() -> None:
    """Turn news articles about partnerships, meetings and energy capacity into an RDF graph,
    and query it.

    \b
    Exit codes:
      0  success
      1  the graph violates the SHACL shapes, or ontology and data are inconsistent
      2  usage or input error (bad option, missing or malformed file, unknown query)
    """


@main.command("queries")
def queries_command() -> None:
    """List the bundled queries: name, title and result columns."""
    queries = bundled_queries()
    width = max((len(q.name) for q in queries), default=0)
    for query in queries:
        click.echo(f"{query.name.ljust(width)}  {query.title}")
        click.echo(f"{'':{width}}  columns: {', '.join(query.columns)}")


@main.command("query")
@click.argument("name_or_file")
@click.option(
    "--graph",
    "graphs",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    default=[Path("data/kg.ttl")],
    show_default=True,
    help="RDF file to query (repeatable); the ontology is loaded with it.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format (json = SPARQL 1.1 JSON results).",
)
def query_command(name_or_file: str, graphs: tuple[Path, ...], fmt: str) -> None:
    """Run a bundled query by NAME (see `pactgraph queries`) or any SPARQL FILE (.rq)."""
    query = resolve_query(name_or_file)
    store = load_graph(list(graphs), with_ontology=True)
    result = run_query(store, query.text, source=query.path)
    click.echo(format_result(result, fmt), nl=False)


@main.command("export")
@click.option(
    "--graph",
    "graphs",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    default=[Path("data/kg.trig")],
    show_default=True,
    help="RDF file to export (repeatable); the default keeps one named graph per article.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_RDF_FORMAT_NAMES),
    required=True,
    help="Output format; turtle, ntriples, xml and jsonld merge the graphs into one.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="File to write (atomically); standard output when omitted.",
)
def export_command(graphs: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Convert the knowledge graph to another RDF format (without the ontology)."""
    data = export(list(graphs), Format(fmt), output)
    if output is None:
        click.echo(data, nl=False)


@main.command("build")
@click.option(
    "--articles",
    "article_dirs",
    type=click.Path(path_type=Path, file_okay=False),
    multiple=True,
    default=[Path("data/articles")],
    show_default=True,
    help="Folder of articles (repeatable).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("data/kg.ttl"),
    show_default=True,
    help="Knowledge graph file to write (a .trig with named graphs is written next to it).",
)
@click.option(
    "--progress/--no-progress",
    default=True,
    show_default=True,
    help="Show progress on stderr.",
)
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check the graph against the SHACL shapes; on a violation print the report, write nothing, exit 1.",
)
@click.option(
    "--reason/--no-reason",
    default=False,
    show_default=True,
    help="Add the statements the ontology entails (see `pactgraph reason`); inconsistent: write nothing, exit 1.",
)
def build_command(article_dirs: tuple[Path, ...], out: Path, progress: bool, validate: bool, reason: bool) -> None:
    """Extract every article and write the knowledge graph."""
    build_module = _build_module()
    options = {"out": out, "validate": validate, "reason": reason}
    if progress and sys.stderr.isatty():
        total = len(build_module.find_articles(list(article_dirs)))
        with click.progressbar(length=total, label="extracting", file=sys.stderr) as bar:
            summary = build_module.build(list(article_dirs), progress=lambda _: bar.update(1), **options)
    else:
        summary = build_module.build(list(article_dirs), **options)
    if summary.reasoning is not None and summary.reasoning.note:
        click.echo(f"Warning: {summary.reasoning.note}", err=True)
    click.echo(str(summary), err=True)


@main.command("validate")
@click.option(
    "--graph",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("data/kg.trig"),
    show_default=True,
    help="RDF file to validate (any format pactgraph reads).",
)
def validate_command(graph: Path) -> None:
    """Check the knowledge graph against the SHACL shapes (ontology/shapes.ttl) and print a report:
    for each result its severity, the node and its label, the property, the message and the
    articles it came from.

    \b
    Exit codes: 0 the graph conforms (warnings allowed), 1 it has violations,
    2 usage or load error.
    """
    report = validate_file(graph)
    click.echo(report.format())
    if not report.conforms:
        raise ValidationError(report.summary())


@main.command("reason")
@click.option(
    "--graph",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("data/kg.trig"),
    show_default=True,
    help="RDF file to reason over (a previous inferred graph in it is replaced).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the graph with the inferred graph to FILE (atomically; format from the extension). "
    "Without it, print only the inferred graph as TriG.",
)
def reason_command(graph: Path, output: Path | None) -> None:
    """Check that ontology and data are consistent (HermiT on Java; without Java the OWL 2 RL
    closure of owlrl) and materialise what they entail: memberships of the ontology's defined
    classes and pg: property values, in the named graph id:graph/inferred.

    \b
    Exit codes: 0 consistent, 1 inconsistent (the message names the clashing
    individuals), 2 usage or load error, or the reasoner failed.
    """
    quads = list(load_graph([graph], with_ontology=False))
    result = reason(quads)
    if result.note:
        click.echo(f"Warning: {result.note}", err=True)
    click.echo(f"{graph}: {result}", err=True)
    if output is None:
        click.echo(serialize(result.quads, Format.TRIG), nl=False)
        return
    data = serialize(with_inferences(quads, result), Format.from_path(output))
    try:
        write_atomic(output, data)
    except OSError as err:
        raise ExportError(f"{output}: cannot write: {err.strerror or err}") from None


@main.command("extract")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_RDF_FORMAT_NAMES),
    default="turtle",
    show_default=True,
    help="Output format for the extracted triples.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="File to write (atomically); standard output when omitted.",
)
def extract_command(file: Path, fmt: str, output: Path | None) -> None:
    """Extract one article FILE and print its triples (for checking the extractor)."""
    extract_file = _build_module().extract_file
    data = serialize(extract_file(file), Format(fmt))
    if output is None:
        click.echo(data, nl=False)
        return
    try:
        write_atomic(output, data)
    except OSError as err:
        raise ExportError(f"{output}: cannot write: {err.strerror or err}") from None


if __name__ == "__main__":  # pragma: no cover
    main()
