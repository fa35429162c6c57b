"""The ways news tells that two persons met (issue 13): verbs and phrases beyond "met" and "held
talks with", each a meeting of the two; and the sentences that must not add one. Sentences written
for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 3, 5)


def meetings_of(body: str) -> list[tuple[list[str], str | None]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    return [(sorted(p.name for p in m.participants), m.date) for m in facts.meetings]


@pytest.mark.parametrize(
    "sentence",
    [
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa discussed grid links in Lima on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa reviewed the grid project in Lima on Monday.",
        "In Lima on Monday, Energy Minister Ivan Petrov and Foreign Minister Ana Costa agreed to speed up the link.",
        "Energy Minister Ivan Petrov conferred with Foreign Minister Ana Costa in Lima on Monday.",
        "At a meeting in Lima on Monday, Energy Minister Ivan Petrov and Foreign Minister Ana Costa reviewed the plan.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa had a working lunch in Lima on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa gave a joint press conference in Lima on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa co-chaired the joint commission in Lima on Monday.",
        "Energy Minister Ivan Petrov joined Foreign Minister Ana Costa for talks in Lima on Monday.",
        "Following talks with Foreign Minister Ana Costa in Lima on Monday, Energy Minister Ivan Petrov said the "
        "grid would be ready.",
    ],
)
def test_a_way_of_telling_a_meeting_of_two(sentence):
    assert meetings_of(sentence) == [(["Ana Costa", "Ivan Petrov"], "2025-03-03")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Energy Minister Ivan Petrov discussed the grid project in Lima on Monday.",  # one person
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa will discuss grid links in Lima.",  # not yet
        "The two governments agreed to speed up the grid link.",  # nobody named
    ],
)
def test_no_meeting_is_told(sentence):
    assert meetings_of(sentence) == []


def test_what_the_two_leaders_agreed_after_their_talks_is_no_second_meeting():
    body = (
        "President Ivo Marek held talks with President Ana Lund in Lima on Monday. The two leaders agreed to "
        "expand cooperation in renewable energy."
    )
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-03-03")]
