"""Command line interface: a thin layer over the library.

Every expected failure is a ``PactgraphError``; ``PactgraphGroup.invoke`` is the one place that
turns it into a single ``Error: …`` line on stderr and the error's exit code, so users never see
a traceback for a problem they can fix.
"""

from __future__ import annotations

import functools
import importlib
import json
import signal
import sys
import threading
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pactgraph import remote, serving
from pactgraph.cache import DEFAULT_CACHE as DEFAULT_BUILD_CACHE
from pactgraph.errors import PactgraphError, ServeError, UsageError, ValidationError
from pactgraph.queries import FORMATS, bundled_queries, format_result, resolve_query, run_query
from pactgraph.query_parameters import Parameters, compile_query, declared_parameters
from pactgraph.reasoning import reason, with_inferences
from pactgraph.shards import MANIFEST, export_shards
from pactgraph.store import (
    DEFAULT_STORE,
    Format,
    export,
    load_graph,
    open_store,
    serialize,
    store_mirrors,
    store_of,
    write_output,
)
from pactgraph.validation import validate_file

if TYPE_CHECKING:  # imported by build --watch only
    from pactgraph.watch import Watch, WatchedFile

_RDF_FORMAT_NAMES = [f.value for f in Format]


_WIKIDATA_ENDPOINT = click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="SPARQL endpoint with Wikidata's data model [default: https://query.wikidata.org/sparql].",
)


def _graphs_option(default: Path, help_text: str):
    """``--graph FILE`` (repeatable), the same on every command that reads a built graph."""
    return click.option(
        "--graph",
        "graphs",
        type=click.Path(path_type=Path, dir_okay=False),
        multiple=True,
        default=[default],
        show_default=True,
        help=help_text,
    )


def _retries_option(help_text: str):
    """``--retries N``: how often a request answered HTTP 429, 502 or 503 is sent again."""
    return click.option(
        "--retries",
        type=click.IntRange(min=0),
        default=remote.DEFAULT_RETRIES,
        show_default=True,
        help=help_text,
    )


_REMOTE_TIMEOUT_HELP = "Seconds one request may take in all, its whole answer included."
_RETRIES_HELP = "Retries of a request answered HTTP 429 (after its Retry-After), 502 or 503 (after 1, 2, 4 … s)."

DEFAULT_CURATION = Path("data/curation.yaml")
DEFAULT_LINKS = Path("data/links.csv")
DEFAULT_AUTO_LINKS = Path("data/links-auto.csv")
DEFAULT_CANDIDATES = Path("data/link-candidates.csv")
_MIN_CONFIDENCE = click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Leave out extracted facts whose confidence is below this (0 keeps every fact).",
)


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


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the command is: it stops as cleanly as on Ctrl-C (files written
    beside their targets removed, worker processes stopped, a build's state rolled back)."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


#: Exit codes of a command stopped by a signal, as shells report them (128 + the signal's number).
_INTERRUPTED, _TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM


class PactgraphGroup(click.Group):
    """A click group that reports ``PactgraphError`` as one line and exits with its code, and a
    command stopped by Ctrl-C or SIGTERM as one line, exit 130 or 143 (not click's "Aborted!",
    exit 1)."""

    def invoke(self, ctx: click.Context) -> object:
        in_main_thread = threading.current_thread() is threading.main_thread()
        if in_main_thread and hasattr(signal, "pthread_sigmask"):
            # a process started while its parent held Ctrl-C and SIGTERM back (a thread of a build
            # forking its workers) inherits them blocked: it would never stop
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
        try:
            return super().invoke(ctx)
        except PactgraphError as err:
            if err.details:
                click.echo(err.details, err=True)
            click.echo(f"Error: {err}", err=True)
            sys.exit(err.exit_code)
        except KeyboardInterrupt as stop:
            terminated = isinstance(stop, _Terminated)
            click.echo(_interrupted(ctx.invoked_subcommand, "SIGTERM" if terminated else "Ctrl-C"), err=True)
            sys.exit(_TERMINATED if terminated else _INTERRUPTED)
        finally:
            if in_main_thread:
                signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _interrupted(command: str | None, how: str) -> str:
    """The one line said when a command is stopped by a signal."""
    if command == "build":
        return (
            f"Interrupted ({how}): the build stopped; no graph file, store or build state is left half-written,"
            " and the next build goes on from the last one that finished"
        )
    return f"Interrupted ({how}): pactgraph {command or ''} stopped".replace("  ", " ")


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
      3  a server or remote endpoint failed (serve cannot start; push/query --endpoint/link/enrich:
         HTTP 401/403/404/413/429/5xx, connection refused, timeout, an answer cut off or not
         SPARQL JSON results); add: some pages or feeds could not be fetched or read;
         build --scheduler: the Dask scheduler cannot be reached or lost its workers
      130  interrupted by Ctrl-C: nothing is left half-written, and the next build goes on from the
           last one that finished
      143  stopped by SIGTERM, as by Ctrl-C
    """


@main.command("queries")
def queries_command() -> None:
    """List the bundled queries: name, title, result columns and the parameters each takes."""
    queries = bundled_queries()
    width = max((len(q.name) for q in queries), default=0)
    for query in queries:
        click.echo(f"{query.name.ljust(width)}  {query.title}")
        click.echo(f"{'':{width}}  columns: {', '.join(query.columns)}")
        declared = declared_parameters(query)
        if declared:
            click.echo(f"{'':{width}}  parameters: {' '.join('--' + name for name in declared)}")


@main.command("query")
@click.argument("name_or_file")
@_graphs_option(Path("data/kg.ttl"), "RDF file to query (repeatable); the ontology is loaded with it.")
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Run the query on this remote SPARQL endpoint instead of a local file.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=remote.DEFAULT_TIMEOUT_S,
    show_default=True,
    help="With --endpoint: seconds one request may take in all, its whole answer included.",
)
@_retries_option("With --endpoint: " + _RETRIES_HELP[0].lower() + _RETRIES_HELP[1:])
@click.option(
    "--store",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=f"Query the on-disk store `build --store` wrote here [default: {DEFAULT_STORE} when it mirrors --graph].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format (json = SPARQL 1.1 JSON results).",
)
@click.option(
    "--full-iris",
    is_flag=True,
    help="In a table, write IRIs in full instead of with prefixes (id:meeting/…).",
)
@click.option(
    "--entity",
    "entities",
    metavar="NAME|IRI",
    multiple=True,
    help="Only rows about this entity: its label, another name of it, or its IRI (repeatable: any of them).",
)
@click.option(
    "--since", metavar="DATE", default=None, help="Only items dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."
)
@click.option(
    "--until", metavar="DATE", default=None, help="Only items dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)."
)
@click.option(
    "--kind",
    metavar="KIND",
    default=None,
    help="Only agreements or partnerships of this kind (e.g. 'joint statement').",
)
@click.option(
    "--technology", metavar="TECH", default=None, help="Only capacity rows of this technology (e.g. 'offshore wind')."
)
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N rows (after sorting).")
@click.option("--offset", type=click.IntRange(min=0), default=None, help="Skip the first N rows (after sorting).")
@click.pass_context
def query_command(
    ctx: click.Context,
    name_or_file: str,
    graphs: tuple[Path, ...],
    endpoint: str | None,
    timeout: float,
    store: Path | None,
    retries: int,
    fmt: str,
    full_iris: bool,
    entities: tuple[str, ...],
    since: str | None,
    until: str | None,
    kind: str | None,
    technology: str | None,
    limit: int | None,
    offset: int | None,
) -> None:
    """Run a bundled query by NAME (see `pactgraph queries`) or any SPARQL FILE (.rq).

    Without --graph and --store, the store data/kg.store is queried when `build --store` wrote it
    together with the current data/kg.ttl (no parsing: fast on large graphs); otherwise the graph
    file is loaded. With --endpoint the query runs on a remote store, whose default graph must be
    the union of its named graphs; credentials come from PACTGRAPH_ENDPOINT_USER and
    PACTGRAPH_ENDPOINT_PASSWORD, or PACTGRAPH_ENDPOINT_TOKEN. When such a query finds nothing
    because the store's default graph is empty while it holds named graphs, a note on stderr says
    so. Tables write IRIs with prefixes (id:…); --full-iris writes them in full.

    \b
    Parameters (each query takes those its header lists; `pactgraph queries` shows them) are
    compiled into the query as VALUES blocks, so the engine starts from the entity or the dates:
      --entity NAME|IRI   rows of items about this entity (a participant, party, partner, holder,
                          place …); a name is a label or another name of it (repeatable)
      --since/--until     items dated within these bounds (a partial date must lie wholly inside)
      --kind, --technology  one agreement or partnership kind, one generation technology
      --limit/--offset    a page of the sorted rows
    A parameter the query does not take, a malformed date or IRI, or a name no entity has is an
    error (exit code 2).
    """
    query = resolve_query(name_or_file)
    parameters = Parameters.of(
        entity=entities, since=since, until=until, kind=kind, technology=technology, limit=limit, offset=offset
    )
    graphs_given = ctx.get_parameter_source("graphs") is not click.core.ParameterSource.DEFAULT
    if sum([graphs_given, endpoint is not None, store is not None]) > 1:
        raise UsageError("--graph, --store and --endpoint exclude each other: query one file, store or endpoint")
    if endpoint is not None:

        def select(text: str):
            return remote.remote_query(endpoint, text, source=query.path, timeout=timeout, retries=retries)

        result = select(compile_query(query, parameters, select=select))
        hint = remote.empty_default_graph_hint(endpoint, timeout=timeout) if not result.rows else None
        if hint:
            click.echo(f"Note: {hint}", err=True)
    else:
        if store is None and not graphs_given and store_mirrors(DEFAULT_STORE, graphs[0]):
            store = DEFAULT_STORE
        loaded = open_store(store) if store is not None else load_graph(list(graphs), with_ontology=True)
        text = compile_query(query, parameters, select=lambda lookup: run_query(loaded, lookup))
        result = run_query(loaded, text, source=query.path)
    click.echo(format_result(result, fmt, full_iris=full_iris), nl=False)


@main.command("export")
@_graphs_option(Path("data/kg.trig"), "RDF file to export (repeatable); the default keeps one named graph per article.")
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
    "--out",
    "output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (atomically); standard output when omitted. With --shards: the folder to write.",
)
@click.option(
    "--shards",
    type=click.IntRange(min=1, max=99_999),
    default=None,
    help="Write N gzip N-Quads files of whole named graphs, with the ontology graph and a manifest.json,"
    " into the folder --out (for the bulk loaders of QLever, Virtuoso, Jena, Oxigraph).",
)
def export_command(graphs: tuple[Path, ...], fmt: str, output: Path | None, shards: int | None) -> None:
    """Convert the knowledge graph to another RDF format (without the ontology), or split it into
    shards for a production store (with the ontology).

    With --shards N (and --format nquads, --out DIR) each named graph goes whole to the shard
    picked by a hash of its IRI; every file's lines are sorted, and the same graph always gives the
    same bytes. DIR is replaced all at once; it must be new, empty or an earlier shard export.
    See docs/production-stores.md for the load commands.
    """
    if shards is not None:
        if Format(fmt) is not Format.NQUADS:
            raise UsageError("--shards writes N-Quads: pass --format nquads")
        if output is None:
            raise UsageError("--shards needs --out DIR, the folder to write the shards to")
        manifest = export_shards(list(graphs), out=output, shards=shards)
        click.echo(
            f"wrote {manifest['triples']} triples in {manifest['graphs']} graphs"
            f" to {shards} shard{'s' if shards != 1 else ''} in {output} (manifest: {output / MANIFEST})",
            err=True,
        )
        return
    data = export(list(graphs), Format(fmt), output)
    if output is None:
        click.echo(data, nl=False)


@main.command("add")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--to",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("data/articles"),
    show_default=True,
    help="Folder to write the article files to.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Leave out pages and feed items published before this day (YYYY-MM-DD).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="At most this many items of each feed (and pages of each folder), in their order.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds one request may take in all, its whole answer included.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Retries of a request answered HTTP 429 or 5xx (after its Retry-After, else after 1, 2, 4 … s).",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to the same host (a robots.txt Crawl-delay may ask for more).",
)
@click.option(
    "--cache",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(".pactgraph-cache/ingest"),
    show_default=True,
    help="HTTP cache (answers kept and revalidated with ETag / Last-Modified) and index. Safe to delete.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let feed items and redirects lead to private, loopback and link-local addresses.",
)
def add_command(
    sources: tuple[str, ...],
    to: Path,
    since,
    limit: int | None,
    timeout: float,
    retries: int,
    delay: float,
    cache: Path,
    no_cache: bool,
    allow_private: bool,
) -> None:
    """Add news articles from web pages, RSS/Atom feeds and saved HTML to the article folder.

    SOURCES are URLs of article pages or of feeds (every item's link is fetched), local .html/.htm
    files or folders of them, and local feed files. Each new article becomes one file
    (DATE-TITLE.txt: Title, Published, Source, URL header, then the main text); a page already
    there (same canonical URL, same text, or a near-duplicate of the same story) is skipped.
    Exit 3 when some sources failed (the others are written), each failure on one line.
    """
    from pactgraph import ingest

    report = ingest.add(
        list(sources),
        to,
        since=since.date() if since else None,
        limit=limit,
        timeout=timeout,
        retries=retries,
        delay=delay,
        cache=None if no_cache else cache,
        allow_private=allow_private,
    )
    for added in report.added:
        click.echo(f"{added.path}  {added.url or ''}".rstrip())
    for message in report.warnings:
        click.echo(f"Warning: {message}", err=True)
    for skipped in report.near_duplicates:
        click.echo(f"Warning: {skipped.url}: {skipped.reason}", err=True)
    for failure in report.failed:
        click.echo(f"Error: {failure.message}", err=True)
    click.echo(f"{report} → {to}", err=True)
    if report.failed:
        sys.exit(3)


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
@_MIN_CONFIDENCE
@click.option(
    "--curation",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=f"Curation file: hand-made additions, retractions, merges, splits [default: {DEFAULT_CURATION} if present].",
)
@click.option(
    "--links",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=f"Links file: curated Wikidata, DBpedia, GeoNames and ISO identifiers [default: {DEFAULT_LINKS} if present].",
)
@click.option(
    "--auto-links",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=f"Links found by `pactgraph link`, used where no curated link is [default: {DEFAULT_AUTO_LINKS} if present].",
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
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first article that cannot be read (exit 2) instead of leaving it out with a warning.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for extraction and graph writing; the output is the same for any number.  [default: one per core]",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_BUILD_CACHE,
    show_default=True,
    envvar="PACTGRAPH_BUILD_CACHE",
    help="Build cache: unchanged articles are not extracted (nor their graphs validated) again. Safe to delete.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the build cache.")
@click.option("--force", is_flag=True, help="Extract and validate every article again, refreshing the cache.")
@click.option(
    "--store",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=f"Also write the graph to an on-disk Oxigraph store in this folder (`query` reads {DEFAULT_STORE}).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Run extraction, graph writing and validation on the workers of this Dask scheduler "
    "(tcp://HOST:8786); they must reach the article folders at their absolute paths. Replaces --jobs.",
)
@click.option(
    "--files",
    type=click.Choice(["auto", "always", "on-demand"]),
    default="auto",
    show_default=True,
    help="on-demand (with --store and the cache): keep only the build state and the store current, and leave --out"
    " and its .trig to the first command that reads them or the next build with --files always, which splice in"
    " all that changed meanwhile (removed while stale). auto: on-demand when the build can (--store, the cache),"
    " always otherwise.",
)
@click.option(
    "--changed",
    multiple=True,
    type=click.Path(path_type=Path, allow_dash=True),
    help="An article file that may have changed since the last build: new, edited or removed (repeatable; - reads"
    " paths from stdin, one a line). The others are taken as they were, without listing the --articles folders."
    " With --watch, only -: each path read is rebuilt as it comes, written whole, without waiting for a look.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="After the build, keep running and build again whenever article files are added, changed or removed, or"
    " the curation or links files change, with the NLP pipeline and the shapes kept loaded; one line per rebuild;"
    " Ctrl-C stops it (exit 130).",
)
@click.option(
    "--interval",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="With --watch: seconds between two looks at the folders; a file is built once two looks in a row find it"
    " the same.  [default: 2]",
)
def build_command(
    article_dirs: tuple[Path, ...],
    out: Path,
    progress: bool,
    min_confidence: float,
    curation: Path | None,
    links: Path | None,
    auto_links: Path | None,
    validate: bool,
    reason: bool,
    strict: bool,
    jobs: int | None,
    cache_dir: Path,
    no_cache: bool,
    force: bool,
    store: Path | None,
    scheduler: str | None,
    files: str,
    changed: tuple[Path, ...],
    watch: bool,
    interval: float | None,
) -> None:
    """Extract every article and write the knowledge graph.

    Re-running it extracts only the articles that are new or changed since the last build (and
    all of them when pactgraph itself changed). With the cache, the merged corpus is kept in a
    build state (state.sqlite in --cache): a rebuild writes again only the graphs a change
    touches and splices the outputs and the store; see docs/incremental-builds.md. With --store
    a rebuild updates only the state and the store (--files auto): writing kg.ttl and kg.trig
    costs time in proportion to the whole graph, however small the change; the first command that
    reads one (export, link, query --graph, validate …) writes it from the build state, and
    --files always writes them. With --changed the folders are not listed: a caller that knows
    what changed (a feed reader, a file watcher) makes a rebuild's time follow the change, not the
    corpus. Ctrl-C stops it at once (exit 130) with nothing half-written: the next build goes on
    from the last one that finished.

    With --watch the process stays: it looks at the --articles folders every --interval seconds
    and builds again, with what a build loads kept loaded, once changed files have settled (the
    same size and time at two looks); a burst of files is one rebuild. The curation and links
    files are watched too, and read again when they change. With --changed - it also reads the
    paths of changed files from stdin as they come (an ingest process, `tail -F` of a log of
    them) and rebuilds them at once, without listing the folders. A rebuild that fails (a
    violation, a bad curation or links file; with --strict, an article that cannot be read)
    writes nothing and the watch goes on. See docs/incremental-builds.md.
    """
    from pactgraph.cache import BuildCache
    from pactgraph.corpus import default_jobs

    build_module = _build_module()
    if scheduler is not None and jobs is not None:
        raise UsageError("--jobs and --scheduler exclude each other: the Dask workers are the processes")
    options = {
        "jobs": jobs or default_jobs(),
        "scheduler": scheduler,
        "cache": None if no_cache else BuildCache(cache_dir, refresh=force),
        "store": store,
        "out": out,
        "min_confidence": min_confidence,
        "validate": validate,
        "reason": reason,
        "strict": strict,
        "files_on_demand": {"auto": None, "always": False, "on-demand": True}[files],
    }
    if interval is not None and not watch:
        raise UsageError("--interval is for --watch")
    streamed = None
    if watch:
        from pactgraph.watch import Watch

        if changed:
            if [str(path) for path in changed] != ["-"]:
                raise UsageError(
                    "--watch takes --changed - only: the paths of changed files on stdin, as they come (the watch "
                    "finds the others itself)"
                )
            streamed = _stdin_descriptor()
        files_read = _watched_files(curation, links, auto_links)  # read by the watch: again when they change
        watcher = Watch(list(article_dirs), interval=2.0 if interval is None else interval, files=files_read, **options)
        first = watcher.start
    else:
        options |= {
            "curation": _curation(curation),
            "links": _links(links, DEFAULT_LINKS),
            "auto_links": _links(auto_links, DEFAULT_AUTO_LINKS, machine=True),
            "changed": _changed(changed) if changed else None,
        }
        first = functools.partial(build_module.build, list(article_dirs), **options)
    if progress and sys.stderr.isatty():
        from pactgraph.listing import find_articles

        changed_paths = options.get("changed")
        total = len(changed_paths) if changed_paths is not None else len(find_articles(list(article_dirs)))
        with click.progressbar(length=total, label="extracting", file=sys.stderr) as bar:
            summary = first(progress=lambda _: bar.update(1))
    else:
        summary = first()
    for warning in summary.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if summary.reasoning is not None and summary.reasoning.note:
        click.echo(f"Warning: {summary.reasoning.note}", err=True)
    click.echo(str(summary), err=True)
    if watch:
        _watch(watcher, streamed)


def _stdin_descriptor() -> int:
    """stdin's file descriptor, for ``build --watch --changed -`` to read paths from as they come."""
    try:
        return sys.stdin.fileno()
    except (AttributeError, ValueError, OSError) as error:  # closed, or not a file (io.UnsupportedOperation)
        raise UsageError(f"--changed - with --watch reads stdin as a pipe or a file; it is not one ({error})") from None


def _watch(watcher: Watch, changed: int | None) -> None:
    """``build --watch`` after its first build: a line per rebuild (the warnings not given
    before, a failure's report and error first) and per notice, until Ctrl-C or SIGTERM; with
    ``changed`` (``--changed -``: stdin's descriptor), the paths read there rebuilt as they come."""
    from pactgraph.watch import Notice

    folders = ", ".join(map(str, watcher.article_dirs))
    said = f"watching {folders} every {watcher.interval:g} s for articles added, changed or removed"
    if watcher.files:
        said += f", and {', '.join(watcher.files)}"
    if changed is not None:
        said += "; the paths of changed files read from stdin as they come"
    click.echo(said, err=True)
    for rebuild in watcher.rebuilds(changed=changed):
        if isinstance(rebuild, Notice):
            click.echo(f"Warning: {rebuild}", err=True)
            continue
        for warning in rebuild.warnings:
            click.echo(f"Warning: {warning}", err=True)
        if rebuild.error is not None:
            if rebuild.error.details:
                click.echo(rebuild.error.details, err=True)
            click.echo(f"Error: {rebuild.error}", err=True)
        click.echo(str(rebuild), err=True)


def _changed(given: tuple[Path, ...]) -> list[Path]:
    """The paths of ``--changed``, with ``-`` read from stdin (one a line, blank lines skipped)."""
    paths: list[Path] = []
    for path in given:
        if str(path) == "-":
            paths += [Path(line) for line in click.get_text_stream("stdin").read().splitlines() if line.strip()]
        else:
            paths.append(path)
    return paths


def _watched_files(curation: Path | None, links: Path | None, auto_links: Path | None) -> list[WatchedFile]:
    """The curation and links files a build reads (those named, or the default ones, read once
    they appear), for a watch to read again when they change."""
    from pactgraph.watch import WatchedFile

    return [
        WatchedFile(
            "curation", DEFAULT_CURATION if curation is None else curation, _curation,
            required=curation is not None,
        ),
        WatchedFile(
            "links", DEFAULT_LINKS if links is None else links, functools.partial(_links, default=DEFAULT_LINKS),
            required=links is not None,
        ),
        WatchedFile(
            "auto_links", DEFAULT_AUTO_LINKS if auto_links is None else auto_links,
            functools.partial(_links, default=DEFAULT_AUTO_LINKS, machine=True), required=auto_links is not None,
        ),
    ]  # fmt: skip


def _curation(path: Path | None):
    """The curation file given, or the default one when it exists; None otherwise."""
    if path is None and not DEFAULT_CURATION.is_file():
        return None  # without importing the curation (and with it the extractor)
    from pactgraph.curation import load_curation

    if path is None:
        return load_curation(DEFAULT_CURATION)
    if not path.is_file():
        raise UsageError(f"{path}: no such curation file")
    return load_curation(path)


def _links(path: Path | None, default: Path, *, machine: bool = False):
    """The links file given, or the default one when it exists; None otherwise."""
    if path is None and not default.is_file():
        return None  # without importing the links (and with them the extractor)
    from pactgraph.links import load_links

    return load_links(default if path is None else path, machine=machine)


@main.command("link")
@_graphs_option(Path("data/kg.trig"), "Built graph whose entities to link (repeatable).")
@click.option(
    "--links",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_LINKS,
    show_default=True,
    help="Curated links file; its entities are not looked up (curated links always win).",
)
@_WIKIDATA_ENDPOINT
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_AUTO_LINKS,
    show_default=True,
    help="Where to write the accepted links (links file format; `build` reads it).",
)
@click.option(
    "--candidates",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_CANDIDATES,
    show_default=True,
    help="Where to write the candidates to review (ambiguous or below the threshold).",
)
@click.option(
    "--cache",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(".pactgraph-cache/link"),
    show_default=True,
    help="Folder keeping every answer, so repeated runs do not query the endpoint again.",
)
@click.option("--dry-run", is_flag=True, help="Print what would be linked; write no links or candidates file.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=remote.DEFAULT_TIMEOUT_S,
    show_default=True,
    help=_REMOTE_TIMEOUT_HELP,
)
@_retries_option(_RETRIES_HELP)
def link_command(
    graphs: tuple[Path, ...],
    links: Path,
    endpoint: str | None,
    out: Path,
    candidates: Path,
    cache: Path,
    dry_run: bool,
    timeout: float,
    retries: int,
) -> None:
    """Find Wikidata items for the entities without a curated link.

    Batched SPARQL queries by English label or alias, constrained by type (human, country, city,
    organization); candidates are scored (exact label 0.5 or alias 0.3, type 0.3, a country of a
    co-mentioned country 0.2) and accepted at 0.8 when no other candidate scores as much. Accepted
    links are written to --out, the rest to --candidates for review; both atomically, and only
    when every query succeeded.
    """
    from pactgraph import linking
    from pactgraph.links import load_links

    endpoint = endpoint or linking.DEFAULT_ENDPOINT
    curated = load_links(links) if links.is_file() else None
    report = linking.find_links(list(graphs), curated, endpoint=endpoint, cache=cache, timeout=timeout, retries=retries)
    for candidate in report.accepted:
        click.echo(f"{candidate.entity}  {candidate.wikidata}  {candidate.score:g}  {candidate.reasons}")
    if not dry_run:
        for path, data in (
            (out, linking.links_csv(report.accepted, endpoint)),
            (candidates, linking.candidates_csv(report.review)),
        ):
            write_output(path, data)
    click.echo(str(report) + (" (dry run: nothing written)" if dry_run else f" → {out}, {candidates}"), err=True)


@main.command("enrich")
@click.option(
    "--links",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_LINKS,
    show_default=True,
    help="Curated links file: the Wikidata items to ask about.",
)
@click.option(
    "--auto-links",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_AUTO_LINKS,
    show_default=True,
    help="Links found by `pactgraph link`, for entities without a curated link (used if present).",
)
@_WIKIDATA_ENDPOINT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("data/enrichment.trig"),
    show_default=True,
    help="File to write (atomically; format from the extension).",
)
@click.option(
    "--cache",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(".pactgraph-cache/enrich"),
    show_default=True,
    help="Folder keeping every answer, so repeated runs do not query the endpoint again.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=remote.DEFAULT_TIMEOUT_S,
    show_default=True,
    help=_REMOTE_TIMEOUT_HELP,
)
def enrich_command(
    links: Path, auto_links: Path, endpoint: str | None, output: Path, cache: Path, timeout: float
) -> None:
    """Fetch a few Wikidata facts about the linked entities into the named graph id:graph/enrichment:
    ISO code (P297), coordinates (P625), country (P17), official website (P856), inception (P571).

    Query the graph with them: pactgraph query NAME --graph data/kg.trig --graph data/enrichment.trig
    """
    import datetime as dt

    from pactgraph import linking
    from pactgraph.enrichment import ENRICHER, ENRICHMENT_GRAPH, enrich
    from pactgraph.links import load_links

    files = [load_links(links)] if links.is_file() else []
    if auto_links.is_file():
        files.append(load_links(auto_links, machine=True))
    if not files:
        raise UsageError(f"{links}: no such links file; enrich needs linked entities")
    endpoint = endpoint or linking.DEFAULT_ENDPOINT
    quads = enrich(files, endpoint=endpoint, cache=cache, timeout=timeout, retrieved=dt.date.today())
    write_output(output, serialize(quads, Format.from_path(output)))
    entities = len({q.subject for q in quads} - {ENRICHMENT_GRAPH, ENRICHER})
    click.echo(f"enriched {entities} entities with {len(quads)} statements from {endpoint} → {output}", err=True)


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
    quads = list(load_graph([graph], with_ontology=False, for_queries=False))
    result = reason(quads)
    if result.note:
        click.echo(f"Warning: {result.note}", err=True)
    click.echo(f"{graph}: {result}", err=True)
    if output is None:
        click.echo(serialize(result.quads, Format.TRIG), nl=False)
        return
    data = serialize(with_inferences(quads, result), Format.from_path(output))
    write_output(output, data)


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
    write_output(output, data)


@main.command("serve")
@_graphs_option(Path("data/kg.trig"), "RDF file to serve (repeatable); the ontology is served with it.")
@click.option(
    "--host",
    default=serving.DEFAULT_HOST,
    show_default=True,
    help="Address to listen on; anything but loopback exposes the graph to the network (with a warning).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=serving.DEFAULT_PORT,
    show_default=True,
    help="Port to listen on (0 = any free port).",
)
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=serving.DEFAULT_TIMEOUT_S,
    show_default=True,
    help="Seconds a query may run before the server stops it (HTTP 504).",
)
@click.option(
    "--max-result-mb",
    type=click.FloatRange(min=0, min_open=True),
    default=serving.DEFAULT_MAX_RESULT_MB,
    show_default=True,
    help="Largest answer sent, in megabytes; a larger one is refused (HTTP 400).",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let queries use SERVICE, which makes this server query other hosts (refused by default).",
)
@click.option(
    "--cors",
    "cors",
    metavar="ORIGIN",
    multiple=True,
    help="Let browser pages from ORIGIN (e.g. https://yasgui.org, or * for any) query this server: "
    "answers CORS preflight requests and sets the CORS headers (repeatable; off by default).",
)
def serve_command(
    graphs: tuple[Path, ...],
    host: str,
    port: int,
    timeout: int,
    max_result_mb: float,
    allow_service: bool,
    cors: tuple[str, ...],
) -> None:
    """Serve the graph read-only over SPARQL 1.1, with the explorer and a query page, until Ctrl-C.

    Runs the Oxigraph server on a temporary copy of the graph (removed on exit) behind a guard
    that refuses updates and Graph Store writes (HTTP 403) and SERVICE (HTTP 400, unless
    --allow-service), stops queries at --timeout (HTTP 504), refuses answers over
    --max-result-mb (HTTP 400) and starts Oxigraph again if a query crashes it. Named graphs
    are kept (query them with GRAPH); the default graph is their union, as for `pactgraph
    query`. The explorer answers at / (front page), /timeline, /network, /capacities, /q/NAME
    (a bundled query's table, with CSV and JSON downloads) and /id/… (every entity and fact, by
    content negotiation: HTML, Turtle, JSON-LD, N-Triples, RDF/XML); the SPARQL query page is at
    /sparql-editor. Prints these short links.
    """
    try:  # SIGTERM is a KeyboardInterrupt too (``PactgraphGroup``)
        with serving.serve(
            list(graphs),
            host=host,
            port=port,
            timeout_s=timeout,
            max_result_mb=max_result_mb,
            allow_service=allow_service,
            cors_origins=cors,
        ) as server:
            names = ", ".join(str(g) for g in graphs)
            if not serving.is_loopback(host):
                warning = f"Warning: listening on {host}: anyone who can reach this machine can query the graph"
                click.echo(warning, err=True)
            click.echo(f"Serving {names} read-only ({server.quads:,} quads with the ontology); Ctrl-C stops it")
            click.echo(f"  explorer         {server.url}/")
            click.echo(f"  SPARQL endpoint  {server.query_url}")
            click.echo(f"  query timeout    {timeout} s")
            click.echo(f"  store            {server.location} (removed on exit)")
            click.echo(f"  answers          at most {max_result_mb:g} MB")
            click.echo(f"  SERVICE          {'allowed' if allow_service else 'refused (--allow-service allows it)'}")
            click.echo(
                f"  CORS             {', '.join(cors) if cors else 'off (--cors ORIGIN allows browser clients)'}"
            )
            click.echo("Views:")
            for name in ("timeline", "network", "capacities", "sparql-editor"):
                click.echo(f"  {name}: {server.short_url(name)}")
            click.echo("Bundled queries (open in a browser):")
            for query in bundled_queries():
                click.echo(f"  {query.name}: {server.short_url('q/' + query.name)}")
            raise ServeError(f"{server.url}: {server.wait()}")
    except KeyboardInterrupt:
        click.echo("Stopped; the temporary store is removed.", err=True)


@main.command("site")
@_graphs_option(Path("data/kg.trig"), "RDF file to publish (repeatable); the ontology is loaded with it.")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder to write the site into (replaced whole when it is a site written before).",
)
def site_command(graphs: tuple[Path, ...], out: Path) -> None:
    """Write the explorer as a static site: front page, timeline, network, capacities, a table per
    bundled query (with CSV and JSON), and a page per entity and fact in HTML, Turtle, JSON-LD,
    N-Triples and RDF/XML.

    Deterministic (the same graph gives the same bytes) and with relative links only, so it works
    from any web host and from file://. Open OUT/index.html.
    """
    from pactgraph.web import write_site

    store = load_graph(list(graphs), with_ontology=True)
    count = write_site(store, out)
    click.echo(f"wrote {count} files to {out}; open {out / 'index.html'}")


@main.command("push")
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="SPARQL query URL of the store; the Graph Store URL is derived from it (see README).",
)
@click.option(
    "--store-endpoint",
    metavar="URL",
    default=None,
    help="Graph Store HTTP Protocol URL, when it cannot be derived from --endpoint.",
)
@click.option(
    "--update-endpoint",
    metavar="URL",
    default=None,
    help="SPARQL Update URL, when it cannot be derived from --endpoint.",
)
@_graphs_option(Path("data/kg.trig"), "RDF file to push (repeatable); the ontology is pushed with it.")
@click.option(
    "--graph-iri",
    metavar="IRI",
    default=None,
    help="Put all triples into this one named graph instead of one graph per article.",
)
@click.option(
    "--replace",
    is_flag=True,
    help=f"Afterwards delete the graphs under {remote.GRAPH_NAMESPACE} that this push did not write.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=remote.DEFAULT_CHUNK_TRIPLES,
    show_default=True,
    help="Most triples per request; larger graphs are sent as a PUT then POSTs.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=remote.DEFAULT_TIMEOUT_S,
    show_default=True,
    help=_REMOTE_TIMEOUT_HELP,
)
@_retries_option(_RETRIES_HELP)
def push_command(
    endpoint: str | None,
    store_endpoint: str | None,
    update_endpoint: str | None,
    graphs: tuple[Path, ...],
    graph_iri: str | None,
    replace: bool,
    chunk_size: int,
    timeout: float,
    retries: int,
) -> None:
    """Upload the graph to a SPARQL 1.1 store, replacing each graph, all at once.

    One named graph per article plus the ontology (and any other named graph in the file). They
    are uploaded (Graph Store HTTP Protocol) to staging graphs, then one SPARQL Update moves them
    onto their names, replacing what was there: pushing again never duplicates triples, and a
    push that fails leaves the store's graphs as they were. Credentials come from
    PACTGRAPH_ENDPOINT_USER and PACTGRAPH_ENDPOINT_PASSWORD (basic, or digest when the server
    asks), or PACTGRAPH_ENDPOINT_TOKEN (bearer).
    """
    credentials = remote.Credentials.from_env()
    if endpoint is None and (store_endpoint is None or update_endpoint is None):
        raise UsageError(
            "give the store: --endpoint (SPARQL query URL), or both --store-endpoint (Graph Store URL) "
            "and --update-endpoint (SPARQL Update URL)"
        )
    if store_endpoint is None:
        store_endpoint = remote.store_endpoint_for(endpoint, authenticated=bool(credentials))
    if update_endpoint is None:
        update_endpoint = remote.update_endpoint_for(endpoint, authenticated=bool(credentials))
    summary = remote.push(
        list(graphs),
        store_endpoint,
        update_endpoint=update_endpoint,
        query_endpoint=endpoint,
        graph_iri=graph_iri,
        replace=replace,
        chunk_triples=chunk_size,
        timeout=timeout,
        retries=retries,
        credentials=credentials,
    )
    click.echo(str(summary))


@main.command("evaluate")
@click.argument("gold_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--articles",
    "article_dirs",
    type=click.Path(path_type=Path, file_okay=False),
    multiple=True,
    help="Folder of the gold's articles (repeatable) [default: GOLD_DIR/../articles].",
)
@click.option(
    "--graph",
    "graphs",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    help="Score this already built graph instead of building one from the articles (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@_MIN_CONFIDENCE
@click.option(
    "--by-rule",
    is_flag=True,
    help="Also print each extraction rule's precision and the base confidence it calibrates to.",
)
def evaluate_command(
    gold_dir: Path,
    article_dirs: tuple[Path, ...],
    graphs: tuple[Path, ...],
    fmt: str,
    min_confidence: float,
    by_rule: bool,
) -> None:
    """Score the extractor against gold annotations (one JSON file per article in GOLD_DIR).

    Builds the graph of the articles in memory (nothing is written), runs the contract queries
    and prints precision, recall and F1 per relation, the micro average over meetings,
    agreements, partnerships and capacities, attribute accuracy, and a calibration table: for each
    0.1 bucket of stated confidence, the share of those facts that match gold. The gold format and
    the matching rules are those of the development corpus's README.
    """
    from pactgraph.evaluation import (
        calibrated_confidence,
        calibration,
        calibration_table,
        contract_rows,
        load_gold,
        rule_precision,
        score,
    )

    if graphs and (article_dirs or min_confidence):
        raise UsageError("--graph scores a built graph; --articles and --min-confidence apply to a build")
    gold = load_gold(gold_dir)
    if graphs:
        store = load_graph(list(graphs), with_ontology=True)
    else:
        build_module = _build_module()
        dirs = list(article_dirs) or [gold_dir.parent / "articles"]
        from pactgraph.listing import find_articles

        paths = find_articles(dirs)
        from pactgraph.corpus import default_jobs

        assembly = build_module.build_quads(paths, min_confidence=min_confidence, strict=False, jobs=default_jobs())
        for message in assembly.article_warnings:
            click.echo(f"Warning: {message}", err=True)
        for message in assembly.skipped:
            click.echo(f"Warning: {message}; the article was left out", err=True)
        store = store_of(assembly.quads)
    report = score(contract_rows(store), gold)
    rules = rule_precision(store, report) if by_rule else {}
    buckets = calibration(store, report)
    if fmt == "json":
        data = report.as_dict()
        data["calibration"] = [
            {"low": b.low, "facts": b.facts, "matched": b.matched, "stated": round(b.stated, 3)} for b in buckets
        ]
        if by_rule:
            data["rules"] = {
                rule: {"matched": s.tp, "predicted": s.predicted, "calibrated": calibrated_confidence(s)}
                for rule, s in rules.items()
            }
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(report.table(), nl=False)
    click.echo("\ncalibration: stated confidence against the share of facts that match gold")
    click.echo(calibration_table(buckets), nl=False)
    if by_rule:
        click.echo(f"\n{'rule':<30}{'matched':>8}{'predicted':>10}{'precision':>10}{'calibrated':>11}")
        for rule, s in rules.items():
            click.echo(f"{rule:<30}{s.tp:>8}{s.predicted:>10}{s.precision:>10.3f}{calibrated_confidence(s):>11.2f}")


if __name__ == "__main__":  # pragma: no cover
    main()
