"""RSS 2.0, RSS 1.0 and Atom feeds, read with feedparser: each item's link, title and date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import PageError

__all__ = ["Feed", "FeedItem", "looks_like_feed", "parse_feed"]


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed, numbered from 1 in feed order."""

    number: int
    link: str | None
    title: str
    published: dt.date | None


@dataclass(frozen=True)
class Feed:
    title: str
    items: tuple[FeedItem, ...]
    #: What was odd but readable (not well-formed XML that still gave items …), one line each.
    warnings: tuple[str, ...] = ()


def looks_like_feed(raw: bytes) -> bool:
    """Whether bytes start like an RSS, RSS 1.0 (RDF) or Atom document.

    >>> looks_like_feed(b'<?xml version="1.0"?>\\n<rss version="2.0">'), looks_like_feed(b"<html>")
    (True, False)
    """
    start = raw[:2048].lstrip().lower()
    return any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(raw: bytes, url: str, content_type: str | None = None) -> Feed:
    """The feed's items (relative links resolved against ``url``); ``PageError`` when it is not a feed.

    >>> feed = parse_feed(b'<rss version="2.0"><channel><title>T</title><item><title>A</title>'
    ...                   b'<link>/a.html</link><pubDate>Wed, 23 Apr 2025 10:00:00 GMT</pubDate>'
    ...                   b'</item></channel></rss>', "http://example.org/rss")
    >>> [(i.link, i.title, i.published.isoformat()) for i in feed.items]
    [('http://example.org/a.html', 'A', '2025-04-23')]
    """
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(raw, response_headers=headers, sanitize_html=False, resolve_relative_uris=True)
    problem = parsed.get("bozo_exception")
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        what = f" ({_reason(problem)})" if problem else ""
        raise PageError(
            f"not a well-formed RSS or Atom feed{what}", url=url, hint="check the feed's address, or tell its publisher"
        )
    warnings = []
    if parsed.get("bozo") and problem is not None and parsed.entries:
        found = len(parsed.entries)
        warnings.append(f"{url}: the feed is not well-formed ({_reason(problem)}); read the {found} items found")
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or next(
            (ln.get("href") for ln in entry.get("links", []) if ln.get("rel", "alternate") == "alternate"), None
        )
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        title = " ".join((entry.get("title") or "").split())
        items.append(FeedItem(number, link.strip() if link else None, title, published))
    title = " ".join((parsed.feed.get("title") or "").split())
    return Feed(title, tuple(items), tuple(warnings))


def _reason(problem: BaseException | None) -> str:
    text = " ".join(str(problem).split()) if problem is not None else ""
    return text[:160] or type(problem).__name__
