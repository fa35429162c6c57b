"""Documents in force that a sentence names without telling their signing (issue 13): "the
memorandum of 25 January 2022 between A and B" is an agreement between A and B, read by the rule
``document-between``; drafts, proposals and questions are not. Sentences written for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from pactgraph.articles import Article
from pactgraph.extract import extract_article

PUBLISHED = dt.date(2025, 3, 5)


def agreements_of(body: str) -> list[tuple[str, list[str], str | None, str]]:
    facts = extract_article(Article("t", Path("t.txt"), "Test", "Headline\n\n" + body, PUBLISHED))
    return [(a.kind, sorted(p.name for p in a.parties), a.date, a.rule) for a in facts.agreements]


def test_a_list_of_documents_between_two_countries_is_one_agreement_each_with_its_own_day():
    body = (
        "The projects rest on three memorandums of understanding between Peru and Chile: the MoU on Energy "
        "Cooperation of 25 January 2022, the MoU on Solar Power of 16 March 2023, and the MoU on Grid Links of "
        "8 September 2023."
    )
    assert agreements_of(body) == [
        ("memorandum of understanding", ["Chile", "Peru"], day, "document-between")
        for day in ("2022-01-25", "2023-03-16", "2023-09-08")
    ]


def test_a_document_named_between_two_companies_is_undated_not_dated_by_a_meeting_before_it():
    body = (
        "On Monday, Vantora Solar LLC hosted Kelvix Power Ltd in Lima.\n\n"
        "The cooperation agreement between Vantora Solar LLC and Kelvix Power Ltd covers three plants."
    )
    assert agreements_of(body) == [
        ("cooperation agreement", ["Kelvix Power Ltd", "Vantora Solar LLC"], None, "document-between")
    ]


def test_the_parties_end_with_the_name_after_and():
    body = (
        "Lawmakers examined the gas agreement between Vantora Solar LLC and Kelvix Power Ltd, Norland Assembly, "
        "on Thursday."
    )
    assert [parties for _, parties, _, _ in agreements_of(body)] == [["Kelvix Power Ltd", "Vantora Solar LLC"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "A draft agreement between Peru and Chile on grid links was discussed.",
        "Negotiations on an agreement between Peru and Chile continue.",
        "An agreement between Peru and Chile could follow next year.",
        "Is an agreement between Peru and Chile within reach?",
        "Peru withdrew from the agreement between Peru and Chile in 2020.",
    ],
)
def test_a_document_not_in_force_is_no_agreement(sentence):
    assert agreements_of(sentence) == []
