"""The explorer (pactgraph.web): Linked Data by content negotiation, 404s, views, query tables,
escaping, CORS, the static site; and the terminal polish of issue 15."""

from __future__ import annotations

import filecmp
import html.parser
import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from pactgraph.cli import main
from pactgraph.queries import bundled_queries
from pactgraph.resources import ontology_path
from pactgraph.serving import oxigraph_server, serve
from pactgraph.store import load_graph
from pactgraph.web import Site, negotiate, write_site
from pactgraph.web.static_site import MARKER

ID = "https://w3id.org/pactgraph/id/"
RDFS_LABEL = rdflib.RDFS.label
SKOS_PREF = rdflib.SKOS.prefLabel
#: Accept header → (media type answered, extension of the document, rdflib parser).
FORMATS = {
    "text/turtle": ("text/turtle", "ttl", "turtle"),
    "application/ld+json": ("application/ld+json", "jsonld", "json-ld"),
    "application/n-triples": ("application/n-triples", "nt", "nt"),
    "application/rdf+xml": ("application/rdf+xml", "rdf", "xml"),
}
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def served(web_graph: Path):
    with serve([web_graph], port=0) as server:
        yield server


@pytest.fixture(scope="module")
def local(web_graph: Path) -> rdflib.Graph:
    """What the local files say: every graph of the TriG and the ontology, merged (rdflib, not pyoxigraph)."""
    dataset = rdflib.Dataset()
    dataset.parse(web_graph, format="trig")
    merged = rdflib.Graph()
    for quad in dataset.quads((None, None, None, None)):
        merged.add(quad[:3])
    merged.parse(ontology_path(), format="turtle")
    return merged


def _get(url: str, accept: str | None = None, method: str = "GET", headers: dict | None = None):
    request = urllib.request.Request(
        url, method=method, headers={**({"Accept": accept} if accept else {}), **(headers or {})}
    )
    try:
        with _DIRECT.open(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _expected(local: rdflib.Graph, iri: str) -> rdflib.Graph:
    """The entity's concise bounded description plus the labels of the IRIs it points to."""
    node = rdflib.URIRef(iri)
    out = rdflib.Graph()
    for _, p, o in local.triples((node, None, None)):
        out.add((node, p, o))
        if isinstance(o, rdflib.URIRef):
            for label_property in (RDFS_LABEL, SKOS_PREF):
                for label in local.objects(o, label_property):
                    out.add((o, label_property, label))
    return out


def _some_iris(local: rdflib.Graph) -> list[str]:
    """An entity of each kind, a fact of each kind and a sentence, found in the graph."""
    picks = ["https://w3id.org/pactgraph/id/country/azerbaijan"]
    pg = rdflib.Namespace("https://w3id.org/pactgraph/ontology#")
    for cls in (pg.Person, pg.Company, pg.Agreement, pg.Partnership, pg.GenerationCapacity, pg.Sentence, pg.Article):
        found = sorted(str(s) for s in local.subjects(rdflib.RDF.type, cls) if str(s).startswith(ID))
        assert found, cls
        picks.append(found[0])
    picks.append(sorted(str(s) for s in local.subjects(pg.participant, None))[0])
    return picks


@pytest.mark.parametrize("accept", sorted(FORMATS))
def test_content_negotiation_gives_the_local_description(served, local: rdflib.Graph, accept: str) -> None:
    media, extension, parser = FORMATS[accept]
    for iri in _some_iris(local):
        path = iri[len(ID) :]
        status, headers, body = _get(f"{served.url}/id/{path}", accept)
        assert status == 200, (iri, body[:200])
        assert headers["Content-Type"].split(";")[0] == media
        assert headers["Content-Location"] == f"/doc/{path}.{extension}"
        assert headers["Vary"] == "Accept"
        answered = rdflib.Graph().parse(data=body, format=parser, publicID=iri)
        assert len(answered) > 0
        assert isomorphic(answered, _expected(local, iri)), iri
        # the document named by Content-Location holds the same bytes
        assert _get(f"{served.url}/doc/{path}.{extension}")[2] == body


def test_html_page_quotes_the_source_sentence(served, local: rdflib.Graph) -> None:
    status, headers, body = _get(f"{served.url}/id/country/azerbaijan", "text/html,application/xhtml+xml;q=0.9")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["Content-Location"] == "/doc/country/azerbaijan.html"
    page = body.decode()
    pg = rdflib.Namespace("https://w3id.org/pactgraph/ontology#")
    azerbaijan = rdflib.URIRef(ID + "country/azerbaijan")
    sentences = [
        str(text)
        for fact in local.subjects(None, azerbaijan)
        if (fact, pg.confidence, None) in local
        for sentence in local.objects(fact, rdflib.PROV.wasDerivedFrom)
        for text in local.objects(sentence, pg.text)
    ]
    assert sentences
    for sentence in sentences:
        assert f"<p>{_escaped(sentence)}</p></blockquote>" in page
    titles = {str(t) for t in local.objects(None, rdflib.DCTERMS.title)}
    assert any(f"<cite>{_escaped(t)}</cite>" in page for t in titles)
    assert "confidence 0." in page


def _escaped(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")
    )


def test_unknown_iri_is_404(served) -> None:
    for accept in ("text/html", "text/turtle"):
        status, headers, body = _get(f"{served.url}/id/country/atlantis", accept)
        assert status == 404
        assert headers["Content-Type"].startswith("text/html")
        assert b"Not found" in body and b"id/country/atlantis" in body
    assert _get(f"{served.url}/doc/country/atlantis.ttl")[0] == 404
    assert _get(f"{served.url}/id/country/../country/azerbaijan")[0] in (200, 404)


def test_no_acceptable_format_is_406(served) -> None:
    status, _, body = _get(f"{served.url}/id/country/azerbaijan", "image/png")
    assert status == 406 and b"text/turtle" in body


def test_negotiation_honours_quality() -> None:
    assert negotiate("text/turtle;q=0.2, application/rdf+xml") == "rdf"
    assert negotiate("*/*") == "html"
    assert negotiate("text/*") == "html"
    assert negotiate("application/n-triples, */*;q=0.1") == "nt"


def test_views_and_query_tables_are_served(served) -> None:
    for path in ("/", "/timeline", "/network", "/capacities", "/entities", "/q/meetings"):
        status, headers, body = _get(served.url + path, "text/html")
        assert status == 200 and headers["Content-Type"].startswith("text/html"), path
    status, headers, body = _get(served.url + "/q/meetings.csv")
    assert status == 200 and body.decode().splitlines()[0].split(",")[:2] == ["meeting", "meetingLabel"]
    status, headers, body = _get(served.url + "/q/meetings.json")
    assert status == 200 and json.loads(body)["head"]["vars"][0] == "meeting"
    # the SPARQL endpoint is still Oxigraph's, behind the guard
    status, _, body = _get(served.url + "/query?query=" + urllib.parse.quote("SELECT (1 AS ?x) {}"), "text/csv")
    assert status == 200 and body.split() == [b"x", b"1"]


def test_sparql_editor_stays_reachable(served) -> None:
    status, _, body = _get(served.url + "/sparql-editor")
    assert status == 200 and b"Yasgui" in body and b"window.location.origin" in body
    # links printed by earlier versions (the query page at /) lead there
    parts = urllib.parse.urlsplit(served.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", "/?query=SELECT%20*%20%7B%7D")
    answer = connection.getresponse()
    assert answer.status == 303 and answer.getheader("Location") == "/sparql-editor?query=SELECT%20*%20%7B%7D"
    connection.close()


def test_labels_with_markup_are_escaped_everywhere(served, web_graph: Path, tmp_path: Path) -> None:
    name = '<script>alert("entity")</script> Energy Company'
    iri = ID + "organization/script-alert-entity-script-energy-company"
    status, _, body = _get(f"{served.url}/id/{iri[len(ID) :]}", "text/html")
    page = body.decode()
    assert status == 200 and f"<h1>{_escaped(name)}</h1>" in page
    write_site(load_graph([web_graph]), tmp_path / "site")
    pages = sorted((tmp_path / "site").rglob("*.html"))
    mentioning = [p for p in pages if "alert(" in p.read_text(encoding="utf-8")]
    assert len(mentioning) > 3  # the entity, its facts, the timeline, the network, the article
    for html_file in mentioning:
        text = html_file.read_text(encoding="utf-8")
        assert "<script>alert" not in text, html_file
        assert re.findall(r"<script\b[^>]*>", text) == [
            s for s in re.findall(r"<script\b[^>]*>", text) if "src=" in s or "application/json" in s
        ]


def test_cors_is_off_by_default_and_answers_preflight_when_on(web_graph: Path, served) -> None:
    status, headers, _ = _get(served.url + "/query", method="OPTIONS", headers={"Origin": "https://yasgui.org"})
    assert status == 405 and "Access-Control-Allow-Origin" not in headers
    with serve([web_graph], port=0, cors_origins=["https://yasgui.org"]) as server:
        preflight = {"Origin": "https://yasgui.org", "Access-Control-Request-Method": "POST"}
        status, headers, _ = _get(server.query_url, method="OPTIONS", headers=preflight)
        assert status == 204
        assert headers["Access-Control-Allow-Origin"] == "https://yasgui.org"
        assert "POST" in headers["Access-Control-Allow-Methods"]
        query = server.query_url + "?query=" + urllib.parse.quote("SELECT (1 AS ?x) {}")
        status, headers, _ = _get(query, "application/sparql-results+json", headers={"Origin": "https://yasgui.org"})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://yasgui.org"
        status, headers, _ = _get(query, "application/sparql-results+json", headers={"Origin": "https://evil.example"})
        assert "Access-Control-Allow-Origin" not in headers
        status, _, _ = _get(server.query_url, method="OPTIONS", headers={"Origin": "https://evil.example"})
        assert status == 405


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def _parsed(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_site_is_byte_stable_and_every_internal_link_resolves(web_graph: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert CliRunner().invoke(main, ["site", "--graph", str(web_graph), "--out", str(first)]).exit_code == 0
    assert CliRunner().invoke(main, ["site", "--graph", str(web_graph), "--out", str(second)]).exit_code == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, [str(f) for f in files], shallow=False)
    assert mismatch == [] and errors == []
    for name in ("index.html", "timeline.html", "network.html", "capacities.html", "entities.html", MARKER):
        assert (first / name).is_file()
    for query in bundled_queries():
        for extension in ("html", "csv", "json"):
            assert (first / "q" / f"{query.name}.{extension}").is_file()
    checked = 0
    for page in first.rglob("*.html"):
        for link in _parsed(page).links:
            if urllib.parse.urlsplit(link).scheme in ("http", "https", "mailto"):
                continue
            assert not link.startswith("/"), (page, link)  # root-relative links break under file://
            path, _, fragment = link.partition("#")
            target = (page.parent / urllib.parse.unquote(path)).resolve() if path else page
            assert target.is_file(), (page, link)
            if fragment:
                assert fragment in _parsed(target).ids, (page, link)
            checked += 1
    assert checked > 1000
    # a site written again replaces the previous one; a folder that is not a site is refused
    assert CliRunner().invoke(main, ["site", "--graph", str(web_graph), "--out", str(first)]).exit_code == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    result = CliRunner().invoke(main, ["site", "--graph", str(web_graph), "--out", str(other)])
    assert result.exit_code == 2 and "not a pactgraph site" in result.stderr
    assert (other / "keep.txt").read_text() == "mine"


def test_views_hold_what_the_graph_says(web_graph: Path) -> None:
    site = Site(load_graph([web_graph]))
    dated = [f for f in site.data.facts() if f["date"]]
    timeline = site.render("timeline.html").body.decode()
    for fact in dated:
        assert f'datetime="{fact["date"]}"' in timeline and _escaped(fact["label"]) in timeline
    network = json.loads(site.render("data/network.json").body)
    assert {e["source"] for e in network["edges"]} <= {n["id"] for n in network["nodes"]}
    capacities = json.loads(site.render("data/capacities.json").body)
    assert sum(float(c["mw"]) for c in capacities["capacities"]) == float(capacities["total"])


def test_query_table_compacts_iris_unless_asked() -> None:
    runner = CliRunner()
    compact = runner.invoke(main, ["query", "meetings", "--graph", "data/kg.ttl"])
    assert compact.exit_code == 0, compact.output
    assert "id:meeting/" in compact.output and "https://w3id.org/pactgraph/id/" not in compact.output
    full = runner.invoke(main, ["query", "meetings", "--graph", "data/kg.ttl", "--full-iris"])
    assert "https://w3id.org/pactgraph/id/meeting/" in full.output
    csv_output = runner.invoke(main, ["query", "meetings", "--graph", "data/kg.ttl", "--format", "csv"])
    assert "https://w3id.org/pactgraph/id/meeting/" in csv_output.output


def test_endpoint_with_empty_default_graph_says_so(web_graph: Path, tmp_path: Path) -> None:
    location = tmp_path / "store"
    store = load_graph([web_graph], with_ontology=False, location=location, for_queries=False)
    assert next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None
    del store
    with oxigraph_server(location, port=0, union_default_graph=False) as plain:
        result = CliRunner().invoke(main, ["query", "meetings", "--endpoint", plain.query_url])
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note: ")]
    assert len(notes) == 1 and "--union-default-graph" in notes[0]
    with oxigraph_server(location, port=0, union_default_graph=True) as union:
        result = CliRunner().invoke(main, ["query", "meetings", "--endpoint", union.query_url])
    assert result.exit_code == 0 and "Note:" not in result.stderr and "id:meeting/" in result.output
