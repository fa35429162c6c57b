"""A polite HTTP fetcher for news pages and feeds.

- a descriptive User-Agent naming the project;
- robots.txt respected (fetched once per site; 4xx means no rules, 5xx or no answer means keep out,
  as RFC 9309 says), its ``Crawl-delay`` honoured;
- at most one request per ``delay`` seconds per host (default 1 s);
- a total ``timeout`` per request (a server dripping its answer cannot hold us longer) and bounded
  retries of HTTP 429, 500, 502, 503 and 504 that honour ``Retry-After``;
- an on-disk HTTP cache: fresh answers (``Cache-Control: max-age``) are not asked again, others are
  asked again conditionally (``If-None-Match`` / ``If-Modified-Since``), and a 304 reuses the copy;
- refusals, each with its own one-line error: a content type that is not HTML (or not a feed, for a
  feed), an answer over ``MAX_BYTES``, a redirect loop, an HTTP error status;
- no request to a private, loopback, link-local or otherwise non-public address unless the caller
  allows it (``private_ok``): the address is checked where the connection is made, for every
  redirect too, so a name that resolves to 169.254.169.254 is refused like the number itself.

Nothing here prints; every failure is a ``FetchError`` naming the URL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import hashlib
import http.client
import ipaddress
import json
import socket
import ssl
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import (
    FetchError,
    FetchStatusError,
    FetchTimeoutError,
    FetchUnreachableError,
    NotHTMLError,
    PageTooLargeError,
    PrivateAddressError,
    RedirectLoopError,
    RobotsDisallowedError,
)
from ..remote import _Deadline

__all__ = [
    "DEFAULT_CACHE",
    "DEFAULT_DELAY_S",
    "DEFAULT_RETRIES",
    "DEFAULT_TIMEOUT_S",
    "FEED_TYPES",
    "HTML_TYPES",
    "MAX_BYTES",
    "USER_AGENT",
    "Fetcher",
    "Response",
    "is_public_address",
    "is_public_host",
]

USER_AGENT = f"pactgraph/{__version__} (news reader for a knowledge graph; +https://w3id.org/pactgraph)"
#: The product token robots.txt rules are matched against.
ROBOTS_AGENT = "pactgraph"
DEFAULT_DELAY_S = 1.0
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_RETRIES = 2
DEFAULT_CACHE = Path(".pactgraph-cache/fetch")
#: A page (or feed) larger than this is refused: news pages are well under 1 MB with their markup.
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 10
#: A longer Retry-After (or Crawl-delay) than this is not waited out: the fetch fails and says so.
MAX_WAIT_S = 120.0
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
_RETRIED = (429, 500, 502, 503, 504)
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not private to Python, not public either


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public internet (not private, loopback, link-local …).

    >>> [is_public_address(a) for a in ("93.184.216.34", "127.0.0.1", "10.1.2.3", "169.254.169.254")]
    [True, False, False, False]
    >>> [is_public_address(a) for a in ("192.168.0.1", "::1", "fe80::1", "::ffff:127.0.0.1", "100.64.0.1")]
    [False, False, False, False, False]
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return False
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


def _addresses(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public_host(url: str) -> bool:
    """Whether every address the URL's host resolves to is public (an unresolvable host counts as
    public: it cannot open the way into a private network)."""
    parts = urllib.parse.urlsplit(url)
    try:
        return all(is_public_address(a) for a in _addresses(parts.hostname or "", parts.port or 80))
    except (OSError, ValueError):
        return True


@dataclass(frozen=True)
class Response:
    """A successful answer: the body and what the fetcher knows about it."""

    url: str  # as asked
    final_url: str  # after redirects
    content_type: str  # the media type, lower case, without parameters ("" when none was sent)
    charset: str | None  # the charset parameter of Content-Type, when sent
    body: bytes
    fetched: dt.datetime  # when the body was last received from the server (UTC)
    from_cache: bool = False


@dataclass
class _Entry:
    """A cached answer: its validators and freshness, and where its body is."""

    url: str
    final_url: str
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    fresh_until: float  # epoch seconds; 0 when it must be revalidated
    fetched: str  # ISO datetime


class _Cache:
    """One JSON file and one body file per URL, named by a SHA-256 of the URL; written atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode()).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def load(self, url: str) -> tuple[_Entry, bytes] | None:
        meta, body = self._paths(url)
        try:
            entry = _Entry(**json.loads(meta.read_text(encoding="utf-8")))
            return entry, body.read_bytes()
        except (OSError, ValueError, TypeError):
            return None  # no entry, or a damaged one: fetch afresh

    def save(self, entry: _Entry, body: bytes) -> None:
        from ..store import write_atomic

        meta, body_path = self._paths(entry.url)
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs a request next time
            write_atomic(body_path, body)
            write_atomic(meta, json.dumps(entry.__dict__, sort_keys=True).encode())


def _freshness(headers: http.client.HTTPMessage, now: float) -> tuple[float, bool]:
    """Until when an answer is fresh (epoch seconds, 0 = revalidate), and whether it may be stored."""
    directives = {
        part.strip().split("=", 1)[0].lower(): (part.split("=", 1)[1].strip('" ') if "=" in part else "")
        for part in (headers.get("Cache-Control") or "").split(",")
        if part.strip()
    }
    if "no-store" in directives:
        return 0.0, False
    if "no-cache" in directives:
        return 0.0, True
    for name in ("s-maxage", "max-age"):
        if name in directives:
            with contextlib.suppress(ValueError):
                return now + max(0, int(directives[name])), True
    expires = headers.get("Expires")
    if expires:
        with contextlib.suppress(TypeError, ValueError):
            return email.utils.parsedate_to_datetime(expires).timestamp(), True
    return 0.0, True


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """A Retry-After header in seconds: a number, or an HTTP date.

    >>> retry_after_seconds("7"), retry_after_seconds(None), retry_after_seconds("soon")
    (7.0, None, None)
    >>> now = dt.datetime(2026, 10, 21, 7, 28, tzinfo=dt.UTC).timestamp()
    >>> retry_after_seconds("Wed, 21 Oct 2026 07:28:30 GMT", now=now)
    30.0
    """
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _media_type(value: str | None) -> tuple[str, str | None]:
    """``text/html; charset=windows-1251`` → (``text/html``, ``windows-1251``)."""
    if not value:
        return "", None
    message = http.client.HTTPMessage()
    message["Content-Type"] = value
    return message.get_content_type().lower(), message.get_content_charset()


@dataclass
class Fetcher:
    """Fetches pages, feeds and robots.txt under one politeness policy; see the module's doc."""

    timeout: float = DEFAULT_TIMEOUT_S
    retries: int = DEFAULT_RETRIES
    delay: float = DEFAULT_DELAY_S
    cache: Path | None = DEFAULT_CACHE
    user_agent: str = USER_AGENT
    #: Seconds before the first retry when the server sends no Retry-After (then 2×, 4× …).
    backoff_s: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0  # sent to a server, robots.txt included
    cached: int = 0  # answered from the cache without a request, or by a 304
    _robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, float]] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def get(self, url: str, *, accept: tuple[str, ...] = HTML_TYPES, private_ok: bool = False) -> Response:
        """The answer to ``GET url`` (redirects followed), or a ``FetchError``.

        ``accept`` lists the media types taken; an answer without a Content-Type is taken when its
        start looks like one of them. ``private_ok`` lets requests go to non-public addresses.
        """
        store = _Cache(self.cache) if self.cache is not None else None
        cached = store.load(url) if store else None
        if cached and cached[0].fresh_until > time.time():
            self.cached += 1
            return self._from_entry(url, *cached)
        seen = [url]
        current = url
        while True:
            self._check_scheme(current, url)
            self._check_robots(current, private_ok)
            validators = cached[0] if cached and current == url else None
            status, headers, body = self._request(current, private_ok=private_ok, validators=validators)
            if status in (301, 302, 303, 307, 308):
                location = headers.get("Location")
                if not location:
                    raise FetchStatusError(f"HTTP {status} redirect without a Location", url=url, status=status)
                target = urllib.parse.urljoin(current, location.strip())
                if target in seen:
                    raise RedirectLoopError(
                        f"redirect loop ({' → '.join([*seen[seen.index(target) :], target])})",
                        url=url,
                        hint="the site sends the page back to itself; open it in a browser or drop the link",
                    )
                if len(seen) > MAX_REDIRECTS:
                    raise RedirectLoopError(
                        f"more than {MAX_REDIRECTS} redirects", url=url, hint="the site keeps redirecting"
                    )
                seen.append(target)
                current = target
                continue
            now = time.time()
            if status == 304 and cached:
                self.cached += 1
                entry, data = cached
                fresh_until, _ = _freshness(headers, now)
                entry.fresh_until = fresh_until
                if store:
                    store.save(entry, data)
                return self._from_entry(url, entry, data)
            if status >= 400 or status < 200 or status == 304:
                raise _status_error(url, status, headers)
            content_type, charset = _media_type(headers.get("Content-Type"))
            if not _accepted(content_type, body, accept):
                shown = headers.get("Content-Type") or "none"
                raise NotHTMLError(
                    f"not an HTML page or feed (Content-Type: {shown})"
                    if accept != HTML_TYPES
                    else f"not an HTML page (Content-Type: {shown})",
                    url=url,
                    hint="pactgraph reads HTML news pages and RSS/Atom feeds",
                )
            fetched = dt.datetime.now(dt.UTC).replace(microsecond=0)
            fresh_until, storable = _freshness(headers, now)
            if store and storable:
                store.save(
                    _Entry(
                        url=url,
                        final_url=current,
                        content_type=content_type,
                        charset=charset,
                        etag=headers.get("ETag"),
                        last_modified=headers.get("Last-Modified"),
                        fresh_until=fresh_until,
                        fetched=fetched.isoformat(),
                    ),
                    body,
                )
            return Response(url, current, content_type, charset, body, fetched)

    @staticmethod
    def _from_entry(url: str, entry: _Entry, body: bytes) -> Response:
        fetched = dt.datetime.fromisoformat(entry.fetched)
        return Response(url, entry.final_url, entry.content_type, entry.charset, body, fetched, from_cache=True)

    @staticmethod
    def _check_scheme(current: str, url: str) -> None:
        parts = urllib.parse.urlsplit(current)
        try:
            parts.port  # noqa: B018 (raises on a port that is not a number)
        except ValueError:
            raise FetchError(f"not a valid URL: {current}", url=url, hint="check the link") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            what = "a redirect to" if current != url else "not an http(s) URL:"
            raise FetchError(f"{what} {current}", url=url, hint="pactgraph fetches http and https URLs only")

    # --- robots.txt ---------------------------------------------------------------------------------

    def _check_robots(self, url: str, private_ok: bool) -> None:
        parts = urllib.parse.urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            try:
                self._robots[origin] = self._read_robots(origin, private_ok)
            except PrivateAddressError as err:  # named by the page asked for, not its robots.txt
                raise PrivateAddressError(err.what, url=url, hint=err.hint) from None
        rules, _ = self._robots[origin]
        if rules is None:
            raise RobotsDisallowedError(
                "robots.txt could not be read (server error or no answer), so the site is treated as closed",
                url=url,
                hint="try again later",
            )
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise RobotsDisallowedError(
                f"disallowed by {origin}/robots.txt", url=url, hint="the site asks robots not to fetch this page"
            )

    def _read_robots(self, origin: str, private_ok: bool) -> tuple[urllib.robotparser.RobotFileParser | None, float]:
        """The site's rules (None: keep out) and its crawl delay."""
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            status, _, body = self._request(f"{origin}/robots.txt", private_ok=private_ok, validators=None)
        except PrivateAddressError:
            raise
        except FetchError:
            return None, 0.0
        if status >= 500:
            return None, 0.0
        if status >= 400 or status in (301, 302, 303, 307, 308):
            rules.parse([])  # no robots.txt (or one moved elsewhere): everything allowed
            return rules, 0.0
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        crawl_delay = rules.crawl_delay(ROBOTS_AGENT)
        return rules, float(crawl_delay) if crawl_delay else 0.0

    # --- one request ----------------------------------------------------------------------------------

    def _wait_for_host(self, host: str, origin: str) -> None:
        crawl_delay = self._robots.get(origin, (None, 0.0))[1]
        gap = max(self.delay, min(crawl_delay, MAX_WAIT_S))
        last = self._last.get(host)
        if last is not None:
            wait = last + gap - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = time.monotonic()

    def _request(
        self, url: str, *, private_ok: bool, validators: _Entry | None
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        """``GET url`` once (and again after HTTP 429/5xx, at most ``retries`` times): status, headers, body."""
        attempt = 0
        while True:
            status, headers, body = self._once(url, private_ok=private_ok, validators=validators)
            if status not in _RETRIED:
                return status, headers, body
            wait = retry_after_seconds(headers.get("Retry-After"))
            if wait is None:
                wait = self.backoff_s * 2**attempt
            if attempt >= self.retries or wait > MAX_WAIT_S:
                error = _status_error(url, status, headers)
                if attempt:
                    error = type(error)(
                        f"{error.what} (retried {attempt} time{'s' if attempt != 1 else ''})",
                        url=error.url,
                        hint=error.hint,
                        status=status,
                    )
                elif wait > MAX_WAIT_S:
                    error = type(error)(
                        f"{error.what} (Retry-After {wait:g} s, over {MAX_WAIT_S:g} s)",
                        url=error.url,
                        hint="the site asks to wait; run again later",
                        status=status,
                    )
                raise error
            self.sleep(wait)
            attempt += 1

    def _once(
        self, url: str, *, private_ok: bool, validators: _Entry | None
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        self._wait_for_host(host, f"{parts.scheme}://{parts.netloc}")
        path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        headers = {
            "User-Agent": self.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": "identity",
        }
        if validators is not None:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
        deadline = _Deadline(self.timeout)
        connection = _connection(parts.scheme, host, port, self.timeout, deadline, private_ok, url)
        self.requests += 1
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES and response.status < 300:
                raise _too_large(url, int(length))
            body = response.read(MAX_BYTES + 1)
            if deadline.expired:  # an answer without a length ends where the socket was shut: cut off
                raise TimeoutError
            if len(body) > MAX_BYTES and response.status < 300:
                raise _too_large(url, None)
            return response.status, response.msg, body
        except FetchError:
            raise
        except (OSError, http.client.HTTPException) as err:
            if deadline.expired or isinstance(err, TimeoutError):
                raise FetchTimeoutError(
                    f"no complete answer within {self.timeout:g} s", url=url, hint="raise --timeout or try later"
                ) from None
            if isinstance(err, ConnectionRefusedError):
                raise FetchUnreachableError("connection refused", url=url, hint="is the site up?") from None
            if isinstance(err, socket.gaierror):
                raise FetchUnreachableError(f"unknown host {host}", url=url, hint="check the URL") from None
            if isinstance(err, ssl.SSLError):
                raise FetchUnreachableError(
                    f"TLS failed ({err.reason or err})", url=url, hint="check the address"
                ) from None
            if isinstance(err, http.client.IncompleteRead | ConnectionResetError | http.client.RemoteDisconnected):
                raise FetchError("the answer was cut off", url=url, hint="try again later") from None
            raise FetchUnreachableError(f"cannot connect: {err}", url=url, hint="check the URL") from None
        finally:
            deadline.close()
            connection.close()


def _too_large(url: str, size: int | None) -> PageTooLargeError:
    said = f"{size / 1e6:.1f} MB, over" if size else "over"
    return PageTooLargeError(
        f"the page is {said} the {MAX_BYTES / 1e6:g} MB limit", url=url, hint="a news page is far smaller"
    )


def _status_error(url: str, status: int, headers: http.client.HTTPMessage) -> FetchStatusError:
    reason = http.client.responses.get(status, "")
    hints = {
        401: "the page needs a login",
        403: "the site refuses pactgraph",
        404: "check the link",
        410: "the page was removed",
        429: "the site asks to slow down; run again later",
    }
    hint = hints.get(status) or ("the site failed; try again later" if status >= 500 else None)
    return FetchStatusError(f"HTTP {status} {reason}".rstrip(), url=url, hint=hint, status=status)


def _accepted(content_type: str, body: bytes, accept: tuple[str, ...]) -> bool:
    if content_type:
        if content_type in accept:
            return True
        # feeds served as text/html or text/plain by misconfigured servers: taken when they look like one
        wants_feed = any(t in FEED_TYPES for t in accept)
        return wants_feed and content_type in ("text/html", "text/plain") and _looks_like_xml_feed(body)
    start = body[:512].lstrip().lower()
    if any(t in HTML_TYPES for t in accept) and (start.startswith((b"<!doctype html", b"<html")) or b"<html" in start):
        return True
    return any(t in FEED_TYPES for t in accept) and _looks_like_xml_feed(body)


def _looks_like_xml_feed(body: bytes) -> bool:
    start = body[:1024].lstrip().lower()
    return any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _connection(
    scheme: str, host: str, port: int, timeout: float, deadline: _Deadline, private_ok: bool, url: str
) -> http.client.HTTPConnection:
    """A connection whose socket goes only to an address the policy allows, watched by ``deadline``."""

    def create(address: tuple[str, int], connect_timeout: float | None = None, source: object = None) -> socket.socket:
        try:
            addresses = _addresses(address[0], address[1])
        except socket.gaierror:
            raise FetchUnreachableError(f"unknown host {address[0]}", url=url, hint="check the URL") from None
        if not private_ok:
            for ip in addresses:
                if not is_public_address(ip):
                    raise PrivateAddressError(
                        f"{address[0]} is a private, loopback or link-local address ({ip})",
                        url=url,
                        hint="a public source may not lead inside your network; pass --allow-private if you mean it",
                    )
        last: OSError | None = None
        for ip in addresses:
            try:
                sock = socket.create_connection((ip, address[1]), timeout=deadline.remaining() or 0.001)
            except OSError as err:
                last = err
                continue
            sock.settimeout(timeout)
            deadline.watch(sock)
            return sock
        raise last or OSError("no address")

    connection: http.client.HTTPConnection
    if scheme == "https":
        connection = http.client.HTTPSConnection(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
    connection._create_connection = create  # type: ignore[attr-defined]
    return connection
