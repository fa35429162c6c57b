"""Take the README's screenshots of the explorer: `python docs/take_screenshots.py`.

Serves the bundled graph (`data/kg.trig`) with `pactgraph serve` on a free loopback port, opens
each view in Debian's headless chromium (offline: every request that is not for the loopback
server is refused) and writes `docs/screenshots/*.png`.
"""

from __future__ import annotations

import sys
import tempfile
import urllib.parse
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pactgraph.serving import serve  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.test_browser import CHROMIUM_FLAGS as FLAGS  # noqa: E402  (one list of flags for both)

OUT = ROOT / "docs" / "screenshots"
VIEWS = {
    "front": "/",
    "timeline": "/timeline",
    "network": "/network",
    "capacities": "/capacities",
    "entity": "/id/country/azerbaijan",
    "query": "/q/agreements",
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (
        serve([ROOT / "data" / "kg.trig"], port=0) as server,
        sync_playwright() as playwright,
        tempfile.TemporaryDirectory() as profile,
    ):
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path="/usr/bin/chromium",
            headless=True,
            args=FLAGS,
            viewport={"width": 1200, "height": 760},
        )
        page = browser.new_page()
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if urllib.parse.urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort()
            ),
        )
        for name, path in VIEWS.items():
            page.goto(server.url + path)
            if name == "network":
                page.locator("#network canvas").first.wait_for(state="attached")
                page.wait_for_function("document.querySelector('#network canvas').width > 0")
            page.screenshot(path=OUT / f"{name}.png")
            print(OUT / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
