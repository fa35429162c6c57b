"""Patterns of real news reporting (issue 13: recall on outlets' own styles), one test per
pattern, on sentences written for these tests; no rule names an entity or quotes an article."""

import datetime as dt
from pathlib import Path

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 5, 14)  # a Wednesday


def facts_of(body: str, published=PUBLISHED):
    return extract_article(Article("t", Path("t.txt"), "Test", body, published))


def agreements_of(body: str):
    return sorted((a.kind, sorted(p.name for p in a.parties)) for a in facts_of(body).agreements)


def test_documents_listed_inside_one_sentence_are_each_an_agreement():
    body = (
        "The documents signed included: the Investment Agreement on a 300 MW solar plant between the "
        'Government of Norland and "Bright Field Norland" LLC; an Implementation Agreement between the '
        "Ministry of Energy of Norland and Harbin Turbine Works Co., Ltd. on a 90 MW wind farm; and a "
        "Memorandum of Understanding between Kestrel Grid Company and Lumen Storage Group on batteries."
    )
    assert agreements_of(body) == [
        ("implementation agreement", ["Harbin Turbine Works Co., Ltd.", "Ministry of Energy of Norland"]),
        ("investment agreement", ["Bright Field Norland LLC", "Government of Norland"]),
        ("memorandum of understanding", ["Kestrel Grid Company", "Lumen Storage Group"]),
    ]
    topics = sorted(a.topic for a in facts_of(body).agreements)
    assert topics == ["a 300 MW solar plant", "a 90 MW wind farm", "batteries"]


def test_a_quoted_name_with_its_legal_form_is_one_company():
    body = 'The ministry signed an agreement with "Caspian Sun Georgia" LLC on Monday.'
    names = {e.name for e in facts_of(body).entities}
    assert "Caspian Sun Georgia LLC" in names
    assert "Georgia" not in {e.name for e in facts_of(body).entities if e.sentences}


def test_a_bracketed_place_inside_a_company_name_stays_in_the_name():
    body = "Orion Cable (Hong Kong) Co., Limited and Delta Wind Group signed a memorandum on Monday."
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Delta Wind Group", "Orion Cable Hong Kong Co., Limited"])
    ]


def test_a_government_and_a_company_joined_by_and_are_two_parties():
    body = "An investment agreement was signed between the Government of Armenia and Sevan Solar Park LLC."
    assert agreements_of(body) == [("investment agreement", ["Government of Armenia", "Sevan Solar Park LLC"])]
