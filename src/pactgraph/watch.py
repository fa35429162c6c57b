"""Watch mode (``pactgraph build --watch``): one build, then a process that stays running and
builds again whenever article files under the ``--articles`` folders are added, changed or removed,
or the curation and links files change.

A fresh ``pactgraph build`` spends most of a one-article rebuild on what does not change between
builds: importing spaCy and building its pipeline (1.4 s), importing pyshacl and parsing the
shapes (0.4 s), and, unless it is told what changed (``--changed``), listing the corpus and
comparing it with the manifest (0.8 s at 100,000 articles). The watch loads the pipeline and the
shapes once, finds the changed files itself, and gives each rebuild those files
(``build(changed=…)``, when the build runs on the state). It keeps only what no other process
can change under it: loaded code and models, and its own listing of the folders. Each rebuild is
a whole ``build``: it opens the build state and closes it, so other commands (one writing a
graph file left on demand) are not locked out between rebuilds, and it keeps every guarantee of
a build (atomic outputs, the previous graph kept on any error, the same bytes as a fresh build).

Changes are found by polling, every ``interval`` seconds. A *full look* lists the folders
(``listing.iter_articles``, the build's own listing, so the watch sees exactly the files a build
reads), each file with its size and modification time, and notes the time of every folder read. A
*quick look* states only those folders and the files found differing from the last rebuild: a
file added, removed or renamed changes its folder's time, and then the look is a full one. So
while nothing happens a poll costs a ``stat`` a folder, whatever the corpus, and a full look is
made every ``FULL_LOOK_EVERY`` polls all the same, for an article edited in place (which changes
no folder's time), seen then.

- A file is built once it has *settled*: the same size and time at two polls in a row, so a file
  still being written (a download, a copy) is not read half-written. A writer that may pause
  longer than the interval in the middle of a file should write it under a name that is not an
  article's (``.part``) and rename it when done, as ``pactgraph add`` does.
- A burst is one rebuild: the rebuild waits for a poll that finds nothing new since the one
  before, so fifty files a feed reader writes together are built together. While the folders
  never go quiet (a file added at every poll), the files settled by then are built every
  ``BUSY_POLLS`` polls.
- A rebuild that fails (a SHACL violation, a bad article with ``strict``, the state in use for
  too long) changes nothing, as a failed build, and is reported; the watch tries again once a
  poll sees something change, with every change since the last rebuild that succeeded.

The files the build reads besides the articles (the curation file, the links files: a
``WatchedFile`` each) are stated at every look, settle as articles do, and are read again for the
rebuild that follows their change; one that cannot be read (bad YAML, a links line that is not
valid) fails that rebuild as a bad article does under ``strict``: the last graph stands, and the
error names the file and its line. A curation that comes to ask for something makes the rebuilds
run in memory, as a build with it does; the first rebuild on the build state after them is given
no ``changed`` (the state was not kept meanwhile: every file is listed).

A caller that knows what changed (an ingest process, a file watcher) can say so: ``rebuilds``
reads the paths of changed files from the file descriptor ``changed`` (one a line,
``build --changed -``'s format) as they come, and each batch is rebuilt at once (``take``),
without listing the folders or waiting for the files to settle (a path is given once its file is
written whole). Polling goes on meanwhile, as the safety net for what no one said.

Polling rather than file-system events (inotify, or the ``watchfiles`` package over it): no
events come for files another machine writes to a network file system (NFS, SMB), where the
workers of a cluster (``--scheduler``) read the articles and where watchers fall back to polling
anyway; a polled listing is the build's own, and needs no dependency. A full look costs about
0.8 s of one core at 100,000 articles (0.07 s at 10,000).
"""

from __future__ import annotations

import os
import select
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import BuildSummary, build, builds_on_state
from .cache import BuildCache
from .corpus import load_pipeline
from .errors import PactgraphError, UsageError
from .listing import changed_entries, iter_articles
from .validation import load_shapes

__all__ = ["BUSY_POLLS", "FULL_LOOK_EVERY", "Notice", "Rebuild", "Watch", "WatchedFile"]

#: Each article file's size and modification time (None when it cannot be stated), by path.
Listing = dict[str, tuple[int | None, int | None]]

#: Polls in a row that find files still changing before the files settled by then are built.
BUSY_POLLS = 10
#: Quick looks in a row (the folders' times unchanged) before the folders are listed all the same.
FULL_LOOK_EVERY = 10
#: A folder's time may stay the same for this long however often the folder changes (file
#: systems that keep times in seconds, or 2 s on FAT): a look made while a folder's time is that
#: recent is followed by a full one.
_COARSE_NS = 2_000_000_000


@dataclass(frozen=True)
class WatchedFile:
    """A file the build reads besides the articles (the curation file, a links file), watched as
    the articles are so that an edit needs no restart: ``read(path)`` gives ``build``'s keyword
    ``option``, and raises a ``PactgraphError`` naming the file when the file is bad. A file the
    user named is ``required``; a default one that is not there is no file (None), as a build
    takes it, and is read once it appears."""

    option: str
    path: Path
    read: Callable[[Path], Any]
    required: bool = field(default=False, kw_only=True)

    def load(self) -> Any:
        if not self.required and not self.path.is_file():
            return None
        return self.read(self.path)


@dataclass(frozen=True)
class Notice:
    """Something the watch says that is not a rebuild: a path given as changed that it left out,
    or the end of the paths given."""

    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class Rebuild:
    """One rebuild of the watch: how many article files it was given, the watched files it read
    again, and what it built (or why it failed)."""

    added: int
    changed: int
    removed: int
    seconds: float
    summary: BuildSummary | None = None
    #: Why the rebuild failed: nothing of it was written, and the last graph stands.
    error: PactgraphError | None = None
    #: The build's warnings that the watch has not given before (an article left out, say).
    warnings: list[str] = field(default_factory=list)
    #: The watched files (``WatchedFile``) read again for this rebuild, as they were named.
    files: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        counts = [(self.added, "added"), (self.changed, "changed"), (self.removed, "removed")]
        given = ", ".join(f"{n} {what}" for n, what in counts if n)
        parts = [f"{', '.join(self.files)} changed"] if self.files else []
        if given or not parts:
            parts.append(f"articles: {given}")
        said = "; ".join(parts)
        if self.summary is None:
            return f"not rebuilt ({said}): the last graph is kept; the next change is built with these"
        built = f"{self.summary.triples} triples from {self.summary.articles} articles"
        return f"rebuilt in {self.seconds:.2f} s ({said}): {built}"


class Watch:
    """A first build of ``article_dirs`` (``start``), then a rebuild at every settled change
    (``rebuilds``, or ``poll`` for one look, ``take`` for files a caller says changed);
    ``options`` are ``build``'s, but ``changed``, which the watch finds itself, and those that
    ``files`` give (read at ``start``, and again whenever they change)."""

    def __init__(
        self, article_dirs: list[Path], *, interval: float, files: Iterable[WatchedFile] = (), **options: Any
    ) -> None:
        if options.pop("changed", None) is not None:
            raise UsageError("--watch takes --changed - only: the paths of changed files on stdin, as they come")
        if interval <= 0:
            raise UsageError(f"--interval must be more than 0 seconds, not {interval:g}")
        self.article_dirs = list(article_dirs)
        self.interval = interval
        self.options = options
        #: The watched files, by their path as named (their key in the listings).
        self.files = {str(each.path): each for each in files}
        self._by_absolute = {os.path.abspath(name): name for name in self.files}
        self.on_state = False  # whether the last build that succeeded ran on the build state
        self.built: Listing = {}  # the files as the last rebuild that succeeded found them
        self.seen: Listing = {}  # the files as the last poll found them
        self.failed: Listing | None = None  # the files as the last rebuild that failed found them
        self.pending: list[str] = []  # the files the last look found differing from ``built``
        self.moving: set[str] = set()  # the files the last poll found changed since the poll before
        self.folders: dict[str, int | None] = {}  # the times of the folders, as the last full look found them
        self.quick = 0  # quick looks since the last full one
        self.busy = 0  # polls in a row that found files changing
        self.warned: set[str] = set()
        #: What the watch has to say that is not a rebuild, not said yet (``rebuilds`` yields it).
        self.notices: list[Notice] = []

    def start(self, progress: bool | Callable[[Path], None] = False) -> BuildSummary:
        """The first build, an ordinary ``build`` (its errors, and those of the watched files,
        raised as it raises them); then the pipeline and the shapes loaded for the rebuilds (the
        pipeline not with a scheduler: its workers load their own)."""
        self.folders = _times(str(folder) for folder in self.article_dirs)
        found = self._full_look()  # before the build lists: a change made meanwhile is seen after
        self.options.update((each.option, each.load()) for each in self.files.values())  # read after stating
        summary = build(self.article_dirs, progress=progress, **self.options)
        self.on_state = self._on_state(self.options)
        self.built = self.seen = found  # listings are never changed once made: shared
        self.warned = set(summary.warnings)
        cache = self.options.get("cache")
        if cache is not None and cache.refresh:  # --force is for the first build; the others take the changes
            self.options["cache"] = BuildCache(cache.folder)
        if self.options.get("scheduler") is None:
            load_pipeline()
        if self.options.get("validate", True):
            load_shapes()
        return summary

    def rebuilds(self, *, changed: int | None = None) -> Iterator[Rebuild | Notice]:
        """Poll every ``interval`` seconds, for as long as the caller goes on: each rebuild as it
        is done, and each ``Notice``. With ``changed``, a file descriptor (a pipe, a FIFO, a file:
        ``sys.stdin.fileno()``) whose lines are the paths of files that changed, the paths are
        rebuilt as soon as they come (``take``: all those that came during the last rebuild,
        together); polling goes on meanwhile, and alone once ``changed`` ends. The descriptor is
        read between rebuilds, in this thread (``_Lines``), not by a thread of its own: a build
        forks worker processes, and a thread blocked reading ``sys.stdin`` holds its lock, which
        every forked worker takes to close it (``multiprocessing`` does), waiting forever."""
        lines = _Lines(changed) if changed is not None else None
        due = time.monotonic() + self.interval
        while True:
            paths: list[str] = []
            end = None
            if lines is not None:
                paths = lines.until(due)
                end = lines.end
                if end is not None:
                    lines = None
            else:
                time.sleep(max(0.0, due - time.monotonic()))
            taken = self.take(paths) if paths else None
            yield from self._said()
            if taken is not None:  # said before the poll that may fall due: its full look takes a while
                yield taken
            if time.monotonic() >= due:  # also while paths keep coming: the poll is the safety net
                polled = self.poll()
                due = time.monotonic() + self.interval
                yield from self._said()
                if polled is not None:
                    yield polled
            if end is not None:
                yield end

    def _said(self) -> Iterator[Notice]:
        """The notices not yielded yet, once each."""
        notices, self.notices = self.notices, []
        yield from notices

    def poll(self) -> Rebuild | None:
        """Look at the folders once (``_look``), and rebuild when files differ from the last
        rebuild's and have settled (see the module's docstring); None when there is nothing to
        rebuild yet."""
        found, looked_at = self._look()
        moving = set(_differing(self.seen, found, looked_at))
        self.seen, self.moving = found, moving
        self.busy = self.busy + 1 if moving else 0
        self.pending = _differing(self.built, found, looked_at)
        if found == self.failed:
            return None  # as the rebuild that failed found them: it would fail again
        settled = [path for path in self.pending if path not in moving]
        if not settled or (moving and self.busy < BUSY_POLLS):
            return None
        return self._rebuild(settled, found)

    def take(self, paths: Iterable[str]) -> Rebuild | None:
        """Rebuild at once with ``paths``, files a caller says changed (new and written whole,
        edited, or removed: ``build --changed``'s), without listing the folders or waiting for
        them to settle; with them, the files the last poll found changed and settled. None when
        none differs from the last rebuild. A path that is neither an article file under the
        folders nor a watched file is left out with a ``Notice``; one with another suffix (a
        ``.part``) is left out as the listing leaves it out."""
        names: set[str] = set()
        for given in paths:
            watched = self._by_absolute.get(os.path.abspath(given))
            if watched is not None:
                names.add(watched)
                continue
            try:
                found_now, gone = changed_entries([given], self.article_dirs)
            except UsageError as error:
                self.notices.append(Notice(f"{error}: left out"))
                continue
            names.update([name for _, name, _, _ in found_now] + gone)
        found = _restated(self.seen, sorted(names))
        self.seen = found
        fresh = set(_differing(self.built, found, names))
        settled = {path for path in self.pending if path not in self.moving and path not in names}
        if not fresh:
            return None
        self.pending = sorted(set(self.pending) | fresh)  # tried again with the next rebuild if this one fails
        return self._rebuild(sorted(fresh | settled), found)

    def _look(self) -> tuple[Listing, list[str] | None]:
        """The article files with their sizes and times, and the paths among them that may have
        changed since the last look (None: any). The folders are listed afresh when the time of
        one changed (a file added, removed or renamed in it) or after ``FULL_LOOK_EVERY`` quick
        looks; a quick look is the last listing with only the files that differ from the last
        rebuild, and the watched files, stated again (a ``stat`` a folder and a file): an edit in
        place of another article waits for the next full look."""
        if self.quick < FULL_LOOK_EVERY and _times(self.folders) == self.folders:
            self.quick += 1
            looked_at = sorted({*self.pending, *self.files})
            return _restated(self.seen, looked_at), looked_at
        return self._full_look(), None

    def _full_look(self) -> Listing:
        """The folders listed afresh, and their times taken; the watched files stated."""
        self.quick = 0
        before = _times(self.folders)  # before listing: a change made meanwhile is seen by the next look
        walked: list[str] = []
        found = {path: (size, mtime) for _, path, size, mtime in iter_articles(self.article_dirs, read_folders=walked)}
        self.folders = {folder: before[folder] if folder in before else _time(folder) for folder in walked}
        recent = time.time_ns() - _COARSE_NS
        if any(at is not None and at > recent for at in self.folders.values()):
            self.quick = FULL_LOOK_EVERY  # the folder may change again within its time's tick, unseen
        return _restated(found, list(self.files))

    def _on_state(self, options: dict[str, Any]) -> bool:
        return builds_on_state(
            options["out"], cache=options.get("cache"), reason=options.get("reason", False),
            curation=options.get("curation"),
        )  # fmt: skip

    def _rebuild(self, paths: list[str], found: Listing) -> Rebuild:
        files = [path for path in paths if path in self.files]
        articles = [path for path in paths if path not in self.files]
        added = sum(1 for path in articles if path not in self.built)
        removed = sum(1 for path in articles if path not in found)
        counts = {"added": added, "changed": len(articles) - added - removed, "removed": removed, "files": files}
        started = time.perf_counter()
        try:
            options = self.options | {self.files[path].option: self.files[path].load() for path in files}
            on_state = self._on_state(options)  # a curation file that came to ask for something: in memory
            # the state is not kept by a build in memory: the first build on it again lists every file
            changed = [Path(path) for path in articles] if on_state and self.on_state else None
            summary = build(self.article_dirs, changed=changed, **options)
        except PactgraphError as error:
            self.failed = found
            return Rebuild(**counts, seconds=time.perf_counter() - started, error=error)
        seconds = time.perf_counter() - started
        self.options, self.on_state = options, on_state
        self.failed, self.busy = None, 0
        self.built = _restated(self.built, paths, found)
        rebuilt = set(paths)
        self.pending = [path for path in self.pending if path not in rebuilt]
        fresh = [warning for warning in summary.warnings if warning not in self.warned]
        self.warned = set(summary.warnings)
        return Rebuild(**counts, seconds=seconds, summary=summary, warnings=fresh)


class _Lines:
    """The lines written to a file descriptor, each the path of a file that changed, read as they
    come without waiting past a time (``select``); ``end`` says when there are no more."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.rest = b""  # the start of a line not ended yet
        self.end: Notice | None = None

    def until(self, due: float) -> list[str]:
        """The paths whose lines came by the time ``due`` (``time.monotonic``): waits for the
        first until then at most, and takes all those there are once one came (blank lines
        skipped; a path's bytes as the file system has them, ``os.fsdecode``)."""
        data = [self.rest]
        ready = select.select([self.fd], [], [], max(0.0, due - time.monotonic()))[0]
        while ready:
            try:
                chunk = os.read(self.fd, 65536)  # what is there: it does not wait, the descriptor being ready
            except OSError as error:
                self.end = Notice(f"the paths of changed files could not be read ({error}); the watch goes on polling")
                chunk = b""
            if not chunk:
                self.end = self.end or Notice("the paths of changed files ended; the watch goes on polling")
                data.append(b"\n")
                break
            data.append(chunk)
            ready = select.select([self.fd], [], [], 0)[0]
        *lines, self.rest = b"".join(data).split(b"\n")
        return [os.fsdecode(line.rstrip(b"\r")) for line in lines if line.strip()]


def _restated(listing: Listing, paths: list[str], found: Listing | None = None) -> Listing:
    """A copy of ``listing`` with ``paths`` as ``found`` has them, or as they are now (stated
    again as the listing states them), gone from it when they are gone."""
    if not paths:
        return listing
    new = dict(listing)
    for path in paths:
        new.pop(path, None)
        if found is not None:
            if path in found:
                new[path] = found[path]
            continue
        try:
            info = os.stat(path)
            new[path] = info.st_size, info.st_mtime_ns
        except OSError:
            if os.path.lexists(path):  # a broken link, or unreadable: listed, to be read and said why
                new[path] = None, None
    return new


def _times(folders: Iterable[str]) -> dict[str, int | None]:
    return {folder: _time(folder) for folder in folders}


def _time(folder: str) -> int | None:
    """A folder's modification time (None when it cannot be stated)."""
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return None


def _differing(before: Listing, after: Listing, paths: Iterable[str] | None = None) -> list[str]:
    """The paths added, removed or changed (size or time) from ``before`` to ``after``, sorted;
    among ``paths`` when given (the others are known to be the same)."""
    if paths is not None:
        return sorted(path for path in paths if before.get(path) != after.get(path))
    changed = {path for path, stat in after.items() if before.get(path) != stat}
    return sorted(changed | (before.keys() - after.keys()))
