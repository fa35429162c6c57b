"""Feeds: RSS 2.0, RSS 1.0 and Atom over HTTP and from files; a malformed feed, an item without a
link, --since and --limit; a second add of the same feed sends a conditional GET and adds nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from pactgraph.errors import PageError
from pactgraph.ingest import add
from pactgraph.ingest.feeds import parse_feed

from .ingest_site import Route


@pytest.mark.parametrize(("feed", "count"), [("/rss.xml", 26), ("/atom.xml", 3), ("/rss1.rdf", 2)])
def test_every_kind_of_feed_is_read(news, tmp_path, feed: str, count: int) -> None:
    report = add([news.url + feed], to=tmp_path / "articles", cache=None, delay=0)
    assert len(report.added) == count and not report.failed, report.failed
    assert len(list((tmp_path / "articles").glob("*.txt"))) == count


def test_feed_items_carry_links_titles_and_dates(news) -> None:
    feed = parse_feed(news.routes["/rss.xml"].body, news.url + "/rss.xml")
    first = feed.items[0]
    assert first.link.startswith(news.url + "/news/") and "utm_source=rss" in first.link
    assert first.title and isinstance(first.published, dt.date)


def test_a_malformed_feed_is_one_failure(news, tmp_path) -> None:
    report = add([news.url + "/fault/malformed.xml"], to=tmp_path / "articles", cache=None, delay=0)
    assert [f.message for f in report.failed] == [
        f"{news.url}/fault/malformed.xml: not a well-formed RSS or Atom feed (<unknown>:1:79: unclosed token); "
        "check the feed's address, or tell its publisher"
    ]
    with pytest.raises(PageError):
        parse_feed(b"<html><body>not a feed</body></html>", "http://x/feed")


def test_an_item_without_a_link_is_skipped_with_a_warning(news, tmp_path) -> None:
    page = next(iter(news.pages))
    news.routes["/nolink.xml"] = Route(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>A story without a link</title><description>text</description></item>"
        f"<item><title>Linked</title><link>{news.url}{page}</link></item></channel></rss>".encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    report = add([news.url + "/nolink.xml"], to=tmp_path / "articles", cache=None, delay=0)
    assert len(report.added) == 1 and not report.failed
    assert report.warnings == [f"{news.url}/nolink.xml: item 1 ('A story without a link') has no link; skipped"]


def test_since_and_limit(news, tmp_path) -> None:
    since = dt.date(2025, 10, 1)
    report = add([news.url + "/rss.xml"], to=tmp_path / "a", cache=None, delay=0, since=since)
    expected = sum(1 for _, published in news.pages.values() if published >= since)
    assert len(report.added) == expected and report.older == len(news.pages) - expected
    assert all(a.published >= since for a in report.added)
    fetched_before = len(news.requests)
    limited = add([news.url + "/rss.xml"], to=tmp_path / "b", cache=None, delay=0, limit=4)
    assert len(limited.added) == 4
    assert len(news.requests) - fetched_before == 1 + 1 + 4  # robots.txt, the feed and four pages


def test_a_second_add_of_the_feed_adds_nothing_and_asks_conditionally(news, tmp_path) -> None:
    first = add([news.url + "/rss.xml"], to=tmp_path / "articles", cache=tmp_path / "cache", delay=0)
    assert len(first.added) == 26
    names = sorted(p.name for p in (tmp_path / "articles").iterdir())
    before = len(news.requests)
    second = add([news.url + "/rss.xml"], to=tmp_path / "articles", cache=tmp_path / "cache", delay=0)
    assert (len(second.added), len(second.existing), len(second.failed)) == (0, 26, 0)
    sent = news.requests[before:]
    assert [path for path, _ in sent] == ["/robots.txt", "/rss.xml"]  # no page is fetched again
    assert "If-None-Match" in sent[1][1]
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == names
