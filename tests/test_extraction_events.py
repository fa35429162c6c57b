"""Events named by a multilateral grouping and the people who came from them (issue 13), on
sentences written for these tests; no rule names an entity or quotes an article."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 5, 14)


def meetings_of(body: str):
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    return sorted((m.label, sorted(p.name for p in m.participants)) for m in facts.meetings)


def test_a_groupings_acronym_and_a_lower_case_summit_or_meeting_name_an_event():
    body = "Delegates gathered for the G7 summit. Officials were in Lima for the APEC meeting."
    assert meetings_of(body) == [("APEC meeting", ["APEC"]), ("G7 summit", ["G7"])]


def test_who_came_straight_from_a_summit_attended_it():
    body = "Norland's President Ivo Marek flew to Kestria straight from the G20 summit in Osaka."
    assert meetings_of(body) == [("G20 summit", ["G20", "Ivo Marek"])]


def test_a_leaders_summit_is_held_by_the_grouping_and_leading_a_delegation_is_taking_part():
    body = "Prime Minister Ana Lund came from the G20 leaders' summit, where she led the Norland delegation."
    assert meetings_of(body) == [("G20 summit", ["Ana Lund", "G20"])]


def test_a_place_before_a_meeting_makes_no_event_of_its_own():
    body = "Officials in Osaka said a second round of talks was possible. The Osaka meeting was not confirmed."
    assert meetings_of(body) == []


def test_a_liveblog_tells_a_welcome_in_the_present():
    body = "09:45 – Chile's Energy Minister Ana Lund greets Peru's Prime Minister Ivo Marek at the airport."
    assert meetings_of(body) == [("Ana Lund meet Ivo Marek", ["Ana Lund", "Ivo Marek"])]


def test_receiving_gas_is_no_meeting():
    assert meetings_of("Chile receives gas from Peru under a contract signed in 2023.") == []


def test_the_capitalised_minister_is_the_minister_named_before():
    body = (
        "Chile's Energy Minister Ana Lund attended the Osaka Energy Forum on Tuesday. On the sidelines of "
        "the forum, the Minister also met with representatives of Vantora Power and Kestrel Grid Company."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    side = next(m for m in facts.meetings if not m.named)
    assert sorted(p.name for p in side.participants) == ["Ana Lund", "Kestrel Grid Company", "Vantora Power"]
    assert side.part_of is not None and side.part_of.label == "Osaka Energy Forum"
    assert side.date == side.part_of.date == "2025-05-13"


def test_an_unnamed_counterpart_is_the_country_of_the_demonym():
    body = "Chile's President Ivo Marek held talks with his Peruvian counterpart in Lima on Tuesday."
    assert meetings_of(body) == [("Ivo Marek hold talks with Peru", ["Ivo Marek", "Peru"])]


def test_a_named_counterpart_stays_the_person():
    body = "Chile's President Ivo Marek held talks with his Peruvian counterpart Ana Lund in Lima on Tuesday."
    assert meetings_of(body) == [("Ivo Marek hold talks with Ana Lund", ["Ana Lund", "Ivo Marek"])]


def test_two_delegations_named_by_demonyms_are_their_countries():
    body = "Talks between the Chilean and Peruvian delegations took place in Lima on 12 May."
    assert [participants for _, participants in meetings_of(body)] == [["Chile", "Peru"]]


def test_a_standing_bodys_meeting_in_lower_case_is_an_event_its_chairs_attend():
    body = (
        "Chile's Prime Minister Ivo Marek and Peru's Prime Minister Ana Lund co-chaired the intergovernmental "
        "council meeting in Lima."
    )
    assert meetings_of(body) == [("Intergovernmental council meeting", ["Ana Lund", "Ivo Marek"])]


def test_the_two_leaders_are_the_two_leaders_named_last():
    body = (
        "Chile's President Ivo Marek held talks with Peru's Prime Minister Ana Lund in Lima on Monday. "
        "On Tuesday the two leaders opened the Lima Energy Forum."
    )
    forum = next(m for m in extract_article(Article("t", Path("t.txt"), "T", body, PUBLISHED)).meetings if m.named)
    assert sorted(p.name for p in forum.participants) == ["Ana Lund", "Ivo Marek"]


def test_a_place_after_the_is_no_person():
    body = "At the Presidential Palace, Chile's President Ivo Marek received Peru's Prime Minister Ana Lund."
    facts = extract_article(Article("t", Path("t.txt"), "T", body, PUBLISHED))
    assert "Presidential Palace" not in {e.name for e in facts.entities if e.type == "Person"}


def test_the_two_presidents_are_the_two_this_sentence_named_before_them():
    body = (
        "The summit was attended by President of Chile Ivo Marek, President of Peru Ana Lund and President of "
        "Bolivia Omar Sanz. On the sidelines, Marek held talks with Sanz, after which the two presidents "
        "signed a joint statement."
    )
    facts = extract_article(Article("t", Path("t.txt"), "T", body, PUBLISHED))
    assert [sorted(p.name for p in a.parties) for a in facts.agreements] == [["Bolivia", "Chile"]]


def test_a_state_visit_written_with_capitals_is_a_visit():
    body = "The leaders reviewed what was agreed during President Ivo Marek's State Visit to Peru in December 2024."
    assert meetings_of(body) == [("Visit of Ivo Marek to Peru", ["Ivo Marek", "Peru"])]


@pytest.mark.parametrize(
    "body",
    [
        "Chile's Energy Minister Ana Lund and Peru's Energy Minister Ivo Marek discussed the grid link by phone.",
        "Chile's Energy Minister Ana Lund and Peru's Energy Minister Ivo Marek exchanged views on energy security.",
    ],
)
def test_two_who_discussed_by_phone_or_exchanged_views_held_talks(body):
    assert [participants for _, participants in meetings_of(body)] == [["Ana Lund", "Ivo Marek"]]


def test_a_meeting_with_the_management_of_a_company_is_with_the_company():
    body = "Chile's Energy Minister Ana Lund held a meeting with the management of Vantora on Monday."
    assert [participants for _, participants in meetings_of(body)] == [["Ana Lund", "Vantora"]]


def test_counterparts_received_from_several_countries_are_one_meeting_each():
    body = "Chile's Foreign Minister Ana Lund received her counterparts from Peru, Bolivia and Ecuador on Monday."
    assert meetings_of(body) == [
        ("Ana Lund meet Bolivia", ["Ana Lund", "Bolivia"]),
        ("Ana Lund meet Ecuador", ["Ana Lund", "Ecuador"]),
        ("Ana Lund meet Peru", ["Ana Lund", "Peru"]),
    ]


def test_who_inaugurated_it_inaugurated_the_plant_just_named_and_those_who_joined_took_part():
    body = (
        "A lake near Lima is now home to the biggest floating solar plant in the region. President Ivo Marek "
        "inaugurated it today. The President was joined at the inauguration by Energy Minister Ana Lund."
    )
    assert meetings_of(body) == [("Inauguration ceremony", ["Ana Lund", "Ivo Marek"])]


def test_an_opened_object_that_is_no_plant_is_no_ceremony():
    assert meetings_of("Chile's President Ivo Marek opened the debate and said it was urgent.") == []


def test_the_countries_listed_after_took_part_took_part_in_the_event_just_told():
    body = (
        "The Andes Energy Summit opened in Lima on Monday.\n\n"
        "Four countries took part: Peru, Chile, Bolivia and Ecuador."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [sorted(p.name for p in m.participants) for m in facts.meetings] == [["Bolivia", "Chile", "Ecuador", "Peru"]]


def test_ground_is_broken_for_a_project_named_by_its_own_name():
    body = "On Monday, Prime Minister Ivan Petrov broke ground for Velmar-5 at the coast."
    assert meetings_of(body) == [("Groundbreaking ceremony of Velmar-5", ["Ivan Petrov"])]


def test_the_ceremony_of_another_day_is_another_ceremony():
    body = (
        "On 14 July 2023, Prime Minister Ivan Petrov broke ground for the Velmar plant. On Monday Energy Minister "
        "Ana Costa attended the ceremony marking the first pour of concrete at the site."
    )
    assert meetings_of(body) == [
        ("Ceremony attended by Ana Costa", ["Ana Costa"]),
        ("Groundbreaking ceremony of Velmar plant", ["Ivan Petrov"]),
    ]


@pytest.mark.parametrize(
    "follow_up",
    [
        "It was attended by Energy Minister Jan Novak and Deputy Prime Minister Ana Costa.",
        "The commission is co-chaired by Jan Novak, Minister of Economy of Peru, and Ana Costa, a deputy minister.",
        "Jan Novak led the Peruvian delegation, while the Chilean side was headed by Ana Costa.",
    ],
)
def test_who_attended_chaired_or_led_a_side_takes_part_in_the_session_before(follow_up):
    body = f"The 14th session of the Peru-Chile Joint Commission was held in Lima on March 3. {follow_up}"
    assert meetings_of(body) == [
        ("14th session of the Peru-Chile Joint Commission", ["Ana Costa", "Chile", "Jan Novak", "Peru"])
    ]


def test_who_presided_over_a_meeting_of_a_body_held_it_and_who_was_in_attendance_took_part():
    body = (
        "President Ivo Marek presided over a meeting of the Cabinet at the State Lodge in Lima on Monday. "
        "Vice President Ana Lund and the cabinet secretaries were in attendance."
    )
    assert meetings_of(body) == [("Meeting of the Cabinet", ["Ana Lund", "Ivo Marek"])]


def test_a_visitor_who_spent_days_in_a_capital_on_a_state_visit_visited_it():
    body = "President Ivo Marek spent the week in Lima on a state visit."
    assert meetings_of(body) == [("Visit of Ivo Marek to Lima", ["Ivo Marek"])]


@pytest.mark.parametrize("who", ["The ceremony was attended by", "Present at the ceremony were"])
def test_who_attended_the_ceremony_told_after_a_signing_took_part_in_it(who):
    body = (
        "In Lima on Monday, Vantora Power and Kestrel Bank signed an agreement on a solar plant. "
        f"{who} Energy Minister Ivo Marek and Ana Lund, the bank's president."
    )
    assert meetings_of(body) == [
        (
            "Signing of the agreement between Vantora Power and Kestrel Bank",
            ["Ana Lund", "Ivo Marek", "Kestrel Bank", "Vantora Power"],
        )
    ]


def test_the_states_represented_at_a_summit_by_their_leaders_took_part():
    body = (
        "The Lima Summit opened on Monday. Three states were represented at the level of head of state: Peru "
        "(President Ivo Marek), Chile (President Ana Lund) and Bolivia (President Jan Novak)."
    )
    assert meetings_of(body) == [("Lima Summit", ["Ana Lund", "Ivo Marek", "Jan Novak"])]


def test_a_leader_who_landed_in_a_capital_for_a_stay_of_days_visited_it():
    body = "On 14 October 2024, Premier Ivo Marek landed in Lima for a four-day stay."
    assert meetings_of(body) == [("Visit of Ivo Marek to Lima", ["Ivo Marek"])]


def test_a_visit_is_dated_by_its_first_day_and_paid_by_the_guest_not_the_host():
    body = (
        "President Ana Lund of Chile and Peru's President Ivo Marek held talks in Santiago on the second day of "
        "the Head of State's state visit to Chile on 25 October. The visit, which runs from October 24 to 26, is "
        "his first."
    )
    facts = extract_article(Article("t", Path("t.txt"), "T", body, PUBLISHED))
    visits = [(sorted(p.name for p in m.participants), m.date) for m in facts.meetings if m.kind == "visit"]
    assert visits == [(["Chile", "Ivo Marek"], "2024-10-24")]


def test_the_host_named_nearest_a_visit_is_not_its_visitor():
    body = (
        "Peru's President Ivo Marek met Chile's President Ana Lund in Santiago on 25 October, on the second day "
        "of a state visit to Chile."
    )
    facts = extract_article(Article("t", Path("t.txt"), "T", body, PUBLISHED))
    assert [m.label for m in facts.meetings if m.kind == "visit"] == ["Visit of Ivo Marek to Chile"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Velmar Energy Forum opened in Lima on Monday.",
        "The Velmar Energy Forum (VEF-3) was held in Lima on Monday.",
    ],
)
def test_an_event_that_took_place_is_a_meeting_though_nobody_is_named_in_it(sentence):
    assert [label for label, *_ in meetings_of(sentence)] == ["Velmar Energy Forum"]


def test_an_event_named_in_passing_in_a_clause_that_tells_of_another_is_none():
    sentence = (
        "These talks prepared the ground for the Velmar Energy Forum, while the ministerial meeting of the Andean "
        "Council convened in Lima on Monday."
    )
    assert "Velmar Energy Forum" not in [label for label, *_ in meetings_of(sentence)]


def test_a_grouping_named_inside_an_events_name_holds_the_event():
    body = "Leaders met at the 16th BRICS Summit in Kazan on 23 October. The 44th SADC Summit took place in Harare."
    assert meetings_of(body) == [("BRICS Summit", ["BRICS"]), ("SADC Summit", ["SADC"])]


def test_an_event_pairing_a_country_with_a_grouping_has_both_and_stays_apart_from_another_summit():
    body = (
        "Ana Lund attended the BRICS Summit in Kazan on 23 October. "
        "The EU-Japan summit opened in Brussels on 17 July, with Ivo Marek as host."
    )
    assert meetings_of(body) == [
        ("BRICS Summit", ["Ana Lund", "BRICS"]),
        ("EU-Japan summit", ["European Union", "Ivo Marek", "Japan"]),
    ]


def test_the_summit_told_in_the_past_is_the_one_held_not_the_next_one_announced():
    body = (
        "Leaders met at the SADC Summit in Harare on 17 August. The next ordinary summit will be held in "
        "Lilongwe in August 2026. The summit also heard a report of the council, chaired by Ana Lund."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, dt.date(2025, 8, 20)))
    held = next(m for m in facts.meetings if m.label == "SADC Summit")
    assert held.sentences == {0, 2} and not held.planned


def test_the_two_leaders_stand_for_their_countries_not_for_a_summit_one_of_them_came_from():
    body = (
        "Chile's President Ana Lund held talks with Peru's President Ivo Marek in Lima on 5 April. "
        "Lund arrived in Lima after attending the BIMSTEC Summit in Bangkok.\n\n"
        "Following the talks, the leaders witnessed the exchange of the following memoranda of understanding:\n\n"
        "1. MoU on Energy Cooperation;\n\n2. MoU on Health Cooperation.\n"
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, dt.date(2025, 4, 6)))
    assert facts.agreements
    assert all(sorted(p.name for p in a.parties) == ["Chile", "Peru"] for a in facts.agreements)


def test_the_grouping_whose_leaders_hold_their_summit_takes_part_and_its_next_summit_is_another():
    body = (
        "Leaders of the SCO wrapped up their annual summit in Astana on Monday. "
        "The next SCO summit will be held in Bishkek."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    held, ahead = sorted(facts.meetings, key=lambda m: m.planned)
    assert [p.name for p in held.participants] == ["Shanghai Cooperation Organization"] and not held.planned
    assert held.date == "2025-05"  # the day it ended: it began days before
    assert ahead.planned and ahead.label.startswith("Next") and ahead.sentences == {1}


def test_an_event_told_again_a_week_later_across_a_months_end_is_one_event():
    body = (
        "The Osaka Energy Forum opened on 30 November with Ana Lund in the chair. "
        "On 5 December, Ivo Marek addressed the Osaka Energy Forum."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, dt.date(2025, 12, 8)))
    assert [(m.date, sorted(p.name for p in m.participants)) for m in facts.meetings] == [
        ("2025-11-30", ["Ana Lund", "Ivo Marek"])
    ]


def test_the_two_leaders_reviewing_trade_tell_the_talks_again_and_the_documents_signed_next_are_theirs():
    body = (
        "Chile's President Ana Lund held talks with Peru's President Ivo Marek in Lima on Tuesday. "
        "Copper was high on the agenda. Lund began her first state visit to Peru at the national memorial. "
        "The visit runs until Sunday. At the palace the two leaders reviewed trade and energy. "
        "Peru already has a trade arrangement with Chile. Two documents were signed: a memorandum on "
        "copper exploration and an agreement on culture."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, dt.date(2025, 4, 3)))
    talks = next(m for m in facts.meetings if m.kind == "talks")
    assert talks.sentences == {0, 4}
    assert len(facts.agreements) == 2
    assert all(sorted(p.name for p in a.parties) == ["Chile", "Peru"] for a in facts.agreements)
