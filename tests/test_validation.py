"""SHACL validation: the real graphs conform, each kind of defect is caught and reported with its
node, path and article, the CLI exit codes, and a build that fails validation writes nothing."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

import pactgraph.triples
from pactgraph.cli import main
from pactgraph.resources import shapes_path
from pactgraph.validation import ValidationReport, validate_file, validate_quads

from .conftest import ARTICLES, ROOT

DATA = Path(__file__).parent / "data"
PREFIXES = """
@prefix pg: <https://w3id.org/pactgraph/ontology#> .
@prefix id: <https://w3id.org/pactgraph/id/> .
@prefix tech: <https://w3id.org/pactgraph/vocab/technology/> .
@prefix akind: <https://w3id.org/pactgraph/vocab/agreement-kind/> .
@prefix status: <https://w3id.org/pactgraph/vocab/status/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix qudt: <http://qudt.org/schema/qudt/> .
@prefix unit: <http://qudt.org/vocab/unit/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

#: One article graph with one defect per node; every other triple is well-formed.
DEFECTS = (
    PREFIXES
    + r"""
id:graph\/bad {
  id:article\/bad a pg:Article ; dcterms:identifier "bad" ; <https://schema.org/datePublished> "2025-02-30"^^xsd:date .
  id:article\/bad\/sentence\/1 a pg:Sentence ; pg:partOfArticle id:article\/bad ; pg:text "…" ;
      pg:startOffset 0 ; pg:endOffset 1 .
  id:extraction\/bad a prov:Activity .
  id:country\/x a pg:Country ; rdfs:label "X" , "Ex" .
  id:country\/y a pg:Country ; rdfs:label "Y" .
  id:time\/bad a time:Instant ; time:inXSDDate "2025-13-01"^^xsd:date .
  id:time\/two a time:Instant ; time:inXSDDate "2025-02-03"^^xsd:date ; time:inXSDgYear "2025"^^xsd:gYear .
  id:time\/ok a time:Instant ; time:inXSDgYear "2024"^^xsd:gYear .
  id:agreement\/no-party a pg:Agreement ; rdfs:label "no party" ; pg:agreementKind akind:declaration ;
      prov:wasDerivedFrom id:article\/bad\/sentence\/1 ; prov:wasGeneratedBy id:extraction\/bad ;
      pg:confidence 0.9 ; pg:extractionRule id:rule\/r .
  id:agreement\/wrong-kind a pg:Agreement ; rdfs:label "wrong kind" ; pg:agreementKind tech:wind ;
      pg:party id:country\/x , id:country\/y ;
      prov:wasDerivedFrom id:article\/bad\/sentence\/1 ; prov:wasGeneratedBy id:extraction\/bad ;
      pg:confidence 0.9 ; pg:extractionRule id:rule\/r .
  id:meeting\/two-dates a pg:Talks ; rdfs:label "two dates" ; pg:participant id:country\/x ;
      pg:hasTime id:time\/ok , id:time\/two ;
      prov:wasDerivedFrom id:article\/bad\/sentence\/1 ; prov:wasGeneratedBy id:extraction\/bad ;
      pg:confidence 0.9 ; pg:extractionRule id:rule\/r .
  id:meeting\/no-provenance a pg:Summit ; rdfs:label "no provenance" ; pg:participant id:country\/y ;
      pg:confidence 0.9 ; pg:extractionRule id:rule\/r .
  id:rule\/r a pg:ExtractionRule ; rdfs:label "r" .
  id:meeting\/nobody a pg:Forum ; rdfs:label "nobody" ;
      prov:wasDerivedFrom id:article\/bad\/sentence\/1 ; prov:wasGeneratedBy id:extraction\/bad ;
      pg:confidence 0.9 ; pg:extractionRule id:rule\/r .
  id:capacity\/c a pg:GenerationCapacity ; rdfs:label "c" ; qudt:numericValue "-5"^^xsd:decimal ;
      qudt:hasUnit unit:KiloW ; pg:technology akind:agreement ; pg:status status:planned ;
      prov:wasDerivedFrom id:article\/bad\/sentence\/1 ; prov:wasGeneratedBy id:extraction\/bad ;
      pg:confidence 0.9 ; pg:extractionRule id:rule\/r .
}
"""
)

EXPECTED_DEFECTS = {
    ("Violation", "id:agreement/no-party", "pg:party"),
    ("Violation", "id:agreement/wrong-kind", "pg:agreementKind"),
    ("Violation", "id:article/bad", "schema:datePublished"),
    ("Violation", "id:capacity/c", "pg:technology"),
    ("Violation", "id:capacity/c", "qudt:hasUnit"),
    ("Violation", "id:capacity/c", "qudt:numericValue"),
    ("Violation", "id:country/x", "rdfs:label"),
    ("Violation", "id:meeting/no-provenance", None),  # neither derived from a sentence nor asserted by a curator
    ("Violation", "id:meeting/no-provenance", "prov:wasGeneratedBy"),
    ("Violation", "id:meeting/two-dates", "pg:hasTime"),
    ("Violation", "id:time/bad", "time:inXSDDate"),
    ("Violation", "id:time/two", None),
    ("Warning", "id:meeting/nobody", "pg:participant"),
}


@pytest.fixture(scope="module")
def defects(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("defects") / "bad.trig"
    path.write_text(DEFECTS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def defects_report(defects: Path) -> ValidationReport:
    return validate_file(defects)


@pytest.mark.parametrize("graph", [ROOT / "data" / "kg.trig", DATA / "mini-kg.trig", DATA / "reasoning-kg.trig"])
def test_real_graphs_conform(graph: Path) -> None:
    report = validate_file(graph)
    assert report.conforms, report.format()
    assert not report.violations


def test_the_seed_conference_is_held_by_the_body_its_name_names_and_warns_no_more() -> None:
    """COP29, announced before anyone is named, is held by the United Nations its name names: no
    meeting of the bundled graph is left without a participant (a warning in shapes.ttl, which the
    defects fixture still raises)."""
    report = validate_file(ROOT / "data" / "kg.trig")
    assert [(w.focus_label, w.path) for w in report.warnings] == []


def test_every_defect_is_reported_once(defects_report: ValidationReport) -> None:
    found = {(r.severity, r.focus, r.path) for r in defects_report.results}
    assert found == EXPECTED_DEFECTS
    assert len(defects_report.results) == len(EXPECTED_DEFECTS)
    assert not defects_report.conforms


def test_results_name_label_article_and_value(defects_report: ValidationReport) -> None:
    capacity = next(r for r in defects_report.results if r.path == "qudt:numericValue")
    assert capacity.focus_label == "c"
    assert capacity.sources == ("bad",)
    assert capacity.value == "-5"
    assert "megawatts" in capacity.message
    kind = next(r for r in defects_report.results if r.path == "pg:agreementKind")
    assert kind.value == "tech:wind"


def test_report_lists_violations_before_warnings(defects_report: ValidationReport) -> None:
    text = defects_report.format()
    assert (
        text.splitlines()[0] == f"{defects_report.graph} does not conform to the SHACL shapes: 12 violations, 1 warning"
    )
    assert text.index("Violation: ") < text.index("Warning: ")


def test_shapes_have_labels_and_descriptions() -> None:
    shapes = Graph().parse(shapes_path())
    rows = shapes.query(
        """PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?shape WHERE { ?shape a sh:NodeShape .
          FILTER(NOT EXISTS { ?shape rdfs:label ?l } || NOT EXISTS { ?shape sh:description ?d }) }"""
    )
    assert list(rows) == []
    messages = shapes.query(
        """PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?p WHERE { ?shape sh:targetClass ?target ; sh:property ?p .
          FILTER NOT EXISTS { ?p sh:message ?m } }"""
    )
    assert list(messages) == []


def test_validate_quads_takes_quads_in_memory() -> None:
    store = ox.Store()
    store.load(path=DATA / "mini-kg.trig", format=ox.RdfFormat.TRIG)
    assert validate_quads(list(store), graph="mini").conforms


# --- CLI ---------------------------------------------------------------------------------------


def test_validate_cli_conforms() -> None:
    result = CliRunner().invoke(main, ["validate", "--graph", str(DATA / "mini-kg.trig")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{DATA / 'mini-kg.trig'} conforms to the SHACL shapes")


def test_validate_cli_violations_exit_1(defects: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--graph", str(defects)])
    assert result.exit_code == 1
    assert "Violation: id:capacity/c (c)" in result.stdout
    assert "  source:  bad" in result.stdout
    assert result.stderr.strip() == f"Error: {defects} does not conform to the SHACL shapes: 12 violations, 1 warning"


def test_validate_cli_load_errors_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b \n")
    for path, expected in [(broken, f"{broken}:"), (tmp_path / "missing.trig", "no such file")]:
        result = CliRunner().invoke(main, ["validate", "--graph", str(path)])
        assert result.exit_code == 2
        assert expected in result.stderr and "Traceback" not in result.output
        assert result.stderr.count("\n") == 1


def test_build_that_fails_validation_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    """Fault injection: the extractor's output loses the provenance of one fact, as a bug would."""
    out = tmp_path / "kg.ttl"
    args = ["build", "--articles", str(ARTICLES), "--out", str(out), "--no-progress"]
    assert CliRunner().invoke(main, args).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_article_quads = pactgraph.triples.article_quads  # imported by the build where it writes a graph
    damaged: list[str] = []

    def without_provenance(article, facts, entities):
        quads = real_article_quads(article, facts, entities)
        if damaged:
            return quads
        fact = next(q.subject for q in quads if q.predicate.value.endswith("wasDerivedFrom"))
        damaged.append(fact.value)
        return [q for q in quads if not (q.subject == fact and q.predicate.value.endswith("wasDerivedFrom"))]

    monkeypatch.setattr(pactgraph.triples, "article_quads", without_provenance)
    args += ["--jobs", "1", "--force"]  # one process, so one article graph is damaged; not the cached graphs
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "Violation: " in result.stderr and "prov:wasDerivedFrom" in result.stderr
    assert result.stderr.splitlines()[-1].startswith(
        f"Error: {out}: not written: the built graph has 1 SHACL violation"
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before

    skipped = CliRunner().invoke(main, [*args, "--no-validate"])
    assert skipped.exit_code == 0, skipped.output
    assert "SHACL" not in skipped.output
