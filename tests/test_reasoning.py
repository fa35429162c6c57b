"""Reasoning: HermiT and the OWL 2 RL fallback infer exactly the fixture's inferred graph, the
graph is described with PROV, inconsistencies name the clashing individuals, and the CLI and
the build wire it up. HermiT starts a JVM, so it runs in few tests (module-scoped results)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from pactgraph.cli import main
from pactgraph.errors import InconsistentGraphError
from pactgraph.reasoning import INFERRED_GRAPH, ReasoningResult, reason, with_inferences
from pactgraph.store import Format, load_graph, serialize

from .conftest import ARTICLES, ROOT

FIXTURE = Path(__file__).parent / "data" / "reasoning-kg.trig"
PG = "https://w3id.org/pactgraph/ontology#"
ID = "https://w3id.org/pactgraph/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="java is not on PATH")


def _graph(triples) -> Graph:
    return Graph().parse(data=serialize(triples, Format.NTRIPLES).decode(), format="nt")


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return list(load_graph([FIXTURE], with_ontology=False, for_queries=False))


@pytest.fixture(scope="module")
def expected(quads) -> Graph:
    """The fixture's inferred graph."""
    return _graph(q.triple for q in quads if q.graph_name == INFERRED_GRAPH)


@pytest.fixture(scope="module")
def hermit(quads) -> ReasoningResult:
    if shutil.which("java") is None:
        pytest.skip("java is not on PATH")
    return reason(quads)


@pytest.fixture(scope="module")
def owl_rl(quads) -> ReasoningResult:
    return reason(quads, java=None)


def test_hermit_infers_the_expected_graph(hermit: ReasoningResult, expected: Graph) -> None:
    assert hermit.reasoner.startswith("HermiT")
    assert hermit.note is None
    assert isomorphic(_graph(hermit.statements), expected)


def test_hermit_counts_three_participants_itself(hermit: ReasoningResult) -> None:
    """ "At least three" comes from HermiT (distinct agents + the ontology), not from a rule."""
    multilateral = ox.Triple(
        ox.NamedNode(ID + "meeting/ministerial-meeting"), RDF_TYPE, ox.NamedNode(PG + "MultilateralMeeting")
    )
    assert multilateral in hermit.statements


def test_owl_rl_fallback_infers_the_same(owl_rl: ReasoningResult, expected: Graph) -> None:
    assert owl_rl.reasoner.startswith("OWL 2 RL")
    assert "Java not found" in owl_rl.note
    assert isomorphic(_graph(owl_rl.statements), expected)


def test_inferred_graph_is_described_with_prov(owl_rl: ReasoningResult) -> None:
    assert {q.graph_name for q in owl_rl.quads} == {INFERRED_GRAPH}
    store = ox.Store()
    store.extend(owl_rl.quads)
    ask = f"""PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    ASK {{ <{INFERRED_GRAPH.value}> a prov:Entity ; prov:wasGeneratedBy ?activity .
          ?activity a prov:Activity ; prov:wasAssociatedWith ?agent .
          ?agent a prov:SoftwareAgent ; rdfs:label ?name . FILTER(STRSTARTS(?name, "OWL 2 RL")) }}"""
    assert store.query(ask, use_default_graph_as_union=True)


def test_only_useful_statements(owl_rl: ReasoningResult) -> None:
    """No owl:Thing, no superclasses or superproperties of what is asserted, nothing asserted."""
    for statement in owl_rl.statements:
        if statement.predicate == RDF_TYPE:
            assert statement.object.value.startswith(PG), statement
        else:
            assert statement.predicate.value == PG + "locationCountry", statement
    assert owl_rl.counts() == {
        "pg:BilateralAgreement": 1,
        "pg:BilateralMeeting": 1,
        "pg:EnergyAgreement": 1,
        "pg:MultilateralAgreement": 1,
        "pg:MultilateralMeeting": 1,
        "pg:RenewableCapacity": 1,
        "pg:StateActor": 4,
        "pg:locationCountry": 3,
    }


def test_with_inferences_replaces_a_previous_inferred_graph(quads, owl_rl: ReasoningResult) -> None:
    combined = with_inferences(quads, owl_rl)
    inferred = [q for q in combined if q.graph_name == INFERRED_GRAPH]
    assert sorted(map(str, inferred)) == sorted(map(str, owl_rl.quads))
    assert len(combined) - len(inferred) == len([q for q in quads if q.graph_name != INFERRED_GRAPH])


PERSON_AND_ORGANIZATION = ox.Triple(
    ox.NamedNode(ID + "organization/socar-green"), RDF_TYPE, ox.NamedNode(PG + "Person")
)
RUN_DESCRIPTION = {INFERRED_GRAPH, ox.NamedNode(ID + "reasoning")}


def test_owl_rl_inconsistency_names_the_individual_and_the_axiom(quads) -> None:
    with pytest.raises(InconsistentGraphError) as caught:
        reason([*quads, PERSON_AND_ORGANIZATION], java=None)
    assert caught.value.exit_code == 1
    assert str(caught.value) == (
        "ontology and data are inconsistent: Disjoint classes pg:Person and pg:Organization have a common "
        'individual id:organization/socar-green ("SOCAR Green")'
    )


@needs_java
def test_reason_cli_reports_a_hermit_inconsistency_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text(FIXTURE.read_text(encoding="utf-8").replace("a pg:Company", "a pg:Company , pg:Person"))
    out = tmp_path / "out.trig"
    result = CliRunner().invoke(main, ["reason", "--graph", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "Traceback" not in result.output
    assert "Disjoint classes pg:Person and pg:Organization" in errors[0]
    assert 'id:organization/socar-green ("SOCAR Green")' in errors[0]
    assert not out.exists()


def test_reason_without_java_falls_back_and_says_so(tmp_path: Path, expected: Graph) -> None:
    """A real run with no java on PATH: the CLI warns, uses owlrl and prints the inferred graph."""
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env.update(PATH=str(tmp_path), PYTHONPATH=str(ROOT / "src"))
    args = [sys.executable, "-c", "from pactgraph.cli import main; main()", "reason", "--graph", str(FIXTURE)]
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Warning: Java not found: used the OWL 2 RL closure (owlrl) instead of HermiT" in result.stderr
    assert "inferred 13 statements" in result.stderr
    printed = list(ox.parse(result.stdout.encode(), format=ox.RdfFormat.TRIG))
    assert {q.graph_name for q in printed} == {INFERRED_GRAPH}
    describes_run = {q.object for q in printed if q.predicate.value.endswith("wasAssociatedWith")} | RUN_DESCRIPTION
    statements = [q.triple for q in printed if q.subject not in describes_run]
    assert isomorphic(_graph(statements), expected)


@needs_java
def test_build_reason_writes_the_inferred_graph(tmp_path: Path) -> None:
    out = tmp_path / "kg.ttl"
    args = ["build", "--articles", str(ARTICLES), "--out", str(out), "--reason", "--no-progress"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "consistent (HermiT" in result.output
    dataset = Dataset().parse(tmp_path / "kg.trig", format="trig")
    inferred = dataset.graph(INFERRED_GRAPH.value)
    assert len(inferred) > 10
    merged = Graph().parse(out)
    assert all(triple in merged for triple in inferred)
