"""`pactgraph evaluate` and the scorer behind it: the corpus README's matching rules."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pactgraph.cli import main
from pactgraph.evaluation import GoldArticle, dates_compatible, load_gold, names_match, score, source_stems

from .conftest import ROOT

EVAL = ROOT / "tests" / "data" / "eval"
CORPUS = ROOT.parent / "shared" / "corpus"


def _meeting_rows(key: str, stem: str, date: str, *people: str) -> list[dict[str, str]]:
    return [{"meeting": key, "date": date, "participantLabel": p, "source": stem} for p in people]


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Parviz Shahbazov", ["parviz  SHAHBAZOV"], True),
        ("Şahbazov", ["Sahbazov"], True),  # accents folded
        ("Kestrel Power", ["Kestrel Power Co., Ltd."], True),  # two content words contained
        ("Kestrel", ["Kestrel Power Co., Ltd."], False),  # one content word is not enough
        ("China Energy Engineering Group", ["China Energy Engineering Corporation"], True),  # Jaccard 0.75
        ("Ministry of Energy", ["Ministry of Economy"], False),
        ("", ["anything"], False),
    ],
)
def test_names_match(predicted, gold, expected):
    assert names_match(predicted, gold) is expected


def test_sources_and_dates():
    assert source_stems("https://w3id.org/pactgraph/id/article/d01 d02.txt <x#d03>") == {"d01", "d02", "d03"}
    assert dates_compatible("2025-06", "2025-06-26") and dates_compatible(None, "2025")
    assert not dates_compatible("2025-07", "2025-06-26")


def test_meetings_match_one_to_one_greedily_with_aliases_and_dates():
    gold = {
        "a": GoldArticle.from_json(
            {
                "entities": [{"name": "Jan Novak", "type": "Person", "aliases": ["Novak"]}],
                "meetings": [
                    {"date": "2025-03-03", "participants": ["Jan Novak", "Li Wei"]},
                    {"label": "Baku Energy Forum", "date": "2025-06", "participants": []},
                ],
            }
        )
    }
    rows = [
        *_meeting_rows("m1", "a", "2025-03-03", "Novak", "Li Wei"),  # alias matches
        *_meeting_rows("m2", "a", "2025-03", "Jan Novak", "Li Wei"),  # a duplicate: gold already taken
        {"meeting": "m3", "date": "2025-06-02", "meetingLabel": "Baku Energy Forum", "source": "a"},
        *_meeting_rows("m4", "b", "2025-03-03", "Jan Novak", "Li Wei"),  # another article: not scored
    ]
    report = score({"meetings": rows}, gold)
    m = report.relations["meetings"]
    assert (m.tp, m.predicted, m.gold) == (2, 3, 2)
    assert report.attributes["meeting dates"] == (1, 2)  # 2025-06-02 is compatible but not the gold date


def test_a_meeting_on_an_incompatible_date_does_not_match():
    gold = {"a": GoldArticle.from_json({"meetings": [{"date": "2025-03-03", "participants": ["Jan Novak"]}]})}
    report = score({"meetings": _meeting_rows("m1", "a", "2025-04", "Jan Novak")}, gold)
    assert report.relations["meetings"].tp == 0


def test_capacities_match_within_one_percent_and_score_technology():
    gold = {
        "a": GoldArticle.from_json(
            {
                "capacities": [
                    {"value_mw": 2000, "technology": "wind and solar"},
                    {"value_mw": 100, "technology": "hydro"},
                ]
            }
        )
    }
    rows = [
        {"subject": "c1", "capacityMW": "1990", "technology": "wind", "source": "a"},
        {"subject": "c1", "capacityMW": "1990", "technology": "solar", "source": "a"},
        {"subject": "c2", "capacityMW": "102", "technology": "hydro", "source": "a"},  # 2% off
        {"subject": "c3", "capacityMW": "not a number", "technology": "hydro", "source": "a"},
    ]
    report = score({"capacities": rows}, gold)
    c = report.relations["capacities"]
    assert (c.tp, c.predicted, c.gold) == (1, 2, 2)
    assert report.attributes["capacity technologies"] == (1, 1)


def test_a_capacity_whose_gold_technology_is_null_matches_on_its_value_with_no_technology_compared():
    gold = {"a": GoldArticle.from_json({"capacities": [{"value_mw": 250, "technology": None}]})}
    rows = [{"subject": "c1", "capacityMW": "250", "technology": "solar", "source": "a"}]
    report = score({"capacities": rows}, gold)
    assert report.relations["capacities"].tp == 1
    assert report.attributes["capacity technologies"] == (0, 0)


def test_roles_need_the_person_and_a_shared_content_word():
    gold = {"a": GoldArticle.from_json({"roles": [{"person": "Jan Novak", "role": "Minister of Energy"}]})}
    rows = [
        {"personLabel": "Jan Novak", "role": "Energy Minister", "source": "a"},
        {"personLabel": "Jan Novak", "role": "Chairman", "source": "a"},
    ]
    r = score({"roles": rows}, gold).relations["roles"]
    assert (r.tp, r.predicted, r.gold) == (1, 2, 1)
    assert r.precision == 0.5 and r.recall == 1.0


def test_empty_predictions_of_empty_gold_score_one():
    report = score({}, {"a": GoldArticle.from_json({})})
    assert all(s.f1 == 1.0 for s in report.relations.values())


def test_evaluate_command_builds_and_scores_the_fixtures():
    result = CliRunner().invoke(main, ["evaluate", str(EVAL / "gold"), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report["relations"]) == {"meetings", "agreements", "partnerships", "capacities", "roles"}
    gold_files = load_gold(EVAL / "gold")
    assert report["relations"]["meetings"]["gold"] == sum(len(g.meetings) for g in gold_files.values())
    assert report["micro"]["gold"] == sum(
        len(g.meetings) + len(g.agreements) + len(g.partnerships) + len(g.capacities) for g in gold_files.values()
    )
    table = CliRunner().invoke(main, ["evaluate", str(EVAL / "gold"), "--articles", str(EVAL / "articles")])
    assert table.exit_code == 0
    micro = report["micro"]
    assert f"{'micro':<14}{micro['tp']:>5}{micro['predicted']:>6}{micro['gold']:>6}" in table.output


def test_calibration_buckets_account_for_every_predicted_fact():
    result = CliRunner().invoke(main, ["evaluate", str(EVAL / "gold"), "--format", "json"])
    report = json.loads(result.output)
    buckets = report["calibration"]
    assert buckets, "the fixtures' facts have confidences"
    # every fact of the micro relations falls in one bucket, and the matched ones are the true positives
    assert sum(b["facts"] for b in buckets) == report["micro"]["predicted"]
    assert sum(b["matched"] for b in buckets) == report["micro"]["tp"]
    for b in buckets:
        assert b["low"] <= b["stated"] < b["low"] + 0.1 or (b["low"] == 0.9 and b["stated"] <= 1.0)
    table = CliRunner().invoke(main, ["evaluate", str(EVAL / "gold")]).output
    assert "calibration" in table
    first = buckets[0]
    assert f"{first['low']:.1f}-{first['low'] + 0.1:.1f}" in table


def test_evaluate_a_built_graph_equals_evaluating_the_articles(tmp_path):
    out = tmp_path / "kg.ttl"
    assert CliRunner().invoke(main, ["build", "--articles", str(EVAL / "articles"), "--out", str(out)]).exit_code == 0
    from_graph = CliRunner().invoke(main, ["evaluate", str(EVAL / "gold"), "--graph", str(out), "--format", "json"])
    from_articles = CliRunner().invoke(main, ["evaluate", str(EVAL / "gold"), "--format", "json"])
    assert json.loads(from_graph.output) == json.loads(from_articles.output)


@pytest.mark.parametrize("corpus", ["fixtures", "dev"])
def test_numbers_agree_with_the_corpus_scorer(corpus, tmp_path):
    """The corpus's own script, run on the same query output, prints the same numbers."""
    if not (CORPUS / "score.py").is_file():
        pytest.skip("the shared corpus is not beside this checkout")
    gold, articles = (
        (EVAL / "gold", EVAL / "articles")
        if corpus == "fixtures"
        else (
            CORPUS / "dev" / "gold",
            CORPUS / "dev" / "articles",
        )
    )
    runner = CliRunner()
    kg = tmp_path / "kg.ttl"
    assert runner.invoke(main, ["build", "--articles", str(articles), "--out", str(kg), "--no-progress"]).exit_code == 0
    for name in ("meetings", "agreements", "partnerships", "capacities", "roles"):
        csv_out = runner.invoke(main, ["query", name, "--graph", str(kg), "--format", "csv"])
        (tmp_path / f"{name}.csv").write_text(csv_out.output, encoding="utf-8")
    theirs = json.loads(
        subprocess.run(
            [sys.executable, str(CORPUS / "score.py"), str(gold), str(tmp_path), "--json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    ours = json.loads(runner.invoke(main, ["evaluate", str(gold), "--graph", str(kg), "--format", "json"]).output)
    for name, s in ours["relations"].items():
        assert (s["tp"], s["predicted"], s["gold"]) == (theirs[name]["tp"], theirs[name]["pred"], theirs[name]["gold"])
        assert (s["precision"], s["recall"], s["f1"]) == (theirs[name]["P"], theirs[name]["R"], theirs[name]["F1"])
    micro = theirs["micro(meet+agr+part+cap)"]
    assert (ours["micro"]["tp"], ours["micro"]["f1"]) == (micro["tp"], micro["F1"])
    assert {k: f"{v['correct']}/{v['compared']}" for k, v in ours["attributes"].items()} == theirs["attributes"]


def test_bad_gold_json_names_file_line_and_column(tmp_path):
    (tmp_path / "x.json").write_text('{"meetings": [\n  {"date": }\n]}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path), "--articles", str(EVAL / "articles")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'x.json'}:2:12:" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content", [None, '{"meetings": "not a list of objects"}'])
def test_missing_or_malformed_gold_is_a_one_line_error(tmp_path, content):
    gold = tmp_path / "gold"
    if content is not None:
        gold.mkdir()
        (gold / "y.json").write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--articles", str(EVAL / "articles")])
    assert result.exit_code == 2
    assert result.output.startswith("Error:") and str(gold) in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_articles_and_graph_together_are_refused(tmp_path):
    result = CliRunner().invoke(
        main, ["evaluate", str(EVAL / "gold"), "--articles", str(EVAL / "articles"), "--graph", "x.ttl"]
    )
    assert result.exit_code == 2 and "--graph scores a built graph" in result.output
