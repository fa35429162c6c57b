"""The bundled queries: headers, name resolution, and every query's expected rows on a fixture.

These tests load the real ontology (``ontology/pactgraph.ttl``): the queries need its
``rdfs:subClassOf`` axioms and concept prefLabels, so a missing ontology fails them loudly.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from pactgraph.errors import QueryError
from pactgraph.queries import (
    QueryResult,
    bundled_queries,
    format_result,
    parse_header,
    resolve_query,
    run_query,
)
from pactgraph.store import load_graph

FIXTURE = Path(__file__).parent / "data" / "mini-kg.trig"
ID = "https://w3id.org/pactgraph/id/"
MEETING = ID + "meeting/shahbazov-al-jaber-talks-baku"
TALKS = "Talks between Parviz Shahbazov and Sultan Al Jaber"
AGREEMENT = ID + "agreement/azerbaijan-masdar-implementation-agreement"
AGREEMENT_LABEL = "Implementation agreement between the Ministry of Energy of Azerbaijan and Masdar"
PARTNERSHIP = ID + "partnership/azerbaijan-united-arab-emirates-strategic-partnership"
PROJECT = ID + "project/masdar-azerbaijan-wind-and-solar"
BOTH = "abu-dhabi-partnership baku-talks"  # sorted, although baku-talks comes first in the file
PROJECT_LABEL = "Masdar wind and solar projects in Azerbaijan"

CONTRACT = {
    "meetings": ["meeting", "meetingLabel", "date", "placeLabel", "participantLabel", "source"],
    "agreements": ["agreement", "agreementLabel", "kind", "date", "partyLabel", "source"],
    "partnerships": ["partnership", "kind", "date", "partyLabel", "source"],
    "capacities": [
        "subject",
        "subjectLabel",
        "technology",
        "capacityMW",
        "placeLabel",
        "status",
        "source",
    ],
    "roles": ["person", "personLabel", "role", "organizationLabel", "source"],
}

EXPECTED_ROWS = {
    "meetings": [
        (
            MEETING,
            TALKS,
            "2025-06-26",
            "Baku",
            "Parviz Shahbazov",
            "abu-dhabi-partnership baku-talks",
        ),
        (
            MEETING,
            TALKS,
            "2025-06-26",
            "Baku",
            "Sultan Al Jaber",
            "abu-dhabi-partnership baku-talks",
        ),
    ],
    "agreements": [
        (AGREEMENT, AGREEMENT_LABEL, "implementation agreement", "2025-06", "Masdar", "baku-talks"),
        (
            AGREEMENT,
            AGREEMENT_LABEL,
            "implementation agreement",
            "2025-06",
            "Ministry of Energy of Azerbaijan",
            "baku-talks",
        ),
    ],
    "partnerships": [
        (PARTNERSHIP, "strategic partnership", "2024", "Azerbaijan", "abu-dhabi-partnership"),
        (
            PARTNERSHIP,
            "strategic partnership",
            "2024",
            "United Arab Emirates",
            "abu-dhabi-partnership",
        ),
    ],
    "capacities": [
        (PROJECT, PROJECT_LABEL, "solar", "2300", "Azerbaijan", "planned", "abu-dhabi-partnership"),
        (PROJECT, PROJECT_LABEL, "wind", "2300", "Azerbaijan", "planned", "abu-dhabi-partnership"),
    ],
    "roles": [
        (
            ID + "person/parviz-shahbazov",
            "Parviz Shahbazov",
            "Minister of Energy",
            "Azerbaijan",
            "baku-talks",
        ),
        (ID + "person/sultan-al-jaber", "Sultan Al Jaber", "Chairman", "Masdar", "baku-talks"),
    ],
}


ABU_DHABI_1 = (
    ID + "article/abu-dhabi-partnership/sentence/1",
    "0",
    "147",
    "Azerbaijan and the United Arab Emirates established a strategic partnership in 2024, recalled Shahbazov "
    "after his talks with Sultan Al Jaber in Baku.",
)
BAKU_1 = (
    ID + "article/baku-talks/sentence/1",
    "0",
    "109",
    "On 26 June 2025 Minister of Energy Parviz Shahbazov held talks in Baku with Masdar chairman Sultan Al Jaber.",
)
SHAHBAZOV = ID + "person/parviz-shahbazov"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PG = "https://w3id.org/pactgraph/ontology#"

#: The other bundled queries as competency questions: the rows each gives on the fixture.
COMPETENCY_ROWS = {
    "confidence": [
        (
            AGREEMENT,
            AGREEMENT_LABEL,
            "Agreement",
            "0.63",
            "signed-by-context",
            "another-caveat date-from-meeting",
            None,
            "baku-talks",
        ),
        (
            "https://w3id.org/pactgraph/id/capacity/masdar-azerbaijan-wind-and-solar",
            "2300 MW of wind and solar capacity",
            "GenerationCapacity",
            "0.8",
            "capacity-figure",
            None,
            None,
            "abu-dhabi-partnership",
        ),
        (
            PARTNERSHIP,
            "Strategic partnership between Azerbaijan and the United Arab Emirates",
            "Partnership",
            "0.85",
            "partnership-between",
            None,
            None,
            "abu-dhabi-partnership",
        ),
        (MEETING, TALKS, "Talks", "0.9", "talks", None, None, BOTH),
        (
            "https://w3id.org/pactgraph/id/post/parviz-shahbazov-minister-of-energy",
            "Parviz Shahbazov, Minister of Energy of Azerbaijan",
            "Post",
            "0.9",
            "post-title",
            None,
            None,
            "baku-talks",
        ),
        (
            "https://w3id.org/pactgraph/id/post/sultan-al-jaber-chairman",
            "Sultan Al Jaber, Chairman of Masdar",
            "Post",
            "0.9",
            "post-title",
            None,
            None,
            "baku-talks",
        ),
    ],
    # a combined figure counts once, under its combined key: the totals add up
    "capacity-totals": [("solar and wind", "Azerbaijan", "2300", "1")],
    "timeline": [
        (
            "2024",
            "Partnership",
            "Strategic partnership between Azerbaijan and the United Arab Emirates",
            PARTNERSHIP,
            "abu-dhabi-partnership",
        ),
        ("2025-06", "Agreement", AGREEMENT_LABEL, AGREEMENT, "baku-talks"),
        ("2025-06-26", "Talks", TALKS, MEETING, BOTH),
    ],
    "links": [
        (
            ID + "country/azerbaijan",
            "Azerbaijan",
            "Country",
            "http://www.wikidata.org/entity/Q227",
            "http://dbpedia.org/resource/Azerbaijan",
            "https://sws.geonames.org/587116/",
        ),
        (
            ID + "place/baku",
            "Baku",
            "Place",
            "http://www.wikidata.org/entity/Q9248",
            "http://dbpedia.org/resource/Baku",
            None,
        ),
    ],
    "entities": [
        (ID + "organization/masdar", "Company", "Masdar", None, "2"),
        (ID + "country/azerbaijan", "Country", "Azerbaijan", None, "2"),
        (ID + "country/united-arab-emirates", "Country", "United Arab Emirates", "UAE", "1"),
        (
            ID + "organization/ministry-of-energy-of-azerbaijan",
            "GovernmentBody",
            "Ministry of Energy of Azerbaijan",
            None,
            "1",
        ),
        (SHAHBAZOV, "Person", "Parviz Shahbazov", "Shahbazov", "2"),
        (ID + "person/sultan-al-jaber", "Person", "Sultan Al Jaber", None, "2"),
        (ID + "place/baku", "Place", "Baku", None, "2"),
    ],
    "entity": [
        (SHAHBAZOV, "out", RDF_TYPE, PG + "Person", "person", BOTH),
        (SHAHBAZOV, "out", "http://www.w3.org/2000/01/rdf-schema#label", "Parviz Shahbazov", "Parviz Shahbazov", BOTH),
        (SHAHBAZOV, "out", "http://www.w3.org/2004/02/skos/core#altLabel", "Shahbazov", "Shahbazov", BOTH),
        (
            SHAHBAZOV,
            "out",
            PG + "mentionedIn",
            ID + "article/abu-dhabi-partnership",
            ID + "article/abu-dhabi-partnership",
            "abu-dhabi-partnership",
        ),
        (SHAHBAZOV, "out", PG + "mentionedIn", ID + "article/baku-talks", ID + "article/baku-talks", "baku-talks"),
        (
            SHAHBAZOV,
            "in",
            PG + "holder",
            ID + "post/parviz-shahbazov-minister-of-energy",
            "Parviz Shahbazov, Minister of Energy of Azerbaijan",
            "baku-talks",
        ),
        (SHAHBAZOV, "in", PG + "participant", MEETING, TALKS, BOTH),
    ],
    "provenance": [
        (MEETING, TALKS, "abu-dhabi-partnership", *ABU_DHABI_1),
        (
            PARTNERSHIP,
            "Strategic partnership between Azerbaijan and the United Arab Emirates",
            "abu-dhabi-partnership",
            *ABU_DHABI_1,
        ),
        (
            ID + "capacity/masdar-azerbaijan-wind-and-solar",
            "2300 MW of wind and solar capacity",
            "abu-dhabi-partnership",
            ID + "article/abu-dhabi-partnership/sentence/2",
            "148",
            "215",
            "Masdar plans about 2.3 GW of wind and solar capacity in Azerbaijan.",
        ),
        (MEETING, TALKS, "baku-talks", *BAKU_1),
        (
            ID + "post/parviz-shahbazov-minister-of-energy",
            "Parviz Shahbazov, Minister of Energy of Azerbaijan",
            "baku-talks",
            *BAKU_1,
        ),
        (ID + "post/sultan-al-jaber-chairman", "Sultan Al Jaber, Chairman of Masdar", "baku-talks", *BAKU_1),
        (
            AGREEMENT,
            AGREEMENT_LABEL,
            "baku-talks",
            ID + "article/baku-talks/sentence/2",
            "110",
            "206",
            "The Ministry of Energy of Azerbaijan and Masdar signed an implementation agreement in June 2025.",
        ),
    ],
}

#: The ``inferred`` query needs inferred statements: it runs on the reasoning fixture, whose
#: inferred graph tests/test_reasoning.py checks against the reasoners.
INFERRED_FIXTURE = Path(__file__).parent / "data" / "reasoning-kg.trig"
CORRIDOR_MEETING = (ID + "meeting/ministerial-meeting", "Ministerial meeting in Baku")
MEMORANDUM = (ID + "agreement/solar-memorandum", "Memorandum on a solar park in Baku")
SOLAR = (ID + "capacity/baku-solar-park", "500 MW")
INFERRED_ROWS = [
    (
        ID + "agreement/joint-statement",
        "Joint statement of Azerbaijan and Kazakhstan",
        "bilateral agreement",
        None,
        "corridor",
    ),
    (
        ID + "meeting/ministry-socar-talks",
        "Talks between the Ministry of Energy of Azerbaijan and SOCAR Green",
        "bilateral meeting",
        None,
        "corridor",
    ),
    (*MEMORANDUM, "energy agreement", None, "corridor"),
    (*SOLAR, "location country", "Azerbaijan", "corridor"),
    (*MEMORANDUM, "location country", "Azerbaijan", "corridor"),
    (*CORRIDOR_MEETING, "location country", "Azerbaijan", "corridor"),
    (*MEMORANDUM, "multilateral agreement", None, "corridor"),
    (*CORRIDOR_MEETING, "multilateral meeting", None, "corridor"),
    (*SOLAR, "renewable capacity", None, "corridor"),
    (ID + "country/azerbaijan", "Azerbaijan", "state actor", None, "corridor"),
    (ID + "country/kazakhstan", "Kazakhstan", "state actor", None, "corridor"),
    (
        ID + "organization/ministry-of-energy-of-azerbaijan",
        "Ministry of Energy of Azerbaijan",
        "state actor",
        None,
        "corridor",
    ),
    (ID + "country/uzbekistan", "Uzbekistan", "state actor", None, "corridor"),
]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_graph([FIXTURE], with_ontology=True)


def test_bundled_queries_are_listed_sorted_with_headers() -> None:
    queries = bundled_queries()
    names = [q.name for q in queries]
    assert names == sorted(names)
    assert set(CONTRACT) <= set(names)
    assert {"capacity-totals", "timeline", "entity", "provenance", "entities"} <= set(names)
    for query in queries:
        assert query.title, query.name
        assert query.question.endswith("?"), query.name
        assert query.columns, query.name


@pytest.mark.parametrize("name", [q.name for q in bundled_queries()])
def test_every_bundled_query_runs_and_matches_its_header(name: str, store: ox.Store) -> None:
    query = resolve_query(name)
    result = run_query(store, query.text, source=query.path)
    assert tuple(result.columns) == query.columns
    if name != "inferred":  # the fixture has no inferred statements; see test_inferred_query
        assert result.rows, f"{name} returned no rows on the fixture"


def test_every_bundled_query_has_expected_rows() -> None:
    """Each bundled query is a competency question with a fixture and the rows it must give."""
    covered = set(EXPECTED_ROWS) | set(COMPETENCY_ROWS) | {"inferred"}
    assert covered == {q.name for q in bundled_queries()}


@pytest.mark.parametrize("name", sorted(COMPETENCY_ROWS))
def test_competency_query_rows(name: str, store: ox.Store) -> None:
    query = resolve_query(name)
    assert run_query(store, query.text).rows == COMPETENCY_ROWS[name]


def test_inferred_query() -> None:
    store = load_graph([INFERRED_FIXTURE], with_ontology=True)
    assert run_query(store, resolve_query("inferred").text).rows == INFERRED_ROWS


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_query_columns_and_rows(name: str, store: ox.Store) -> None:
    query = resolve_query(name)
    assert list(query.columns) == CONTRACT[name]
    result = run_query(store, query.text)
    assert result.columns == CONTRACT[name]
    assert result.rows == EXPECTED_ROWS[name]


def test_contract_query_output_is_stable(store: ox.Store) -> None:
    for name in CONTRACT:
        text = resolve_query(name).text
        assert run_query(store, text) == run_query(store, text)


def test_meeting_subclasses_need_the_ontology() -> None:
    # Without the ontology pg:Talks is not known to be a pg:Meeting.
    bare = load_graph([FIXTURE], with_ontology=False)
    assert run_query(bare, resolve_query("meetings").text).rows == []


def test_parse_header() -> None:
    text = "# title: T\n# question: Q?\n# columns: a, b ,c\n#\n# note\nPREFIX x: <y>\n# title: no\n"
    assert parse_header(text) == {"title": "T", "question": "Q?", "columns": "a, b ,c"}


def test_resolve_query_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("# title: Mine\n# columns: x\nSELECT ?x WHERE { VALUES ?x { 1 } }\n")
    query = resolve_query(str(path))
    assert (query.name, query.title, query.columns) == ("mine", "Mine", ("x",))


def test_unknown_query_lists_available_names() -> None:
    with pytest.raises(QueryError) as caught:
        resolve_query("meeting")
    message = str(caught.value)
    assert "unknown query 'meeting'" in message
    for name in CONTRACT:
        assert name in message
    assert caught.value.exit_code == 2


def test_missing_query_file() -> None:
    with pytest.raises(QueryError, match="no such query file"):
        resolve_query("nowhere/missing.rq")


def test_sparql_syntax_error_has_file_line_column() -> None:
    text = "# title: bad\n\nSELECT ?x WHERE { ?x ?y ?z } LIMT 1\n"
    with pytest.raises(QueryError) as caught:
        run_query(ox.Store(), text, source="bad.rq")
    err = caught.value
    assert (err.file, err.line) == ("bad.rq", 3)
    assert isinstance(err.column, int)
    assert str(err).startswith(f"bad.rq:3:{err.column}: ")
    assert "\n" not in str(err)


def test_format_result_variants() -> None:
    result = QueryResult(["a", "b"], [("http://x/1", None), ('say "hi", ok', "2")])
    assert format_result(result, "csv") == 'a,b\nhttp://x/1,\n"say ""hi"", ok",2\n'
    assert format_result(result, "tsv") == 'a\tb\nhttp://x/1\t\nsay "hi", ok\t2\n'
    tabbed = QueryResult(["a"], [("x\ty\nz",)])
    assert format_result(tabbed, "tsv") == "a\nx\\ty\\nz\n"
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["a", "b"]
    assert table[-1] == "(2 rows)"
    assert table[2].startswith("http://x/1")


def test_format_json_is_sparql_results(store: ox.Store) -> None:
    import json

    result = run_query(store, resolve_query("roles").text)
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == CONTRACT["roles"]
    first = doc["results"]["bindings"][0]
    assert first["person"] == {"type": "uri", "value": ID + "person/parviz-shahbazov"}
    assert first["personLabel"] == {"type": "literal", "value": "Parviz Shahbazov"}
