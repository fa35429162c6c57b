"""Push the graph to any SPARQL 1.1 store and run bundled queries on remote endpoints.

Writes use the SPARQL 1.1 Graph Store HTTP Protocol, the one write interface every store offers
(Oxigraph, Fuseki, GraphDB, Virtuoso), into staging graphs; one SPARQL 1.1 Update request then
moves them onto their names, so the store shows either the previous graphs or all the new ones,
never a half-written graph. Pushes use a small urllib client of their own. Queries go through
SPARQLWrapper (``remote_query``: ``query --endpoint``, ``link``, ``enrich``, and the listing of
``push --replace``) and come back as the same ``QueryResult`` a local query gives, so every output
format prints the same.

Every request is bounded in total time (a server that drips its answer cannot hold the caller
longer): a push's sockets are shut at the deadline, a query is waited for in a worker thread for at
most the timeout. HTTP 429, 502 and 503 are retried a bounded number of times, and every failure
becomes a one-line ``EndpointError`` naming the URL and what to do.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import functools
import http.client
import json
import os
import secrets
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper
from SPARQLWrapper import SPARQLExceptions as sparql_errors

from pactgraph.errors import (
    EndpointAnswerError,
    EndpointAuthError,
    EndpointError,
    EndpointNotFoundError,
    EndpointRateLimitedError,
    EndpointServerError,
    EndpointTimeoutError,
    EndpointUnavailableError,
    EndpointUnreachableError,
    PactgraphError,
    PayloadTooLargeError,
    QueryError,
    UsageError,
)
from pactgraph.queries import QueryResult, result_from_sparql_json
from pactgraph.store import PREFIXES, Format, load_graph, serialize

__all__ = [
    "DEFAULT_CHUNK_TRIPLES",
    "DEFAULT_RETRIES",
    "DEFAULT_TIMEOUT_S",
    "GRAPH_NAMESPACE",
    "STAGING_NAMESPACE",
    "Credentials",
    "PushSummary",
    "empty_default_graph_hint",
    "list_graphs",
    "push",
    "remote_query",
    "store_endpoint_for",
    "update_endpoint_for",
]

#: Named graphs pactgraph writes live under this IRI; ``--replace`` only ever drops graphs here.
GRAPH_NAMESPACE = PREFIXES["id"] + "graph/"
#: Where a push uploads before it moves the graphs onto their names (one folder per push).
STAGING_NAMESPACE = GRAPH_NAMESPACE + "staging/"
#: Triples per request; a graph larger than this is sent as one PUT and then POSTs.
DEFAULT_CHUNK_TRIPLES = 50_000
#: Seconds one request may take in all, from connecting to the last byte of the answer.
DEFAULT_TIMEOUT_S = 60.0
#: Retries of a request answered HTTP 429, 502 or 503.
DEFAULT_RETRIES = 3
#: A longer Retry-After than this is not waited out: the request fails and says so.
MAX_WAIT_S = 120.0

ENV_USER = "PACTGRAPH_ENDPOINT_USER"
ENV_PASSWORD = "PACTGRAPH_ENDPOINT_PASSWORD"
ENV_TOKEN = "PACTGRAPH_ENDPOINT_TOKEN"

# N-Triples is a subset of Turtle, and text/turtle is the one type every store's Graph Store accepts.
_BODY_TYPE = "text/turtle"
_T = TypeVar("_T")


@dataclass(frozen=True)
class Credentials:
    """Who to authenticate as: a bearer token, or a user and password (basic, or digest if asked).

    >>> Credentials.from_env({"PACTGRAPH_ENDPOINT_TOKEN": "t0k"}).headers()
    {'Authorization': 'Bearer t0k'}
    >>> Credentials.from_env({"PACTGRAPH_ENDPOINT_USER": "ann", "PACTGRAPH_ENDPOINT_PASSWORD": "pw"}).headers()
    {'Authorization': 'Basic YW5uOnB3'}
    >>> bool(Credentials.from_env({}))
    False
    """

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Credentials:
        """Read ``PACTGRAPH_ENDPOINT_USER``/``_PASSWORD`` or ``PACTGRAPH_ENDPOINT_TOKEN``."""
        user, password, token = environ.get(ENV_USER), environ.get(ENV_PASSWORD), environ.get(ENV_TOKEN)
        if token and (user or password):
            raise UsageError(f"set either {ENV_TOKEN} or {ENV_USER} and {ENV_PASSWORD}, not both")
        if bool(user) != bool(password):
            raise UsageError(f"set both {ENV_USER} and {ENV_PASSWORD} (or neither)")
        return cls(user=user or None, password=password or None, token=token or None)

    def __bool__(self) -> bool:
        return bool(self.token or self.user)

    def headers(self) -> dict[str, str]:
        """The ``Authorization`` header sent up front (empty without credentials)."""
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user:
            pair = f"{self.user}:{self.password}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


def _layout(query_url: str, authenticated: bool) -> tuple[str, str] | None:
    """The Graph Store and SPARQL Update URLs beside a query URL, for the stores whose layout is known."""
    parts = urllib.parse.urlsplit(query_url)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) >= 2 and segments[-2] == "repositories":  # GraphDB, RDF4J
        paths = ([*segments, "rdf-graphs", "service"], [*segments, "statements"])
    elif len(segments) >= 2 and segments[-1] in ("sparql", "query"):  # Fuseki
        paths = ([*segments[:-1], "data"], [*segments[:-1], "update"])
    elif segments in (["sparql"], ["sparql-auth"]):  # Virtuoso
        paths = (["sparql-graph-crud-auth"], ["sparql-auth"]) if authenticated else (["sparql-graph-crud"], ["sparql"])
    elif segments == ["query"]:  # Oxigraph
        paths = (["store"], ["update"])
    else:
        return None
    store, update = ("/" + "/".join(path) for path in paths)
    return tuple(urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", "")) for path in (store, update))


def store_endpoint_for(query_url: str, *, authenticated: bool = False) -> str:
    """The Graph Store URL that goes with a SPARQL query URL, for the stores whose layout is known.

    >>> store_endpoint_for("http://localhost:7878/query")                  # Oxigraph
    'http://localhost:7878/store'
    >>> store_endpoint_for("http://localhost:3030/kg/sparql")              # Fuseki
    'http://localhost:3030/kg/data'
    >>> store_endpoint_for("http://localhost:7200/repositories/kg")        # GraphDB
    'http://localhost:7200/repositories/kg/rdf-graphs/service'
    >>> store_endpoint_for("http://localhost:8890/sparql", authenticated=True)  # Virtuoso
    'http://localhost:8890/sparql-graph-crud-auth'
    """
    return _derived(query_url, authenticated, 0, "Graph Store", "--store-endpoint")


def update_endpoint_for(query_url: str, *, authenticated: bool = False) -> str:
    """The SPARQL Update URL that goes with a SPARQL query URL, for the stores whose layout is known.

    >>> update_endpoint_for("http://localhost:7878/query")                 # Oxigraph
    'http://localhost:7878/update'
    >>> update_endpoint_for("http://localhost:3030/kg/query")              # Fuseki
    'http://localhost:3030/kg/update'
    >>> update_endpoint_for("http://localhost:7200/repositories/kg")       # GraphDB
    'http://localhost:7200/repositories/kg/statements'
    >>> update_endpoint_for("http://localhost:8890/sparql", authenticated=True)  # Virtuoso
    'http://localhost:8890/sparql-auth'
    """
    return _derived(query_url, authenticated, 1, "SPARQL Update", "--update-endpoint")


def _derived(query_url: str, authenticated: bool, which: int, what: str, option: str) -> str:
    urls = _layout(query_url, authenticated)
    if urls is None:
        raise UsageError(f"{query_url}: cannot tell the {what} URL from this query URL; pass it with {option}")
    return urls[which]


# --- errors ---------------------------------------------------------------------------------------


def _status_error(
    endpoint: str,
    status: int,
    reason: str,
    detail: str,
    *,
    credentials: Credentials,
    chunk_triples: int | None,
    retry_after: float | None,
    url_option: str | None,
) -> EndpointError:
    """The typed error for an HTTP error status, with what to do about it (``url_option``: the
    option that gives this URL, when it is not the query URL of --endpoint)."""
    what = f"HTTP {status} {reason}".rstrip()
    if detail:
        what += f": {detail}"
    kind: type[EndpointError] = EndpointError
    hint: str | None = None
    if status == 401:
        kind = EndpointAuthError
        hint = (
            "the server rejected the credentials; check them"
            if credentials
            else f"set {ENV_USER} and {ENV_PASSWORD}, or {ENV_TOKEN}"
        )
    elif status == 403:
        kind = EndpointAuthError
        hint = "this account may not do that here (is the server read-only, or the account without write access?)"
    elif status == 404:
        kind = EndpointNotFoundError
        hint = "check the URL (README: endpoint URLs)" + (f", or give it with {url_option}" if url_option else "")
    elif status == 413:
        kind = PayloadTooLargeError
        hint = f"lower --chunk-size (now {chunk_triples} triples)" if chunk_triples else "the request is too large"
    elif status == 429:
        kind, hint = EndpointRateLimitedError, "the server asks to slow down; wait and run again"
    elif status in (502, 503):
        kind, hint = EndpointUnavailableError, "the server is unavailable for now; run again later"
    elif status == 504:
        kind = EndpointServerError
        hint = "the server gave up on the request as too slow; narrow the query or raise the server's timeout"
    elif status >= 500:
        kind, hint = EndpointServerError, "the server failed; check its log"
    return kind(what, endpoint=endpoint, hint=hint, status=status, retry_after=retry_after)


def _timeout_error(endpoint: str, timeout: float) -> EndpointTimeoutError:
    return EndpointTimeoutError(
        f"no complete answer within {timeout:g} s", endpoint=endpoint, hint="raise --timeout or check the server"
    )


def _transport_error(endpoint: str, err: BaseException, timeout: float) -> EndpointError | None:
    """The typed error for a failure below HTTP (refused, unknown host, timeout, cut off), else None."""
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, TimeoutError):
        return _timeout_error(endpoint, timeout)
    if isinstance(reason, ConnectionRefusedError):
        return EndpointUnreachableError(
            "connection refused", endpoint=endpoint, hint="is the server running at this address and port?"
        )
    if isinstance(reason, http.client.IncompleteRead | ConnectionResetError | http.client.RemoteDisconnected):
        return EndpointAnswerError(
            "the answer was cut off (the connection closed before its end)",
            endpoint=endpoint,
            hint="check the server and the network, then run again",
        )
    if isinstance(reason, http.client.HTTPException):
        return EndpointAnswerError(
            f"the answer is not valid HTTP ({type(reason).__name__})", endpoint=endpoint, hint="check the URL"
        )
    if isinstance(reason, OSError):
        message = getattr(reason, "strerror", None) or str(reason)
        return EndpointUnreachableError(f"cannot connect: {message}", endpoint=endpoint, hint="check the URL")
    return None


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    return text.splitlines()[0][:200] if text else ""


def _seconds(retry_after: str | None) -> float | None:
    """A Retry-After header in seconds (the HTTP-date form is not used by SPARQL endpoints).

    >>> _seconds("7"), _seconds(None), _seconds("Wed, 21 Oct 2026 07:28:00 GMT")
    (7.0, None, None)
    """
    try:
        return max(0.0, float(retry_after)) if retry_after is not None else None
    except ValueError:
        return None


# --- HTTP for pushes: one exchange bounded in total time; bounded retries for pushes and queries ------


class _Deadline:
    """Shuts the sockets of one exchange when it outlasts ``seconds``.

    A socket timeout bounds each read, so a server that sends a byte now and then would hold the
    client forever; shutting the socket at the deadline bounds the whole exchange.
    """

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._done = False
        self._timers: list[threading.Timer] = []
        self._lock = threading.Lock()

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        timer = threading.Timer(self.remaining(), self._expire, (sock,))
        timer.daemon = True
        with self._lock:
            if self._done:
                return
            self._timers.append(timer)
        timer.start()

    def _expire(self, sock: socket.socket) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        with self._lock:
            self._done = True
            timers = list(self._timers)
        for timer in timers:
            timer.cancel()


def _watched(connection_class: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
    """``connection_class`` whose every socket is watched by a ``_Deadline`` (``deadline=`` argument)."""

    class Watched(connection_class):
        def __init__(self, *args: object, deadline: _Deadline, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            create = self._create_connection

            def create_and_watch(*a: object, **kw: object) -> socket.socket:
                sock = create(*a, **kw)
                deadline.watch(sock)
                return sock

            self._create_connection = create_and_watch

    return Watched


_WatchedHTTP = _watched(http.client.HTTPConnection)
_WatchedHTTPS = _watched(http.client.HTTPSConnection)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_WatchedHTTP, deadline=self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_WatchedHTTPS, deadline=self._deadline), req, context=self._context)


def _opener(credentials: Credentials, url: str, deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener bounded by ``deadline`` that answers a Digest challenge (Virtuoso's ``-auth``
    endpoints) with the user's password."""
    handlers: list[urllib.request.BaseHandler] = [_HTTPHandler(deadline), _HTTPSHandler(deadline)]
    if credentials.user:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, credentials.user, credentials.password or "")
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
    return urllib.request.build_opener(*handlers)


def _exchange(
    method: str,
    url: str,
    *,
    endpoint: str,
    body: bytes | None = None,
    headers: Mapping[str, str],
    credentials: Credentials,
    timeout: float,
    url_option: str | None = None,
    chunk_triples: int | None = None,
) -> bytes:
    """One HTTP request, answer read in full within ``timeout`` seconds in all; the body of a 2xx
    answer, or a typed ``EndpointError`` naming ``endpoint`` (given with ``url_option``, if not --endpoint)."""
    request = urllib.request.Request(url, data=body, method=method, headers={**headers, **credentials.headers()})
    deadline = _Deadline(timeout)
    try:
        with _opener(credentials, endpoint, deadline).open(request, timeout=timeout) as response:
            answer = response.read()
    except urllib.error.HTTPError as err:
        try:
            detail = _first_line(err.read())
        except (OSError, http.client.HTTPException):
            detail = ""
        if deadline.expired:
            raise _timeout_error(endpoint, timeout) from None
        raise _status_error(
            endpoint,
            err.code,
            err.reason or "",
            detail,
            credentials=credentials,
            chunk_triples=chunk_triples,
            retry_after=_seconds(err.headers.get("Retry-After")),
            url_option=url_option,
        ) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        if deadline.expired:
            raise _timeout_error(endpoint, timeout) from None
        typed = _transport_error(endpoint, err, timeout)
        if typed is None:
            raise
        raise typed from None
    finally:
        deadline.close()
    if deadline.expired:  # an answer without a length ends where the socket was shut: it is cut off
        raise _timeout_error(endpoint, timeout)
    return answer


def _retrying(call: Callable[[], _T], *, retries: int, backoff_s: float) -> _T:
    """``call()``, again after an HTTP 429, 502 or 503: after the server's Retry-After, else after
    ``backoff_s`` times 1, 2, 4 …; at most ``retries`` times, and never a wait over ``MAX_WAIT_S``."""
    attempt = 0
    while True:
        try:
            return call()
        except (EndpointRateLimitedError, EndpointUnavailableError) as err:
            wait = err.retry_after if err.retry_after is not None else backoff_s * 2**attempt
            if attempt == retries or wait > MAX_WAIT_S:
                raise (err.retried(attempt) if attempt else err) from None
            time.sleep(wait)
            attempt += 1


# --- Graph Store HTTP Protocol and SPARQL Update ---------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    """Where and how a push writes: the store's URLs, credentials and limits."""

    store_endpoint: str
    update_endpoint: str
    credentials: Credentials
    timeout: float
    retries: int
    backoff_s: float
    chunk_triples: int

    def send(self, method: str, graph: str, body: bytes | None) -> None:
        """One Graph Store request on ``graph`` (retried when the server asks)."""
        separator = "&" if "?" in self.store_endpoint else "?"
        url = f"{self.store_endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"
        headers = {"User-Agent": "pactgraph", **({"Content-Type": _BODY_TYPE} if body is not None else {})}
        _retrying(
            lambda: _exchange(
                method,
                url,
                endpoint=self.store_endpoint,
                body=body,
                headers=headers,
                credentials=self.credentials,
                timeout=self.timeout,
                url_option="--store-endpoint",
                chunk_triples=self.chunk_triples,
            ),
            retries=self.retries,
            backoff_s=self.backoff_s,
        )

    def update(self, operations: list[str]) -> None:
        """One SPARQL Update request of ``operations``, which the store applies as one transaction."""
        headers = {"User-Agent": "pactgraph", "Content-Type": "application/sparql-update"}
        body = " ;\n".join(operations).encode()
        _retrying(
            lambda: _exchange(
                "POST",
                self.update_endpoint,
                endpoint=self.update_endpoint,
                body=body,
                headers=headers,
                credentials=self.credentials,
                timeout=self.timeout,
                url_option="--update-endpoint",
            ),
            retries=self.retries,
            backoff_s=self.backoff_s,
        )


def _blank_node_groups(triples: Iterable[ox.Triple]) -> list[list[ox.Triple]]:
    """Group triples so that every triple naming a blank node shares a group with the others naming it.

    A blank node is scoped to one document, so a chunk boundary must never cut such a group.

    >>> a, b = ox.BlankNode("a"), ox.BlankNode("b")
    >>> p, x = ox.NamedNode("http://x/p"), ox.NamedNode("http://x/x")
    >>> [len(g) for g in _blank_node_groups([ox.Triple(x, p, a), ox.Triple(x, p, x), ox.Triple(a, p, b)])]
    [2, 1]
    """
    triples = list(triples)
    parent: dict[ox.BlankNode, ox.BlankNode] = {}

    def root(node: ox.BlankNode) -> ox.BlankNode:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def blank_nodes(triple: ox.Triple) -> list[ox.BlankNode]:
        return [t for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)]

    for triple in triples:
        nodes = blank_nodes(triple)
        for node in nodes:
            parent.setdefault(node, node)
        if len(nodes) == 2:
            parent[root(nodes[0])] = root(nodes[1])
    groups: dict[object, list[ox.Triple]] = {}
    for index, triple in enumerate(triples):
        nodes = blank_nodes(triple)
        groups.setdefault(root(nodes[0]) if nodes else index, []).append(triple)
    return list(groups.values())


def _chunks(triples: Iterable[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """Split into chunks of at most ``size`` triples (a larger blank-node group travels whole)."""
    chunks: list[list[ox.Triple]] = []
    current: list[ox.Triple] = []
    for group in _blank_node_groups(triples):
        if current and len(current) + len(group) > size:
            chunks.append(current)
            current = []
        current.extend(group)
    if current:
        chunks.append(current)
    return chunks


def _graphs_to_push(paths: list[Path], graph_iri: str | None) -> dict[str, list[ox.Triple]]:
    """The triples of each named graph of the files plus the ontology, or all of them in ``graph_iri``."""
    store = load_graph(paths, with_ontology=True, for_queries=False)
    if graph_iri is not None:
        return {graph_iri: sorted({q.triple for q in store}, key=str)}
    outside = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if outside:
        names = ", ".join(str(p) for p in paths)
        raise UsageError(
            f"{names}: {outside} triples are outside named graphs; push a .trig "
            "(one graph per article) or put everything in one graph with --graph-iri"
        )
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in store:
        graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    return {name: sorted(graphs[name], key=str) for name in sorted(graphs)}


@dataclass
class PushSummary:
    """What a push wrote: triples per graph, requests sent, stale graphs dropped."""

    store_endpoint: str
    graphs: dict[str, int]
    requests: int
    dropped: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        """Triples written, over all graphs."""
        return sum(self.graphs.values())

    def __str__(self) -> str:
        """One line for the terminal.

        >>> print(PushSummary("http://h/store", {"http://g/1": 2, "http://g/2": 1000}, 3, ["http://g/0"]))
        pushed 2 graphs, 1,002 triples in 3 requests to http://h/store; dropped 1 graph no longer in the file
        """
        plural = "s" if len(self.graphs) != 1 else ""
        text = (
            f"pushed {len(self.graphs)} graph{plural}, {self.triples:,} triples in {self.requests} "
            f"request{'s' if self.requests != 1 else ''} to {self.store_endpoint}"
        )
        if self.dropped:
            text += f"; dropped {len(self.dropped)} graph{'s' if len(self.dropped) != 1 else ''} no longer in the file"
        return text


def push(
    paths: Iterable[Path],
    store_endpoint: str,
    *,
    update_endpoint: str,
    query_endpoint: str | None = None,
    graph_iri: str | None = None,
    replace: bool = False,
    chunk_triples: int = DEFAULT_CHUNK_TRIPLES,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = DEFAULT_RETRIES,
    backoff_s: float = 1.0,
    credentials: Credentials | None = None,
) -> PushSummary:
    """Write every named graph of ``paths`` plus the ontology to a store, all at once; idempotent.

    Each graph is uploaded to a staging graph under ``STAGING_NAMESPACE`` (its first chunk
    ``PUT``, the rest ``POST``ed), then one SPARQL Update request at ``update_endpoint`` moves
    every staging graph onto its name (replacing what was there) and, with ``replace``, drops the
    graphs under ``GRAPH_NAMESPACE`` the push did not write (listing them needs
    ``query_endpoint``). A store applies one update request as one transaction, so readers see the
    old graphs or the new ones. When anything fails, the staging graphs are dropped and the
    store's graphs are as before. With ``graph_iri`` all triples go into that one graph.
    """
    credentials = credentials if credentials is not None else Credentials.from_env()
    if chunk_triples < 1:
        raise UsageError(f"--chunk-size must be at least 1 (got {chunk_triples})")
    if graph_iri is not None:
        try:
            ox.NamedNode(graph_iri)
        except ValueError:
            raise UsageError(f"--graph-iri {graph_iri!r} is not an absolute IRI") from None
    if replace and query_endpoint is None:
        raise UsageError("--replace needs --endpoint (the SPARQL query URL) to list the graphs on the store")
    graphs = _graphs_to_push(list(paths), graph_iri)
    target = _Target(store_endpoint, update_endpoint, credentials, timeout, retries, backoff_s, chunk_triples)
    staging_folder = f"{STAGING_NAMESPACE}{secrets.token_hex(8)}/"
    staging = {name: f"{staging_folder}{index}" for index, name in enumerate(graphs)}
    summary = PushSummary(store_endpoint, {}, 0)
    written: set[str] = set()  # staging graphs a request succeeded on
    current: str | None = None  # the staging graph being written
    swapping = False
    try:
        for name, triples in graphs.items():
            current = staging[name]
            for index, chunk in enumerate(_chunks(triples, chunk_triples)):
                target.send("PUT" if index == 0 else "POST", current, serialize(chunk, Format.NTRIPLES))
                summary.requests += 1
                written.add(current)
        current = None
        operations = [f"MOVE <{staging[name]}> TO <{name}>" for name in graphs]
        if replace:
            assert query_endpoint is not None
            remote = list_graphs(
                query_endpoint, credentials=credentials, timeout=timeout, retries=retries, backoff_s=backoff_s
            )
            summary.requests += 1
            summary.dropped = sorted(g for g in set(remote) - set(graphs) if not g.startswith(staging_folder))
            operations += [f"DROP SILENT GRAPH <{name}>" for name in summary.dropped]
        swapping = True
        target.update(operations)
        summary.requests += 1
    except EndpointError as err:
        if swapping and isinstance(err, EndpointTimeoutError | EndpointAnswerError) and err.status is None:
            what = f"{err.what}; the swap's answer never came: the store holds either the old graphs or all new ones"
            raise type(err)(what, endpoint=err.endpoint, hint="push again") from None
        # A request the server refused, or never got, wrote nothing; one whose answer never came may have.
        unanswered = isinstance(err, EndpointTimeoutError | EndpointAnswerError) and err.status is None
        uncertain = {current} if current is not None and unanswered else set()
        raise _after_cleanup(err, target, sorted(written | uncertain)) from None
    summary.graphs = {name: len(triples) for name, triples in graphs.items()}
    return summary


def _after_cleanup(err: EndpointError, target: _Target, staging: list[str]) -> EndpointError:
    """Drop the staging graphs of a failed push; ``err``, saying what is left when that fails too."""
    if not staging:
        return err
    try:
        target.update([f"DROP SILENT GRAPH <{name}>" for name in staging])
    except EndpointError:
        what = f"{err.what}; its staging graphs under {STAGING_NAMESPACE} may remain (the store's graphs are unchanged)"
        hint = "push again with --replace once the server answers, which removes them"
        return type(err)(what, endpoint=err.endpoint, hint=hint, status=err.status, retry_after=err.retry_after)
    return err


# --- remote queries: SPARQLWrapper, waited for at most the timeout ------------------------------------

#: The statuses SPARQLWrapper turns into exceptions of its own (any other error status it re-raises).
_SPARQLWRAPPER_STATUS: dict[type[Exception], int] = {
    sparql_errors.QueryBadFormed: 400,
    sparql_errors.Unauthorized: 401,
    sparql_errors.EndPointNotFound: 404,
    sparql_errors.URITooLong: 414,
    sparql_errors.EndPointInternalError: 500,
}
#: The most bytes of an answer read at once (a read returns as soon as any bytes have arrived).
_READ_SIZE = 64 * 1024


class _Abandoned(Exception):
    """The caller stopped waiting for this query: its worker drops the answer."""


def _sparql(endpoint: str, query_text: str, *, credentials: Credentials, timeout: float, agent: str) -> SPARQLWrapper:
    """A SPARQLWrapper that POSTs ``query_text`` (form-encoded) and asks for SPARQL JSON results."""
    sparql = SPARQLWrapper(endpoint, agent=agent)
    # The documented attributes rather than setQuery(), which guesses the query form from keywords
    # anywhere in the text, comments included ("under construction" reads as CONSTRUCT), and warns
    # on stderr when it finds none. pactgraph runs SELECT (and ASK) queries, which take the same request.
    sparql.queryString, sparql.queryType = query_text, SELECT
    sparql.setMethod(POST)
    sparql.setReturnFormat(JSON)
    sparql.setOnlyConneg(True)  # ask by the Accept header alone, as the SPARQL 1.1 Protocol says
    sparql.timeout = timeout  # bounds each socket operation; setTimeout() would truncate to whole seconds
    # Basic and Bearer go up front as headers: SPARQLWrapper's own DIGEST mode installs a global
    # urllib opener, so a Digest challenge is answered by _digest_answer instead.
    for name, value in credentials.headers().items():
        sparql.addCustomHttpHeader(name, value)
    return sparql


def _read_answer(response: http.client.HTTPResponse, abandoned: threading.Event) -> bytes:
    """The whole body of ``response``, read as it arrives, so that a worker whose caller has given
    up stops at the next bytes the server sends instead of reading on to the end."""
    chunks: list[bytes] = []
    with contextlib.closing(response):
        while chunk := response.read1(_READ_SIZE):
            if abandoned.is_set():
                raise _Abandoned
            chunks.append(chunk)
    body = b"".join(chunks)
    length = (response.headers.get("Content-Length") or "").strip()
    if length.isdigit() and len(body) < int(length):  # read1() ends quietly where read() would raise
        raise http.client.IncompleteRead(body, int(length) - len(body))
    return body


def _http_error(err: BaseException) -> urllib.error.HTTPError | None:
    """The HTTP error status behind ``err``: ``err`` itself (SPARQLWrapper re-raises the statuses it
    has no exception for), or the one SPARQLWrapper was handling when it raised its own exception
    (or failed to read the error's body)."""
    for candidate in (err, err.__context__):
        if isinstance(candidate, urllib.error.HTTPError):
            return candidate
    return None


def _sparqlwrapper_detail(err: Exception) -> str:
    """The server's message from a SPARQLWrapper exception (it keeps only a formatted text).

    >>> _sparqlwrapper_detail(sparql_errors.EndPointNotFound(b"no such dataset\\nmore"))
    'no such dataset'
    >>> _sparqlwrapper_detail(sparql_errors.EndPointNotFound())
    ''
    """
    text = str(err)
    if "Response:\n" not in text:
        return ""
    raw = text.split("Response:\n", 1)[1]
    try:
        body = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw.strip().splitlines()[0][:200] if raw.strip() else ""
    return _first_line(body) if isinstance(body, bytes) else str(body)


def _query_error(
    err: Exception, endpoint: str, *, credentials: Credentials, timeout: float, source: Path | str | None
) -> PactgraphError | None:
    """The typed error for what SPARQLWrapper raised (a rejected query is a ``QueryError`` naming
    ``source``), else None."""
    status_error = _http_error(err)
    if status_error is not None:
        status, reason = status_error.code, status_error.reason or ""
        retry_after = _seconds(status_error.headers.get("Retry-After"))
        if isinstance(err, sparql_errors.SPARQLWrapperException):
            detail = _sparqlwrapper_detail(err)
        elif err is status_error:
            try:
                detail = _first_line(err.read())
            except (OSError, http.client.HTTPException):
                detail = ""
        else:  # reading the error's body failed
            detail = ""
    elif type(err) in _SPARQLWRAPPER_STATUS:  # a SPARQLWrapper that raises its exceptions without context
        status = _SPARQLWRAPPER_STATUS[type(err)]
        reason, retry_after, detail = http.client.responses.get(status, ""), None, _sparqlwrapper_detail(err)
    elif isinstance(err, urllib.error.URLError | OSError | http.client.HTTPException):
        return _transport_error(endpoint, err, timeout)
    else:
        return None
    if status == 400:
        return QueryError(f"rejected by {endpoint}: {detail or f'HTTP 400 {reason}'.rstrip()}", file=source)
    return _status_error(
        endpoint,
        status,
        reason,
        detail,
        credentials=credentials,
        chunk_triples=None,
        retry_after=retry_after,
        url_option=None,
    )


def _digest_answer(err: BaseException, endpoint: str, credentials: Credentials) -> str | None:
    """The ``Authorization`` header that answers the HTTP Digest challenge of a 401 (Virtuoso's
    ``-auth`` endpoints), computed by urllib's own Digest handler; None when there is none to answer."""
    challenged = _http_error(err)
    if not credentials.user or challenged is None:
        return None
    scheme, _, params = (challenged.headers.get("WWW-Authenticate") or "").strip().partition(" ")
    if scheme.lower() != "digest":
        return None
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, credentials.user, credentials.password or "")
    try:
        challenge = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(params)))
        answer = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(
            urllib.request.Request(endpoint, method="POST"), challenge
        )
    except (ValueError, urllib.error.URLError):  # a malformed challenge, or an algorithm or qop urllib lacks
        return None
    return f"Digest {answer}" if answer else None


def _ask(
    endpoint: str,
    query_text: str,
    *,
    credentials: Credentials,
    timeout: float,
    agent: str,
    source: Path | str | None,
    abandoned: threading.Event,
) -> bytes:
    """Send the query with SPARQLWrapper (answering a Digest challenge once) and read the whole
    answer; its body, or a typed error. Runs in the worker thread of ``_within``."""
    sparql = _sparql(endpoint, query_text, credentials=credentials, timeout=timeout, agent=agent)
    try:
        try:
            return _read_answer(sparql.query().response, abandoned)
        except sparql_errors.Unauthorized as err:
            answer = _digest_answer(err, endpoint, credentials)
            if answer is None or abandoned.is_set():
                raise
            sparql.addCustomHttpHeader("Authorization", answer)  # replaces the Basic header
            return _read_answer(sparql.query().response, abandoned)
    except _Abandoned:
        raise
    except Exception as err:
        typed = _query_error(err, endpoint, credentials=credentials, timeout=timeout, source=source)
        if typed is None:
            raise
        raise typed from None


def _within(timeout: float, endpoint: str, call: Callable[[threading.Event], bytes]) -> bytes:
    """``call(abandoned)`` run in a daemon worker thread and waited for at most ``timeout`` seconds;
    past that, ``EndpointTimeoutError``.

    SPARQLWrapper's timeout bounds each socket operation, so a server that drips its answer, a
    byte now and then, would hold a plain ``query()`` forever; and SPARQLWrapper has no per-call
    hook to bound the whole exchange (it opens every request with urllib's global ``urlopen``), so
    the wait is bounded here instead, without patching either library. The abandoned request is not
    killed (a thread cannot be): ``abandoned`` is set, and its worker drops the answer and ends at
    the next bytes the server sends once the answer's headers are in, when the socket's own timeout
    fires (``timeout`` seconds of silence), when the server closes the connection, or with the
    process (the worker is a daemon thread).
    """
    abandoned = threading.Event()
    outcome: list[bytes | Exception] = []

    def work() -> None:
        try:
            outcome.append(call(abandoned))
        except _Abandoned:
            pass
        except Exception as err:  # handed to the caller, or dropped with the answer if it gave up
            outcome.append(err)

    worker = threading.Thread(target=work, name=f"pactgraph query {endpoint}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        abandoned.set()
        raise _timeout_error(endpoint, timeout)
    (result,) = outcome
    if isinstance(result, Exception):
        raise result
    return result


def remote_query(
    endpoint: str,
    query_text: str,
    *,
    source: Path | str | None = None,
    credentials: Credentials | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = DEFAULT_RETRIES,
    backoff_s: float = 1.0,
    agent: str = "pactgraph",
) -> QueryResult:
    """Run a SELECT query on a SPARQL 1.1 endpoint with SPARQLWrapper; the result has the shape of a local one.

    The bundled queries read the default graph, so the store must make it the union of its named
    graphs (Oxigraph ``--union-default-graph``, Fuseki ``unionDefaultGraph``; GraphDB and
    Virtuoso do by default). ``agent`` is the User-Agent (public endpoints ask for a descriptive
    one). Each try takes at most ``timeout`` seconds in all, its whole answer included (see
    ``_within``); HTTP 429, 502 and 503 are retried (see ``_retrying``); a query the endpoint
    rejects (HTTP 400) raises ``QueryError`` naming ``source``.
    """
    credentials = credentials if credentials is not None else Credentials.from_env()

    def ask(abandoned: threading.Event) -> bytes:
        return _ask(
            endpoint,
            query_text,
            credentials=credentials,
            timeout=timeout,
            agent=agent,
            source=source,
            abandoned=abandoned,
        )

    raw = _retrying(lambda: _within(timeout, endpoint, ask), retries=retries, backoff_s=backoff_s)
    try:
        return result_from_sparql_json(json.loads(raw))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise EndpointAnswerError(
            "the answer is not SPARQL JSON results",
            endpoint=endpoint,
            hint="is this a SPARQL query URL? an answer cut short by the server's timeout also ends like this",
        ) from None


EMPTY_DEFAULT_GRAPH_HINT = (
    "the endpoint's default graph is empty but it holds named graphs; the bundled queries read the "
    "default graph: a plain Oxigraph server needs --union-default-graph (Fuseki: tdb2:unionDefaultGraph true)"
)


def empty_default_graph_hint(
    endpoint: str,
    *,
    credentials: Credentials | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> str | None:
    """``EMPTY_DEFAULT_GRAPH_HINT`` when the store at ``endpoint`` has an empty default graph but
    named graphs (why a bundled query finds nothing there), else None; None too when it cannot tell.
    Two small queries, no retries; meant to run after a query returned no rows."""

    def rows(query: str) -> int:
        return len(remote_query(endpoint, query, credentials=credentials, timeout=timeout, retries=0).rows)

    try:
        default_empty = rows("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1") == 0
        named = default_empty and rows("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1") > 0
    except PactgraphError:
        return None
    return EMPTY_DEFAULT_GRAPH_HINT if named else None


def list_graphs(
    endpoint: str,
    *,
    credentials: Credentials | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = DEFAULT_RETRIES,
    backoff_s: float = 1.0,
) -> list[str]:
    """The named graphs under ``GRAPH_NAMESPACE`` that the store at ``endpoint`` holds, sorted."""
    query = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH_NAMESPACE}")) }}'
    result = remote_query(
        endpoint, query, credentials=credentials, timeout=timeout, retries=retries, backoff_s=backoff_s
    )
    return sorted(row[0] for row in result.rows if row[0])
