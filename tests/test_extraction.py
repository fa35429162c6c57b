"""Extraction patterns, one test per pattern, on sentences written for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article
from pactgraph.extract.dates import find_dates
from pactgraph.extract.quantities import find_power

PUBLISHED = dt.date(2025, 5, 14)  # a Wednesday


def facts_of(body: str, published=PUBLISHED):
    return extract_article(Article("t", Path("t.txt"), "Test", body, published))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("approximately 2.3 GW", 2300.0),
        ("around two gigawatts", 2000.0),
        ("2 million kilowatts", 2000.0),
        ("a 100-megawatt plant", 100.0),
        ("0.315 GW", 315.0),
        ("1,200 MW", 1200.0),
    ],
)
def test_power_quantities_normalise_to_mw(text, expected):
    assert [q.mw for q in find_power(text)] == [expected]


def test_energy_is_not_power():
    assert find_power("it produced 500 GWh and 3 kWh") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on 17 June 2024", "2024-06-17"),
        ("on July 3", "2025-07-03"),
        ("in April of this year", "2025-04"),
        ("last November", "2024-11"),
        ("last year", "2024"),
        ("earlier this month", "2025-05"),
        ("on Tuesday", "2025-05-13"),
        ("said on Wednesday", "2025-05-14"),  # the publication day itself
        ("last Wednesday", "2025-05-07"),
        ("will meet on Friday", "2025-05-16"),
        ("last month", "2025-04"),
        ("next month", "2025-06"),
        ("in 2013", "2013"),
        ("on Friday, May 9", "2025-05-09"),
    ],
)
def test_dates_resolve_against_publication(text, iso):
    assert [d.iso for d in find_dates(text, PUBLISHED)] == [iso]


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        ("Founded in 2016, the firm signed its first deal on 8 March of that year.", ["2016", "2016-03-08"]),
        ("The plant opened in 2019 and was expanded in June of the same year.", ["2019", "2019-06"]),
        ("Later that month, on 28 September, the line was begun.", ["2017-09", "2017-09-28"]),
        ("The following year the two firms met again.", ["2018"]),
        ("They will meet next year.", ["2026"]),  # no "the": the year after publication
        ("Later that year they met.", ["2017"]),
    ],
)
def test_that_year_points_back_to_the_year_last_written(text, isos):
    assert [d.iso for d in find_dates(text, PUBLISHED, earlier="2017-09")] == isos


def test_a_weekday_before_its_day_and_month_is_that_day():
    assert [d.iso for d in find_dates("The session opened on Wednesday, 7 May.", PUBLISHED)] == ["2025-05-07"]


def test_a_weekday_picks_the_year_of_a_day_written_without_one():
    late = dt.date(2025, 10, 20)  # 15 October 2025 is a Wednesday, 15 October 2024 a Tuesday
    assert [d.iso for d in find_dates("On Tuesday 15 October they met.", late)] == ["2024-10-15"]
    assert [d.iso for d in find_dates("On Wednesday, October 15, they met.", late)] == ["2025-10-15"]
    assert [d.iso for d in find_dates("On 15 October they met.", late)] == ["2025-10-15"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("He came from the 11th to the 13th of May last year.", "2024-05-11"),
        ("They met on 12 May last year.", "2024-05-12"),
        ("They met on May 12 of last year.", "2024-05-12"),
        ("They met in May last year.", "2024-05"),
        ("They met on the 2nd of May.", "2025-05-02"),
    ],
)
def test_a_day_or_month_of_last_year_and_a_day_of_a_month(text, iso):
    assert [d.iso for d in find_dates(text, PUBLISHED)] == [iso]


def test_a_first_name_spelt_like_a_month_is_no_date():
    assert find_dates("Jan Novak and Jun Li met in Lima.", PUBLISHED) == []
    assert [d.iso for d in find_dates("They met in Jan, and again in Jan 2024.", PUBLISHED)] == ["2025-01", "2024-01"]


def test_a_day_takes_the_year_its_sentence_wrote_with_the_same_month():
    text = "In February 2023 a delegation went to Lima, and on February 15 the ministry signed a memorandum."
    assert [d.iso for d in find_dates(text, PUBLISHED)] == ["2023-02", "2023-02-15"]
    assert [d.iso for d in find_dates("The plant, built in 2019, was visited on March 3.", PUBLISHED)] == [
        "2019",
        "2025-03-03",
    ]


def test_that_year_without_an_earlier_year_is_no_date():
    assert find_dates("Later that year they met.", PUBLISHED) == []


def test_a_signing_that_year_is_dated_by_the_year_of_the_sentence_before():
    body = (
        "The two grid companies first worked together in 2019. In April of that year Norland Grid and "
        "Kestrel Power signed a memorandum of understanding on a cable."
    )
    assert [a.date for a in facts_of(body).agreements] == ["2019-04"]


def test_title_before_name_gives_person_and_post():
    facts = facts_of("Georgian Energy Minister Levan Dadiani met investors in Tbilisi on May 2.")
    posts = {(p.person.name, p.role, p.organization.name) for p in facts.posts}
    assert ("Levan Dadiani", "Energy Minister", "Georgia") in posts


def test_name_comma_title_of_org():
    facts = facts_of("Minister Anna Berg met Wu Lan, Chairman of Example Hydro Group Co., Ltd., in Beijing.")
    posts = {(p.person.name, p.role, p.organization.name if p.organization else None) for p in facts.posts}
    assert ("Wu Lan", "Chairman", "Example Hydro Group Co., Ltd.") in posts


def test_surname_merges_with_full_name():
    facts = facts_of("Energy Minister Aigerim Sultanova arrived in Astana. Sultanova met the press.")
    persons = [e for e in facts.entities if e.type == "Person"]
    assert [p.name for p in persons] == ["Aigerim Sultanova"]
    assert "Sultanova" in persons[0].aliases


def test_acronym_in_brackets_is_an_alias():
    facts = facts_of(
        "The Caspian Grid Authority (CGA) signed a memorandum of understanding with "
        "the Nordic Wind Institute on May 5. CGA said the work starts soon."
    )
    org = next(e for e in facts.entities if e.name == "Caspian Grid Authority")
    assert "CGA" in org.aliases


def test_meeting_with_participants_date_and_place():
    facts = facts_of(
        "Deputy Minister Omar Haddad held talks with Chen Bo, Director of Example Solar Ltd., in Tashkent on May 6."
    )
    (meeting,) = facts.meetings
    assert meeting.kind == "talks"
    assert {p.name for p in meeting.participants} == {"Omar Haddad", "Chen Bo"}
    assert (meeting.date, meeting.place.name) == ("2025-05-06", "Tashkent")


def test_agreement_parties_listed_after_between():
    facts = facts_of(
        "An investment agreement was signed in April between the Ministry of Energy of Georgia, "
        "Example Wind Power LLC and Black Sea Grid JSC."
    )
    (agreement,) = facts.agreements
    assert agreement.kind == "investment agreement"
    assert agreement.date == "2025-04"
    assert {p.name for p in agreement.parties} == {
        "Ministry of Energy of Georgia",
        "Example Wind Power LLC",
        "Black Sea Grid JSC",
    }


def test_unsigned_agreements_are_not_agreements():
    facts = facts_of(
        "Georgia and Armenia will sign a cooperation agreement next month. "
        "The sides proposed that a memorandum be signed later."
    )
    assert facts.agreements == []


def test_partnership_between_countries():
    facts = facts_of(
        "The leaders signed a joint declaration on May 2 establishing a comprehensive strategic "
        "partnership between Georgia and Armenia."
    )
    (partnership,) = facts.partnerships
    assert partnership.kind == "comprehensive strategic partnership"
    assert {p.name for p in partnership.partners} == {"Georgia", "Armenia"}


def test_capacity_with_technology_status_and_place():
    facts = facts_of("The company is building a 250 MW offshore wind farm in the Black Sea, now under construction.")
    (capacity,) = facts.capacities
    assert (capacity.value_mw, capacity.technologies, capacity.status) == (
        250.0,
        ["offshore wind"],
        "under construction",
    )
    assert capacity.place.name == "Black Sea"


@pytest.mark.parametrize(
    "body",
    [
        "The factory will make 3 GW of solar panels a year.",
        "The park uses 15 MW turbines from a Danish maker.",
        "The banks allocated $2 million to the project.",
        "The plant generated 800 GWh of electricity last year.",
    ],
)
def test_not_generation_capacity(body):
    assert facts_of(body).capacities == []


def test_boilerplate_is_not_extracted():
    from pactgraph.articles import strip_boilerplate

    body = strip_boilerplate(
        "Real news.\n\nEditor: Jane Roe\nDonate TODAY to help us.\nPopular posts from this blog\nX met Y."
    )
    assert body == "Real news."


def test_photo_credits_and_read_also_lines_are_not_reporting():
    from pactgraph.articles import strip_boilerplate

    body = strip_boilerplate(
        "[Photo: Delegates at the venue, Lima Arena. Credit: Ministry]\n\nReal news.\n\n"
        "Read also: Chile and Peru sign a grid deal\nRelated: Vela visits Lima\nMore real news.\n\n"
        "Related links:\nAnother headline"
    )
    assert body == "Real news.\n\nMore real news."


def test_a_related_heading_ends_the_story_with_the_headlines_under_it():
    from pactgraph.articles import strip_boilerplate

    body = strip_boilerplate("Real news.\n\nRelated on the Tracker:\nChile and Peru sign a grid deal (2022)\nOther")
    assert body == "Real news."


def test_a_newsletters_link_to_the_full_story_is_furniture_not_the_end_of_the_issue():
    from pactgraph.articles import strip_boilerplate

    body = strip_boilerplate(
        "1) First story.\nRead more -> power.news/118/first\n\n2) Second story.\n"
        "Read more: https://power.news/118/second\n\n3) Third story.\n\nRead more\nA headline\nAnother"
    )
    assert body == "1) First story.\n\n2) Second story.\n\n3) Third story."


def test_pronoun_subject_is_the_previous_person():
    facts = facts_of(
        "Energy Minister Lena Vogt spoke to reporters. She made the remarks at the opening "
        "ceremony of the Caspian Energy Forum held in Baku."
    )
    forum = next(m for m in facts.meetings if m.label == "Caspian Energy Forum")
    assert [p.name for p in forum.participants] == ["Lena Vogt"]
    ceremony = next(m for m in facts.meetings if m.kind == "ceremony")
    assert ceremony.part_of is forum


def test_later_sentence_adds_participants_to_the_event():
    facts = facts_of(
        "A roundtable on grid cooperation was held in Tbilisi on Monday. "
        "Energy Minister Levan Dadiani and Deputy Minister Arman Petrosyan attended the event."
    )
    (roundtable,) = facts.meetings
    assert roundtable.date == "2025-05-12"
    assert {p.name for p in roundtable.participants} == {"Levan Dadiani", "Arman Petrosyan"}


def test_dateline_dates_the_lead_event():
    facts = facts_of("TASHKENT, May 13. The Central Asia Grid Forum opened with ministers from five countries.")
    (forum,) = facts.meetings
    assert forum.date == "2025-05-13"


def test_documents_with_different_titles_stay_apart():
    facts = facts_of(
        "The Joint Declaration on Strategic Partnership was signed by Georgia and Armenia in 2020. "
        "The Declaration on Comprehensive Partnership was signed by Georgia and Armenia in May."
    )
    assert sorted(a.label for a in facts.agreements) == [
        "Declaration on Comprehensive Partnership",
        "Joint Declaration on Strategic Partnership",
    ]


def test_numbered_list_of_signed_documents():
    facts = facts_of(
        "BAKU, May 12. The sides signed the following documents:\n"
        "1. Memorandum of Understanding between the Ministry of Energy of Georgia, Kartli Wind LLC and "
        "Black Sea Grid JSC on a 200 MW wind farm;\n"
        "2. Investment Agreement between the Ministry of Economy of Georgia and Example Hydro Co., Ltd.\n\n"
        "The parties will sign a cooperation agreement next year."
    )
    assert sorted((a.kind, sorted(p.name for p in a.parties)) for a in facts.agreements) == [
        ("investment agreement", ["Example Hydro Co., Ltd.", "Ministry of Economy of Georgia"]),
        ("memorandum of understanding", ["Black Sea Grid JSC", "Kartli Wind LLC", "Ministry of Energy of Georgia"]),
    ]


def test_capacity_status_from_the_clause():
    facts = facts_of("The firm already operates a 120 MW solar plant and plans a 1.5 GW pumped storage project.")
    assert sorted((c.value_mw, c.technologies, c.status) for c in facts.capacities) == [
        (120.0, ["solar"], "operating"),
        (1500.0, ["hydro"], "planned"),
    ]


def test_known_organization_before_and_stands_alone():
    facts = facts_of("Masdar and the Ministry of Energy of Georgia signed an investment agreement on May 2.")
    (agreement,) = facts.agreements
    assert sorted(p.name for p in agreement.parties) == ["Masdar", "Ministry of Energy of Georgia"]


def test_last_two_names_are_an_alias():
    facts = facts_of("Masdar CEO Mohamed Jameel Al Ramahi arrived in Baku. Al Ramahi met reporters.")
    persons = [e.name for e in facts.entities if e.type == "Person"]
    assert persons == ["Mohamed Jameel Al Ramahi"]


def test_equal_figures_of_different_projects_stay_apart():
    facts = facts_of(
        "The firm plans a 240 MW onshore wind farm in Absheron. Separately, a 240 MW solar "
        "plant is under construction. The 240 MW wind farm will be finished in 2027."
    )
    assert sorted((c.technologies, c.status) for c in facts.capacities) == [
        (["onshore wind"], "planned"),
        (["solar"], "under construction"),
    ]


def test_fleet_totals_are_not_project_capacity():
    assert facts_of("The company operates more than 20 GW of capacity worldwide.").capacities == []


def test_lowercase_title_before_name():
    facts = facts_of(
        "The minister received a delegation of Example Power Holding Co., Ltd. led by its chairman "
        "Wang Xiaoqing on Monday."
    )
    posts = {(p.person.name, p.role, p.organization.name) for p in facts.posts}
    assert posts == {("Wang Xiaoqing", "Chairman", "Example Power Holding Co., Ltd.")}


def test_announced_meeting_is_planned():
    facts = facts_of("Energy Minister Aigerim Sultanova will meet Chairman Wang Xiaoqing next week in Almaty.")
    (meeting,) = facts.meetings
    assert meeting.planned and meeting.place.name == "Almaty"


def test_region_unknown_to_the_gazetteer_is_a_place():
    facts = facts_of("The sides discussed a 1,000-megawatt wind project in the Zhambyl region.")
    (capacity,) = facts.capacities
    assert (capacity.value_mw, capacity.place.name) == (1000.0, "Zhambyl region")


def test_talks_between_subjects():
    facts = facts_of(
        "Georgia's President Mikheil Kavelashvili and Armenia's President Vahagn Khachaturyan held "
        "talks in Yerevan on May 3."
    )
    (meeting,) = facts.meetings
    assert {p.name for p in meeting.participants} == {"Mikheil Kavelashvili", "Vahagn Khachaturyan"}
    posts = {(p.person.name, p.organization.name) for p in facts.posts}
    assert posts == {("Mikheil Kavelashvili", "Georgia"), ("Vahagn Khachaturyan", "Armenia")}


def test_place_stays_in_its_clause():
    facts = facts_of(
        "A 500 MW solar plant opened in the Navoi region, while a 2 million kilowatt wind complex "
        "is under construction."
    )
    places = {c.value_mw: c.place.name if c.place else None for c in facts.capacities}
    assert places == {500.0: "Navoi region", 2000.0: None}


def test_name_after_a_long_portfolio_and_before_and():
    facts = facts_of("Armenia's Minister of Science and Higher Education Anna Petrosyan and Vogt attended the forum.")
    posts = {(p.person.name, p.role, p.organization.name) for p in facts.posts}
    assert posts == {("Anna Petrosyan", "Minister of Science and Higher Education", "Armenia")}


def test_appositive_with_a_multiword_possessor():
    facts = facts_of("Omar Haddad, founder and chairman of Saudi Arabia's Example Power, said the plan was sound.")
    posts = {(p.person.name, p.role, p.organization.name) for p in facts.posts}
    assert posts == {("Omar Haddad", "Founder and Chairman", "Example Power")}


@pytest.mark.parametrize(
    ("body", "person", "role", "organization"),
    [
        (
            "Kazakhstan's ambassador to China, Aidar Seitov, attended the forum.",
            "Aidar Seitov",
            "Ambassador to China",
            "Kazakhstan",
        ),
        (
            "Georgia was represented by its Consul General in Xi'an, Nino Beridze.",
            "Nino Beridze",
            "Consul General in Xi'an",
            "Georgia",
        ),
    ],
)
def test_a_possessed_title_then_a_comma_then_the_name(body, person, role, organization):
    (post,) = facts_of(body).posts
    assert (post.person.name, post.role, post.organization.name, post.rule) == (
        person,
        role,
        organization,
        "post-title-comma",
    )


def test_the_two_countries_elevate_ties_to_a_partnership():
    facts = facts_of(
        "Uzbekistan and Türkiye held talks in Tashkent. The two countries agreed to elevate their relations to a "
        "comprehensive strategic partnership in March 2025."
    )
    (partnership,) = facts.partnerships
    assert partnership.kind == "comprehensive strategic partnership"
    assert {p.name for p in partnership.partners} == {"Uzbekistan", "Türkiye"}
    assert partnership.date == "2025-03"


def test_the_two_countries_signed_means_countries_not_the_meeting_participants():
    facts = facts_of(
        "Energy Minister Aziz Karimov of Uzbekistan met Li Na, Vice-Chairman of the NDRC of China, in Beijing. "
        "The two countries signed a memorandum of understanding on a 1,200 MW wind farm."
    )
    (agreement,) = facts.agreements
    assert {p.name for p in agreement.parties} == {"Uzbekistan", "China"}
    assert agreement.topic == "a 1,200 MW wind farm"


def test_will_visit_is_a_planned_visit_and_a_bare_visit_noun_is_not():
    (visit,) = facts_of("Georgian Prime Minister Levan Dadiani will visit Beijing in July.").meetings
    assert (visit.kind, visit.date, visit.planned, visit.place.name) == ("visit", "2025-07", True, "Beijing")
    assert facts_of("The visit Beijing hosted was a success, Levan Dadiani said.").meetings == []


PRESS_RELEASE = (
    "On May 3, Minister of Energy of the Republic of Kazakhstan Almas Nurov received a delegation led by "
    "Gao Feng, Chairman of Example Grid Co., Ltd.\n\n"
    "The sides discussed the grid. Nurov said the talks were useful. Gao Feng thanked him. Both agreed to meet.\n\n"
    "Following the meeting, the following documents were signed:\n\n"
    "1. Memorandum of Understanding between the Ministry of Energy of the Republic of Kazakhstan and Example Grid "
    "Co., Ltd. on a 200 MW storage project;\n"
    "2. Agreement between KEGOC JSC and Example Grid Co., Ltd. on grid connection.\n\n"
    "Vice Minister Aida Serikova and the Chinese ambassador to Kazakhstan, Han Bing, also attended the meeting."
)


def test_a_press_release_list_is_dated_by_its_meeting_and_late_attendees_join_it():
    facts = facts_of(PRESS_RELEASE)
    assert [(a.kind, a.date, a.rule) for a in facts.agreements] == [
        ("memorandum of understanding", "2025-05-03", "signed-list-item"),
        ("agreement", "2025-05-03", "signed-list-item"),
    ]
    (meeting,) = facts.meetings
    assert [p.name for p in meeting.participants] == ["Almas Nurov", "Gao Feng", "Aida Serikova", "Han Bing"]
    posts = {(p.person.name, p.role, p.organization.name) for p in facts.posts}
    assert ("Almas Nurov", "Minister of Energy", "Kazakhstan") in posts  # "of the Republic of …" split off
    assert ("Han Bing", "Ambassador to Kazakhstan", "China") in posts  # "the Chinese ambassador …, Name"


def test_a_proposed_or_unsigned_memorandum_is_not_an_agreement_but_the_talks_are_a_meeting():
    facts = facts_of(
        "A memorandum on green hydrogen was proposed during talks between Example Oil Company and "
        "Sample Gas Corporation in April, but no document has been signed."
    )
    assert facts.agreements == []
    (talks,) = facts.meetings
    assert (talks.kind, talks.date) == ("talks", "2025-04")
    assert [p.name for p in talks.participants] == ["Example Oil Company", "Sample Gas Corporation"]


def test_capacities_abroad_keep_their_own_place_and_exports_are_not_capacity():
    facts = facts_of(
        "In Uzbekistan, the company already operates a 500 MW solar plant, and in Egypt it built the 1.8 GW "
        "Benban solar park. China's exports of solar modules reached 240 GW last year."
    )
    assert [(c.value_mw, c.place.name, c.status) for c in facts.capacities] == [
        (500.0, "Uzbekistan", "operating"),
        (1800.0, "Egypt", "operating"),
    ]


def test_status_is_the_cue_nearest_the_figure():
    facts = facts_of(
        "The 315 MW Neftchala solar plant is under construction, and a 2 GW offshore wind project remains at the "
        "feasibility stage."
    )
    assert [(c.value_mw, c.status) for c in facts.capacities] == [(315.0, "under construction"), (2000.0, "planned")]


def test_a_forum_gathers_its_participants_and_what_is_signed_on_its_sidelines():
    facts = facts_of(
        "The Caspian Energy Forum opened in Baku on Monday, bringing together the energy ministers of Georgia and "
        "Türkiye. Energy Minister Levan Dadiani addressed the plenary session. On the sidelines of the forum, the "
        "energy ministries of Georgia and Türkiye signed a memorandum of understanding on power trade."
    )
    (forum,) = [m for m in facts.meetings if m.kind == "forum"]
    names = [p.name for p in forum.participants]
    assert names[:3] == ["Georgia", "Türkiye", "Levan Dadiani"]
    (agreement,) = facts.agreements
    assert agreement.signed_during is forum and agreement.date == forum.date == "2025-05-12"
    assert {p.name for p in agreement.parties} <= set(names)


def test_relative_clauses_two_letter_surnames_and_talks_between_the_two():
    facts = facts_of(
        "Kazakh President Aidar Nurlanov, who arrived on Sunday, received Wu Lan, chairman of Example Grid "
        "Corporation. "
        "Chinese President Xi Jinping opened the session. Uzbek President Bekzod Karimov held talks with Xi on Monday. "
        "The memorandum was signed by Energy Minister Aziz Rakhimov and Li Na after talks between the two."
    )
    meetings = {(m.kind, tuple(sorted(p.name for p in m.participants))) for m in facts.meetings}
    assert ("meeting", ("Aidar Nurlanov", "Wu Lan")) in meetings
    assert ("talks", ("Bekzod Karimov", "Xi Jinping")) in meetings
    assert ("talks", ("Aziz Rakhimov", "Li Na")) in meetings


def test_being_in_talks_is_not_a_meeting_and_capitalised_relative_days_resolve():
    facts = facts_of(
        "Example Power said it was in talks with Sample Gas Corporation on a new plant. "
        "Last Friday, Energy Minister Aziz Rakhimov held a video conference with Wu Lan."
    )
    (call,) = facts.meetings
    assert (call.kind, call.date) == ("talks", "2025-05-09")


def test_the_agreement_was_signed_refers_back_and_an_event_dates_what_is_signed_during_it():
    facts = facts_of(
        "Example Power and Sample Gas Corporation signed an investment agreement in Astana on May 5. "
        "The agreement was signed after talks between Energy Minister Aziz Rakhimov and Wu Lan. "
        "Last Friday, a groundbreaking ceremony was held for the plant. "
        "During the ceremony, Example Power and Sample Grid Corporation signed a grid connection agreement covering "
        "a site where work began in April."
    )
    assert [(a.kind, a.date) for a in facts.agreements] == [
        ("investment agreement", "2025-05-05"),
        ("agreement", "2025-05-09"),
    ]


def test_posts_before_a_comma_and_appointments_with_patronymics():
    facts = facts_of(
        "It was signed by Example Power's general director, Rashad Aliyev, and others. "
        "The delegation met the chairman of Sample Grid Corporation, Wu Lan, in Baku. "
        "Last week Kamran Elman oglu Huseynov was appointed chairman of the board of Example Power."
    )
    posts = {(p.person.name, p.role, p.organization.name, p.rule) for p in facts.posts}
    assert posts == {
        ("Rashad Aliyev", "General Director", "Example Power", "post-title-comma"),
        ("Wu Lan", "Chairman", "Sample Grid Corporation", "post-title-comma"),
        ("Kamran Huseynov", "Chairman of the Board", "Example Power", "post-appointed"),
    }


def test_an_event_opened_on_a_day_starts_then_and_a_title_after_cop_is_not_an_event():
    facts = facts_of(
        "The 12th Caspian Energy Forum closed on Wednesday. President Aidar Nurlanov opened the forum on Monday. "
        "The roundtable was opened by Lena Vogt, COP31 President, who praised the hosts."
    )
    forum = next(m for m in facts.meetings if m.kind == "forum")
    assert forum.date == "2025-05-12" and [p.name for p in forum.participants] == ["Aidar Nurlanov"]
    assert not any("COP31" in m.label for m in facts.meetings)


def test_the_visit_of_a_person_to_a_place_is_a_visit_planned_when_announced():
    facts = facts_of(
        "A roadmap is to be signed during the state visit of President Aidar Nurlanov to China later this year. "
        "The visit of Prime Minister Levan Dadiani to Baku in March produced three agreements."
    )
    visits = {(m.participants[0].name, m.place.name, m.date, m.planned) for m in facts.meetings}
    assert visits == {("Aidar Nurlanov", "China", "2025", True), ("Levan Dadiani", "Baku", "2025-03", False)}


def test_passive_talks_list_items_of_technologies_and_topics_that_are_dates():
    facts = facts_of(
        "Talks were held between Energy Minister Aziz Rakhimov and Wu Lan. "
        "A memorandum of understanding was signed between Example Power Corporation and Sample Grid Corporation "
        "on Tuesday. The company plans 1.2GW of solar, half a gigawatt of wind and 300 megawatts (MW) of storage."
    )
    assert [(m.kind, [p.name for p in m.participants]) for m in facts.meetings] == [
        ("talks", ["Aziz Rakhimov", "Wu Lan"])
    ]
    (agreement,) = facts.agreements
    assert agreement.topic == "memorandum of understanding"  # not "Tuesday"
    assert [(c.value_mw, c.technologies) for c in facts.capacities] == [
        (1200.0, ["solar"]),
        (500.0, ["wind"]),
        (300.0, ["battery storage"]),
    ]


def test_the_minister_and_an_inner_he_refer_to_the_person_last_named():
    facts = facts_of(
        "Kyrgyz Energy Minister Taalai Bekov arrived in Beijing on Monday. "
        "The minister met Wu Lan, chairman of Example Grid Corporation, on Tuesday. "
        "When President Aidar Nurlanov visited Astana in April, he and Wu Lan signed a memorandum of understanding."
    )
    meeting = next(m for m in facts.meetings if m.kind == "meeting")
    assert [p.name for p in meeting.participants] == ["Taalai Bekov", "Wu Lan"]
    (agreement,) = facts.agreements
    assert "Example Grid Corporation" in [p.name for p in agreement.parties]
    assert len(agreement.parties) == 2


def test_organizations_acting_at_an_event_take_part_when_no_person_is_named():
    facts = facts_of(
        "Example Power Corporation and Sample Grid Corporation signed a memorandum of understanding at the "
        "Caspian Business Forum in Baku on Monday."
    )
    forum = next(m for m in facts.meetings if m.kind == "forum")
    assert [p.name for p in forum.participants] == ["Example Power Corporation", "Sample Grid Corporation"]


def test_who_arrived_for_an_event_takes_part_and_a_day_does_not_join_names():
    facts = facts_of(
        "Turkish Energy Minister Alparslan Demir arrived in Tashkent on Monday for the Tashkent International "
        "Investment Forum."
    )
    (forum,) = facts.meetings
    assert (forum.label, [p.name for p in forum.participants]) == (
        "Tashkent International Investment Forum",
        ["Alparslan Demir"],
    )
