"""Unknown names read as organizations or persons from the frame around them (issue 13: names no
gazetteer knows), on sentences written for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 5, 14)


def entities_of(body: str) -> list[tuple[str, str]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    return sorted((e.name, e.type) for e in facts.entities if e.type not in ("Place", "Country"))


@pytest.mark.parametrize(
    "body",
    [
        "The contract was signed by Vantora and Kestrel on Monday.",
        "Officials from Vantora and Kestrel met in Lima on Monday.",
        "The minister met with Vantora executives and Kestrel representatives on Monday.",
    ],
)
def test_a_name_in_an_organizations_frame_is_an_organization(body):
    assert {name for name, kind in entities_of(body) if kind == "Organization"} >= {"Vantora"}


def test_a_name_described_as_a_developer_is_an_organization():
    assert entities_of("The deal with Vantora, a Dubai-based developer, was signed on Monday.") == [
        ("Vantora", "Organization")
    ]


def test_a_name_described_by_a_post_is_a_person_not_an_organization():
    assert entities_of("Lund, the energy minister, met Marek, the head of the grid operator, on Monday.") == [
        ("Lund", "Person"),
        ("Marek", "Person"),
    ]


def test_between_a_one_word_name_and_a_company_are_two_parties():
    assert entities_of("A memorandum between Vantora and Kestrel Holdings was signed on Monday.") == [
        ("Kestrel Holdings", "Company"),
        ("Vantora", "Organization"),
    ]


def test_a_field_of_work_joined_by_and_stays_one_name():
    names = [
        name for name, _ in entities_of("A memorandum between Science and Technology Holdings and Vantora was signed.")
    ]
    assert "Science and Technology Holdings" in names


@pytest.mark.parametrize(
    "body",
    [
        "Peru's Ana Lund met Chile's Ivo Marek on Monday.",
        "Ivo Marek of Vantora met Ana Lund of Kestrel on Monday.",
        "Mr Marek and Ms Lund met in Lima on Monday.",
        "Mr. Marek received Ms. Lund on Monday.",
    ],
)
def test_untitled_persons_in_a_meeting_frame(body):
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert [len([p for p in m.participants if p.type == "Person"]) for m in facts.meetings] == [2]


@pytest.mark.parametrize("body", ["Chile's energy ministry signed it.", "The Chilean energy ministry signed it."])
def test_a_countrys_ministry_in_lower_case_is_that_countrys_ministry(body):
    assert ("Ministry of Energy of Chile", "GovernmentBody") in entities_of(body)


def test_a_lower_case_post_between_names_keeps_the_persons_apart_from_the_organizations():
    body = "Vantora chairman Ivo Marek and Kestrel president Ana Lund signed the agreement."
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert sorted((p.person.name, p.organization.name) for p in facts.posts) == [
        ("Ana Lund", "Kestrel"),
        ("Ivo Marek", "Vantora"),
    ]
    assert [sorted(p.name for p in a.parties) for a in facts.agreements] == [["Kestrel", "Vantora"]]


def test_a_possessive_post_in_an_appositive_names_the_signers_organization():
    body = "The agreement was signed by Ivo Marek, Vantora's chief executive, and Ana Lund, head of Kestrel."
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert [sorted(p.name for p in a.parties) for a in facts.agreements] == [["Kestrel", "Vantora"]]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("The Embassy of Chile hosted the reception.", "Embassy of Chile"),
        (
            "The Cabinet of Ministers of Peru signed an investment agreement with Vantora.",
            "Cabinet of Ministers of Peru",
        ),
        ("Electricity of Chile signed a power purchase agreement with Vantora.", "Electricity of Chile"),
        ("The Chamber of Commerce of Peru signed a memorandum with Vantora.", "Chamber of Commerce of Peru"),
    ],
)
def test_an_institution_of_a_country_is_one_name(body, name):
    assert name in {entity for entity, _ in entities_of(body)}


@pytest.mark.parametrize("name", ["Vantora Industrial Park", "Kestrel Strategic Investments"])
def test_a_common_word_inside_a_companys_name_stays_in_it(name):
    assert name in {entity for entity, _ in entities_of(f"{name} signed a deal with Lumen Holdings.")}


def test_names_listed_between_semicolons_are_persons():
    body = "Around the table sat the delegations: Ana Lund; Ivo Marek; Omar Sanz; and Pavel Dron."
    assert [kind for _, kind in entities_of(body)] == ["Person"] * 4


def test_a_quoted_name_after_an_organizations_descriptor_is_an_organization():
    assert ("Kestrel", "Organization") in entities_of("Uzbek power producer «Kestrel» opened a plant.")


def test_a_portfolio_noun_after_for_begins_no_name():
    body = "Commissioner for International Partnerships Ana Lund met Peru's Energy Minister Ivo Marek."
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert sorted(p.person.name for p in facts.posts) == ["Ana Lund", "Ivo Marek"]


def test_a_ministry_and_an_acronym_are_two_organizations():
    assert [name for name, _ in entities_of("Chile's Ministry of Finance and the EIB signed a memorandum.")] == [
        "EIB",
        "Ministry of Finance of Chile",
    ]


def test_then_minister_is_no_part_of_the_name():
    body = "Then-minister Ivo Marek met Peru's Energy Minister Ana Lund in Lima on 1 November 2022."
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert [sorted(p.name for p in m.participants) for m in facts.meetings] == [["Ana Lund", "Ivo Marek"]]


def test_the_name_before_a_particle_stands_alone_for_the_person():
    body = "Chile's President Ana María Lund da Costa arrived in Lima. Lund held talks with Peru's President Ivo Marek."
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert [sorted(p.name for p in m.participants) for m in facts.meetings if m.rule == "talks"] == [
        ["Ana María Lund da Costa", "Ivo Marek"]
    ]


def test_a_unit_begins_no_name_and_a_capitalised_agreement_names_its_parties():
    body = "- Project Development Agreement between SJVN and Kestrel Holdings for the 669 MW Lower Arun project."
    names = {name for name, _ in entities_of(body)}
    assert "SJVN" in names and not any(name.startswith("MW") for name in names)


def test_a_name_whose_leadership_or_board_is_met_is_an_organization():
    assert entities_of("Minister Ana Lund held talks with Vantora's leadership and the Kestrel board on Monday.") == [
        ("Ana Lund", "Person"),
        ("Kestrel", "Organization"),
        ("Vantora", "Organization"),
    ]


@pytest.mark.parametrize("honorific", ["Eng.", "Engr.", "Hon.", "Shri", "Datuk", "Prof. Dr."])
def test_a_name_after_an_honorific_is_a_persons(honorific):
    body = f"Energy Minister Ana Lund met {honorific} Ivo Marek in Lima on Monday."
    assert entities_of(body) == [("Ana Lund", "Person"), ("Ivo Marek", "Person")]


def test_a_name_with_jr_is_one_sentence():
    assert entities_of("Ivo Marek Jr. met Energy Minister Ana Lund in Lima on Monday.") == [
        ("Ana Lund", "Person"),
        ("Ivo Marek", "Person"),
    ]


def test_a_name_with_a_portfolio_in_brackets_is_a_person():
    body = "The talks were attended by ministers including Anna Kovacs (Energy) and Peter Halloway (Foreign Affairs)."
    assert entities_of(body) == [("Anna Kovacs", "Person"), ("Peter Halloway", "Person")]
    assert ("Halvik Sparbank", "Person") not in entities_of("The loan came from Halvik Sparbank (Norway) on Monday.")


def test_a_surname_read_before_the_full_name_is_that_person():
    body = (
        "Minister Vidal opens a European tour\n\nThe Minister of Energy of Chile, Diego Vidal Reyes, met Rob Jansen "
        "in The Hague on Monday."
    )
    assert [name for name, kind in entities_of(body) if kind == "Person"] == ["Diego Vidal Reyes", "Rob Jansen"]


def test_a_filings_defined_term_is_the_name_it_stands_for():
    body = 'Velmar Power Limited ("the Company") said the Company signed a memorandum with Druk Hydro ("DHC").'
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert [sorted(e.name for e in a.parties) for a in facts.agreements] == [["Druk Hydro", "Velmar Power Limited"]]


def test_the_company_alone_is_no_name():
    names = [name for name, _ in entities_of("The Company and Druk Hydro Corporation signed a memorandum on Monday.")]
    assert "Company" not in names and "Druk Hydro Corporation" in names


def test_pm_is_a_prime_ministers_title():
    facts = extract_article(Article("t", Path("t.txt"), "Test", "PM Jan Novak met Ana Costa in Lima.", PUBLISHED))
    assert [(p.person.name, p.role) for p in facts.posts] == [("Jan Novak", "Prime Minister")]


def test_a_surname_after_a_portfolio_is_the_person_named_in_full():
    body = (
        "Ivo Marek, Velland's Minister of Economy, spoke on Monday.\n\n"
        "Minister of Economy Marek hosted a delegation headed by Ana Lund on Tuesday."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert [sorted(e.name for e in m.participants) for m in facts.meetings] == [["Ana Lund", "Ivo Marek"]]
    unknown = "The Minister for Trade Policy met Ana Lund on Tuesday."
    assert "Policy" not in [name for name, _ in entities_of(unknown)]


def test_a_listed_name_with_a_countrys_post_after_it_is_a_person():
    body = (
        "The papers were signed by Kestrel Holdings, and Ivo Marek, Velland's Minister of Economy and head of "
        "the board of Vantora Energy."
    )
    assert ("Ivo Marek", "Person") in entities_of(body)


def test_a_head_of_state_without_a_country_leads_one_of_the_two_main_countries_not_another():
    body = (
        "Peru and Chile signed a memorandum in Lima. Peru hosts the talks; Chile sends its president.\n\n"
        "President Ivo Marek met Chile's President Ana Lund on Monday. Brazil was not there, and President "
        "Jan Novak sent a letter."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    countries = {p.person.name: p.organization.name if p.organization else None for p in facts.posts}
    assert countries == {"Ivo Marek": "Peru", "Ana Lund": "Chile", "Jan Novak": None}


def test_a_title_before_a_name_and_of_a_country_after_it_is_that_countrys_post():
    body = "President Ana Lund of Chile and Peru's President Ivo Marek held talks in Santiago on Monday."
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert sorted((p.person.name, p.organization.name, sorted(p.caveats)) for p in facts.posts) == [
        ("Ana Lund", "Chile", []),
        ("Ivo Marek", "Peru", []),
    ]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Headline\n\nPresident Ivo Marek received Prince Alvar for a meeting on minerals.", "Prince Alvar"),
        ("Headline\n\nPresident Ivo Marek received Sheikh Tamir, the emir's brother, on Monday.", "Sheikh Tamir"),
    ],
)
def test_a_given_name_after_a_royal_title_is_a_person_with_that_title(body, name):
    assert (name, "Person") in entities_of(body)


def test_countries_pycountry_names_inverted_read_by_their_usual_names():
    body = "Headline\n\nMinister Ivo Marek met envoys of the Democratic Republic of Congo and Micronesia on Monday."
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    countries = sorted(e.name for e in facts.entities if e.type == "Country" and e.sentences)
    assert countries == ["Democratic Republic of the Congo", "Micronesia"]


def test_malay_honorifics_are_not_part_of_the_name():
    body = (
        "Headline\n\nPrime Minister Datuk Seri Anwar Ibrahim met Dato Sri Fadillah Yusof on Monday. "
        "Finance Minister Sri Mulyani Indrawati flew to Sri Lanka. Anwar said the talks went well."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    persons = {e.name: e for e in facts.entities if e.type == "Person"}
    assert sorted(persons) == ["Anwar Ibrahim", "Fadillah Yusof", "Sri Mulyani Indrawati"]
    assert len(persons["Anwar Ibrahim"].sentences) == 2  # "Anwar" alone is him
    assert "Sri Lanka" in {e.name for e in facts.entities if e.type == "Country"}


def test_a_surname_spelt_like_a_function_word_after_a_title():
    body = "Headline\n\nOn Monday, General Secretary To Lam received Prime Minister Ivo Marek in Hanoi."
    assert ("To Lam", "Person") in entities_of(body)


@pytest.mark.parametrize(
    ("post", "person", "short"),
    [
        ("Commission President", "Marta van der Velde", "Van der Velde"),  # the particles go with the surname
        ("President", "Omar al-Haddad", "Haddad"),  # the Arabic article is often left out
    ],
)
def test_a_surname_written_without_its_particles_or_article_is_the_person_named_before(post, person, short):
    body = f"{post} {person} arrived in Lima on Monday.\n\n{short} held talks with President Ivo Marek of Peru."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [sorted(p.name for p in m.participants) for m in facts.meetings] == [sorted([person, "Ivo Marek"])]


def test_a_portfolio_ending_in_deal_is_no_part_of_the_name_after_it():
    body = "Executive Vice-President for the European Green Deal Ivo Marek met Ana Lund in Lima on Tuesday."
    assert ("Ivo Marek", "Person") in entities_of(body)
