"""The behaviour table's ingest cases (issue 14): what ``pactgraph add`` does with each bad page,
feed or link, served next to a good article page by the test news site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .behaviour import Case, CliRun, Observed, run_cli
from .ingest_site import Route, Site, gold_articles, news_site, render

AREA = "Web pages and feeds (add)"
FAST = ("--delay", "0", "--retries", "0", "--timeout", "0.5", "--no-cache")


def _outcome(run: CliRun, folder: Path) -> str:
    written = sorted((folder / "data" / "articles").glob("*.txt")) if (folder / "data" / "articles").is_dir() else []
    summary = next((line for line in reversed(run.stderr.splitlines()) if line.startswith("added ")), "")
    counts = summary.split(" → ")[0] if summary else "nothing added"
    return f"{counts}; {len(written)} article file{'s' if len(written) != 1 else ''} written"


def _case(name: str, sources: Callable[[Site, Path], list[str]], *extra: str) -> Case:
    """``pactgraph add`` of a good article page and ``sources`` (paths on the site, or local file names)."""

    def run(folder: Path) -> Observed:
        with news_site() as site:
            good = site.url + next(iter(site.pages))
            wanted = [site.url + s if s.startswith("/") else s for s in sources(site, folder)]  # else a local file
            result = run_cli(folder, "add", good, *wanted, *FAST, *extra)
        return Observed(result.exit_code, result.message, _outcome(result, folder))

    return Case(AREA, name, run)


def _paths(*paths: str) -> Callable[[Site, Path], list[str]]:
    return lambda site, folder: list(paths)


def _no_link(site: Site, folder: Path) -> list[str]:
    site.routes["/nolink.xml"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>A story without a link</title></item></channel></rss>",
        headers={"Content-Type": "application/rss+xml"},
    )
    return ["/nolink.xml"]


def _duplicate(site: Site, folder: Path) -> list[str]:
    _, article, _ = gold_articles()[0]
    site.page("/elsewhere/same-story.html", render(article, "visible", site.url + "/elsewhere/same-story.html"))
    return ["/elsewhere/same-story.html"]


def _private(site: Site, folder: Path) -> list[str]:
    feed = folder / "saved-feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title>'
        "<link>http://169.254.169.254/latest/meta-data/</link></item></channel></rss>",
        encoding="utf-8",
    )
    return ["saved-feed.xml"]


def _missing(site: Site, folder: Path) -> list[str]:
    return ["no-such-page.html"]


CASES: list[Case] = [
    _case("HTTP 404", _paths("/fault/404.html")),
    _case("HTTP 500", _paths("/fault/500.html")),
    _case("a slow drip past --timeout 0.5", _paths("/fault/slow.html")),
    _case("a redirect loop", _paths("/fault/loop-a.html")),
    _case("not HTML (application/pdf)", _paths("/fault/report.pdf")),
    _case("a 6 MB page", _paths("/fault/huge.html")),
    _case("disallowed by robots.txt", _paths("/private/secret.html")),
    _case("a malformed feed", _paths("/fault/malformed.xml")),
    _case("a feed item without a link", _no_link),
    _case("the same story under a second URL", _duplicate),
    _case("a saved feed linking to 169.254.169.254", _private),
    _case("a missing local file", _missing),
]
