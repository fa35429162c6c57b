"""End to end in a real browser: Debian's chromium opens a served query link and shows the results.

Playwright drives the system chromium (``executable_path``), so nothing is downloaded; every
request that is not for the loopback server is blocked, so the page must work offline.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Route, expect, sync_playwright

from pactgraph.queries import resolve_query, run_query
from pactgraph.serving import serve
from pactgraph.store import load_graph

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
