"""Figures in MW that are, and are not, a project's generation capacity (issue 13); sentences
written for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 3, 5)


def capacities_of(body: str) -> list[tuple[float, list[str]]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    return [(c.value_mw, c.technologies) for c in facts.capacities]


@pytest.mark.parametrize(
    "body",
    [
        "The Velmar hydrogen project is designed for up to 4 GW of electrolysis.",  # not electricity
        "Vantora plans to build a 10GW silicon wafer plant near Lima.",  # a factory's output
        "Vantora holds over 15GW of generation capacity in its portfolio.",  # a company's holdings
        "Norland has imported 200 MW of hydropower from its neighbour since 2022.",  # power bought
        "Norland agreed to buy an additional 900 MW of solar power from Velan.",
        "The five countries confirmed their 150 GW offshore wind ambition for 2050.",  # a target
        "Last year the ministers agreed to reach 60 GW of offshore wind in the region by 2030.",
        # a target with a decimal figure, and a part of it
        "The plant supports the national plan, which targets 58.7 GW of renewables by 2030, including 40 GW solar.",
        "The utility counts the plant towards its plan for 18 GW of solar capacity by 2035.",
    ],
)
def test_not_a_projects_capacity(body):
    assert capacities_of(body) == []


def test_a_project_finished_by_a_year_is_no_target():
    assert capacities_of("The 500 MW solar plant near Lima will be built by 2027.") == [(500.0, ["solar"])]


def test_a_reactors_size_is_no_plants_capacity():
    assert capacities_of("The nuclear plant will have six 50 MW reactors, 300 MW in all.") == [(300, ["nuclear"])]


def test_the_same_plant_counted_another_way_is_one_capacity():
    assert capacities_of("The Velmar floating solar plant, a 145MWac (192MWp) project, opened today.") == [
        (145, ["floating solar"])
    ]


def test_a_dams_capacity_is_hydro():
    assert capacities_of("The Velmar dam now has its full 2,100 MW installed.") == [(2100, ["hydro"])]


def test_a_plant_that_power_is_bought_from_keeps_its_capacity():
    assert capacities_of("Norland will buy power from the 456 MW Velmar hydropower plant.") == [(456, ["hydro"])]


@pytest.mark.parametrize(
    "body",
    [
        "The Velmar scheme comprises three 400 MW storage projects.",
        "The Velmar scheme is split between three storage projects of 400 MW each.",
    ],
)
def test_counted_plants_are_one_capacity_each(body):
    assert capacities_of(body) == [(400, ["battery storage"])] * 3


def test_the_same_figure_written_twice_in_one_sentence_is_two_capacities():
    body = "Vantora will build a 100 MW solar plant in Lima and a 100 MW solar plant in Cusco."
    assert capacities_of(body) == [(100, ["solar"]), (100, ["solar"])]


def test_turbines_of_a_size_each_are_no_capacity():
    assert capacities_of("The dam has nine turbines of 235 MW each.") == []


def test_a_figure_with_no_technology_near_takes_the_titles():
    body = (
        "Vantora and the Ministry of Energy met in Lima on Monday.\n\nThey spoke about jobs and roads.\n\n"
        "Tariffs were also on the table.\n\nThe plant would have an installed capacity of 1,100 megawatts."
    )
    facts = extract_article(Article("t", Path("t.txt"), "Vantora plans a solar plant in Peru", body, PUBLISHED))
    assert [(c.value_mw, c.technologies, sorted(c.caveats)) for c in facts.capacities] == [
        (1100, ["solar"], ["status-unknown", "technology-inferred"])
    ]


def test_a_figure_with_no_technology_near_and_an_article_of_two_takes_none():
    body = (
        "Velan builds wind farms.\n\nNorland builds solar plants.\n\nThey met on Monday.\n\n"
        "Tariffs were discussed.\n\nThe plant would have an installed capacity of 1,100 megawatts."
    )
    assert capacities_of(body) == []


def test_each_item_of_a_list_of_plants_is_a_capacity_of_its_own():
    body = (
        "The ministry signed power purchase agreements for three solar projects.\n\n"
        "- Velmar, North province – 3,000MW\n- Norta, West province – 3,000MW\n- Lusk, East province – 2,000MW\n"
    )
    assert capacities_of(body) == [(3000, ["solar"]), (3000, ["solar"]), (2000, ["solar"])]


@pytest.mark.parametrize(
    "body, technology",
    [
        ("Peru's first geothermal plant, with 150 MW of capacity, was inaugurated on Monday.", "geothermal"),
        ("Vantora Solar LLC will build a 150 MW biomass power plant near Lima.", "biomass"),
    ],
)
def test_geothermal_and_biomass_plants(body, technology):
    assert capacities_of(body) == [(150.0, [technology])]


def test_a_plants_nameplate_is_its_capacity():
    body = "Punta Vela is an onshore wind farm; its nameplate is 26 megawatts and it is up and running."
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    assert [(c.value_mw, c.status) for c in facts.capacities] == [(26.0, "operating")]


def test_units_of_one_size_counted_before_the_figure_add_up():
    assert capacities_of("The 2x660 MW coal plant near Lima was built by Vantora.") == [(1320.0, ["coal"])]


def test_power_a_hydrogen_project_uses_is_no_generation():
    body = "Vantora plans a 1 GW green hydrogen project powered by 2 GW of wind and solar."
    assert [mw for mw, _ in capacities_of(body)] == [2000.0]


@pytest.mark.parametrize(
    "sentence",
    [
        "In March the leaders agreed in the Velmar Declaration to reach 120 GW of offshore wind by 2030.",
        "The partners promised to help Norland cap coal capacity at 30.2 GW by 2030.",
        "Norland said it had reached agreements with foreign partners on green projects totalling 43 GW.",
    ],
)
def test_targets_caps_and_sums_of_many_projects_are_no_capacity(sentence):
    assert capacities_of(sentence) == []


def test_every_figure_of_a_list_after_the_first_is_a_capacity():
    sentence = (
        "The cascade would consist of three hydropower plants: the 33 MW Karakol plant, HPP-1 at 360 MW and HPP-2 "
        "at 912 MW."
    )
    assert [mw for mw, _ in capacities_of(sentence)] == [33.0, 360.0, 912.0]


def test_a_reactors_rating_is_a_nuclear_capacity_not_a_turbines():
    assert capacities_of("The 1,161 MW reactor at Velmar entered commercial operation in May 2021.") == [
        (1161.0, ["nuclear"])
    ]
