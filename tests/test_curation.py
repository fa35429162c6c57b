"""The curation file: additions, retractions, merges and splits applied at build, recorded as
human-asserted, and one-line errors pointing at the line that is wrong."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph.cli import main
from pactgraph.curation import load_curation
from pactgraph.queries import resolve_query, run_query
from pactgraph.store import load_graph

from .conftest import ROOT

ARTICLES = ROOT / "tests" / "data" / "eval" / "articles"


def _build(tmp_path: Path, curation: str | None, articles: Path = ARTICLES):
    out = tmp_path / "kg.ttl"
    args = ["build", "--articles", str(articles), "--out", str(out), "--no-progress"]
    if curation is not None:
        path = tmp_path / "curation.yaml"
        path.write_text(textwrap.dedent(curation), encoding="utf-8")
        args += ["--curation", str(path)]
    return CliRunner().invoke(main, args), out


def _rows(graph: Path, name: str) -> list[tuple]:
    return run_query(load_graph([graph.with_suffix(".trig")]), resolve_query(name).text).rows


def _meetings(graph: Path) -> set[str]:
    return {row[0] for row in _rows(graph, "meetings")}


def test_a_retracted_fact_stays_out_and_the_retraction_is_recorded(tmp_path):
    result, out = _build(tmp_path, None)
    talks = next(iri for iri in _meetings(out) if "saparova" in iri)
    curation = f"""\
        curator: Jane Analyst
        retract:
          - fact: {talks}
            reason: a test retraction
        """
    result, out = _build(tmp_path, curation)
    assert result.exit_code == 0, result.output
    assert talks not in _meetings(out)
    assert "1 facts retracted" in result.output
    recorded = load_graph([out.with_suffix(".trig")]).query(
        f"""PREFIX pg: <https://w3id.org/pactgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?reason ?who WHERE {{ GRAPH <https://w3id.org/pactgraph/id/graph/curation> {{
          ?r pg:retracts <{talks}> ; pg:reason ?reason ; prov:wasAttributedTo/rdfs:label ?who }} }}"""
    )
    assert [(r["reason"].value, r["who"].value) for r in recorded] == [("a test retraction", "Jane Analyst")]
    # Re-extracting (here: with one article changed) leaves the retracted fact out.
    changed = tmp_path / "articles"
    shutil.copytree(ARTICLES, changed)
    first = sorted(changed.glob("e01*"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nAn added closing line.\n", encoding="utf-8")
    result, out = _build(tmp_path, curation, articles=changed)
    assert result.exit_code == 0 and talks not in _meetings(out)


def test_a_retraction_that_matches_nothing_is_a_warning(tmp_path):
    result, _ = _build(tmp_path, "retract:\n  - fact: https://w3id.org/pactgraph/id/meeting/nothing\n")
    assert result.exit_code == 0
    assert "Warning:" in result.output and "meeting/nothing matched no fact" in result.output


def test_added_facts_are_human_asserted_and_counted_with_their_article(tmp_path):
    curation = """\
        curator: Jane Analyst
        add:
          - article: e02_caspian_partnership
            meeting: {label: Beridze visits Almaty, kind: visit, date: 2025-10, place: Almaty, planned: true,
                      participants: [Levan Beridze]}
          - capacity: {value_mw: 120.5, technology: [wind], status: planned,
                       place: {name: Mangystau, type: Place}}
        """
    result, out = _build(tmp_path, curation)
    assert result.exit_code == 0, result.output
    assert "2 facts added by curation" in result.output
    visit = [row for row in _rows(out, "meetings") if row[1] == "Beridze visits Almaty"]
    assert [(r[2], r[3], r[4], r[5]) for r in visit] == [
        ("2025-10", "Almaty", "Levan Beridze", "e02_caspian_partnership")
    ]
    confidence = {row[1]: row[3:7] for row in _rows(out, "confidence")}
    value, rule, caveats, curator = confidence["Beridze visits Almaty"]
    assert (float(value), rule, caveats, curator) == (1.0, "curation", None, "Jane Analyst")
    capacity = [row for row in _rows(out, "capacities") if row[3] == "120.5"]
    assert [(r[2], r[4], r[5], r[6]) for r in capacity] == [("wind", "Mangystau", "planned", None)]


def test_merge_and_split_rename_entities(tmp_path):
    curation = """\
        merge:
          - into: Levan G. Beridze
            names: [Levan Beridze]
        split:
          - name: Chen Hao
            article: e01_tashkent_solar
            as: Chen Hao (Kestrel)
        """
    result, out = _build(tmp_path, curation)
    assert result.exit_code == 0, result.output
    people = {row[1] for row in _rows(out, "roles")}
    assert {"Levan G. Beridze", "Chen Hao (Kestrel)"} <= people
    assert not {"Levan Beridze", "Chen Hao"} & people


def test_the_default_curation_file_is_applied_when_present(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("data").mkdir()
    Path("data/curation.yaml").write_text("curator: Default\nretract:\n  - fact: https://example.org/x\n")
    result = CliRunner().invoke(main, ["build", "--articles", str(ARTICLES), "--out", "kg.ttl", "--no-progress"])
    assert result.exit_code == 0 and "https://example.org/x matched no fact" in result.output


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("retract:\n  - fact: [unclosed\n", ":3:1:", "fix the YAML"),
        ("retrct: []\n", ":1:1:", "unknown section 'retrct'"),
        ("add:\n  - meeting: {label: X, participants: [Nobody Known]}\n", ":2:14:", "not an entity of the graph"),
        ("add:\n  - capacity: {value_mw: 5, technology: fusion}\n", ":2:15:", "unknown technology 'fusion'"),
        ("add:\n  - capacity: {value_mw: -5}\n", ":2:15:", "0 or more"),
        ("add:\n  - partnership: {kind: friendship, parties: [A, B]}\n", ":2:18:", "'kind' must be one of"),
        (
            "add:\n  - agreement: {kind: agreement, parties: [Kestrel Power, Chen Hao], date: 2025-13}\n",
            ":2:16:",
            "'date'",
        ),
        ("add:\n  - agreement: {kind: agreement, parties: [Kestrel Power]}\n", ":2:16:", "at least 2"),
        ("add:\n  - article: nope\n    post: {person: Chen Hao, role: CEO}\n", ":3:11:", "no article 'nope'"),
        ("merge:\n  - into: X\n", ":2:5:", "'names' must be a list"),
    ],
)
def test_curation_errors_point_at_the_line(tmp_path, text, where, says):
    (tmp_path / "kg.ttl").write_text("# previous graph\n")
    result, out = _build(tmp_path, text)
    assert result.exit_code == 2, result.output
    line = result.output.strip()
    assert line.startswith(f"Error: {tmp_path / 'curation.yaml'}{where}") and says in line, line
    assert "\n" not in line and "Traceback" not in line
    assert out.read_text() == "# previous graph\n"


def test_a_missing_curation_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        main, ["build", "--articles", str(ARTICLES), "--out", str(tmp_path / "kg.ttl"), "--curation", "none.yaml"]
    )
    assert result.exit_code == 2 and "none.yaml: no such curation file" in result.output


def test_the_bundled_curation_file_loads():
    assert load_curation(ROOT / "data" / "curation.yaml").is_empty
