"""Articles pasted from web pages without a header: the date line among their first lines dates them."""

import datetime as dt

import pytest

from pactgraph.articles import read_article


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("By Staff Reporter | 14 March 2024, 10:32", "2024-03-14"),
        ("Weekly digest | Friday, 26 January 2024 | 5 min read", "2024-01-26"),
        ("Office of the President | Press Briefing | June 12, 2024, 21:40 (Astana time)", "2024-06-12"),
        ("17 May 2023 | Samarkand | Press Office", "2023-05-17"),
        ("@EnergyDesk · Feb 11, 2026", "2026-02-11"),  # a month shortened, as posts and many pages write it
        ("Posted 3 Sept. 2025 by the editors", "2025-09-03"),
    ],
)
def test_a_date_line_dates_a_pasted_page_and_leaves_the_body(tmp_path, date_line, published):
    path = tmp_path / "pasted.txt"
    path.write_text(f"A headline about a deal\n\n{date_line}\n\nThe ministry signed a memorandum on Monday.\n")
    article = read_article(path)
    assert article.published == dt.date.fromisoformat(published)
    assert date_line not in article.body
    assert "memorandum" in article.body


def test_a_sentence_with_a_date_in_the_body_is_not_a_date_line(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text("A headline\n\nThe plant opened on 3 May 2021 and was expanded twice since.\n")
    assert read_article(path).published is None
