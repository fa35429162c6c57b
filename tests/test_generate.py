"""The synthetic corpus generator (benchmarks/generate.py): deterministic, prefix-stable, and its gold
consistent with its text, so that scores measured on it mean what they say."""

import importlib.util
import json
import re
import statistics
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_generator():
    # benchmarks/ is not a package: load the script by its path.
    spec = importlib.util.spec_from_file_location("pactgraph_benchmarks_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


generate_module = _load_generator()
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEYS = ["id", "title", "published", "facts_from", "entities", "meetings", "agreements", "partnerships"]
KEYS += ["capacities", "roles", "traps"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("generated")
    return folder, generate_module.generate(folder, 240, seed=7)


def _files(folder: Path) -> dict[str, bytes]:
    return {f"{p.parent.name}/{p.name}": p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_inputs_give_the_same_bytes_and_a_prefix_equals_a_smaller_corpus(tmp_path, corpus):
    folder, _ = corpus
    generate_module.generate(tmp_path / "again", 240, seed=7)
    generate_module.generate(tmp_path / "prefix", 25, seed=7)
    generate_module.generate(tmp_path / "other", 25, seed=8)
    full = _files(folder)
    assert _files(tmp_path / "again") == full
    prefix = _files(tmp_path / "prefix")
    assert len(prefix) == 50
    assert all(full[name] == data for name, data in prefix.items())
    assert _files(tmp_path / "other") != prefix


def _valid_date(value: str) -> bool:
    if not DATE.match(value):
        return False
    parts = [int(part) for part in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _assert_named(stem: str, names: dict[str, list[str]], text: str, name: str, where: str) -> None:
    """``name`` is an entity of the gold, and it (or one of its aliases) is written in the article."""
    assert name in names, f"{stem}: {where} {name!r} is not an entity"
    assert any(form in text for form in names[name]), f"{stem}: {where} {name!r} is not in the text"


def test_every_gold_file_is_valid_and_names_what_its_article_says(corpus):
    folder, summary = corpus
    golds = sorted((folder / "gold").glob("*.json"))
    assert len(golds) == summary["articles"] == 240
    totals = dict.fromkeys(("meetings", "agreements", "partnerships", "capacities", "roles"), 0)
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (folder / "articles" / f"{path.stem}.txt").read_text(encoding="utf-8")
        assert list(gold) == KEYS and gold["id"] == path.stem and gold["facts_from"] == []
        assert text.startswith(f"Title: {gold['title']}\nPublished: {gold['published']}\nSource: ")
        assert "\n---\n" in text
        published = date.fromisoformat(gold["published"])
        names = {}
        for entity in gold["entities"]:
            assert entity["type"] in generate_module.ENTITY_TYPES
            names[entity["name"]] = [entity["name"], *entity["aliases"]]

        def named(name: str, where: str, stem=path.stem, names=names, text=text) -> None:
            _assert_named(stem, names, text, name, where)

        for meeting in gold["meetings"]:
            assert isinstance(meeting["planned"], bool) and meeting["label"]
            for person in meeting["participants"]:
                named(person, "participant")
            if meeting["date"] is not None:
                assert _valid_date(meeting["date"]), meeting
                day = meeting["date"]
                if meeting["planned"]:
                    assert day >= published.isoformat()[: len(day)], f"{path.stem}: planned meeting in the past"
                else:
                    assert day <= published.isoformat()[: len(day)], f"{path.stem}: held meeting in the future"
        for agreement in gold["agreements"]:
            assert agreement["kind"] in generate_module.AGREEMENT_KINDS
            assert agreement["date"] is None or _valid_date(agreement["date"])
            assert agreement["date"] is None or agreement["date"] <= gold["published"]
            for party in agreement["parties"]:
                named(party, "party")
        for partnership in gold["partnerships"]:
            assert partnership["date"] is None or _valid_date(partnership["date"])
            for party in partnership["parties"]:
                named(party, "partnership party")
        for capacity in gold["capacities"]:
            assert capacity["technology"] in generate_module.TECHNOLOGIES
            assert capacity["status"] in generate_module.STATUSES
            assert isinstance(capacity["value_mw"], int | float) and capacity["value_mw"] > 0
        for role in gold["roles"]:
            named(role["person"], "role person")
            named(role["organization"], "role organization")
            assert role["role"]
        for relation in totals:
            totals[relation] += len(gold[relation])
    assert totals == {relation: summary[relation] for relation in totals}


def test_articles_are_news_length_and_varied(corpus):
    folder, summary = corpus
    counts = []
    for path in sorted((folder / "articles").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        counts.append(len(body.split()))
        paragraphs = [p for p in body.split("\n\n") if len(p) > 80]
        assert len(paragraphs) == len(set(paragraphs)), f"{path.name} repeats a paragraph"
    assert sum(counts) == summary["words"]
    assert 420 <= statistics.mean(counts) <= 620
    assert min(counts) >= 150 and max(counts) <= 1000
    titles = {path.name.split("_", 1)[1] for path in (folder / "articles").glob("*.txt")}
    assert len(titles) > 0.9 * summary["articles"]
