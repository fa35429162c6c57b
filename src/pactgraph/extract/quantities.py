"""Power quantities in text, normalised to megawatts.

>>> [(q.mw, q.text) for q in find_power("about 2.3 GW, a 100-megawatt plant and 2 million kilowatts")]
[(2300.0, 'about 2.3 GW'), (100.0, '100-megawatt'), (2000.0, '2 million kilowatts')]
>>> [q.mw for q in find_power("two gigawatts but not 5 GWh or 3 MW turbines... 0.315 GW")]
[2000.0, 3.0, 315.0]
>>> [q.mw for q in find_power("a 124 MWac farm, 150 MWp of panels, 1,200 MWe, not 80 MWh")]
[124.0, 150.0, 1200.0]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "half a": 0.5,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
UNITS_MW = {
    "kw": 1e-3,
    "kilowatt": 1e-3,
    "mw": 1.0,
    "megawatt": 1.0,
    "gw": 1e3,
    "gigawatt": 1e3,
    "tw": 1e6,
    "terawatt": 1e6,
}

_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
_HEDGE = (
    r"(?P<hedge>(?:approximately|about|around|roughly|nearly|almost|some|over|more than|up to|"
    r"at least|a total of|total of)\s+)?"
)
_POWER = re.compile(
    # "2x660 MW", "2 × 660 MW": units of one size, counted (the plant is their sum)
    rf"{_HEDGE}(?:(?P<units>[1-9]\d?)\s*[x×]\s*)?{_NUM}(?:\s*(?P<scale>thousand|million|billion))?[\s-]*"
    r"(?P<unit>GW|MW|kW|KW|TW|(?:giga|mega|kilo|tera)watts?)(?:ac|dc|p|e)?(?P<hours>h|-hours?|\s+hours?)?\b(?!-hour)",
    re.IGNORECASE,
)


_UNIT_CUE = re.compile(r"[gmkt]w|watt", re.IGNORECASE)


@dataclass(frozen=True)
class PowerMention:
    start: int
    end: int
    mw: float
    text: str


def parse_number(word: str) -> float:
    word = word.lower().replace(",", "")
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)


def find_power(text: str) -> list[PowerMention]:
    """Power (not energy: kWh, MWh and GWh are skipped) quantities with their value in MW, finite
    and not negative (the pattern has no sign)."""
    found = []
    if not _UNIT_CUE.search(text):
        return found  # most sentences name no unit: skip the long pattern
    for m in _POWER.finditer(text):
        if m.group("hours"):
            continue
        unit = m.group("unit").lower().rstrip("s")
        unit = unit if unit in UNITS_MW else unit[:2]
        value = parse_number(m.group("num")) * SCALES.get((m.group("scale") or "").lower(), 1.0)
        mw = round(value * UNITS_MW[unit] * int(m.group("units") or 1), 6)
        if not math.isfinite(mw):
            continue  # hundreds of digits overflow to infinity: no number a graph can hold
        found.append(PowerMention(m.start(), m.end(), mw, m.group(0).strip()))
    return found
