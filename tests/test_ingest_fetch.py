"""The polite fetcher against a real HTTP server on 127.0.0.1: User-Agent, robots.txt, one request
per host per second, retries after Retry-After, the on-disk cache with conditional GET, the refusals
(status, content type, size, redirect loop, slow drip) and the guard against private addresses."""

from __future__ import annotations

import pytest

from pactgraph.errors import (
    FetchStatusError,
    FetchTimeoutError,
    NotHTMLError,
    PageTooLargeError,
    PrivateAddressError,
    RedirectLoopError,
    RobotsDisallowedError,
)
from pactgraph.ingest import add, fetch
from pactgraph.ingest.fetch import USER_AGENT, Fetcher, is_public_address

from .ingest_site import Route


def fetcher(tmp_path=None, **options) -> Fetcher:
    waits: list[float] = []
    defaults = {"delay": 0.0, "cache": tmp_path / "http" if tmp_path else None, "backoff_s": 0.0, "sleep": waits.append}
    made = Fetcher(**(defaults | options))
    made.waits = waits  # type: ignore[attr-defined]
    return made


def page_path(news) -> str:
    return next(iter(news.pages))


def test_user_agent_names_the_project_and_robots_is_read_once(news) -> None:
    get = fetcher()
    for path in list(news.pages)[:3]:
        get.get(news.url + path, private_ok=True)
    assert news.paths_requested()[0] == "/robots.txt"
    assert news.paths_requested().count("/robots.txt") == 1
    agents = {headers["User-Agent"] for _, headers in news.requests}
    assert agents == {USER_AGENT}
    assert "pactgraph/" in USER_AGENT and "https://w3id.org/pactgraph" in USER_AGENT


def test_robots_disallow_is_refused_without_fetching(news) -> None:
    with pytest.raises(RobotsDisallowedError, match=r"disallowed by .*/robots.txt"):
        fetcher().get(news.url + "/private/secret.html", private_ok=True)
    assert "/private/secret.html" not in news.paths_requested()


def test_robots_server_error_keeps_the_site_closed(news) -> None:
    news.routes["/robots.txt"] = Route(b"down", status=503)
    with pytest.raises(RobotsDisallowedError, match="treated as closed"):
        fetcher(retries=0).get(news.url + page_path(news), private_ok=True)


def test_missing_robots_allows_everything(news) -> None:
    del news.routes["/robots.txt"]
    assert fetcher().get(news.url + page_path(news), private_ok=True).body


def test_one_request_per_second_per_host(news) -> None:
    get = fetcher(delay=1.0)
    for path in list(news.pages)[:3]:
        get.get(news.url + path, private_ok=True)
    # robots.txt, then three pages: each request after the first waits for the rest of its second
    assert len(get.waits) == 3 and all(0 < wait <= 1.0 for wait in get.waits)


def test_crawl_delay_is_honoured(news) -> None:
    news.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 5\n")
    get = fetcher(delay=1.0)
    for path in list(news.pages)[:2]:
        get.get(news.url + path, private_ok=True)
    assert max(get.waits) > 4


def test_retry_after_is_honoured_then_the_page_comes(news) -> None:
    path = page_path(news)
    news.routes[path].first = [(503, {"Retry-After": "7"}), (429, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})]
    get = fetcher(retries=2)
    assert get.get(news.url + path, private_ok=True).body
    assert get.waits == [7.0, 0.0]  # a date in the past: no wait


def test_retries_are_bounded(news) -> None:
    get = fetcher(retries=2, backoff_s=1.0)
    with pytest.raises(FetchStatusError, match=r"HTTP 500 Internal Server Error \(retried 2 times\)"):
        get.get(news.url + "/fault/500.html", private_ok=True)
    assert news.paths_requested().count("/fault/500.html") == 3
    assert get.waits == [1.0, 2.0]


def test_a_long_retry_after_is_not_waited_out(news) -> None:
    path = page_path(news)
    news.routes[path].first = [(429, {"Retry-After": "3600"})]
    with pytest.raises(FetchStatusError, match="Retry-After 3600 s"):
        fetcher(retries=3).get(news.url + path, private_ok=True)


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/fault/404.html", FetchStatusError, "HTTP 404 Not Found; check the link"),
        ("/fault/500.html", FetchStatusError, "HTTP 500 Internal Server Error"),
        ("/fault/loop-a.html", RedirectLoopError, "redirect loop"),
        ("/fault/report.pdf", NotHTMLError, r"not an HTML page \(Content-Type: application/pdf\)"),
        ("/fault/huge.html", PageTooLargeError, "6.0 MB, over the 5 MB limit"),
        ("/fault/huge-unannounced.html", PageTooLargeError, "over the 5 MB limit"),
    ],
)
def test_faults_are_one_line_errors(news, path: str, error: type, message: str) -> None:
    with pytest.raises(error, match=message) as caught:
        fetcher(retries=0).get(news.url + path, private_ok=True)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(news.url + path)


def test_a_slow_drip_is_cut_at_the_timeout(news) -> None:
    with pytest.raises(FetchTimeoutError, match=r"no complete answer within 0.3 s"):
        fetcher(timeout=0.3).get(news.url + "/fault/slow.html", private_ok=True)


def test_the_cache_revalidates_with_etag(news, tmp_path) -> None:
    first = fetcher(tmp_path).get(news.url + "/rss.xml", accept=fetch.FEED_TYPES, private_ok=True)
    again = fetcher(tmp_path)
    second = again.get(news.url + "/rss.xml", accept=fetch.FEED_TYPES, private_ok=True)
    assert second.body == first.body and second.from_cache and again.cached == 1
    feed_requests = [headers for path, headers in news.requests if path == "/rss.xml"]
    assert "If-None-Match" not in feed_requests[0] and feed_requests[1]["If-None-Match"].startswith('"')


def test_a_fresh_cached_answer_is_not_asked_again(news, tmp_path) -> None:
    path = page_path(news)
    news.routes[path].headers["Cache-Control"] = "max-age=3600"
    fetcher(tmp_path).get(news.url + path, private_ok=True)
    before = len(news.requests)
    assert fetcher(tmp_path).get(news.url + path, private_ok=True).from_cache
    assert len(news.requests) == before


def test_addresses_that_are_not_public() -> None:
    private = ("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "::1", "fe80::1", "0.0.0.0")
    for address in private:
        assert not is_public_address(address), address
    assert is_public_address("93.184.216.34") and is_public_address("2606:4700::1111")


def _feed_file(tmp_path, links: list[str]):
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    path = tmp_path / "saved-feed.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>')
    return path


def test_a_feed_file_cannot_lead_into_the_private_network(news, tmp_path) -> None:
    links = [news.url + page_path(news), "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/admin"]
    report = add([_feed_file(tmp_path, links)], to=tmp_path / "articles", cache=None, delay=0)
    assert not report.added and len(report.failed) == 3
    assert all("private, loopback or link-local address" in f.message for f in report.failed)
    assert "169.254.169.254" in report.failed[1].message
    assert page_path(news) not in news.paths_requested()  # nothing was sent


def test_allow_private_lets_it(news, tmp_path) -> None:
    report = add(
        [_feed_file(tmp_path, [news.url + page_path(news)])], to=tmp_path / "a", cache=None, delay=0, allow_private=True
    )
    assert len(report.added) == 1 and not report.failed


def test_a_feed_given_at_a_private_address_may_lead_there(news, tmp_path) -> None:
    report = add([news.url + "/atom.xml"], to=tmp_path / "articles", cache=None, delay=0)
    assert len(report.added) == 3 and not report.failed


def test_a_public_feed_cannot_redirect_into_the_private_network(news, tmp_path, monkeypatch) -> None:
    # Pretend 127.0.0.1 is a public address: its feed leads to a page that redirects to 127.0.0.2,
    # and to an item on 10.0.0.1; neither is fetched.
    monkeypatch.setattr(fetch, "is_public_address", lambda ip: ip == "127.0.0.1")
    news.routes["/go.html"] = Route(status=302, headers={"Location": news.url.replace("127.0.0.1", "127.0.0.2") + "/x"})
    news.routes["/public.xml"] = Route(
        f'<rss version="2.0"><channel><title>t</title><item><title>a</title><link>{news.url}/go.html</link></item>'
        "<item><title>b</title><link>http://10.0.0.1/x</link></item></channel></rss>".encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    report = add([news.url + "/public.xml"], to=tmp_path / "articles", cache=None, delay=0)
    assert [f.url for f in report.failed] == [news.url + "/go.html", "http://10.0.0.1/x"]
    assert "127.0.0.2" in report.failed[0].message and "10.0.0.1" in report.failed[1].message
    with pytest.raises(PrivateAddressError):
        fetcher().get(news.url + "/go.html")
