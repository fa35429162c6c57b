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


def meetings_of(body: str):
    return sorted((sorted(p.name for p in m.participants), m.date) for m in facts_of(body).meetings)


def test_a_delegation_head_takes_part_but_does_not_sign():
    body = (
        "Mongolia's Ministry of Energy and a delegation of Tern River Power Corporation headed by Chairman "
        "Jonas Brekke signed a memorandum of understanding on Tuesday."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Ministry of Energy of Mongolia", "Tern River Power Corporation"])
    ]


def test_separate_meetings_with_several_counterparts_are_one_meeting_each():
    body = (
        "On Monday, Energy Minister Arman Sadykov held separate meetings with Vela Solar CEO Ines Moreau "
        "and Corvus Grid chairman Tomas Lindqvist."
    )
    assert meetings_of(body) == [
        (["Arman Sadykov", "Ines Moreau"], "2025-05-12"),
        (["Arman Sadykov", "Tomas Lindqvist"], "2025-05-12"),
    ]


def test_a_meeting_held_with_a_counterpart_is_a_meeting():
    body = "Energy Minister Arman Sadykov held a meeting with Vela Solar CEO Ines Moreau in Astana on Monday."
    meeting = facts_of(body).meetings[0]
    assert (sorted(p.name for p in meeting.participants), meeting.date, meeting.place.name) == (
        ["Arman Sadykov", "Ines Moreau"],
        "2025-05-12",
        "Astana",
    )


def test_a_session_of_a_bilateral_commission_is_a_meeting_of_both_countries():
    body = "The 9th meeting of the Kazakhstan-China Intergovernmental Commission was held in Astana on May 6."
    assert meetings_of(body) == [(["China", "Kazakhstan"], "2025-05-06")]


def test_those_who_hold_a_session_take_part_in_it():
    body = "Georgia and Armenia held the first session of their joint working group on energy in Tbilisi on May 2."
    assert meetings_of(body) == [(["Armenia", "Georgia"], "2025-05-02")]


def test_a_titled_name_followed_by_an_organization_is_a_person():
    body = (
        "A groundbreaking ceremony for the wind farm was held on Tuesday, attended by President Mara Ilves "
        "and Kestrel Power chairman Omar Haddad."
    )
    (meeting,) = facts_of(body).meetings
    assert {"Mara Ilves", "Omar Haddad"} <= {p.name for p in meeting.participants}
    assert not any(" and " in p.name for p in meeting.participants)


def test_the_ministry_and_the_company_refer_back_to_the_ones_named_before():
    body = (
        "The Ministry of Energy of Mongolia received a delegation of Tern River Power Corporation on Monday. "
        "The ministry and the company signed a memorandum of understanding on a 200 MW wind farm."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Ministry of Energy of Mongolia", "Tern River Power Corporation"])
    ]


def test_a_back_reference_with_two_candidates_in_the_nearest_sentence_stays_unresolved():
    body = (
        "Kestrel Grid Company and Lumen Storage Group presented their plans. "
        "The company signed a memorandum with the Ministry of Energy of Mongolia."
    )
    (agreement,) = facts_of(body).agreements
    assert [p.name for p in agreement.parties] == ["Ministry of Energy of Mongolia"]  # the company is not guessed
    assert "other-party-unidentified" in agreement.caveats


def test_a_document_signed_on_the_same_day_takes_the_date_of_the_meeting():
    body = (
        "Energy Minister Arman Sadykov met Vela Solar CEO Ines Moreau in Astana on Monday. "
        "On the same day, the Ministry of Energy of Kazakhstan and Vela Solar Group signed an agreement."
    )
    (agreement,) = facts_of(body).agreements
    assert agreement.date == "2025-05-12"  # "the same day" is the day told just before


def test_reported_speech_after_between_is_not_a_party():
    body = (
        "The Ministry of Energy of Mongolia and Tern River Power Corporation signed a memorandum on "
        "cooperation between the two sides, the ministry said."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Ministry of Energy of Mongolia", "Tern River Power Corporation"])
    ]


def test_documents_coordinated_after_one_signing_verb_are_each_an_agreement():
    body = (
        "Kestrel Power signed the project's investment agreement, power purchase agreement and grid "
        "connection agreement with the Ministry of Energy of Mongolia in March 2021."
    )
    assert agreements_of(body) == [
        ("agreement", ["Kestrel Power", "Ministry of Energy of Mongolia"]),
        ("agreement", ["Kestrel Power", "Ministry of Energy of Mongolia"]),
        ("investment agreement", ["Kestrel Power", "Ministry of Energy of Mongolia"]),
    ]
    assert {a.date for a in facts_of(body).agreements} == {"2021-03"}


def test_a_signed_memorandum_and_a_discussed_agreement_are_one_agreement():
    body = "Kestrel Power and the Ministry of Energy of Mongolia signed a memorandum and discussed the agreement."
    assert agreements_of(body) == [("memorandum of understanding", ["Kestrel Power", "Ministry of Energy of Mongolia"])]


def test_bulleted_documents_without_parties_are_signed_by_those_the_opener_names():
    body = (
        "Ulaanbaatar, 3 February 2025 – The Ministry of Energy of Mongolia and Kestrel Power Group today signed "
        "three documents.\n\n"
        "The documents were signed by Minister of Energy Bold Ganbaatar and Kestrel Power Group chairman "
        "Omar Haddad:\n\n"
        "• Implementation Agreement relating to a 500 MW wind project;\n"
        "• Implementation Agreement relating to a 300 MW solar project;\n"
        "• Memorandum of Understanding in relation to battery storage.\n"
    )
    facts = facts_of(body)
    parties = ["Kestrel Power Group", "Ministry of Energy of Mongolia"]
    assert sorted((a.kind, sorted(p.name for p in a.parties), a.date) for a in facts.agreements) == [
        ("implementation agreement", parties, "2025-02-03"),
        ("implementation agreement", parties, "2025-02-03"),
        ("memorandum of understanding", parties, "2025-02-03"),
    ]


def test_a_signed_roadmap_is_an_agreement():
    body = "In June 2024 Kestrel Power signed a roadmap for the wind farm with the Ministry of Energy of Mongolia."
    assert agreements_of(body) == [("agreement", ["Kestrel Power", "Ministry of Energy of Mongolia"])]


def visits_of(body: str):
    return sorted((m.label, m.date, m.planned) for m in facts_of(body).meetings if m.kind == "visit")


def test_a_state_visit_named_by_its_noun_is_a_visit_of_the_person_the_clause_is_about():
    body = "President Arman Sadykov, who is in Mongolia on a state visit, met Prime Minister Bold Ganbaatar on Monday."
    assert visits_of(body) == [("Visit of Arman Sadykov to Mongolia", "2025-05-12", False)]


def test_his_working_trip_is_the_trip_of_the_person_named_after_it():
    body = "During his working trip to Tashkent in March, President Arman Sadykov met Energy Minister Ines Moreau."
    assert visits_of(body) == [("Visit of Arman Sadykov to Tashkent", "2025-03", False)]


def test_the_state_visit_of_someone_to_a_country_later_this_year_is_planned():
    body = "A roadmap is to be signed during the state visit of President Arman Sadykov to Mongolia later this year."
    assert visits_of(body) == [("Visit of Arman Sadykov to Mongolia", "2025", True)]


def test_a_visit_by_someone_not_named_in_full_is_not_guessed():
    body = "Energy Minister Arman Sadykov met Ines Moreau during an official visit to Mongolia by Ganbaatar."
    assert visits_of(body) == []


def test_a_site_visit_is_not_a_diplomatic_visit():
    body = "Energy Minister Arman Sadykov made a working visit to the plant in Mongolia on Monday."
    assert visits_of(body) == []


def test_names_joined_by_bin_are_one_person_without_honorifics():
    body = "His Highness Sheikh Khalid bin Rashid Al Falasi held talks with Prince Faisal bin Omar in Doha on Monday."
    (meeting,) = facts_of(body).meetings
    assert sorted(p.name for p in meeting.participants) == ["Faisal bin Omar", "Khalid bin Rashid Al Falasi"]


def test_the_government_named_by_its_demonym_is_the_country():
    body = "The Mongolian government and Tern River Power Corporation signed a memorandum of understanding."
    assert agreements_of(body) == [("memorandum of understanding", ["Mongolia", "Tern River Power Corporation"])]


def test_signed_two_agreements_is_two_agreements():
    body = "At the ceremony the Government of Mongolia signed two agreements with Tern River Power Corporation."
    assert len(facts_of(body).agreements) == 2


def test_the_four_governments_are_the_four_countries_named_before():
    body = (
        "Georgia, Armenia, Mongolia and Hungary back the corridor. On 25 July 2023 the four governments signed "
        "a memorandum of understanding on a joint venture."
    )
    assert agreements_of(body) == [("memorandum of understanding", ["Armenia", "Georgia", "Hungary", "Mongolia"])]


def test_the_document_was_signed_on_a_day_dates_the_agreement_just_reported():
    body = (
        "ULAANBAATAR, 13 May – Tern River Power Corporation has concluded an investment agreement with the "
        "Ministry of Energy of Mongolia. The document was signed at a ceremony on 12 May by the minister."
    )
    (agreement,) = facts_of(body).agreements
    assert agreement.date == "2025-05-12"


def test_a_signed_implementation_programme_is_an_agreement():
    body = "The energy ministers of Mongolia and Georgia signed an implementation programme on green energy."
    assert [a.kind for a in facts_of(body).agreements] == ["agreement"]


def test_a_sentence_opening_with_in_and_a_year_is_dated():
    body = "In 2023 Energy Minister Arman Sadykov met Ines Moreau, CEO of Vela Solar Group, in Astana."
    assert [m.date for m in facts_of(body).meetings] == ["2023"]


def test_a_national_target_is_not_a_capacity():
    body = (
        "Mongolia plans to have 7 GW of solar and 5 GW of wind capacity in place by 2030. "
        "Tern River Power Corporation will build a 300 MW solar plant near Darkhan."
    )
    assert [c.value_mw for c in facts_of(body).capacities] == [300.0]


def ceremonies_of(body: str):
    return sorted(
        (sorted(p.name for p in m.participants), m.date) for m in facts_of(body).meetings if m.kind == "ceremony"
    )


def test_laying_a_foundation_stone_is_a_ceremony_of_those_who_laid_it():
    body = (
        "On 3 May, President Mara Ilves and Energy Minister Prince Faisal bin Omar laid the foundation stone "
        "of the 300 MW Darkhan solar plant."
    )
    assert ceremonies_of(body) == [(["Faisal bin Omar", "Mara Ilves"], "2025-05-03")]


def test_a_foundation_stone_laid_by_someone_is_a_ceremony_too():
    body = "The foundation stone was laid on 3 May by President Mara Ilves and Energy Minister Arman Sadykov."
    assert ceremonies_of(body) == [(["Arman Sadykov", "Mara Ilves"], "2025-05-03")]


def test_inaugurating_a_plant_is_a_ceremony_but_a_plant_inaugurated_long_ago_is_not():
    assert ceremonies_of("Prime Minister Omar Haddad inaugurated the Darkhan solar plant on 3 May.") == [
        (["Omar Haddad"], "2025-05-03")
    ]
    assert ceremonies_of("The wind farm was inaugurated in 2019 as the country's first.") == []
    assert ceremonies_of("President Mara Ilves opened the forum on Monday.") == []


def test_lower_case_bullets_under_an_opener_are_items_with_their_own_parties():
    body = (
        "After the talks, the leaders attended a ceremony at which documents were signed.\n\n"
        "They include:\n\n"
        "- an agreement between Tern River Power Corporation and Kestrel Grid Company on a wind farm;\n"
        "- a memorandum of understanding between Lumen Storage Group and Vela Solar Group on batteries.\n"
    )
    assert agreements_of(body) == [
        ("agreement", ["Kestrel Grid Company", "Tern River Power Corporation"]),
        ("memorandum of understanding", ["Lumen Storage Group", "Vela Solar Group"]),
    ]


def test_a_ministry_with_a_list_of_portfolios_is_one_name():
    body = (
        "A memorandum was signed between Mongolia's Ministry of Trade, Industry and Energy and the Ministry "
        "of Energy of Georgia."
    )
    assert agreements_of(body) == [
        (
            "memorandum of understanding",
            ["Ministry of Energy of Georgia", "Ministry of Trade, Industry and Energy of Mongolia"],
        )
    ]


def test_of_a_and_b_inside_a_name_but_not_after_a_country():
    names = {
        e.name
        for e in facts_of("The National Center of Science and Technology Evaluation met Vela Solar Group.").entities
    }
    assert "National Center of Science and Technology Evaluation" in names
    body = "An investment agreement was signed between the Government of Mongolia and TERN ONE on Monday."
    assert agreements_of(body) == [("investment agreement", ["Government of Mongolia", "TERN ONE"])]


def test_an_event_named_in_passing_with_nobody_in_it_is_not_a_meeting():
    assert facts_of("The report was released at the opening ceremony, followed by three forums.").meetings == []
    (planned,) = facts_of("The Caspian Energy Forum will be held in Baku in November.").meetings
    assert (planned.place.name, planned.date, planned.planned) == ("Baku", "2025-11", True)


def test_the_visitor_is_the_person_nearest_before_the_visit():
    body = (
        "Sheikh Khalid bin Rashid Al Falasi held talks with Sultan Faisal bin Omar in Doha on Monday, as "
        "Sultan Faisal bin Omar began a two-day state visit to Qatar."
    )
    assert [m.participants[0].name for m in facts_of(body).meetings if m.kind == "visit"] == ["Sultan Faisal bin Omar"]


def test_his_visit_as_the_setting_of_a_meeting_is_not_a_visit_of_its_own():
    body = "During his visit to Tashkent, Energy Minister Arman Sadykov met Ines Moreau, CEO of Vela Solar Group."
    assert [m.kind for m in facts_of(body).meetings] == ["meeting"]


def posts_of(body: str):
    return sorted((p.person.name, p.role) for p in facts_of(body).posts)


def test_a_plural_title_before_a_list_gives_each_person_the_post():
    body = "The deal was signed in the presence of Presidents Mara Ilves, Arman Sadykov and Omar Haddad."
    assert posts_of(body) == [
        ("Arman Sadykov", "President"),
        ("Mara Ilves", "President"),
        ("Omar Haddad", "President"),
    ]


def test_a_minister_with_a_list_of_portfolios_before_the_name():
    body = "Minister of Investment, Industry and Trade Arman Sadykov met the delegation."
    assert posts_of(body) == [("Arman Sadykov", "Minister of Investment, Industry and Trade")]


def test_a_bare_name_described_as_a_company_is_an_organization():
    body = "The state concern Tarkhanenergo signed a memorandum of understanding with Kestrel Grid Company."
    assert agreements_of(body) == [("memorandum of understanding", ["Kestrel Grid Company", "Tarkhanenergo"])]
    body = "London-listed Corvion signed an agreement with the Ministry of Energy of Mongolia."
    assert agreements_of(body) == [("agreement", ["Corvion", "Ministry of Energy of Mongolia"])]


def test_coordinated_plural_documents_each_keep_one_entry():
    body = (
        "Kestrel Power signed investment agreements for the projects with the Ministry of Energy of Mongolia "
        "and power purchase agreements with the state grid company."
    )
    assert sorted(a.kind for a in facts_of(body).agreements) == ["agreement", "investment agreement"]


def partnerships_of(body: str):
    return sorted((p.kind, sorted(e.name for e in p.partners), p.date) for p in facts_of(body).partnerships)


def test_embroidered_partnership_levels_map_to_the_ontology_kinds():
    body = "In 2024 Mongolia and Georgia established an all-weather comprehensive strategic cooperative partnership."
    assert partnerships_of(body) == [("comprehensive strategic partnership", ["Georgia", "Mongolia"], "2024")]


def test_a_partnership_named_in_passing_needs_its_partners_beside_it():
    body = "He called it a milestone in the strategic partnership between Mongolia and Georgia."
    assert partnerships_of(body) == [("strategic partnership", ["Georgia", "Mongolia"], None)]
    assert partnerships_of("He called it a milestone in their strategic partnership.") == []


def test_a_hyphenated_pair_with_a_two_word_country_names_the_partners():
    body = "The leaders established a Mongolia-South Africa comprehensive strategic cooperative partnership."
    assert partnerships_of(body) == [("comprehensive strategic partnership", ["Mongolia", "South Africa"], None)]


def test_that_summit_is_the_summit_named_last_and_the_name_wins():
    body = (
        "The push follows the Green Grid Summit in Nairobi in September. On the sidelines of that summit, "
        "Tern River Power Corporation chairman Omar Haddad and Kestrel Grid Company chief executive Ines Moreau "
        "signed a memorandum of understanding."
    )
    labels = [m.label for m in facts_of(body).meetings]
    assert labels == ["Green Grid Summit"]


def test_a_lower_case_noun_after_a_named_event_is_the_same_event():
    body = "Deals were signed at the COP28 climate summit, where Tern River Power Corporation met Kestrel Grid Company."
    assert [m.label for m in facts_of(body).meetings if m.named] == ["COP28"]


def test_during_a_trip_the_visitor_is_the_one_the_sentence_is_about():
    body = (
        "President Arman Sadykov raised the project when he received Vela Solar CEO Ines Moreau during a working "
        "trip to Tashkent in January."
    )
    assert visits_of(body) == [("Visit of Arman Sadykov to Tashkent", "2025-01", False)]


def test_the_demonym_side_is_the_country():
    body = "Kestrel Power signed the investment agreement with the Mongolian side in December 2020."
    assert agreements_of(body) == [("investment agreement", ["Kestrel Power", "Mongolia"])]


def test_after_the_talks_the_talks_date_the_signing_not_an_older_meeting():
    body = (
        "Arman Sadykov held talks with Omar Haddad in Astana on Monday. In 2023 Sadykov met Haddad in Doha. "
        "After the talks, the two presidents signed a joint statement."
    )
    (statement,) = facts_of(body).agreements
    assert statement.date == "2025-05-12"


def test_received_by_is_a_meeting_of_the_guest_and_the_host():
    body = "The delegation headed by Minister Omar Haddad was also received by Deputy Prime Minister Arman Sadykov."
    assert meetings_of(body) == [(["Arman Sadykov", "Omar Haddad"], "2025-05")]


def test_talks_held_in_a_city_with_a_counterpart():
    body = "On 1 September 2017, President Mara Ilves held talks in Ulaanbaatar with President Omar Haddad."
    assert meetings_of(body) == [(["Mara Ilves", "Omar Haddad"], "2017-09-01")]


def test_a_committee_meeting_between_two_countries_has_both_in_it():
    body = (
        "Doha hosted the first meeting of the Cooperation Committee on Strategic Partnership between Mongolia "
        "and Georgia on Monday."
    )
    assert meetings_of(body) == [(["Georgia", "Mongolia"], "2025-05-12")]


def test_particles_inside_european_names():
    names = {e.name for e in facts_of("Ursula von der Leyen met Ilham Aliyev in Baku on Monday.").entities}
    assert "Ursula von der Leyen" in names


def test_we_signed_in_a_company_statement_is_the_company_named_most_with_a_caveat():
    body = (
        "Kestrel Power Group is a developer of wind farms. Kestrel Power Group operates in five countries. "
        "Today we signed a memorandum of understanding with the Ministry of Energy of Mongolia."
    )
    (agreement,) = facts_of(body).agreements
    assert sorted(p.name for p in agreement.parties) == ["Kestrel Power Group", "Ministry of Energy of Mongolia"]
    assert "first-person" in agreement.caveats


def test_common_news_forms_of_a_meeting():
    cases = [
        "Energy Minister Arman Sadykov discussed cooperation with Ines Moreau, CEO of Vela Solar Group, on Monday.",
        "During a meeting between Energy Minister Arman Sadykov and Ines Moreau, CEO of Vela Solar Group, they talked.",
        "Energy Minister Arman Sadykov spoke by phone with Ines Moreau, CEO of Vela Solar Group, on Monday.",
        "Energy Minister Arman Sadykov welcomed Ines Moreau, CEO of Vela Solar Group, to Astana on Monday.",
        "At a meeting with Energy Minister Arman Sadykov, Ines Moreau, CEO of Vela Solar Group, presented the plan.",
    ]
    for body in cases:
        assert [sorted(p.name for p in m.participants) for m in facts_of(body).meetings] == [
            ["Arman Sadykov", "Ines Moreau"]
        ], body


def test_welcoming_a_decision_or_discussing_with_journalists_is_no_meeting():
    assert facts_of("The minister welcomed the decision of the government.").meetings == []
    assert facts_of("The minister discussed the results with journalists.").meetings == []


def test_a_deal_inked_with_a_ministry_is_an_agreement():
    body = "Kestrel Power Group inked a deal with the Ministry of Energy of Mongolia to build a solar plant."
    assert agreements_of(body) == [("agreement", ["Kestrel Power Group", "Ministry of Energy of Mongolia"])]


def test_exchanged_memoranda_are_signed_documents():
    body = "The foreign ministers of Mongolia and Georgia exchanged the memoranda on energy cooperation."
    assert agreements_of(body) == [("memorandum of understanding", ["Georgia", "Mongolia"])]
    assert facts_of("The two leaders exchanged views on energy.").agreements == []


def test_those_who_gathered_for_a_described_meeting_take_part_in_it():
    body = "The leaders of Mongolia, Georgia and Armenia gathered in Tbilisi for the consultative meeting."
    assert meetings_of(body) == [(["Armenia", "Georgia", "Mongolia"], None)]
    body = "Energy ministers of Mongolia, Georgia and Armenia held a trilateral meeting in Tbilisi on Monday."
    assert meetings_of(body) == [(["Armenia", "Georgia", "Mongolia"], "2025-05-12")]


def test_a_ppa_concluded_with_a_described_utility_is_an_agreement():
    body = "Vela Solar Group has concluded a 25-year PPA with the state utility Mongolenergo."
    assert agreements_of(body) == [("agreement", ["Mongolenergo", "Vela Solar Group"])]


def test_documents_listed_after_including_each_have_their_topic():
    body = "Mongolia and Georgia signed 12 documents, including an agreement on energy and a memorandum on trade."
    assert sorted(a.topic for a in facts_of(body).agreements) == ["energy", "trade"]


def test_two_signings_in_one_sentence_each_take_the_date_of_their_clause():
    body = (
        "In May 2024 Kestrel Grid Company and Lumen Storage Group signed a memorandum on a joint venture, "
        "and on 3 September 2024 the same companies signed the shareholders' agreement."
    )
    assert sorted((a.kind, a.date) for a in facts_of(body).agreements) == [
        ("agreement", "2024-09-03"),
        ("memorandum of understanding", "2024-05"),
    ]


def test_a_forum_named_by_its_quoted_title_with_those_who_speak_at_it():
    body = "Energy Minister Arman Sadykov spoke at the forum titled “Energy for Tomorrow” held in Ningbo."
    (forum,) = facts_of(body).meetings
    assert (forum.label, [p.name for p in forum.participants]) == ("Forum “Energy for Tomorrow”", ["Arman Sadykov"])


def test_participation_in_summits_is_a_meeting_of_the_participant():
    body = "The active participation of President Mara Ilves in the organization's summit meetings was noted."
    (summits,) = facts_of(body).meetings
    assert ([p.name for p in summits.participants], summits.date) == (["Mara Ilves"], None)


def test_which_signed_takes_the_name_before_it_as_the_signer():
    body = "Vela Solar Group is developing Tern Port, which signed a development agreement with Kestrel Grid Company."
    assert agreements_of(body) == [("agreement", ["Kestrel Grid Company", "Tern Port"])]


def test_an_opening_clause_is_not_the_signers_and_its_document_is_not_the_one_signed():
    body = (
        "After President Mara Ilves and Omar Haddad issued a joint statement, Mongolia and Georgia signed a "
        "memorandum of understanding on 16 November 2022."
    )
    assert agreements_of(body) == [("memorandum of understanding", ["Georgia", "Mongolia"])]


def test_coordinated_documents_with_their_own_dates():
    body = (
        "The government of Mongolia signed an initial memorandum of understanding with Vela Solar Group in "
        "September 2021 and a framework agreement in May 2022."
    )
    assert sorted((a.kind, a.date) for a in facts_of(body).agreements) == [
        ("agreement", "2022-05"),
        ("memorandum of understanding", "2021-09"),
    ]


def test_who_is_in_a_country_on_a_visit_is_the_visitor_not_the_host():
    body = (
        "Foreign Minister Arman Sadykov held talks with the Foreign Minister of Georgia, Ines Moreau, who is in "
        "Mongolia on an official visit."
    )
    assert [m.participants[0].name for m in facts_of(body).meetings if m.kind == "visit"] == ["Ines Moreau"]


def test_an_event_head_followed_by_what_it_is_of_is_an_event():
    body = (
        "President Mara Ilves will attend the 24th Meeting of the Council of Heads of State of the Shanghai "
        "Cooperation Organization, which opens on Thursday."
    )
    (meeting,) = facts_of(body).meetings
    assert meeting.label.startswith("Meeting of the Council of Heads of State")
    assert (meeting.date, meeting.planned) == ("2025-05-15", True)


def test_rows_of_a_table_of_documents_under_an_opener():
    body = (
        "In the presence of the two leaders, the following documents were exchanged:\n\n"
        "No. | Document | First party | Second party\n"
        "1. | Memorandum of Understanding on nuclear cooperation | Tern River Power Corporation | Kestrel Grid "
        "Company\n"
        "2. | Agreement on gas supply | Lumen Storage Group | Vela Solar Group\n"
    )
    assert sorted((a.kind, sorted(p.name for p in a.parties), a.topic) for a in facts_of(body).agreements) == [
        ("agreement", ["Lumen Storage Group", "Vela Solar Group"], "gas supply"),
        (
            "memorandum of understanding",
            ["Kestrel Grid Company", "Tern River Power Corporation"],
            "nuclear cooperation",
        ),
    ]


def test_several_listed_memoranda_between_the_same_governments_stay_several():
    body = (
        "The heads of state attended a ceremony at which the documents signed during the visit were exchanged:\n"
        "- Memorandum of Understanding between Mongolia and Georgia on cooperation in the field of culture;\n"
        "- Memorandum of Understanding between Mongolia and Georgia on cooperation in the field of sport.\n"
    )
    facts = facts_of(body)
    assert len(facts.agreements) == 2
    assert len({a.variant for a in facts.agreements}) == 2  # distinct documents get distinct IRIs


def test_called_on_and_a_phone_conversation_between_are_meetings():
    body = "Later that day, Crown Prince Faisal bin Omar called on President Mara Ilves at the palace."
    assert meetings_of(body) == [(["Faisal bin Omar", "Mara Ilves"], "2025-05")]
    body = "On 12 May a telephone conversation between Minister Arman Sadykov and Omar Haddad took place."
    assert meetings_of(body) == [(["Arman Sadykov", "Omar Haddad"], "2025-05-12")]


def test_a_leaders_retreat_is_an_event():
    body = (
        "President Mara Ilves and President Omar Haddad met at the 10th Mongolia-Georgia Leaders' Retreat in Tbilisi."
    )
    assert any(m.label == "Mongolia-Georgia Leaders' Retreat" for m in facts_of(body).meetings)


def topics_of(body: str):
    return sorted((a.topic, sorted(p.name for p in a.parties)) for a in facts_of(body).agreements)


def test_a_plural_document_with_its_topics_enumerated_is_one_document_per_topic():
    body = (
        "President Ana Vela of Chile held talks with President Ivo Marek of Peru in Lima on Monday. "
        "The two countries signed agreements on fisheries, on mining safety, and on higher education "
        "on 12 May."
    )
    parties = ["Chile", "Peru"]
    assert topics_of(body) == [("fisheries", parties), ("higher education", parties), ("mining safety", parties)]
    assert {a.date for a in facts_of(body).agreements} == {"2025-05-12"}


def test_topics_separated_by_semicolons_are_separate_documents():
    body = "Chile and Peru signed memoranda of understanding on tourism; culture; and labour and employment."
    assert [t for t, _ in topics_of(body)] == ["culture", "labour and employment", "tourism"]


def test_one_topic_with_and_in_it_stays_one_document():
    body = "Chile and Peru signed memoranda of understanding on trade and investment."
    assert [t for t, _ in topics_of(body)] == ["trade and investment"]


def test_the_two_signing_countries_are_not_a_count_of_documents():
    body = "Chile and Peru held talks in Lima. The two countries signed agreements on fisheries."
    assert len(facts_of(body).agreements) == 1


def test_a_list_opened_by_the_signing_witnessed_by_the_leaders():
    body = (
        "President Ana Vela of Chile and President Ivo Marek of Peru met in Lima on Tuesday.\n\n"
        "Following the talks, the two presidents witnessed the signing of the following documents:\n\n"
        "- a memorandum of understanding on an industrial zone;\n"
        "- memoranda of understanding on railways; civil aviation; and energy;\n"
        "- a memorandum between the Ministry of Foreign Affairs of Chile and the Ministry of Foreign "
        "Affairs of Peru.\n"
    )
    facts = facts_of(body)
    by_topic = {a.topic: sorted(p.name for p in a.parties) for a in facts.agreements}
    for topic in ("an industrial zone", "railways", "civil aviation", "energy"):
        assert by_topic[topic] == ["Chile", "Peru"]
    assert ["Ministry of Foreign Affairs of Chile", "Ministry of Foreign Affairs of Peru"] in by_topic.values()
    assert {a.date for a in facts.agreements} == {"2025-05-13"}


def test_a_ministry_of_a_country_ends_before_and():
    body = "On Monday, the Ministry of Energy of Chile and Enel signed a power purchase agreement."
    assert agreements_of(body) == [("agreement", ["Enel", "Ministry of Energy of Chile"])]


def test_who_attended_a_signing_does_not_sign():
    body = (
        "On Monday, Enel and the Ministry of Energy of Chile signed a power purchase agreement at a "
        "ceremony in Santiago attended by Minister Rosa Perez."
    )
    assert agreements_of(body) == [("agreement", ["Enel", "Ministry of Energy of Chile"])]


def test_bodies_of_the_two_countries_are_not_the_countries():
    body = (
        "Chile and Peru held talks in Lima on Monday. Agreements between universities of the two "
        "countries were signed during the event."
    )
    assert agreements_of(body) == []


def test_documents_signed_in_the_presence_of_the_two_presidents_are_the_countries():
    body = (
        "President Ana Vela of Chile held talks with President Ivo Marek of Peru in Lima on Monday. "
        "In the presence of the two presidents, an agreement on fisheries was signed."
    )
    assert agreements_of(body) == [("agreement", ["Chile", "Peru"])]


def posts_with_organizations(body: str):
    return sorted((p.person.name, p.role, p.organization and p.organization.name) for p in facts_of(body).posts)


def test_protocol_style_titles_with_full_state_names():
    body = (
        "Prime Minister of the Federal Democratic Republic of Ethiopia, His Excellency Dr. Abiy Ahmed, and "
        "President of the People's Republic of China, His Excellency Xi Jinping, held talks in Beijing this morning."
    )
    facts = facts_of(body)
    assert posts_with_organizations(body) == [
        ("Abiy Ahmed", "Prime Minister", "Ethiopia"),
        ("Xi Jinping", "President", "China"),
    ]
    (meeting,) = facts.meetings
    assert sorted(p.name for p in meeting.participants) == ["Abiy Ahmed", "Xi Jinping"]
    assert meeting.date == PUBLISHED.isoformat()  # "this morning"


def test_a_body_of_a_formally_named_state_keeps_the_whole_name():
    body = "Premier of the State Council of the People's Republic of China, His Excellency Li Qiang, spoke."
    names = {e.name for e in facts_of(body).entities}
    assert "State Council of the People's Republic of China" in names


def dated_meetings_of(body: str, published=PUBLISHED):
    return sorted((m.date, sorted(p.name for p in m.participants)) for m in facts_of(body, published).meetings)


def test_talks_with_a_level_and_a_time_before_with():
    body = "Prime Minister Shri Ravi Menon held delegation-level talks today with President Ana Vela of Chile."
    assert dated_meetings_of(body) == [(PUBLISHED.isoformat(), ["Ana Vela", "Ravi Menon"])]


def test_received_him_is_the_person_named_before():
    body = (
        "Prime Minister Ravi Menon arrived in Lima on Monday. President Ana Vela received him at the palace on Tuesday."
    )
    assert dated_meetings_of(body) == [("2025-05-13", ["Ana Vela", "Ravi Menon"])]


def test_the_same_two_people_meeting_months_apart_are_two_meetings():
    body = (
        "President Ana Vela received Prime Minister Ravi Menon in Lima on Tuesday. They recalled how "
        "Menon hosted her in Delhi in December 2024."
    )
    dates = [d for d, _ in dated_meetings_of(body)]
    assert dates == ["2024-12", "2025-05-13"]


def test_attending_a_summit_is_taking_part():
    body = "Prime Minister Ravi Menon flew to Lima after attending the Pacific Rim Summit in Bangkok."
    facts = facts_of(body)
    summit = next(m for m in facts.meetings if "Summit" in m.label)
    assert [p.name for p in summit.participants] == ["Ravi Menon"]


def test_a_list_signed_in_the_presence_of_two_leaders_is_signed_by_their_states():
    body = (
        "President Ana Vela of Chile held talks with President Ivo Marek of Peru in Lima on Monday. "
        "At the close of the talks, the following instruments were signed in the presence of "
        "President Vela and President Marek:\n\n"
        "1. an agreement on film production;\n"
        "2. a memorandum of understanding on postal services.\n"
    )
    assert agreements_of(body) == [
        ("agreement", ["Chile", "Peru"]),
        ("memorandum of understanding", ["Chile", "Peru"]),
    ]


def test_a_list_of_today_is_dated_by_todays_meeting_not_by_one_recalled_in_passing():
    body = (
        "President Ana Vela of Chile held talks with President Ivo Marek of Peru in Lima on Monday.\n\n"
        "They reviewed trade and fisheries.\n\n"
        "They also recalled the results of Marek's visit to Chile, when Vela hosted him in Santiago "
        "in December 2024.\n\n"
        "The leaders discussed energy.\n\n"
        "The following documents were exchanged:\n\n"
        "1. a memorandum of understanding on fisheries between Chile and Peru;\n"
        "2. a memorandum of understanding on mining between Chile and Peru.\n"
    )
    assert {a.date for a in facts_of(body).agreements} == {"2025-05-12"}


def test_a_clause_after_a_name_is_not_a_title():
    body = "The Prime Minister, Ravi Menon, today welcomed the President of Chile, Ana Vela, to Delhi."
    assert ("Ravi Menon", "Today Welcomed the President") not in {(p.person.name, p.role) for p in facts_of(body).posts}
    assert ("Ana Vela", "President", "Chile") in posts_with_organizations(body)


def test_a_signing_told_with_its_signatories_is_a_ceremony():
    body = (
        "Peru and PowerChina signed a contract for a 200 MW solar plant. The contract was signed in "
        "Lima on Monday by Minister Rosa Perez and PowerChina vice president Li Wei."
    )
    facts = facts_of(body)
    (ceremony,) = facts.meetings
    assert ceremony.rule == "signing-occasion" and ceremony.date == "2025-05-12"
    assert sorted(p.name for p in ceremony.participants) == ["Li Wei", "Peru", "PowerChina", "Rosa Perez"]


def test_signatories_in_the_next_sentence_take_part_in_the_ceremony():
    body = (
        "The government of Chile and Vela Solar LLC signed the implementation agreement at a ceremony in "
        "Santiago on Monday. Two ministers signed for the government: Rosa Perez and Diego Pardow."
    )
    (ceremony,) = facts_of(body).meetings
    assert {"Rosa Perez", "Diego Pardow"} <= {p.name for p in ceremony.participants}


def test_signatories_named_after_a_signing_make_it_an_occasion():
    body = (
        "Norland on Sunday signed the agreements for the Velmar power project with a consortium led by "
        "Alder Energy and Brisk Holdings. The consortium signed a letter of agreement with the Norland "
        "Partnership Authority and the Ministry of Electricity. Director General Asma Rahimi signed for the "
        "Norland side. Alder Energy was represented by its chairman, Raad Sami."
    )
    facts = facts_of(body)
    consortium, detail = facts.agreements
    # a consortium of two is one counterpart; the detailed signing is the same day's, told again
    assert sorted(p.name for p in consortium.parties) == ["Alder Energy", "Brisk Holdings", "Norland"]
    assert detail.date == consortium.date == "2025-05-11" and "date-from-signing" in detail.caveats
    (ceremony,) = facts.meetings
    assert ceremony.rule == "signing-occasion"
    assert {"Asma Rahimi", "Raad Sami", "Norland Partnership Authority"} <= {p.name for p in ceremony.participants}


def test_an_undated_signing_after_a_dated_one_without_a_common_party_stays_undated():
    body = (
        "Norland signed a treaty with Velmaria on Sunday. Alder Energy signed a contract with Brisk "
        "Holdings for a solar plant."
    )
    dates = {tuple(sorted(p.name for p in a.parties)): a.date for a in facts_of(body).agreements}
    assert dates[("Alder Energy", "Brisk Holdings")] is None


def test_documents_signed_again_in_the_plural_are_dated_by_that_sentence():
    body = (
        "Vantora Power has signed power purchase agreements (PPAs) with Meridian Grid for three solar plants.\n\n"
        "The PPAs were signed on 12 May in the presence of Energy Minister Karim Haddad."
    )
    facts = facts_of(body)
    assert {a.date for a in facts.agreements} == {"2025-05-12"}
    (ceremony,) = facts.meetings
    assert "Karim Haddad" in {p.name for p in ceremony.participants}


def test_a_memorandum_signed_again_is_the_last_memorandum_not_the_last_document():
    body = (
        "Chile and Peru signed a memorandum of understanding on energy on Monday. The two presidents also "
        "adopted a joint declaration. The energy memorandum was signed by the two energy ministers on 12 May."
    )
    kinds = {a.kind: a for a in facts_of(body).agreements}
    assert len(kinds["memorandum of understanding"].sentences) == 2
    assert len(kinds["declaration"].sentences) == 1


def test_a_signing_at_a_reported_meeting_is_no_second_meeting():
    body = (
        "President Ana Vela of Chile held talks with President Ivo Marek of Peru in Lima on Monday, "
        "and the two presidents signed a joint declaration at a ceremony after the talks."
    )
    assert [m.rule for m in facts_of(body).meetings] == ["talks"]


def test_a_signing_only_announced_is_no_ceremony():
    body = "Chile and Peru will sign the agreement at a ceremony in Lima on 20 May, the ministry said."
    assert facts_of(body).meetings == [] or all(m.rule != "signing-occasion" for m in facts_of(body).meetings)


def test_exchanged_with_a_count_is_a_signing():
    body = "Chile and Peru exchanged three memoranda of understanding in Lima on Monday."
    assert agreements_of(body) == [("memorandum of understanding", ["Chile", "Peru"])] * 3


def test_plural_documents_with_several_counterparts_are_one_with_each():
    body = (
        "In May, Vela Energy LLC signed memorandums of understanding with Sinopec, Harbin Turbine "
        "Works Co., Ltd. and Kestrel Grid Company on refining."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Harbin Turbine Works Co., Ltd.", "Vela Energy LLC"]),
        ("memorandum of understanding", ["Kestrel Grid Company", "Vela Energy LLC"]),
        ("memorandum of understanding", ["Sinopec", "Vela Energy LLC"]),
    ]


def test_an_acronym_with_a_trade_is_a_company_not_a_person():
    body = "The bank signed loans with Sinopec and CITIC Construction."
    types = {e.name: e.type for e in facts_of(body).entities}
    assert types.get("CITIC Construction") != "Person"


def test_two_word_demonyms_are_countries():
    body = "Sri Lankan President Ana Vela met Saudi Arabian Minister Ivo Marek in Colombo."
    assert posts_with_organizations(body) == [
        ("Ana Vela", "President", "Sri Lanka"),
        ("Ivo Marek", "Minister", "Saudi Arabia"),
    ]


def capacities_of(body: str):
    return sorted(c.value_mw for c in facts_of(body).capacities)


def test_a_countrys_whole_fleet_and_its_demand_are_not_project_capacities():
    body = (
        "With the new units, Chile's installed capacity climbs to 2,046 MW, above a peak demand of 1,000 MW. "
        "Peru had just 253 MW of solar installed at the end of 2023, but construction of a 263 MW solar plant "
        "near Lima began in September. Domestic generation of around 3,300 MW is mostly hydro and solar."
    )
    assert capacities_of(body) == [263.0]


def test_a_plants_installed_capacity_is_a_project_capacity():
    body = (
        "The solar plant's installed capacity of 600 MW makes it the largest. The hydro station, with an "
        "installed capacity of 3,000 MW, supplies the capital."
    )
    assert capacities_of(body) == [600.0, 3000.0]


def test_visits_to_capitals_each_dated_by_their_own_clause():
    body = (
        "The summit follows the visit of Minister Ana Vela to Algiers in March and President Ivo "
        "Marek's first visit to Nairobi in January 2023."
    )
    visits = sorted((m.label, m.date) for m in facts_of(body).meetings)
    assert visits == [("Visit of Ana Vela to Algiers", "2025-03"), ("Visit of Ivo Marek to Nairobi", "2023-01")]


def test_a_possessive_visit_makes_a_person():
    body = "Ursula von der Leyen's visit to Buenos Aires in June 2023 opened the talks."
    (visit,) = facts_of(body).meetings
    assert [p.name for p in visit.participants] == ["Ursula von der Leyen"]
    assert (visit.place.name, visit.date) == ("Buenos Aires", "2023-06")


def test_the_cities_list_holds_real_countries_only():
    from pactgraph.extract import gazetteer

    codes = gazetteer.country_by_code()
    assert all(code in codes for code in gazetteer.CITIES)
    surfaces = [city for cities in gazetteer.CITIES.values() for city in cities]
    assert len(surfaces) == len(set(surfaces))  # one country per city name


def test_a_signing_after_talks_tells_of_the_talks():
    body = (
        "Chilean President Ana Vela and Peruvian President Ivo Marek on Monday signed a joint statement "
        "after talks at the presidential palace."
    )
    facts = facts_of(body)
    assert [(m.kind, sorted(p.name for p in m.participants), m.date) for m in facts.meetings] == [
        ("talks", ["Ana Vela", "Ivo Marek"], "2025-05-12")
    ]
    assert agreements_of(body) == [("joint statement", ["Chile", "Peru"])]


def test_the_year_of_another_document_does_not_date_a_signing():
    body = (
        "The turn came on 27 March 2025, during Vladimir Putin's state visit to Tashkent. Russia and "
        "Uzbekistan signed a protocol amending the 2018 agreement."
    )
    assert [a.date for a in facts_of(body).agreements] == ["2025-03-27"]


def test_the_minister_is_one_named_before_not_one_named_after():
    body = (
        "Minister of Energy Omar Haddad of Jordan arrived in Lima on Monday. In the course of the visit "
        "the minister held separate meetings with Minister of Mines Rosa Perez and Minister of "
        "Finance Diego Pardow."
    )
    pairs = sorted(tuple(sorted(p.name for p in m.participants)) for m in facts_of(body).meetings)
    assert ("Diego Pardow", "Omar Haddad") in pairs and ("Omar Haddad", "Rosa Perez") in pairs
    assert all(len(set(p)) == 2 for p in pairs)


def test_an_unnamed_event_with_nobody_in_it_is_no_meeting():
    body = "The opening ceremony was held on Monday. The Caspian Energy Forum opened in Baku on Tuesday."
    assert [m.label for m in facts_of(body).meetings] == ["Caspian Energy Forum"]


def test_an_event_which_opens_on_a_day_is_dated_by_it():
    body = (
        "Ana Vela arrived in Lima on Monday for a state visit and to attend the Pacific Energy Summit, "
        "which opens on Thursday."
    )
    summit = next(m for m in facts_of(body).meetings if "Summit" in m.label)
    assert summit.date == "2025-05-15" and summit.planned


def test_a_bare_name_that_signs_or_is_signed_with_is_an_organization():
    body = "Corvantis, the state oil company, signed a memorandum of understanding with Sinopec on Monday."
    assert agreements_of(body) == [("memorandum of understanding", ["Corvantis", "Sinopec"])]
    body = "Vela Energy LLC signed a power purchase agreement with Petrovia on Monday."
    assert agreements_of(body) == [("agreement", ["Petrovia", "Vela Energy LLC"])]


def test_a_weekday_before_signed_is_no_organization():
    body = "On Monday, Vela Energy LLC and Kestrel Grid Company signed an agreement."
    assert agreements_of(body) == [("agreement", ["Kestrel Grid Company", "Vela Energy LLC"])]


def test_a_figure_takes_the_one_technology_named_just_before():
    body = (
        "Doosan will build two combined cycle gas power plants. Each plant will have a generating capacity of 1,800 MW."
    )
    (capacity,) = facts_of(body).capacities
    assert (capacity.value_mw, capacity.technologies) == (1800.0, ["gas"])
    assert "technology-inferred" in capacity.caveats


def test_ac_and_peak_units_are_power():
    body = "The hub draws power from the co-located 124 MWac solar farm."
    assert capacities_of(body) == [124.0]


def test_i_in_a_transcript_is_the_speaker_of_the_turn():
    body = (
        "Rosa Perez, the Minister of Energy of Chile, spoke to reporters in Lima on Monday.\n\n"
        "QUESTION: Will you raise prices in Beijing?\n\n"
        "PEREZ: Not at all. I'll be meeting Minister Ivo Marek of Peru next week.\n"
    )
    (meeting,) = [m for m in facts_of(body).meetings if m.rule == "meeting-verb"]
    assert sorted(p.name for p in meeting.participants) == ["Ivo Marek", "Rosa Perez"]
    assert meeting.planned and "first-person" in meeting.caveats


def test_a_foundation_stone_laid_alongside_someone_in_a_timeline():
    body = (
        "Key dates:\n"
        "- 27 July 2019 – President Ana Vela lays the foundation stone at the site alongside Peru's "
        "Minister of Energy, Ivo Marek.\n"
    )
    (ceremony,) = facts_of(body).meetings
    assert ceremony.date == "2019-07-27"
    assert sorted(p.name for p in ceremony.participants) == ["Ana Vela", "Ivo Marek"]


def test_visits_to_several_countries_are_one_visit_to_each():
    body = "Ties grew after Ana Vela's state visits to Turkmenistan, Kazakhstan and Uzbekistan in June 2024."
    visits = sorted((m.place.name, m.date) for m in facts_of(body).meetings)
    assert visits == [("Kazakhstan", "2024-06"), ("Turkmenistan", "2024-06"), ("Uzbekistan", "2024-06")]


def test_a_name_written_as_one_word_with_inner_capitals_signs():
    body = "Northgaz signed a supply contract with SolarBright on Monday."
    assert agreements_of(body) == [("agreement", ["Northgaz", "SolarBright"])]


def test_a_place_adjective_before_a_name_is_not_part_of_it():
    body = "Port Kestrel-based Lumenor and Cape Vale-listed NRX concluded an agreement on storage."
    assert agreements_of(body) == [("agreement", ["Lumenor", "NRX"])]


def test_a_bare_name_owned_by_a_country_is_an_organization():
    body = "The line was built by Chile's Vantara and Peru's Oltec, with Brazil's Fenix Construction."
    names = {e.name: e.type for e in facts_of(body).entities}
    assert names["Vantara"] == names["Oltec"] == "Organization"
    assert "Fenix Construction" in names


def test_bare_names_listed_before_signed_are_all_parties():
    body = "Northgaz, Valtera and Oltec signed a memorandum of understanding on hydrogen on Monday."
    assert agreements_of(body) == [("memorandum of understanding", ["Northgaz", "Oltec", "Valtera"])]


def test_a_one_word_name_and_a_group_are_two_companies():
    body = "KestrelGaz and Harbin Turbine Group signed a deal on a gas plant."
    assert agreements_of(body) == [("agreement", ["Harbin Turbine Group", "KestrelGaz"])]


def test_which_after_a_list_of_names_stands_for_the_whole_list():
    body = (
        "The owners are Valtera, Kestrel Grid Company, Chile's Vantara and Peru's Oltec, which signed a "
        "shareholders' agreement in Lima in May 2024."
    )
    (agreement,) = facts_of(body).agreements
    assert sorted(p.name for p in agreement.parties) == ["Kestrel Grid Company", "Oltec", "Valtera", "Vantara"]
    assert agreement.date == "2024-05"


def test_a_name_followed_by_which_is_no_person():
    body = "The plant belongs to Vela Hydrogen Duna, which signed an agreement with Northgaz in May."
    types = {e.name: e.type for e in facts_of(body).entities}
    assert types["Vela Hydrogen Duna"] == "Organization"


def test_a_name_ending_in_a_trade_is_a_company():
    body = "Vantor Energy signed a turbine contract with Oltec Engineering on Monday."
    assert agreements_of(body) == [("agreement", ["Oltec Engineering", "Vantor Energy"])]
    assert not facts_of("Clean Energy Transition was the theme of the day.").entities


def test_untitled_names_listed_with_an_acronym_are_organizations():
    body = "In June KVELCO, Valtera and Andes Builders sign the construction contract in Lima."
    assert agreements_of(body) == [("agreement", ["Andes Builders", "KVELCO", "Valtera"])]


def test_two_signings_in_one_sentence_keep_their_own_parties():
    body = (
        "In the ministers' presence, Vantor Energy signs a turbine contract with Oltec Power, and KVELCO "
        "signs a contract with Andes Design for licensing support."
    )
    assert agreements_of(body) == [
        ("agreement", ["Andes Design", "KVELCO"]),
        ("agreement", ["Oltec Power", "Vantor Energy"]),
    ]


def test_talks_with_one_and_separately_with_another_are_two_meetings():
    body = (
        "Chile's Foreign Minister Ana Vela said on Tuesday, after talks in Lima with Peru's Deputy Prime "
        "Minister Ivo Marek and, separately, with Andes Power chief executive Tomas Ruiz, that the deal was done."
    )
    assert meetings_of(body) == [(["Ana Vela", "Ivo Marek"], "2025-05-13"), (["Ana Vela", "Tomas Ruiz"], "2025-05-13")]


def test_who_held_talks_with_stands_for_the_name_before_it():
    body = "Commissioner Rosa Perez, who held talks with President Ana Vela on Monday, called it a turning point."
    assert meetings_of(body) == [(["Ana Vela", "Rosa Perez"], "2025-05-12")]


def test_is_paying_his_first_official_visit_is_a_visit():
    body = "Prince Ivo Marek is paying his first official visit to Chile from 13 to 14 May 2025."
    (visit,) = facts_of(body).meetings
    assert [p.name for p in visit.participants] == ["Ivo Marek", "Chile"]  # the country visited takes part
    assert visit.date == "2025-05-13"


def test_who_is_on_a_visit_then_welcomed_by_someone():
    body = (
        "President Ana Vela, who is in Peru on an official visit, was welcomed by President Ivo Marek at an "
        "official ceremony in Lima on Monday."
    )
    welcomed = [m for m in facts_of(body).meetings if m.rule == "meeting-verb"]
    assert [sorted(p.name for p in m.participants) for m in welcomed] == [["Ana Vela", "Ivo Marek"]]


def test_a_financing_package_or_a_loan_signed_is_an_agreement():
    body = (
        "A $24 million financing package for a solar plant has been signed between the Asian Development Bank "
        "and Vela Solartech Limited. Northgaz signed a $50 million loan with Oltec Bank on Monday."
    )
    assert agreements_of(body) == [
        ("agreement", ["Asian Development Bank", "Vela Solartech Limited"]),
        ("agreement", ["Northgaz", "Oltec Bank"]),
    ]


def test_ministers_of_several_countries_named_in_turn_sign_for_their_countries():
    body = (
        "The energy ministers of Chile, Peru and Bolivia – Ana Vela, Ivo Marek and Tomas Ruiz – signed a "
        "roadmap for the project in Lima on 6 January 2023."
    )
    facts = facts_of(body)
    assert agreements_of(body) == [("agreement", ["Bolivia", "Chile", "Peru"])]
    assert sorted((p.person.name, p.organization.name) for p in facts.posts) == [
        ("Ana Vela", "Chile"),
        ("Ivo Marek", "Peru"),
        ("Tomas Ruiz", "Bolivia"),
    ]


def test_a_capitals_dateline_after_a_pasted_headline_is_a_place():
    body = (
        "Vela signs reactor deal\nBy Staff | 14 May 2025\n\n"
        "LIMA/SANTIAGO, May 14 - State-owned Vela Nuclear Corp (VNC) has signed a contract with Peru's "
        "Nucleo Power S.A. (NPSA) to build a reactor.\n"
    )
    facts = facts_of(body)
    assert agreements_of(body) == [("agreement", ["Nucleo Power S.A.", "Vela Nuclear Corp"])]
    assert "LIMA" not in {e.name for e in facts.entities}


def test_a_capitalised_acronym_opening_a_line_is_no_dateline():
    body = "ADB, the lender, signed a loan with Nucleo Power S.A. on Monday."
    assert agreements_of(body) == [("agreement", ["Asian Development Bank", "Nucleo Power S.A."])]


def test_a_day_without_a_year_told_in_the_past_is_last_years():
    from pactgraph.extract.dates import find_dates

    past = find_dates("Ana Vela announced the fund at the opening ceremony on 20 June.", PUBLISHED)
    future = find_dates("The opening ceremony will be held on 20 June.", PUBLISHED)
    assert [d.iso for d in past] == ["2024-06-20"]
    assert [d.iso for d in future] == ["2025-06-20"]


def test_those_who_joined_someone_for_the_ceremony_take_part():
    body = (
        "Prime Minister Ana Vela on Monday inaugurated the first phase of the Sol solar project in Arica. "
        "Vela flew from Lima to Arica for the ceremony and was joined at the site by Minister of Energy Ivo "
        "Marek, ambassadors and Vantor Energy chief executive Tomas Ruiz."
    )
    (ceremony,) = facts_of(body).meetings
    assert sorted(p.name for p in ceremony.participants) == ["Ana Vela", "Ivo Marek", "Tomas Ruiz"]


def test_a_ministers_portfolio_before_a_comma_is_no_name():
    body = (
        "On Tuesday, Energy Commissioner Rosa Perez and Peru's Minister of Foreign Affairs, Ivo Marek, "
        "signed a memorandum of understanding on hydrogen."
    )
    facts = facts_of(body)
    assert "Affairs" not in {e.name for e in facts.entities}
    assert ("Ivo Marek", "Peru") in {(p.person.name, p.organization.name) for p in facts.posts if p.organization}


def test_de_joins_a_persons_name():
    body = "Premier Ana Vela and Hydrogen Minister Mick de Brenni looked on."
    assert "Mick de Brenni" in {e.name for e in facts_of(body).entities}


def test_an_event_that_wrapped_up_took_place():
    body = "Ana Vela flew in straight after the Andean Energy Summit in Lima had wrapped up on 12 May."
    assert [m.label for m in facts_of(body).meetings] == ["Andean Energy Summit"]


def test_bare_names_between_which_a_document_is_are_organizations():
    body = (
        "At the close, the following instruments were signed:\n\n"
        "8. a preliminary agreement between Sparkle and Andes Telecom for a new cable;\n"
        "9. a memorandum of understanding between Northgaz and Vela Hydrogen on exports.\n"
    )
    assert agreements_of(body) == [
        ("agreement", ["Andes Telecom", "Sparkle"]),
        ("memorandum of understanding", ["Northgaz", "Vela Hydrogen"]),
    ]


def test_s_p_a_stays_with_the_name():
    body = "Northgaz signed a supply contract with Vela S.p.A. on Monday."
    assert agreements_of(body) == [("agreement", ["Northgaz", "Vela SpA"])]


def test_a_joint_statement_issued_is_an_agreement():
    body = "After talks in Lima, the two countries issued a Joint Statement on energy between Chile and Peru."
    assert agreements_of(body) == [("joint statement", ["Chile", "Peru"])]


def test_the_signing_in_a_month_of_a_document_between_two():
    body = (
        "It follows the signing in June 2023, in Lima, of a power purchase agreement between Vela Eren "
        "and the Andes Settlement Center."
    )
    (agreement,) = facts_of(body).agreements
    assert sorted(p.name for p in agreement.parties) == ["Andes Settlement Center", "Vela Eren"]
    assert agreement.date == "2023-06"


def test_while_the_two_countries_signed_is_read_by_its_pronoun():
    body = (
        "Northgaz and the Andes Investment Authority signed an agreement on a fund, while the two countries "
        "signed a rail agreement."
    )
    parties = [sorted(p.name for p in a.parties) for a in facts_of(body).agreements]
    assert ["Andes Investment Authority", "Northgaz"] in parties
    assert parties.count(["Andes Investment Authority", "Northgaz"]) == 1


def test_an_organization_signing_with_an_unnamed_counterpart_is_kept_with_a_caveat():
    body = "Vela Energy said it had signed the EPC contract for the 2 GW Haden solar plant on Monday."
    (agreement,) = facts_of(body).agreements
    assert [p.name for p in agreement.parties] == ["Vela Energy"]
    assert "other-party-unidentified" in agreement.caveats
    assert agreement.confidence < min(
        a.confidence for a in facts_of("Vela Energy signed a contract with Kestrel.").agreements
    )
    assert facts_of("Ana Vela signed the contract on Monday.").agreements == []  # a person alone signs nothing


def test_documents_signed_in_several_countries_are_one_in_each():
    body = "Vela Power has signed power purchase agreements in Egypt, Chad, Mali and Kenya."
    agreements = facts_of(body).agreements
    assert sorted(a.place.name for a in agreements) == ["Chad", "Egypt", "Kenya", "Mali"]
    assert all([p.name for p in a.parties] == ["Vela Power"] for a in agreements)
    assert len({a.variant for a in agreements}) == 4  # four documents, four IRIs


def test_these_included_memoranda_on_topics_are_the_documents_just_signed():
    body = (
        "On 12 May 2025 in Lima, the foreign ministers signed a joint declaration and several memoranda of "
        "understanding between Chile and Peru. These included memoranda on energy cooperation, on green energy "
        "zones, and on artificial intelligence."
    )
    memoranda = [a for a in facts_of(body).agreements if a.kind == "memorandum of understanding" and a.variant]
    assert sorted(a.topic for a in memoranda) == ["artificial intelligence", "energy cooperation", "green energy zones"]
    assert all(sorted(p.name for p in a.parties) == ["Chile", "Peru"] and a.date == "2025-05-12" for a in memoranda)


def test_a_partnership_announced_by_two_leaders_is_between_their_countries():
    body = (
        "Chilean President Ana Vela and Peruvian President Ivo Marek held talks on Monday and announced that "
        "relations would be raised to a comprehensive strategic partnership."
    )
    (partnership,) = facts_of(body).partnerships
    assert sorted(p.name for p in partnership.partners) == ["Chile", "Peru"]


def capacities_values(body: str):
    return sorted(c.value_mw for c in facts_of(body).capacities)


def test_a_companys_portfolio_or_pipeline_is_no_project_capacity():
    body = (
        "Once the 500 MW Sol wind farm is in service, Vela Power's portfolio in Chile will exceed 2.5 GW. "
        "The group has a clean energy pipeline of more than 6,000 MW, and its group-wide installed capacity "
        "already exceeds 77 gigawatts."
    )
    assert capacities_values(body) == [500.0]


def test_a_bank_officer_in_a_transcript_signs_for_the_bank_with_each_listed_counterpart():
    body = (
        "We spoke with European Investment Bank (EIB) Vice-President Ivo Marek.\n\n"
        "Marek: In Lima I signed three memorandums of understanding: 50 million euros with the Andes Bank; "
        "100 million euros with the government of Peru; and 15 million euros with Vela Microcredit.\n"
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Andes Bank", "European Investment Bank"]),
        ("memorandum of understanding", ["European Investment Bank", "Peru"]),
        ("memorandum of understanding", ["European Investment Bank", "Vela Microcredit"]),
    ]


def test_a_plants_installed_capacity_is_a_project_capacity_not_a_fleet():
    assert capacities_values("The Sol hydropower dam has 3,444 MW of installed capacity.") == [3444.0]
    assert capacities_values("Chile had just 253 MW of solar installed.") == []


def test_organizations_the_gazetteer_knows_are_read_under_the_form_written():
    body = "On the sidelines, QatarEnergy and Gazprom discussed supplies with Ana Vela, and KEPCO met Hanwha."
    names = {e.name: e.type for e in facts_of(body).entities}
    assert {n: names.get(n) for n in ("QatarEnergy", "Gazprom", "KEPCO", "Hanwha")} == dict.fromkeys(
        ("QatarEnergy", "Gazprom", "KEPCO", "Hanwha"), "Organization"
    )


def test_documents_signed_before_two_leaders_are_their_states_not_a_delegations_companies():
    body = (
        "President Ana Vela of Chile and President Ivo Marek of Peru met in Lima on 12 May 2025. "
        "The Chilean side was made up of the chief executives of Northgaz and Valtera.\n\n"
        "At the close, the following documents were signed in the presence of President Vela and President "
        "Marek:\n\n1. an agreement on cooperation in film production;\n2. a memorandum on fisheries.\n"
    )
    assert agreements_of(body) == [
        ("cooperation agreement", ["Chile", "Peru"]),
        ("memorandum of understanding", ["Chile", "Peru"]),
    ]


def test_a_leader_the_gazetteer_knows_is_a_person_without_a_title():
    body = "Together with Shavkat Mirziyoyev of Uzbekistan and Sadyr Japarov of Kyrgyzstan, the guests met in Astana."
    assert {"Sadyr Japarov", "Shavkat Mirziyoyev"} <= {e.name for e in facts_of(body).entities if e.type == "Person"}


def test_a_bare_name_before_a_post_is_the_posts_organization():
    facts = facts_of("Oltec's chairman Ivo Marek welcomed the deal. Vantora CEO Ana Vela said it was done.")
    posts = {(p.person.name, p.organization.name) for p in facts.posts}
    assert posts == {("Ivo Marek", "Oltec"), ("Ana Vela", "Vantora")}
    names = {e.name: e.type for e in facts_of("Al Ramahi and Vantora chief executive Ivo Marek met.").entities}
    assert names["Al Ramahi"] == "Person" and names["Vantora"] == "Organization"


def test_those_at_a_days_ceremony_or_speaking_at_the_inauguration_take_part():
    body = (
        "President Ana Vela has inaugurated the Dorlo floating solar plant in West Morova. "
        "Ivo Marek, the Minister of Energy, attended Thursday's ceremony alongside officials.\n\n"
        "Speaking at the inauguration, Marta Kovac called the plant a milestone."
    )
    (ceremony,) = facts_of(body).meetings
    assert sorted(p.name for p in ceremony.participants) == ["Ana Vela", "Ivo Marek", "Marta Kovac"]


def test_countries_and_bodies_taking_part_in_todays_meetings_take_part():
    body = (
        "The first Ministerial Meeting of the Green Energy Advisory Council was held in Baku on 3 February "
        "2023 with the participation of President Ana Vela.\n\n"
        "Senior officials of the European Commission, Georgia, Romania and other countries are taking part "
        "in today's meetings."
    )
    (meeting,) = facts_of(body).meetings
    assert {"Ana Vela", "European Commission", "Georgia", "Romania"} <= {p.name for p in meeting.participants}


def test_speaking_at_an_inauguration_never_joins_another_kind_of_event():
    body = (
        "Minister Ana Vela addressed the Andean Energy Forum in Lima on Monday.\n\n"
        "Speaking at the inauguration of a new school, Minister Ivo Marek praised the teachers."
    )
    (forum,) = facts_of(body).meetings
    assert [p.name for p in forum.participants] == ["Ana Vela"]


def test_the_two_presidents_who_held_a_meeting_are_the_two_named_last():
    body = (
        "The memorandum was signed in Lima by the President of the Commission, Ana Vela, and the President "
        "of Peru, Ivo Marek, after the two presidents held a bilateral meeting.\n\n"
        "Commissioner for Energy Marta Kovac and Peru's Minister of Energy, Pavel Dron, also took part in "
        "the talks."
    )
    (talks,) = facts_of(body).meetings
    assert sorted(p.name for p in talks.participants) == ["Ana Vela", "Ivo Marek", "Marta Kovac", "Pavel Dron"]


def test_talks_held_at_the_end_of_a_sentence_are_a_meeting():
    (talks,) = facts_of("Presidents Ana Vela and Ivo Marek held talks.").meetings
    assert sorted(p.name for p in talks.participants) == ["Ana Vela", "Ivo Marek"]


def test_a_commission_that_held_its_session_meets_with_its_co_chairs_and_countries():
    body = (
        "The Peruvian-Chilean Intergovernmental Commission on Economic Cooperation held its annual session in "
        "Lima on Tuesday, co-chaired by Peruvian Minister of Foreign Affairs Ana Vela and Chilean Minister of "
        "Health Ivo Marek."
    )
    (session,) = facts_of(body).meetings
    assert session.date == "2025-05-13"
    assert sorted(p.name for p in session.participants) == [
        "Ana Vela",
        "Chile",
        "Ivo Marek",
        "Peru",
        "Peruvian-Chilean Intergovernmental Commission on Economic Cooperation",
    ]


def test_guests_among_them_or_seated_alongside_the_host_take_part_in_the_inauguration():
    told = (
        "President Ana Vela on Thursday formally commissioned the 600-megawatt Dorlo Hydropower Station, at a "
        "ceremony held at the plant.\n\n"
        '"We built it together," Vela told guests, among them Vice President Ivo Marek, and diplomats.'
    )
    seated = (
        "When Prime Minister Ana Vela formally inaugurated the Dorlo Dam on Tuesday, the guest list said a "
        "lot.\n\nSeated alongside him were Peru's President Ivo Marek and Chile's President Marta Kovac."
    )
    assert sorted(p.name for p in facts_of(told).meetings[0].participants) == ["Ana Vela", "Ivo Marek"]
    assert sorted(p.name for p in facts_of(seated).meetings[0].participants) == [
        "Ana Vela",
        "Ivo Marek",
        "Marta Kovac",
    ]


def test_at_that_ceremony_names_the_ceremony_just_reported():
    body = (
        "Minister Ana Vela laid the foundation stone of the Dorlo wind plant in Lima on Monday.\n\n"
        "At that ceremony Ivo Marek, Chairman of the Board, said the plant would create 300 jobs."
    )
    (ceremony,) = facts_of(body).meetings
    assert sorted(p.name for p in ceremony.participants) == ["Ana Vela", "Ivo Marek"]


def test_who_chaired_a_meeting_not_read_before_tells_the_meeting_itself():
    body = (
        "Minister Rosa Perez opened the Andean Energy Forum in Lima on 3 March.\n\n"
        "On 12 March, Minister of Energy Ana Vela chaired the meeting, which was attended by Minister Ivo "
        "Marek and Minister Marta Kovac."
    )
    forum, meeting = facts_of(body).meetings
    assert [p.name for p in forum.participants] == ["Rosa Perez"]
    assert meeting.date == "2025-03-12"
    assert sorted(p.name for p in meeting.participants) == ["Ana Vela", "Ivo Marek", "Marta Kovac"]


def test_a_ceremony_of_a_kind_not_named_before_or_attended_by_those_named_is_a_meeting():
    body = (
        "On 15 December, Ambassador Ana Vela attended the capsule-laying ceremony that marked the start of "
        "construction of a solar plant in Lima.\n\n"
        "On December 27, 2024, the plant's first 400 megawatts were connected to the grid at a ceremony "
        "attended by President Rosa Perez and Prime Minister Pavel Dron; the president pressed the button."
    )
    capsule, grid = facts_of(body).meetings
    assert (capsule.label, [p.name for p in capsule.participants]) == ("Capsule-laying ceremony", ["Ana Vela"])
    assert grid.date == "2024-12-27"
    assert sorted(p.name for p in grid.participants) == ["Pavel Dron", "Rosa Perez"]


def test_a_ceremony_at_a_named_event_is_that_events():
    body = (
        "Sol Power signed a memorandum at the Andean Energy Summit in Lima in May 2024, at a ceremony "
        "attended by President Rosa Perez."
    )
    assert [m.label for m in facts_of(body).meetings] == ["Andean Energy Summit"]


def test_those_who_hosted_an_event_take_part():
    body = (
        "Heads of state and investors met in Lima on 12 May for the Andean Energy Summit, hosted by the "
        "Peruvian government with the African Development Bank and the World Bank Group."
    )
    (summit,) = facts_of(body).meetings
    assert {"African Development Bank", "World Bank Group"} <= {p.name for p in summit.participants}


def test_talks_in_a_place_on_a_day_between_two_people():
    body = (
        "That deal followed talks in Nairobi on 4 February 2022 between Peru's State Minister of Finance, "
        "Ana Vela, and Chile's then Cabinet Secretary for Energy, Ivo Marek."
    )
    (talks,) = facts_of(body).meetings
    assert (talks.date, sorted(p.name for p in talks.participants)) == ("2022-02-04", ["Ana Vela", "Ivo Marek"])


def test_those_who_sign_on_the_occasion_of_an_event_take_part_in_it():
    body = (
        "On the occasion of COP28 in Dubai, Marta Kovac, CEO of Sol Power, today signed the Agreement on "
        "Investment, in the presence of President Rosa Perez."
    )
    (cop,) = facts_of(body).meetings
    assert (cop.label, sorted(p.name for p in cop.participants)) == ("COP28", ["Marta Kovac", "Rosa Perez"])


def test_a_plant_opened_with_an_indefinite_article_is_a_ceremony():
    body = (
        "Chile started drawing power from the Peruvian grid on Sunday after Prime Minister Ana Vela opened a "
        "new 115-kilometre interconnection line between the two countries."
    )
    (ceremony,) = facts_of(body).meetings
    assert ceremony.kind == "ceremony" and [p.name for p in ceremony.participants] == ["Ana Vela"]
    assert facts_of("Minister Ivo Marek launched a new solar project in 2020.").meetings == []


def test_someone_visiting_a_place_is_on_a_visit():
    body = "Chilean Foreign Minister Ana Vela, visiting Lima on 6 June, said power would start flowing in 2026."
    (visit,) = facts_of(body).meetings
    assert (visit.kind, visit.place.name, visit.date) == ("visit", "Lima", "2024-06-06")
    assert [p.name for p in visit.participants] == ["Ana Vela"]


def test_a_countrys_delegation_received_or_meeting_someone_is_that_country():
    body = (
        "President Ana Vela received Chilean Minister of Energy Ivo Marek, who arrived leading a large "
        "delegation.\n\nThe Chilean delegation was also received by Deputy Prime Minister Pavel Dron.\n\n"
        "On the same trip, the Chilean delegation held an expanded meeting with Peru's Deputy Minister of "
        "Energy Marta Kovac."
    )
    meetings = facts_of(body).meetings
    assert [sorted(p.name for p in m.participants) for m in meetings] == [
        ["Ana Vela", "Ivo Marek"],
        ["Chile", "Pavel Dron"],
        ["Chile", "Marta Kovac"],
    ]


def test_who_also_called_on_after_a_relative_clause_is_the_one_before_it():
    body = (
        "Former Prime Minister Ana Vela, who travels as Prime Minister Ivo Marek's special envoy, also called "
        "on President Pavel Dron at his residence."
    )
    (call,) = facts_of(body).meetings
    assert sorted(p.name for p in call.participants) == ["Ana Vela", "Pavel Dron"]


def test_companies_that_agree_after_online_talks_held_them():
    body = "Sol Power and Andes Grid agreed on 3 March to draft a joint cooperation plan after online talks."
    (talks,) = facts_of(body).meetings
    assert sorted(p.name for p in talks.participants) == ["Andes Grid", "Sol Power"]


def test_at_the_ceremony_with_no_ceremony_read_before_tells_the_ceremony():
    body = (
        "The Dorlo hydropower plant reached full commercial operation on 29 June 2022.\n\n"
        "At the ceremony marking the milestone, Ivo Marek, executive director of the Power Board, thanked the "
        "builders, while Marta Kovac, chairman of Sol Power, called it a priority project."
    )
    (ceremony,) = facts_of(body).meetings
    assert ceremony.kind == "ceremony" and ceremony.date is None
    assert sorted(p.name for p in ceremony.participants) == ["Ivo Marek", "Marta Kovac"]


def test_who_acts_at_a_ceremony_attended_by_unnamed_guests_takes_part():
    body = (
        "On 22 December 2022, President Ana Vela pressed the button that closes the tunnel gate, starting to "
        "fill the reservoir, at a ceremony attended by some 2,300 guests."
    )
    (ceremony,) = facts_of(body).meetings
    assert (ceremony.date, [p.name for p in ceremony.participants]) == ("2022-12-22", ["Ana Vela"])


def test_the_country_a_state_visit_goes_to_takes_part():
    body = "During the state visit of President Ana Vela to Chile in February, the two sides signed six documents."
    visit = next(m for m in facts_of(body).meetings if m.kind == "visit")
    assert sorted(p.name for p in visit.participants) == ["Ana Vela", "Chile"]


def test_a_visit_to_two_countries_is_a_visit_to_each():
    body = (
        "During Prime Minister Ana Vela's visit to Qatar and the UAE in April, Sol Power and Masdar agreed to "
        "extend their venture."
    )
    visits = [m for m in facts_of(body).meetings if m.kind == "visit"]
    assert [(m.place.name, m.date) for m in visits] == [("Qatar", "2025-04"), ("United Arab Emirates", "2025-04")]


def test_a_visit_by_a_former_minister_is_his():
    body = (
        "Sol Power and Andes Grid on Monday signed the financial close during a visit to Jakarta by former "
        "Chilean Prime Minister Ivo Marek."
    )
    (visit,) = [m for m in facts_of(body).meetings if m.kind == "visit"]
    assert [p.name for p in visit.participants] == ["Ivo Marek"]


def test_who_travelled_to_a_country_visited_it_in_the_clauses_month():
    body = (
        "In February 2023, a delegation led by Minister Ana Vela travelled to China, and on February 15 the "
        "ministry signed a memorandum."
    )
    (visit,) = [m for m in facts_of(body).meetings if m.kind == "visit"]
    assert (visit.date, sorted(p.name for p in visit.participants)) == ("2023-02", ["Ana Vela", "China"])


def test_an_arrival_on_a_trip_named_by_its_noun_is_one_visit():
    body = "Minister Ivo Marek arrived in Lima on Monday for the Andean Energy Forum, his first trip to Peru this year."
    assert [m.label for m in facts_of(body).meetings if m.kind == "visit"] == ["Visit of Ivo Marek to Peru"]


def test_a_meeting_between_the_two_leaders_is_between_those_of_the_meeting_before():
    body = (
        "On Sunday, President Ana Vela welcomed Chancellor Ivo Marek to Lima with an informal dinner. A "
        "bilateral meeting between the two leaders followed in Lima on Monday, with two ministers also taking "
        "part: Minister of Finance Marta Kovac and Minister of Energy Pavel Dron."
    )
    _dinner, talks = facts_of(body).meetings
    assert (talks.date, talks.place.name) == ("2025-05-12", "Lima")
    assert sorted(p.name for p in talks.participants) == ["Ana Vela", "Ivo Marek", "Marta Kovac", "Pavel Dron"]


def test_a_date_named_as_a_target_is_not_the_day_of_the_talks():
    body = (
        "The 5 February date was fixed during a telephone conversation between Minister Ana Vela and Minister "
        "Ivo Marek on 18 November."
    )
    (call,) = facts_of(body).meetings
    assert call.date == "2024-11-18"


def test_at_the_first_meeting_of_another_body_is_an_event_of_its_own():
    body = (
        "In 2004, Ana Vela, then Peru's foreign minister, chaired its very first ministerial meeting. Last "
        "Saturday she sat next to Prime Minister Ivo Marek in Tokyo at the first meeting of the format's heads "
        "of state, together with Marta Kovac of Chile and Pavel Dron of Bolivia."
    )
    first, summit = facts_of(body).meetings
    assert (first.date, [p.name for p in first.participants]) == ("2004", ["Ana Vela"])
    assert summit.label == "First meeting of the format's heads of state"
    assert {"Ivo Marek", "Marta Kovac", "Pavel Dron"} <= {p.name for p in summit.participants}


def test_who_said_that_others_held_talks_is_no_party_to_them():
    body = "President Ana Vela said that Sol Power and Andes Grid had held talks on the power project that day."
    (talks,) = facts_of(body).meetings
    assert sorted(p.name for p in talks.participants) == ["Andes Grid", "Sol Power"]


def test_a_new_subject_with_its_own_verb_ends_the_list_of_those_met():
    body = (
        "On 9 October 2024, Commissioner Ana Vela met Deputy Prime Minister Ivo Marek, and Team Europe "
        "announced a package for the plant."
    )
    (meeting,) = facts_of(body).meetings
    assert sorted(p.name for p in meeting.participants) == ["Ana Vela", "Ivo Marek"]


def test_the_day_right_after_an_events_name_is_its_day():
    body = (
        "Minister Marta Kovac is scheduled to be in Lima from 23 to 25 May, where she will attend the Andean "
        "Business Forum on 24 May."
    )
    (forum,) = facts_of(body).meetings
    assert forum.date == "2025-05-24"


def test_a_second_meeting_verb_shares_the_first_ones_subject_and_each_with_is_a_meeting():
    body = (
        "Peru's Minister for the Economy, Ana Vela, met Japan's Minister of Economy Ivo Marek in Tokyo on 8 May, "
        "with both sides promising closer ties, and held talks with the chairman of Keidanren and with the "
        "Japan Chamber of Commerce and Industry."
    )
    pairs = sorted(sorted(p.name for p in m.participants) for m in facts_of(body).meetings)
    assert pairs == [
        ["Ana Vela", "Ivo Marek"],
        ["Ana Vela", "Japan Chamber of Commerce and Industry"],
        ["Ana Vela", "Keidanren"],
    ]


def test_the_one_met_on_his_visit_is_not_the_visitor():
    body = (
        "On his state visit to China in April 2023, his first appointment in Beijing was with Minister Ana "
        "Vela, president of State Grid, whom he urged to invest in renewables."
    )
    assert [m for m in facts_of(body).meetings if m.kind == "visit"] == []


def test_a_delegation_taking_part_in_a_meeting_of_ministers_of_several_countries():
    body = (
        "A delegation headed by Peru's Deputy Minister of Energy Ana Vela, including specialists from Andes "
        "Grid, took part in the third meeting of deputy energy ministers of Peru, Chile and Bolivia in Lima "
        "earlier this month."
    )
    (meeting,) = facts_of(body).meetings
    assert meeting.label.startswith("Third meeting of deputy energy ministers")
    assert {"Ana Vela", "Andes Grid", "Peru", "Chile", "Bolivia"} <= {p.name for p in meeting.participants}


def test_who_visits_a_city_and_meets_someone_visits_the_city():
    body = "In September 2024, President Ana Vela visits Prague and meets President Ivo Marek."
    visit, meeting = facts_of(body).meetings
    assert (visit.place.name, [p.name for p in visit.participants]) == ("Prague", ["Ana Vela"])
    assert sorted(p.name for p in meeting.participants) == ["Ana Vela", "Ivo Marek"]


def test_a_company_hosting_a_meeting_at_its_headquarters_and_those_who_took_part():
    body = (
        "In July 2024, Sol Power hosted a high-level meeting at its headquarters in Lima with Andes Grid - the "
        "joint venture that runs the pipelines between Peru and Chile - and Bolivia Power. Minister Ana Vela "
        "and Minister Ivo Marek took part, and the group agreed to sign a memorandum."
    )
    (meeting,) = facts_of(body).meetings
    assert meeting.date == "2024-07"
    assert {"Sol Power", "Andes Grid", "Ana Vela", "Ivo Marek"} <= {p.name for p in meeting.participants}
    assert "Peru" not in {p.name for p in meeting.participants}


def test_someone_who_was_in_a_city_on_a_day_named_visited_it():
    visited = "When Foreign Minister Ana Vela was in Lima in February 2023, we agreed to cooperate."
    (visit,) = facts_of(visited).meetings
    assert (visit.kind, visit.place.name, visit.date) == ("visit", "Lima", "2023-02")
    assert facts_of("Minister Pavel Dron was in charge of the talks in Lima.").meetings == []


def test_a_plant_which_someone_inaugurated_is_an_inauguration():
    body = (
        "Sol 2 follows the 500 MW Abydos solar plant near Kom Ombo, which Prime Minister Ana Vela inaugurated "
        "in December 2024 after a construction period of about 18 months."
    )
    (ceremony,) = facts_of(body).meetings
    assert (ceremony.kind, ceremony.date, [p.name for p in ceremony.participants]) == (
        "ceremony",
        "2024-12",
        ["Ana Vela"],
    )


def test_who_sat_down_with_the_heads_of_groups_named_in_the_next_sentence():
    body = (
        "Crown Prince Ana Vela sat down this afternoon with the heads of Peru's biggest groups. Among them: "
        "Sol Power Chairman Ivo Marek and Andes Group Chairman Marta Kovac. No readout yet."
    )
    (meeting,) = facts_of(body).meetings
    assert {"Ana Vela", "Ivo Marek", "Marta Kovac"} <= {p.name for p in meeting.participants}


def test_an_event_hosted_by_a_government_is_no_meeting_of_that_government():
    body = (
        "Leaders gather in Lima on 27 May for the Andean Energy Summit, hosted by the Peruvian government with "
        "the African Development Bank and the World Bank Group."
    )
    (summit,) = facts_of(body).meetings
    assert summit.label == "Andean Energy Summit"


def test_those_who_acted_at_their_annual_summit_held_it():
    body = (
        "Prime Minister Ana Vela and Prime Minister Ivo Marek launched the partnership at their annual summit "
        "in Rio de Janeiro last November."
    )
    (summit,) = facts_of(body).meetings
    assert (summit.date, summit.place.name) == ("2024-11", "Rio de Janeiro")
    assert sorted(p.name for p in summit.participants) == ["Ana Vela", "Ivo Marek"]


def test_putting_ones_name_to_a_document_is_signing_it():
    body = "Norland Grid and Kestrel Power put their names to a letter of intent on a 200 MW solar park."
    assert agreements_of(body) == [("memorandum of understanding", ["Kestrel Power", "Norland Grid"])]


def test_a_name_with_an_arabic_article_keeps_it():
    facts = facts_of("Norland's President Karim al-Rashed met Kestrian Prime Minister Omar el-Fassi in Osaka.")
    assert [sorted(p.name for p in m.participants) for m in facts.meetings] == [["Karim al-Rashed", "Omar el-Fassi"]]


def test_a_ministers_portfolio_of_two_fields_is_a_title_not_an_organization():
    facts = facts_of("Chile's Energy and Natural Resources Minister Ivo Marek opened the plant.")
    assert [(p.person.name, p.role, p.organization.name) for p in facts.posts] == [
        ("Ivo Marek", "Energy and Natural Resources Minister", "Chile")
    ]
    assert not [e for e in facts.entities if e.type in ("Organization", "Company")]


def test_names_joined_by_and_before_a_portfolio_stay_names():
    facts = facts_of("President Ivo Marek and Chile's Energy Minister Ana Lund met in Osaka.")
    assert sorted((p.person.name, p.role) for p in facts.posts) == [
        ("Ana Lund", "Energy Minister"),
        ("Ivo Marek", "President"),
    ]


def test_each_item_of_a_list_of_deals_is_a_deal_of_the_company_it_names():
    body = (
        "OSAKA, May 3 – Deals worth $9 billion were signed at the investment forum. The ministry listed the "
        "projects agreed at the forum:\n\n"
        "1. Vantora (Chile) – a 500 MW wind farm in the north;\n"
        "2. Kestrel Grid Company (Peru) – a $2 billion transmission line;\n"
        "3. Lumen Foods (Chile) – a dairy plant, $90 million.\n"
    )
    facts = facts_of(body)
    deals = sorted((a.parties[0].name, a.topic, a.date) for a in facts.agreements if a.rule == "signed-one-party")
    assert deals == [
        ("Kestrel Grid Company", "a $2 billion transmission line", "2025-05-03"),
        ("Lumen Foods", "a dairy plant", "2025-05-03"),
        ("Vantora", "a 500 MW wind farm in the north", "2025-05-03"),
    ]
    assert all("other-party-unidentified" in a.caveats for a in facts.agreements if a.parties[0].name == "Vantora")


def test_the_items_of_a_financing_package_after_a_signing_are_no_deals_of_their_own():
    body = (
        "Vantora signed the loan agreement with the lenders on May 3. The package exceeds $200 million:\n"
        "• Kestrel Bank – up to $150 million;\n"
        "• Lumen Bank – $50 million.\n"
    )
    assert not [a for a in facts_of(body).agreements if len(a.parties) == 1 and a.parties[0].name != "Vantora"]


def test_a_name_with_its_country_in_brackets_is_an_organization_of_that_country():
    facts = facts_of("Then Vantora (Peru) agreed to build a plant.\n2. Lumen Foods (Chile) – a dairy.")
    named = sorted((e.name, e.type, e.in_country) for e in facts.entities)
    assert named == [("Lumen Foods", "Organization", "Chile"), ("Vantora", "Organization", "Peru")]


def test_entering_into_striking_and_putting_pen_to_paper_conclude_a_document():
    assert agreements_of("Vantora Energy and Kestrel Power entered into an agreement on a 1 GW wind farm.") == [
        ("agreement", ["Kestrel Power", "Vantora Energy"])
    ]
    assert agreements_of("Vantora Energy and Kestrel Power struck a deal to build a 1 GW wind farm.") == [
        ("agreement", ["Kestrel Power", "Vantora Energy"])
    ]
    assert agreements_of("Vantora Energy and Kestrel Power put pen to paper on a deal for three solar plants.") == [
        ("agreement", ["Kestrel Power", "Vantora Energy"])
    ]


def test_an_agreement_reached_to_go_on_talking_is_no_document():
    assert agreements_of("The two companies reached an agreement to continue talks.") == []


def test_two_trade_names_joined_by_and_are_two_companies():
    facts = facts_of("Vantora Energy and Kestrel Power signed a memorandum on a 1 GW wind farm.")
    assert sorted(e.name for e in facts.entities) == ["Kestrel Power", "Vantora Energy"]


def test_a_chief_officer_of_any_function_is_a_post():
    facts = facts_of("Vantora Group, represented by its Chief Technology Officer, Ana Lund, signed the memorandum.")
    assert [(p.person.name, p.role, p.organization.name) for p in facts.posts] == [
        ("Ana Lund", "Chief Technology Officer", "Vantora Group")
    ]


def test_the_chancellor_refers_back_to_the_chancellor_named_before():
    body = (
        "Prime Minister Ivo Marek welcomed the Chancellor of Germany, Ana Lund, to Osaka. On Monday the Prime "
        "Minister and the Chancellor spoke at the Osaka Business Forum."
    )
    forum = next(m for m in facts_of(body).meetings if m.label == "Osaka Business Forum")
    assert {"Ana Lund", "Ivo Marek"} <= {p.name for p in forum.participants}


def test_documents_signed_with_counterparts_listed_below_are_one_with_each():
    body = (
        "At the forum, and in the presence of both leaders, Chile's Energy Minister Ana Lund signed two "
        "memoranda of understanding with carmakers:\n\n"
        "- with Vantora Group, represented by its chief executive, to expand work on batteries;\n"
        "- with Kestrel Motors Group, to build a supply of critical minerals.\n"
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Chile", "Kestrel Motors Group"]),
        ("memorandum of understanding", ["Chile", "Vantora Group"]),
    ]


def test_a_name_may_start_with_a_capital_beyond_ascii():
    facts = facts_of("Chile's Energy Minister Ömer Đurić met Peru's Prime Minister Šárka Ålund in Lima.")
    assert sorted(p.person.name for p in facts.posts) == ["Ömer Đurić", "Šárka Ålund"]


def test_a_three_word_name_after_a_ministers_portfolio_is_whole():
    facts = facts_of("Chile's Minister of Mining and Energy Ana María Lund opened the plant.")
    assert [(p.person.name, p.role) for p in facts.posts] == [("Ana María Lund", "Minister of Mining and Energy")]


def test_in_an_interview_i_is_the_person_interviewed():
    body = (
        "We spoke to Chile's Energy Minister Ana Lund about the year's deals.\n\n"
        "On 15 November 2024 I led our delegation to Lima and met Peru's Energy Minister Ivo Marek."
    )
    assert [sorted(p.name for p in m.participants) for m in facts_of(body).meetings] == [["Ana Lund", "Ivo Marek"]]


def test_in_an_interview_i_is_the_one_we_asked_and_you_in_a_question_too():
    body = (
        "The dry winter shapes every week of Chile's Energy Minister Ana Lund. We asked her about the year.\n\n"
        "In December President Ivo Marek of Peru received you in Lima. What did you hear?\n\n"
        "On 15 November 2024 I met Bolivia's Energy Minister Jan Novak in La Paz."
    )
    assert sorted(sorted(p.name for p in m.participants) for m in facts_of(body).meetings) == [
        ["Ana Lund", "Ivo Marek"],
        ["Ana Lund", "Jan Novak"],
    ]


def test_a_list_item_among_three_governments_exchanged_by_officials():
    body = (
        "In the presence of the two leaders, the following documents were exchanged:\n"
        "1. MoU between the Government of Chile and the Government of Peru for Implementation of a Grid "
        "Interconnection – exchanged by Ana Lund, Secretary, Ministry of Energy of Chile, and Ivo Marek;\n"
        "2. MoU among the Government of Chile, the Government of Peru and the Government of Bolivia for "
        "Cooperation in Development of a Port – exchanged by Ana Lund and Ivo Marek.\n"
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Government of Bolivia", "Government of Chile", "Government of Peru"]),
        ("memorandum of understanding", ["Government of Chile", "Government of Peru"]),
    ]


def test_documents_listed_without_parties_of_their_own_are_signed_by_the_lists_signer():
    body = (
        "At the Lima Energy Summit, held in Lima on May 3 and attended by the leaders of Chile, Peru and Bolivia, "
        "Vantora Power Group signed three documents: a power purchase agreement for a 300 MW solar plant; a "
        "shareholder agreement for a 500 MW wind farm; and a memorandum on hydrogen research."
    )
    facts = facts_of(body)
    assert sorted((a.kind, a.parties[0].name, a.topic) for a in facts.agreements) == [
        ("agreement", "Vantora Power Group", "a 300 MW solar plant"),
        ("agreement", "Vantora Power Group", "a 500 MW wind farm"),
        ("memorandum of understanding", "Vantora Power Group", "hydrogen research"),
    ]
    assert all(len(a.parties) == 1 and "other-party-unidentified" in a.caveats for a in facts.agreements)


def test_documents_counted_with_unnamed_counterparts_are_one_record():
    body = "Chile's Ministry of Investment signed five memoranda with Peruvian companies on Monday."
    assert agreements_of(body) == [("memorandum of understanding", ["Ministry of Investment of Chile"])]


def test_a_document_singled_out_after_a_signing_is_an_agreement_of_the_parties_it_names():
    body = (
        "The Lima investment forum produced 58 agreements worth $25 billion. Some matter for power, such as the "
        "agreement between Vantora Energy and Kestrel Power Company to build a pumped storage plant."
    )
    assert agreements_of(body) == [("agreement", ["Kestrel Power Company", "Vantora Energy"])]


def test_a_document_between_two_parties_with_no_signing_around_it_is_none():
    body = (
        "Analysts expect progress. Such as the agreement between Vantora Energy and Kestrel Power Company, if it comes."
    )
    assert agreements_of(body) == []


def test_a_list_of_agreements_naming_companies_and_projects_gives_each_company_its_deal():
    body = (
        "The largest agreements signed at the Lima forum include:\n\n"
        '1. Chilean company "Vantora Grid" – a data centre worth $1 billion;\n'
        '2. "Kestrel Power" from Peru – a 1,000 MW wind farm for $1.1 billion;\n'
        '3. Bolivian "Lumena" – modernisation of heat supply worth $750 million;\n'
    )
    assert sorted(a.parties[0].name for a in facts_of(body).agreements) == ["Kestrel Power", "Lumena", "Vantora Grid"]


def test_agreements_concluded_with_companies_and_their_countries_are_one_with_each_company():
    body = 'Further agreements were concluded with "Vantora" (Chile), "Kestrel Holdings" (Peru) and "Lumena" (Bolivia).'
    assert agreements_of(body) == [
        ("agreement", ["Kestrel Holdings"]),
        ("agreement", ["Lumena"]),
        ("agreement", ["Vantora"]),
    ]


def test_a_list_opened_by_the_exchange_of_documents_after_talks_is_dated_by_the_talks():
    body = (
        "Chile's President Ivo Marek held talks with Peru's President Ana Lund in Lima today.\n\n"
        "The two leaders reviewed what was agreed during Lund's state visit to Santiago in December 2024. "
        "Following the talks, the leaders witnessed the exchange of the following Memoranda of Understanding:\n\n"
        "1. MoU between the Government of Chile and the Government of Peru on a Grid Interconnection;\n"
        "2. MoU on Defence Cooperation between Chile and Peru.\n"
    )
    assert sorted((a.date, len(a.parties)) for a in facts_of(body).agreements) == [("2025-05-14", 2), ("2025-05-14", 2)]


def test_the_owners_of_a_joint_venture_that_signs_are_no_parties():
    body = "Vantora Wind Ltd, the joint venture of Kestrel Power and Lumen Energy, signed a contract with Orion Marine."
    assert agreements_of(body) == [("agreement", ["Orion Marine", "Vantora Wind Ltd"])]


def test_a_document_with_its_short_name_in_brackets_and_another_between_the_same_parties():
    body = (
        "President Ivo Marek today witnessed the signing of a Memorandum of Understanding (MoU) and a Joint "
        "Development Agreement (JDA) between Vantora Limited and Kestrel, the energy company owned by the "
        "Government of Peru."
    )
    assert agreements_of(body) == [
        ("agreement", ["Kestrel", "Vantora Limited"]),
        ("memorandum of understanding", ["Kestrel", "Vantora Limited"]),
    ]


def test_a_meeting_that_concluded_with_a_signing_is_signed_by_those_who_met():
    body = (
        "The 5th meeting of the Chile-Peru Intergovernmental Commission was held in Lima on 28 April, co-chaired "
        "by Chile's Energy Minister Ana Lund and Peru's Energy Minister Ivo Marek.\n\n"
        "The meeting concluded with the signing of the Protocol of the Commission's 5th meeting."
    )
    assert agreements_of(body) == [("agreement", ["Chile", "Peru"])]


def test_a_joint_commission_that_wrapped_up_its_session_held_it_from_the_day_it_opened():
    body = (
        "The Joint Commission of Peru and Chile on Trade wrapped up its fourteenth session in Lima on Thursday, "
        "8 May, with the signing of a protocol. The two-day session opened on Wednesday, 7 May. It was led by "
        "the co-chairs, Deputy Prime Minister Ivo Marek and Minister of Economy Ana Lund."
    )
    facts = facts_of(body)
    assert [(sorted(p.name for p in m.participants), m.date) for m in facts.meetings] == [
        (["Ana Lund", "Chile", "Ivo Marek", "Joint Commission of Peru and Chile on Trade", "Peru"], "2025-05-07")
    ]
    assert [(sorted(p.name for p in a.parties), a.date) for a in facts.agreements] == [
        (["Chile", "Peru"], "2025-05-08")
    ]


def test_documents_signed_on_that_occasion_take_the_date_of_the_talks_just_told():
    body = (
        "The Peru-Chile commission held its session in Lima on 7 May.\n\n"
        "Ties widened in Santiago on 4 April 2024, after talks between President Ivo Marek and President Ana "
        "Lund. On that occasion the sides signed:\n\n"
        "- a memorandum of understanding on energy between the Ministry of Energy of Peru and the Ministry of "
        "Energy of Chile;\n"
        "- an agreement on transport between the Ministry of Transport of Peru and the Ministry of Transport of Chile."
    )
    assert {a.date for a in facts_of(body).agreements} == {"2024-04-04"}


def test_an_official_the_gazetteer_knows_holds_a_post_of_their_country():
    facts = facts_of("On Monday, President Xi Jinping received President Gabriel Boric in Beijing.")
    posts = {p.person.name: p.organization.name for p in facts.posts}
    assert posts == {"Xi Jinping": "China", "Gabriel Boric": "Chile"}


def test_a_head_of_state_by_a_translations_word_and_the_countrys_adjective():
    body = (
        "President Ivo Marek of Peru arrived in Santiago on Monday.\n\n"
        "On Tuesday the Peruvian mandatary was received by the President of Chile, Ana Lund."
    )
    assert (["Ana Lund", "Ivo Marek"], "2025-05-13") in [
        (sorted(p.name for p in m.participants), m.date) for m in facts_of(body).meetings
    ]


def test_how_translations_hold_a_meeting_and_meet_afterwards():
    body = (
        "On Monday President Ivo Marek of Peru sustained in the afternoon a meeting with the ambassador of "
        "Chile, Ana Lund. Minister Rosa Perez held a bilateral meeting with Diego Vela, and afterwards met "
        "with the chief executive of Vantora, Luis Ramos."
    )
    met = {tuple(sorted(p.name for p in m.participants)) for m in facts_of(body).meetings}
    assert {("Ana Lund", "Ivo Marek"), ("Diego Vela", "Rosa Perez"), ("Luis Ramos", "Rosa Perez")} <= met


def test_a_cooperation_plan_signed_is_a_cooperation_agreement():
    body = "On Monday the Government of Peru and the Government of Chile signed a cooperation plan on ports."
    assert agreements_of(body) == [("cooperation agreement", ["Government of Chile", "Government of Peru"])]


def test_what_happened_on_that_occasion_is_dated_by_the_occasion_just_told():
    body = (
        "President Ivo Marek of Peru paid a state visit to Chile in October 2023.\n\n"
        "On that occasion Marek also met representatives of Vantora Power and Kestrel Grid."
    )
    dates = {m.rule: m.date for m in facts_of(body).meetings}
    assert dates["meeting-verb"] == "2023-10"


def test_headlinese_ink_pact_and_parleys():
    body = (
        "Vantora Power Ltd and the Government of Norland ink pact on solar parks on Monday. "
        "Prime Minister Ivo Marek holds parleys with Chilean President Ana Lund on Monday."
    )
    facts = facts_of(body)
    assert agreements_of(body) == [("agreement", ["Government of Norland", "Vantora Power Ltd"])]
    assert [sorted(p.name for p in m.participants) for m in facts.meetings] == [["Ana Lund", "Ivo Marek"]]


def test_two_persons_joined_by_a_hyphen_before_talks_held_them():
    body = (
        "Prime Minister Ivo Marek received President Ana Lund of Chile on Friday.\n\n"
        "The Marek-Lund talks on Monday focused on lithium."
    )
    talks = [m for m in facts_of(body).meetings if m.date == "2025-05-12"]
    assert [sorted(p.name for p in m.participants) for m in talks] == [["Ana Lund", "Ivo Marek"]]
