"""The ways news tells that two parties signed a document (issue 13), each an agreement between
them; sentences written for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 3, 5)


def agreements_of(body: str) -> list[tuple[str, list[str]]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    return [(a.kind, sorted(p.name for p in a.parties)) for a in facts.agreements]


PARTIES = ["Ministry of Energy of Norland", "Vantora Solar LLC"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vantora Solar LLC clinched an agreement with the Ministry of Energy of Norland on Monday.",
        # "it" is the organization that spoke
        "Vantora Solar LLC announced on Monday that it had signed an agreement with the Ministry of Energy of Norland.",
        "Vantora Solar LLC said on Monday it had signed an agreement with the Ministry of Energy of Norland.",
        "Vantora Solar LLC struck an agreement with the Ministry of Energy of Norland on Monday.",
        "Vantora Solar LLC entered into an agreement with the Ministry of Energy of Norland on Monday.",
        "An agreement was signed between Vantora Solar LLC and the Ministry of Energy of Norland on Monday.",
        "The agreement, signed on Monday by Vantora Solar LLC and the Ministry of Energy of Norland, covers a plant.",
        "Vantora Solar LLC on Monday penned an agreement with the Ministry of Energy of Norland.",
        "Vantora Solar LLC finalised an agreement with the Ministry of Energy of Norland on Monday.",
        "The Ministry of Energy of Norland and Vantora Solar LLC have agreed on a framework agreement on Monday.",
        "The Ministry of Energy of Norland awarded Vantora Solar LLC a contract on Monday to build a solar plant.",
        "Vantora Solar LLC was awarded a contract by the Ministry of Energy of Norland on Monday.",
        "The Ministry of Energy of Norland awarded Vantora Solar LLC an engineering, procurement and construction "
        "contract on Monday.",
        "Vantora Solar LLC signed a contract on Monday with the Ministry of Energy of Norland for the eastern section "
        "of the plant, spread over Barangay Kestrel in Velmar.",
        "The Ministry of Energy of Norland on Monday granted Vantora Solar LLC a concession agreement for a plant.",
        "Vantora Solar LLC signed a term sheet with the Ministry of Energy of Norland on Monday.",
    ],
)
def test_a_way_of_telling_a_signing(sentence):
    assert agreements_of(sentence) == [("agreement", PARTIES)]


def test_entering_into_a_memorandum_of_understanding():
    body = "Vantora Solar LLC has entered into a memorandum of understanding with the Ministry of Energy of Norland."
    assert agreements_of(body) == [("memorandum of understanding", PARTIES)]


def test_it_is_no_party_when_no_organization_spoke():
    assert agreements_of("Officials said on Monday it had signed an agreement with Vantora Solar LLC.") == [
        ("agreement", ["Vantora Solar LLC"])
    ]


def test_documents_signed_with_counted_companies_listed_after_a_colon_are_one_with_each():
    body = (
        "The Ministry of Energy of Norland signed memoranda of understanding with three companies on Monday: "
        "Vantora Solar LLC, Kestrel Power Group and Norta Grid Company."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", sorted(["Ministry of Energy of Norland", company]))
        for company in ("Vantora Solar LLC", "Kestrel Power Group", "Norta Grid Company")
    ]


def test_the_qatari_company_is_the_company_named_before():
    body = (
        "Vantora Solar LLC, based in Doha, leads the consortium.\n\n"
        "Peru and a consortium led by the Qatari company signed a memorandum of understanding on Monday."
    )
    assert agreements_of(body) == [("memorandum of understanding", ["Peru", "Vantora Solar LLC"])]


def test_documents_two_presidents_witnessed_being_signed_are_their_countries():
    body = (
        "President Ivo Marek of Peru and President Ana Lund of Chile held talks in Lima on Monday.\n\n"
        "Both presidents then witnessed the signing of the following documents:\n\n"
        "- an agreement on grid interconnection;\n- a memorandum on green hydrogen.\n"
    )
    assert sorted(agreements_of(body)) == [
        ("agreement", ["Chile", "Peru"]),
        ("memorandum of understanding", ["Chile", "Peru"]),
    ]


def test_two_signings_in_one_sentence_keep_their_own_dates():
    body = (
        "In May 2024 the four operators - Vantora Grid, Kestrel Power, Norta Energy and Lusk Power Company - signed "
        "a memorandum on creating the company, and on 3 September 2024, at the eighth ministerial meeting in "
        "Bucharest, the same four signed the shareholders' agreement."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [(a.kind, a.date) for a in facts.agreements] == [
        ("memorandum of understanding", "2024-05"),
        ("agreement", "2024-09-03"),
    ]


def test_a_date_in_a_relative_clause_after_the_document_is_not_its_signing_date():
    body = (
        "On 4 July 2024 the Lima Energy Forum opened in Lima. During the forum, Vantora Solar LLC and Kestrel Power "
        "Group signed a grid connection agreement covering the plant, where site preparation began in May."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [(a.kind, a.date) for a in facts.agreements] == [("agreement", "2024-07-04")]


def test_documents_signed_with_several_counterparts_each_keep_their_own_date():
    body = (
        "Peru signed energy cooperation agreements with Chile in Lima on 17 August 2022 and with Bolivia in "
        "La Paz on 24 May 2023."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [(sorted(p.name for p in a.parties), a.date) for a in facts.agreements] == [
        (["Chile", "Peru"], "2022-08-17"),
        (["Bolivia", "Peru"], "2023-05-24"),
    ]


def test_a_signing_announced_with_quoted_words_between_is_not_yet_an_agreement():
    assert agreements_of('Officials said Peru would "very soon" sign an agreement with Vantora Solar LLC.') == []


def test_a_memorandum_linking_two_firms_is_theirs():
    body = (
        "Two memoranda were signed in Lima on Monday:\n"
        "- a memorandum on energy statistics between Norland and Velmaria;\n"
        "- a memorandum linking the two state oil firms, Vantora Solar LLC and Oltec Energy Company, on storage."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Norland", "Velmaria"]),
        ("memorandum of understanding", ["Oltec Energy Company", "Vantora Solar LLC"]),
    ]


def test_a_bulleted_list_of_signed_documents_ends_at_the_next_paragraph():
    body = (
        "President Ivo Marek received President Ana Lund in Lima on Monday.\n\n"
        "Four memoranda of understanding were signed at the palace before the two presidents held their meeting:\n"
        "- a memorandum on energy statistics;\n"
        "- a memorandum on grid codes.\n\n"
        "According to officials, the trade ministers called for financial mechanisms to ease integration.\n\n"
        "The agricultural accords follow a trade mission earlier this year."
    )
    assert [kind for kind, _ in agreements_of(body)] == ["memorandum of understanding"] * 2


def test_both_presidents_witnessing_a_list_sign_for_their_countries_not_for_bodies_named_before():
    body = (
        "President Ivo Marek of Chile held talks with President Ana Lund of Peru in Lima on Monday.\n\n"
        "They signed a decision of the Supreme Council on the Council of Heads of Regions.\n\n"
        "Both presidents then witnessed the signing of further documents, listed below:\n\n"
        "1. Agreement between the Governments of Chile and Peru on the use of transboundary rivers;\n"
        "2. Agreement between the Governments on opening customs offices;\n"
        "3. Joint action plan for cooperation in tourism;\n"
        "4. Treaty on border crossings."
    )
    assert agreements_of(body)[-4:] == [
        ("agreement", ["Chile", "Peru"]),
        ("agreement", ["Chile", "Peru"]),
        ("agreement", ["Chile", "Peru"]),
        ("agreement", ["Chile", "Peru"]),
    ]


def test_an_award_for_an_agreement_is_no_agreement():
    assert agreements_of("The ministry awarded a medal to Ana Lund for the agreement she negotiated in 2019.") == []


def test_a_list_of_signed_documents_without_bullets_ends_at_a_line_no_document_opens():
    body = (
        "President Ivo Marek received President Ana Lund in Lima on Monday.\n\n"
        "The following documents were signed in the presence of the two presidents:\n\n"
        "Memorandum of Understanding on energy statistics;\n\n"
        "Agreement on grid codes.\n\n"
        "Trade grew, and a cooperation agreement on ports remains in force."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    listed = [a for a in facts.agreements if a.rule == "signed-list-item"]
    assert [a.kind for a in listed] == ["memorandum of understanding", "agreement"]


def test_the_governments_of_two_demonyms_are_the_two_countries():
    body = "The Chilean and Peruvian governments signed a joint declaration in June 2007 on linking their grids."
    assert agreements_of(body) == [("declaration", ["Chile", "Peru"])]


def test_the_signatories_of_the_document_named_just_before():
    body = (
        "The largest deal is an investment agreement for an industrial megaproject worth $10 billion.\n\n"
        "Its signatories include Vantora Solar LLC, Kestrel Power Group and Norta Grid Company."
    )
    assert agreements_of(body) == [
        ("investment agreement", ["Kestrel Power Group", "Norta Grid Company", "Vantora Solar LLC"])
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday, Vantora Solar LLC and the Ministry of Energy of Norland signed an agreement that replaces one "
        "signed in March 2020.",
        "Vantora Solar LLC and the Ministry of Energy of Norland, partners since 2018, signed an agreement on Monday.",
        "Vantora Solar LLC, founded in 2010, signed an agreement with the Ministry of Energy of Norland on Monday.",
        "After talks that began in January 2024, Vantora Solar LLC signed an agreement with the Ministry of Energy "
        "of Norland on Monday.",
    ],
)
def test_a_signing_is_dated_by_its_own_day_not_by_another_events(sentence):
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + sentence, PUBLISHED))
    assert [(sorted(p.name for p in a.parties), a.date) for a in facts.agreements] == [(PARTIES, "2025-03-03")]


def test_two_signings_after_the_day_they_share_both_take_it():
    body = (
        "A milestone came on 1 September 2017, when the presidents met in Lima: Vantora Solar LLC signed an "
        "agreement with Kestrel Power Group, and Norta Grid Company signed a memorandum with Oltec Energy Company."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [a.date for a in facts.agreements] == ["2017-09-01", "2017-09-01"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chilean and Peruvian officials signed a memorandum of understanding on grid links on Monday.",
        "A Chile-Peru memorandum of understanding on grid links was signed on Monday.",
    ],
)
def test_two_countries_named_by_their_adjectives_sign(sentence):
    assert agreements_of(sentence) == [("memorandum of understanding", ["Chile", "Peru"])]


def test_the_agreement_told_again_by_its_generic_name_is_the_same_document():
    body = (
        "Vantora Solar LLC signed an implementation agreement with the Ministry of Energy of Norland on Monday.\n\n"
        "The Ministry of Energy of Norland said the agreement it signed with Vantora Solar LLC covers a plant."
    )
    assert agreements_of(body) == [("implementation agreement", PARTIES)]


def test_an_agreement_and_a_memorandum_of_the_same_parties_signed_on_different_days_stay_two():
    body = (
        "Vantora Solar LLC signed a memorandum of understanding with the Ministry of Energy of Norland in 2023.\n\n"
        "Vantora Solar LLC signed an agreement with the Ministry of Energy of Norland on Monday."
    )
    assert [kind for kind, _ in agreements_of(body)] == ["memorandum of understanding", "agreement"]


def test_the_two_companies_are_the_two_named_last():
    body = (
        "Vantora Solar LLC and Kelvix Power Ltd have joined forces in Norland.\n\n"
        "The two companies signed a memorandum of understanding on Monday."
    )
    assert agreements_of(body) == [("memorandum of understanding", ["Kelvix Power Ltd", "Vantora Solar LLC"])]


def test_the_two_companies_are_nobody_when_three_were_named():
    body = (
        "Sunrex Solar LLC, Vantora Solar LLC and Kelvix Power Ltd are active in Norland.\n\n"
        "The two companies signed a memorandum of understanding on Monday."
    )
    assert agreements_of(body) == []


def test_a_day_between_the_signers_and_the_verb_dates_the_signing():
    body = "Peru's Energy Minister Ivan Petrov and Chile's Foreign Minister Ana Costa on Monday signed a declaration."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [a.date for a in facts.agreements] == ["2025-03-03"]


def test_leaders_who_watched_officials_exchange_memorandums_signed_them_for_their_countries():
    body = (
        "On Monday, Peruvian President Ivo Marek and Chilean President Ana Lund watched officials exchange another "
        "set of memorandums of understanding, this time on industry."
    )
    assert agreements_of(body) == [("memorandum of understanding", ["Chile", "Peru"])]


def test_documents_listed_after_a_colon_are_each_signed_by_those_the_clause_names():
    body = (
        "At a meeting held at the Ministry of Energy of Norland, Vantora Solar LLC signed three documents with "
        "Kelvix Power Ltd for the Velmar solar plant: an investment agreement, a power purchase agreement and a "
        "grid connection agreement."
    )
    assert agreements_of(body) == [
        (kind, ["Kelvix Power Ltd", "Vantora Solar LLC"]) for kind in ("investment agreement", "agreement", "agreement")
    ]


def test_a_counterpart_with_a_post_after_the_name_signs_for_the_organization():
    body = "Vantora Solar LLC signed a declaration of intent with Ana Lund, CEO of Kelvix Power Ltd, on Monday."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [sorted(p.name for p in a.parties) for a in facts.agreements] == [["Kelvix Power Ltd", "Vantora Solar LLC"]]
    assert [(p.person.name, p.role, p.organization.name) for p in facts.posts] == [
        ("Ana Lund", "CEO", "Kelvix Power Ltd")
    ]


def test_the_i_of_a_post_is_the_author_its_box_names_who_signs_for_the_organization_of_the_box():
    body = (
        "Ana Lund\n\nCEO, Vantora Solar LLC\n\n"
        "Today I signed a memorandum of understanding with Ivo Marek, CEO of Kelvix Power Ltd, in Lima.\n\n"
        "Peru's President Tomas Berg and Peru's Foreign Minister Rosa Vidal looked on, and Berg praised the deal."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [sorted(p.name for p in a.parties) for a in facts.agreements] == [["Kelvix Power Ltd", "Vantora Solar LLC"]]


def test_the_ministry_is_the_ministry_of_the_minister_named_before():
    body = (
        "Peru's Minister of Energy Ivo Marek met Vantora Solar LLC executives in Lima.\n\n"
        "On Monday the ministry signed a memorandum of understanding with Vantora Solar LLC."
    )
    assert agreements_of(body) == [("memorandum of understanding", ["Ministry of Energy of Peru", "Vantora Solar LLC"])]


def test_his_ministry_is_the_ministry_of_the_minister_the_sentence_names():
    body = (
        "Peru's Foreign Minister Ivo Marek said on Monday that his ministry had signed an agreement with "
        "Vantora Solar LLC."
    )
    assert agreements_of(body) == [("agreement", ["Ministry of Foreign Affairs of Peru", "Vantora Solar LLC"])]


def test_the_consortium_is_its_members():
    body = (
        "The ministry picked a consortium led by Velmar Power and Kestrel Capital for the plant. On Monday the "
        "consortium signed a power purchase agreement with the Norland Grid Company."
    )
    assert agreements_of(body) == [
        ("agreement", ["Kestrel Capital", "Norland Grid Company", "Velmar Power"]),
    ]


def test_a_signatory_with_a_regional_post_signs_for_the_company():
    body = (
        "The agreement was signed by Ivo Marek, managing director of Norland Power Company, and by Lena Berg, "
        "managing director for Africa of Velmar AG."
    )
    assert agreements_of(body) == [("agreement", ["Norland Power Company", "Velmar AG"])]


@pytest.mark.parametrize("documents", ["cooperation agreements", "documents", "cooperation texts", "legal instruments"])
def test_documents_counted_and_signed_between_the_two_countries_are_each_theirs(documents):
    body = (
        "President Ivo Marek of Peru held talks with Chile's President Ana Lund in Lima on Monday. "
        f"Three {documents} were then signed between the two countries."
    )
    assert (
        agreements_of(body)
        == [("cooperation agreement" if "agreements" in documents else "agreement", ["Chile", "Peru"])] * 3
    )


def test_documents_neither_counted_nor_named_are_no_agreement():
    body = "President Ivo Marek of Peru held talks with Chile's President Ana Lund in Lima. The documents were signed."
    assert agreements_of(body) == []


def test_a_document_signed_in_the_presence_of_two_heads_of_state_is_their_countries():
    body = (
        "A memorandum on energy was signed in Lima on Monday in the presence of President Ivo Marek of Peru and "
        "Chile's President Ana Lund."
    )
    assert agreements_of(body) == [("memorandum of understanding", ["Chile", "Peru"])]


def test_items_headed_by_their_parties_under_an_opener_that_names_one_signer():
    body = (
        "Vantora Power signed agreements with three partners in Lima on Monday:\n\n"
        "• Vantora Power – Kestrel Bank: memorandum of understanding on green hydrogen.\n"
        "• Vantora Power – Halvik Grid – Lumen Storage Group: agreement on a battery plant.\n"
        "• Vantora Power – Druk Hydro Corporation: agreement on research."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Kestrel Bank", "Vantora Power"]),
        ("agreement", ["Halvik Grid", "Lumen Storage Group", "Vantora Power"]),
        ("agreement", ["Druk Hydro Corporation", "Vantora Power"]),
    ]


def test_documents_signed_in_the_passive_after_talks_are_the_sides_of_the_talks():
    body = (
        "President Ivo Marek of Peru held talks with President Ana Lund of Chile in Lima on Monday.\n\n"
        "Agreements on energy cooperation, on health and on higher education were signed."
    )
    assert agreements_of(body) == [("agreement", ["Chile", "Peru"])] * 3


def test_documents_signed_in_the_passive_long_after_the_talks_are_nobodys():
    body = (
        "President Ivo Marek of Peru held talks with President Ana Lund of Chile in Lima on Monday.\n\n"
        "Prices rose. Markets fell. Rain came. Two memoranda were signed."
    )
    assert agreements_of(body) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the Ministry of Energy of Norland and Vantora Solar LLC agreed a deal to build a power line.",
        "On Monday the Ministry of Energy of Norland and Vantora Solar LLC formalised their cooperation with a "
        "memorandum of understanding.",
    ],
)
def test_a_deal_agreed_or_cooperation_formalised_is_a_document(sentence):
    assert [parties for _, parties in agreements_of(sentence)] == [PARTIES]


def test_agreement_reached_without_a_document_is_none():
    assert agreements_of("On Monday Norland and Velmaria reached agreement to build a plant in two stages.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday President Ivo Marek of Peru and President Ana Lund of Chile witnessed the exchange of agreements "
        "on energy.",
        "On Monday President Ivo Marek of Peru and President Ana Lund of Chile presided at the Palace of Lima over "
        "the exchange of a long list of agreements.",
    ],
)
def test_leaders_who_witness_or_preside_over_an_exchange_of_documents_are_its_sides(sentence):
    assert agreements_of(sentence) == [("agreement", ["Chile", "Peru"])]


def test_documents_exchanged_with_several_words_before_them_are_signed():
    sentence = (
        "On Monday Peru's Energy Minister Ivo Marek exchanged grid-sector and high-voltage line memoranda with "
        "Vantora Solar LLC."
    )
    assert agreements_of(sentence) == [("memorandum of understanding", ["Peru", "Vantora Solar LLC"])]


def test_views_exchanged_on_a_draft_agreement_sign_nothing():
    assert agreements_of("On Monday Ivo Marek exchanged views on the draft agreement with Ana Lund of Chile.") == []


def test_persons_who_signed_for_an_organization_sign_as_that_organization():
    sentence = (
        "On Monday the memorandum was signed by Ivo Marek for the Ministry of Energy of Norland and by Ana Lund "
        "for Vantora Solar LLC."
    )
    assert agreements_of(sentence) == [("memorandum of understanding", PARTIES)]


def test_documents_signed_without_a_count_are_one_signing():
    sentence = "On Monday the Ministry of Energy of Norland and Vantora Solar LLC signed documents expanding work."
    assert agreements_of(sentence) == [("agreement", PARTIES)]


def test_the_documents_a_list_opener_announces_are_not_one_more():
    body = (
        "On Monday Vantora Solar LLC and Kestrel Bank signed documents:\n"
        "- a memorandum of understanding on grids;\n"
        "- an agreement on storage."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Kestrel Bank", "Vantora Solar LLC"]),
        ("agreement", ["Kestrel Bank", "Vantora Solar LLC"]),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "President Ivo Marek of Peru paid a state visit to Chile in January, which ended with the signing of "
        "fourteen bilateral documents.",
        "President Ivo Marek of Peru paid a state visit to Chile in January. The visit ended with the signing of "
        "documents on trade.",
    ],
)
def test_a_visit_that_ended_with_a_signing_was_signed_by_its_sides(body):
    assert agreements_of(body) == [("agreement", ["Chile", "Peru"])]


def test_a_signing_told_again_by_one_party_is_the_document_already_told():
    body = (
        "On 3 March the Ministry of Energy of Norland and Vantora Solar LLC signed a memorandum of understanding.\n\n"
        "It covers two plants. Prices rose. The minister signed the memorandum for the Ministry of Energy of Norland."
    )
    assert agreements_of(body) == [("memorandum of understanding", PARTIES)]


def test_those_who_join_a_memorandum_become_its_parties():
    sentence = "On Monday Vantora Solar LLC and Kestrel Bank joined the memorandum of cooperation on the grid corridor."
    assert agreements_of(sentence) == [("memorandum of understanding", ["Kestrel Bank", "Vantora Solar LLC"])]


def test_a_power_purchase_agreement_a_company_holds_is_an_agreement_in_force():
    sentence = "Vantora Solar LLC holds a 25-year power purchase agreement with Kestrel Bank."
    assert agreements_of(sentence) == [("agreement", ["Kestrel Bank", "Vantora Solar LLC"])]


def test_the_sides_told_on_the_one_side_and_on_the_other_are_the_parties():
    sentence = (
        "On Monday a memorandum was signed between the Ministry of Energy of Norland, on the one side, and "
        "Vantora Solar LLC, on the other."
    )
    assert agreements_of(sentence) == [("memorandum of understanding", PARTIES)]


def test_a_place_a_signatorys_post_names_is_no_party():
    sentence = (
        "In December 2019 Ivo Marek, head of Kestrel Bank's Lima office, and Ana Lund, the ambassador of the "
        "European Union, signed the contribution agreement in Lima."
    )
    assert all(kind == "agreement" and "Lima" not in parties for kind, parties in agreements_of(sentence))


def test_the_kingdom_is_the_one_kingdom_the_article_names():
    body = "Morocco and Peru are linking their grids.\n\nOn 15 July a contract was signed between the Kingdom and Peru."
    assert agreements_of(body) == [("agreement", ["Morocco", "Peru"])]


def test_a_date_opening_the_sentence_of_a_document_dates_its_signing():
    body = "Headline\n\nOn 15 February a contract was signed between Peru and Chile."
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    assert [a.date for a in facts.agreements] == ["2025-02-15"]


def test_documents_concluded_with_several_countries_are_one_with_each():
    body = "That same year memorandums were concluded with Peru, Chile and Bolivia."
    countries = ("Peru", "Chile", "Bolivia")
    assert agreements_of(body) == [("memorandum of understanding", [country]) for country in countries]


def test_a_memorandum_announced_with_a_counterpart_is_concluded():
    sentence = "On Monday Vantora Solar LLC announced a legally binding memorandum with Kestrel Bank on a pipeline."
    assert agreements_of(sentence) == [("memorandum of understanding", ["Kestrel Bank", "Vantora Solar LLC"])]


def test_a_plan_announced_is_no_agreement():
    assert agreements_of("Vantora Solar LLC announced a plan to sign an agreement with Kestrel Bank.") == []


def test_deals_finalised_by_count_then_listed_with_their_counterparts_are_one_with_each():
    sentence = (
        "On Monday Vantora Solar LLC finalised four 20-year deals: supply agreements with Kestrel Bank and "
        "Lumen Storage Group, and heads of agreement with Halvik Grid and Druk Hydro Corporation."
    )
    assert sorted(parties for _, parties in agreements_of(sentence)) == sorted(
        sorted(["Vantora Solar LLC", other])
        for other in ("Kestrel Bank", "Lumen Storage Group", "Halvik Grid", "Druk Hydro Corporation")
    )


def test_a_signing_line_that_runs_on_over_bullets_opens_a_list_signed_by_the_sides_of_the_talks():
    body = (
        "Chile's President Ana Lund held talks with Peru's President Ivo Marek in Lima on Tuesday. "
        "Vantora Power, Kestrel Grid and Andes Energy sponsored the lunch.\n\n"
        "Signed at the palace after the talks: a joint statement plus 3 agreements\n"
        "• Joint Statement on expanding the strategic partnership\n"
        "• readmission agreement\n"
        "• Vantora Power x Kestrel Grid: energy infrastructure\n\n"
        "The weather was fine."
    )
    assert sorted((kind, sorted(parties)) for kind, parties in agreements_of(body)) == [
        ("agreement", ["Chile", "Peru"]),
        ("agreement", ["Kestrel Grid", "Vantora Power"]),
        ("joint statement", ["Chile", "Peru"]),
    ]


def test_among_them_after_the_exchange_of_documents_lists_documents_the_sides_signed():
    body = (
        "Chile's President Ana Lund held talks with Peru's President Ivo Marek in Lima on Tuesday. "
        "After the talks, the two leaders witnessed the exchange of 12 documents. Among them were:\n"
        "- an MoU on visa exemption;\n"
        "- an Exchange of Notes on a joint dialogue.\n"
    )
    assert agreements_of(body)[-2:] == [
        ("memorandum of understanding", ["Chile", "Peru"]),
        ("agreement", ["Chile", "Peru"]),
    ]


def test_a_document_named_by_a_pair_of_countries_is_theirs_not_the_subject_that_welcomes_it():
    body = "The declaration welcomes the Chilean-Peruvian Treaty on the State Border signed on 13 March 2025."
    assert agreements_of(body) == [("agreement", ["Chile", "Peru"])]


def test_the_grouping_of_the_summit_a_signing_came_after_signs_nothing():
    body = (
        "When President Ivo Marek of Peru paid a state visit to Santiago on 20 November, straight after the G20 "
        "summit in Rio, he and President Ana Lund of Chile oversaw the signing of 37 cooperation documents."
    )
    assert [parties for _, parties in agreements_of(body)] == [["Chile", "Peru"]]


def test_a_list_whose_opener_names_no_side_is_signed_by_the_sides_of_the_document_just_signed():
    body = (
        "Chile's President Ana Lund and Peru's President Ivo Marek adopted a Joint Declaration on the "
        "strategic partnership on Tuesday. Around ten agreements were exchanged in their presence.\n\n"
        "What was signed (thread)\n"
        "• agreement on the mutual protection of investments\n"
        "• a memorandum on grids\n\n"
        "The leaders then had lunch."
    )
    assert agreements_of(body)[1:] == [
        ("agreement", ["Chile", "Peru"]),
        ("memorandum of understanding", ["Chile", "Peru"]),
    ]


def test_a_first_person_list_of_documents_is_not_given_the_sides_of_the_documents_counted_before():
    body = (
        "LIMA - Vantora Power today signed three agreements with Peru. The documents were signed at the forum.\n\n"
        "What we signed today:\n\n"
        "- a memorandum of understanding with Kestrel Grid on connecting the project to the grid.\n\n"
        "The plant will be built next year."
    )
    assert ("memorandum of understanding", ["Peru", "Vantora Power"]) not in agreements_of(body)


def test_they_include_after_documents_concluded_lists_them():
    body = (
        "Chile and Peru concluded five agreements on Tuesday. They include:\n"
        "- a memorandum on grids;\n- an agreement on culture.\n"
    )
    assert agreements_of(body)[-2:] == [
        ("memorandum of understanding", ["Chile", "Peru"]),
        ("agreement", ["Chile", "Peru"]),
    ]
    assert [a.rule for a in extract_article(Article("t", Path("t.txt"), "T", body, PUBLISHED)).agreements][-2:] == [
        "signed-list-item",
        "signed-list-item",
    ]


def test_the_us_in_a_lists_opener_is_no_first_person():
    from pactgraph.extract import _FIRST_PERSON

    assert not _FIRST_PERSON.search("What the US signed (thread)") and _FIRST_PERSON.search("What we signed today:")
