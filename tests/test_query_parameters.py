"""Parameters of the bundled queries: for every query and every parameter it declares, the rows
equal the full query's rows filtered in Python; user text cannot change the query; mistakes are
errors with a one-line message and exit code 2.

The graph is built for real (generated articles, the bundled ones and a curation file that adds an
entity whose name is an injection attempt) into an on-disk store, and queried as ``query --store``
does. The Python filters below are written from what each query's rows mean, independently of the
markers in the query files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.util
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from pactgraph.cli import main
from pactgraph.errors import QueryParameterError
from pactgraph.queries import bundled_queries, resolve_query, run_query
from pactgraph.query_parameters import (
    Parameters,
    check_supported,
    compile_query,
    declared_parameters,
    run_bundled_query,
)
from pactgraph.store import open_store

from .conftest import ARTICLES, ROOT

PG = "https://w3id.org/pactgraph/ontology#"
ID = "https://w3id.org/pactgraph/id/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
EVIL = 'Evil "Corp" } UNION { ?s ?p ?o } # \\ <x>'
CURATION = f"""curator: pactgraph tests
add:
  - meeting: {{label: Talks with an injection attempt, date: 2024-07-09, place: Baku,
               participants: [{{name: '{EVIL}', type: Organization}}, Ilham Aliyev]}}
"""


def _generator():
    spec = importlib.util.spec_from_file_location("pactgraph_qparams_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """60 generated articles, the bundled ones and the curation above, built with --store."""
    folder = tmp_path_factory.mktemp("qparams")
    _generator().generate(folder / "corpus", 60, seed=3)
    (folder / "curation.yaml").write_text(CURATION, encoding="utf-8")
    command = ["build", "--articles", str(folder / "corpus" / "articles"), "--articles", str(ARTICLES)]
    command += ["--curation", str(folder / "curation.yaml"), "--links", str(ROOT / "data" / "links.csv")]
    command += ["--out", str(folder / "kg.ttl"), "--store", str(folder / "kg.store"), "--no-cache", "--jobs", "1"]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    return folder / "kg.store"


@pytest.fixture(scope="module")
def store(store_dir: Path) -> ox.Store:
    return open_store(store_dir)


# --- what the rows mean, in Python --------------------------------------------------------------


def _objects(store: ox.Store, subject: str, *predicates: str) -> set[str]:
    return {
        q.object.value
        for p in predicates
        for q in store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(PG + p), None, ox.DefaultGraph())
    }


def _labels(store: ox.Store, iris: set[str]) -> set[str]:
    return {
        q.object.value
        for iri in iris
        for q in store.quads_for_pattern(ox.NamedNode(iri), LABEL, None, ox.DefaultGraph())
    }


def _involves(*predicates: str, column: str):
    """Rows whose item (in ``column``) has one of the entities as the object of ``predicates``."""

    def keep(store, columns, rows, entities):
        i = columns.index(column)
        return [r for r in rows if _objects(store, r[i], *predicates) & entities]

    return keep


def _is(column: str):
    def keep(store, columns, rows, entities):
        i = columns.index(column)
        return [r for r in rows if r[i] in entities]

    return keep


def _capacity_place(store, columns, rows, entities):
    """A capacity's place is the entity or lies in it (pg:inCountry); rows show the place's label."""
    places = {
        q.subject.value
        for q in store.quads_for_pattern(None, ox.NamedNode(PG + "location"), None, ox.DefaultGraph())
        if q.object.value in entities or _objects(store, q.object.value, "inCountry") & entities
    }
    wanted = {
        label
        for place in places
        for label in _labels(store, _objects(store, place, "location") if place.startswith(ID + "capacity/") else set())
    }
    i = columns.index("placeLabel")
    return [r for r in rows if r[i] in wanted]


def _role_of(store, columns, rows, entities):
    """The post's holder is the entity, or the post is in it (rows show the organization's label)."""
    person, organization = columns.index("person"), columns.index("organizationLabel")
    labels = _labels(store, entities)
    return [r for r in rows if r[person] in entities or r[organization] in labels]


FACT_LINKS = ("participant", "location", "party", "partner", "holder", "postIn")
ENTITY_FILTERS: dict[str, Callable] = {
    "meetings": _involves("participant", "location", column="meeting"),
    "agreements": _involves("party", column="agreement"),
    "partnerships": _involves("partner", column="partnership"),
    "timeline": _involves("participant", "party", "partner", "location", column="item"),
    "confidence": _involves(*FACT_LINKS, column="fact"),
    "provenance": _involves(*FACT_LINKS, column="fact"),
    "capacities": _capacity_place,
    "roles": _role_of,
    "entities": _is("entity"),
    "links": _is("entity"),
}


def _period(text: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in text.split("-")]
    year, month, day = parts + [None] * (3 - len(parts))
    first = dt.date(year, month or 1, day or 1)
    last_month = month or 12
    return first, dt.date(year, last_month, day or calendar.monthrange(year, last_month)[1])


def _dated(columns, rows, since: str | None, until: str | None):
    i = columns.index("date")
    kept = []
    for row in rows:
        if row[i] is None:
            continue
        first, last = _period(row[i])
        if (since is None or first >= _period(since)[0]) and (until is None or last <= _period(until)[1]):
            kept.append(row)
    return kept


def expected_rows(store: ox.Store, name: str, full, parameters: dict, entities: set[str]) -> list[tuple]:
    rows, columns = list(full.rows), full.columns
    if "entity" in parameters:
        rows = ENTITY_FILTERS[name](store, columns, rows, entities)
    if "since" in parameters or "until" in parameters:
        rows = _dated(columns, rows, parameters.get("since"), parameters.get("until"))
    if "kind" in parameters:
        rows = [r for r in rows if r[columns.index("kind")] == parameters["kind"].lower()]
    if "technology" in parameters:
        rows = [r for r in rows if r[columns.index("technology")] == parameters["technology"].lower()]
    offset = parameters.get("offset", 0)
    limit = parameters.get("limit")
    return rows[offset : None if limit is None else offset + limit]


# --- choosing parameter values from the graph -----------------------------------------------------


def _most_frequent(store: ox.Store, predicate: str, kind: str) -> tuple[str, str]:
    rows = run_query(
        store,
        f"""SELECT ?e (SAMPLE(STR(?l)) AS ?label) (COUNT(*) AS ?n) WHERE {{
              ?x <{PG}{predicate}> ?e . ?e a <{PG}{kind}> ; <{LABEL.value}> ?l }}
            GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1""",
    ).rows
    assert rows, f"the fixture has no {kind} as {predicate}"
    return rows[0][0], rows[0][1]


@pytest.fixture(scope="module")
def picks(store: ox.Store) -> dict:
    person, person_label = _most_frequent(store, "participant", "Person")
    country, country_label = _most_frequent(store, "party", "Country")
    holder, _ = _most_frequent(store, "holder", "Person")
    _, place_label = _most_frequent(store, "location", "Place")
    return {
        "person": (person, person_label),
        "country": (country, country_label),
        "holder": holder,
        "place": place_label,
    }


def _combos(name: str, declared: dict, picks: dict, full) -> list[dict]:
    person, person_label = picks["person"]
    country_label = picks["country"][1]
    combos: list[dict] = [{"limit": 5}, {"offset": 3}, {"limit": 4, "offset": 2}, {"limit": 0}]
    if "entity" in declared:
        compact = "id:" + person[len(ID) :]
        combos += [
            {"entity": person_label},
            {"entity": compact},
            {"entity": [country_label, person]},
            {"entity": f"<{picks['holder']}>"},
            {"entity": picks["place"]},
            {"entity": country_label, "limit": 3},
        ]
    if "since" in declared:
        dates = sorted({r[full.columns.index("date")] for r in full.rows if r[full.columns.index("date")]})
        month = next(d[:7] for d in dates if len(d) == 10)
        combos += [
            {"since": month, "until": month},
            {"since": dates[len(dates) // 2]},
            {"until": dates[len(dates) // 3]},
            {"since": month[:4], "until": month[:4]},
            {"since": month[:4], "entity": country_label},
        ]
    for option in ("kind", "technology"):
        if option in declared:
            values = sorted({r[full.columns.index(option)] for r in full.rows if r[full.columns.index(option)]})
            combos += [{option: values[0]}, {option: values[-1].upper()}]
            if "since" in declared:
                combos.append({option: values[0], "since": month[:4]})
            if "entity" in declared:
                combos.append({option: values[-1], "entity": country_label})
    return combos


def _entity_iris(store: ox.Store, values) -> set[str]:
    """The IRIs the test means by each value: an IRI as written, a name by exact label/altLabel."""
    values = [values] if isinstance(values, str) else values
    iris = set()
    for value in values:
        if value.startswith("id:"):
            iris.add(ID + value[3:])
        elif value.startswith(("<", "http")):
            iris.add(value.strip("<>"))
        else:
            for predicate in (LABEL, ALT):
                iris |= {q.subject.value for q in store.quads_for_pattern(None, predicate, ox.Literal(value))}
    return iris


CHECKED = [q.name for q in bundled_queries() if q.name != "entity"]


@pytest.mark.parametrize("name", CHECKED)
def test_parameters_equal_filtering_the_full_rows(name: str, store: ox.Store, picks: dict) -> None:
    query = resolve_query(name)
    declared = declared_parameters(query)
    full = run_query(store, query.text)
    assert full.rows or name == "inferred", f"{name}: the fixture gives no rows; the test would prove nothing"
    for parameters in _combos(name, declared, picks, full):
        entities = _entity_iris(store, parameters.get("entity", ()))
        want = expected_rows(store, name, full, parameters, entities)
        got = run_bundled_query(store, name, **parameters)
        assert got.columns == full.columns
        assert Counter(got.rows) == Counter(want), f"{name} {parameters}"
        if "limit" in parameters or "offset" in parameters:
            assert got.rows == want, f"{name} {parameters}: a page keeps the order"


def test_filters_select_something(store: ox.Store, picks: dict) -> None:
    """The comparisons above would pass for an engine that returns nothing for both: make sure the
    chosen values do select rows, and fewer than all."""
    _, person_label = picks["person"]
    for name, parameters in [
        ("meetings", {"entity": person_label}),
        ("agreements", {"entity": picks["country"][1]}),
        ("timeline", {"since": "2024-03", "until": "2024-08"}),
        ("capacities", {"technology": "solar"}),
    ]:
        full = run_query(store, resolve_query(name).text).rows
        got = run_bundled_query(store, name, **parameters).rows
        assert 0 < len(got) < len(full), f"{name} {parameters}: {len(got)} of {len(full)}"


def test_entity_query_takes_the_entity_instead_of_the_line_to_edit(store: ox.Store, picks: dict) -> None:
    query = resolve_query("entity")
    person, person_label = picks["person"]
    edited = query.text.replace('"Parviz Shahbazov"', str(ox.Literal(person_label)))
    assert edited != query.text
    want = run_query(store, edited).rows
    assert want
    for value in (person_label, person, "id:" + person[len(ID) :]):
        assert Counter(run_bundled_query(store, "entity", entity=value).rows) == Counter(want)
    default = run_query(store, query.text).rows
    assert Counter(run_bundled_query(store, "entity", entity="Parviz Shahbazov").rows) == Counter(default)
    both = run_bundled_query(store, "entity", entity=[person_label, "Parviz Shahbazov"]).rows
    assert Counter(both) == Counter(want) + Counter(default)
    assert run_bundled_query(store, "entity", entity=person, limit=2, offset=1).rows == want[1:3]


def test_names_are_compared_folded_when_no_label_matches(store: ox.Store, picks: dict) -> None:
    """Curation compares names folded (case, accents, punctuation); so does --entity, as a fallback."""
    _, person_label = picks["person"]
    exact = run_bundled_query(store, "meetings", entity=person_label).rows
    assert run_bundled_query(store, "meetings", entity=f"  {person_label.upper()}.").rows == exact


def test_an_injection_attempt_is_just_a_name(store: ox.Store) -> None:
    """The curated organization is named with quotes, braces, UNION and a comment: found by that
    name, it selects its meeting and nothing else."""
    rows = run_bundled_query(store, "meetings", entity=EVIL).rows
    assert {r[1] for r in rows} == {"Talks with an injection attempt"}
    assert {r[4] for r in rows} == {EVIL, "Ilham Aliyev"}
    for attempt in ['x" } UNION { ?s ?p ?o } #', "x' } . ?s ?p ?o #", "}}} LIMIT 1"]:
        with pytest.raises(QueryParameterError, match="no entity of the graph has this name"):
            run_bundled_query(store, "meetings", entity=attempt)
    for attempt in ["http://x/> } UNION { ?s ?p ?o", "<http://x/a b>", "id:country/x>y"]:
        with pytest.raises(QueryParameterError, match="not a valid IRI"):
            run_bundled_query(store, "meetings", entity=attempt)
    with pytest.raises(QueryParameterError, match="no concept"):
        run_bundled_query(store, "agreements", kind='declaration" } UNION { ?s ?p ?o }')


def test_dates_and_counts_are_checked(store: ox.Store) -> None:
    for parameters, message in [
        ({"since": "2024-13"}, "--since must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '2024-13'"),
        ({"until": "2024-02-30"}, "--until must be a date"),
        ({"since": '2024" } UNION {'}, "--since must be a date"),
        ({"since": "2025", "until": "2024-12"}, "--since 2025 is after --until 2024-12"),
        ({"limit": -1}, "--limit must be a whole number"),
        ({"offset": True}, "--offset must be a whole number"),
        ({"entity": ""}, "--entity must be a name or an IRI"),
    ]:
        with pytest.raises(QueryParameterError, match=message.replace("(", r"\(").replace(")", r"\)")):
            run_bundled_query(store, "meetings", **parameters)


def test_a_parameter_the_query_does_not_take_is_a_usage_error() -> None:
    with pytest.raises(QueryParameterError, match="the query 'roles' does not take --since; it takes --entity"):
        check_supported(resolve_query("roles"), ["since"])
    with pytest.raises(QueryParameterError, match="does not take --technology"):
        compile_query(resolve_query("agreements"), Parameters.of(technology="wind"), select=lambda text: None)


def test_every_declared_parameter_has_a_marker_and_no_parameter_changes_the_plain_query() -> None:
    for query in bundled_queries():
        declared = declared_parameters(query)
        assert {"limit", "offset"} <= set(declared), query.name
        for name in declared:
            if name not in ("limit", "offset"):
                assert re.search(rf"^\s*#@ [a-z ]*\b{name}\b[a-z ]*:", query.text, re.M), (query.name, name)
        assert compile_query(query, Parameters.of(), select=lambda text: None) == query.text


def test_cli_options(store_dir: Path, picks: dict) -> None:
    runner = CliRunner()
    _, person_label = picks["person"]
    base = ["query", "meetings", "--store", str(store_dir), "--format", "tsv"]
    result = runner.invoke(main, [*base, "--entity", person_label, "--since", "2023", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 3
    for extra, message in [
        (["--since", "2024-13"], "Error: --since must be a date"),
        (["--kind", "talks"], "Error: the query 'meetings' does not take --kind"),
        (["--entity", "Nobody At All"], "Error: --entity 'Nobody At All': no entity of the graph has this name"),
        (["--entity", "http://x/a b"], "Error: --entity 'http://x/a b' is not a valid IRI"),
    ]:
        result = runner.invoke(main, [*base, *extra])
        assert result.exit_code == 2, result.output
        assert result.output.strip().splitlines()[-1].startswith(message), result.output
        assert len(result.output.strip().splitlines()) == 1
    result = runner.invoke(main, [*base, "--limit", "-1"])
    assert result.exit_code == 2


def test_queries_lists_the_parameters() -> None:
    result = CliRunner().invoke(main, ["queries"])
    assert "parameters: --entity --since --until --kind --limit --offset" in result.output


def test_parameters_on_a_remote_endpoint_give_the_local_rows(store_dir: Path, picks: dict, oxigraph) -> None:
    """With --endpoint the look-ups (names, dates) run on the endpoint too."""
    runner = CliRunner()
    pushed = runner.invoke(
        main, ["push", "--endpoint", oxigraph.query_url, "--graph", str(store_dir.with_suffix(".trig"))]
    )
    assert pushed.exit_code == 0, pushed.output
    country = picks["country"][1]
    rows = runner.invoke(
        main, ["query", "agreements", "--entity", country, "--store", str(store_dir), "--format", "tsv"]
    )
    header, *lines = rows.output.splitlines()
    kinds = Counter(line.split("\t")[header.split("\t").index("kind")] for line in lines)
    kind = kinds.most_common(1)[0][0]  # the country's commonest kind, whatever the extractor reads
    for extra in (
        ["meetings", "--entity", picks["person"][1], "--since", "2023"],
        ["agreements", "--entity", country, "--kind", kind, "--limit", "3"],
        ["timeline", "--since", "2024-03", "--until", "2024-06"],
    ):
        local = runner.invoke(main, ["query", *extra, "--store", str(store_dir), "--format", "tsv"])
        remote = runner.invoke(main, ["query", *extra, "--endpoint", oxigraph.query_url, "--format", "tsv"])
        assert local.exit_code == remote.exit_code == 0, remote.output
        assert len(local.output.splitlines()) > 1, extra
        assert sorted(remote.output.splitlines()) == sorted(local.output.splitlines()), extra
