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
        "Energy Minister Ivan Petrov sat across the table from Foreign Minister Ana Costa in Lima on Monday.",
        "Energy Minister Ivan Petrov played host to Foreign Minister Ana Costa in Lima on Monday.",
        "Energy Minister Ivan Petrov held talks in Lima on Monday with then-Minister Ana Costa.",
        "Energy Minister Ivan Petrov had an audience with Foreign Minister Ana Costa in Lima on Monday.",
        "Foreign Minister Ana Costa was granted an audience by Energy Minister Ivan Petrov in Lima on Monday.",
        "Energy Minister Ivan Petrov briefed Foreign Minister Ana Costa on the grid project in Lima on Monday.",
        "Energy Minister Ivan Petrov spoke with Foreign Minister Ana Costa on the sidelines of a forum in Lima on "
        "Monday.",
        "After talks at the palace in Lima on Monday, Energy Minister Ivan Petrov and Foreign Minister Ana Costa "
        "watched a film.",
        "At a meeting in Lima on Monday, Energy Minister Ivan Petrov and Foreign Minister Ana Costa reviewed the plan.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa had a working lunch in Lima on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa gave a joint press conference in Lima on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa co-chaired the joint commission in Lima on Monday.",
        "Energy Minister Ivan Petrov joined Foreign Minister Ana Costa for talks in Lima on Monday.",
        "Following talks with Foreign Minister Ana Costa in Lima on Monday, Energy Minister Ivan Petrov said the "
        "grid would be ready.",
        "Ivan Petrov, Norland's energy minister, sat down on Monday in Lima with his Velan counterpart, Ana Costa.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa held a working session in Lima on Monday.",
        "Talks in Lima on Monday brought together Energy Minister Ivan Petrov and Foreign Minister Ana Costa.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa held their first meeting in Lima on Monday.",
        "Energy Minister Ivan Petrov thanked Foreign Minister Ana Costa for her hospitality during their talks in "
        "Lima on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa held a joint news conference in Lima on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa witnessed the signing of three agreements in Lima "
        "on Monday.",
        "Energy Minister Ivan Petrov held a bilateral with Foreign Minister Ana Costa in Lima on Monday.",
        "Energy Minister Ivan Petrov had a one-on-one with Foreign Minister Ana Costa in Lima on Monday.",
        "Energy Minister Ivan Petrov and his counterpart Ana Costa agreed in Lima on Monday to speed up the link.",
        '"I had a productive meeting with Foreign Minister Ana Costa in Lima on Monday," Energy Minister Ivan Petrov '
        "wrote.",
        "After meeting Foreign Minister Ana Costa in Lima on Monday, Energy Minister Ivan Petrov said the link was "
        "ready.",
    ],
)
def test_a_way_of_telling_a_meeting_of_two(sentence):
    assert meetings_of(sentence) == [(["Ana Costa", "Ivan Petrov"], "2025-03-03")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Energy Minister Ivan Petrov discussed the grid project in Lima on Monday.",  # one person
        "Energy Minister Ivan Petrov briefed the Velan side on the grid project in Lima on Monday.",  # no one named
        "Energy Minister Ivan Petrov spoke with reporters in Lima on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa will discuss grid links in Lima.",  # not yet
        "The two governments agreed to speed up the grid link.",  # nobody named
        "Energy Minister Ivan Petrov witnessed the signing of three agreements in Lima on Monday.",  # one person
        "The forum brought together investors from 40 countries in Lima on Monday.",  # nobody named
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


@pytest.mark.parametrize(
    "sentence",
    [
        # a standing body's session, named or in lower case, with those who chaired or attended it
        "The steering committee of the corridor project met for the first time in Lima on Monday, chaired by Energy "
        "Minister Ivan Petrov, with Foreign Minister Ana Costa attending.",
        "The intergovernmental commission met in Lima on Monday under the co-chairmanship of Energy Minister Ivan "
        "Petrov and Foreign Minister Ana Costa.",
        "The Velan-Norland Business Council held its first session in Lima on Monday with Energy Minister Ivan Petrov "
        "and Foreign Minister Ana Costa.",
        # ceremonies told by the passive, by what was done at them, or by their being held
        "The Velmar solar plant was inaugurated on Monday in the presence of Energy Minister Ivan Petrov and Foreign "
        "Minister Ana Costa.",
        "The first unit of the Velmar plant was put into operation on Monday by Energy Minister Ivan Petrov and "
        "Foreign Minister Ana Costa.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa launched construction of the Velmar solar plant "
        "on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa cut the ribbon at the Velmar plant on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa took part in the virtual groundbreaking of the "
        "Velmar solar plant on Monday.",
        "A ceremony marking the start of construction of the Velmar wind farm was held on Monday with Energy Minister "
        "Ivan Petrov and Foreign Minister Ana Costa.",
        "The exchange of signed documents took place in Lima on Monday in the presence of Energy Minister Ivan Petrov "
        "and Foreign Minister Ana Costa.",
        # a plant's ceremony told by what was done or marked at it, or by who attended it
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa broke ground on the Velmar solar plant on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa marked the completion of the Velmar plant on "
        "Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa celebrated the start of operations at the Velmar "
        "solar farm on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa witnessed the energisation of the Velmar "
        "substation on Monday.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa attended a ceremony on Monday to mark the "
        "commercial operation of the Velmar solar plant.",
        "Energy Minister Ivan Petrov inaugurated the Velmar solar park on Monday in the presence of Foreign "
        "Minister Ana Costa.",
        "Energy Minister Ivan Petrov and Foreign Minister Ana Costa put the Velmar solar plant into operation on "
        "Monday.",
        "The Velmar plant was commissioned on Monday at a ceremony attended by Energy Minister Ivan Petrov and "
        "Foreign Minister Ana Costa.",
        "The opening of the Velmar plant on Monday was attended by Energy Minister Ivan Petrov and Foreign Minister "
        "Ana Costa.",
        "The first turbine at Velmar was switched on by Energy Minister Ivan Petrov and Foreign Minister Ana Costa "
        "on Monday.",
        # two persons who sign together meet to do it, whatever the document is for
        "Peru's Energy Minister Ivan Petrov and Chile's Foreign Minister Ana Costa on Monday signed a declaration on "
        "a hydrogen pipeline to be built by 2030.",
    ],
)
def test_a_session_or_a_ceremony_with_the_two_in_it(sentence):
    two = {"Ana Costa", "Ivan Petrov"}  # a body takes part in its own session too
    assert [sorted(two & set(people)) for people, date in meetings_of(sentence) if date == "2025-03-03"] == [
        sorted(two)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The commission met in Lima on Monday.",  # nobody named in it
        "The Velmar solar plant was inaugurated in 2019.",  # its history, nobody at it
        "The plant was built by Vantora Solar LLC and commissioned in 2021.",  # a builder is no guest
        "Vantora Solar LLC commissioned the Velmar wind farm in 2021.",  # a company's work, nobody at it
        "Vantora Solar LLC launched construction of the 200 MW Velmar solar plant in May.",
    ],
)
def test_no_session_or_ceremony_with_nobody_named(sentence):
    assert meetings_of(sentence) == []


def test_the_same_talks_told_twice_are_one_meeting_with_the_finer_date():
    body = (
        "President Ivo Marek held talks with President Ana Lund this month.\n\n"
        "On Monday, President Ana Lund held talks with President Ivo Marek in Lima."
    )
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-03-03")]


def test_the_same_pair_meeting_in_another_year_is_another_meeting():
    body = (
        "President Ivo Marek held talks with President Ana Lund in 2023.\n\n"
        "On Monday, President Ana Lund held talks with President Ivo Marek in Lima."
    )
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2023"), (["Ana Lund", "Ivo Marek"], "2025-03-03")]


def test_a_second_host_meeting_him_in_a_clause_of_its_own_is_a_second_meeting():
    body = (
        "On Monday, President Ivo Marek received Energy Minister Ana Lund, and Minister of Foreign Affairs "
        "Tomas Berg held separate talks with her."
    )
    assert sorted(meetings_of(body)) == [
        (["Ana Lund", "Ivo Marek"], "2025-03-03"),
        (["Ana Lund", "Tomas Berg"], "2025-03-03"),
    ]


def test_him_is_the_person_named_before_when_no_verb_before_met_anyone():
    body = "President Ivo Marek arrived in Lima on Monday, and Minister Tomas Berg held talks with him."
    assert meetings_of(body) == [(["Ivo Marek", "Tomas Berg"], "2025-03-03")]
    body = "As part of President Ivo Marek's state visit to Peru, President Ana Lund hosted him for talks on Monday."
    assert (["Ana Lund", "Ivo Marek"], "2025-03-03") in meetings_of(body)


def test_him_is_not_the_one_who_met_before():
    # "Jabbarov" alone is no name the extractor knows: "him" must not fall back on the host
    body = "On Monday, President Ivo Marek received Jabbarov, and Minister Tomas Berg held separate talks with him."
    assert meetings_of(body) == []


def test_the_one_before_who_held_a_working_meeting():
    body = (
        "The ceremony was attended by Commissioner Ana Lund and Deputy Prime Minister Ivo Marek, who in Brussels "
        "also held a working meeting with Lund on Monday."
    )
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-03-03")]


def test_a_co_chair_described_by_a_title_after_the_name_stays_a_person():
    body = (
        "The commission met in Lima on Monday, co-chaired by Ivo Marek, Deputy Chairman of the Cabinet of "
        "Ministers of Peru, and Ana Lund, Minister of Economy of Chile."
    )
    participants = meetings_of(body)[0][0]
    assert {"Ivo Marek", "Ana Lund"} <= set(participants)
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert {e.name: e.type for e in facts.entities}["Ana Lund"] == "Person"


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday, President Ivo Marek and Prime Minister Ana Lund hailed the deal in a phone call.",
        "The grid was one of the topics of the meetings between President Ivo Marek and President Ana Lund, "
        "most recently on Monday in Lima.",
        "The plan was agreed at an online meeting between President Ivo Marek and President Ana Lund on Monday.",
    ],
)
def test_a_call_or_meetings_between_two(sentence):
    assert meetings_of(sentence) == [(["Ana Lund", "Ivo Marek"], "2025-03-03")]


def test_the_companies_of_deals_listed_as_signed_at_a_forum_took_part_in_it():
    body = (
        "The Lima Energy Investment Forum, held on 3 March, ended with deals worth $2 billion.\n\n"
        "The largest agreements signed at the forum include:\n"
        "1. Vantora Solar LLC (Chile) - a 200 MW solar plant in Arequipa;\n"
        "2. Kestrel Power Group (Spain) - a 300 MW wind farm in Ica."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    forum = next(m for m in facts.meetings if "Forum" in m.label)
    assert {"Vantora Solar LLC", "Kestrel Power Group"} <= {p.name for p in forum.participants}


def test_those_the_dashes_set_apart_met():
    body = "The three leaders - President Ivo Marek, President Ana Lund and Prime Minister Tomas Berg - met on Monday."
    assert [sorted(p) for p, _ in meetings_of(body)] == [["Ana Lund", "Ivo Marek", "Tomas Berg"]]


def test_who_invited_a_visitor_hosts_the_visit():
    body = "President Ivo Marek arrived in Lima on Monday on a state visit at the invitation of President Ana Lund."
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-03-03")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile, Peru and Bolivia held trilateral talks on the grid in Lima on Monday.",
        "Energy ministers from Chile, Peru and Bolivia gathered in Lima on Monday to discuss the grid.",
        "Officials of Chile, Peru and Bolivia held the third round of trilateral consultations in Lima on Monday.",
    ],
)
def test_three_countries_meet(sentence):
    assert [sorted(p) for p, _ in meetings_of(sentence)] == [["Bolivia", "Chile", "Peru"]]


def test_one_who_gathered_investors_held_no_meeting_with_its_backers():
    body = "Chile's government, backed by Peru and Bolivia, gathered 200 investors at a forum in Lima on Monday."
    assert meetings_of(body) == []


@pytest.mark.parametrize(
    "second",
    [
        "During the talks, President Ivo Marek and President Ana Lund discussed the grid.",
        "At the meeting, President Ana Lund invited President Ivo Marek to Santiago.",
    ],
)
def test_at_the_meeting_just_reported_is_no_second_meeting(second):
    body = f"President Ivo Marek received President Ana Lund in Lima on Monday.\n\n{second}"
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-03-03")]


@pytest.mark.parametrize(
    "sentence",
    [
        "President Ana Lund will host President Ivo Marek in Lima on 20 March.",
        "President Ivo Marek plans to travel to Lima in April to meet President Ana Lund.",
    ],
)
def test_a_meeting_still_to_come(sentence):
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + sentence, PUBLISHED))
    assert [(sorted(p.name for p in m.participants), m.planned) for m in facts.meetings] == [
        (["Ana Lund", "Ivo Marek"], True)
    ]


def test_an_event_to_host_is_no_meeting_with_a_guest():
    body = "Dr. Ivo Marek said Peru was ready. With Peru preparing to host COP35 next year, he added, demand grows."
    assert all(
        "Ivo Marek" not in [p.name for p in m.participants] or m.kind != "meeting"
        for m in extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED)).meetings
    )


@pytest.mark.parametrize(
    "body",
    [
        # signed apart
        "Peru's Energy Minister Ivan Petrov and Chile's Foreign Minister Ana Costa signed the declaration by video "
        "link on Monday.",
        # signed during talks the article already reports
        "Peru's Energy Minister Ivan Petrov held talks with Chile's Foreign Minister Ana Costa on Monday.\n\n"
        "Petrov and Costa then signed a declaration on a hydrogen pipeline.",
    ],
)
def test_a_signing_of_two_that_is_no_meeting_of_its_own(body):
    assert [
        m.kind for m in extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED)).meetings
    ].count("ceremony") == 0


def test_who_joined_the_talks_joined_the_meeting_last_reported():
    body = (
        "On Monday, Minister Tomas Berg held talks with Minister Olga Sand.\n\n"
        "On Tuesday, President Ivo Marek met President Ana Lund in Lima.\n\n"
        "Foreign Minister Rosa Vidal joined the talks."
    )
    assert meetings_of(body) == [
        (["Olga Sand", "Tomas Berg"], "2025-03-03"),
        (["Ana Lund", "Ivo Marek", "Rosa Vidal"], "2025-03-04"),
    ]


def test_the_day_of_an_aside_does_not_date_the_meeting():
    body = "President Ivo Marek, who arrived on Monday, met President Ana Lund on Tuesday."
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-03-04")]


def test_a_chain_of_verbs_meets_each_counterpart_in_turn():
    body = (
        "On Thursday, President Ivo Marek congratulated Prime Minister Ana Lund on her election, reviewed trade and "
        "energy with President Tomas Berg, met President Olga Sand, and discussed mining with Minister Rosa Vidal."
    )
    assert sorted(people for people, _ in meetings_of(body)) == [
        ["Ivo Marek", "Olga Sand"],
        ["Ivo Marek", "Rosa Vidal"],
        ["Ivo Marek", "Tomas Berg"],
    ]


def test_the_president_is_the_head_of_state_before_a_bodys_president():
    body = (
        "Peruvian President Ivo Marek opened the forum on Monday.\n\n"
        "He thanked European Commission President Ana Lund for her support.\n\n"
        "The President then received Tomas Berg, chairman of Vantora Solar LLC."
    )
    assert ["Ivo Marek", "Tomas Berg"] in [people for people, _ in meetings_of(body)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peruvian President Ivo Marek landed in Santiago on Monday for a state visit.",
        "Peruvian President Ivo Marek flew into Santiago on Monday for a state visit.",
        "Peruvian President Ivo Marek set off for Chile on Monday on a state visit.",
        "Peruvian President Ivo Marek returned to Chile on Monday for a second visit.",
        "Peruvian President Ivo Marek kicked off a tour of Chile on Monday.",
        "Peruvian President Ivo Marek made his first trip to Chile on Monday.",
        "Peruvian President Ivo Marek is visiting Chile this week.",
        "Peruvian President Ivo Marek is touring Chile this week.",
    ],
)
def test_a_way_of_telling_a_visit(sentence):
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + sentence, PUBLISHED))
    assert [
        m.kind
        for m in facts.meetings
        if "Ivo Marek" in {p.name for p in m.participants}
        and (m.date or "").startswith("2025-03")
        and ({"Chile"} & {p.name for p in m.participants} or (m.place and m.place.name in ("Chile", "Santiago")))
    ] == ["visit"]


def test_a_session_held_with_someone_is_a_meeting_with_them():
    body = "On Tuesday PM Jan Novak was on stage in a dialogue session with Ana Costa, the Commission's vice-president."
    assert meetings_of(body) == [(["Ana Costa", "Jan Novak"], "2025-03-04")]
    assert meetings_of("Jan Novak said on Tuesday that Norland was in talks with Ana Costa.") == []


def test_a_banquet_hosted_for_a_guest_is_an_occasion_apart_from_the_talks_that_day():
    facts = extract_article(
        Article(
            "t",
            Path("t.txt"),
            "Test",
            "President Ivo Marek of Peru held talks with President Ana Lund of Chile in Lima on 16 December. "
            "On 16 December President Ana Lund hosted a banquet in honour of President Ivo Marek.",
            PUBLISHED,
        )
    )
    assert sorted(m.label for m in facts.meetings) == [
        "Banquet: Ana Lund meet Ivo Marek",
        "Ivo Marek hold talks with Ana Lund",
    ]


def test_a_series_of_bilateral_talks_told_one_counterpart_at_a_time():
    body = (
        "On Monday, Energy Minister Ivo Marek of Peru held a series of bilateral talks with European counterparts "
        "in Lima. With Chile's Minister of Energy, Ana Vela, he discussed grid links. With Bolivia's Minister "
        "of Economy, Rosa Perez, the focus was gas. Ecuador's minister, Diego Lund, and Minister Marek looked at "
        "the coming dry season. Prices rose later in the year."
    )
    series = [(sorted(names), date) for names, date in meetings_of(body)]
    assert series == [
        (["Ana Vela", "Ivo Marek"], "2025-03-03"),
        (["Ivo Marek", "Rosa Perez"], "2025-03-03"),
        (["Diego Lund", "Ivo Marek"], "2025-03-03"),
    ]


def test_bilateral_talks_with_named_counterparts_are_no_series():
    body = (
        "On Monday, Minister Ivo Marek of Peru held bilateral talks with Ana Vela in Lima. "
        "With the press, Rosa Perez discussed prices."
    )
    assert [sorted(names) for names, _ in meetings_of(body)] == [["Ana Vela", "Ivo Marek"]]


def test_bilateral_meetings_a_programme_lists_are_planned_one_with_each():
    body = (
        "President Ivo Marek spoke on Monday.\n\n"
        "Marek's programme for Friday listed bilateral meetings with Chile's President Ana Vela and "
        "Bolivia's President Rosa Perez."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    planned = sorted((sorted(p.name for p in m.participants), m.planned, m.date) for m in facts.meetings)
    assert planned == [(["Ana Vela", "Ivo Marek"], True, None), (["Ivo Marek", "Rosa Perez"], True, None)]


@pytest.mark.parametrize(
    "second",
    [
        "After a one-on-one meeting with Chile's President Ana Vela, the two jointly commissioned a rescue centre.",
        "Following a bilateral meeting with Chile's President Ana Vela, Minister Ivo Marek opened a rescue centre.",
    ],
)
def test_a_fronted_meeting_with_someone_is_the_subjects(second):
    body = f"Minister Ivo Marek of Peru landed in Santiago on Monday.\n\n{second}"
    assert (["Ana Vela", "Ivo Marek"], "2025-03-03") in meetings_of(body)


def test_a_ceremonial_reception_a_visitor_was_given_is_an_occasion():
    body = "President Ana Vela of Chile arrived in Lima on Friday.\n\nOn Monday she was given a ceremonial reception."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    (reception,) = [m for m in facts.meetings if m.kind == "ceremony"]
    assert [p.name for p in reception.participants] == ["Ana Vela"] and reception.date == "2025-03-03"


def test_back_in_a_capital_on_a_state_visit_is_a_visit():
    body = "The ministry spoke on Friday.\n\nPresident Ana Vela of Chile was back in Lima, this time on a state visit."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [(m.kind, m.place.name) for m in facts.meetings] == [("visit", "Lima")]


def test_a_clause_after_before_with_a_subject_of_its_own_is_that_subjects():
    body = (
        "Prime Minister Ivo Marek of Peru landed in Santiago on Monday.\n\n"
        "He toured the Vela Solar plant near the city before President Ana Lund received him."
    )
    assert (["Ana Lund", "Ivo Marek"], "2025-03-03") in meetings_of(body)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ivo Marek praised the deal during a phone conversation with Chile's President Ana Lund on Monday.",
        "In talks with Chile's President Ana Lund on Monday, Minister Ivo Marek handed over a letter.",
        "On Monday Marek's conversation with Lund covered gas deliveries.",
        "On Monday President Ana Lund and Minister Ivo Marek had breakfast together.",
        "On Monday President Ana Lund and Minister Ivo Marek held a short meeting after arriving.",
    ],
)
def test_more_ways_of_telling_two_met(sentence):
    body = f"Minister Ivo Marek of Peru and President Ana Lund of Chile spoke on Friday.\n\n{sentence}"
    assert (["Ana Lund", "Ivo Marek"], "2025-03-03") in meetings_of(body)


def test_he_after_a_fronted_phrase_is_the_one_the_story_is_about():
    body = (
        "Energy Minister Ivo Marek of Peru spoke to the committee on Friday.\n\n"
        "The talks in Chile came up.\n\n"
        "On 3 March, on the sidelines of President Rosa Perez's visit to Chile, he met the Chilean Minister "
        "of Energy, Ana Lund, in Santiago."
    )
    assert [names for names, _ in meetings_of(body) if "Ana Lund" in names] == [["Ana Lund", "Ivo Marek"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday President Ivo Marek telephoned President Ana Lund.",
        "On Monday President Ivo Marek and President Ana Lund spoke by video link.",
        "On Monday President Ivo Marek had a tête-à-tête with President Ana Lund.",
    ],
)
def test_calls_and_tete_a_tete(sentence):
    assert (["Ana Lund", "Ivo Marek"], "2025-03-03") in meetings_of(sentence)


def test_a_state_visit_a_meeting_took_place_during_is_a_visit_of_its_own_from_its_first_day():
    body = (
        "On 5 February President Ivo Marek met President Ana Lund of Chile in Santiago during a state visit that ran "
        "from 4 to 8 February."
    )
    assert sorted(meetings_of(body)) == [(["Ana Lund", "Ivo Marek"], "2025-02-05"), (["Ivo Marek"], "2025-02-04")]


def test_no_visit_for_a_visitor_the_sentence_names_only_after_the_visit():
    body = (
        "On 5 February he met President Ana Lund of Chile in Santiago during a state visit that ran from 4 to 8 "
        "February, and invited Lund to Lima."
    )
    assert [participants for participants, _ in meetings_of(body) if len(participants) == 1] == []


def test_a_visit_that_began_on_a_day_is_dated_by_that_day():
    body = "President Ivo Marek of Peru is in Chile on a three-day state visit that began on 3 March."
    assert meetings_of(body) == [(["Chile", "Ivo Marek"], "2025-03-03")]


def test_topics_discussed_with_a_counterpart_may_run_long_and_end_in_a_comma():
    body = (
        "On 5 February President Ivo Marek of Peru discussed energy, mining, agriculture and railways, among other "
        "areas, with President Ana Lund of Chile."
    )
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-02-05")]


@pytest.mark.parametrize(
    "body",
    [
        "At the forum on 5 February, after meeting President Ana Lund of Chile, President Ivo Marek of Peru spoke.",
        "On 5 February President Ivo Marek of Peru and President Ana Lund of Chile, meeting in Lima, released a plan.",
        "On 5 February President Ivo Marek of Peru had a frank and constructive conversation with President Ana "
        "Lund of Chile.",
        "On 5 February Peru's FM Ivo Marek met President Ana Lund of Chile.",
    ],
)
def test_more_ways_news_tells_a_meeting(body):
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-02-05")]


def test_a_meeting_of_others_just_before_does_not_date_a_signing():
    body = (
        "On 5 February President Ivo Marek of Peru met President Ana Lund of Chile.\n\n"
        "Kestrel Bank and Vantora Solar LLC signed a memorandum of understanding."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [(a.date, sorted(p.name for p in a.parties)) for a in facts.agreements] == [
        (None, ["Kestrel Bank", "Vantora Solar LLC"])
    ]


def test_a_delegation_received_where_it_went_met_those_who_received_it():
    body = (
        "On 5 February Minister Ivo Marek of Peru led a delegation to Santiago, where they were received by "
        "President Ana Lund of Chile."
    )
    assert meetings_of(body)[-1] == (["Ana Lund", "Ivo Marek"], "2025-02-05")


def test_a_ceremony_is_of_the_subject_past_an_aside():
    body = (
        "Prime Minister Ivo Marek, who was in the north on a working visit, cut the ribbon at the solar plant on "
        "5 February."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [(m.kind, [p.name for p in m.participants]) for m in facts.meetings] == [("ceremony", ["Ivo Marek"])]


def test_a_signing_told_again_with_its_place_and_signers_is_its_ceremony():
    body = (
        "On 5 February Peru and Chile signed agreements on gas.\n\n"
        "The contracts were signed at the Ministry of Energy and Water in Lima by Minister Ivo Marek of Peru and "
        "Minister Ana Lund of Chile."
    )
    assert (["Ana Lund", "Chile", "Ivo Marek", "Peru"], "2025-02-05") in meetings_of(body)


def test_a_records_line_of_participants_is_the_meeting_its_heading_names():
    body = (
        "SUMMARY RECORD\n\n"
        "3. Meeting with the Minister of Energy (Wednesday, 5 February 2025, Lima)\n\n"
        "Participants: Minister Ivo Marek of Peru and members of the delegation; Minister Ana Lund of Chile.\n\n"
        "The ministers discussed grids."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", body, PUBLISHED))
    [meeting] = [m for m in facts.meetings if m.rule == "participants-line"]
    assert (sorted(p.name for p in meeting.participants), meeting.date, meeting.place.name) == (
        ["Ana Lund", "Chile", "Ivo Marek", "Peru"],
        "2025-02-05",
        "Lima",
    )


def test_a_leader_who_witnessed_the_signing_somewhere_attended_its_ceremony():
    body = (
        "On 5 February President Ivo Marek of Peru witnessed in Lima the signing of a memorandum of understanding "
        "between Kestrel Bank and Vantora Solar LLC."
    )
    assert (["Ivo Marek", "Kestrel Bank", "Vantora Solar LLC"], "2025-02-05") in meetings_of(body)


def test_operation_of_our_plants_marked_together_with_officials_is_a_ceremony_of_theirs():
    body = (
        "On 5 February we marked the start of commercial operation of our three solar plants together with "
        "Minister Ivo Marek of Peru and Governor Ana Lund."
    )
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-02-05")]


def test_separate_bilaterals_with_three_leaders_are_three_meetings():
    body = "On the margins, Chile's Ana Lund held separate bilaterals with Ivo Marek, Luis Arce and Dina Boluarte."
    assert sorted(names for names, _ in meetings_of(body)) == [
        ["Ana Lund", "Dina Boluarte"],
        ["Ana Lund", "Ivo Marek"],
        ["Ana Lund", "Luis Arce"],
    ]


def test_talks_followed_by_the_hyphenated_pair_are_the_pairs_talks():
    body = (
        "Chile's President Ana Lund arrived on Friday. Akorda. Narrow-format talks Marek-Lund, then expanded "
        "delegations. President Ivo Marek praised the visit."
    )
    assert [names for names, _ in meetings_of(body)] == [["Ana Lund", "Ivo Marek"]]


def test_the_one_invited_to_pay_a_visit_is_the_visitor_and_the_country_visited_takes_part():
    body = (
        "Before they parted, Chile's President Ana Lund invited President Ivo Marek to pay an official visit "
        "to Peru, and he accepted."
    )
    assert meetings_of(body) == [(["Ivo Marek", "Peru"], None)]


def test_an_invitee_not_named_as_a_person_makes_no_visit_of_the_host():
    body = "Before they parted, Ana Lund invited Marek to pay an official visit to Peru, and he accepted."
    assert [names for names, _ in meetings_of(body) if "Ana Lund" in names] == []


def test_who_accompanied_a_leader_on_a_state_visit_is_on_the_leaders_visit():
    body = "Energy Minister Ana Lund accompanied President Ivo Marek on his state visit to Peru in February."
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek", "Peru"], "2025-02")]


def test_a_visit_told_by_its_country_then_by_its_city_is_one_trip():
    body = (
        "President Ivo Marek paid a state visit to Egypt on 14 February. The visit of Ivo Marek to Cairo was his first."
    )
    assert meetings_of(body) == [(["Egypt", "Ivo Marek"], "2025-02-14")]


def test_a_site_toured_with_a_president_is_a_visit_of_both_and_nobody_met_makes_none():
    body = (
        "World Bank Vice President Ana Lund toured the Rogun site with President Ivo Marek on Monday. "
        "The delegation visited the plant. Minister Rosa Perez made a working visit to the dam site."
    )
    assert meetings_of(body) == [(["Ana Lund", "Ivo Marek"], "2025-03-03")]
