"""End to end in a real browser: Debian's chromium opens a served query link and shows the results,
and the explorer's views (front page, timeline, network, capacities, entity pages, the static site).

Playwright drives the system chromium (``executable_path``), so nothing is downloaded; every
request that is not for the loopback server is blocked, so the page must work offline.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Route, expect, sync_playwright

from pactgraph.queries import bundled_queries, resolve_query, run_query
from pactgraph.serving import serve
from pactgraph.store import load_graph
from pactgraph.web import write_site

CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).parent / "data" / "mini-kg.trig"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(), reason="Debian's chromium is not installed (apt-get install -y chromium)"
)


def _loopback_only(route: Route) -> None:
    if urllib.parse.urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


def test_query_page_link_runs_the_bundled_query(tmp_path: Path) -> None:
    query = resolve_query("meetings")
    local = run_query(load_graph([FIXTURE]), query.text)
    ARTIFACTS.mkdir(exist_ok=True)
    with serve([FIXTURE], port=0) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            tmp_path / "profile", executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            page = browser.new_page()
            page.route("**/*", _loopback_only)
            page.goto(server.page_url(query.text))
            rows = page.locator(".yasr table tbody tr")
            expect(rows).to_have_count(len(local.rows))
            table = page.locator(".yasr table").inner_text()
            for row in local.rows:
                assert row[4] in table  # participantLabel
            assert all(column in table for column in query.columns)
            page.screenshot(path=ARTIFACTS / "serve-query-page.png", full_page=True)
        finally:
            browser.close()


# -- the explorer (issue 15) -------------------------------------------------------------------

PG = "PREFIX pg: <https://w3id.org/pactgraph/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def _offline(route: Route) -> None:
    """Only the loopback server and local files: the explorer must work offline."""
    parts = urllib.parse.urlsplit(route.request.url)
    if parts.scheme == "file" or parts.hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


@pytest.fixture(scope="module")
def explorer(web_graph: Path, tmp_path_factory):
    """A served explorer on the bundled articles plus the web test corpus, and a browser page on it
    that records script dialogs (none may open: labels carry a <script> tag) and page errors."""
    with serve([web_graph], port=0) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            page = browser.new_page()
            page.route("**/*", _offline)
            page.dialogs, page.errors = [], []
            page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: page.errors.append(str(error)))
            ARTIFACTS.mkdir(exist_ok=True)
            yield server, page, load_graph([web_graph])
            assert page.dialogs == [] and page.errors == []
        finally:
            browser.close()


def _rows(store, query: str) -> list[tuple]:
    return run_query(store, PG + query).rows


def test_front_page_counts_what_the_graph_holds(explorer) -> None:
    server, page, store = explorer
    page.goto(server.url + "/")
    for name, cls in (("meetings", "pg:Meeting"), ("agreements", "pg:Agreement"), ("articles", "pg:Article")):
        [(count,)] = _rows(store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) {{ ?x a/rdfs:subClassOf* {cls} }}")
        expect(page.locator(".counts div", has_text=name).locator("dd")).to_have_text(count)
    expect(page.locator("table.queries tbody tr")).to_have_count(len(bundled_queries()))
    page.screenshot(path=ARTIFACTS / "explorer-front.png", full_page=True)


def test_timeline_item_to_entity_page_to_source_sentence(explorer) -> None:
    server, page, store = explorer
    timeline = run_query(store, resolve_query("timeline").text)
    dated = {row[3]: (row[0], row[2]) for row in timeline.rows}  # item → (date, label)
    page.goto(server.url + "/timeline")
    items = page.locator(".tl-item")
    expect(items).to_have_count(len(dated))
    text = page.locator("#timeline").inner_text()
    for date, label in dated.values():
        assert date in text and label in text
    page.screenshot(path=ARTIFACTS / "explorer-timeline.png", full_page=True)

    # filter by an entity, chosen with the keyboard-operable select: only its facts stay
    agent, agent_label = _rows(
        store,
        "SELECT ?a ?l { ?f pg:participant|pg:party|pg:partner ?a ; pg:hasTime ?t . ?a rdfs:label ?l } "
        "GROUP BY ?a ?l ORDER BY DESC(COUNT(DISTINCT ?f)) ?l LIMIT 1",
    )[0]
    own = {
        row[0]
        for row in _rows(
            store, f"SELECT DISTINCT ?f {{ ?f pg:participant|pg:party|pg:partner <{agent}> ; pg:hasTime ?t }}"
        )
    }
    page.select_option("#tl-agent", agent)
    expect(page.locator(".tl-item:visible")).to_have_count(len(own & set(dated)))
    expect(page.locator("#timeline-status")).to_contain_text(f"Showing {len(own & set(dated))} of {len(dated)}")

    # from a timeline item to the entity's page, and from there to the source sentence
    page.locator(".tl-item:visible .tl-agents a", has_text=agent_label).first.click()
    expect(page.locator("h1")).to_have_text(agent_label)
    assert page.url.endswith("/doc/" + agent.removeprefix("https://w3id.org/pactgraph/id/") + ".html")
    page.screenshot(path=ARTIFACTS / "explorer-entity.png", full_page=True)
    sentence_link = page.locator("a.sentence-link").first
    quoted = sentence_link.locator("xpath=ancestor::figure").locator("blockquote").inner_text()
    sentence_link.click()
    sentence = page.url.split("/doc/", 1)[1].removesuffix(".html")
    [(text,)] = _rows(store, f"SELECT ?text {{ <https://w3id.org/pactgraph/id/{sentence}> pg:text ?text }}")
    assert quoted.strip() == text
    expect(page.locator(".quote blockquote")).to_have_text(text)


def test_network_shows_the_ties_of_the_graph(explorer) -> None:
    server, page, store = explorer
    facts: dict[str, tuple[str, set[str]]] = {}
    for fact, cls, agent in _rows(
        store,
        "SELECT ?f ?top ?a { VALUES (?top ?p) { (pg:Meeting pg:participant) (pg:Agreement pg:party) "
        "(pg:Partnership pg:partner) } ?f a/rdfs:subClassOf* ?top ; ?p ?a }",
    ):
        facts.setdefault(fact, (cls, set()))[1].add(agent)

    def pairs(kinds: set[str]) -> set[frozenset[str]]:
        return {
            frozenset((a, b)) for cls, agents in facts.values() if cls in kinds for a in agents for b in agents if a < b
        }

    everything = {v[0] for v in facts.values()}
    page.goto(server.url + "/network")
    expect(page.locator("#network canvas").first).to_be_attached()
    expect(page.locator("#network-table tbody tr")).to_have_count(len(pairs(everything)))
    labels = dict(_rows(store, "SELECT ?a ?l { ?f pg:participant|pg:party|pg:partner ?a . ?a rdfs:label ?l }"))
    table = page.locator("#network-table").inner_text()
    for pair in pairs(everything):
        assert all(labels[a] in table for a in pair)
    page.screenshot(path=ARTIFACTS / "explorer-network.png", full_page=True)
    page.locator('#network-filters input[name="category"][value="meeting"]').uncheck()
    without_meetings = everything - {"https://w3id.org/pactgraph/ontology#Meeting"}
    expect(page.locator("#network-table tbody tr")).to_have_count(len(pairs(without_meetings)))
    page.locator('#network-filters button[type="reset"]').click()
    expect(page.locator("#network-table tbody tr")).to_have_count(len(pairs(everything)))


def test_capacities_view_charts_and_tables(explorer) -> None:
    server, page, store = explorer
    capacities = run_query(store, resolve_query("capacities").text)
    technologies = {row[2] for row in capacities.rows if row[2]}
    [(count,)] = _rows(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c a pg:GenerationCapacity }")
    page.goto(server.url + "/capacities")
    expect(page.locator("#capacity-list tbody tr")).to_have_count(int(count))
    listed = page.locator("#table-technology tbody th").all_inner_texts()
    assert set(listed) == technologies
    # each chart has a text alternative and its data table
    for key in ("technology", "status", "place"):
        assert page.locator(f"#chart-{key}").is_visible()
        assert (
            page.locator(f"#table-{key} tbody tr").count()
            == page.locator(f'section[aria-labelledby="chart-{key}"] .bar-row').count()
        )
    page.screenshot(path=ARTIFACTS / "explorer-capacities.png", full_page=True)


def test_static_site_works_from_file_urls(explorer, web_graph: Path, tmp_path: Path) -> None:
    _, page, store = explorer
    write_site(store, tmp_path / "site")
    timeline = run_query(store, resolve_query("timeline").text)
    page.goto((tmp_path / "site" / "timeline.html").as_uri())
    expect(page.locator(".tl-item")).to_have_count(len({row[3] for row in timeline.rows}))
    page.goto((tmp_path / "site" / "network.html").as_uri())
    expect(page.locator("#network canvas").first).to_be_attached()
    page.keyboard.press("Tab")  # the skip link comes first, and takes the keyboard to the content
    expect(page.locator("a.skip")).to_be_focused()
    page.keyboard.press("Enter")
    page.locator("a[href$='index.html']").first.click()
    expect(page.locator("h1")).to_have_text("pactgraph explorer")
