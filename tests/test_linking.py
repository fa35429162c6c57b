"""`pactgraph link` against a real Oxigraph server holding a small Wikidata-shaped fixture, and
the endpoint's failures (down, 429, 500, not JSON) as one line with nothing half-written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from pactgraph import linking, remote
from pactgraph.build import build_quads
from pactgraph.cli import main
from pactgraph.enrichment import ENRICHMENT_GRAPH
from pactgraph.errors import EndpointRateLimitedError, EndpointServerError
from pactgraph.links import AUTO_LINKS_GRAPH, HEADER, load_links
from pactgraph.queries import resolve_query
from pactgraph.serving import OxigraphServer

from .conftest import ARTICLES, ROOT
from .servers import unused_port, writable_oxigraph

SEEDS = ROOT / "data" / "kg.trig"
ID = "https://w3id.org/pactgraph/id/"


@pytest.fixture
def curated(tmp_path: Path) -> Path:
    """Curated links of the two countries only: everything else is for `link` to find."""
    path = tmp_path / "links.csv"
    path.write_text(
        HEADER + "\n"
        "id:country/azerbaijan,Azerbaijan,Q227,,,,,Ann,identifiers.csv,\n"
        "id:country/china,China,Q148,,,,,Ann,identifiers.csv,\n",
        encoding="utf-8",
    )
    return path


def _link(tmp_path: Path, curated: Path, endpoint: str, *extra: str):
    args = ["link", "--graph", str(SEEDS), "--links", str(curated), "--endpoint", endpoint]
    args += ["--out", str(tmp_path / "auto.csv"), "--candidates", str(tmp_path / "review.csv")]
    args += ["--cache", str(tmp_path / "cache"), *extra]
    return CliRunner().invoke(main, args)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_link_accepts_unambiguous_typed_matches_and_leaves_the_rest_for_review(
    tmp_path: Path, curated: Path, wikidata: OxigraphServer
) -> None:
    result = _link(tmp_path, curated, wikidata.query_url)
    assert result.exit_code == 0, result.output
    accepted = {row["entity"]: row for row in _rows(tmp_path / "auto.csv")}
    # Baku the capital, not the namesake village; Xi Jinping the Chinese one (co-mentioned country).
    assert {entity: row["wikidata"] for entity, row in accepted.items()} == {
        ID + "place/baku": "Q9248",
        ID + "person/xi-jinping": "Q15031",
    }
    assert accepted[ID + "person/xi-jinping"]["evidence"] == "score 1: exact label; type Q5; country Q148"
    assert accepted[ID + "place/baku"]["curator"] == linking.LINKER
    assert accepted[ID + "place/baku"]["source"] == wikidata.query_url
    review = [(row["entity"], row["wikidata"], row["score"]) for row in _rows(tmp_path / "review.csv")]
    # Two Azerbaijani people called Isa Habibbayli score the same: a person decides.
    assert review == [
        (ID + "person/isa-habibbayli", "Q4130889", "1"),
        (ID + "person/isa-habibbayli", "Q900003", "1"),
    ]
    assert "linked 2 of 15 entities without a curated link; 1 to review (2 candidates); 1 query sent" in result.stderr


def test_curated_links_win_and_machine_links_are_marked(
    tmp_path: Path, curated: Path, wikidata: OxigraphServer
) -> None:
    assert _link(tmp_path, curated, wikidata.query_url).exit_code == 0
    auto = load_links(tmp_path / "auto.csv", machine=True)
    # A curated link of Baku (another QID, to tell them apart) wins over the machine one.
    with curated.open("a", encoding="utf-8") as handle:
        handle.write("id:place/baku,Baku,Q1,,,,,Ann,identifiers.csv,\n")
    paths = sorted(ARTICLES.glob("*.txt"))
    quads = build_quads(paths, links=load_links(curated), auto_links=auto)
    machine = [q for q in quads.quads if q.graph_name == AUTO_LINKS_GRAPH]
    linked = {(q.subject.value, q.object.value) for q in machine if q.predicate.value.endswith("exactMatch")}
    assert linked == {(ID + "person/xi-jinping", "http://www.wikidata.org/entity/Q15031")}
    kinds = {q.object.value for q in machine if q.subject.value == ID + "agent/pactgraph-link"}
    assert "http://www.w3.org/ns/prov#SoftwareAgent" in kinds


def test_build_reads_the_machine_links_and_stays_valid(tmp_path: Path, curated: Path, wikidata: OxigraphServer) -> None:
    assert _link(tmp_path, curated, wikidata.query_url).exit_code == 0
    out = tmp_path / "kg.ttl"
    args = ["build", "--no-progress", "--out", str(out), "--links", str(curated)]
    built = CliRunner().invoke(main, [*args, "--auto-links", str(tmp_path / "auto.csv")])
    assert built.exit_code == 0, built.output
    assert "4 entities linked to open datasets" in built.stderr  # 2 curated countries, 2 machine links
    rows = CliRunner().invoke(main, ["query", "links", "--graph", str(out), "--format", "csv"]).stdout
    assert f"{ID}place/baku,Baku,Place,http://www.wikidata.org/entity/Q9248,," in rows
    validated = CliRunner().invoke(main, ["validate", "--graph", str(out.with_suffix(".trig"))])
    assert validated.exit_code == 0, validated.output


def test_a_second_run_is_answered_from_the_cache(tmp_path: Path, curated: Path, wikidata: OxigraphServer) -> None:
    first = linking.find_links([SEEDS], load_links(curated), endpoint=wikidata.query_url, cache=tmp_path / "c")
    assert first.queries == 1 and first.cached == 0
    again = linking.find_links([SEEDS], load_links(curated), endpoint=wikidata.query_url, cache=tmp_path / "c")
    assert again.queries == 0 and again.cached == 1
    assert again.accepted == first.accepted and again.review == first.review


def test_small_batches_give_the_same_links(tmp_path: Path, curated: Path, wikidata: OxigraphServer) -> None:
    whole = linking.find_links([SEEDS], load_links(curated), endpoint=wikidata.query_url)
    batched = linking.find_links([SEEDS], load_links(curated), endpoint=wikidata.query_url, batch_size=2)
    assert batched.queries > 1 and batched.accepted == whole.accepted and batched.review == whole.review


def test_dry_run_writes_nothing(tmp_path: Path, curated: Path, wikidata: OxigraphServer) -> None:
    result = _link(tmp_path, curated, wikidata.query_url, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Q9248" in result.stdout and "dry run: nothing written" in result.stderr
    assert not (tmp_path / "auto.csv").exists() and not (tmp_path / "review.csv").exists()


def test_http_429_is_retried_after_retry_after_then_reported(tmp_path: Path, curated: Path, stub) -> None:
    stub.status, stub.headers = 429, {"Retry-After": "0"}
    with pytest.raises(EndpointRateLimitedError) as raised:
        linking.find_links([SEEDS], load_links(curated), endpoint=f"{stub.url}/sparql", retries=2, backoff_s=0)
    assert raised.value.retry_after == 0 and len(stub.requests) == 3
    assert stub.requests[0][2]["User-Agent"] == linking.USER_AGENT
    result = _link(tmp_path, curated, f"{stub.url}/sparql", "--retries", "0")
    _assert_nothing_written(result, tmp_path, f"{stub.url}/sparql: HTTP 429")


def test_http_503_is_retried_with_backoff_then_reported(tmp_path: Path, curated: Path, stub) -> None:
    stub.status = 503
    with pytest.raises(EndpointServerError):
        linking.find_links([SEEDS], load_links(curated), endpoint=f"{stub.url}/sparql", retries=1, backoff_s=0)
    assert len(stub.requests) == 2
    result = _link(tmp_path, curated, f"{stub.url}/sparql", "--retries", "0")
    _assert_nothing_written(result, tmp_path, f"{stub.url}/sparql: HTTP 503")


def test_an_answer_that_is_not_json_is_reported(tmp_path: Path, curated: Path, stub) -> None:
    result = _link(tmp_path, curated, f"{stub.url}/sparql")
    _assert_nothing_written(result, tmp_path, "the answer is not SPARQL JSON results")


def test_endpoint_down_is_reported(tmp_path: Path, curated: Path) -> None:
    endpoint = f"http://127.0.0.1:{unused_port()}/sparql"
    result = _link(tmp_path, curated, endpoint)
    _assert_nothing_written(result, tmp_path, f"{endpoint}: connection refused")


def _assert_nothing_written(result, tmp_path: Path, needle: str) -> None:
    assert result.exit_code == 3, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ") and needle in line, line
    assert "Traceback" not in result.output
    assert not (tmp_path / "auto.csv").exists() and not (tmp_path / "review.csv").exists()
    assert not (tmp_path / "cache").exists()


# --- enrich ------------------------------------------------------------------------------------------


def test_enrich_maps_five_wikidata_properties_into_their_own_graph(
    tmp_path: Path, curated: Path, wikidata: OxigraphServer
) -> None:
    with curated.open("a", encoding="utf-8") as handle:
        handle.write("id:place/baku,Baku,Q9248,,,,,Ann,identifiers.csv,\n")
    out = tmp_path / "enrichment.trig"
    args = ["enrich", "--links", str(curated), "--auto-links", str(tmp_path / "none.csv")]
    result = CliRunner().invoke(
        main, [*args, "--endpoint", wikidata.query_url, "-o", str(out), "--cache", str(tmp_path / "c")]
    )
    assert result.exit_code == 0, result.output
    assert "enriched 3 entities" in result.stderr
    dataset = Dataset().parse(out)
    graph = dataset.graph(URIRef(ENRICHMENT_GRAPH.value))
    facts = Graph()
    for triple in graph:
        if str(triple[0]) != ENRICHMENT_GRAPH.value and "agent/" not in str(triple[0]):
            facts.add(triple)
    expected = Graph().parse(
        format="turtle",
        data=f"""
        @prefix pg: <https://w3id.org/pactgraph/ontology#> .
        @prefix schema: <https://schema.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <{ID}country/azerbaijan> pg:countryCode "AZ" ; schema:url <https://mfa.gov.az/en> .
        <{ID}place/baku> schema:latitude "40.395278"^^xsd:decimal ; schema:longitude "49.882222"^^xsd:decimal ;
            pg:inCountry <{ID}country/azerbaijan> .
        <{ID}country/china> schema:foundingDate "1949-10-01"^^xsd:date .
        """,
    )
    assert isomorphic(facts, expected)
    prov = "http://www.w3.org/ns/prov#"
    assert (
        URIRef(ENRICHMENT_GRAPH.value),
        URIRef(prov + "wasAttributedTo"),
        URIRef(ID + "agent/pactgraph-enrich"),
    ) in graph
    dates = list(graph.objects(URIRef(ENRICHMENT_GRAPH.value), URIRef("http://purl.org/dc/terms/date")))
    assert len(dates) == 1 and dates[0].datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")


def test_enrich_endpoint_down_writes_nothing(tmp_path: Path, curated: Path) -> None:
    endpoint = f"http://127.0.0.1:{unused_port()}/sparql"
    out = tmp_path / "enrichment.trig"
    args = ["enrich", "--links", str(curated), "--endpoint", endpoint, "-o", str(out), "--cache", str(tmp_path / "c")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 3 and f"{endpoint}: connection refused" in result.stderr
    assert not out.exists()


# --- federated query -------------------------------------------------------------------------------


def test_federated_country_codes_query_joins_our_graph_with_wikidata(wikidata: OxigraphServer) -> None:
    path = ROOT / "queries" / "online" / "wikidata-country-codes.rq"
    query = path.read_text(encoding="utf-8")
    assert "SERVICE <https://query.wikidata.org/sparql>" in query
    local = query.replace("https://query.wikidata.org/sparql", wikidata.query_url)
    with writable_oxigraph() as ours:
        remote.push(
            [ROOT / "tests" / "data" / "mini-kg.trig"],
            ours.store_url,
            update_endpoint=ours.update_url,
            credentials=remote.Credentials(),
        )
        result = remote.remote_query(ours.query_url, local, credentials=remote.Credentials())
    assert result.columns == list(resolve_query(str(path)).columns)
    assert result.rows == [
        (ID + "country/azerbaijan", "Azerbaijan", "http://www.wikidata.org/entity/Q227", "AZ", "AZ", "yes")
    ]
