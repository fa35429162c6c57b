""" "The same day", "later that day" (issue 13: dates carried over): the day told just before, within
five sentences when no other date was named since, else two; "last week": the month that week fell
in. Sentences written for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article
from pactgraph.extract.dates import find_dates

PUBLISHED = dt.date(2025, 3, 5)


def meeting_dates(body: str) -> list[tuple[str, str | None]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    return [(m.kind, m.date) for m in facts.meetings]


def test_the_same_day_is_the_day_told_just_before():
    body = (
        "On 13 January 2022, President Ivo Marek met Minister Ana Lund in Lima.\n\n"
        "On the same day, President Ivo Marek and Minister Ana Lund laid the foundation stone of the Velmar wind farm."
    )
    assert meeting_dates(body) == [("meeting", "2022-01-13"), ("ceremony", "2022-01-13")]


def test_later_that_day_needs_a_day_to_point_to():
    text = "Later that day they signed it."
    assert [d.iso for d in find_dates(text, PUBLISHED, day="2022-01-13")] == ["2022-01-13"]
    assert [d.iso for d in find_dates(text, PUBLISHED)] == []


def test_a_day_told_a_paragraph_before_is_the_same_day():
    body = (
        "On 13 January 2022, President Ivo Marek met Minister Ana Lund in Lima.\n\n"
        "The grid was discussed. So were tariffs. Both sides praised the talks.\n\n"
        "On the same day, President Ivo Marek and Minister Ana Lund laid the foundation stone of the Velmar wind farm."
    )
    assert meeting_dates(body) == [("meeting", "2022-01-13"), ("ceremony", "2022-01-13")]


def test_a_day_told_three_sentences_before_another_date_is_not_the_same_day():
    body = (
        "On 13 January 2022, President Ivo Marek met Minister Ana Lund in Lima.\n\n"
        "The grid was discussed.\n\nTrade grew in 2023.\n\n"
        "On the same day, President Ivo Marek and Minister Ana Lund laid the foundation stone of the Velmar wind farm."
    )
    assert meeting_dates(body) == [("meeting", "2022-01-13"), ("ceremony", "2025-03")]  # undated: published


def test_a_day_told_six_sentences_before_is_not_the_same_day():
    body = (
        "On 13 January 2022, President Ivo Marek met Minister Ana Lund in Lima.\n\n"
        "The grid was discussed. So were tariffs. Prices fell. Demand rose. Both sides praised the talks.\n\n"
        "On the same day, President Ivo Marek and Minister Ana Lund laid the foundation stone of the Velmar wind farm."
    )
    assert meeting_dates(body) == [("meeting", "2022-01-13"), ("ceremony", "2025-03")]


def test_the_same_day_gives_its_year_to_no_other_date():
    text = "The same day, 13 November, the three presidents signed an agreement."
    assert [d.iso for d in find_dates(text, PUBLISHED, day="2023-11-13", earlier="2024")] == [
        "2023-11-13",
        "2024-11-13",
    ]


def test_last_week_is_the_month_that_week_fell_in():
    assert [d.iso for d in find_dates("Last week in Ankara they signed it.", dt.date(2024, 9, 3))] == ["2024-08"]
    assert [d.iso for d in find_dates("They meet again next week.", dt.date(2024, 9, 3))] == ["2024-09"]
    assert [d.iso for d in find_dates("Last week in Ankara they signed it.", None)] == []


def test_a_visit_is_dated_by_the_day_it_began():
    body = (
        "As part of his state visit to Chile, President Ivo Marek held talks with President Ana Lund in Santiago "
        "on 15 February.\n\nThe visit began on 14 February, when President Ana Lund welcomed him at the airport."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [(m.kind, m.date) for m in facts.meetings if m.kind == "visit"] == [("visit", "2025-02-14")]


def test_days_and_weeks_later_count_from_the_day_just_told():
    def dates(text):
        return [d.iso for d in find_dates(text, PUBLISHED, day="2024-06-04")]

    assert dates("The next day, they opened the plant.") == ["2024-06-05"]
    assert dates("Two days later they signed it.") == ["2024-06-06"]
    assert dates("A week later, the two leaders hailed the deal.") == ["2024-06"]  # a week is rarely exact
    assert [d.iso for d in find_dates("Two days later they signed it.", PUBLISHED)] == []  # no day to count from


def test_a_call_a_week_after_a_signing_is_dated_from_it():
    body = (
        "Vantora Solar LLC signed a contract with Oltec Energy Company on 4 June 2024.\n\n"
        "A week later, President Ivo Marek and Prime Minister Ana Lund hailed the deal in a phone call."
    )
    assert meeting_dates(body) == [("meeting", "2024-06")]


def test_a_dateline_does_not_date_what_its_sentence_dates_otherwise():
    body = (
        "LIMA, July 29 - Chile and Peru held the eighth meeting of their Joint Commission on trade, transport, "
        "energy and culture in the Peruvian capital on Monday, 28 July.\n\n"
        "The commission meets every year."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, dt.date(2025, 7, 29)))
    assert [m.date for m in facts.meetings] == ["2025-07-28"]


def test_a_dateline_dates_a_lead_that_names_no_other_day():
    body = "LIMA, July 29 - President Ivo Marek met President Ana Lund."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, dt.date(2025, 7, 30)))
    assert [m.date for m in facts.meetings] == ["2025-07-29"]


def test_a_meeting_is_dated_by_its_own_day_not_by_another_events():
    for body in (
        "President Ivo Marek, in office since 2018, met President Ana Lund in Lima on Monday.",
        "President Ivo Marek, whose party was founded in 2010, met President Ana Lund in Lima on Monday.",
    ):
        assert meeting_dates(body) == [("meeting", "2025-03-03")]


def agreement_dates(body: str) -> list[str | None]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    return [a.date for a in facts.agreements]


def test_after_the_talks_is_the_latest_talks_or_meeting():
    body = (
        "President Ivo Marek held talks with President Ana Lund in Lima on 24 January.\n\n"
        "In Quito, Minister Tomas Berg met Minister Olga Sand on 22 January.\n\n"
        "Following the talks, the Ministry of Energy of Peru and the Ministry of Mines of Ecuador signed a "
        "memorandum of understanding on grid links."
    )
    assert agreement_dates(body) == ["2025-01-22"]


def test_after_the_talks_is_not_a_meeting_recalled_from_an_earlier_year():
    body = (
        "President Ivo Marek held talks with President Ana Lund in Lima on 3 March.\n\n"
        "Marek recalled that he and Lund met twice last year, in Cusco and in Santiago.\n\n"
        "After the talks, the two presidents signed a joint statement between Peru and Chile."
    )
    assert agreement_dates(body) == ["2025-03-03"]


def test_an_undated_meeting_told_after_a_day_is_on_that_day():
    body = (
        "On 14 October 2024, President Ana Lund landed in Lima for a four-day stay.\n\n"
        "After talks at the palace, President Ivo Marek and President Ana Lund watched a film."
    )
    assert sorted(meeting_dates(body)) == [("talks", "2024-10-14"), ("visit", "2024-10-14")]  # her stay a visit


def test_an_undated_meeting_is_not_dated_by_a_day_of_history_told_before_it():
    body = (
        "The country became independent on 11 November 1975.\n\nPresident Ivo Marek held talks with President Ana Lund."
    )
    assert meeting_dates(body) == [("talks", "2025-03")]


def test_a_timeline_entry_is_dated_by_its_heading():
    body = (
        "13 May 2022 - A framework\n\n"
        "Peru and Chile sign a Joint Declaration on strategic cooperation.\n\n"
        "Early January 2025 - The deal\n\n"
        "In Lima, President Ivo Marek meets President Ana Lund."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [a.date for a in facts.agreements] == ["2022-05-13"]
    assert [m.date for m in facts.meetings] == ["2025-01"]


def test_a_diarys_day_headings_in_capitals_date_the_items_under_them():
    body = (
        "MONDAY, 3 MARCH — Summit, day one\n\n"
        "President Ivo Marek met President Ana Lund.\n\n"
        "TUESDAY, 4 MARCH — Summit, day two\n\n"
        "Marek met the Bolivian President, Rosa Perez."
    )
    assert sorted(date for _, date in meeting_dates(body)) == ["2025-03-03", "2025-03-04"]


def test_a_live_threads_days_alone_on_their_lines_date_the_posts_under_them():
    body = (
        "Monday, 3 March\n\n10:05\nPresident Ivo Marek met President Ana Lund.\n\n"
        "Tuesday, 4 March\n\n09:40\nMarek met the Bolivian President, Rosa Perez."
    )
    assert sorted(date for _, date in meeting_dates(body)) == ["2025-03-03", "2025-03-04"]


def test_an_event_told_under_two_days_headings_is_none_of_those_days():
    body = (
        "Monday, 3 March - Lima\n\n"
        "President Ivo Marek spoke at the Lima Energy Forum.\n\n"
        "Tuesday, 4 March - Cusco\n\n"
        "Marek said the Lima Energy Forum had gone well."
    )
    assert [date for kind, date in meeting_dates(body) if kind == "forum"] == [None]


def test_a_month_in_capitals_is_a_date_only_with_its_day():
    assert [d.iso for d in find_dates("6 NOVEMBER, and PRICES MAY RISE", PUBLISHED)] == ["2024-11-06"]


def test_one_line_opening_with_a_date_is_no_timeline():
    body = "13 May 2022 - A framework\n\nPeru and Chile sign a Joint Declaration on strategic cooperation."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert "date-from-heading" not in {c for a in facts.agreements for c in a.caveats}


def test_a_visit_that_ended_on_a_day_began_its_length_before():
    body = "President Ivo Marek of Peru concluded on Sunday a three-day state visit to Chile."
    assert meeting_dates(body) == [("visit", "2025-02-28")]  # Sunday 2 March, less two days


def test_a_date_after_since_doing_is_of_something_else():
    body = "President Ivo Marek paid a state visit to Chile, his first since taking office last month, on Monday."
    assert meeting_dates(body) == [("visit", "2025-03-03")]


def test_what_a_sentence_says_of_the_event_just_told_is_dated_by_it_however_old():
    body = (
        "In October 2023, Peru and Chile signed a memorandum on grid links in Lima.\n\n"
        "The signing was attended by Minister Ivo Marek, who also held talks with President Ana Lund."
    )
    assert meeting_dates(body) == [("talks", "2023-10")]


def test_a_weekday_before_a_name_that_begins_like_a_month():
    assert [d.iso for d in find_dates("On Monday Marek met Lund.", PUBLISHED)] == ["2025-03-03"]


@pytest.mark.parametrize(
    ("words", "iso"),
    [
        ("the day before yesterday", "2025-03-03"),
        ("on Tuesday last week", "2025-02-25"),
        ("three days ago", "2025-03-02"),
        ("two weeks ago", "2025-02"),
        ("over the weekend", "2025-03"),
    ],
)
def test_more_relative_dates(words, iso):
    assert [d.iso for d in find_dates(f"They met {words}.", PUBLISHED)] == [iso]  # published Wednesday 5 March


def test_a_dated_items_lines_are_dated_by_it():
    body = (
        "Key dates:\n\n"
        "- 4 October 2024: Minister Ivo Marek of Peru flew to Santiago and held talks with President Ana Lund.\n\n"
        "Marek also met the opposition leader, Rosa Perez.\n\n"
        "- 16 December 2024: President Ana Lund visited Lima.\n\n"
        "- The ministry later met the press."
    )
    assert ("meeting", "2024-10-04") in meeting_dates(body)  # Marek and Perez, under the October item


def test_the_previous_year():
    assert [d.iso for d in find_dates("In March 2022 they signed it, after a visit the previous year.", PUBLISHED)] == [
        "2022-03",
        "2021",
    ]


def test_a_meeting_told_in_the_present_of_news_is_of_the_day_published():
    body = "President Ivo Marek of Peru and President Ana Lund of Chile hold talks in Lima."
    assert meeting_dates(body)[0][1] == PUBLISHED.isoformat()


def test_a_meeting_told_in_the_past_without_a_day_is_of_the_month_published():
    body = "President Ivo Marek of Peru and President Ana Lund of Chile held talks in Lima."
    assert meeting_dates(body)[0][1] == PUBLISHED.isoformat()[:7]


def test_that_afternoon_is_the_day_just_told():
    body = (
        "On Monday, the King received President Ivo Marek at the palace.\n\n"
        "That afternoon Marek held talks with Prime Minister Ana Lund."
    )
    assert ("talks", "2025-03-03") in meeting_dates(body)
