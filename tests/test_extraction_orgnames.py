"""Organizations' names written out in full (issue 13): where a name that starts with or reaches its
head ends ("Centre for Strategic Studies", "Ministry of Industry, Mines and Energy of X"), when "and"
joins one name or two, and names in French or Spanish. Sentences and names written for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 5, 14)


def parties(sentence: str) -> list[list[str]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + sentence, PUBLISHED))
    return [sorted(p.name for p in a.parties) for a in facts.agreements]


def participants(sentence: str) -> list[list[str]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + sentence, PUBLISHED))
    return [sorted(p.name for p in m.participants) for m in facts.meetings]


@pytest.mark.parametrize(
    "name",
    [
        "Centre for Coastal Studies",  # a head, then "for …": the head alone names nobody
        "Board of Investment of Norland",
        "Institute for Grid Research",
        "Commission for the Regulation of Utilities",
        "Council of Ministers of Norland",  # a plural post inside a name
        "Office of the Prime Minister of Norland",  # an office named by its post
        "Federation of Velan Chambers of Commerce and Industry",
        "Ministry of Industry, Mines and Energy of Norland",
        "Ministry of Economic Development and Trade",
        "Port Authority of Velmar",  # two heads and a complement
        "Directorate General of Electricity",
        "State Agency on Renewable Energy Sources",  # "on …" after a public body
        "Agency for Strategic Reforms under the President of Norland",
    ],
)
def test_a_name_goes_on_through_its_complement(name):
    assert parties(f"On Monday, the {name} signed a memorandum of understanding with Vantora Solar LLC.") == [
        sorted([name, "Vantora Solar LLC"])
    ]


@pytest.mark.parametrize(
    "name",
    [
        *("Lima Gas", "Velan Zinc", "Norland Global Aluminium", "Kestrel Commercial", "Kestrel Solar"),
        *("Norland Investment", "Velan Knud International"),
    ],
)
def test_a_trade_after_a_name_ends_a_companys_name(name):
    assert parties(f"On Monday, {name} signed a memorandum of understanding with Vantora Solar LLC.") == [
        sorted([name, "Vantora Solar LLC"])
    ]


def test_an_organization_and_the_capitalised_word_right_after_it_are_one_name():
    # a known company's name, then a word of its own: its subsidiary
    assert parties("Masdar Andes signed a memorandum of understanding with Kelvix Power Ltd on Monday.") == [
        ["Kelvix Power Ltd", "Masdar Andes"]
    ]


@pytest.mark.parametrize(
    "name", ["Vantora of Peru", "Gas Transmission System Operator of Peru", "Investment Board Peru"]
)
def test_a_name_and_its_country_or_an_operator_or_a_board_name_an_organization(name):
    assert parties(f"The {name} signed a memorandum of understanding with Kelvix Power Ltd on Monday.") == [
        sorted([name, "Kelvix Power Ltd"])
    ]


@pytest.mark.parametrize("name", ["KTX2", "V-Solar"])
def test_an_acronym_with_a_digit_or_a_letter_and_a_word_names_a_company(name):
    assert parties(f"{name} signed a memorandum of understanding with Vantora Solar LLC on Monday.") == [
        sorted([name, "Vantora Solar LLC"])
    ]


def test_a_name_described_after_it_as_a_consortium_is_an_organization():
    assert parties("The Kestrel consortium signed a memorandum of understanding with Vantora Solar LLC on Monday.") == [
        ["Kestrel", "Vantora Solar LLC"]
    ]


def test_a_ruler_of_a_country_is_a_title_not_an_organization():
    facts = extract_article(
        Article("t", Path("t.txt"), "Test", "Headline\n\nThe Sultan of Oman met the Amir of Qatar.", PUBLISHED)
    )
    assert sorted(e.name for e in facts.entities if e.type != "Country") == []


def test_a_trade_after_an_adjective_names_no_company():
    facts = extract_article(
        Article(
            "t",
            Path("t.txt"),
            "Test",
            "Headline\n\nNatural Gas and Green Hydrogen prices rose. Floating Solar and Foreign Investment grew.",
            PUBLISHED,
        )
    )
    assert [e.name for e in facts.entities if e.type != "Country"] == []


def test_a_legal_form_ends_the_name():
    assert parties("On Monday, Vantora Solar LLC signed a contract with Kelvix Power Ltd for the Velmar plant.") == [
        ["Kelvix Power Ltd", "Vantora Solar LLC"]
    ]


def test_where_the_organization_is_no_part_of_its_name():
    assert participants(
        "Minister Ivan Petrov held talks with a delegation of the Institute for Grid Research in Lima on Tuesday."
    ) == [["Institute for Grid Research", "Ivan Petrov"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # "and the" begins a second name, even after a ministry's portfolio
            "The Ministry of Economic Development and Trade and the Institute for Grid Research signed a deal.",
            ["Institute for Grid Research", "Ministry of Economic Development and Trade"],
        ),
        (  # a head after "and" begins a second name
            "The Ministry of Energy and Power Grid Company of Norland signed an agreement on Tuesday.",
            ["Ministry of Energy", "Power Grid Company of Norland"],
        ),
        (  # a portfolio after "and" goes on the ministry's name
            "The Ministry of Energy and Mineral Resources signed an agreement with Vantora Solar LLC on Tuesday.",
            ["Ministry of Energy and Mineral Resources", "Vantora Solar LLC"],
        ),
        (  # "&" joins one firm's name
            "Larch & Pellow signed an agreement with Vantora Solar LLC on Tuesday.",
            ["Larch & Pellow", "Vantora Solar LLC"],
        ),
    ],
)
def test_and_joins_one_name_or_two(sentence, expected):
    assert parties(sentence) == [expected]


@pytest.mark.parametrize(
    "name",
    [
        "Société Nationale d'Électricité du Velmar",
        "Banco de Desarrollo de Norland",
        "Agence Nationale pour les Energies Renouvelables",
        "Empresa Nacional de Electricidad",
    ],
)
def test_a_french_or_spanish_name_keeps_its_particles(name):
    assert parties(f"The University of Velmar and {name} signed an agreement on grid cooperation on Tuesday.") == [
        sorted(["University of Velmar", name])
    ]


@pytest.mark.parametrize("demonym, country", [("Angolan", "Angola"), ("Zambian", "Zambia"), ("Jordanian", "Jordan")])
def test_a_demonym_before_a_title_names_the_country(demonym, country):
    sentence = f"President Ivo Marek received {demonym} President Ana Lund in Lima on Monday."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + sentence, PUBLISHED))
    assert participants(sentence) == [["Ana Lund", "Ivo Marek"]]
    assert {e.name: e.type for e in facts.entities}.get(demonym) is None
    assert [p.organization.name for p in facts.posts if p.person.name == "Ana Lund"] == [country]


def test_a_venue_is_a_place_not_a_person():
    sentence = "President Ivo Marek received President Ana Lund at the Velmar Palace in Lima on Monday."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + sentence, PUBLISHED))
    assert participants(sentence) == [["Ana Lund", "Ivo Marek"]]
    assert {e.name: e.type for e in facts.entities}["Velmar Palace"] == "Place"


def test_a_police_force_is_an_organization():
    sentence = "Norland's Federal Police and the Velmar National Police signed a memorandum on Monday."
    assert parties(sentence) == [["Federal Police", "Velmar National Police"]]


def test_a_person_before_for_is_no_part_of_the_organization_after_it():
    sentence = (
        "On Monday the memorandum was signed by Ivo Marek for the Port of Velmar and by Ana Lund for Vantora Solar LLC."
    )
    assert parties(sentence) == [["Port of Velmar", "Vantora Solar LLC"]]


def test_a_compound_portfolio_before_a_minister_is_no_company():
    sentence = "On Monday Peru's Energy and Infrastructure Minister Ivo Marek signed a memorandum with Kestrel Bank."
    assert parties(sentence) == [["Kestrel Bank", "Peru"]]
