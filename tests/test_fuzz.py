"""Property-based tests (issue 8, item 6) of the article reader, the date and power normalisers and
the extractor, on realistic fragments mixed with random text: no exception escapes, every
capacity is a finite number of MW (≥ 0) read from a known unit, every date is a valid ISO date of
its precision, and the same input gives the same output.

CI runs the "ci" profile of tests/conftest.py (few examples, the same each run, no deadline);
a long run: HYPOTHESIS_PROFILE=long python -m pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

import pactgraph
from pactgraph.articles import Article, read_article
from pactgraph.build import build_quads
from pactgraph.curation import scheme_labels
from pactgraph.errors import ArticleError
from pactgraph.extract import _sentences_with_entities, extract_article
from pactgraph.extract.dates import find_dates
from pactgraph.extract.nlp import pipeline
from pactgraph.extract.quantities import UNITS_MW, find_power
from pactgraph.store import Format, serialize

from .conftest import ARTICLES

# --- fragments a news article is made of, and noise ---------------------------------------------

PEOPLE = [
    "Energy Minister Jan Novak",
    "President Ilham Aliyev",
    "Li Wei, Chairman of Example Power Co., Ltd.,",
    "Kassym-Jomart Tokayev",
    "Minister Nurlanov",
    "He",
    "the two presidents",
]
ORGANIZATIONS = ["SOCAR", "ACWA Power", "the Ministry of Energy of Azerbaijan", "China Energy (CEEC)", "Masdar"]
PLACES = [
    "Baku",
    "Astana",
    "Beijing",
    "the Caspian Sea",
    "Azerbaijan",
    "China",
    "the Zhambyl region",
    "BAKU, April 23.",
]
ACTIONS = [
    "met",
    "held talks with",
    "signed a memorandum of understanding with",
    "visited",
    "established a strategic partnership with",
    "was attended by",
    "agreed with",
]
DATES = [
    "on March 3",
    "on 12 November 2024",
    "last year",
    "in April of this year",
    "on Tuesday",
    "next month",
    "2025-02-30",
    "31 February 2025",
    "on Friday, September 26",
    "yesterday",
    "in May",
    "later this month",
    "last November",
    "since 1999",
    "on Sept. 31",
    "next year",
    "will meet on Monday",
]
POWERS = [
    "a 300 MW solar plant",
    "2 GW of offshore wind",
    "1,000 megawatts",
    "two gigawatts",
    "5 GWh",
    "0.5 kW",
    "about 2.3 GW",
    "a 100-megawatt wind farm under construction",
    "3 GW of panels a year",
    "9" * 400 + " MW",
    "0 MW",
    "half a gigawatt",
    "2 million kilowatts",
    "12,345.678 MW of hydro",
    "1.5 TW",
]
FRAGMENTS = PEOPLE + ORGANIZATIONS + PLACES + ACTIONS + DATES + POWERS
NOISE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(FRAGMENTS), NOISE)
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", ".\n", "\n\n", " — ", "; ", " and "])
PUBLISHED = st.one_of(
    st.none(),
    st.dates(),
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.sampled_from([dt.date.min, dt.date.max]),  # a header may say 0001-01-01 or 9999-12-31
)


@st.composite
def prose(draw, max_pieces: int = 14) -> str:
    """A run of fragments and noise, joined as sentences are."""
    pieces = draw(st.lists(st.tuples(PIECE, SEPARATORS), min_size=1, max_size=max_pieces))
    return "".join(piece + separator for piece, separator in pieces)


ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def assert_valid_iso(value: str) -> None:
    """``value`` is YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    assert ISO.fullmatch(value), value
    year, *rest = (int(part) for part in value.split("-"))
    assert 1 <= year <= 9999, value
    if rest:
        dt.date(year, rest[0], rest[1] if len(rest) > 1 else 1)


# --- the date normaliser ---------------------------------------------------------------------------


@given(text=prose(), published=PUBLISHED)
@example(text="next year", published=dt.date(9999, 6, 1))
@example(text="They will meet on Monday.", published=dt.date(9999, 12, 31))
@example(text="last year", published=dt.date(1, 1, 1))
@example(text="on Tuesday", published=dt.date(1, 1, 1))
@example(text="next month", published=dt.date(9999, 12, 31))
@example(text="in April of next year", published=dt.date(9999, 12, 31))
def test_dates_are_valid_iso_dates_of_their_precision(text: str, published: dt.date | None) -> None:
    found = find_dates(text, published)
    assert found == find_dates(text, published)
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert_valid_iso(mention.iso)
        if published is None:
            assert not mention.future


# --- the power normaliser --------------------------------------------------------------------------


@given(text=prose())
@example(text="9" * 400 + " MW")
@example(text="1" + "0" * 320 + " GW")
def test_powers_are_finite_megawatts_from_a_known_unit(text: str) -> None:
    found = find_power(text)
    assert found == find_power(text)
    for power in found:
        assert math.isfinite(power.mw) and power.mw >= 0, power
        assert text[power.start : power.end].strip() == power.text
        unit = re.search(r"(GW|MW|kW|TW|(?:giga|mega|kilo|tera)watts?)\W*$", power.text, re.I)
        assert unit and (unit.group(1).lower().rstrip("s") in UNITS_MW or unit.group(1).lower()[:2] in UNITS_MW)


# --- the article reader ----------------------------------------------------------------------------

HEADER_LINES = st.one_of(
    st.sampled_from(["Title: Talks", "Published: 2025-03-05", "Source: Trend", "URL: https://x.example/a"]),
    st.sampled_from(["Published: 2025-13-45", "Published: yesterday", "Author: Ann", "Published: 9999-12-31"]),
    st.builds(lambda key, value: f"{key}: {value}", st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), NOISE),
)


@st.composite
def article_text(draw) -> str:
    """A header (perhaps malformed, perhaps unclosed), then prose, perhaps with page furniture."""
    header = draw(st.lists(HEADER_LINES, max_size=5))
    rule = draw(st.sampled_from(["---\n", "", "\n---\n", " --- \n"]))
    body = draw(prose())
    furniture = draw(
        st.sampled_from(["", "\nEditor: X\n", "\nPopular posts from this blog\nOther", "date 2025-01-02 "])
    )
    return "\n".join(header) + ("\n" if header else "") + rule + furniture + body


ARTICLE_BYTES = st.one_of(
    st.binary(max_size=200),
    article_text().map(lambda text: text.encode("utf-8")),
    article_text().map(lambda text: text.encode("utf-16")),
    article_text().map(lambda text: text.replace("\n", "\r\n").encode("utf-8-sig")),
)


@given(raw=ARTICLE_BYTES)
@example(raw=b"\xff\xfe\x00")  # a byte order mark and half a UTF-16 unit
@example(raw=b"Title: X\n---\n")
def test_the_reader_returns_an_article_or_names_the_file(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzzed.txt"
        path.write_bytes(raw)
        try:
            article = read_article(path)
        except ArticleError as err:
            assert str(err).startswith(str(path)) and "\n" not in str(err)
            return
        assert article == read_article(path)
    assert article.body.strip() and "\n" not in article.title
    for warning in article.warnings:
        assert warning.startswith(str(path)) and "\n" not in warning


# --- the extractor ---------------------------------------------------------------------------------

TECHNOLOGIES = scheme_labels("technology")
STATUSES = scheme_labels("status")


def _facts_dates(facts) -> list[str]:
    return [f.date for f in [*facts.meetings, *facts.agreements, *facts.partnerships] if f.date]


@given(body=prose(max_pieces=24), published=PUBLISHED)
@example(body="They will meet on Monday to sign a 300 MW solar deal. ", published=dt.date(9999, 12, 31))
@example(body="Energy Minister Jan Novak met Li Wei " + "9" * 400 + " MW of solar.", published=None)
@example(body="Energy Minister Jan Novak met Energy Minister Jan Novak ", published=dt.date(999, 1, 1))
def test_the_extractor_emits_valid_facts_deterministically(body: str, published: dt.date | None) -> None:
    if not body.strip():
        return
    article = Article("fuzzed", Path("fuzzed.txt"), "Fuzzed", body, published)
    facts = extract_article(article)
    for capacity in facts.capacities:
        assert math.isfinite(capacity.value_mw) and capacity.value_mw >= 0, capacity
        assert find_power(capacity.stated), capacity.stated  # the stated figure has a known unit
        assert set(capacity.technologies) <= TECHNOLOGIES and capacity.status in STATUSES, capacity
    for date in _facts_dates(facts):
        assert_valid_iso(date)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzzed.txt"
        header = f"Title: Fuzzed\nPublished: {published.isoformat()}\n" if published else "Title: Fuzzed\n"
        path.write_text(header + "---\n" + body, encoding="utf-8")
        try:
            first = serialize(build_quads([path]).quads, Format.NQUADS)
        except ArticleError:
            return  # the body is only furniture or blank once read: the reader's test covers that
        assert serialize(build_quads([path]).quads, Format.NQUADS) == first


@given(text=prose(max_pieces=20))
def test_sentences_get_the_entities_inside_them(text: str) -> None:
    """The one-pass split of entities by sentence (see extract._sentences_with_entities) gives what
    spaCy's ``Span.ents`` gives."""
    doc = pipeline()(text)
    assert [(s.start, [e.start for e in ents]) for s, ents in _sentences_with_entities(doc)] == [
        (s.start, [e.start for e in s.ents]) for s in doc.sents
    ]


# --- regressions: what the properties above found ----------------------------------------------


def test_relative_dates_past_the_calendar_are_not_dates() -> None:
    """Found by the date property: "next year" of 9999 gave "10000", "last year" of year 1 "0000",
    and a weekday next to 9999-12-31 or 0001-01-01 raised OverflowError out of the extractor."""
    assert find_dates("next year", dt.date(9999, 6, 1)) == []
    assert find_dates("last year", dt.date(1, 1, 1)) == []
    assert find_dates("They will meet on Monday.", dt.date(9999, 12, 31)) == []
    assert find_dates("talks on Tuesday", dt.date(1, 1, 1)) == []
    assert [d.iso for d in find_dates("next year", dt.date(9998, 6, 1))] == ["9999"]


def test_a_figure_too_large_for_a_float_is_not_a_power() -> None:
    """Found by the power property: 400 digits parsed to infinity MW, which no graph can hold."""
    assert find_power("9" * 400 + " MW") == []
    assert [p.mw for p in find_power("9" * 300 + " MW")] == [float("9" * 300)]


def test_an_undated_meeting_of_an_early_year_gets_a_four_digit_year() -> None:
    """Found by the extractor property (long run): strftime wrote year 999 as "999", no ISO date."""
    body = "Energy Minister Jan Novak met Li Wei in Astana."
    facts = extract_article(Article("early", Path("early.txt"), "Early", body, dt.date(999, 1, 1)))
    assert [m.date for m in facts.meetings] == ["0999-01"]


def test_the_build_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Determinism across processes: sets of strings iterate in an order that changes with
    PYTHONHASHSEED, so two processes with different seeds must still write the same bytes."""
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    (articles / "fragments.txt").write_text(
        "Title: Fragments\nPublished: 2025-03-05\n---\n" + ". ".join(FRAGMENTS) + ".\n", encoding="utf-8"
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed / "kg.trig"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pactgraph.cli",
                "build",
                "--articles",
                str(articles),
                "--out",
                str(out),
                "--no-validate",
            ],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(Path(pactgraph.__file__).parents[1])},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
