"""Article files in the format ``pactgraph build`` reads, named by date and title, written atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path

from ..store import write_atomic
from .html import Page

__all__ = ["article_name", "article_text", "write_article"]

_SLUG_WORDS = 10
_SLUG_CHARS = 60


def _slug(title: str) -> str:
    """A short ASCII slug of a title, cut at a word.

    >>> _slug("Azerbaijan and China sign 100-MW solar deal in Jabrayil — ministry")
    'azerbaijan-and-china-sign-100-mw-solar-deal-in-jabrayil'
    >>> _slug("Uzbekistan\u2013China talks in Tashkent")
    'uzbekistan-china-talks-in-tashkent'
    """
    spaced = re.sub(r"[^\w]+", " ", title)  # "Uzbekistan-China" (any dash) is two words
    ascii_title = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    slug = ""
    for word in words[:_SLUG_WORDS]:
        if len(slug) + len(word) + 1 > _SLUG_CHARS:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "article"


def article_name(page: Page, url: str | None, taken: set[str]) -> str:
    """``2025-04-23-azerbaijan-and-china-sign-….txt`` (``undated-…`` without a date): the same for
    the same page every time; a different article that would take a name already in ``taken``
    gets a short digest of its URL (or text) added.

    >>> from pactgraph.ingest.html import Page
    >>> page = Page("Talks in Baku", "Text.", dt.date(2025, 4, 23), None, None, None)
    >>> article_name(page, "http://x/a", set()), article_name(page, "http://x/a", {"2025-04-23-talks-in-baku.txt"})
    ('2025-04-23-talks-in-baku.txt', '2025-04-23-talks-in-baku-dbf012.txt')
    """
    stem = f"{page.published.isoformat() if page.published else 'undated'}-{_slug(page.title)}"
    name = f"{stem}.txt"
    if name in taken:
        digest = hashlib.sha256((url or page.text).encode()).hexdigest()[:6]
        name = f"{stem}-{digest}.txt"
    return name


def _one_line(value: str) -> str:
    return " ".join(value.split())


def article_text(page: Page, *, url: str | None, retrieved: dt.date | None) -> str:
    """The article file: ``Title``, ``Published`` (when known), ``Retrieved``, ``Source``, ``URL``, ``---``, text."""
    lines = [f"Title: {_one_line(page.title)}"]
    if page.published:
        lines.append(f"Published: {page.published.isoformat()}")
    if retrieved:
        lines.append(f"Retrieved: {retrieved.isoformat()}")
    if page.site_name:
        lines.append(f"Source: {_one_line(page.site_name)}")
    if url:
        lines.append(f"URL: {url}")
    body = page.text.strip()
    if body.startswith("---"):
        body = " " + body
    return "\n".join([*lines, "---", body, ""])


def write_article(folder: Path, name: str, text: str) -> Path:
    """Write one article file atomically (a reader sees no file or the whole file); never replaces one."""
    path = folder / name
    if path.exists():
        raise FileExistsError(path)
    write_atomic(path, text.encode("utf-8"))
    return path
