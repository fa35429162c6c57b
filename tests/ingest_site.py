"""A news site on 127.0.0.1 for the ingest tests: pages rendered from our own templates imitating
news sites (``tests/data/ingest/templates``), feeds, a robots.txt, and every fault ``add`` must
survive. Nothing here reaches the internet.

The article pages carry the texts of our gold corpora (``corpus/probe``, ``corpus/probe2``,
``tests/data/eval``), each in one of five templates in turn; every template surrounds the story with
furniture (menus, a cookie banner, a ticker, related headlines, comments, a footer) that names
*other* deals between countries no article mentions (``FURNITURE_NAMES``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import hashlib
import html
import http.server
import json
import string
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from pactgraph.articles import read_article

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "tests" / "data" / "ingest" / "templates"
TEMPLATE_NAMES = ("jsonld", "opengraph", "time", "visible", "dotted")
GOLD_CORPORA = (ROOT / "corpus" / "probe", ROOT / "corpus" / "probe2", ROOT / "tests" / "data" / "eval")
#: Names that only the furniture of the templates mentions: none may reach an article or the graph.
FURNITURE_NAMES = ("Canada", "Argentina", "Finland", "Kenya", "Ghana", "Ecuador", "Denmark", "Nordvik")
#: Words of the furniture that must not reach an article file.
FURNITURE_WORDS = (
    *("cookie", "Related news", "Most read", "More stories", "Comments", "Subscribe", "All rights reserved"),
    *("BREAKING", "Latest news", "Other news", "Newsletter", "Skip to content", "Print version"),
)


@dataclass
class Route:
    """What the site answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds between two chunks of the body (a slow drip), 0 for all at once.
    drip_s: float = 0.0
    #: Send no Content-Length and close the connection after the body.
    no_length: bool = False
    #: Answer these statuses first, one per request, before the route's own (a flaky server).
    first: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    #: ETag and Last-Modified, honoured on conditional requests (304).
    validators: bool = False


@dataclass
class Site:
    url: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    #: The gold stem of each article page path, and the date it was published.
    pages: dict[str, tuple[str, dt.date]] = field(default_factory=dict)

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def page(self, path: str, text: str, *, charset: str | None = "utf-8", encoding: str | None = None) -> None:
        content_type = "text/html" + (f"; charset={charset}" if charset else "")
        self.routes[path] = Route(text.encode(encoding or charset or "utf-8"), headers={"Content-Type": content_type})


def render(article_path: Path, template: str, url: str, *, charset: str = "utf-8") -> str:
    """The article file as a page of ``template``, its canonical URL ``url``."""
    article = read_article(article_path)
    paragraphs = [p.strip() for p in article.body.split("\n") if p.strip()]
    published = article.published
    fields = {
        "charset": charset,
        "title": html.escape(article.title),
        "title_json": json.dumps(article.title)[1:-1],
        "title_attr": html.escape(article.title, quote=True),
        "canonical": url,
        "date": published.isoformat(),
        "modified": (published + dt.timedelta(days=2)).isoformat(),
        "paragraphs": "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
        "date_visible": f"{published.day} {published:%B %Y}",
        "date_visible_short": f"{published:%b} {published.day}, {published.year}",
        "date_dotted": f"{published:%d.%m.%Y}",
    }
    return string.Template((TEMPLATES / f"{template}.html").read_text(encoding="utf-8")).substitute(fields)


def gold_articles() -> list[tuple[str, Path, Path]]:
    """(stem, article file, gold file) of every gold corpus, in order."""
    found = []
    for corpus in GOLD_CORPORA:
        for gold in sorted((corpus / "gold").glob("*.json")):
            found.append((gold.stem, corpus / "articles" / f"{gold.stem}.txt", gold))
    return found


def rss(site: Site, paths: list[str], *, query: str = "") -> bytes:
    items = []
    for path in paths:
        stem, published = site.pages[path]
        title = read_article(next(a for s, a, _ in gold_articles() if s == stem)).title
        items.append(
            f"<item><title>{escape(title)}</title><link>{escape(site.url + path + query)}</link>"
            f"<guid>{site.url}{path}</guid>"
            f"<pubDate>{email.utils.format_datetime(dt.datetime.combine(published, dt.time(8), dt.UTC))}</pubDate>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Caspian energy news</title>'
        f"<link>{site.url}/</link><description>Test feed</description>{''.join(items)}</channel></rss>\n"
    ).encode()


def atom(site: Site, paths: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>Story {i}</title><link rel="alternate" href="{path}"/><id>urn:x:{i}</id>'
        f"<updated>{site.pages[path][1].isoformat()}T08:00:00Z</updated></entry>"
        for i, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Energy</title>'
        f'<id>urn:x:feed</id><updated>2026-01-01T00:00:00Z</updated><link href="{site.url}/"/>{entries}</feed>\n'
    ).encode()


def rss1(site: Site, paths: list[str]) -> bytes:
    items = "".join(
        f'<item rdf:about="{site.url}{path}"><title>Story {i}</title><link>{site.url}{path}</link>'
        f"<dc:date>{site.pages[path][1].isoformat()}</dc:date></item>"
        for i, path in enumerate(paths)
    )
    seq = "".join(f'<rdf:li rdf:resource="{site.url}{path}"/>' for path in paths)
    return (
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="{site.url}/rss1"><title>Ministry news</title><link>{site.url}/</link>'
        f"<description>d</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>{items}</rdf:RDF>\n"
    ).encode()


def populate(site: Site) -> None:
    """The article pages, the feeds, robots.txt and the faults."""
    for number, (stem, article, _) in enumerate(gold_articles()):
        template = TEMPLATE_NAMES[number % len(TEMPLATE_NAMES)]
        path = f"/news/{template}/{stem}.html"
        site.page(path, render(article, template, site.url + path))
        site.pages[path] = (stem, read_article(article).published)
    every = list(site.pages)
    site.routes["/rss.xml"] = Route(
        rss(site, every, query="?utm_source=rss&utm_medium=feed"),
        headers={"Content-Type": "application/rss+xml"},
        validators=True,
    )
    site.routes["/atom.xml"] = Route(atom(site, every[:3]), headers={"Content-Type": "application/atom+xml"})
    site.routes["/rss1.rdf"] = Route(rss1(site, every[3:5]), headers={"Content-Type": "application/rdf+xml"})
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
    one = gold_articles()[0][1]
    site.page("/private/secret.html", render(one, "jsonld", site.url + "/private/secret.html"))
    site.routes["/fault/404.html"] = Route(b"not here", status=404, headers={"Content-Type": "text/html"})
    site.routes["/fault/500.html"] = Route(b"oops", status=500, headers={"Content-Type": "text/html"})
    site.routes["/fault/slow.html"] = Route(
        render(one, "jsonld", site.url + "/fault/slow.html").encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
        drip_s=0.05,
    )
    for a, b in (("loop-a", "loop-b"), ("loop-b", "loop-a")):
        site.routes[f"/fault/{a}.html"] = Route(status=302, headers={"Location": f"/fault/{b}.html"})
    site.routes["/fault/report.pdf"] = Route(b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"})
    big = b"<html><body>" + b"<p>" + b"x" * 6_000_000 + b"</p></body></html>"
    site.routes["/fault/huge.html"] = Route(big, headers={"Content-Type": "text/html"})
    site.routes["/fault/huge-unannounced.html"] = Route(big, headers={"Content-Type": "text/html"}, no_length=True)
    site.routes["/fault/malformed.xml"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ti', headers={"Content-Type": "text/xml"}
    )


@contextlib.contextmanager
def news_site() -> Iterator[Site]:
    """The site on a free loopback port, populated; stopped after the test."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path
            site.requests.append((path, dict(self.headers)))
            route = site.routes.get(path.split("?", 1)[0])
            if route is None:
                self._send(404, {"Content-Type": "text/html"}, b"no such page")
                return
            if route.first:
                status, headers = route.first.pop(0)
                self._send(status, {"Content-Type": "text/html", **headers}, b"busy")
                return
            headers = dict(route.headers)
            if route.validators:
                etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                headers |= {"ETag": etag, "Last-Modified": "Wed, 01 Oct 2025 08:00:00 GMT"}
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, {"ETag": etag}, b"")
                    return
            if route.drip_s:
                self._drip(route, headers)
                return
            self._send(route.status, headers, route.body, length=not route.no_length)

        def _send(self, status: int, headers: dict[str, str], body: bytes, *, length: bool = True) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if length:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def _drip(self, route: Route, headers: dict[str, str]) -> None:
            self.send_response(route.status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            for start in range(0, len(route.body), 64):
                if site.release.wait(route.drip_s):
                    return
                try:
                    self.wfile.write(route.body[start : start + 64])
                    self.wfile.flush()
                except OSError:
                    return

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    populate(site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
