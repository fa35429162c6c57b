"""Reading articles: the header block, the body, the publication date and the boilerplate cut.

An article is a ``.txt`` or ``.md`` file. An optional header of ``Key: Value`` lines (``Title``,
``Published`` as an ISO date, ``Source``, ``URL``) ends with a line ``---``; the body follows.
Without a header the first line is the title, and a body that starts with ``date YYYY-MM-DD`` takes
that as its publication date.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ArticleError

ARTICLE_SUFFIXES = (".txt", ".md")
HEADER_KEYS = {"title", "published", "source", "url"}

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z ]*):\s*(.*)$")
_LEADING_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*")

# Lines that are page furniture, not reporting: bylines, editor/contact lines, photo credits,
# donation appeals. A line that starts one of the trailing sections ends the body.
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:editor|check|contact|credit to|photo|source|reporter|written by|translated by|"
    r"edited by|tel|e-?mail)\b\s*[:;]?",
    re.IGNORECASE,
)
_APPEAL = re.compile(
    r"\b(?:donate|donations?|crowd-?funding|subscribe|sign up for our newsletter|follow us)\b",
    re.IGNORECASE,
)
_TRAILER = re.compile(
    r"^\s*(?:popular posts|related (?:posts|articles|news)|read more|more from|recommended|"
    r"you may also like|tags?:|share this)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Article:
    """One article, ready for extraction. ``body`` is the text the offsets refer to."""

    identifier: str
    path: Path
    title: str
    body: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None


def read_article(path: Path) -> Article:
    """Read one article file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a1.txt"
    >>> _ = p.write_text("Title: Talks\\nPublished: 2025-01-02\\n---\\nA met B.\\n")
    >>> a = read_article(p)
    >>> (a.identifier, a.title, a.published.isoformat(), a.body)
    ('a1', 'Talks', '2025-01-02', 'A met B.')
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror}); check the path and permissions") from None
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ArticleError(f"{path}: binary data (NUL bytes), not text; remove the file or save it as text")
    try:
        # UTF-8, with or without a byte order mark; UTF-16 when its byte order mark says so
        text = (
            raw.decode("utf-16")
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            else raw.decode("utf-8-sig")
        )
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ArticleError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); re-save the article as UTF-8",
            file=path,
            line=line,
            column=column,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{path}: the article is empty; add text or remove the file")
    meta, body = _split_header(path, text)
    title = meta.get("title")
    published = _parse_date(path, meta["published"], meta["_published_line"]) if "published" in meta else None
    if title is None:
        first, _, rest = body.lstrip("\n").partition("\n")
        leading = _LEADING_DATE.match(first)
        if leading:  # a one-line article that starts with its date has no title line
            title, body = "", first + "\n" + rest
        else:
            title, body = first.strip(), rest
    leading = _LEADING_DATE.match(body)
    if leading:
        if published is None:
            published = _parse_date(path, leading.group(1), 1)
        body = body[leading.end() :]
    body = strip_boilerplate(body)
    if not body.strip():
        raise ArticleError(f"{path}: the article has no body text after its header; add the body")
    return Article(
        identifier=path.stem,
        path=path,
        title=title,
        body=body,
        published=published,
        source=meta.get("source"),
        url=meta.get("url"),
    )


def _split_header(path: Path, text: str) -> tuple[dict, str]:
    lines = text.split("\n")
    if "---" not in (line.strip() for line in lines[:20]):
        return {}, text
    meta: dict = {}
    for number, line in enumerate(lines, start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[number:])
        match = _HEADER_LINE.match(line)
        if not match or match.group(1).strip().lower() not in HEADER_KEYS:
            if not line.strip():
                continue
            return {}, text  # not a header after all: a body line that happens to precede a rule
        key = match.group(1).strip().lower()
        meta[key] = match.group(2).strip()
        if key == "published":
            meta["_published_line"] = number
    return {}, text


def _parse_date(path: Path, value: str, line: int) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ArticleError(f"{path}:{line}: invalid date {value!r}; write it as YYYY-MM-DD") from None


def strip_boilerplate(body: str) -> str:
    """Drop page furniture: editor and contact lines, credits, appeals and trailing link lists.

    >>> strip_boilerplate("News here.\\n\\nEditor: X\\nPopular posts from this blog\\nOther")
    'News here.'
    """
    kept: list[str] = []
    for paragraph in body.split("\n"):
        if _TRAILER.match(paragraph):
            if any(k.strip() for k in kept):
                break  # the page's trailing link lists
            continue  # a sidebar heading above the story
        if _BOILERPLATE_LINE.match(paragraph) and len(paragraph) < 120:
            continue
        if _APPEAL.search(paragraph) and len(paragraph) < 400:
            continue
        kept.append(paragraph)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def find_articles(directories: list[Path]) -> list[Path]:
    """All article files under the given folders, sorted so builds are deterministic."""
    found: list[Path] = []
    for directory in directories:
        if not directory.is_dir():
            raise ArticleError(f"{directory}: no such folder; pass --articles with a folder of articles")
        found.extend(p for p in directory.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file())
    if not found:
        raise ArticleError(f"{', '.join(map(str, directories))}: no .txt or .md articles found; add articles first")
    return sorted(set(found), key=lambda p: (p.stem, str(p)))
