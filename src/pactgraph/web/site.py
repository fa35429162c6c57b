"""The pages: entity and fact pages in five formats, the views, the query tables, static files.

``Site.render(path)`` gives the file at a site-relative path (``index.html``,
``doc/country/azerbaijan.ttl``, ``q/meetings.csv`` …); ``Site.paths()`` lists every file of the
static site. ``pactgraph serve`` answers from the same object (``pactgraph.web.app``), so a served
page and a static page are the same bytes. Every link between pages is relative, so the static site
works from ``file://`` and under any base URL.
"""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import jinja2
import pyoxigraph as ox
from markupsafe import Markup

from pactgraph.queries import BundledQuery, bundled_queries, format_result, run_query
from pactgraph.store import PREFIXES, Format, serialize
from pactgraph.vocab import ID
from pactgraph.web.data import CATEGORIES, Data, compact, description

__all__ = ["DOC_FORMATS", "Page", "Site", "doc_path", "iri_of_doc"]

_HERE = Path(__file__).resolve().parent
TEMPLATES = _HERE / "templates"
STATIC = _HERE / "static"

#: Formats of an entity's description: extension → (media type, RDF format or None for HTML).
DOC_FORMATS: dict[str, tuple[str, Format | None]] = {
    "html": ("text/html; charset=utf-8", None),
    "ttl": ("text/turtle; charset=utf-8", Format.TURTLE),
    "jsonld": ("application/ld+json", Format.JSONLD),
    "nt": ("application/n-triples", Format.NTRIPLES),
    "rdf": ("application/rdf+xml", Format.XML),
}
_STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    "": "text/plain; charset=utf-8",
}
_SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$")
VIEWS = ("timeline", "network", "capacities")
#: IRIs whose existence is remembered at most (a static site needs each once; a server, the common ones).
_MAX_REMEMBERED = 200_000


@dataclass(frozen=True)
class Page:
    """One file of the site: its media type and bytes."""

    content_type: str
    body: bytes
    status: int = 200


def doc_path(iri: str) -> str | None:
    """The path (without extension) of an IRI's description in the site, or None when the IRI is
    not under ``id:`` or has a segment that is not a plain file name.

    >>> doc_path("https://w3id.org/pactgraph/id/country/azerbaijan")
    'doc/country/azerbaijan'
    >>> doc_path("https://w3id.org/pactgraph/id/x/../y") is None, doc_path("http://example.org/a") is None
    (True, True)
    """
    if not iri.startswith(ID):
        return None
    segments = iri[len(ID) :].split("/")
    if not all(_SAFE_SEGMENT.match(s) for s in segments):
        return None
    return "doc/" + "/".join(segments)


def iri_of_doc(path: str) -> tuple[str, str] | None:
    """The IRI and extension a ``doc/…`` path describes, or None.

    >>> iri_of_doc("doc/country/azerbaijan.ttl")
    ('https://w3id.org/pactgraph/id/country/azerbaijan', 'ttl')
    """
    if not path.startswith("doc/") or "." not in path.rsplit("/", 1)[-1]:
        return None
    stem, extension = path.rsplit(".", 1)
    if extension not in DOC_FORMATS:
        return None
    iri = ID + stem[len("doc/") :]
    return (iri, extension) if doc_path(iri) == stem else None


def root_of(path: str) -> str:
    """The relative prefix from a page at ``path`` back to the site root.

    >>> root_of("index.html"), root_of("q/meetings.html"), root_of("doc/country/azerbaijan.html")
    ('', '../', '../../')
    """
    return "../" * path.count("/")


def _json_for_html(value: object) -> Markup:
    """JSON safe inside a ``<script type="application/json">`` element: no ``<``, ``>`` or ``&``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def _decimal(value: str) -> Decimal:
    try:
        return Decimal(value)
    except (InvalidOperation, ValueError):
        return Decimal(0)


def _mw_text(value: Decimal) -> str:
    """MW as plain digits: ``Decimal('2300.0')`` → ``'2300'``.

    >>> _mw_text(Decimal("2300.0")), _mw_text(Decimal("0.50"))
    ('2300', '0.5')
    """
    text = f"{value.normalize():f}"
    return text


class Site:
    """Every page of one graph, rendered on demand and kept (the store does not change)."""

    def __init__(self, store: ox.Store, *, queries: list[BundledQuery] | None = None, served: bool = False) -> None:
        self.data = Data(store)
        self.queries = {q.name: q for q in (bundled_queries() if queries is None else queries)}
        #: True under ``pactgraph serve``: pages link the SPARQL editor, which a static site lacks.
        self.served = served
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self._env.filters["json"] = _json_for_html
        self._env.filters["compact"] = compact
        self._pages: dict[str, Page | None] = {}
        self._lock = threading.Lock()
        self._has_page: dict[str, bool] = {}

    # -- what exists --------------------------------------------------------------------------

    def has_page(self, iri: str) -> bool:
        """True when the IRI gets a page: it is under ``id:``, a plain path, and the graph describes it."""
        known = self._has_page.get(iri)
        if known is None:
            known = doc_path(iri) is not None and self.data.exists(iri)
            if len(self._has_page) < _MAX_REMEMBERED:  # unknown IRIs a client makes up are not all kept
                self._has_page[iri] = known
        return known

    def paths(self) -> list[str]:
        """Every file of the static site, sorted."""
        paths = ["index.html", "entities.html", "404.html"]
        paths += [f"{view}.html" for view in VIEWS]
        paths += [f"data/{view}.json" for view in VIEWS]
        for name in self.queries:
            paths += [f"q/{name}.html", f"q/{name}.csv", f"q/{name}.json"]
        for iri in self.data.subjects():
            stem = doc_path(iri)
            if stem is not None:
                paths += [f"{stem}.{extension}" for extension in DOC_FORMATS]
        paths += [f"static/{p.relative_to(STATIC).as_posix()}" for p in STATIC.rglob("*") if p.is_file()]
        return sorted(paths)

    def render(self, path: str) -> Page | None:
        """The file at a site-relative path, or None when there is none.

        The views, query tables and static files are kept once made (a few per graph); entity pages
        are made on each request, so a server's memory does not grow with the number of entities.
        """
        with self._lock:
            if path in self._pages:
                return self._pages[path]
        page = self._render(path)
        if not path.startswith("doc/"):
            with self._lock:
                self._pages[path] = page
        return page

    def not_found(self, path: str, what: str) -> Page:
        """The 404 page for a request at ``path`` (site-relative, for its links)."""
        return Page("text/html; charset=utf-8", self._html("404.html", path, what=what), status=404)

    # -- rendering ----------------------------------------------------------------------------

    def _render(self, path: str) -> Page | None:
        if path.startswith("static/"):
            return self._static(path)
        if path.startswith("doc/"):
            found = iri_of_doc(path)
            if found is None or not self.has_page(found[0]):
                return None
            return self.description(*found)
        if path in ("index.html", "entities.html") or path in (f"{v}.html" for v in VIEWS):
            return Page("text/html; charset=utf-8", self._view(path))
        if path == "404.html":
            return self.not_found(path, "")
        match = re.fullmatch(r"data/(\w+)\.json", path)
        if match and match.group(1) in VIEWS:
            return Page("application/json", self._json(getattr(self, f"_{match.group(1)}_data")()))
        match = re.fullmatch(r"q/([\w.-]+)\.(html|csv|json)", path)
        if match and match.group(1) in self.queries:
            return self._query(self.queries[match.group(1)], match.group(2))
        return None

    def _json(self, value: object) -> bytes:
        return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode()

    def _static(self, path: str) -> Page | None:
        target = (STATIC / path[len("static/") :]).resolve()
        if not target.is_file() or STATIC not in target.parents:
            return None
        return Page(_STATIC_TYPES.get(target.suffix, "application/octet-stream"), target.read_bytes())

    def _html(self, template: str, path: str, **context: object) -> bytes:
        root = root_of(path)

        def link(iri: str) -> str | None:
            stem = doc_path(iri)
            return f"{root}{stem}.html" if stem is not None and self.has_page(iri) else None

        html = self._env.get_template(template).render(
            root=root, link=link, served=self.served, path=path, queries=list(self.queries.values()), **context
        )
        return html.encode()

    def description(self, iri: str, extension: str) -> Page:
        """An IRI's description: the HTML page, or its concise bounded description (plus labels)
        in an RDF format."""
        media_type, fmt = DOC_FORMATS[extension]
        stem = doc_path(iri)
        assert stem is not None
        if fmt is None:
            resource = self.data.resource(iri)
            body = self._html(
                "resource.html",
                f"{stem}.html",
                r=resource,
                base=stem.rsplit("/", 1)[-1],
                formats=[e for e in DOC_FORMATS if e != "html"],
            )
            return Page(media_type, body)
        triples = description(self.data.store, iri)
        prefixes = {"rdfs": PREFIXES["rdfs"], **PREFIXES}
        return Page(media_type, serialize(triples, fmt, prefixes=prefixes))

    def _view(self, path: str) -> bytes:
        name = path.removesuffix(".html")
        if name == "index":
            return self._html("index.html", path, counts=self.data.counts(), views=VIEWS)
        if name == "entities":
            return self._html("entities.html", path, entities=self.data.entities())
        return self._html(f"{name}.html", path, view=getattr(self, f"_{name}_data")())

    # -- view data (also written as data/*.json) ----------------------------------------------

    def _timeline_data(self) -> dict:
        items = [f for f in self.data.facts() if f["date"]]
        years: dict[str, list[dict]] = defaultdict(list)
        for item in items:
            years[item["date"][:4]].append(item)
        agents = {a["iri"]: a["label"] for item in items for a in item["agents"]}
        return {
            "items": items,
            "years": [{"year": y, "items": years[y]} for y in sorted(years)],
            "agents": [
                {"iri": i, "label": label} for i, label in sorted(agents.items(), key=lambda a: (a[1].casefold(), a[0]))
            ],
            "categories": list(CATEGORIES),
            "first": items[0]["date"] if items else "",
            "last": items[-1]["date"] if items else "",
        }

    def _network_data(self) -> dict:
        kinds = {e["iri"]: e["kind"] for e in self.data.entities()}
        facts = [f for f in self.data.facts() if len(f["agents"]) >= 2]
        nodes: dict[str, dict] = {}
        edges: dict[tuple[str, str], dict] = {}
        for fact in facts:
            for agent in fact["agents"]:
                nodes.setdefault(
                    agent["iri"],
                    {"id": agent["iri"], "label": agent["label"], "kind": kinds.get(agent["iri"], "other")},
                )
            ids = [a["iri"] for a in fact["agents"]]
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    key = (min(a, b), max(a, b))
                    edge = edges.setdefault(
                        key, {"source": key[0], "target": key[1], **{c: 0 for c in CATEGORIES}, "facts": 0}
                    )
                    edge[fact["category"]] += 1
                    edge["facts"] += 1
        label = {n["id"]: n["label"] for n in nodes.values()}
        edge_list = sorted(
            edges.values(), key=lambda e: (-e["facts"], label[e["source"]].casefold(), label[e["target"]].casefold())
        )
        return {
            "nodes": sorted(nodes.values(), key=lambda n: (n["label"].casefold(), n["id"])),
            "edges": edge_list,
            "facts": [
                {
                    "iri": f["iri"],
                    "category": f["category"],
                    "date": f["date"],
                    "label": f["label"],
                    "agents": [a["iri"] for a in f["agents"]],
                }
                for f in facts
            ],
            "categories": list(CATEGORIES),
            "kinds": sorted({n["kind"] for n in nodes.values()}),
        }

    def _capacities_data(self) -> dict:
        capacities = self.data.capacities()
        charts = []
        for key, title, values in (
            ("technology", "MW by technology", lambda c: c["technologies"]),
            ("status", "MW by status", lambda c: [c["status"]]),
            ("place", "MW by place", lambda c: [c["place"]["label"] if c["place"] else "unspecified"]),
        ):
            totals: dict[str, Decimal] = defaultdict(Decimal)
            counts: dict[str, int] = defaultdict(int)
            for capacity in capacities:
                for value in values(capacity):
                    totals[value] += _decimal(capacity["mw"])
                    counts[value] += 1
            bars = sorted(totals, key=lambda k: (-totals[k], k))
            largest = max(totals.values(), default=Decimal(0)) or Decimal(1)
            charts.append(
                {
                    "key": key,
                    "title": title,
                    "bars": [
                        {
                            "label": name,
                            "mw": _mw_text(totals[name]),
                            "count": counts[name],
                            "width": f"{(totals[name] / largest * 100):.1f}",
                        }
                        for name in bars
                    ],
                }
            )
        total = sum((_decimal(c["mw"]) for c in capacities), Decimal(0))
        return {"capacities": capacities, "charts": charts, "total": _mw_text(total)}

    # -- query tables -------------------------------------------------------------------------

    def _query(self, query: BundledQuery, extension: str) -> Page:
        result = run_query(self.data.store, query.text, source=query.path)
        if extension == "csv":
            return Page("text/csv; charset=utf-8", format_result(result, "csv").encode())
        if extension == "json":
            return Page("application/sparql-results+json", format_result(result, "json").encode())
        merged = {c for c in result.columns if c.endswith("Label") and c[: -len("Label")] in result.columns}
        columns = [c for c in result.columns if c not in merged]
        rows = []
        for values, terms in zip(result.rows, result.terms, strict=True):
            by_name = dict(zip(result.columns, zip(values, terms, strict=True), strict=True))
            cells = []
            for column in columns:
                value, term = by_name[column]
                if isinstance(term, ox.NamedNode):
                    label_value = by_name.get(column + "Label", (None, None))[0]
                    text = label_value or self.data.label(term.value)
                    cells.append({"iri": term.value, "text": text})
                else:
                    cells.append({"iri": "", "text": value or ""})
            rows.append(cells)
        body = self._html("query.html", f"q/{query.name}.html", query=query, columns=columns, rows=rows)
        return Page("text/html; charset=utf-8", body)
