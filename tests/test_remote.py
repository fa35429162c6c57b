"""push and query --endpoint against a real Oxigraph server; credentials against the stub.

Every fault (refused, timeout, slow drip, HTTP statuses, bad answers, a server failing halfway) is
a case of ``tests/behaviour_remote.py``, run by ``tests/test_remote_faults.py``.
"""

from __future__ import annotations

import base64
import hashlib
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from pactgraph import remote
from pactgraph.cli import main
from pactgraph.errors import (
    EndpointAuthError,
    EndpointRateLimitedError,
    EndpointServerError,
    EndpointUnavailableError,
    UsageError,
)
from pactgraph.queries import bundled_queries, format_result, run_query
from pactgraph.serving import OxigraphServer
from pactgraph.store import ONTOLOGY_GRAPH, Format, load_graph, serialize

from .servers import fault_proxy, writable_oxigraph

FIXTURE = Path(__file__).parent / "data" / "mini-kg.trig"
GRAPH = remote.GRAPH_NAMESPACE
NO_CREDENTIALS = remote.Credentials()
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def _cli(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def _remote_counts(server: OxigraphServer) -> dict[str, int]:
    rows = remote.remote_query(server.query_url, COUNT_PER_GRAPH, credentials=NO_CREDENTIALS).rows
    return {g: int(n) for g, n in rows}


def _local_counts(path: Path = FIXTURE) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in load_graph([path], for_queries=False):
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    return counts


def _push(server: OxigraphServer, paths: list[Path] | None = None, **options) -> remote.PushSummary:
    return remote.push(
        paths or [FIXTURE], server.store_url, update_endpoint=server.update_url, credentials=NO_CREDENTIALS, **options
    )


@pytest.fixture(autouse=True)
def _no_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (remote.ENV_USER, remote.ENV_PASSWORD, remote.ENV_TOKEN):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def pushed() -> OxigraphServer:
    """One server holding the fixture, for the read-only comparisons."""
    with writable_oxigraph() as server:
        _push(server)
        yield server


# --- push ---------------------------------------------------------------------------------------------


def test_push_writes_one_graph_per_article_and_the_ontology(oxigraph: OxigraphServer) -> None:
    result = _cli("push", "--endpoint", oxigraph.query_url, "--graph", str(FIXTURE))
    assert result.exit_code == 0, result.output
    local = _local_counts()
    assert set(local) == {GRAPH + "baku-talks", GRAPH + "abu-dhabi-partnership", GRAPH + "links", ONTOLOGY_GRAPH.value}
    assert _remote_counts(oxigraph) == local  # and no staging graph is left
    assert result.stdout == (
        f"pushed 4 graphs, {sum(local.values()):,} triples in 5 requests to {oxigraph.store_url}\n"
    )


def test_push_again_replaces_instead_of_duplicating(oxigraph: OxigraphServer) -> None:
    first = _push(oxigraph)
    # Small chunks: each graph is one PUT and several POSTs, and still ends up exactly once.
    second = _push(oxigraph, chunk_triples=40)
    assert second.requests > first.requests == 5
    (count,) = remote.remote_query(oxigraph.query_url, COUNT_QUADS, credentials=NO_CREDENTIALS).rows
    assert int(count[0]) == len(load_graph([FIXTURE], for_queries=False)) == first.triples == second.triples


def test_chunks_keep_blank_node_structures_whole(oxigraph: OxigraphServer) -> None:
    # The ontology has blank nodes (restrictions, lists); a chunk of 1 triple must not split them.
    _push(oxigraph, chunk_triples=1)
    request = urllib.request.Request(
        f"{oxigraph.store_url}?graph={ONTOLOGY_GRAPH.value}", headers={"Accept": "application/n-triples"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        pushed = Graph().parse(data=response.read(), format="nt")
    local = load_graph([], with_ontology=True)
    assert any(isinstance(q.subject, ox.BlankNode) for q in local)
    expected = Graph().parse(data=serialize(local, Format.NTRIPLES), format="nt")
    assert isomorphic(pushed, expected)


def test_replace_drops_only_stale_pactgraph_graphs(oxigraph: OxigraphServer, tmp_path: Path) -> None:
    _push(oxigraph)
    foreign = ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("o"))
    foreign_graph = "http://example.org/someone-elses-graph"
    request = urllib.request.Request(
        f"{oxigraph.store_url}?graph={foreign_graph}",
        data=serialize([foreign], Format.NTRIPLES),
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    urllib.request.urlopen(request, timeout=10).close()
    one_article = tmp_path / "one.trig"
    store = load_graph([FIXTURE], with_ontology=False, for_queries=False)
    kept = [q for q in store if q.graph_name.value == GRAPH + "baku-talks"]
    one_article.write_bytes(serialize(kept, Format.TRIG))

    without = _cli("push", "--endpoint", oxigraph.query_url, "--graph", str(one_article))
    assert without.exit_code == 0, without.output
    assert GRAPH + "abu-dhabi-partnership" in _remote_counts(oxigraph)

    result = _cli("push", "--endpoint", oxigraph.query_url, "--graph", str(one_article), "--replace")
    assert result.exit_code == 0, result.output
    assert "dropped 2 graphs no longer in the file" in result.stdout
    assert set(_remote_counts(oxigraph)) == {GRAPH + "baku-talks", ONTOLOGY_GRAPH.value, foreign_graph}


def test_graph_iri_puts_everything_in_one_graph(oxigraph: OxigraphServer) -> None:
    target = "https://example.org/graphs/pactgraph"
    _push(oxigraph)
    result = _cli("push", "--endpoint", oxigraph.query_url, "--graph", str(FIXTURE), "--graph-iri", target, "--replace")
    assert result.exit_code == 0, result.output
    distinct = {q.triple for q in load_graph([FIXTURE])}
    # --replace dropped the per-article graphs of the first push: pactgraph no longer wrote them.
    assert _remote_counts(oxigraph) == {target: len(distinct)}


def test_triples_outside_named_graphs_need_graph_iri(oxigraph: OxigraphServer, tmp_path: Path) -> None:
    merged = tmp_path / "kg.ttl"
    merged.write_bytes(serialize(load_graph([FIXTURE], with_ontology=False, for_queries=False), Format.TURTLE))
    urls = ("--store-endpoint", oxigraph.store_url, "--update-endpoint", oxigraph.update_url)
    result = _cli("push", *urls, "--graph", str(merged))
    assert result.exit_code == 2
    assert "outside named graphs" in result.stderr and "--graph-iri" in result.stderr
    target = GRAPH + "all"
    with_iri = _cli("push", *urls, "--graph", str(merged), "--graph-iri", target)
    assert with_iri.exit_code == 0, with_iri.output
    assert set(_remote_counts(oxigraph)) == {target}


def test_push_usage_errors() -> None:
    assert "--endpoint" in _cli("push").stderr
    no_update = _cli("push", "--store-endpoint", "http://127.0.0.1:1/store")
    assert no_update.exit_code == 2 and "--update-endpoint" in no_update.stderr
    urls = ("--store-endpoint", "http://127.0.0.1:1/store", "--update-endpoint", "http://127.0.0.1:1/update")
    no_listing = _cli("push", *urls, "--replace")
    assert no_listing.exit_code == 2 and "--replace needs --endpoint" in no_listing.stderr
    unknown_shape = _cli("push", "--endpoint", "http://127.0.0.1:1/somewhere")
    assert unknown_shape.exit_code == 2 and "--store-endpoint" in unknown_shape.stderr
    with pytest.raises(UsageError, match="not an absolute IRI"):
        remote.push(
            [FIXTURE],
            "http://127.0.0.1:1/store",
            update_endpoint="http://127.0.0.1:1/update",
            graph_iri="not an iri",
            credentials=NO_CREDENTIALS,
        )
    with pytest.raises(UsageError, match="not both"):
        remote.Credentials.from_env({remote.ENV_TOKEN: "t", remote.ENV_USER: "u", remote.ENV_PASSWORD: "p"})


# --- query --endpoint -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [q.name for q in bundled_queries()])
def test_remote_query_matches_local_row_for_row(name: str, pushed: OxigraphServer) -> None:
    query = next(q for q in bundled_queries() if q.name == name)
    local = run_query(load_graph([FIXTURE]), query.text)
    answer = remote.remote_query(pushed.query_url, query.text, credentials=NO_CREDENTIALS)
    assert answer.columns == local.columns
    assert answer.rows == local.rows
    assert local.rows or name == "inferred", name  # the fixture has no inferred graph (see test_reasoning)
    assert format_result(answer, "json") == format_result(local, "json")


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_endpoint_prints_like_a_local_query(fmt: str, pushed: OxigraphServer) -> None:
    remote_out = _cli("query", "agreements", "--endpoint", pushed.query_url, "--format", fmt)
    local_out = _cli("query", "agreements", "--graph", str(FIXTURE), "--format", fmt)
    assert remote_out.exit_code == local_out.exit_code == 0, remote_out.output
    assert remote_out.stdout == local_out.stdout


def test_query_endpoint_and_graph_exclude_each_other(pushed: OxigraphServer) -> None:
    result = _cli("query", "roles", "--endpoint", pushed.query_url, "--graph", str(FIXTURE))
    assert result.exit_code == 2 and "exclude each other" in result.stderr


def test_remote_syntax_error_names_the_query_file(pushed: OxigraphServer, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ?y ?z } LIMT 1\n")
    result = _cli("query", str(bad), "--endpoint", pushed.query_url)
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {bad}:") and f"rejected by {pushed.query_url}" in line, line


# --- credentials -------------------------------------------------------------------------------------


def test_basic_and_bearer_credentials_come_from_the_environment(stub) -> None:
    env = {remote.ENV_USER: "ann", remote.ENV_PASSWORD: "s3cret"}
    assert _cli("push", "--endpoint", f"{stub.url}/query", "--graph", str(FIXTURE), env=env).exit_code == 0
    assert _cli("query", "roles", "--endpoint", f"{stub.url}/query", env={remote.ENV_TOKEN: "t0k"}).exit_code == 3
    basic = "Basic " + base64.b64encode(b"ann:s3cret").decode()
    authorizations = [headers.get("Authorization") for _, _, headers in stub.requests]
    assert authorizations == [basic] * 5 + ["Bearer t0k"]  # 4 graphs and the swap, then the query


def test_digest_challenge_is_answered(stub) -> None:
    # Virtuoso's /sparql-graph-crud-auth asks for HTTP Digest.
    stub.status, stub.digest_status = 401, 201
    stub.headers = {"WWW-Authenticate": 'Digest realm="SPARQL", nonce="abc123", qop="auth", algorithm="MD5"'}
    env = {remote.ENV_USER: "dba", remote.ENV_PASSWORD: "dba"}
    result = _cli("push", "--endpoint", f"{stub.url}/sparql", "--graph", str(FIXTURE), env=env)
    assert result.exit_code == 0, result.output
    assert stub.requests[0][1].startswith("/sparql-graph-crud-auth?graph=")
    assert stub.requests[1][2]["Authorization"].startswith('Digest username="dba", realm="SPARQL"')
    assert stub.requests[-1][1] == "/sparql-auth"  # the swap, on Virtuoso's authenticated update URL


def test_a_query_answers_a_digest_challenge_once(stub) -> None:
    # Virtuoso's /sparql-auth asks queries for HTTP Digest too; SPARQLWrapper sends Basic first.
    stub.status, stub.digest_status = 401, 200
    stub.body = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}'
    stub.headers = {"WWW-Authenticate": 'Digest realm="SPARQL", nonce="abc123", qop="auth", algorithm="MD5"'}
    dba = remote.Credentials(user="dba", password="dba")
    assert remote.remote_query(f"{stub.url}/sparql-auth", "SELECT ?x {}", credentials=dba).rows == [("1",)]
    basic, digest = (headers["Authorization"] for _, _, headers in stub.requests)
    assert basic == "Basic " + base64.b64encode(b"dba:dba").decode()
    fields = dict(part.strip().split("=", 1) for part in digest.removeprefix("Digest ").split(","))
    fields = {k: v.strip('"') for k, v in fields.items()}
    assert (fields["username"], fields["realm"], fields["uri"]) == ("dba", "SPARQL", "/sparql-auth")

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    a1, a2 = md5("dba:SPARQL:dba"), md5("POST:/sparql-auth")
    assert fields["response"] == md5(f"{a1}:abc123:{fields['nc']}:{fields['cnonce']}:auth:{a2}")
    # A Digest answer the server refuses: its error, and no third try.
    stub.digest_status, stub.requests[:] = 403, []
    with pytest.raises(EndpointAuthError, match="HTTP 403 Forbidden"):
        remote.remote_query(f"{stub.url}/sparql-auth", "SELECT ?x {}", credentials=dba)
    assert len(stub.requests) == 2


# --- retries ------------------------------------------------------------------------------------------


def test_503_is_retried_with_backoff_and_500_is_not(stub) -> None:
    stub.status = 503
    with pytest.raises(EndpointUnavailableError, match=r"\(retried 2 times\)"):
        remote.remote_query(f"{stub.url}/query", "ASK {}", credentials=NO_CREDENTIALS, retries=2, backoff_s=0)
    assert len(stub.requests) == 3
    stub.status, stub.requests[:] = 500, []
    with pytest.raises(EndpointServerError):
        remote.remote_query(f"{stub.url}/query", "ASK {}", credentials=NO_CREDENTIALS, retries=2, backoff_s=0)
    assert len(stub.requests) == 1


def test_a_retry_after_too_long_to_wait_is_not_waited(stub) -> None:
    stub.status, stub.headers = 429, {"Retry-After": str(int(remote.MAX_WAIT_S) + 1)}
    with pytest.raises(EndpointRateLimitedError) as raised:
        remote.remote_query(f"{stub.url}/query", "ASK {}", credentials=NO_CREDENTIALS)
    assert len(stub.requests) == 1 and "retried" not in str(raised.value)


def test_a_transient_503_is_retried_and_the_push_completes(oxigraph: OxigraphServer) -> None:
    with fault_proxy(oxigraph.url) as proxy:
        proxy.fail_from, proxy.fault, proxy.fail_count = 2, 503, 2
        summary = remote.push(
            [FIXTURE],
            f"{proxy.url}/store",
            update_endpoint=f"{proxy.url}/update",
            credentials=NO_CREDENTIALS,
            backoff_s=0,
        )
    assert len(proxy.requests) == summary.requests + 2
    assert _remote_counts(oxigraph) == _local_counts()
