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


@pytest.mark.parametrize(
    "sentence",
    [
        "Wang urged the two countries to take their comprehensive strategic partnership to new heights.",
        "The two countries describe their relationship as a comprehensive strategic partnership.",
        "The minister said the plant takes the comprehensive strategic partnership of our two countries further.",
    ],
)
def test_the_partnership_the_two_countries_already_have(sentence):
    body = "President Ivo Marek of Peru met President Ana Lund of Chile in Lima on Monday.\n\n" + sentence
    assert partnerships_of(body) == [("comprehensive strategic partnership", ["Chile", "Peru"])]


def test_a_partnership_of_unnamed_owners_in_passing_is_none():
    body = (
        "President Ivo Marek of Peru met President Ana Lund of Chile in Lima on Monday.\n\n"
        "Analysts said a comprehensive strategic partnership would need more trade."
    )
    assert partnerships_of(body) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Vantora Solar LLC and Kestrel Power Group entered into a strategic partnership on Monday.",
        "Vantora Solar LLC formed a strategic partnership with Kestrel Power Group on Monday.",
    ],
)
def test_a_strategic_partnership_of_two_companies(sentence):
    assert partnerships_of(sentence) == [("strategic partnership", ["Kestrel Power Group", "Vantora Solar LLC"])]


def test_a_partnership_of_three_companies_in_passing_is_none():
    body = "Vantora Solar LLC, Norta Grid Company and Kestrel Power Group praised the strategic partnership."
    assert partnerships_of(body) == []


def test_a_timelines_present_tense_signs_a_partnership():
    body = "Peru and Chile sign a Strategic Partnership covering energy and trade on 16 December 2024."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, dt.date(2025, 3, 5)))
    assert [(p.kind, sorted(e.name for e in p.partners)) for p in facts.partnerships] == [
        ("strategic partnership", ["Chile", "Peru"])
    ]


@pytest.mark.parametrize(
    ("sentence", "partners", "date"),
    [
        ("Peru and Chile have been comprehensive strategic partners since 2013.", ["Chile", "Peru"], "2013"),
        (
            "Peru was the first country in the region to become a comprehensive strategic partner of China, in 2016.",
            ["China", "Peru"],
            "2016",
        ),
    ],
)
def test_a_partnership_told_by_its_partners(sentence, partners, date):
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + sentence, PUBLISHED))
    assert [(p.kind, sorted(e.name for e in p.partners), p.date) for p in facts.partnerships] == [
        ("comprehensive strategic partnership", partners, date)
    ]


def test_a_strategic_partner_in_a_description_is_no_partnership():
    assert partnerships_of("Vantora Power, a strategic partner of Kestrel Bank, said it would invest.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile is a strategic partner of Peru, the minister said.",
        "Chile regards Peru as a strategic partner.",
        "Peru called Chile its strategic partner.",
        "Peru is Chile's strategic partner.",
        "President Ana Vela described Peru as a dependable neighbour that has long been Chile's strategic partner.",
    ],
)
def test_a_partner_told_by_a_clause_about_it(sentence):
    assert partnerships_of(sentence) == [("strategic partnership", ["Chile", "Peru"])]


def test_a_countrys_strategic_partner_in_an_aside_is_no_partnership():
    assert partnerships_of("Kestrel Bank, Peru's strategic partner in the region, said it would invest.") == []


def test_a_countrys_partnership_with_another():
    assert partnerships_of("Chile's strategic partnership with Peru covers energy.") == [
        ("strategic partnership", ["Chile", "Peru"])
    ]


def test_two_companies_forming_a_partnership():
    assert partnerships_of("Vantora Power and Kestrel Grid formed a partnership to develop solar parks.") == [
        ("partnership", ["Kestrel Grid", "Vantora Power"])
    ]


def test_a_company_forming_a_partnership_with_many_is_none():
    body = "Vantora Power, Kestrel Grid and Alder Energy formed a partnership to develop solar parks."
    assert partnerships_of(body) == []


@pytest.mark.parametrize(
    ("sentence", "partners"),
    [
        (
            "The minister was pleased to see Peru-UAE ties raised to a strategic partnership.",
            ["Peru", "United Arab Emirates"],
        ),
        (
            "Peru and the European Union agreed a Strategic Partnership at their summit in Lima.",
            ["European Union", "Peru"],
        ),
        ("Relations between Peru and Chile are governed by a comprehensive strategic partnership.", ["Chile", "Peru"]),
    ],
)
def test_partnerships_raised_agreed_or_governing_relations(sentence, partners):
    assert [partners_found for _, partners_found in partnerships_of(sentence)] == [partners]


@pytest.mark.parametrize(
    ("sentence", "partners"),
    [
        (
            "The communique maps out where the Saudi–U.S. strategic partnership should go.",
            ["Saudi Arabia", "United States"],
        ),
        (
            "Baku got a US-Azerbaijan Strategic Partnership Charter, signed at a ceremony.",
            ["Azerbaijan", "United States"],
        ),
        (
            "In January Norway and the World Bank set out a partnership worth NOK 1.1 billion.",
            ["Norway", "World Bank"],
        ),
    ],
)
def test_partnerships_of_short_country_forms_and_set_out_by_a_country_and_an_organization(sentence, partners):
    assert [partners_found for _, partners_found in partnerships_of(sentence)] == [partners]


def test_two_partnerships_of_one_clause_are_each_dated_by_their_own_year():
    body = (
        "Chile was the first country in the region to form a strategic partnership with Peru, in 1993, "
        "and the two raised it to a comprehensive strategic partnership in 2012."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert sorted((p.kind, p.date) for p in facts.partnerships) == [
        ("comprehensive strategic partnership", "2012"),
        ("strategic partnership", "1993"),
    ]
