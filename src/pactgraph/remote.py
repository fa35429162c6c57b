"""Push the graph to any SPARQL 1.1 store and run bundled queries on remote endpoints.

Writes use the SPARQL 1.1 Graph Store HTTP Protocol, the one write interface every store offers
(Oxigraph, Fuseki, GraphDB, Virtuoso): each named graph is replaced with ``PUT`` (so pushing twice
never duplicates anything) and, when larger than one chunk, completed with ``POST``s. Queries go
through SPARQLWrapper and come back as the same ``QueryResult`` a local query gives, so every
output format prints the same. Every failure becomes a one-line ``EndpointError`` naming the URL.
"""

from __future__ import annotations

import ast
import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper
from SPARQLWrapper import SPARQLExceptions as sparql_errors

from pactgraph.errors import (
    EndpointAuthError,
    EndpointError,
    EndpointNotFoundError,
    EndpointRateLimitedError,
    EndpointServerError,
    EndpointTimeoutError,
    EndpointUnreachableError,
    PayloadTooLargeError,
    QueryError,
    UsageError,
)
from pactgraph.queries import QueryResult, result_from_sparql_json
from pactgraph.store import PREFIXES, Format, load_graph, serialize

__all__ = [
    "DEFAULT_CHUNK_TRIPLES",
    "DEFAULT_TIMEOUT_S",
    "GRAPH_NAMESPACE",
    "Credentials",
    "PushSummary",
    "list_graphs",
    "push",
    "remote_query",
    "store_endpoint_for",
]

#: Named graphs pactgraph writes live under this IRI; ``--replace`` only ever drops graphs here.
GRAPH_NAMESPACE = PREFIXES["id"] + "graph/"
#: Triples per request; a graph larger than this is sent as one PUT and then POSTs.
DEFAULT_CHUNK_TRIPLES = 50_000
#: Seconds to wait for each HTTP answer.
DEFAULT_TIMEOUT_S = 60.0

ENV_USER = "PACTGRAPH_ENDPOINT_USER"
ENV_PASSWORD = "PACTGRAPH_ENDPOINT_PASSWORD"
ENV_TOKEN = "PACTGRAPH_ENDPOINT_TOKEN"

# N-Triples is a subset of Turtle, and text/turtle is the one type every store's Graph Store accepts.
_BODY_TYPE = "text/turtle"
_SPARQLWRAPPER_STATUS = {
    sparql_errors.QueryBadFormed: 400,
    sparql_errors.Unauthorized: 401,
    sparql_errors.EndPointNotFound: 404,
    sparql_errors.URITooLong: 414,
    sparql_errors.EndPointInternalError: 500,
}


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
    parts = urllib.parse.urlsplit(query_url)
    segments = [s for s in parts.path.split("/") if s]
    path: str | None = None
    if len(segments) >= 2 and segments[-2] == "repositories":
        path = "/".join([*segments, "rdf-graphs", "service"])
    elif len(segments) >= 2 and segments[-1] in ("sparql", "query"):
        path = "/".join([*segments[:-1], "data"])
    elif segments in (["sparql"], ["sparql-auth"]):
        path = "sparql-graph-crud-auth" if authenticated else "sparql-graph-crud"
    elif segments == ["query"]:
        path = "store"
    if path is None:
        raise UsageError(
            f"{query_url}: cannot tell the Graph Store URL from this query URL; pass it with --store-endpoint"
        )
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + path, "", ""))


# --- errors ---------------------------------------------------------------------------------------


def _status_error(
    endpoint: str, status: int, reason: str, detail: str, *, credentials: Credentials, chunk_triples: int | None
) -> EndpointError:
    """The typed error for an HTTP error status, with what to do about it."""
    what = f"HTTP {status} {reason}".rstrip()
    if detail:
        what += f": {detail}"
    if status == 401:
        hint = (
            "the server rejected the credentials; check them"
            if credentials
            else f"set {ENV_USER} and {ENV_PASSWORD}, or {ENV_TOKEN}"
        )
        return EndpointAuthError(what, endpoint=endpoint, hint=hint)
    if status == 403:
        hint = "this account may not do that here (is the server read-only, or the account without write access?)"
        return EndpointAuthError(what, endpoint=endpoint, hint=hint)
    if status == 404:
        hint = "check the URL (README: endpoint URLs); give the Graph Store URL with --store-endpoint"
        return EndpointNotFoundError(what, endpoint=endpoint, hint=hint)
    if status == 413:
        hint = f"lower --chunk-size (now {chunk_triples} triples)" if chunk_triples else "the request is too large"
        return PayloadTooLargeError(what, endpoint=endpoint, hint=hint)
    if status >= 500:
        return EndpointServerError(what, endpoint=endpoint, hint="the server failed; check its log, then retry")
    return EndpointError(what, endpoint=endpoint)


def _transport_error(endpoint: str, err: BaseException, timeout: float) -> EndpointError | None:
    """The typed error for a failure below HTTP (refused, unknown host, timeout), else None."""
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, TimeoutError):
        return EndpointTimeoutError(
            f"no answer within {timeout:g} s", endpoint=endpoint, hint="raise --timeout or check the server"
        )
    if isinstance(reason, ConnectionRefusedError):
        return EndpointUnreachableError(
            "connection refused", endpoint=endpoint, hint="is the server running at this address and port?"
        )
    if isinstance(reason, OSError):
        message = getattr(reason, "strerror", None) or str(reason)
        return EndpointUnreachableError(f"cannot connect: {message}", endpoint=endpoint, hint="check the URL")
    return None


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    return text.splitlines()[0][:200] if text else ""


# --- Graph Store HTTP Protocol ----------------------------------------------------------------------


def _opener(credentials: Credentials, url: str) -> urllib.request.OpenerDirector:
    """An opener that answers a Digest challenge (Virtuoso's ``-auth`` endpoints) with the user's password."""
    if not credentials.user:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, credentials.user, credentials.password or "")
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))


def _send(
    method: str,
    endpoint: str,
    graph: str,
    body: bytes | None,
    *,
    credentials: Credentials,
    timeout: float,
    chunk_triples: int | None = None,
) -> None:
    """One Graph Store request on ``graph``; a failure raises a typed error (deleting a missing graph is fine)."""
    separator = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"
    headers = {"User-Agent": "pactgraph", **credentials.headers()}
    if body is not None:
        headers["Content-Type"] = _BODY_TYPE
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with _opener(credentials, endpoint).open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as err:
        if method == "DELETE" and err.code == 404:
            return
        detail = _first_line(err.read())
        raise _status_error(
            endpoint, err.code, err.reason or "", detail, credentials=credentials, chunk_triples=chunk_triples
        ) from None
    except (urllib.error.URLError, OSError) as err:
        typed = _transport_error(endpoint, err, timeout)
        if typed is None:
            raise
        raise typed from None


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
    query_endpoint: str | None = None,
    graph_iri: str | None = None,
    replace: bool = False,
    chunk_triples: int = DEFAULT_CHUNK_TRIPLES,
    timeout: float = DEFAULT_TIMEOUT_S,
    credentials: Credentials | None = None,
) -> PushSummary:
    """Write every named graph of ``paths`` plus the ontology to a Graph Store; idempotent.

    Each graph is replaced: its first chunk is ``PUT``, the rest ``POST``ed. With ``graph_iri``
    all triples go into that one graph instead. With ``replace`` the graphs under
    ``GRAPH_NAMESPACE`` that the store holds but this push did not write are deleted afterwards
    (listing them needs ``query_endpoint``).
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
    summary = PushSummary(store_endpoint, {}, 0)
    for name, triples in graphs.items():
        for index, chunk in enumerate(_chunks(triples, chunk_triples)):
            body = serialize(chunk, Format.NTRIPLES)
            method = "PUT" if index == 0 else "POST"
            _send(
                method,
                store_endpoint,
                name,
                body,
                credentials=credentials,
                timeout=timeout,
                chunk_triples=chunk_triples,
            )
            summary.requests += 1
        summary.graphs[name] = len(triples)
    if replace:
        assert query_endpoint is not None
        remote = list_graphs(query_endpoint, credentials=credentials, timeout=timeout)
        for name in sorted(set(remote) - set(graphs)):
            _send("DELETE", store_endpoint, name, None, credentials=credentials, timeout=timeout)
            summary.requests += 1
            summary.dropped.append(name)
    return summary


# --- remote queries ---------------------------------------------------------------------------------


def _sparqlwrapper_detail(err: Exception) -> str:
    """The server's message from a SPARQLWrapper exception (it only keeps a formatted text)."""
    text = str(err)
    if "Response:\n" not in text:
        return ""
    raw = text.split("Response:\n", 1)[1]
    try:
        body = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw.strip().splitlines()[0][:200] if raw.strip() else ""
    return _first_line(body) if isinstance(body, bytes) else str(body)


def remote_query(
    endpoint: str,
    query_text: str,
    *,
    source: Path | str | None = None,
    credentials: Credentials | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    agent: str = "pactgraph",
) -> QueryResult:
    """Run a SELECT query on a SPARQL 1.1 endpoint; the result has the shape of a local one.

    The bundled queries read the default graph, so the store must make it the union of its named
    graphs (Oxigraph ``--union-default-graph``, Fuseki ``unionDefaultGraph``; GraphDB and
    Virtuoso do by default). ``agent`` is the User-Agent (public endpoints ask for a descriptive one).
    An HTTP 429 raises ``EndpointRateLimitedError`` with the server's Retry-After.
    """
    credentials = credentials if credentials is not None else Credentials.from_env()
    sparql = SPARQLWrapper(endpoint, agent=agent)
    sparql.setQuery(query_text)
    # SPARQLWrapper guesses the query form from keywords anywhere in the text, comments included
    # ("under construction" reads as CONSTRUCT); pactgraph runs SELECT queries only.
    sparql.queryType = SELECT
    sparql.setMethod(POST)
    sparql.setReturnFormat(JSON)
    sparql.timeout = timeout  # setTimeout() would truncate to whole seconds
    for name, value in credentials.headers().items():
        sparql.addCustomHttpHeader(name, value)
    try:
        response = sparql.query()
        raw = response.response.read()
    except tuple(_SPARQLWRAPPER_STATUS) as err:
        status, detail = _SPARQLWRAPPER_STATUS[type(err)], _sparqlwrapper_detail(err)
        if status == 400:
            raise QueryError(f"rejected by {endpoint}: {detail or 'HTTP 400 Bad Request'}", file=source) from None
        raise _status_error(endpoint, status, "", detail, credentials=credentials, chunk_triples=None) from None
    except urllib.error.HTTPError as err:
        detail = _first_line(err.read())
        if err.code == 429:
            raise EndpointRateLimitedError(
                f"HTTP 429 {err.reason or ''}".rstrip(),
                endpoint=endpoint,
                hint="the server asks to slow down; wait and run again",
                retry_after=_seconds(err.headers.get("Retry-After")),
            ) from None
        raise _status_error(
            endpoint, err.code, err.reason or "", detail, credentials=credentials, chunk_triples=None
        ) from None
    except (urllib.error.URLError, OSError) as err:
        typed = _transport_error(endpoint, err, timeout)
        if typed is None:
            raise
        raise typed from None
    try:
        return result_from_sparql_json(json.loads(raw))
    except (ValueError, KeyError, TypeError):
        raise EndpointError(
            "the answer is not SPARQL JSON results",
            endpoint=endpoint,
            hint="is this a SPARQL query URL? a query cut short by the server's timeout also ends like this",
        ) from None


def _seconds(retry_after: str | None) -> float | None:
    """A Retry-After header in seconds (the HTTP-date form is not used by SPARQL endpoints).

    >>> _seconds("7"), _seconds(None), _seconds("Wed, 21 Oct 2026 07:28:00 GMT")
    (7.0, None, None)
    """
    try:
        return max(0.0, float(retry_after)) if retry_after is not None else None
    except ValueError:
        return None


def list_graphs(
    endpoint: str, *, credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT_S
) -> list[str]:
    """The named graphs under ``GRAPH_NAMESPACE`` that the store at ``endpoint`` holds, sorted."""
    query = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH_NAMESPACE}")) }}'
    result = remote_query(endpoint, query, credentials=credentials, timeout=timeout)
    return sorted(row[0] for row in result.rows if row[0])
