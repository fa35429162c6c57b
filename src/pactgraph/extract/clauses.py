"""What the meeting readers share about one clause of a sentence: where it ends, whether it
speaks of the future, the date and place nearest a word, and the kind of an event's name."""

from __future__ import annotations

import functools
import re

from .entities import SentenceView
from .facts import COUNTRY, PERSON, PLACE, Entity

PLANNED_CONTEXT = re.compile(
    r"\b(?:will|to be|is to|are to|expected|scheduled|planned|upcoming|later this year|next (?:week|month|year))\b"
)
_KINDS = [
    ("ceremony", "ceremony"),
    ("roundtable", "roundtable"),
    ("round table", "roundtable"),
    ("summit", "summit"),
    ("forum", "forum"),
    ("conference", "conference"),
    ("cop", "conference"),
    ("week", "forum"),
    ("expo", "forum"),
    ("exhibition", "forum"),
    ("congress", "conference"),
    ("ministerial meeting", "ministerial meeting"),
    ("ministers", "ministerial meeting"),
    ("talks", "talks"),
    ("dialogue", "talks"),
    ("meeting", "meeting"),
    ("session", "meeting"),
]
CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:which|who|where|while|and the|but)\b|\s+to\s+(?!the\b|an?\b|its\b|their\b)[a-z]+\b|\s+[—–-]\s+|"
    # "Vučić said that SOCAR and Srbijagas had held talks": the one who speaks is no subject of what is told
    r"\b(?:said|says|stated|noted|added|announced|reported|confirmed)\s+that\b|"
    # "X met Y, and Team Europe announced a package", "…, and Minister of Foreign Affairs Z held talks": a new
    # subject with its own verb
    r"(?:,\s+and|\s+(?:before|after|when|once|until))\s+"
    # "X toured the plant before President Y received him": so does a subordinate clause with a subject of its own
    r"(?=(?:[A-Z][\w'’-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){1,6}(?:announced|said|signed|agreed|added|pledged|unveiled|launched|"
    r"will|has|have|had|is|are|was|were|held|met|received|hosted|welcomed|visited)\b)"
)


_INFINITIVE = re.compile(r"\s+to\s")


@functools.lru_cache(maxsize=64)
def _clause_ends(text: str) -> tuple[tuple[int, bool], ...]:
    """Where each clause of ``text`` ends, and whether that end is an infinitive's "to" ("… to travel …").
    The whole text is searched, so that a clause end that looks ahead ("…, and C held talks") sees the verb
    after it; kept per sentence, as every verb of the sentence asks."""
    return tuple((m.end(), bool(_INFINITIVE.match(m.group(0)))) for m in CLAUSE_END.finditer(text))


def clause_start(text: str, before: int, *, across_infinitives: bool = False) -> int:
    """Where the clause holding ``before`` starts: after the last clause end before it (past the
    infinitives too with ``across_infinitives``: "X plans to travel to Lima to meet Y" is X's)."""
    return max(
        [0]
        + [end for end, infinitive in _clause_ends(text) if end <= before and not (across_infinitives and infinitive)]
    )


def kind_of(label: str) -> str:
    low = label.lower()
    for word, kind in _KINDS:
        if word in low:
            return kind
    return "meeting"


def prefer_persons(entities: list[Entity]) -> list[Entity]:
    persons = [e for e in entities if e.type == PERSON]
    return persons or [e for e in entities if e.type != PLACE]


# "BAKU, July 29 -", "Addis Ababa, October 17/2023 (ENA) –": the day a wire report was filed, not the day of
# what it reports when its sentence names another
_DATELINE_PREFIX = re.compile(r"^\s*[A-ZÀ-Ý][\w .'’-]{1,40},\s+[^-–—]{3,30}?(?:\s*\([^)]{1,30}\))?\s*[-–—]\s")


_BEGUN = re.compile(
    r"\b(?:began|begun|started|founded|created|established|set up|launched)\s+(?:in\s+|on\s+)?$|"
    r"\bsince\s+[a-z]+ing\b[^,.;]{0,50}$"  # "since taking office last month"
)


def dates_something_else(text: str, date) -> bool:
    """Whether ``date`` (a ``DateMention`` of ``text``) is the date of something other than the fact the
    sentence tells: "partners since 2018", "until 2030", "by 2028", "founded in 2010", "talks that began in
    January"."""
    return bool(
        re.match(r"(?:since|until|by)\b", text[date.start : date.end], re.I) or _BEGUN.search(text, 0, date.start)
    )


_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\b[^,;]*,")


def date_for(view: SentenceView, near: int) -> tuple[str | None, bool]:
    best = None
    dateline = _DATELINE_PREFIX.match(view.text)
    own = [d for d in view.dates if not (dateline and d.end <= dateline.end())]
    asides = [(m.start(), m.end()) for m in _RELATIVE_ASIDE.finditer(view.text)] if len(own) > 1 else []
    for d in own if own else view.dates:
        before = view.text[max(0, d.start - 25) : d.start].lower()
        if re.search(
            r"(?:planned|scheduled|due|commissioning|since|established|signed|formali[sz]ed|by)\s+(?:for\s+|in\s+|on\s+)?$",
            before,
        ):
            continue
        if re.match(r"\s+(?:date|deadline|target|timetable)\b", view.text[d.end :]):
            continue  # "the 5 February date was fixed during talks on 18 November": a date named, not the day
        if dates_something_else(view.text, d):
            continue  # "in office since 2018", "a forum founded in 2010": the date of something else
        if any(a <= d.start < b and not a <= near < b for a, b in asides):
            continue  # "Marek, who arrived on Tuesday, met Lund on Wednesday": the aside's day is not the meeting's
        if best is None or abs(d.start - near) < abs(best.start - near):
            best = d
    return (best.iso, best.future) if best else (None, False)


def place_after(view: SentenceView, start: int) -> Entity | None:
    for m, e in view.items:
        a, _ = view.rel(m)
        if e is None or e.type not in (PLACE, COUNTRY) or a < start:
            continue
        before = view.text[max(0, a - 12) : a]
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before):
            return e
    return None


_PAIR = re.compile(r"\b(?P<a>[A-Z][a-z]+)-(?P<b>[A-Z][a-z]+)\b")  # "the Azerbaijan-China commission"
# "the Joint Commission of Peru and Chile"
_OF_TWO = re.compile(r"\bof\s+(?:the\s+)?(?P<a>[A-Z][a-z]+)\s+and\s+(?:the\s+)?(?P<b>[A-Z][a-z]+)\b")


def countries_paired(name: str, country_by_word, *, of_two: bool = True) -> list[Entity]:
    """The two countries a joint body's (or an event's) name pairs: "the Peru-Chile Commission",
    "the Joint Commission of Peru and Chile"; none unless both words are countries."""
    pair = _PAIR.search(name) or (_OF_TWO.search(name) if of_two else None)
    countries = [country_by_word(w) for w in pair.group("a", "b")] if pair and country_by_word else []
    return countries if len(countries) == 2 and all(countries) else []
