"""The seeds' facts, written from reading the two seed articles, checked through the contract
queries on a freshly built graph."""

import pytest

from pactgraph.build import build
from pactgraph.queries import resolve_query, run_query
from pactgraph.store import load_graph

from .conftest import ARTICLES


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = tmp_path_factory.mktemp("kg") / "kg.ttl"
    build([ARTICLES], out=out)
    store = load_graph([out])

    def run(name):
        result = run_query(store, resolve_query(name).text)
        return [dict(zip(result.columns, row, strict=True)) for row in result.rows]

    return run


def grouped(rows, key, member):
    out = {}
    for r in rows:
        out.setdefault(r[key], set()).add(r[member])
    return out


def test_meetings(rows):
    meetings = {r["meetingLabel"]: r for r in rows("meetings")}
    participants = grouped(rows("meetings"), "meetingLabel", "participantLabel")
    visit = next(label for label in meetings if "Habibbayli" in label)
    assert meetings[visit]["date"] == "2024-06-17"
    assert participants[visit] == {"Isa Habibbayli", "China Biodiversity Conservation and Green Development Foundation"}
    sco = next(label for label in meetings if "Ministers" in label)
    assert meetings[sco]["placeLabel"] == "Ningbo"
    assert meetings[sco]["date"].startswith("2025-06")
    cop = next(label for label in meetings if "COP29" in label)
    assert (meetings[cop]["date"], meetings[cop]["placeLabel"]) == ("2024-11", "Baku")


def test_agreements(rows):
    parties = grouped(rows("agreements"), "kind", "partyLabel")
    assert parties["strategic cooperation agreement"] == {
        "Azerbaijan National Academy of Sciences",
        "China Biodiversity Conservation and Green Development Foundation",
    }
    assert parties["declaration"] == {"Azerbaijan", "China"}
    dates = {r["kind"]: r["date"] for r in rows("agreements")}
    assert dates["strategic cooperation agreement"] == "2024-06-17"


def test_partnerships(rows):
    kinds = grouped(rows("partnerships"), "kind", "partyLabel")
    assert kinds["comprehensive strategic partnership"] == {"Azerbaijan", "China"}


def test_capacities(rows):
    caps = {(float(r["capacityMW"]), r["technology"]) for r in rows("capacities")}
    assert (2300.0, "wind") in caps and (2300.0, "solar") in caps
    assert (2000.0, "wind") in caps
    places = {float(r["capacityMW"]): r["placeLabel"] for r in rows("capacities")}
    assert places[2000.0] == "Caspian Sea"


def test_roles(rows):
    roles = {(r["personLabel"], r["role"]) for r in rows("roles")}
    assert {
        ("Parviz Shahbazov", "Minister of Energy"),
        ("Ilham Aliyev", "President"),
        ("Xi Jinping", "President"),
        ("Isa Habibbayli", "President"),
    } <= roles


def test_no_boilerplate_entities(rows):
    labels = {r["personLabel"] for r in rows("roles")} | {r["partyLabel"] for r in rows("agreements")}
    for trap in ("Richard", "LYJ", "John E. Scanlon", "FANG Jun"):
        assert not any(trap in label for label in labels)


def test_exactly_the_stated_facts(rows):
    """Nothing beyond what the seeds state: the Sinopec 'idea' of a platform is no agreement,
    COP29 is only planned, and the CBCGDF article states no capacity."""
    agreements = {(r["kind"], r["date"] or "") for r in rows("agreements")}
    assert agreements == {
        ("strategic cooperation agreement", "2024-06-17"),
        ("declaration", ""),
        ("declaration", "2025-04"),
    }
    partnerships = {(r["kind"], r["date"] or "") for r in rows("partnerships")}
    assert partnerships == {("strategic partnership", ""), ("comprehensive strategic partnership", "2025-04")}
    capacities = {(float(r["capacityMW"]), r["source"]) for r in rows("capacities")}
    assert capacities == {(2300.0, "004_079e74d7893e588a"), (2000.0, "004_079e74d7893e588a")}
    assert {r["meetingLabel"] for r in rows("meetings")} == {
        "Isa Habibbayli visit China Biodiversity Conservation and Green Development Foundation",
        "United Nations Climate Change Conference (COP29)",
        "Opening ceremony",
        "SCO Energy Ministers’ Meeting",
        # stated too: the forum he spoke at, and the SCO summits Aliyev took part in (as the seeds' gold has them)
        "Forum “Industrial Innovation as a Driving Force for Sustainable Energy Development”",
        "Summit attended by Ilham Aliyev",
    }
