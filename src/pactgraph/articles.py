"""Reading articles: the header block, the body, the publication date and the boilerplate cut.

An article is a ``.txt`` or ``.md`` file. An optional header of ``Key: Value`` lines (``Title``,
``Published`` as an ISO date, ``Retrieved`` — the day a page without a findable publication date was
fetched —, ``Source``, ``URL``) ends with a line ``---``; the body follows.
Without a header the first line is the title, and a body that starts with ``date YYYY-MM-DD`` takes
that as its publication date. A saved web page (``.html``, ``.htm``) is an article too: its main text
and metadata are read as ``pactgraph add`` reads them (``pactgraph.ingest.html``).

A file that cannot be an article (binary, not UTF-8 or UTF-16 with its byte order mark, empty, over
``MAX_ARTICLE_BYTES``, unreadable, a broken or looping link) raises ``ArticleError`` naming it and
saying what to do; what can be read despite a flaw (an unknown header key, a header without its
``---``) is read, and the flaw is kept in ``Article.warnings``.
"""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ArticleError, decode_location

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
HEADER_KEYS = {"title", "published", "retrieved", "source", "url"}
#: Larger files are left out unread: a news article is under 100 kB, and extraction time and
#: memory grow with the text (a 20 MB file took 5 minutes and 1.1 GB; 1 MB takes about 4 s).
MAX_ARTICLE_BYTES = 1_000_000
#: A saved page carries its markup, scripts and styles: the fetcher's limit for one page.
MAX_PAGE_BYTES = 5_000_000

_HEADER_LINE = re.compile(r"^([A-Za-z]+(?: [A-Za-z]+){0,2}):\s*(.*)$")  # a key of one to three words
_LEADING_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*")

# Lines that are page furniture, not reporting: bylines, editor/contact lines, photo credits,
# donation appeals. A line that starts one of the trailing sections ends the body.
_BOILERPLATE_LINE = re.compile(
    r"^\s*[\[(]?\s*(?:editor|check|contact|credit to|photo|source|reporter|written by|translated by|"
    r"edited by|tel|e-?mail|read also|see also|also read|read next|related|"
    # "Read more -> site.news/118/story": a newsletter's link to the full story, not the end of the issue
    r"read more(?=\s*(?:->|→|»|:)?\s*(?:https?://|www\.|[\w-]+(?:\.[\w-]+)+/)))\b\s*[:;]?",
    re.IGNORECASE,
)
_APPEAL = re.compile(
    r"\b(?:donate|donations?|crowd-?funding|subscribe|sign up for our newsletter|follow us)\b",
    re.IGNORECASE,
)
_TRAILER = re.compile(
    r"^\s*(?:popular posts|related (?:posts|articles|news|links|coverage|stories|reading)|"
    r"read more(?!\s*(?:->|→|»|:)?\s*(?:https?://|www\.|[\w-]+(?:\.[\w-]+)+/))|more from|"
    r"recommended|"
    # "Related on the Tracker:", "Read also:" over a list of headlines: the list ends the story
    r"(?:related|read also|see also|also read|more on this)\b[^.:]{0,40}(?=:\s*$)|"
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
    #: What was odd but readable (an unknown header key …), one line each, naming the file.
    warnings: tuple[str, ...] = ()
    #: The day the page was fetched (``Retrieved`` header), for provenance.
    retrieved: dt.date | None = None


def read_article(path: Path) -> Article:
    """Read one article file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a1.txt"
    >>> _ = p.write_text("Title: Talks\\nPublished: 2025-01-02\\n---\\nA met B.\\n")
    >>> a = read_article(p)
    >>> (a.identifier, a.title, a.published.isoformat(), a.body)
    ('a1', 'Talks', '2025-01-02', 'A met B.')
    """
    if path.suffix.lower() in HTML_SUFFIXES:
        return _read_page(path)
    raw = _read_bytes(path)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(path, raw)
    elif b"\x00" in raw:
        if _looks_like_utf16(raw):
            raise ArticleError(f"{path}: UTF-16 text without a byte order mark; re-save the article as UTF-8")
        raise ArticleError(f"{path}: binary data (NUL bytes), not text; remove the file or save it as text")
    else:
        text = _decode_utf8(path, raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{path}: the article is empty; add text or remove the file")
    meta, body, warnings = _split_header(path, text)
    title = meta["title"][1] if "title" in meta else None
    published = _parse_date(path, meta["published"][1], meta["published"][0]) if "published" in meta else None
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
    if published is None and "title" not in meta:
        published, body = _date_line(body)
    body = strip_boilerplate(body)
    if not body.strip():
        if "title" not in meta and title:
            raise ArticleError(
                f"{path}: the article is one line, read as its title; add the body below it (or a Title: header)"
            )
        raise ArticleError(f"{path}: the article has no body text after its header; add the body")
    return Article(
        identifier=path.stem,
        path=path,
        title=title,
        body=body,
        published=published,
        source=meta["source"][1] if "source" in meta else None,
        url=meta["url"][1] if "url" in meta else None,
        warnings=tuple(warnings),
        retrieved=_parse_date(path, meta["retrieved"][1], meta["retrieved"][0]) if "retrieved" in meta else None,
    )


# by their first three letters: a page's date line writes "Feb 11, 2026" as often as "11 February 2026"
_MONTHS = {name[:3].lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_LINE_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+{_MONTH}\s+(?P<y1>\d{{4}})|"
    rf"{_MONTH.replace('month', 'month2')}\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})|"
    r"(?P<iso>\d{4}-\d{2}-\d{2}))\b"
)


def _date_line(body: str) -> tuple[dt.date | None, str]:
    """A page pasted without a header: its date line among the first lines ("By Staff | 14 March 2024,
    10:32", "Weekly digest | Friday, 26 January 2024") dates it and is cut from the body."""
    lines = body.split("\n")
    seen = 0
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > 4:
            break
        match = _LINE_DATE.search(line)
        if not match or len(line.strip()) > 140 or (line.rstrip().endswith((".", "!", "?")) and "|" not in line):
            continue
        try:
            if match.group("iso"):
                date = dt.date.fromisoformat(match.group("iso"))
            elif match.group("d1"):
                month = _MONTHS[match.group("month")[:3].lower()]
                date = dt.date(int(match.group("y1")), month, int(match.group("d1")))
            else:
                month = _MONTHS[match.group("month2")[:3].lower()]
                date = dt.date(int(match.group("y2")), month, int(match.group("d2")))
        except ValueError:
            continue
        return date, "\n".join(lines[:number] + lines[number + 1 :])
    return None, body


def _read_page(path: Path) -> Article:
    """A saved web page, through the extraction ``pactgraph add`` uses (main text, metadata)."""
    from .errors import PageError
    from .ingest.html import decode_html, extract_page

    raw = _read_bytes(path, limit=MAX_PAGE_BYTES)
    try:
        page = extract_page(decode_html(raw), None)
    except PageError as err:
        raise ArticleError(f"{path}: {err.what}; is it an article page?") from None
    body = strip_boilerplate(page.text)
    if not body.strip():
        raise ArticleError(f"{path}: no article text found in the page; is it an article page?")
    undated = f"{path}: no publication date found in the page; relative dates stay unresolved"
    warnings = () if page.published else (undated,)
    return Article(
        identifier=path.stem,
        path=path,
        title=page.title,
        body=body,
        published=page.published,
        source=page.site_name,
        url=page.canonical_url,
        warnings=warnings,
    )


def _read_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The file's bytes, or an ``ArticleError`` saying why not (checked by size before reading)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(
                f"{path}: {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit for one article; "
                "split it into separate articles"
            )
        return path.read_bytes()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(f"{path}: a symbolic link loop; point the link at an article or remove it") from None
        if exc.errno == errno.ENOENT and path.is_symlink():
            raise ArticleError(
                f"{path}: a broken symbolic link (to {os.readlink(path)}); point it at an article or remove it"
            ) from None
        if exc.errno == errno.EACCES:
            raise ArticleError(f"{path}: permission denied; make the file readable (chmod a+r) or remove it") from None
        raise ArticleError(f"{path}: cannot read ({exc.strerror}); check the path and permissions") from None


def _looks_like_utf16(raw: bytes) -> bool:
    """Whether NUL bytes fill every other position, as in ASCII text saved as UTF-16."""
    half = len(raw) // 2
    return half > 0 and max(raw[0::2].count(0), raw[1::2].count(0)) >= 0.9 * half


def _decode_utf8(path: Path, raw: bytes) -> str:
    """UTF-8, with or without a byte order mark; an error names the line and column of the bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = decode_location(raw, exc)
        raise ArticleError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); re-save the article as UTF-8 "
            "(from Latin-1: iconv -f latin1 -t utf-8)",
            file=path,
            line=line,
            column=column,
        ) from None


def _decode_utf16(path: Path, raw: bytes) -> str:
    """UTF-16 after its byte order mark; a truncated file or a lone surrogate is an error."""
    try:
        return raw.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path}: not valid UTF-16 ({exc.reason} at byte {exc.start}); re-save the article as UTF-8"
        ) from None


def _split_header(path: Path, text: str) -> tuple[dict[str, tuple[int, str]], str, list[str]]:
    """The header's fields (lower-case key → line number and value), the body, and warnings.

    A header is the leading ``Key: Value`` lines (blank lines allowed) ended by a line ``---``;
    unknown keys are ignored with a warning. Known-key lines at the top that no ``---`` closes are
    a header too, with a warning: read as a body, "Title: …" would become the title and the
    publication date would be lost.
    """
    lines = text.split("\n")
    fields: list[tuple[int, str, str]] = []
    closed = None
    for number, line in enumerate(lines, start=1):
        if line.strip() == "---":
            closed = number
            break
        match = _HEADER_LINE.match(line)
        if match:
            fields.append((number, match.group(1).strip(), match.group(2).strip()))
        elif line.strip():
            break
    if closed is not None:
        header, body = fields, "\n".join(lines[closed:])
        warnings = [
            f"{path}:{number}: unknown header key {key!r} ignored; use Title, Published, Retrieved, Source or URL"
            for number, key, _ in header
            if key.lower() not in HEADER_KEYS
        ]
    else:
        header = []  # an unclosed header: the known-key lines that open the file
        for number, line in enumerate(lines, start=1):
            match = _HEADER_LINE.match(line)
            if not match or match.group(1).strip().lower() not in HEADER_KEYS:
                break
            header.append((number, match.group(1).strip(), match.group(2).strip()))
        if not header:
            return {}, text, []
        body = "\n".join(lines[len(header) :])
        warnings = [
            f"{path}:{len(header)}: the header is not closed by a line '---'; read lines 1-{len(header)} as the "
            "header: add the line --- after them"
        ]
    return {key.lower(): (number, value) for number, key, value in header}, body, warnings


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
