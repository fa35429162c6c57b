"""One meeting per encounter within an article: the mentions of a meeting told several times (a
name and then "the summit", talks told from each side, a trip told by its country and its city)
merged into one, and the mentions that only look alike (the next edition of a summit, the same pair
meeting again another day) kept apart."""

from __future__ import annotations

import datetime as dt

from .entities import fold
from .facts import PERSON, Meeting


def _same_time(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _retold(kept: Meeting, m: Meeting) -> bool:
    """Whether ``m`` tells again the meeting ``kept`` of the same persons, at a time that agrees."""
    return (
        kept.kind in ("meeting", "talks")
        and not kept.named
        and ":" not in kept.label + m.label  # "Banquet: A meet B" is not the talks A and B held that day
        and kept.planned == m.planned
        and len(m.participants) >= 2
        and set(kept.participants) == set(m.participants)
        and _same_time(kept.date, m.date)
    )


def _same_trip(kept: Meeting, m: Meeting) -> bool:
    """Whether the visit ``m`` is the visit ``kept`` told again: the same visitors, to a city of the
    country the other names (or the same place), at a time that agrees."""
    if kept.kind != "visit" or kept.planned != m.planned or kept.place is None or m.place is None:
        return False
    visitors = {p for p in kept.participants if p.type == PERSON}
    if not visitors or visitors != {p for p in m.participants if p.type == PERSON}:
        return False
    places = {kept.place.name, kept.place.in_country}, {m.place.name, m.place.in_country}
    return bool(places[0] & places[1] - {None}) and _same_time(kept.date, m.date)


def _names_same(kept: Meeting, key: str, m: Meeting) -> bool:
    """Whether the event ``m`` (its folded label ``key``) names ``kept`` again: one label holds the
    other ("the summit", "the Africa Climate Summit") at a time that agrees, and neither is "the next" one."""
    held = fold(kept.label)
    return (
        (f" {key} " in f" {held} " or f" {held} " in f" {key} ")
        # a name told again is the event it names, whatever the date near it; "the summit" is the one of
        # that time (an event spans days, across a month's end too)
        and (key == held or _near_in_time(kept.date, m.date))
        # "the next summit will be held in C", then "the summit took note": the one held
        and held.startswith("next ") == key.startswith("next ")
    )


_EVENT_SPAN_DAYS = 10  # days apart two dates of one event may be told ("opened on 30 November", "on 7 December")


def _near_in_time(a: str | None, b: str | None) -> bool:
    """Whether two dates, each as precise as told ("2024", "2024-11", "2024-11-30"), may fall within
    one event: the periods they stand for overlap or lie a few days apart."""
    if a is None or b is None:
        return True
    (a_first, a_last), (b_first, b_last) = _period(a), _period(b)
    return (max(a_first, b_first) - min(a_last, b_last)).days <= _EVENT_SPAN_DAYS


def _period(iso: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        return first, dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def merge_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per label within an article; later mentions add participants, date and place."""
    merged: dict[str, Meeting] = {}
    for m in meetings:
        key = fold(m.label)
        if m.kind not in ("meeting", "talks", "visit"):
            # "that summit" is the summit named last before it
            found = next((k for k in reversed(merged) if _names_same(merged[k], key, m)), None)
            if found is None and key in merged:
                key = f"{key} {m.date} {m.planned}"  # "the next SCO summit", after the SCO summit held: another one
            elif found is not None and found != key and len(key) > len(found) and key not in merged:
                # "the summit", then "the Africa Climate Summit": the name
                merged[key] = merged.pop(found)
                merged[key].label, merged[key].kind, merged[key].named = m.label, m.kind, True
            elif found is not None:
                key = found
        if key in merged and m.kind in ("meeting", "talks") and not _same_time(merged[key].date, m.date):
            key = f"{key} {m.date}"  # the same pair met again: "received him today", "hosted him in 2024"
        if key not in merged and m.kind in ("meeting", "talks") and not m.named:
            # "A held talks with B on 5 April", then "B held talks with A": the same talks told twice
            key = next((k for k, kept in merged.items() if _retold(kept, m)), key)
        if key not in merged and m.kind == "visit":
            # "X's visit to Egypt", then "X's visit to Cairo": one trip, told by its country and its city
            key = next((k for k, kept in merged.items() if _same_trip(kept, m)), key)
        if key in merged:
            kept = merged[key]
            kept.participants += [p for p in m.participants if p not in kept.participants]
            kept.date = (
                max((kept.date, m.date), key=lambda d: len(d or "")) if _same_time(kept.date, m.date) else kept.date
            )
            kept.place = kept.place or m.place
            kept.sentences |= m.sentences
        else:
            merged[key] = m
    return list(merged.values())
