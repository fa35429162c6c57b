"""Bad user files (issue 8, item 2): the error names file, line and column (from pyoxigraph or
rdflib, whichever knows) in one line, the exit code is 2 and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactgraph.curation import load_curation
from pactgraph.errors import CurationError, QueryError
from pactgraph.queries import run_query
from pactgraph.store import store_of

from .behaviour import observe
from .behaviour_files import CASES

KEPT = "nothing written; previous kg.ttl intact"
NOTHING = "no result printed"
#: case → (where the line points, what else it must say, the outcome)
EXPECTED = {
    "--graph: malformed Turtle": ("kg.ttl:3:11: ", "not a valid RDF object", NOTHING),
    "--graph: malformed TriG (export)": (
        "kg.trig:1:42: ",
        "not a valid RDF object",
        "nothing written; previous out.nt intact",
    ),
    "--graph: malformed RDF/XML": ("kg.rdf:3:3: ", "ill-formed document", NOTHING),
    "--graph: malformed JSON-LD": ("kg.jsonld:2:8: ", "no array to close", NOTHING),
    "--graph: Turtle in Latin-1": ("kg.ttl:3:15: ", "Invalid UTF-8", NOTHING),
    "--graph: unknown extension": ("kg.txt: ", "cannot tell the RDF format", NOTHING),
    "ontology: malformed Turtle (query)": ("shipped/ontology/pactgraph.ttl:1:91: ", "restore the file", NOTHING),
    "ontology: malformed Turtle (build)": ("shipped/ontology/pactgraph.ttl:1:91: ", "restore the file", KEPT),
    "shapes: malformed Turtle (build, read by rdflib)": (
        "shipped/ontology/shapes.ttl:1:90: ",
        "objectList expected",
        KEPT,
    ),
    "links: too few columns": ("links.csv:2: ", "3 columns, expected 10", KEPT),
    "links: unclosed quote": ("links.csv:2:17: ", "quote opened here is not closed", KEPT),
    "links: not UTF-8": ("links.csv:2:22: ", "byte 0xe0", KEPT),
    "links: malformed identifier": ("links.csv:2:24: ", "wikidata '1520' is not a Wikidata item ID", KEPT),
    "curation: YAML syntax error": ("curation.yaml:4:1: ", "fix the YAML", KEPT),
    "curation: a section twice": ("curation.yaml:3:1: ", "duplicate key 'retract' (first on line 1)", KEPT),
    "curation: impossible date": ("curation.yaml:2:14: ", "not '2025-02-30'", KEPT),
    "curation: retraction not an IRI": ("curation.yaml:2:5: ", "not 'the Astana talks'", KEPT),
    "curation: not UTF-8": ("curation.yaml:1:13: ", "byte 0xe9", KEPT),
    "SPARQL: syntax error": ("q.rq:2:30: ", "cannot read 'FILTER(?s'", NOTHING),
    "SPARQL: query ends early": ("q.rq:4:1: ", "ends early", NOTHING),
    "SPARQL: undeclared prefix": ("q.rq:2:6: ", "unknown prefix 'ex:'; declare it with PREFIX ex:", NOTHING),
    "SPARQL: not UTF-8": ("q.rq:1:13: ", "byte 0xe9", NOTHING),
    "SPARQL: an update": ("q.rq: ", "only SELECT queries", NOTHING),
    "SPARQL: empty file": ("q.rq: ", "the query is empty", NOTHING),
    "gold: malformed JSON (evaluate)": ("gold/talks.json:2:16: ", "fix the JSON", "no scores printed"),
}


def test_every_case_has_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(case.name for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_file(case) -> None:
    seen = observe(case)
    where, says, outcome = EXPECTED[case.name]
    assert seen.exit_code == 2, seen
    assert seen.message.startswith("Error: ") and f"{where}" in seen.message and says in seen.message, seen.message
    assert seen.outcome == outcome


def _curation(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("? [a, b]\n: c\n", ":1:3:", "a key must be a text"),
        ("curator: " + "[" * 5000 + "]" * 5000 + "\n", "curation.yaml:", "nested too deeply"),
        ("retract:\n  - fact: 12\n", ":2:5:", "'fact' must be a fact's IRI"),
        ("merge:\n  - {into: A, names: [B]}\n  - into: C\n    into: D\n", ":4:5:", "duplicate key 'into'"),
    ],
)
def test_curation_defects_that_used_to_escape_are_located(tmp_path: Path, text: str, where: str, says: str) -> None:
    with pytest.raises(CurationError) as caught:
        load_curation(_curation(tmp_path, text))
    assert where in str(caught.value) and says in str(caught.value), caught.value


def test_a_curation_date_yaml_reads_as_a_date_still_works(tmp_path: Path) -> None:
    path = _curation(
        tmp_path, "add:\n  - meeting: {label: T, date: 2025-03-03, participants: [{name: A, type: Person}]}\n"
    )
    assert load_curation(path).additions[0].spec["date"].isoformat() == "2025-03-03"


def test_a_sparql_error_without_a_file_is_located_in_the_query() -> None:
    with pytest.raises(QueryError, match=r"^<query>:1:30: cannot read 'FILTR"):
        run_query(store_of([], with_ontology=False), "SELECT ?s WHERE { ?s ?p ?o . FILTR(?s) }")
