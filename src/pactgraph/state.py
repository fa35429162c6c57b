"""The build state: the merged corpus kept on disk in SQLite, so a build reads and rewrites only
what changed instead of holding the whole corpus in memory.

One database file (``state.sqlite`` in the build cache folder) holds:

- the manifest: each article's path, size, modification time, content hash, graph IRI, triple
  count and its extracted facts (compressed);
- the entity index: every mention of an entity (which article, under which name), how many
  mentions give each entity each name, type and set of other names, each entity's merged
  description and the words by which lone surnames are matched;
- the fact index: what each article reports of each fact IRI, and what the reports say together;
- the written graphs (TriG block and sorted triple lines, compressed; SHACL results), the union of their triples
  with a count of the graphs holding each, how many bytes each graph IRI's blocks take in the last
  ``kg.trig`` and where each stretch of the union lies in the last ``kg.ttl`` (so those are
  rewritten by splicing); what changed since those files were last written, when a build with
  ``--files on-demand`` left them to the next build that writes them; the SHACL
  results of each node only the union of the graphs breaks, and the nodes it points to.

SQLite (standard library, no server, no new dependency) rather than DuckDB: a build makes many
small keyed reads and updates inside one transaction, which a row store with B-tree indexes does
well and a column store does not; a build killed midway rolls back to the previous state.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import StateInUseError, UsageError

__all__ = ["STATE_FILE", "BuildState", "pack", "unpack"]

#: The state database inside the build cache folder.
STATE_FILE = "state.sqlite"
#: ``PRAGMA application_id`` of a pactgraph state ("PGST"): another program's database is refused.
_APPLICATION_ID = 0x50475354
#: Bumped whenever the tables change: a state of another version is started afresh (it is a cache).
_SCHEMA_VERSION = 9
#: Seconds a build (or a command writing a graph file left on demand) waits for another process
#: using the state to finish before it gives up.
WAIT_FOR_STATE = 60.0
#: Tables added since an earlier version, which a state of that version is given in place (what
#: it holds is still right): version → the statements that bring it to the next.
_PENDING = "CREATE TABLE pending(kind TEXT, key BLOB, PRIMARY KEY(kind, key)) WITHOUT ROWID;"
_UPGRADES = {8: _PENDING}

_SCHEMA = (
    """
CREATE TABLE meta(name TEXT PRIMARY KEY, value);
CREATE TABLE article(
    path TEXT PRIMARY KEY, ord INTEGER NOT NULL, size INTEGER, mtime_ns INTEGER, sha256 TEXT,
    graph TEXT, error TEXT, triples INTEGER NOT NULL DEFAULT 0, below INTEGER NOT NULL DEFAULT 0,
    warnings TEXT);
CREATE INDEX article_warned ON article(ord) WHERE warnings != '[]';
CREATE INDEX article_failed ON article(ord) WHERE error IS NOT NULL;
CREATE TABLE record(path TEXT PRIMARY KEY, value BLOB);
CREATE TABLE mention(
    folder TEXT, slug TEXT, path TEXT, ord INTEGER, seq INTEGER, name TEXT, type TEXT, aliases TEXT, code TEXT,
    home TEXT);
CREATE INDEX mention_path ON mention(path);
CREATE INDEX mention_code ON mention(folder, slug, ord, seq) WHERE code IS NOT NULL;
CREATE INDEX mention_home ON mention(folder, slug, ord, seq) WHERE home IS NOT NULL;
CREATE TABLE tally(folder TEXT, slug TEXT, what TEXT, value TEXT, n INTEGER, PRIMARY KEY(folder, slug, what, value))
    WITHOUT ROWID;
CREATE TABLE entity(
    folder TEXT, slug TEXT, digest TEXT, lone TEXT, first TEXT, last TEXT, home TEXT, base BLOB,
    value BLOB, PRIMARY KEY(folder, slug)) WITHOUT ROWID;
CREATE INDEX entity_lone ON entity(lone) WHERE lone IS NOT NULL;
CREATE INDEX entity_first ON entity(first) WHERE first IS NOT NULL;
CREATE INDEX entity_last ON entity(last) WHERE last IS NOT NULL;
CREATE INDEX entity_home ON entity(home) WHERE home IS NOT NULL;
CREATE TABLE uses(path TEXT, folder TEXT, slug TEXT);
CREATE INDEX uses_key ON uses(folder, slug);
CREATE INDEX uses_path ON uses(path);
CREATE TABLE fact(iri TEXT, path TEXT, seq INTEGER, value BLOB);
CREATE INDEX fact_iri ON fact(iri);
CREATE INDEX fact_path ON fact(path);
CREATE TABLE merged(iri TEXT PRIMARY KEY, digest TEXT, value BLOB);
CREATE TABLE graph(
    key TEXT PRIMARY KEY, iri TEXT NOT NULL, ord INTEGER NOT NULL, digest TEXT, results BLOB, trig BLOB,
    lines BLOB);
CREATE INDEX graph_order ON graph(iri, ord);
CREATE INDEX graph_results ON graph(iri, ord) WHERE results IS NOT NULL;
CREATE TABLE triple(line BLOB PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE span(iri TEXT PRIMARY KEY, len INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE segment(start BLOB PRIMARY KEY, off INTEGER, len INTEGER) WITHOUT ROWID;
CREATE TABLE clash(subject BLOB, predicate BLOB, PRIMARY KEY(subject, predicate)) WITHOUT ROWID;
CREATE TABLE checked(subject BLOB PRIMARY KEY, results BLOB) WITHOUT ROWID;
CREATE TABLE checked_node(node BLOB, subject BLOB, PRIMARY KEY(node, subject)) WITHOUT ROWID;
"""
    + _PENDING
)

#: Small columns come before the large ones in every table: SQLite reads a row's columns in order,
#: so an index scan for offsets or counts does not page through the serialized graphs. An
#: article's facts (a few kilobytes) are a table of their own: in the manifest's rows they took
#: a page each, and every rebuild reads the whole manifest (1.1 s at 30,000 articles; 0.24 s now).


def pack(value: Any) -> bytes:
    """A value as a compressed pickle (what the state keeps of facts and descriptions)."""
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(data: bytes) -> Any:
    return pickle.loads(zlib.decompress(data))


class BuildState:
    """The state database of one build cache folder, open for one build.

    Every change of a build is made in one transaction, committed by ``commit`` once the outputs
    are in place: a build killed before leaves the previous state (SQLite rolls back). A file that
    is not a pactgraph state raises ``UsageError`` naming it, unless ``fresh`` (``--force``),
    which starts a new one in its place; a state that is one is emptied by ``fresh`` in the
    build's transaction, so that a ``--force`` build stopped midway leaves it as it was. With
    ``existing`` the state must be there, of this version, and is never started afresh
    (``UsageError`` otherwise): what a command that is not a build opens. One process at a time
    has it open: another waits for it up to ``wait`` seconds (``WAIT_FOR_STATE``), then raises
    ``StateInUseError``.
    """

    def __init__(self, path: Path, *, fresh: bool = False, existing: bool = False, wait: float | None = None) -> None:
        wait = WAIT_FOR_STATE if wait is None else wait
        self.path = Path(path)
        self.existing = existing
        if existing and not self.path.is_file():
            raise UsageError(f"{self.path}: no build state")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open(wait)
        except StateInUseError:
            raise
        except UsageError:
            if not fresh:
                raise
            for leftover in (self.path, self.path.with_name(self.path.name + "-journal")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()  # not a state (nothing of it can be kept): started afresh in its place
            self._open(wait)
        if fresh:
            self.reset(everything=True)  # in this build's transaction: a build stopped midway leaves the state

    def _open(self, wait: float) -> None:
        """Connect, check (or make) the tables, and begin this build's transaction."""
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=wait)
            self._check()
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as err:
            with contextlib.suppress(Exception):
                self.db.close()
            if getattr(err, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                raise StateInUseError(
                    f"{self.path}: in use by another pactgraph process (a build, or a command writing a graph"
                    f" file a build left on demand) for over {wait:g} s; run this again when it is done"
                ) from None
            raise UsageError(
                f"{self.path}: not a pactgraph build state ({err}); delete it, or build with --force to start afresh"
            ) from None

    def _check(self) -> None:
        db = self.db
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA cache_size=-65536")  # 64 MB of pages
        db.execute("PRAGMA temp_store=FILE")
        application = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application not in (0, _APPLICATION_ID) or (application == 0 and tables):
            raise sqlite3.DatabaseError("another program's database")
        if application == _APPLICATION_ID and version == _SCHEMA_VERSION:
            return
        if self.existing:
            raise sqlite3.DatabaseError(f"a state of another version ({version}), or not one")
        db.execute("BEGIN IMMEDIATE")
        if application == _APPLICATION_ID and all(v in _UPGRADES for v in range(version, _SCHEMA_VERSION)):
            for step in range(version, _SCHEMA_VERSION):
                db.execute(_UPGRADES[step])
            db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            db.execute("COMMIT")
            return
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            db.execute(f'DROP TABLE "{name}"')  # a state of another version: started afresh
        db.executescript(_SCHEMA)  # commits
        db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")

    # -- the transaction

    def commit(self) -> None:
        """Make this build's changes the state, then start the next transaction."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN IMMEDIATE")

    def close(self) -> None:
        """Close the database; what was not committed is rolled back."""
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("ROLLBACK")
        self.db.close()

    def __enter__(self) -> BuildState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reset(self, *, everything: bool = False) -> None:
        """Forget every article, entity, fact and graph (a new extractor, new settings); with
        ``everything`` (``--force``) also what the state noted of the last outputs, as a new
        state would. Done in the build's transaction, so a build stopped midway keeps them all."""
        for table in (
            "article",
            "record",
            "mention",
            "tally",
            "entity",
            "uses",
            "fact",
            "merged",
            "graph",
            "span",
            "triple",
            "segment",
            "clash",
            "checked",
            "checked_node",
            "pending",
        ):
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute("DELETE FROM meta" if everything else "DELETE FROM meta WHERE name NOT LIKE 'output:%'")

    # -- small helpers

    def get(self, name: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return default if row is None else row[0]

    def set(self, name: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple]:
        return self.db.execute(sql, tuple(params))

    def many(self, sql: str, rows: Iterable[Iterable[Any]]) -> int:
        """Run ``sql`` for every row; how many rows it changed."""
        return self.db.executemany(sql, rows).rowcount

    def mark(self, name: str, keys: Iterable[Any], *, columns: int = 1) -> str:
        """Add ``keys`` to the temporary table ``name`` (made when missing): what a build has
        touched, kept on disk rather than in sets that would grow with the corpus."""
        cols = ", ".join(f"k{i}" for i in range(columns))
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}({cols}, PRIMARY KEY({cols})) WITHOUT ROWID")
        marks = ", ".join("?" * columns)
        self.db.executemany(
            f"INSERT OR IGNORE INTO temp.{name} VALUES ({marks})", (k if columns > 1 else (k,) for k in keys)
        )
        return f"temp.{name}"

    def pages(self, table: str, *, columns: int = 1, size: int = 2048) -> Iterator[list[tuple]]:
        """The keys of the temporary table ``table`` in order, ``size`` at a time (read a page
        at a time, so the build may write meanwhile and never holds them all)."""
        cols = ", ".join(f"k{i}" for i in range(columns))
        query = f"SELECT {cols} FROM {table} WHERE ({cols}) > ({', '.join('?' * columns)}) ORDER BY {cols} LIMIT {size}"
        page = self.db.execute(f"SELECT {cols} FROM {table} ORDER BY {cols} LIMIT {size}").fetchall()
        while page:
            yield page
            page = self.db.execute(query, page[-1]).fetchall()

    def listing(self, found: Iterable[tuple[str, str, int | None, int | None]] = ()) -> str:
        """The temporary table ``listing`` of the article files ``found`` (name without suffix,
        path, size, modification time; ``listing.iter_articles``), inserted as they come: on
        disk, instead of in a list of every file (more may be inserted, in the order found)."""
        self.db.execute("DROP TABLE IF EXISTS temp.listing")
        self.db.execute("CREATE TEMP TABLE listing(stem TEXT, path TEXT, size INTEGER, mtime INTEGER)")
        self.db.executemany("INSERT INTO temp.listing VALUES (?, ?, ?, ?)", found)
        return "temp.listing"

    def listing_from_manifest(self, found: Iterable[tuple[str, str, int | None, int | None]], *, leaving: str) -> str:
        """The temporary table ``listing`` (``listing``'s) made from the manifest, as the last build
        found the articles, but for the paths in the temporary table ``leaving``, and with the
        files ``found``: the corpus's listing when a caller says what changed (``build
        --changed``), made by SQLite without a row per article in Python."""
        self.db.create_function("pg_stem", 1, _stem, deterministic=True)
        self.listing()
        self.db.execute(
            "INSERT INTO temp.listing SELECT pg_stem(path), path, size, mtime_ns FROM article"
            f" WHERE path NOT IN (SELECT k0 FROM {leaving}) ORDER BY path"
        )
        self.db.executemany("INSERT INTO temp.listing VALUES (?, ?, ?, ?)", found)
        return "temp.listing"

    def placed(self, listing: str) -> str:
        """The temporary table ``placed`` of the paths of ``listing`` with their place in the
        corpus's order (by name, then path), ``ord``: sorted by SQLite."""
        self.db.execute("DROP TABLE IF EXISTS temp.placed")
        self.db.execute("CREATE TEMP TABLE placed(path TEXT PRIMARY KEY, ord INTEGER NOT NULL) WITHOUT ROWID")
        self.db.execute(
            "INSERT INTO temp.placed SELECT path, row_number() OVER (ORDER BY stem, path) - 1"
            f" FROM {listing} ORDER BY path"
        )
        return "temp.placed"

    def keyed(self, name: str, keys: Iterable[Any], *, columns: int = 1) -> str:
        """A temporary table ``name`` of ``keys`` (to join on: a change may touch thousands)."""
        self.db.execute(f"DROP TABLE IF EXISTS temp.{name}")
        return self.mark(name, keys, columns=columns)


def _stem(path: str) -> str:
    """An article's name without its folder and suffix (``listing.article_stem`` of its name):
    the first key of the corpus's order."""
    name = path[path.rfind(os.sep) + 1 :]
    return name[: name.rfind(".")]
