"""Curated links to open datasets: the links file becomes skos:exactMatch triples in the named
graph id:graph/links for the entities a build has, and a malformed row is a one-line error."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from pactgraph.build import build_quads
from pactgraph.cli import main
from pactgraph.errors import LinksError
from pactgraph.links import HEADER, LINKS_GRAPH, links_quads, load_links
from pactgraph.queries import resolve_query, run_query
from pactgraph.store import Format, load_graph, serialize

from .conftest import ARTICLES, ROOT

LINKS = ROOT / "data" / "links.csv"
IDENTIFIERS = ROOT.parent / "shared" / "links" / "identifiers.csv"
ID = "https://w3id.org/pactgraph/id/"
WD = "http://www.wikidata.org/entity/"
DBR = "http://dbpedia.org/resource/"


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "links.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _build(tmp_path: Path, links: Path):
    out = tmp_path / "kg.ttl"
    args = ["build", "--out", str(out), "--no-progress", "--links", str(links)]
    return CliRunner().invoke(main, args), out


def test_seeds_are_linked_exactly_as_the_links_file_says(tmp_path: Path) -> None:
    result, out = _build(tmp_path, LINKS)
    assert result.exit_code == 0, result.output
    assert "13 entities linked to open datasets" in result.stderr
    rows = run_query(load_graph([out.with_suffix(".trig")]), resolve_query("links").text).rows
    by_entity = {row[0]: row[1:] for row in rows}
    assert by_entity[ID + "country/azerbaijan"] == (
        "Azerbaijan",
        "Country",
        WD + "Q227",
        DBR + "Azerbaijan",
        "https://sws.geonames.org/587116/",
    )
    assert by_entity[ID + "person/ilham-aliyev"] == ("Ilham Aliyev", "Person", None, DBR + "Ilham_Aliyev", None)
    assert by_entity[ID + "organization/shanghai-cooperation-organization"][2:4] == (
        WD + "Q485207",
        DBR + "Shanghai_Cooperation_Organisation",
    )
    # The seeds name a Sinopec subsidiary, not Sinopec (Q831445); Parviz Shahbazov has no checked ID.
    assert not any("sinopec" in entity or "shahbazov" in entity for entity in by_entity)
    assert len(rows) == len(by_entity) == 13


def test_links_graph_with_its_provenance(tmp_path: Path) -> None:
    links = _write(
        tmp_path,
        "id:country/azerbaijan,Azerbaijan,Q227,Azerbaijan,587116,AZ,AZE,Ann Curator,identifiers.csv,checked",
        "id:place/nowhere,Nowhere,Q1,,,,,Ann Curator,identifiers.csv,not in the graph: left out",
    )
    quads = links_quads(load_links(links), [ID + "country/azerbaijan"])
    assert {q.graph_name for q in quads} == {LINKS_GRAPH}
    expected = Graph().parse(
        format="turtle",
        data=f"""
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix pg: <https://w3id.org/pactgraph/ontology#> .
        <{ID}country/azerbaijan> skos:exactMatch <{WD}Q227>, <{DBR}Azerbaijan>, <https://sws.geonames.org/587116/> ;
            pg:countryCode "AZ" ; pg:countryCodeAlpha3 "AZE" .
        <{ID}graph/links> a prov:Entity ; rdfs:label "curated links to open datasets (links.csv)" ;
            prov:wasAttributedTo <{ID}agent/curator/ann-curator> ; dcterms:source "identifiers.csv" .
        <{ID}agent/curator/ann-curator> a prov:Person ; rdfs:label "Ann Curator" .
        """,
    )
    assert isomorphic(Graph().parse(data=serialize(quads, Format.NTRIPLES), format="nt"), expected)


def test_no_entity_present_means_no_links_graph(tmp_path: Path) -> None:
    links = _write(tmp_path, "id:place/nowhere,Nowhere,Q1,,,,,Ann,identifiers.csv,")
    assert links_quads(load_links(links), [ID + "country/azerbaijan"]) == []


def test_build_keeps_links_in_their_own_named_graph(tmp_path: Path) -> None:
    paths = sorted(ARTICLES.glob("*.txt"))
    with_links = build_quads(paths, links=load_links(LINKS))
    without = build_quads(paths)
    assert with_links.linked == 13 and without.linked == 0
    extra = set(with_links.quads) - set(without.quads)
    assert extra and {q.graph_name for q in extra} == {LINKS_GRAPH}


def test_committed_graph_has_the_links_and_stays_valid() -> None:
    dataset = Dataset().parse(ROOT / "data" / "kg.trig")
    links = dataset.graph(URIRef(LINKS_GRAPH.value))
    skos = Namespace("http://www.w3.org/2004/02/skos/core#")
    assert (URIRef(ID + "country/azerbaijan"), skos.exactMatch, URIRef(WD + "Q227")) in links
    pg = Namespace("https://w3id.org/pactgraph/ontology#")
    assert (URIRef(ID + "country/china"), pg.countryCodeAlpha3, Literal("CHN")) in links
    result = CliRunner().invoke(main, ["validate", "--graph", str(ROOT / "data" / "kg.trig")])
    assert result.exit_code == 0, result.output


@pytest.mark.skipif(not IDENTIFIERS.is_file(), reason="the shared identifiers file is not beside the checkout")
def test_every_curated_identifier_is_a_checked_fact_of_the_identifiers_file() -> None:
    with IDENTIFIERS.open(encoding="utf-8") as handle:
        checked = [row for row in csv.DictReader(handle) if row["status"] in ("verified", "partly")]
    for link in load_links(LINKS).links:
        for column in ("wikidata", "wikipedia_en", "geonames", "iso2", "iso3"):
            value = getattr(link, column)
            if value:
                assert any(row[column] == value for row in checked), f"{link.entity}: {column} {value} has no source"


@pytest.mark.parametrize(
    ("rows", "where", "needle"),
    [
        (["id:country/azerbaijan,Azerbaijan,227,,,,,Ann,ids.csv,"], "2:34", "wikidata '227' is not a Wikidata item ID"),
        (["id:place/baku,Baku,Q9248,,,,,Ann,ids.csv,", "id:place/baku,Baku,Q9248,,,,,Ann,ids.csv,"], "3:1", "already"),
        (["id:place/baku,Baku,Q9248,,,AZ,,Ann,ids.csv,"], "2:28", "countries only"),
        (["Baku,Baku,Q9248,,,,,Ann,ids.csv,"], "2:1", "not a pactgraph entity IRI"),
        (["id:place/baku,Baku,,,,,,Ann,ids.csv,"], "2:20", "no identifier"),
        (["id:place/baku,Baku,Q9248,,,,,,ids.csv,"], "2:30", "curator is empty"),
        (["id:place/baku,Baku,Q9248"], "2", "3 columns, expected 10"),
        (["", "id:place/baku,Baku,Q9248,,x1,,,Ann,ids.csv,"], "3:27", "geonames 'x1'"),
        (['id:place/baku,"Baku,Q9248,,,,,Ann,ids.csv,', "id:place/ganja,Ganja,Q1,,,,,Ann,x,"], "2:15", "not closed"),
    ],
)
def test_malformed_links_file_is_one_line_naming_file_line_and_column(
    tmp_path: Path, rows: list[str], where: str, needle: str
) -> None:
    links = _write(tmp_path, *rows)
    result, out = _build(tmp_path, links)
    assert result.exit_code == 2, result.output
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"Error: {links}:{where}: ") and needle in message, message
    assert "Traceback" not in result.output and not out.exists()


def test_a_links_file_not_in_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "links.csv"
    path.write_bytes((HEADER + "\nid:place/baku,B\xe4ku,Q9248,,,,,Ann,ids.csv,\n").encode("latin-1"))
    with pytest.raises(LinksError, match=r"links\.csv:2:16: not valid UTF-8 \(byte 0xe4\)"):
        load_links(path)


def test_a_spreadsheet_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "links.csv"
    path.write_text("\ufeff" + HEADER + "\nid:place/baku,Baku,Q9248,,,,,Ann,ids.csv,\n", encoding="utf-8")
    assert [link.wikidata for link in load_links(path).links] == ["Q9248"]


def test_bad_header_and_missing_file(tmp_path: Path) -> None:
    links = tmp_path / "links.csv"
    links.write_text("entity,wikidata\nid:place/baku,Q9248\n", encoding="utf-8")
    result, _ = _build(tmp_path, links)
    assert result.exit_code == 2 and result.stderr == f"Error: {links}:1: the first line must be the header {HEADER}\n"
    missing, _ = _build(tmp_path, tmp_path / "absent.csv")
    assert missing.exit_code == 2 and missing.stderr == f"Error: {tmp_path / 'absent.csv'}: no such links file\n"
