"""``kg.trig`` and ``kg.ttl`` written from the build state by streaming, and rewritten after a
change by splicing: what did not change is copied from the previous file by byte range.

The TriG is the graphs' blocks in the order of their IRIs; the state keeps how many bytes each
IRI's blocks take in the last file (``span``), so a change writes the changed graphs' blocks and
copies each run of unchanged ones between them whole, wherever the runs moved. The Turtle is the
union of every graph's triples, sorted, grouped by subject; it is kept as stretches of about
``STRETCH`` triple lines that start at a subject, and a change re-serializes only the stretches
holding changed lines. Serializing sorted lines stretch by stretch gives the bytes of serializing
them all at once (tested), so both files are byte for byte those of a build in memory. Neither
is ever held whole in memory.

A build with ``--files on-demand`` writes neither: it notes what changed since they were last
written (``pending``: the graph IRIs, the stretches' first lines) and sets the last files aside
(``.kg.trig.base``, a rename), so that a file at the output path is never stale; the next build
that writes them splices from the files set aside, with everything noted since. Beside a file
left so, a note (``.kg.trig.on-demand``) names the build state that can write it, and the state
notes where it was left (``on-demand:trig``): a command that reads the file has it written then
(``write_left``, through ``pactgraph.on_demand``), as the next build would.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import heapq
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from .errors import ExportError
from .state import BuildState
from .store import (
    PREFIXES,
    Format,
    create_beside,
    serialize,
    serialize_lines,
    split_prefixes,
    trig_header,
    write_atomic,
)

__all__ = [
    "STRETCH",
    "dataset_documents",
    "defer_dataset",
    "defer_union",
    "is_current",
    "leave_on_demand",
    "on_demand_note",
    "other_lines",
    "union_lines",
    "write_dataset",
    "write_left",
    "write_union",
]

#: Triple lines per stretch of the Turtle file re-serialized after a change.
STRETCH = 4096
_COPY = 1 << 20
#: Bytes of graph blocks per TriG document ``dataset_documents`` gives.
_DOCUMENT = 8 << 20


class _Out:
    """A file written through its descriptor: small writes buffered, byte ranges of another file
    copied by the kernel."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = bytearray()
        self.position = 0

    def write(self, data: bytes) -> None:
        self.buffer += data
        self.position += len(data)
        if len(self.buffer) >= _COPY:
            self.flush()

    def flush(self) -> None:
        with memoryview(self.buffer) as data:
            done = 0
            while done < len(data):
                done += os.write(self.fd, data[done:])
        self.buffer.clear()

    def copy(self, source: int, offset: int, length: int) -> None:
        self.flush()
        self.position += length
        while length:
            try:
                done = os.copy_file_range(source, self.fd, length, offset)
            except (AttributeError, OSError):
                data = os.pread(source, min(length, _COPY), offset)
                done = os.write(self.fd, data) if data else 0
            if done <= 0:
                raise OSError(f"the previous file ended {length} bytes early")
            offset += done
            length -= done


class _Replacement:
    """A new ``path`` written beside it (``out``), then synced and renamed over it (``finish``),
    and only then the previous file closed (freeing its blocks takes a while at 100,000
    articles). ``finish`` may run in another thread: the kernel syncs one output while the build
    writes the next."""

    def __init__(self, path: Path, previous: int | None) -> None:
        self.path, self.previous = path, previous
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for leftover in path.parent.glob(f".{path.name}.*.tmp"):  # of a build killed while writing
                with contextlib.suppress(OSError):
                    leftover.unlink()
            fd, self.tmp = create_beside(path)
        except OSError as err:
            self._close_previous()
            raise ExportError(f"{path}: cannot write: {err.strerror or err}") from None
        self.out = _Out(fd)

    def finish(self) -> None:
        try:
            self.out.flush()
            os.fsync(self.out.fd)
            os.close(self.out.fd)
            self.out.fd = -1
            os.replace(self.tmp, self.path)
            for superseded in (_base(self.path), on_demand_note(self.path)):  # ``--files on-demand``'s
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(superseded)
        except OSError as err:
            raise ExportError(f"{self.path}: cannot write: {err.strerror or err}") from None
        finally:
            self.discard()

    def discard(self) -> None:
        """Leave ``path`` as it was (what ``finish`` does last, when it has not renamed)."""
        if self.out.fd >= 0:
            os.close(self.out.fd)
            self.out.fd = -1
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)
        self._close_previous()

    def _close_previous(self) -> None:
        if self.previous is not None:
            os.close(self.previous)
            self.previous = None


def is_current(state: BuildState, kind: str, path: Path) -> bool:
    """Whether ``path`` is the file the state last wrote as its ``kind`` (``trig``, ``ttl``),
    untouched since (same size and modification time)."""
    with contextlib.suppress(OSError, ValueError, TypeError):
        recorded = json.loads(state.get(f"output:{kind}") or "null")
        stat = path.stat()
        return recorded == [str(path.resolve()), stat.st_size, stat.st_mtime_ns]
    return False


def _base(path: Path) -> Path:
    """Where a build with ``--files on-demand`` sets ``path`` aside, to splice it later."""
    return path.with_name(f".{path.name}.base")


def on_demand_note(path: Path) -> Path:
    """Where a build that left ``path`` on demand says which build state writes it."""
    return path.with_name(f".{path.name}.on-demand")


def leave_on_demand(state: BuildState, kind: str, path: Path, *, store: Path) -> None:
    """``--files on-demand``, ``path`` (the ``kind`` file: trig, ttl) not there: note beside it
    which build state writes it and which store stands for it meanwhile, and in the state where
    it was left (the note of another path, or of a build since that wrote it, is not taken)."""
    state.set(f"on-demand:{kind}", str(path.resolve()))
    note = {"state": str(state.path.resolve()), "kind": kind, "store": str(Path(store).resolve())}
    try:
        write_atomic(on_demand_note(path), (json.dumps(note, indent=0) + "\n").encode("utf-8"))
    except OSError as err:
        raise ExportError(f"{path}: cannot note it is left on demand: {err.strerror or err}") from None


def write_left(state: BuildState, kind: str, path: Path) -> None:
    """Write ``path``, the ``kind`` file (trig, ttl) the last build on ``state`` left on demand
    there, as a build with ``--files always`` on that state writes it (the same calls, with
    nothing changed since: what changed while the file was on demand is in ``pending``)."""
    with ThreadPoolExecutor(1) as syncs:
        if kind == "trig":
            done = write_dataset(state, path, header=trig_header(), changed=state.keyed("graphs", ()), syncs=syncs)
        else:
            done = write_union(state, path, others=other_lines(state), changed=set(), syncs=syncs)
        done()


def other_lines(state: BuildState) -> list[bytes]:
    """The sorted triple lines of the graphs that are not articles' (the links graphs)."""
    lines: set[bytes] = set()
    for (block,) in state.rows("SELECT lines FROM graph WHERE key >= 'other:' AND key < 'other;'"):
        lines.update(zlib.decompress(block).splitlines())
    lines.discard(b"")
    return sorted(lines)


def _previous(state: BuildState, kind: str, path: Path) -> int | None:
    """A descriptor of the file the state says it last wrote as ``path``, at ``path`` or set
    aside, or None if there is none."""
    with contextlib.suppress(OSError):
        if is_current(state, kind, path):
            return os.open(path, os.O_RDONLY)
        if _is_recorded(state, kind, path, _base(path)):
            return os.open(_base(path), os.O_RDONLY)
    return None


def _is_recorded(state: BuildState, kind: str, path: Path, file: Path) -> bool:
    """Whether ``file`` is what the state last wrote as ``path`` (same size and modification
    time: a rename keeps them)."""
    with contextlib.suppress(OSError, ValueError, TypeError):
        recorded = json.loads(state.get(f"output:{kind}") or "null")
        stat = file.stat()
        return recorded == [str(path.resolve()), stat.st_size, stat.st_mtime_ns]
    return False


def _set_aside(state: BuildState, kind: str, path: Path) -> None:
    """``--files on-demand`` with changes noted: the file the state last wrote as ``path`` moved to
    its base (kept to splice from); any other file at ``path`` is stale and removed, and so are
    the notes when there is no base to splice them into (the next write is whole), and the record
    of the file the state last wrote (elsewhere: another ``--out``), whose base would otherwise be
    spliced from later without the notes dropped here."""
    base = _base(path)
    try:
        if is_current(state, kind, path):
            os.replace(path, base)
            return
        if not _is_recorded(state, kind, path, base):
            state.db.execute("DELETE FROM pending WHERE kind = ?", (kind,))
            state.db.execute("DELETE FROM meta WHERE name = ?", (f"output:{kind}",))
            with contextlib.suppress(FileNotFoundError):
                base.unlink()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    except OSError as err:
        raise ExportError(f"{path}: cannot set it aside: {err.strerror or err}") from None


def _noted(state: BuildState, kind: str) -> bool:
    return state.db.execute("SELECT 1 FROM pending WHERE kind = ? LIMIT 1", (kind,)).fetchone() is not None


def defer_dataset(state: BuildState, path: Path, *, changed: str) -> None:
    """``--files on-demand``: note the graphs of the temporary table ``changed`` as changed since
    ``path`` was last written, and set it aside if anything is (``_set_aside``)."""
    state.db.execute(f"INSERT OR IGNORE INTO pending SELECT 'trig', k0 FROM {changed}")
    if _noted(state, "trig"):
        _set_aside(state, "trig", path)


def defer_union(state: BuildState, path: Path, *, changed: Iterable[bytes] | None) -> None:
    """``--files on-demand``: note the stretches of the last Turtle holding ``changed`` lines (None:
    all) as changed since ``path`` was last written, and set it aside if any is."""
    starts = [start for (start,) in state.rows("SELECT start FROM segment ORDER BY start")]
    if starts and starts[0] != b"":
        starts.insert(0, b"")
    if changed is None:
        dirty = set(starts)
    else:
        dirty = {starts[bisect.bisect_right(starts, line) - 1] for line in changed} if starts else set()
    state.many("INSERT OR IGNORE INTO pending VALUES ('ttl', ?)", ((start,) for start in sorted(dirty)))
    if _noted(state, "ttl"):
        _set_aside(state, "ttl", path)


def _record(state: BuildState, kind: str, path: Path) -> None:
    stat = path.stat()
    state.set(f"output:{kind}", json.dumps([str(path.resolve()), stat.st_size, stat.st_mtime_ns]))
    state.db.execute("DELETE FROM meta WHERE name = ?", (f"on-demand:{kind}",))  # written: on demand no more


def write_dataset(state: BuildState, path: Path, *, header: bytes, changed: str, syncs: Executor) -> Callable[[], None]:
    """Write every graph of the state as TriG to ``path``: the graphs named in the temporary table
    ``changed`` (written afresh or removed) from the state, the runs of unchanged graphs between
    them copied from the previous file by byte range (``_splice_plan``). The file is synced and
    renamed into place in ``syncs``; the function returned waits for that and records it."""
    previous = _previous(state, "trig", path)
    replacement = _Replacement(path, previous)
    try:
        plan = _splice_plan(state, previous, header, changed) if previous is not None else None
        if plan is None:
            _write_all(state, replacement.out, header)
        else:
            _splice(state, replacement.out, previous, plan)
    except BaseException:
        replacement.discard()
        raise
    state.db.execute("DELETE FROM pending WHERE kind = 'trig'")
    return _finishing(state, "trig", replacement, syncs)


def _finishing(state: BuildState, kind: str, replacement: _Replacement, syncs: Executor) -> Callable[[], None]:
    finished = syncs.submit(replacement.finish)

    def done() -> None:
        finished.result()
        _record(state, kind, replacement.path)

    return done


def _write_all(state: BuildState, out: _Out, header: bytes) -> None:
    """Every graph's blocks from the state, in the order of their IRIs; the ``span`` table
    written afresh."""
    state.db.execute("DELETE FROM span")
    out.write(header)
    spans: list[tuple[str, int]] = []
    for iri, packed in state.rows("SELECT iri, trig FROM graph ORDER BY iri, ord"):
        block = zlib.decompress(packed)
        out.write(block)
        if spans and spans[-1][0] == iri:
            spans[-1] = (iri, spans[-1][1] + len(block))
        else:
            spans.append((iri, len(block)))
    state.many("INSERT INTO span VALUES (?, ?)", spans)


def _splice_plan(state: BuildState, previous: int, header: bytes, changed: str) -> list[tuple[str, int, int]] | None:
    """Where the changed graphs lay in the previous file: (IRI, offset, length) in the order of
    the IRIs (length 0: a graph new here, its offset where it goes), then ("", end of the file,
    0). An offset is the sum of the ``span`` lengths before its IRI, summed by SQLite a range at a
    time between changed IRIs (no Python per unchanged graph). None when the previous file is not
    the one the spans describe (another header or size: a state started afresh). The changed
    graphs are those of the temporary table ``changed`` and those noted by builds that left the
    file to later (``pending``)."""
    if os.pread(previous, len(header), 0) != header:
        return None
    between = "SELECT total(len) FROM span WHERE iri > ? AND iri < ?"
    plan: list[tuple[str, int, int]] = []
    offset, low = len(header), ""
    query = f"SELECT k0 FROM {changed} UNION SELECT key FROM pending WHERE kind = 'trig' ORDER BY 1"
    for (iri,) in state.rows(query).fetchall():
        offset += int(state.db.execute(between, (low, iri)).fetchone()[0])
        row = state.db.execute("SELECT len FROM span WHERE iri = ?", (iri,)).fetchone()
        plan.append((iri, offset, row[0] if row else 0))
        offset, low = offset + plan[-1][2], iri
    offset += int(state.db.execute("SELECT total(len) FROM span WHERE iri > ?", (low,)).fetchone()[0])
    if offset != os.fstat(previous).st_size:
        return None
    return [*plan, ("", offset, 0)]


def _splice(state: BuildState, out: _Out, previous: int, plan: list[tuple[str, int, int]]) -> None:
    """The previous file with the changed graphs' blocks replaced, as ``plan`` places them."""
    done = 0  # how far the previous file is copied or replaced
    for iri, offset, length in plan:
        out.copy(previous, done, offset - done)
        done = offset + length
        if not iri:
            break
        written = 0
        for (packed,) in state.rows("SELECT trig FROM graph WHERE iri = ? ORDER BY ord", (iri,)).fetchall():
            block = zlib.decompress(packed)
            out.write(block)
            written += len(block)
        if written:
            state.db.execute("INSERT OR REPLACE INTO span VALUES (?, ?)", (iri, written))
        else:
            state.db.execute("DELETE FROM span WHERE iri = ?", (iri,))


def dataset_documents(state: BuildState, header: bytes) -> Iterator[bytes]:
    """The graphs of the state as TriG documents of a few megabytes each (``header`` and whole
    blocks, in the order of the TriG file): what a bulk loader takes a piece at a time."""
    blocks: list[bytes] = []
    size = 0
    for (packed,) in state.rows("SELECT trig FROM graph ORDER BY iri, ord"):
        blocks.append(zlib.decompress(packed))
        size += len(blocks[-1])
        if size >= _DOCUMENT:
            yield header + b"".join(blocks)
            blocks, size = [], 0
    if blocks:
        yield header + b"".join(blocks)


@functools.cache
def _turtle_header() -> bytes:
    probe = ox.Triple(ox.NamedNode(PREFIXES["id"]), ox.NamedNode(PREFIXES["id"]), ox.NamedNode(PREFIXES["id"]))
    return split_prefixes(serialize([probe], Format.TURTLE))[0]


def union_lines(state: BuildState, others: list[bytes], low: bytes = b"", high: bytes | None = None) -> Iterator[bytes]:
    """The distinct triple lines of every graph from ``low`` up to ``high``, sorted: the article
    graphs' from the state, merged with ``others`` (sorted lines of the few other graphs)."""
    if high is None:
        rows = state.rows("SELECT line FROM triple WHERE line >= ? ORDER BY line", (low,))
        extra = others[bisect.bisect_left(others, low) :]
    else:
        rows = state.rows("SELECT line FROM triple WHERE line >= ? AND line < ? ORDER BY line", (low, high))
        extra = others[bisect.bisect_left(others, low) : bisect.bisect_left(others, high)]
    last = None
    for line in heapq.merge((row[0] for row in rows), extra):
        if line != last:
            yield line
            last = line


def write_union(
    state: BuildState, path: Path, *, others: list[bytes], changed: Iterable[bytes] | None, syncs: Executor
) -> Callable[[], None]:
    """Write the union of every graph as Turtle to ``path``, re-serializing the stretches that
    hold ``changed`` lines (None: all) and copying the others from the previous file; synced and
    renamed as ``write_dataset``."""
    previous = _previous(state, "ttl", path)
    stretches = list(state.rows("SELECT start, off, len FROM segment ORDER BY start"))
    if not stretches or stretches[0][0] != b"":
        stretches.insert(0, (b"", None, None))
    starts = [start for start, _, _ in stretches]
    if previous is None or changed is None:
        dirty = set(range(len(stretches)))
    else:
        dirty = {bisect.bisect_right(starts, line) - 1 for line in changed}
        noted = state.rows("SELECT key FROM pending WHERE kind = 'ttl'")  # by builds that left the file to later
        dirty.update(bisect.bisect_right(starts, start) - 1 for (start,) in noted)
    rows: list[tuple[bytes, int, int]] = []
    replacement = _Replacement(path, previous)
    out = replacement.out
    try:
        out.write(_turtle_header())
        for index, (start, offset, length) in enumerate(stretches):
            if index not in dirty and offset is not None and previous is not None:
                rows.append((start, out.position, length))
                out.copy(previous, offset, length)
                continue
            high = starts[index + 1] if index + 1 < len(starts) else None
            for first, lines in _chunks(union_lines(state, others, start, high), start):
                body = split_prefixes(serialize_lines(lines, Format.TURTLE))[1]
                rows.append((first, out.position, len(body)))
                out.write(body)
    except BaseException:
        replacement.discard()
        raise
    state.db.execute("DELETE FROM segment")
    state.many("INSERT INTO segment VALUES (?, ?, ?)", rows)
    state.db.execute("DELETE FROM pending WHERE kind = 'ttl'")
    return _finishing(state, "ttl", replacement, syncs)


def _chunks(lines: Iterator[bytes], start: bytes) -> Iterator[tuple[bytes, list[bytes]]]:
    """Sorted lines in runs of about ``STRETCH`` that end where a subject ends; each run with the
    lowest line it may hold (the first keeps ``start``). No run for no lines, unless ``start`` is
    the very first (the file still has its header)."""
    run: list[bytes] = []
    subject = b""
    first = start
    for line in lines:
        head = line[: line.index(b" ") + 1]
        if len(run) >= STRETCH and head != subject:
            yield first, run
            run, first = [], head
        run.append(line)
        subject = head
    if run or start == b"":
        yield first, run
