"""Partnerships news names by their field or between capitals (issue 13); sentences written for
these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 3, 5)


def partnerships_of(body: str) -> list[tuple[str, list[str]]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    return [(p.kind, sorted(e.name for e in p.partners)) for p in facts.partnerships]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru and Chile launched a green hydrogen partnership on Monday.",
        "Peru and Chile signed a memorandum establishing a renewable energy partnership on Monday.",
        "Chile joined a Just Energy Transition Partnership with Peru on Monday.",
    ],
)
def test_a_partnership_named_by_its_field(sentence):
    assert partnerships_of(sentence) == [("partnership", ["Chile", "Peru"])]


def test_a_field_named_in_passing_with_countries_around_is_no_partnership():
    body = "Projects built with Peru and Bolivia in the energy partnership of Chile were discussed."
    assert partnerships_of(body) == []


def test_capitals_stand_for_their_states():
    body = "Beijing and Islamabad hold up the dam as an emblem of their all-weather strategic partnership."
    assert partnerships_of(body) == [("strategic partnership", ["China", "Pakistan"])]
