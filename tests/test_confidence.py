"""Confidence and the rule behind every extracted fact: set by extraction, queryable, filterable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph.articles import Article
from pactgraph.cli import main
from pactgraph.extract import extract_article
from pactgraph.extract.rules import CAVEATS, RULES
from pactgraph.queries import resolve_query, run_query
from pactgraph.store import load_graph

from .conftest import ROOT

EVAL_ARTICLES = ROOT / "tests" / "data" / "eval" / "articles"


def _facts(body: str):
    facts = extract_article(Article("t", Path("t.txt"), "t", body, dt.date(2025, 5, 20)))
    return [*facts.meetings, *facts.agreements, *facts.partnerships, *facts.capacities, *facts.posts]


def test_every_fact_names_a_known_rule_and_a_confidence_in_range():
    body = (
        "Energy Minister Jan Novak held talks with Li Wei, Chairman of Example Power Co., Ltd., in Astana on May 3. "
        "The two sides signed a memorandum of understanding on a 300 MW solar plant. "
        "Kazakhstan and Georgia established a strategic partnership in 2024."
    )
    facts = _facts(body)
    assert {type(f).__name__ for f in facts} == {"Meeting", "Agreement", "Partnership", "Capacity", "Post"}
    for fact in facts:
        assert fact.rule in RULES
        assert 0 < fact.confidence <= RULES[fact.rule].confidence
        assert fact.caveats <= set(CAVEATS)


def test_caveats_lower_confidence():
    plain, bare = _facts("The company will build a 300 MW solar plant. It also mentioned 50 MW of power.")
    assert plain.technologies == bare.technologies == ["solar"]  # the second inferred from the first
    assert "technology-inferred" in bare.caveats and "technology-inferred" not in plain.caveats
    assert bare.confidence < plain.confidence


def test_an_undated_meeting_dated_from_publication_says_so():
    (meeting,) = [f for f in _facts("Jan Novak met Li Wei in Astana.") if type(f).__name__ == "Meeting"]
    assert meeting.date == "2025-05"
    assert "date-from-publication" in meeting.caveats
    assert meeting.confidence == round(RULES["meeting-verb"].confidence * CAVEATS["date-from-publication"][0], 2)


def _confidences(graph: Path) -> list[float]:
    rows = run_query(load_graph([graph]), resolve_query("confidence").text).rows
    return [float(row[3]) for row in rows]


def test_build_min_confidence_leaves_out_doubtful_facts(tmp_path):
    runner = CliRunner()
    everything, confident = tmp_path / "all.ttl", tmp_path / "confident.ttl"
    args = ["build", "--articles", str(EVAL_ARTICLES), "--no-progress"]
    assert runner.invoke(main, [*args, "--out", str(everything)]).exit_code == 0
    result = runner.invoke(main, [*args, "--out", str(confident), "--min-confidence", "0.8"])
    assert result.exit_code == 0, result.output
    all_values, kept = _confidences(everything), _confidences(confident)
    assert min(all_values) < 0.8 and kept and min(kept) >= 0.8
    assert sorted(kept) == sorted(v for v in all_values if v >= 0.8)
    assert f"{len(all_values) - len(kept)} facts below the confidence threshold left out" in result.output


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_min_confidence_out_of_range_is_a_usage_error(value, tmp_path):
    result = CliRunner().invoke(
        main, ["build", "--articles", str(EVAL_ARTICLES), "--out", str(tmp_path / "kg.ttl"), "--min-confidence", value]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "kg.ttl").exists()


def test_evaluate_by_rule_counts_every_predicted_fact():
    import json

    result = CliRunner().invoke(
        main, ["evaluate", str(ROOT / "tests" / "data" / "eval" / "gold"), "--by-rule", "--format", "json"]
    )
    report = json.loads(result.output)
    predicted = sum(r["predicted"] for r in report["relations"].values())
    assert sum(r["predicted"] for r in report["rules"].values()) == predicted
    assert set(report["rules"]) <= set(RULES)
