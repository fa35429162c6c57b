"""The build on the build state (``pactgraph.state``): a cold build and a rebuild are one code
path, and a rebuild touches only what changed.

1. The article files are compared with the manifest (size and modification time, then the content
   hash), streamed into a temporary table and compared there a batch at a time; new and changed
   ones are extracted (``read_corpus``, a batch at a time; the first few found start a head start
   loading the NLP pipeline while the listing goes on), deleted ones forgotten.
2. The entities they mention are merged again (``merging.update_entities``); the articles whose
   graphs show an entity whose description changed, and the facts they report, are read again
   (``merging.update_merged``).
3. The graphs of those articles are written again (``build._all_article_parts``, in the worker
   processes), a batch at a time; each changed graph updates the union's triple counts.
4. ``kg.trig`` and ``kg.ttl`` are spliced (``pactgraph.layout``; with ``--files on-demand`` what
   changed is noted for a later build and the files set aside), the store updated graph by
   graph, and only then is the state committed: a build killed at any moment leaves the previous
   outputs and state.

Used by ``build`` with a build cache, for Turtle or TriG output, without ``--reason`` and with no
curation to apply (otherwise the build runs in memory, as before).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import itertools
import json
import secrets
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from . import cache as fingerprints
from .articles import Article
from .build import (
    BuildSummary,
    GraphPart,
    _all_article_parts,
    _entities_in,
    _kept,
    apply_merged,
    render_part,
    union_check,
    union_data,
    validated_parts,
)
from .cache import BuildCache, value_digest
from .cluster import HeadStart
from .corpus import head_start, read_corpus
from .errors import ArticleError, ValidationError
from .layout import (
    dataset_documents,
    defer_dataset,
    defer_union,
    is_current,
    leave_on_demand,
    other_lines,
    union_lines,
    write_dataset,
    write_union,
)
from .listing import Found, changed_entries, no_articles
from .merging import entities_for, facts_of, record_facts, record_mentions, update_entities, update_merged
from .state import STATE_FILE, BuildState, pack, unpack
from .store import PREFIXES, Format, store_generation, store_mirrors, trig_header, update_store
from .validation import ValidationReport, ValidationResult, bounded_properties, read_predicates, result_order

if TYPE_CHECKING:  # imported where they are used: a rebuild with nothing to read does not load the extractor
    from .extract.facts import ArticleFacts
    from .links import Links

__all__ = ["build_on_state"]

#: ``rdf:type`` (``triples.A``, not imported: a rebuild with nothing to read does not load the extractor).
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: Articles extracted, or graphs written, per batch: what the build holds in memory at once.
BATCH = 2048
#: Article files inserted into the listing, and compared with the manifest, at a time.
_LISTED = 4096
#: At most this many articles may have to be read for a rebuild to start a head start
#: (``cluster.HeadStart``) and to extract them there; more go to the usual processes.
_HEAD_START_AT_MOST = 16
#: At most this many files found differing from the manifest while listing are kept, instead of
#: comparing the whole listing with it again (a join over every article).
_KEEP_DIFFERING = BATCH
#: Above this many changed union lines, every stretch of the Turtle is written again.
_SPLICE_AT_MOST = 200_000
#: The listed files (the temporary table ``listing``) whose path, size or time differ from the
#: manifest's (or, with ``moved``, their place in the corpus's order), with the manifest's values.
_COMPARE = (
    "SELECT {place}, l.path, l.size, l.mtime, a.path IS NOT NULL, a.size, a.mtime_ns FROM {listing} l {join}"
    " LEFT JOIN article a ON a.path = l.path WHERE ({where}) AND (a.path IS NULL OR l.size IS NULL"
    " OR a.size IS NOT l.size OR a.mtime_ns IS NOT l.mtime {moved})"
)


class _ValidationCache(BuildCache):
    """The build cache for extraction and validation only: the state keeps the graphs."""

    def graph_key(self, *written_from) -> None:  # type: ignore[override]
        return None


def build_on_state(
    listed: Iterable[Found],
    *,
    article_dirs: list[Path],
    out: Path,
    cache: BuildCache,
    store: Path | None,
    jobs: int,
    validate: bool,
    min_confidence: float,
    links: Links | None,
    auto_links: Links | None,
    strict: bool,
    on_article: Callable[[Path], None] | None,
    warnings: list[str],
    scheduler: str | None = None,
    files_on_demand: bool = False,
    changed: list[Path] | None = None,
) -> BuildSummary:
    """Build the articles ``listed`` (``listing.iter_articles`` under ``article_dirs``) into ``out``
    (Turtle, with a TriG beside it, or TriG) and ``store`` from the state in ``cache``; see the
    module's docstring. With ``files_on_demand`` only the state and the store are brought up to
    date: ``out`` and the TriG are left to the next build without it. With ``changed`` (the
    article files a caller knows may have changed) ``listed`` is not read when the state can take
    it (``_Run.scan_changed``); otherwise a warning says why, and every file is listed."""
    with BuildState(cache.folder / STATE_FILE, fresh=cache.refresh) as state:
        validation_cache = _ValidationCache(cache.folder, refresh=cache.refresh)
        run = _Run(
            state,
            cache=validation_cache,
            jobs=jobs,
            validate=validate,
            min_confidence=min_confidence,
            scheduler=scheduler,
        )
        settings = value_digest(
            fingerprints.code_fingerprint(),
            fingerprints.extractor_fingerprint(),
            fingerprints.shapes_fingerprint() if validate else "",
            min_confidence,
        )
        if state.get("settings") != settings:
            state.reset()
            state.set("settings", settings)
        folders = json.dumps([str(folder) for folder in article_dirs])
        why = None if changed is None else run.cannot_take_changed(folders)
        if changed is not None and why is None:
            entries, gone = changed_entries(changed, article_dirs, warnings=warnings)
            found = run.scan_changed(entries, gone, strict=strict, on_article=on_article)
        else:
            if why is not None:
                warnings.append(f"--changed not used: {why}; every article file was listed")
            found = run.scan(listed, strict=strict, on_article=on_article)
            state.set("listed", folders)  # what a later build given --changed may take as listed
        if not found:
            raise no_articles(article_dirs)
        run.update_graphs()
        run.update_others(links, auto_links)
        report = run.report() if validate else None
        if report is not None and not report.conforms:
            raise ValidationError(
                f"{out}: not written: the built graph has {len(report.violations)} SHACL violation(s), reported "
                "above; fix the extraction or build with --no-validate",
                details=report.format(),
            )
        articles = state.db.execute("SELECT count(*) FROM article WHERE error IS NULL").fetchone()[0]
        if not articles:
            first = state.db.execute("SELECT error FROM article ORDER BY ord LIMIT 1").fetchone()
            raise ArticleError(f"none of the {found} articles could be read; the first: {(first or ['none'])[0]}")
        if files_on_demand and store is not None:
            outputs, deferred = run.write_on_demand(out, store), run.files(out)
        else:
            outputs, deferred = run.write(out, store), []
        summary = run.summary(articles, outputs, warnings, report)
        summary.deferred = [path for path in deferred if not path.exists()]
        state.commit()
    return summary


class _Run:
    """One build on the state: what it found changed, and what it changed."""

    def __init__(
        self,
        state: BuildState,
        *,
        cache: BuildCache,
        jobs: int,
        validate: bool,
        min_confidence: float,
        scheduler: str | None = None,
    ) -> None:
        self.state = state
        self.cache = cache
        self.jobs = jobs
        self.scheduler = scheduler  # a Dask scheduler's address: extraction and graphs run on its workers
        self.validate = validate
        self.min_confidence = min_confidence
        self.extracted = 0
        # what changed, in the state's temporary tables (a cold build changes every row):
        self.keys = state.keyed("keys", (), columns=2)  # entities whose mentions changed
        self.iris = state.keyed("iris", ())  # facts whose reports changed
        self.dirty = state.keyed("dirty", ())  # articles read afresh
        self.graphs = state.keyed("graphs", ())  # graphs written afresh or removed
        self.delta: dict[bytes, int] | None = {}  # union lines → graphs added minus removed (None: too many)
        self.noted: set[bytes] = set()  # lines of the other graphs added or removed
        self.linked = 0
        self.head: HeadStart | None = None  # a process loading the NLP pipeline ahead of the articles to read

    # -- 1. what changed on disk

    def scan(self, listed: Iterable[Found], *, strict: bool, on_article: Callable[[Path], None] | None) -> int:
        """Compare the article files with the manifest: a file whose path, size, modification time
        and place in the corpus's order are the manifest's is unchanged, without being read; the
        others are hashed, and extracted when their bytes changed. A file changed in place with
        its size and time kept is taken as unchanged, as ``make`` would (``--force`` reads every
        article again). The files are streamed into a temporary table as they are found and
        compared there (SQLite, on disk): only the rows that differ come back to Python, so the
        build's memory does not grow with the corpus. When no article came or went, every place
        in the corpus's order is the manifest's; otherwise the places are computed (sorted by
        SQLite) and compared too. How many articles there are."""
        state = self.state
        listing = state.listing()
        batch = _COMPARE.format(place="a.ord", listing=listing, join="", where="l.rowid > ?", moved="")
        ahead = self._may_head_start(on_article)
        files = iter(listed)
        count = differ = new = 0
        kept: list[tuple] | None = []  # the rows that differ, while they are few
        try:
            while found := list(itertools.islice(files, _LISTED)):  # compared a batch at a time
                state.many(f"INSERT INTO {listing} VALUES (?, ?, ?, ?)", found)
                more = state.rows(batch, (count,)).fetchall()  # rowids 1, 2, … in the order inserted
                count += len(found)
                differ += len(more)
                new += sum(1 for row in more if not row[4])
                ahead = ahead and differ <= _HEAD_START_AT_MOST  # a head start for the first few found
                if ahead and self.head is None and self._to_read(more):
                    self.head = head_start()
                kept = kept + more if kept is not None and differ <= _KEEP_DIFFERING else None
                del more  # a cold build finds every file differing: not kept
            return self._compare(
                listing, count, differ=differ, new=new, differing=kept, strict=strict, on_article=on_article
            )
        finally:
            if self.head is not None:
                self.head.close()
                self.head = None

    def _may_head_start(self, on_article: Callable[[Path], None] | None) -> bool:
        """Whether a head start (a process loading the NLP pipeline) may be started, if a few
        articles turn out to need reading: a rebuild with worker processes, not on a cluster."""
        ahead = self.jobs > 1 and self.scheduler is None and on_article is None and not self.cache.refresh
        return ahead and self.state.db.execute("SELECT 1 FROM article LIMIT 1").fetchone() is not None

    def cannot_take_changed(self, folders: str) -> str | None:
        """Why this build cannot take a caller's list of changed files instead of listing the
        folders (None: it can): the state must hold the listing of the same ``folders`` (a JSON
        list, as given), made by a build of the same settings, and ``--force`` reads everything."""
        if self.cache.refresh:
            return "--force reads every article"
        listed = self.state.get("listed")
        if listed is None:
            return "the build state holds no listing yet (a first build, or new settings or version)"
        if listed != folders:
            return f"the build state's last listing was of other --articles folders ({', '.join(json.loads(listed))})"
        return None

    def scan_changed(
        self, found: list[Found], gone: list[str], *, strict: bool, on_article: Callable[[Path], None] | None
    ) -> int:
        """``scan`` with the article files a caller says may have changed (``found``, as the
        listing gives them, and ``gone``, no longer there) instead of a listing of the folders:
        every other article is taken as the manifest has it. When none came or went, only those
        files are compared with the manifest (the places in the corpus's order stay); otherwise
        the listing is made from the manifest by SQLite, with them, and compared as ``scan``'s
        (every place computed again). How many articles there are."""
        state = self.state
        named = state.keyed("named", [path for _, path, _, _ in found] + gone)
        known = f"SELECT path FROM article WHERE path IN (SELECT k0 FROM {named})"
        known = {path for (path,) in state.rows(known)}
        articles = state.db.execute("SELECT count(*) FROM article").fetchone()[0]
        if all(path in known for _, path, _, _ in found) and not any(path in known for path in gone):
            listing, count = state.listing(found), articles  # the others are where they were
        else:
            listing = state.listing_from_manifest(found, leaving=named)
            count = state.db.execute(f"SELECT count(*) FROM {listing}").fetchone()[0]
        compare = _COMPARE.format(place="a.ord", listing=listing, join="", where="1", moved="")
        differ = state.rows(f"{compare} LIMIT {_HEAD_START_AT_MOST + 1}").fetchall()
        try:
            if self._may_head_start(on_article) and len(differ) <= _HEAD_START_AT_MOST and self._to_read(differ):
                self.head = head_start()
            return self._compare(listing, count, strict=strict, on_article=on_article)
        finally:
            if self.head is not None:
                self.head.close()
                self.head = None

    def _to_read(self, differ: list[tuple]) -> bool:
        """Whether one of the files of ``differ`` (rows of ``scan``) will have to be read: its
        bytes are neither those of the manifest (a file touched) nor of facts in the cache (a
        change undone)."""
        for _, name, *_ in differ:
            try:
                content = Path(name).read_bytes()
            except OSError:
                continue  # read_article says why, without the pipeline
            row = self.state.db.execute("SELECT sha256 FROM article WHERE path = ?", (name,)).fetchone()
            if row is not None and row[0] == hashlib.sha256(content).hexdigest():
                continue
            if not self.cache.has("facts", self.cache.facts_key(Path(name), content)):
                return True
        return False

    def _compare(
        self,
        listing: str,
        count: int,
        *,
        differ: int | None = None,
        new: int | None = None,
        differing: list[tuple] | None = None,
        strict: bool,
        on_article,
    ) -> int:
        """``scan`` once the files are listed in ``listing`` (``count`` of them; ``differ`` of them
        differing from the manifest, ``new`` not in it, when counted already, and ``differing``
        those rows, when kept: the listing is not compared again): the files whose
        path, size or time differ from the manifest's (or their place in the corpus's order, when
        articles came or went) are looked at, a batch at a time from a temporary table, and those
        whose bytes changed are extracted, a batch at a time from another: the build holds no row
        per article (a cold build looks at every one)."""
        state = self.state
        if not count:
            return 0
        if new is None:
            new = state.db.execute(
                f"SELECT count(*) FROM {listing} l WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.path = l.path)"
            ).fetchone()[0]
        placed, compare = None, _COMPARE.format(place="a.ord", listing=listing, join="", where="1", moved="")
        if new or count < state.db.execute("SELECT count(*) FROM article").fetchone()[0]:
            # articles came or went: every place in the corpus's order is computed and compared
            placed = state.placed(listing)
            join = f"JOIN {placed} p ON p.path = l.path"
            compare = _COMPARE.format(place="p.ord", listing=listing, join=join, where="1", moved="OR a.ord != p.ord")
        # nothing differs, or the few rows that do were kept while listing: the listing is not compared again
        again = placed is not None or (differ != 0 and differing is None)
        state.db.execute("DROP TABLE IF EXISTS temp.differ")
        state.db.execute(f"CREATE TEMP TABLE differ AS {compare} ORDER BY 1, 2{'' if again else ' LIMIT 0'}")
        if not again and differing:  # rowids in the corpus's order, as ORDER BY 1, 2 gives them
            marks = ", ".join("?" * len(differing[0]))
            state.many(f"INSERT INTO temp.differ VALUES ({marks})", sorted(differing, key=lambda row: row[:2]))
        state.db.execute("DROP TABLE IF EXISTS temp.to_read")
        state.db.execute("CREATE TEMP TABLE to_read(ord INTEGER, path TEXT, size INTEGER, mtime INTEGER, sha TEXT)")
        for page in _rowid_pages(state, "temp.differ", BATCH):
            reorder = []
            for order, name, size, mtime, known, *row in page:
                if known and size is not None and tuple(row) == (size, mtime):
                    reorder.append((order, name))  # moved in the corpus's order: an article added or removed before it
                    continue
                sha = _sha256(Path(name))
                stored = state.db.execute("SELECT sha256 FROM article WHERE path = ?", (name,)).fetchone()
                if stored is not None and sha is not None and stored[0] == sha:
                    reorder.append((order, name))
                    state.db.execute("UPDATE article SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime, name))
                    continue
                state.db.execute("INSERT INTO temp.to_read VALUES (?, ?, ?, ?, ?)", (order, name, size, mtime, sha))
            state.many("UPDATE article SET ord = ? WHERE path = ?", reorder)
            state.many("UPDATE graph SET ord = ? WHERE key = ?", reorder)
            state.many("UPDATE mention SET ord = ? WHERE path = ?", reorder)
        state.db.execute("DROP TABLE temp.differ")
        if placed is not None:  # some may be gone
            state.db.execute("DROP TABLE IF EXISTS temp.gone")
            state.db.execute(
                "CREATE TEMP TABLE gone AS SELECT path FROM article a"
                f" WHERE NOT EXISTS (SELECT 1 FROM {placed} p WHERE p.path = a.path) ORDER BY path"
            )
            for page in _rowid_pages(state, "temp.gone", BATCH):
                for (path,) in page:
                    self._forget(path)
                    state.db.execute("DELETE FROM article WHERE path = ?", (path,))
                    state.db.execute("DELETE FROM record WHERE path = ?", (path,))
        if on_article:
            query = f"SELECT path FROM {listing} WHERE path NOT IN (SELECT path FROM temp.to_read) ORDER BY stem, path"
            for (path,) in state.rows(query):
                on_article(Path(path))
        to_read = state.db.execute("SELECT count(*) FROM temp.to_read").fetchone()[0]
        if self.head is not None and to_read > _HEAD_START_AT_MOST:
            self.head.close()  # the processes of read_corpus do it
            self.head = None
        for page in _rowid_pages(state, "temp.to_read", BATCH):
            batch = [(order, Path(name), (size, mtime, sha)) for order, name, size, mtime, sha in page]
            self._extract(batch, strict=strict, on_article=on_article)
        if strict:
            row = state.db.execute("SELECT error FROM article WHERE error IS NOT NULL ORDER BY ord").fetchone()
            if row is not None:
                raise ArticleError(row[0])
        return count

    def _extract(self, batch: list[tuple[int, Path, tuple]], *, strict: bool, on_article) -> None:
        corpus = read_corpus([path for _, path, _ in batch], jobs=self.jobs, cache=self.cache, strict=strict,
                             on_article=on_article, scheduler=self.scheduler, head_start=self.head)  # fmt: skip
        self.head = None  # used, or given up
        self.extracted += corpus.extracted
        done = {str(a.path): (a, facts) for a, facts in zip(corpus.articles, corpus.facts, strict=True)}
        errors = iter(corpus.skipped)
        for order, path, (size, mtime, sha) in batch:
            name = str(path)
            found = done.get(name)
            self._forget(name, keep_mentions=True, keep_graph=found is not None)  # compared when written again
            if found is None:
                row = (name, order, size, mtime, sha, None, next(errors), None)
            else:
                article, facts = found
                graph = PREFIXES["id"] + "graph/" + article.identifier
                row = (name, order, size, mtime, sha, graph, None, json.dumps(article.warnings))
            self.state.db.execute(
                "INSERT OR REPLACE INTO article(path, ord, size, mtime_ns, sha256, graph, error, warnings) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            if found is None:
                self.state.mark("keys", record_mentions(self.state, name, None), columns=2)
                self.state.db.execute("DELETE FROM record WHERE path = ?", (name,))
            else:
                where = dataclasses.replace(article, path=Path(path.name))
                self.state.mark("keys", record_mentions(self.state, name, facts), columns=2)
                self.state.mark("dirty", [name])
                self.state.db.execute(
                    "INSERT OR REPLACE INTO record(path, value) VALUES (?, ?)", (name, pack((where, facts)))
                )

    def _forget(self, path: str, *, keep_mentions: bool = False, keep_graph: bool = False) -> None:
        """Take an article's entities, facts and graph out of the state (it changed or is gone)."""
        if not keep_mentions:
            self.state.mark("keys", record_mentions(self.state, path, None), columns=2)
        self.state.mark("iris", record_facts(self.state, path, None, {}))
        self.state.db.execute("DELETE FROM uses WHERE path = ?", (path,))
        if not keep_graph:
            self._drop_graph(path)

    # -- 2. and 3. what changed in the merged corpus, and the graphs written from it

    def update_graphs(self) -> None:
        state = self.state
        changed = update_entities(state, self.keys)
        # the changed entities first (CROSS JOIN keeps SQLite's order): else it scans every use
        users = f"SELECT u.path FROM {changed} t CROSS JOIN uses u ON u.folder = t.k0 AND u.slug = t.k1"
        readers = f"SELECT k0 FROM {self.dirty} UNION {users}"
        for batch in self._in_order(readers):
            from .resolve import entity_key  # here, not above: with no article to read, never imported

            for path, (_, facts) in self._records(batch):
                keys = {entity_key(e) for e in _entities_in(facts)}
                state.mark("iris", record_facts(state, path, facts, entities_for(state, keys)))
        affected = update_merged(state, self.iris)
        for batch in self._in_order(f"{readers} UNION SELECT k0 FROM {affected}"):
            self._write_graphs(batch)

    def _in_order(self, paths: str) -> Iterator[list[str]]:
        """The articles read among ``paths`` (a query), in the order of the corpus, a batch at a
        time (listed in a temporary table first: the batches write to the articles' rows)."""
        state = self.state
        state.db.execute("DROP TABLE IF EXISTS temp.todo")
        state.db.execute(
            f"CREATE TEMP TABLE todo AS SELECT path FROM article WHERE error IS NULL AND path IN ({paths}) ORDER BY ord"
        )
        last = 0
        query = f"SELECT rowid, path FROM temp.todo WHERE rowid > ? ORDER BY rowid LIMIT {BATCH}"
        while batch := state.db.execute(query, (last,)).fetchall():
            last = batch[-1][0]
            yield [path for _, path in batch]

    def _records(self, paths: list[str]) -> Iterator[tuple[str, tuple[Article, ArticleFacts]]]:
        for path in paths:
            (record,) = self.state.db.execute("SELECT value FROM record WHERE path = ?", (path,)).fetchone()
            yield path, unpack(record)

    def _write_graphs(self, paths: list[str]) -> None:
        from .resolve import entity_key
        from .triples import fact_iri

        state = self.state
        articles, kept, counts = [], [], []
        entities: dict = {}
        for _, (article, facts) in self._records(paths):
            named = entities_for(state, {entity_key(e) for e in _entities_in(facts)})
            iris = {id(f): fact_iri(f, named).value for f in facts_of(facts)}
            merged = {}
            for fact_id in set(iris.values()):
                row = state.db.execute("SELECT value FROM merged WHERE iri = ?", (fact_id,)).fetchone()
                if row is not None:
                    merged[fact_id] = unpack(row[0])
            for fact in facts_of(facts):
                if iris[id(fact)] in merged:
                    apply_merged(fact, merged[iris[id(fact)]])
            article_kept, below = _above(facts, self.min_confidence)
            used = {entity_key(e) for e in _entities_in(article_kept)}
            entities.update(entities_for(state, used))
            articles.append(article)
            kept.append(article_kept)
            counts.append((below, used))
        parts = _all_article_parts(
            articles, kept, entities, validate=self.validate, cache=self.cache, jobs=self.jobs, scheduler=self.scheduler
        )
        for path, part, (below, used) in zip(paths, parts, counts, strict=True):
            self._put_graph(path, part, ord_=0)
            lines = part.triples.count(b"\n")
            state.db.execute("UPDATE article SET triples = ?, below = ? WHERE path = ?", (lines, below, path))
            state.db.execute("DELETE FROM uses WHERE path = ?", (path,))
            state.many("INSERT INTO uses VALUES (?, ?, ?)", ((path, *key) for key in sorted(used)))

    def _put_graph(self, key: str, part: GraphPart, *, ord_: int, article: bool = True) -> None:
        """Keep a graph written afresh; when it says something else, update the union's counts."""
        state = self.state
        digest = hashlib.sha256(part.trig + part.triples).hexdigest()
        row = state.db.execute("SELECT digest, lines FROM graph WHERE key = ?", (key,)).fetchone()
        old_lines = zlib.decompress(row[1]) if row is not None else b""
        results = pack(part.results) if part.results else None
        if row is not None and row[0] == digest:
            state.db.execute("UPDATE graph SET results = ? WHERE key = ?", (results, key))
            return
        order = ord_
        if article:
            order = state.db.execute("SELECT ord FROM article WHERE path = ?", (key,)).fetchone()[0]
        old = set(old_lines.splitlines())
        new = set(part.triples.splitlines())
        state.db.execute(
            "INSERT OR REPLACE INTO graph(key, iri, ord, trig, lines, results, digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, part.name.value, order, zlib.compress(part.trig, 1), zlib.compress(part.triples, 1), results, digest),
        )
        state.mark("graphs", [part.name.value])
        if article:
            self._count(old - new, -1)
            self._count(new - old, +1)
        else:
            self._note(old ^ new)

    def _drop_graph(self, key: str) -> None:
        row = self.state.db.execute("SELECT iri, lines FROM graph WHERE key = ?", (key,)).fetchone()
        if row is None:
            return
        self.state.db.execute("DELETE FROM graph WHERE key = ?", (key,))
        self.state.mark("graphs", [row[0]])
        lines = set(zlib.decompress(row[1]).splitlines())
        if key.startswith("other:"):
            self._note(lines)
        else:
            self._count(lines, -1)

    def _count(self, lines: set[bytes], step: int) -> None:
        """Add ``step`` to the number of graphs that hold each line of the union."""
        lines.discard(b"")
        if not lines:
            return
        state = self.state
        rows = [(line,) for line in lines]
        if step > 0:
            grown = state.many("INSERT OR IGNORE INTO triple VALUES (?, 0)", rows)
            state.many("UPDATE triple SET n = n + 1 WHERE line = ?", rows)
        else:
            state.many("UPDATE triple SET n = n - 1 WHERE line = ?", rows)
            grown = -state.many("DELETE FROM triple WHERE line = ? AND n <= 0", rows)
        state.set("union", int(state.get("union", 0)) + grown)
        if self.delta is not None:
            for line in lines:
                self.delta[line] = self.delta.get(line, 0) + step
            if len(self.delta) > _SPLICE_AT_MOST:
                self.delta = None

    def _note(self, lines: Iterable[bytes]) -> None:
        self.noted.update(lines)

    @functools.cached_property
    def changed(self) -> set[bytes] | None:
        """The lines that entered or left the union (None: too many to list): a line whose graphs
        changed but that some graph still holds, and held before, changes nothing."""
        if self.delta is None or len(self.noted) > _SPLICE_AT_MOST:
            return None
        found = set(self.noted)
        for line, step in self.delta.items():
            if step:
                row = self.state.db.execute("SELECT n FROM triple WHERE line = ?", (line,)).fetchone()
                now = row[0] if row else 0
                if now == 0 or now == step:
                    found.add(line)
        return found

    # -- the graphs that are not articles'

    def update_others(self, links: Links | None, auto_links: Links | None) -> None:
        """The links graphs, for the linked entities the article graphs type; validated with what
        the article graphs say of the entities they name."""
        others: list[tuple[ox.NamedNode, list[ox.Quad]]] = []
        if links is not None or auto_links is not None:
            from .links import links_quads

            curated = {link.entity for link in links.links} if links is not None else set()
            for each, skip in ((links, set()), (auto_links, curated)):
                if each is None:
                    continue
                present = {link.entity for link in each.links if link.entity not in skip and self._typed(link.entity)}
                linked = links_quads(each, present)
                self.linked += len({q.subject for q in linked if q.subject.value in present})
                if linked:
                    others.append((linked[0].graph_name, linked))
        if self.validate and others:
            terms = (t for _, quads in others for q in quads for t in (q.subject, q.object))
            subjects = {t.value for t in terms if isinstance(t, ox.NamedNode)}
            context = list(ox.parse(b"\n".join(self._about(subjects)), format=ox.RdfFormat.N_TRIPLES))
            checked = validated_parts([(name, quads + context) for name, quads in others], cache=self.cache)
            parts = [
                dataclasses.replace(render_part(name, quads), results=part.results)
                for (name, quads), part in zip(others, checked, strict=True)
            ]
        else:
            parts = [render_part(name, quads) for name, quads in others]
        names = {f"other:{part.name.value}" for part in parts}
        for (key,) in list(self.state.rows("SELECT key FROM graph WHERE key >= 'other:' AND key < 'other;'")):
            if key not in names:
                self._drop_graph(key)
        for part in parts:
            self._put_graph(f"other:{part.name.value}", part, ord_=-1, article=False)

    def _typed(self, entity: str) -> bool:
        prefix = f"<{entity}> <{_RDF_TYPE}> ".encode()
        return self._first(prefix) is not None

    def _first(self, prefix: bytes) -> bytes | None:
        row = self.state.db.execute(
            "SELECT line FROM triple WHERE line >= ? AND line < ? LIMIT 1", (prefix, prefix + b"\xff")
        ).fetchone()
        return row[0] if row else None

    def _about(self, subjects: Iterable[str]) -> list[bytes]:
        """The lines of the article graphs about ``subjects`` that the shapes read (a country's
        ``pg:mentionedIn`` lines, thousands, are not: ``build._descriptions``)."""
        read = sorted(f"<{p}>".encode() for p in read_predicates())
        found = []
        for subject in sorted(subjects):
            for predicate in read:
                prefix = f"<{subject}> ".encode() + predicate + b" "
                query = "SELECT line FROM triple WHERE line >= ? AND line < ?"
                found += [line for (line,) in self.state.rows(query, (prefix, prefix + b"\xff"))]
        return found

    def _lines_of(self, others: list[bytes]) -> Callable[[bytes], list[bytes]]:
        """``lines_of(prefix)``: the union's lines starting with ``prefix`` (``build.union_data``)."""

        def lines_of(prefix: bytes) -> list[bytes]:
            query = "SELECT line FROM triple WHERE line >= ? AND line < ?"
            found = [line for (line,) in self.state.rows(query, (prefix, prefix + b"\xff"))]
            start = bisect.bisect_left(others, prefix)
            found += others[start : bisect.bisect_left(others, prefix + b"\xff", start)]
            return sorted(set(found))

        return lines_of

    def _others(self) -> list[bytes]:
        return other_lines(self.state)

    # -- the report

    def report(self) -> ValidationReport:
        """The SHACL results of every graph, and of the nodes only the union breaks (two graphs
        giving one value of a ``sh:maxCount`` property two values): ``Assembly.report``."""
        others = self._others()
        self._update_clashes(others)
        self._update_checks(others)
        results: list[ValidationResult] = []
        for (packed,) in self.state.rows("SELECT results FROM graph WHERE results IS NOT NULL ORDER BY iri, ord"):
            results += unpack(packed)
        for (packed,) in self.state.rows("SELECT results FROM checked ORDER BY subject"):
            results += unpack(packed)
        sources: dict[ValidationResult, set[str]] = {}
        for result in results:
            sources.setdefault(dataclasses.replace(result, sources=()), set()).update(result.sources)
        merged = [dataclasses.replace(r, sources=tuple(sorted(s))) for r, s in sources.items()]
        return ValidationReport(graph="the built graph", results=tuple(sorted(merged, key=result_order)))

    def _update_checks(self, others: list[bytes]) -> None:
        """Keep the results of each node only the union breaks (``checked``), validating again
        only the nodes whose lines changed, or the lines the shapes read of the nodes they point
        to (``checked_node``): what a rebuild validates is what it changed."""
        state = self.state
        clashing = {s for (s,) in state.rows("SELECT DISTINCT subject FROM clash")}
        checked = {s for (s,) in state.rows("SELECT subject FROM checked")}
        for gone in sorted(checked - clashing):
            state.db.execute("DELETE FROM checked WHERE subject = ?", (gone,))
            state.db.execute("DELETE FROM checked_node WHERE subject = ?", (gone,))
        stale = clashing - checked
        if self.changed is None:
            stale = clashing
        elif self.changed:
            read = {f"<{p}>".encode() for p in read_predicates()}
            split = [line.split(b" ", 2) for line in self.changed]
            stale |= clashing & {subject for subject, _, _ in split}
            table = state.keyed("read_changed", {subject for subject, predicate, _ in split if predicate in read})
            query = f"SELECT DISTINCT n.subject FROM checked_node n JOIN {table} t ON n.node = t.k0"
            stale |= {s for (s,) in state.rows(query)}
        lines_of = self._lines_of(others)
        for subject in sorted(stale & clashing):
            data, nodes = union_data(subject, lines_of)
            found = union_check(subject, data, self.cache)
            state.db.execute("INSERT OR REPLACE INTO checked VALUES (?, ?)", (subject, pack(found)))
            state.db.execute("DELETE FROM checked_node WHERE subject = ?", (subject,))
            state.many("INSERT INTO checked_node VALUES (?, ?)", ((node, subject) for node in nodes))

    def _update_clashes(self, others: list[bytes]) -> None:
        """Keep the (subject, bounded property) pairs with more than one value in the union."""
        bounded = {f"<{p}>".encode() for p in bounded_properties()}
        if self.changed is None:  # every line may have changed: one pass over the sorted union
            self.state.db.execute("DELETE FROM clash")
            last, values = b"", 0
            for line in union_lines(self.state, others):
                subject, predicate, _ = line.split(b" ", 2)
                pair = subject + b" " + predicate
                values = values + 1 if pair == last else 1
                last = pair
                if values == 2 and predicate in bounded:
                    self.state.db.execute("INSERT INTO clash VALUES (?, ?)", (subject, predicate))
            return
        pairs = set()
        for line in sorted(self.changed | set(others)):
            subject, predicate, _ = line.split(b" ", 2)
            if predicate in bounded:
                pairs.add((subject, predicate))
        for subject, predicate in sorted(pairs):
            prefix = subject + b" " + predicate + b" "
            values = {
                line
                for (line,) in self.state.rows(
                    "SELECT line FROM triple WHERE line >= ? AND line < ? LIMIT 2", (prefix, prefix + b"\xff")
                )
            }
            values |= {line for line in others if line.startswith(prefix)}
            if len(values) > 1:
                self.state.db.execute("INSERT OR IGNORE INTO clash VALUES (?, ?)", (subject, predicate))
            else:
                self.state.db.execute("DELETE FROM clash WHERE subject = ? AND predicate = ?", (subject, predicate))

    # -- 4. the outputs

    @staticmethod
    def files(out: Path) -> list[Path]:
        """``out`` and the TriG beside it (or ``out`` alone, a TriG)."""
        dataset = out if Format.from_path(out) is Format.TRIG else out.with_suffix(".trig")
        return [out] if dataset == out else [out, dataset]

    def write(self, out: Path, store: Path | None) -> list[Path]:
        state = self.state
        header = trig_header()
        others = self._others()
        outputs = self.files(out)
        dataset = outputs[-1]
        written = state.db.execute(f"SELECT count(*) FROM {self.graphs}").fetchone()[0]
        if not written and self._current(out, dataset, store):
            return outputs + ([store] if store is not None else [])  # no graph changed: nothing to write
        with ThreadPoolExecutor(2) as syncs:  # each file synced while the next is written
            mirrored = None  # ``out``, written first: an error names the file asked for
            if dataset != out:
                mirrored = write_union(state, out, others=others, changed=self.changed, syncs=syncs)
            dataset_done = write_dataset(state, dataset, header=header, changed=self.graphs, syncs=syncs)
            (mirrored or dataset_done)()  # ``out`` in place: the store is stamped with it
            if store is not None:
                self._write_store(store, out, header=header, others=others, written=written)
                outputs.append(store)
            dataset_done()
        return outputs

    def write_on_demand(self, out: Path, store: Path) -> list[Path]:
        """``--files on-demand``: the store brought up to date (unless it is already); ``out`` and
        the TriG not written, but what changed since they were noted and the files set aside
        (``layout.defer_dataset``, ``defer_union``): a build that writes them splices it all in.
        A file at their paths is never stale."""
        state = self.state
        files = self.files(out)
        defer_dataset(state, files[-1], changed=self.graphs)
        if len(files) > 1:
            defer_union(state, out, changed=self.changed)
        written = state.db.execute(f"SELECT count(*) FROM {self.graphs}").fetchone()[0]
        current = store_generation(store) == state.get("store:generation") and store_mirrors(store, out)
        if written or not current:
            header = trig_header()
            on_demand = not out.exists()  # else the files are current: the store stands for them as they are
            self._write_store(store, out, header=header, others=self._others(), written=written, on_demand=on_demand)
        for path in files:  # a command that reads one has it written (``pactgraph.on_demand``)
            if not path.exists():
                leave_on_demand(state, "trig" if path == files[-1] else "ttl", path, store=store)
        return [store]

    def _write_store(
        self, store: Path, out: Path, *, header: bytes, others: list[bytes], written: int, on_demand: bool = False
    ) -> None:
        state = self.state
        generation = secrets.token_hex(8)
        graphs = state.db.execute("SELECT count(*) FROM graph").fetchone()[0]
        since = state.get("store:generation")
        changed: dict[str, bytes | None] = {}
        if written > graphs // 5:
            since = None  # loaded afresh: the changed blocks are not read
        for (name,) in state.rows(f"SELECT k0 FROM {self.graphs} ORDER BY k0") if since is not None else ():
            query = "SELECT trig FROM graph WHERE iri = ? ORDER BY ord"
            blocks = [zlib.decompress(b) for (b,) in state.rows(query, (name,))]
            changed[name] = b"".join(blocks) if blocks else None
        update_store(
            store,
            header=header,
            changed=changed,
            graphs=graphs,
            since=since,
            generation=generation,
            mirrors=out,
            dataset=dataset_documents(state, header),
            union=union_lines(state, others),
            on_demand=on_demand,
        )
        state.set("store:generation", generation)

    def _current(self, out: Path, dataset: Path, store: Path | None) -> bool:
        """Whether the outputs are those this state last wrote, untouched since."""
        files = is_current(self.state, "trig", dataset) and (dataset == out or is_current(self.state, "ttl", out))
        if store is None or not files:
            return files
        return store_generation(store) == self.state.get("store:generation") and store_mirrors(store, out)

    def summary(
        self, articles: int, outputs: list[Path], warnings: list[str], report: ValidationReport | None
    ) -> BuildSummary:
        state = self.state
        below, skipped = state.db.execute("SELECT sum(below), sum(error IS NOT NULL) FROM article").fetchone()
        found = list(warnings)
        for (each,) in state.rows("SELECT warnings FROM article WHERE warnings != '[]' ORDER BY ord"):
            found += json.loads(each)
        for (error,) in state.rows("SELECT error FROM article WHERE error IS NOT NULL ORDER BY ord"):
            found.append(f"{error}; the article was left out (--strict stops instead)")
        union = int(state.get("union", 0))
        union += sum(1 for line in self._others() if self._first(line) != line)
        return BuildSummary(
            articles=articles,
            skipped=skipped or 0,
            extracted=self.extracted,
            triples=union,
            outputs=outputs,
            below_confidence=below or 0,
            linked=self.linked,
            warnings=found,
            validation=report,
        )


def _above(facts: ArticleFacts, minimum: float) -> tuple[ArticleFacts, int]:
    """The facts at or above the minimum confidence, and how many were left out."""
    below = sum(1 for fact in facts_of(facts) if fact.confidence < minimum)
    return _kept(facts, lambda fact: fact.confidence >= minimum), below


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _rowid_pages(state: BuildState, table: str, size: int) -> Iterator[list[tuple]]:
    """The rows of the temporary ``table`` in the order of their rowids, ``size`` at a time (each
    page read whole, so the build may write meanwhile)."""
    last = 0
    while page := state.db.execute(
        f"SELECT rowid, * FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT {size}", (last,)
    ).fetchall():
        last = page[-1][0]
        yield [row[1:] for row in page]
