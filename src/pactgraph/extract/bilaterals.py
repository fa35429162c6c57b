"""Bilateral meetings told one counterpart at a time. A series: "On the sidelines the minister held
a series of bilateral talks with European counterparts. With Estonia's minister, A, he discussed …
Lithuania's minister, B, and Minister X looked at …": one meeting with each counterpart named after
the opener. A programme: "Lula's programme for Friday listed bilateral meetings with A, B and C". A
record's list of those present: "3. Meeting with the Minister of Energy (Wednesday, 14 May 2025,
Rabat)", then "Participants: A and the delegation; B, Minister of …"."""

from __future__ import annotations

import re

from .clauses import date_for
from .entities import SentenceView
from .facts import PERSON, PLACE, Entity, Meeting

_SERIES = re.compile(
    r"\b(?:held|had|conducted|holds|has\s+held|had\s+held)\s+(?:a\s+(?:series|number|round|string)\s+of\s+|"
    r"several\s+|separate\s+)?bilateral\s+(?:talks|meetings|consultations|discussions)\b"
)
# a sentence of the series: it opens with "With", or names the holder (or "he", "she") beside a counterpart
_WITH_OPENS = re.compile(r"\s*(?:And\s+)?[Ww]ith\b")
_HOLDER_PRONOUN = re.compile(r"\b(?:he|she)\b")
# "Lula's programme for Friday listed bilateral meetings with A, B and C": each one planned
_SCHEDULED = re.compile(
    r"['’]s\s+(?:programme|program|schedule|agenda|itinerary)\b[^.;:]{0,40}?\s(?:lists|listed|includes|included|"
    r"features|featured|foresees|foresaw)\s+(?:separate\s+)?(?:bilateral\s+)?(?:meetings|talks)\s+with\s"
)
_FOLLOWING = 6  # sentences after the opener that may each tell one or two of the meetings


def bilateral_series(views: list[SentenceView]) -> list[Meeting]:
    """One meeting of the holder with each counterpart the sentences after a series opener name."""
    meetings: list[Meeting] = []
    for index, view in enumerate(views):
        opener = _SERIES.search(view.text)
        if opener is None:
            continue
        holder = _holder(view, opener.start())
        if holder is None or any(e.type == PERSON for e in view.entities_between(opener.end(), len(view.text))):
            continue  # "… held bilateral talks with A and B": the sentence's own reader has them
        date, planned = date_for(view, opener.start())
        for following in views[index + 1 : index + 1 + _FOLLOWING]:
            counterparts = _counterparts(following, holder)
            if not counterparts or following.dates:
                break  # the series has been told (a sentence with a date of its own tells something else)
            told = {view.sentence.index, following.sentence.index}
            meetings += [_bilateral(holder, person, date, planned, told, "bilateral-series") for person in counterparts]
    return meetings


def _bilateral(
    holder: Entity, other: Entity, date: str | None, planned: bool, sentences: set[int], rule: str
) -> Meeting:
    return Meeting(
        kind="meeting",
        label=f"{holder.name} meets {other.name}",
        date=date,
        participants=[holder, other],
        planned=planned,
        sentences=set(sentences),  # a set of its own: merging meetings grows it
        rule=rule,
    )


def _holder(view: SentenceView, before: int) -> Entity | None:
    persons = [e for m, e in view.items if e is not None and e.type == PERSON and view.rel(m)[1] <= before]
    return persons[-1] if persons else None


def _counterparts(view: SentenceView, holder: Entity) -> list[Entity]:
    persons = list(dict.fromkeys(e for _, e in view.items if e is not None and e.type == PERSON))
    others = [p for p in persons if p is not holder]
    told = _WITH_OPENS.match(view.text) or holder in persons or _HOLDER_PRONOUN.search(view.text)
    return others if told else []


def scheduled_bilaterals(view: SentenceView) -> list[Meeting]:
    """ "Lula's programme for Friday listed bilateral meetings with A, B and C": planned meetings of
    the programme's owner with each one named after it."""
    listed = _SCHEDULED.search(view.text)
    if listed is None:
        return []
    owner = _holder(view, listed.start() + 1)
    guests = [e for e in view.entities_between(listed.end(), len(view.text)) if e.type == PERSON]
    if owner is None:
        return []
    date, _ = date_for(view, listed.start())
    told = {view.sentence.index}
    return [
        _bilateral(owner, guest, date, True, told, "scheduled-bilateral")
        for guest in dict.fromkeys(guests)
        if guest is not owner
    ]


# "Participants: A and members of the delegation; B, Minister of …", a line of a record or minutes
_PARTICIPANTS_LINE = re.compile(r"\s*(?:Participants|Attendees|Attending|In attendance|Present)\s*:\s")
_HEADING_WORDS = 25  # a heading over the line is short: "4. Meeting at the House of Councillors (14 May, Rabat)"


def participants_line(view: SentenceView, heading: SentenceView | None) -> list[Meeting]:
    """The meeting a record's line of participants tells: those it names, on the day and at the place
    of the heading just above it (a short line), if it has them."""
    if not _PARTICIPANTS_LINE.match(view.text):
        return []
    participants = [e for e in view.entities_between(0, len(view.text)) if e.is_agent]
    if len(participants) < 2:
        return []
    date, planned = date_for(view, 0)
    place = None
    headed = heading is not None and len(heading.text.split()) <= _HEADING_WORDS
    if headed and not date:
        date, planned = date_for(heading, len(heading.text))
        named = heading.entities_between(0, len(heading.text), agents_only=False)
        place = next((e for e in named if e.type == PLACE), None)
    label = heading.text.strip() if headed else ""
    return [
        Meeting(
            kind="meeting",
            label=re.sub(r"^\s*\d+(?:\.\d+)*\.?\s*", "", label) or f"Meeting of {participants[0].name}",
            date=date,
            participants=participants,
            place=place,
            planned=planned,
            named=bool(label),
            sentences={view.sentence.index},
            rule="participants-line",
        )
    ]
