"""A series of bilateral meetings told one counterpart at a time: "On the sidelines the minister held
a series of bilateral talks with European counterparts. With Estonia's minister, A, he discussed …
Lithuania's minister, B, and Minister X looked at … With C, the conversation turned to …". Each
counterpart named after the opener is one meeting with the one who held them."""

from __future__ import annotations

import re

from .clauses import date_for
from .entities import SentenceView
from .facts import PERSON, Entity, Meeting

_SERIES = re.compile(
    r"\b(?:held|had|conducted|holds|has\s+held|had\s+held)\s+(?:a\s+(?:series|number|round|string)\s+of\s+|"
    r"several\s+|separate\s+)?bilateral\s+(?:talks|meetings|consultations|discussions)\b"
)
# a sentence of the series: it opens with "With", or names the holder (or "he", "she") beside a counterpart
_WITH_OPENS = re.compile(r"\s*(?:And\s+)?[Ww]ith\b")
_HOLDER_PRONOUN = re.compile(r"\b(?:he|she)\b")
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
            meetings += [
                Meeting(
                    kind="meeting",
                    label=f"{holder.name} meets {person.name}",
                    date=date,
                    participants=[holder, person],
                    planned=planned,
                    sentences={view.sentence.index, following.sentence.index},
                    rule="bilateral-series",
                )
                for person in counterparts
            ]
    return meetings


def _holder(view: SentenceView, before: int) -> Entity | None:
    persons = [e for m, e in view.items if e is not None and e.type == PERSON and view.rel(m)[1] <= before]
    return persons[-1] if persons else None


def _counterparts(view: SentenceView, holder: Entity) -> list[Entity]:
    persons = list(dict.fromkeys(e for _, e in view.items if e is not None and e.type == PERSON))
    others = [p for p in persons if p is not holder]
    told = _WITH_OPENS.match(view.text) or holder in persons or _HOLDER_PRONOUN.search(view.text)
    return others if told else []
