"""A news page's main text and metadata: trafilatura for the text (menus, cookie banners, related
headlines, comments and footers left out), htmldate for the publication date, and the page's own
structured metadata (JSON-LD ``NewsArticle``, OpenGraph, ``<link rel=canonical>``) first where
it says more.

Decoding follows what browsers do: the charset of the HTTP ``Content-Type``, else a byte order mark,
else a ``<meta>`` charset, else UTF-8 when the bytes are valid UTF-8, else a detected encoding; GB2312
is read as its superset GB18030 and ISO-8859-1 as windows-1252 (the WHATWG encoding standard).
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import urllib.parse
from dataclasses import dataclass

from ..errors import PageError

__all__ = ["Page", "decode_html", "extract_page"]

#: Encodings read as a superset, as browsers do.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_LATIN = re.compile(r"(?:cp125[02-8]|iso8859_(?:[1-49]|1[03-6])|latin_1|mac_(?:latin2|roman|iceland|turkish))$")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "opinionnewsarticle", "backgroundnewsarticle", "report", "webpage"}  # fmt: skip


@dataclass(frozen=True)
class Page:
    """What a page says about itself, ready to become an article."""

    title: str
    text: str  # the main text, paragraphs separated by blank lines
    published: dt.date | None
    date_source: str | None  # json-ld, opengraph or htmldate (which reads <time>, meta tags and the text)
    site_name: str | None
    canonical_url: str | None  # <link rel=canonical> (else og:url), absolute


def _codec(name: str | None) -> str | None:
    """The Python codec for a declared charset (its browser superset), or None when unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    try:
        found = codecs.lookup(_SUPERSETS.get(name, name)).name
    except LookupError:
        return None
    return codecs.lookup(_SUPERSETS.get(found, found)).name


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """The page's text, decoded as a browser would (see the module's doc).

    >>> decode_html("<p>Баку</p>".encode("windows-1251"), "windows-1251")
    '<p>Баку</p>'
    >>> decode_html(b'<meta charset="gb2312"><p>' + "北京".encode("gb2312") + b"</p>")
    '<meta charset="gb2312"><p>北京</p>'
    >>> decode_html("<p>São Tomé</p>".encode("latin-1"))
    '<p>São Tomé</p>'
    >>> decode_html("<p>Министр энергетики посетил Пекин.</p>".encode("windows-1251"))
    '<p>Министр энергетики посетил Пекин.</p>'
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name, errors="replace").lstrip("\ufeff")
    codec = _codec(declared)
    if codec is None:
        meta = _META_CHARSET.search(raw[:4096])
        codec = _codec(meta.group(1).decode("ascii")) if meta else None
        if codec in ("utf-16", "utf-16-le", "utf-16-be"):
            codec = None  # a page read as bytes this far is not UTF-16, whatever it says
    if codec is not None:
        return raw.decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Detect on the lines that hold non-ASCII bytes, markup removed: an English page's ASCII
    # would otherwise outvote the few lines in another script.
    sample = re.sub(rb"<[^>]*>", b" ", b"\n".join(line for line in raw.split(b"\n") if _NON_ASCII.search(line)))
    best = from_bytes(sample).best() if len(_NON_ASCII.findall(sample)) >= 8 else None
    if best is None or _LATIN.match(best.encoding):
        # A Latin-script page: detection cannot tell windows-1252 from its neighbours on a few
        # accented letters, and windows-1252 is what an undeclared Western page is written in.
        return raw.decode("cp1252", errors="replace")
    return raw.decode(best.encoding, errors="replace")


def extract_page(html: str, url: str | None = None) -> Page:
    """The main text and metadata of a page; ``PageError`` when it holds no article text."""
    import lxml.html
    import trafilatura
    from htmldate import find_date

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as err:
        raise PageError(f"not readable as HTML ({err})", url=url or "page") from None
    meta = _metadata(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        with_metadata=True,
        deduplicate=False,
    )
    text = (document.text if document is not None else "") or ""
    title = meta.get("headline") or (document.title if document is not None else None) or _title_element(tree) or ""
    title = " ".join(title.split())
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and _same_words(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the headline trafilatura kept as the first line
    if not paragraphs:
        raise PageError("no article text found in the page", url=url or "page", hint="is it an article page?")
    published, source = _published(meta, html, url, find_date)
    site = meta.get("site_name") or _title_site(tree, title)
    if not site and document is not None and document.sitename and not _looks_like_host(document.sitename):
        site = document.sitename
    if not site and url:
        site = (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.") or None
    canonical = meta.get("canonical") or meta.get("og_url")  # where a saved page came from, too
    if canonical and url:
        canonical = urllib.parse.urljoin(url, canonical)
    if canonical and urllib.parse.urlsplit(canonical).scheme not in ("http", "https"):
        canonical = None
    return Page(
        title=title or paragraphs[0][:120],
        text="\n\n".join(paragraphs),
        published=published,
        date_source=source,
        site_name=" ".join(site.split()) if site else None,
        canonical_url=canonical,
    )


def _same_words(a: str, b: str) -> bool:
    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())

    return words(a) == words(b)


def _looks_like_host(name: str) -> bool:
    return bool(re.fullmatch(r"[\w.-]+\.[a-z]{2,}|[\d.]+(:\d+)?|[\w.-]+:\d+", name.strip().lower()))


def _title_element(tree) -> str | None:
    found = tree.find(".//title")
    return found.text_content().strip() if found is not None and found.text_content().strip() else None


def _title_site(tree, headline: str) -> str | None:
    """The site's name from ``<title>Headline | Site</title>`` (or ``Site - Section - Headline``)."""
    title = _title_element(tree)
    if not title or not headline:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return None
    rest = [p for p in parts if not _same_words(p, headline)]
    if len(rest) == len(parts):
        return None
    if _same_words(parts[0], headline):
        candidate = rest[-1]
    elif _same_words(parts[-1], headline):
        candidate = rest[0]
    else:
        return None
    return candidate if 2 <= len(candidate) <= 60 else None


def _metadata(tree) -> dict[str, str]:
    """headline, date, site_name, canonical from JSON-LD, OpenGraph and ``<link rel=canonical>``."""
    found: dict[str, str] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        for item in _json_ld_items(data):
            kinds = item.get("@type")
            kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
            if not any(str(k).lower() in _ARTICLE_TYPES for k in kinds):
                continue
            if isinstance(item.get("datePublished"), str):
                found.setdefault("date", item["datePublished"])
                found.setdefault("date_from", "json-ld")
            if isinstance(item.get("headline"), str):
                found.setdefault("headline", item["headline"])
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("site_name", publisher["name"])
    for element in tree.xpath("//meta[@property or @name or @itemprop]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        value = (element.get("content") or "").strip()
        if not value:
            continue
        if key in ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate"):
            found.setdefault("date", value)
            found.setdefault("date_from", "opengraph" if ":" in key else "meta")
        elif key == "og:site_name":
            found.setdefault("site_name", value)
        elif key == "og:url":
            found.setdefault("og_url", value)
    for link in tree.xpath("//link[@href][@rel]"):
        if "canonical" in link.get("rel", "").lower().split():
            found.setdefault("canonical", link.get("href").strip())
    return found


def _json_ld_items(data) -> list[dict]:
    """Every object of a JSON-LD document, ``@graph`` members and nested lists included."""
    items: list[dict] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            items.append(value)
            if "@graph" in value:
                stack.append(value["@graph"])
    return items


def _iso_date(value: str) -> dt.date | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def _published(meta: dict[str, str], html: str, url: str | None, find_date) -> tuple[dt.date | None, str | None]:
    """The publication date and where it came from: structured metadata, else htmldate (which reads
    ``<time>``, meta tags, the URL and, as a last resort, dates written out in the page)."""
    if "date" in meta:
        date = _iso_date(meta["date"])
        if date is not None:
            return date, meta["date_from"]
    try:
        found = find_date(html, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        found = None
    if found:
        return dt.date.fromisoformat(found), "htmldate"
    return None, None
