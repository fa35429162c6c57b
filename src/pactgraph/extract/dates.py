"""Dates in text, resolved against the publication date, as ISO strings of the precision stated.

>>> import datetime as dt
>>> pub = dt.date(2025, 9, 27)
>>> [d.iso for d in find_dates("on Friday, September 26, and in April of this year", pub)]
['2025-09-26', '2025-04']
>>> [d.iso for d in find_dates("earlier this month, last November and last year", pub)]
['2025-09', '2024-11', '2024']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH_WORDS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH = rf"(?P<month>{_MONTH_WORDS})\.?"
# with a day, a month written in capitals too, as headings write it: "THURSDAY, 6 NOVEMBER"
_DAYED_MONTH = (
    rf"(?P<month>{_MONTH_WORDS}|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
    r"DECEMBER)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_OF_YEAR = r",?\s+(?:of\s+)?(?P<this>this|last|next)\s+year"  # "May last year", "12 May of next year"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    # a span of days is dated by its first: "9-10 May", "from 9 to 10 May", "May 9 to 10"
    # "the 13th of May", "from the 11th to the 13th of May", "12 May last year"
    (
        "dmy",
        re.compile(
            rf"\b{_DAY}(?:\s*[-–—]\s*\d\d?|\s+to\s+(?:the\s+)?\d\d?(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_DAYED_MONTH}"
            rf"(?:,?\s+{_YEAR}|{_OF_YEAR})?\b"
        ),
    ),
    (
        "mdy",
        re.compile(rf"\b{_DAYED_MONTH}\s+{_DAY}(?:\s*[-–—]\s*\d\d?|\s+to\s+\d\d?)?(?:,?\s+{_YEAR}|{_OF_YEAR})?\b"),
    ),
    ("my", re.compile(rf"\b{_MONTH}(?:\s+(?:of\s+)?{_YEAR}|{_OF_YEAR})?\b")),
    ("rel_month", re.compile(r"\b(?P<which>earlier|later|early|late)\s+this\s+month\b", re.I)),
    ("this_month", re.compile(r"\bthis\s+month\b", re.I)),
    ("other_month", re.compile(r"\b(?P<which>last|next|past|previous|coming)\s+month\b", re.I)),
    ("last_month_name", re.compile(rf"\b(?P<which>last|next|this)\s+{_MONTH}", re.I)),
    ("rel_year", re.compile(r"\b(?P<which>last|next|this|earlier this|later this)\s+year\b", re.I)),
    # "on Tuesday last week": that weekday of the week before (read before "last week" alone)
    (
        "weekday_last_week",
        re.compile(
            r"\b(?:[Oo]n\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:of\s+)?last\s+week\b"
        ),
    ),
    # "a week ago", "three days ago"; "over the weekend"
    (
        "ago",
        re.compile(r"\b(?P<count>an?|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>days?|weeks?)\s+ago\b", re.I),
    ),
    ("weekend", re.compile(r"\b(?:over|at|during)\s+the\s+weekend\b|\blast\s+weekend\b", re.I)),
    # "last week in Ankara they signed …": the month that week fell in
    ("rel_week", re.compile(r"\b(?P<which>last|next|this|earlier this|later this)\s+week\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:[Oo]n\s+|[Ll]ast\s+|[Tt]his\s+past\s+)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
            rf"(?!,?\s+(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?(?:{_MONTH_WORDS})\b)"  # not "Monday Marek's …" either
        ),
    ),
    (
        "yesterday",
        re.compile(
            r"\b(?P<rel>(?:the\s+day\s+before\s+)?yesterday|today|this (?:morning|afternoon|evening)|tonight)\b", re.I
        ),
    ),
    ("year", re.compile(rf"\b(?:[Ii]n|[Ss]ince|of|[Bb]y|[Ff]rom|[Uu]ntil|[Dd]uring)\s+{_YEAR}\b")),
]
# What a text must hold for each pattern to be worth running (most sentences hold no date)
_CUES = {
    **dict.fromkeys(("iso", "dmy", "mdy", "year"), "digit"),
    **dict.fromkeys(("my", "last_month_name"), "month name"),
    **dict.fromkeys(("rel_month", "this_month", "other_month"), "month"),
    "rel_year": "year",
    "rel_week": "week",
    "weekday_last_week": "week",
    "ago": "ago",
    "weekend": "week",
    "weekday": "day",
    "yesterday": "today",
}
_DIGIT = re.compile(r"\d")
_MONTH_NAME = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


def _cues(text: str, lowered: str) -> set[str]:
    found = {word for word in ("month", "year", "day", "week", "ago") if word in lowered}
    if "day" in found or "this" in lowered or "tonight" in lowered:
        found.add("today")
    if _DIGIT.search(text):
        found.add("digit")
    if _MONTH_NAME.search(lowered):
        found.add("month name")
    return found


_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b")
_THAT_YEAR = r"(?:of\s+|in\s+)?(?:that|the\s+same)\s+(?:same\s+)?year\b"
# dates that point back to the year (or month) the text last named: "on 8 November of that year",
# "later that month", "the following year"; resolved against that year, not the publication's
_ANAPHORIC = [
    ("dmy_that", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_THAT_YEAR}")),
    ("mdy_that", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_THAT_YEAR}")),
    ("my_that", re.compile(rf"\b{_MONTH},?\s+{_THAT_YEAR}")),
    ("that_month", re.compile(r"\b(?:(?:later|earlier)\s+(?:in\s+)?)?(?:that|the\s+same)\s+month\b", re.I)),
    ("that_year", re.compile(rf"\b(?:(?:later|earlier)\s+)?{_THAT_YEAR}", re.I)),
    ("next_year", re.compile(r"\b(?:the\s+(?:following|next)\s+year|a\s+year\s+later)\b", re.I)),
    ("previous_year", re.compile(r"\b(?:the\s+(?:previous|preceding)\s+year|a\s+year\s+(?:earlier|before))\b", re.I)),
    # "On the same day, A and B laid the stone", "Later that day they signed …", "That afternoon …": the day
    # just told
    (
        "that_day",
        re.compile(
            r"\b(?:(?:later|earlier)\s+)?(?:on\s+|in\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b",
            re.I,
        ),
    ),
    # "The next day, A and B opened the plant", "Two days later they signed": counted from the day just told;
    # "a week later" is read to its month (a week is rarely exact)
    (
        "days_later",
        re.compile(
            r"\b(?:the\s+(?P<next>next|following)\s+day|(?P<count>an?|one|two|three|four|five|six|\d{1,2})\s+"
            r"(?P<unit>days?|weeks?)\s+later)\b",
            re.I,
        ),
    ),
]
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


_FIRST_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_CALENDAR_YEAR = re.compile(r"(?!0000)\d{4}(?:-|$)")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    iso: str
    future: bool  # the date lies after the publication date
    written: bool = False  # its year is written out ("2023", "in May 2023"), not inferred


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3] if word.lower() not in MONTHS else word.lower()]


def find_dates(
    text: str, published: dt.date | None, *, earlier: str | None = None, day: str | None = None
) -> list[DateMention]:
    """All date expressions in ``text``; relative ones only when a publication date is known.

    ``earlier`` is the last date with a written year before ``text`` (an ISO year or month): what
    "that year" and "later that month" point back to when ``text`` names no year before them;
    ``day`` is the last day named before ``text``, what "the same day" points back to.

    >>> text = "Later that month, on 28 September, they met."
    >>> [d.iso for d in find_dates(text, dt.date(2025, 1, 9), earlier="2017-09")]
    ['2017-09', '2017-09-28']
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    back: str | None = None  # the year or month "that year" pointed to, for the yearless dates around it
    lowered = text.lower()
    anaphoric = (
        _ANAPHORIC
        if any(
            word in lowered
            for word in (
                "that",
                "same",
                "following",
                "next year",
                "next day",
                "later",
                "previous",
                "preceding",
                "earlier",
                "before",
            )
        )
        else []
    )
    for name, pattern in anaphoric:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if name in ("that_day", "days_later"):
                days = [d.iso for d in find_dates(text[: m.start()], published) if len(d.iso) == 10]
                reference = days[-1] if days else day
            else:
                reference = _last_written(text[: m.start()], published) or earlier
            iso = _resolve_back(name, m, reference)
            if iso is None:
                continue
            back = back or (reference if name not in ("that_day", "days_later") else None)
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), iso, _after(iso, published), written=True))
    cues = _cues(text, lowered)
    for name, pattern in _PATTERNS:
        if _CUES[name] not in cues:
            continue
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            try:
                iso = _resolve(name, m, published)
            except OverflowError:  # a day before 0001-01-01 or after 9999-12-31
                continue
            if iso is None or not _CALENDAR_YEAR.match(iso):
                continue  # "last year" of year 1, "next year" of 9999: no ISO date
            written = bool(m.groupdict().get("year"))
            if back and not written and name in ("dmy", "mdy", "my"):
                iso = back[:4] + iso[4:]  # "later that month, on 28 September": that month's year
                written = True
            elif not written and name in ("dmy", "mdy"):
                # "In February 2023 a delegation travelled to China, and on February 15 …": the year the
                # sentence wrote with that month before the day
                same = [
                    x for x in _MONTH_YEAR.finditer(text, 0, m.start()) if _month_number(x["month"]) == int(iso[5:7])
                ]
                if same:
                    iso, written = same[-1]["year"] + iso[4:], True
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), iso, _after(iso, published), written=written))
    return sorted(found, key=lambda d: d.start)


def _last_written(text: str, published: dt.date | None) -> str | None:
    """The last date in ``text`` whose year is written out."""
    written = [d for d in find_dates(text, published) if d.written]
    return written[-1].iso if written else None


def _resolve_back(name: str, m: re.Match, reference: str | None) -> str | None:
    if reference is None:
        return None
    year = int(reference[:4])
    if name == "that_year":
        return f"{year:04d}"
    if name == "next_year":
        return f"{year + 1:04d}"
    if name == "previous_year":
        return f"{year - 1:04d}"
    if name == "that_month":
        return reference[:7]
    if name == "that_day":
        return reference if len(reference) == 10 else None
    if name == "days_later":
        if len(reference) != 10:
            return None
        count = 1 if m.group("next") else _COUNTS.get(m.group("count").lower()) or int(m.group("count"))
        weeks = m.group("unit") and m.group("unit").lower().startswith("week")
        later = dt.date.fromisoformat(reference) + dt.timedelta(days=count * (7 if weeks else 1))
        return later.isoformat()[:7] if weeks else later.isoformat()
    month = _month_number(m.group("month"))
    if name == "my_that":
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, int(m.group("day"))).isoformat()
    except ValueError:
        return None


_WEEKDAY_BEFORE = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\W{0,3}$")


def _year_of_weekday(m: re.Match, year: int, month: int, day: int) -> int:
    """ "On Tuesday 15 October" in a story of the next year: the year in which that day is a Tuesday,
    the nearest one (the year before first) to the year the publication suggests."""
    named = _WEEKDAY_BEFORE.search(m.string, max(0, m.start() - 14), m.start())
    if not named:
        return year
    weekday = WEEKDAYS[named.group("wd").lower()]
    for candidate in (year, year - 1, year + 1):
        try:
            if dt.date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _after(iso: str, published: dt.date | None) -> bool:
    if published is None:
        return False
    return iso > published.isoformat()[: len(iso)]


def _resolve(name: str, m: re.Match, pub: dt.date | None) -> str | None:
    g = m.groupdict()
    if name == "iso":
        try:
            return dt.date(int(g["year"]), int(g["m"]), int(g["d"])).isoformat()
        except ValueError:
            return None
    if name in ("dmy", "mdy"):
        month, day = _month_number(g["month"]), int(g["day"])
        year = int(g["year"]) if g.get("year") else _year_for_month(month, pub, day, ahead=_ahead(m), past=_past(m))
        if g.get("this") and pub is not None:
            year = pub.year + {"last": -1, "this": 0, "next": 1}[g["this"]]
        if year is None:
            return None
        if not g.get("year"):
            year = _year_of_weekday(m, year, month, day)
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if name == "my":
        if g["month"].lower() in ("may", "mar", "jun", "jul") and not (g.get("year") or g.get("this")):
            # bare "may" is a verb, abbreviations alone are too weak
            if g["month"] in ("may", "May") and m.group(0)[0].islower():
                return None
            if g["month"] in ("May",) and not _preceded_by_in(m):
                return None
        if len(g["month"]) == 3 and not (g.get("year") or g.get("this")) and _FIRST_NAME_AFTER.match(m.string, m.end()):
            return None  # "Jan Novak", "Jun Li": a first name, not a month
        month = _month_number(g["month"])
        if g.get("year"):
            return f"{int(g['year']):04d}-{month:02d}"
        if pub is None:
            return None
        if g.get("this") == "last":
            return f"{pub.year - 1:04d}-{month:02d}"
        if g.get("this") == "next":
            return f"{pub.year + 1:04d}-{month:02d}"
        if g.get("this") == "this":
            return f"{pub.year:04d}-{month:02d}"
        if not _preceded_by_in(m):
            return None
        return f"{_year_for_month(month, pub, ahead=_ahead(m), past=_past(m)):04d}-{month:02d}"
    if pub is None:
        return None
    if name in ("rel_month", "this_month"):
        return f"{pub.year:04d}-{pub.month:02d}"
    if name == "last_month_name":
        month = _month_number(g["month"])
        which = g["which"].lower()
        if which == "last":
            year = pub.year if month < pub.month else pub.year - 1
        elif which == "next":
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year
        return f"{year:04d}-{month:02d}"
    if name == "rel_week":
        shift = {"last": -7, "next": 7}.get(g["which"].lower(), 0)
        return (pub + dt.timedelta(days=shift)).isoformat()[:7]
    if name == "rel_year":
        which = g["which"].lower()
        year = pub.year - 1 if which == "last" else pub.year + 1 if which == "next" else pub.year
        return f"{year:04d}"
    if name == "other_month":
        step = 1 if g["which"].lower() in ("next", "coming") else -1
        year, month = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        return f"{year:04d}-{month + 1:02d}"
    if name == "weekday":
        weekday = WEEKDAYS[g["wd"].lower()]
        if _FUTURE_BEFORE.search(m.string[max(0, m.start() - 40) : m.start()]):
            return (pub + dt.timedelta(days=(weekday - pub.weekday()) % 7 or 7)).isoformat()
        # "said on Tuesday" in a report published on a Tuesday is that day; "last Tuesday" is not
        delta = (pub.weekday() - weekday) % 7 or (7 if m.group(0).lower().startswith(("last", "this")) else 0)
        return (pub - dt.timedelta(days=delta)).isoformat()
    if name == "yesterday":
        rel = g["rel"].lower()
        back = 2 if rel.startswith("the day before") else 1 if rel == "yesterday" else 0
        return (pub - dt.timedelta(days=back)).isoformat()
    if name == "weekday_last_week":
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return (monday + dt.timedelta(days=WEEKDAYS[g["wd"].lower()])).isoformat()
    if name == "ago":
        count = _COUNTS.get(g["count"].lower()) or int(g["count"])
        weeks = g["unit"].lower().startswith("week")
        return (pub - dt.timedelta(days=count * (7 if weeks else 1))).isoformat()[: 7 if weeks else 10]
    if name == "weekend":
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return saturday.isoformat()[:7]
    if name == "year":
        return g["year"]
    return None


_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|is to|are to|scheduled|due|expected|plans?|planned|opens|begins|starts)\b[^.;]*$", re.I
)


def _preceded_by_in(m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    return bool(re.search(r"\b(?:in|since|from|until|by|during|of|early|late|mid-?|and|or)\s*$", before))


def _ahead(m: re.Match) -> bool:
    """ "will be held in Baku in November": the text speaks of the future."""
    return bool(_FUTURE_BEFORE.search(m.string[max(0, m.start() - 40) : m.start()]))


# a clause told in the past: "announced … on September 5", "was held on 4 October"
_PAST_AROUND = re.compile(
    r"\b(?:was|were|had|did|said|announced|signed|held|met|opened|closed|launched|took place|attended|"
    r"visited|inaugurated|adopted|agreed|hosted|received|addressed|delivered)\b"
)
_FUTURE_AROUND = re.compile(
    r"\b(?:will|shall|is to|are to|scheduled|due|expected|upcoming|next|plans?|planned)\b", re.I
)


def _past(m: re.Match) -> bool:
    around = m.string[max(0, m.start() - 60) : m.end() + 40]
    return bool(_PAST_AROUND.search(around)) and not _FUTURE_AROUND.search(around)


def _year_for_month(
    month: int, pub: dt.date | None, day: int = 1, *, ahead: bool = False, past: bool = False
) -> int | None:
    """A month named without a year: the publication year, or the year before if that would be
    more than a few months in the future (news reports the recent past) or if the clause is told in
    the past; in a sentence about the future, the next such month."""
    if pub is None:
        return None
    if ahead:
        return pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    if (month, day) > (pub.month, pub.day) and (month - pub.month > 3 or past):
        return pub.year - 1
    return pub.year


_RELATIVE = (
    "rel_month",
    "this_month",
    "other_month",
    "last_month_name",
    "rel_year",
    "rel_week",
    "weekday",
    "yesterday",
)


def has_relative_date(text: str) -> bool:
    """Whether ``text`` dates something only relative to its publication ("on Tuesday", "last month").

    >>> has_relative_date("The sides met on Tuesday."), has_relative_date("They met on 3 March 2025.")
    (True, False)
    """
    return any(pattern.search(text) for name, pattern in _PATTERNS if name in _RELATIVE)
