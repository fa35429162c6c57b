"""The web pages under ``pactgraph serve``: which request gets which page of the ``Site``.

The guard (``pactgraph.guard``) asks ``WebApp.handle`` first for every GET and HEAD; what it
does not answer (``None``) goes on to the Oxigraph server as before (``/query``, ``/store`` …).

Linked Data: ``/id/…`` is the IRI of a thing (a country, a meeting), not of a document. A
request for it is answered **200 with ``Content-Location``**: the description in the format
chosen by content negotiation on ``Accept`` (HTML, Turtle, JSON-LD, N-Triples, RDF/XML), with
``Content-Location`` naming the document that holds it (``/doc/….ttl``), ``Vary: Accept`` and
``Link`` headers to the other formats. ``docs/linked-data.md`` says why this rather than a 303.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pactgraph.vocab import ID
from pactgraph.web.site import DOC_FORMATS, VIEWS, Page, Site, doc_path

__all__ = ["Response", "WebApp", "negotiate"]

#: Media types we offer for a description, in our order of preference, and their extension.
_OFFERS = (
    ("text/html", "html"),
    ("application/xhtml+xml", "html"),
    ("text/turtle", "ttl"),
    ("application/ld+json", "jsonld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdf"),
    ("application/json", "jsonld"),
    ("application/x-turtle", "ttl"),
    ("text/n3", "ttl"),
    ("text/plain", "nt"),
)
_EDITOR_URL_LINE = re.compile(r"const url = [^\n]*;")


@dataclass(frozen=True)
class Response:
    """What the guard sends: status, headers and body."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def negotiate(accept: str | None) -> str | None:
    """The extension of the format to send for an ``Accept`` header; None when none is acceptable.

    Quality values are honoured; among equals, HTML first (a browser), then Turtle.

    >>> negotiate("text/turtle"), negotiate(None), negotiate("application/ld+json;q=0.9, text/turtle;q=0.5")
    ('ttl', 'html', 'jsonld')
    >>> negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    'html'
    >>> negotiate("image/png") is None
    True
    """
    ranges = []
    for part in (accept or "*/*").split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality))
    best, best_quality = None, 0.0
    for media, extension in _OFFERS:
        kind = media.split("/")[0]
        matches = [
            (3 if m == media else 2 if m == f"{kind}/*" else 1, q)
            for m, q in ranges
            if m in (media, f"{kind}/*", "*/*")
        ]
        if not matches:
            continue
        quality = max(matches)[1]  # the most specific range decides
        if quality > best_quality:
            best, best_quality = extension, quality
    return best


class WebApp:
    """Answers the explorer's URLs from a ``Site``; ``editor_page`` fetches Oxigraph's query page."""

    def __init__(self, site: Site, *, editor_page: Callable[[], bytes] | None = None) -> None:
        self.site = site
        self.editor_page = editor_page

    def handle(self, method: str, target: str, headers: Mapping[str, str]) -> Response | None:
        """The response to a GET or HEAD of ``target`` (path and query), or None: not ours."""
        if method not in ("GET", "HEAD"):
            return None
        parts = urllib.parse.urlsplit(target)
        path = urllib.parse.unquote(parts.path)
        if path == "/" and "query" in urllib.parse.parse_qs(parts.query):
            # the query page used to be at "/": links printed by earlier versions still work
            return Response(303, {"Location": "/sparql-editor?" + parts.query})
        if path == "/sparql-editor":
            return self._editor()
        if path.startswith("/id/"):
            return self._thing(path, headers.get("Accept"))
        site_path = _site_path(path)
        if site_path is None:
            return None
        page = self.site.render(site_path)
        if page is None:
            if path.startswith(("/doc/", "/q/", "/static/", "/data/")):
                return self._page(self.site.not_found(site_path, path))
            return None
        return self._page(page)

    def _page(self, page: Page, **extra: str) -> Response:
        return Response(page.status, {"Content-Type": page.content_type, **extra}, page.body)

    def _thing(self, path: str, accept: str | None) -> Response:
        iri = ID + path[len("/id/") :]
        stem = doc_path(iri)
        site_path = path.lstrip("/")
        if stem is None or not self.site.has_page(iri):
            return self._page(self.site.not_found(site_path, iri))
        extension = negotiate(accept)
        if extension is None:
            offered = ", ".join(DOC_FORMATS[e][0].split(";")[0] for e in DOC_FORMATS)
            return Response(406, {"Content-Type": "text/plain; charset=utf-8"}, f"available: {offered}\n".encode())
        page = self.site.description(iri, extension)
        alternates = ", ".join(
            f'</{stem}.{e}>; rel="alternate"; type="{DOC_FORMATS[e][0].split(";")[0]}"' for e in DOC_FORMATS
        )
        return self._page(page, **{"Content-Location": f"/{stem}.{extension}", "Vary": "Accept", "Link": alternates})

    def _editor(self) -> Response:
        if self.editor_page is None:
            return Response(404, {"Content-Type": "text/plain; charset=utf-8"}, b"no SPARQL editor here\n")
        html = self.editor_page().decode("utf-8", errors="replace")
        # Oxigraph's page derives its endpoint from its own URL (…/sparql-editor/sparql); ours is at the root.
        html = _EDITOR_URL_LINE.sub("const url = window.location.origin;", html, count=1)
        return Response(200, {"Content-Type": "text/html; charset=utf-8"}, html.encode())


def _site_path(path: str) -> str | None:
    """The site file a URL path asks for: ``/`` → ``index.html``, ``/timeline`` → ``timeline.html``,
    ``/q/meetings`` → ``q/meetings.html``; None for paths that are not the explorer's.

    >>> _site_path("/"), _site_path("/network"), _site_path("/q/roles"), _site_path("/query")
    ('index.html', 'network.html', 'q/roles.html', None)
    """
    if path in ("/", "/index.html"):
        return "index.html"
    name = path.strip("/")
    if name in (*VIEWS, "entities", "404"):
        return f"{name}.html"
    if path.startswith(("/doc/", "/static/", "/data/")) or re.fullmatch(r"/(\w+)\.html", path):
        return path.lstrip("/")
    match = re.fullmatch(r"/q/([\w.-]+?)(\.html|\.csv|\.json)?", path)
    if match:
        return f"q/{match.group(1)}{match.group(2) or '.html'}"
    return None
