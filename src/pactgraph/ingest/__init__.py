"""Reading news from the web: article pages, RSS/Atom feeds and saved HTML → article files.

``add(sources, to=...)`` takes URLs of article pages or feeds, local ``.html``/``.htm`` files or
folders of them, and local feed files; it fetches politely (``fetch``), extracts each page's main
text and metadata (``html``), skips what is already there by canonical URL, same text or
near-duplicate text (``dedupe``), and writes one article file per new page (``write``). A source
that fails is reported and the others go on. Nothing here prints.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "saved.html").write_text(
...     '<html><head><title>Talks in Baku | Caspian Wire</title>'
...     '<meta property="article:published_time" content="2025-04-23T09:00:00Z"></head><body><article>'
...     '<h1>Talks in Baku</h1><p>Azerbaijan and China held talks in Baku on Tuesday on renewable energy, '
...     'the ministry said in a statement published on its website.</p></article></body></html>')
>>> report = add([folder / "saved.html"], to=folder / "articles", cache=None)
>>> [a.path.name for a in report.added], str(report)
(['2025-04-23-talks-in-baku.txt'], 'added 1, already there 0, failed 0')
>>> str(add([folder / "saved.html"], to=folder / "articles", cache=None))
'added 0, already there 1, failed 0'
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..articles import strip_boilerplate
from ..errors import ArticleError, FetchError, PactgraphError, UsageError
from .dedupe import Seen, SeenIndex, canonical_url, signature, text_key
from .feeds import Feed, looks_like_feed, parse_feed
from .fetch import (
    DEFAULT_DELAY_S,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT_S,
    FEED_TYPES,
    HTML_TYPES,
    Fetcher,
    Response,
    is_public_host,
)
from .html import Page, decode_html, extract_page
from .write import article_name, article_text, write_article

__all__ = [
    "DEFAULT_ARTICLES",
    "DEFAULT_CACHE",
    "AddReport",
    "Added",
    "Failure",
    "Skipped",
    "add",
]

DEFAULT_ARTICLES = Path("data/articles")
#: ``http/``: the HTTP cache; ``seen/``: what each article file of a destination is compared by.
DEFAULT_CACHE = Path(".pactgraph-cache/ingest")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
_INDEXED_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)


@dataclass(frozen=True)
class Added:
    """An article file written."""

    path: Path
    url: str | None
    title: str
    published: dt.date | None


@dataclass(frozen=True)
class Skipped:
    """A page not written because it is there already: same URL, same text or a near-duplicate."""

    url: str
    reason: str
    near_duplicate: bool = False


@dataclass(frozen=True)
class Failure:
    """A source, feed item or page that could not be read; ``message`` is one line starting with it."""

    url: str
    message: str


@dataclass
class AddReport:
    """What one ``add`` did."""

    to: Path
    added: list[Added] = field(default_factory=list)
    existing: list[Skipped] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    #: Odd but not fatal, one line each: a page without a date, an item without a link …
    warnings: list[str] = field(default_factory=list)
    older: int = 0  # left out by ``since``
    requests: int = 0
    cached: int = 0

    @property
    def near_duplicates(self) -> list[Skipped]:
        return [s for s in self.existing if s.near_duplicate]

    def __str__(self) -> str:
        text = f"added {len(self.added)}, already there {len(self.existing)}, failed {len(self.failed)}"
        if self.older:
            text += f", older than --since {self.older}"
        return text


def add(
    sources: Iterable[str | Path],
    to: Path = DEFAULT_ARTICLES,
    *,
    since: dt.date | None = None,
    limit: int | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = DEFAULT_RETRIES,
    delay: float = DEFAULT_DELAY_S,
    cache: Path | None = DEFAULT_CACHE,
    allow_private: bool = False,
    fetcher: Fetcher | None = None,
) -> AddReport:
    """Add the articles of ``sources`` to the folder ``to``; see the module's doc.

    ``since`` leaves out pages (and feed items) published before that day; ``limit`` takes at most
    that many items of each feed and pages of each folder, in their order. ``allow_private`` lets
    feed items and redirects lead to private, loopback and link-local addresses (a source given at
    such an address may always lead there). A bad source (a missing file, an unknown scheme) is a
    ``UsageError`` before anything is fetched.
    """
    if limit is not None and limit < 1:
        raise UsageError(f"--limit {limit}: give a number of items of at least 1")
    planned = [_plan(source) for source in sources]
    if not planned:
        raise UsageError("nothing to add: give URLs, .html files, folders or feed files")
    if fetcher is None:
        fetcher = Fetcher(
            timeout=timeout, retries=retries, delay=delay, cache=cache / "http" if cache is not None else None
        )
    run = _Run(to, since, limit, allow_private, fetcher, cache)
    for kind, value in planned:
        run.source(kind, value)
    run.finish()
    return run.report


def _plan(source: str | Path) -> tuple[str, str | Path]:
    text = str(source)
    if text.startswith(("http://", "https://")):
        try:
            valid = bool(urllib.parse.urlsplit(text).hostname) and urllib.parse.urlsplit(text).port != 0
        except ValueError:
            valid = False
        if not valid:
            raise UsageError(f"{text}: not a valid URL")
        return "url", text
    if "://" in text:
        raise UsageError(f"{text}: only http and https URLs, local .html files, folders and feed files can be added")
    path = Path(source)
    if path.is_dir():
        return "folder", path
    if not path.is_file():
        raise UsageError(f"{path}: no such file or folder")
    if path.suffix.lower() in HTML_SUFFIXES:
        return "page", path
    with open(path, "rb") as handle:
        start = handle.read(2048)
    if path.suffix.lower() in FEED_SUFFIXES or looks_like_feed(start):
        return "feed", path
    raise UsageError(f"{path}: not an .html/.htm page or an RSS/Atom feed file")


class _Run:
    """The state of one ``add``: the destination's index, the names taken, the report."""

    def __init__(
        self,
        to: Path,
        since: dt.date | None,
        limit: int | None,
        allow_private: bool,
        fetcher: Fetcher,
        cache: Path | None,
    ) -> None:
        self.to, self.since, self.limit, self.allow_private = to, since, limit, allow_private
        self.fetcher = fetcher
        self.report = AddReport(to)
        self.index_file = (
            cache / "seen" / f"{hashlib.sha256(str(to.resolve()).encode()).hexdigest()[:16]}.json" if cache else None
        )
        self.index, self.taken, self.entries = _load_index(to, self.index_file)

    # --- sources ------------------------------------------------------------------------------------

    def source(self, kind: str, value: str | Path) -> None:
        if kind == "url":
            self.url(str(value))
        elif kind == "folder":
            pages = sorted(p for p in Path(value).rglob("*") if p.suffix.lower() in HTML_SUFFIXES and p.is_file())
            if not pages:
                self.report.warnings.append(f"{value}: no .html or .htm pages in the folder")
            for path in pages[: self.limit]:
                self.local_page(path)
        elif kind == "page":
            self.local_page(Path(value))
        else:
            path = Path(value)
            try:
                feed = parse_feed(path.read_bytes(), path.resolve().as_uri())
            except (PactgraphError, OSError) as err:
                self._fail(str(path), err)
                return
            self.feed(feed, str(path), self.allow_private)

    def url(self, url: str) -> None:
        private_ok = self.allow_private or not is_public_host(url)
        if self._known(url):
            return
        try:
            response = self.fetcher.get(url, accept=HTML_TYPES + FEED_TYPES, private_ok=private_ok)
            if response.content_type in FEED_TYPES or looks_like_feed(response.body):
                feed = parse_feed(response.body, response.final_url, response.content_type)
            else:
                feed = None
                self.fetched_page(url, response)
        except PactgraphError as err:
            self._fail(url, err)
            return
        if feed is not None:
            self.feed(feed, url, private_ok)

    def feed(self, feed: Feed, where: str, private_ok: bool) -> None:
        self.report.warnings.extend(feed.warnings)
        taken = 0
        for item in feed.items:
            if self.limit is not None and taken >= self.limit:
                break
            if not item.link:
                self.report.warnings.append(
                    f"{where}: item {item.number} ({item.title or 'untitled'!r}) has no link; skipped"
                )
                continue
            if self.since and item.published and item.published < self.since:
                self.report.older += 1
                continue
            taken += 1
            if self._known(item.link):
                continue
            try:
                response = self.fetcher.get(item.link, accept=HTML_TYPES, private_ok=private_ok)
                self.fetched_page(item.link, response)
            except PactgraphError as err:
                self._fail(item.link, err)

    # --- pages --------------------------------------------------------------------------------------

    def fetched_page(self, url: str, response: Response) -> None:
        html = decode_html(response.body, response.charset)
        page = extract_page(html, response.final_url)
        self.page(page, url, [response.final_url], retrieved=response.fetched.date())

    def local_page(self, path: Path) -> None:
        try:
            raw = path.read_bytes()
            page = extract_page(decode_html(raw), None)
        except (PactgraphError, OSError) as err:
            self._fail(str(path), err)
            return
        self.page(page, str(path), [], retrieved=None)

    def page(self, page: Page, asked: str, also: list[str], *, retrieved: dt.date | None) -> None:
        """Write ``page`` unless it is there already (or older than ``since``)."""
        where = page.canonical_url or (also[0] if also else None)  # a saved page without a canonical link has none
        url = canonical_url(where) if where else None
        for candidate in filter(None, [url, *map(canonical_url, also)]):
            seen = self.index.by_url.get(candidate)
            if seen is not None:
                self._remember_alias(asked, seen)
                self.report.existing.append(Skipped(asked, f"already there as {seen.name}"))
                return
        if self.since and page.published and page.published < self.since:
            self.report.older += 1
            return
        body = strip_boilerplate(page.text)  # what the build will read: compared as the files are
        key = text_key(body)
        seen = self.index.by_key.get(key)
        if seen is not None:
            self.report.existing.append(Skipped(asked, f"the same text is already there as {seen.name}"))
            return
        sig = signature(body)
        near = self.index.near(sig)
        if near is not None:
            other, score = near
            self.report.existing.append(
                Skipped(asked, f"a near-duplicate of {other.name} (similarity {score:.2f}); kept the first", True)
            )
            return
        name = article_name(page, url, self.taken)
        try:
            path = write_article(self.to, name, article_text(page, url=url, retrieved=retrieved))
        except OSError as err:
            self.report.failed.append(Failure(asked, f"{self.to / name}: cannot write: {err.strerror or err}"))
            return
        self.taken.add(name)
        seen = Seen(name, url, key, sig)
        self.index.add(seen)
        self._remember_alias(asked, seen)
        stat = path.stat()
        self.entries[name] = {"size": stat.st_size, "mtime": stat.st_mtime_ns, "url": url, "key": key, "sig": list(sig)}
        self.report.added.append(Added(path, url, page.title, page.published))
        if page.published is None:
            when = f"Retrieved: {retrieved.isoformat()}" if retrieved else "no Published header"
            self.report.warnings.append(
                f"{asked}: no publication date found in the page; written with {when}: relative dates in it "
                "stay unresolved (caveat relative-date-unresolved)"
            )

    # --- bookkeeping --------------------------------------------------------------------------------

    def _known(self, url: str) -> bool:
        """Whether the URL's canonical form is an article already there (nothing is fetched then)."""
        seen = self.index.by_url.get(canonical_url(url))
        if seen is None:
            return False
        self.report.existing.append(Skipped(url, f"already there as {seen.name}"))
        return True

    def _remember_alias(self, asked: str, seen: Seen) -> None:
        if asked.startswith(("http://", "https://")):
            self.index.by_url.setdefault(canonical_url(asked), seen)
            entry = self.entries.get(seen.name)
            if entry is not None and canonical_url(asked) != entry.get("url"):
                entry.setdefault("aliases", [])
                if canonical_url(asked) not in entry["aliases"]:
                    entry["aliases"].append(canonical_url(asked))

    def _fail(self, where: str, err: BaseException) -> None:
        if isinstance(err, FetchError | ArticleError | UsageError | PactgraphError):
            message = str(err)
            if not message.startswith(where):
                message = f"{where}: {message}"
        else:
            message = f"{where}: {getattr(err, 'strerror', None) or err}"
        self.report.failed.append(Failure(where, message))

    def finish(self) -> None:
        self.report.requests, self.report.cached = self.fetcher.requests, self.fetcher.cached
        if self.index_file is not None:
            from ..store import write_atomic

            with contextlib.suppress(OSError):  # the index is only a shortcut: the next run reads the files
                write_atomic(self.index_file, json.dumps(self.entries, sort_keys=True).encode())


def _load_index(to: Path, index_file: Path | None) -> tuple[SeenIndex, set[str], dict[str, dict]]:
    """The articles in ``to``: compared by URL, text and near-duplicate text. Each file is read
    once: what it is compared by is kept in ``index_file`` under its name, size and modification time."""
    from ..articles import read_article

    previous: dict[str, dict] = {}
    if index_file is not None:
        try:
            previous = json.loads(index_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
    index, taken, entries = SeenIndex(), set(), {}
    if not to.is_dir():
        return index, taken, entries
    for root, folders, files in os.walk(to):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for file_name in sorted(files):
            path = Path(root, file_name)
            if path.suffix.lower() not in _INDEXED_SUFFIXES or file_name.startswith("."):
                continue
            name = str(path.relative_to(to))
            taken.add(name)
            try:
                stat = path.stat()
            except OSError:
                continue
            entry = previous.get(name)
            if not entry or entry.get("size") != stat.st_size or entry.get("mtime") != stat.st_mtime_ns:
                try:
                    article = read_article(path)
                except PactgraphError:
                    continue  # a file the build cannot read either: it says so there
                entry = {
                    "size": stat.st_size,
                    "mtime": stat.st_mtime_ns,
                    "url": canonical_url(article.url) if article.url else None,
                    "key": text_key(article.body),
                    "sig": list(signature(article.body)),
                }
            entries[name] = entry
            seen = Seen(name, entry["url"], entry["key"], tuple(entry["sig"]))
            index.add(seen)
            for alias in entry.get("aliases", []):
                index.by_url.setdefault(alias, seen)
    return index, taken, entries
