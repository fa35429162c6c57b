"""Generation and storage capacity: "2 GW offshore wind project in the Caspian Sea", with
technology, status and place. Not capacity: factory output ("3 GW of panels a year"), turbine
ratings, money, energy in kWh."""

from __future__ import annotations

import functools
import re

from .entities import SentenceView
from .facts import COUNTRY, PLACE, Capacity
from .quantities import find_power

TECHNOLOGIES = [
    ("floating solar", r"floating (?:solar|photovoltaic|pv)"),
    ("offshore wind", r"offshore wind"),
    ("onshore wind", r"onshore wind"),
    ("hydro", r"hydro\w*|pumped[- ]storage|\bdams?\b"),
    ("battery storage", r"batter(?:y|ies)|energy storage|storage|\bbess\b"),
    ("solar", r"solar|photovoltaic|\bpv\b"),
    ("wind", r"wind"),
    ("gas", r"gas-fired|combined[- ]cycle|gas (?:power|turbine|plant)|thermal power"),
    ("nuclear", r"nuclear|\breactors?\b|\bMWe\b"),
    ("coal", r"coal-fired|coal power|coal (?:plant|station|unit)s?"),
    ("geothermal", r"geotherm\w*"),
    ("biomass", r"biomass|biogas|waste-to-energy"),
]
# Where one clause about a project ends and another begins ("…, while a 2 GW wind complex …").
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|and)\b|\s+while\s+")
BROADER_TECHNOLOGY = {"offshore wind": "wind", "onshore wind": "wind", "floating solar": "solar"}
_MANUFACTURING = re.compile(
    r"\b(?:a year|per year|annually|per annum|annual (?:production|output|manufacturing)|manufactur\w*|"
    r"production (?:capacity|line)|factory|"
    r"of (?:solar )?(?:panels|modules|cells|wafers|turbines|batteries|electrolysers)|wafer|"
    r"of electrolysis|electroly[sz]\w*|"
    r"worldwide|globally|around the world|across the globe)\b",
    re.I,
)
_TURBINE = re.compile(
    r"^\s*(?:\w+\s+){0,2}(?:turbines?|units?|generators?|modules?|panels?|engines?)\b|^\s*each\b|"
    r"^\W*(?:rating|rated)\b",
    re.I,
)
# Not generation: what a line or cable carries, or a resource's theoretical potential.
_NOT_GENERATION_BEFORE = re.compile(
    r"\b(?:transmission|transfer|interconnect\w*|cable|line|throughput|export)\s+capacity\b[^.;]{0,25}$|"
    r"\bpotential\b[^.;]{0,20}$|"
    r"\b(?:demand|consumption|load)\b[^.;]{0,25}$",  # "peak demand above 2,300 MW"
    re.I,
)
_REACTORS = re.compile(r"^\s*(?:\w+\s+){0,2}reactors?\b", re.I)
_NOT_GENERATION_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:(?:green|renewable|clean|low-carbon)\s+)?(?:hydrogen|ammonia|data\s+cent(?:er|re)s?)\b",
    re.I,
)
# A country's whole fleet, not a project: "Uganda's installed capacity climbs to 2,046 MW", "Chile had
# 253 MW of solar installed", "has managed to install only about 3,500 MW of generation capacity"
_NATIONAL_TOTAL_BEFORE = re.compile(
    r"\b\w+['’]s\s+(?:total\s+|national\s+)?(?:installed\s+|generating\s+|generation\s+)+capacity\b[^.;]{0,30}$|"
    r"\b(?:domestic|national|total)\s+(?:generation|generating capacity|capacity)\s+"
    r"(?:of|at|stands at|reached|climbs to|rose to)\s+(?:(?:about|around|some|roughly|nearly)\s+)?$",
    re.I,
)
# "Chile had just 253 MW of solar installed", "has installed only about 3,500 MW of generation capacity"
_HAD_INSTALLED = re.compile(r"\b(?:had|has|have|install(?:ed)?)\s+(?:(?:just|only|some|about|around|of)\s+)*$", re.I)
_INSTALLED_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:[a-z]+\s+){0,2}(?:installed|in operation)\b|^\s*of generation capacity\b"
)
# What a company holds in all, not one project: "its portfolio in Egypt will exceed 2.5 GW", "a clean
# energy pipeline of more than 6,000 MW", "group-wide installed capacity exceeds 77 GW"
_HOLDINGS_BEFORE = re.compile(
    # "agreements with foreign partners on green projects totalling 43 GW": many projects summed
    r"\b(?:portfolio|pipeline|group-wide)\b[^.;]{0,60}$|"
    r"\b(?:projects|agreements|deals|contracts)\s+(?:[\w-]+\s+){0,2}?total(?:l?ing|led)\s+(?:about\s+|some\s+|around\s+)?$",
    re.I,
)
_HOLDINGS_AFTER = re.compile(r"^[^.;,]{0,40}\b(?:in\s+(?:its|their)\s+portfolio|worldwide|globally)\b", re.I)
# Power bought or sold, not built: "Kenya has imported 200 MW", "agreed to buy an additional 1,200 MW"
_TRADED_BEFORE = re.compile(
    r"\b(?:import\w*|export\w*|buy|buys|buying|bought|purchas\w*|sell\w*|sold)\s+(?:\w+\s+){0,3}$", re.I
)
_A_PROJECT = re.compile(r"\b(?:plant|project|farm|park|station|complex|facility|dam|unit)s?\b", re.I)
_TARGET = re.compile(
    r"\b(?:aims?|aiming|targets?|targeting|goal|ambition|wants?|pledg\w*|intends?|"
    r"plans?\s+to\s+(?:have|reach|install|deploy|add|expand|increase|raise|bring)|"
    # "towards its plan for 18 GW of solar by 2035": a plan for a fleet, not a plant
    r"(?:its|their|the|a)\s+(?:national\s+)?plans?\s+for|"
    # "agreed in the Ostend Declaration to reach 120 GW", "cap coal capacity at 30.2 GW by 2030"
    r"(?:agreed|agree|agrees|committed|commit|commits|pledged|vowed|set out|seeks?|hopes?)\s+(?:[\w-]+\s+){0,5}?"
    r"to\s+reach|cap\s+(?:[\w-]+\s+){0,3}?at)\b"
    r"(?:[^.;]|\.\d)*$",  # "which targets 58.7 GW …, including 40 GW solar": a decimal point ends no clause
    re.I,
)
# "the 300 GW offshore wind ambition", "a 20 GW target": the figure a target word follows
_TARGET_AFTER = re.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,3}(?:ambitions?|targets?|goals?)\b", re.I)
_BY_YEAR = re.compile(r"\b(?:by|for)\s+(?:20\d\d|the end of (?:the|this) decade)\b", re.I)
_ENERGY_CONTEXT = re.compile(
    r"\b(?:power|plant|station|capacity|project|farm|park|installation|generation|renewable|energy|electricity|grid|"
    r"reactor|nameplate)\w*",
    re.I,
)
_STATUS = [
    (
        "under construction",
        r"under construction|being built|construction (?:is|has) (?:begun|started|underway)|is building",
    ),
    (
        "operating",
        r"in operation|operational|\boperat(?:ing|es)\b|in service|came online|commissioned(?! in \d| by)|"
        r"connected to the grid|put into operation|(?:already|up and) running|"
        r"(?<!be )(?<!been )(?<!being )\bbuilt\b(?! by 20)",
    ),
    (
        "planned",
        r"\bplan(?:s|ned|ning)?\b|propos\w*|\bwill\b|to build|to be built|target\w*|pipeline|project|agreement|"
        r"memorand\w*|signed|develop\w*|envisag\w*|intend\w*|feasibility|tender|aggregat\w*|construction of",
    ),
]
_LIST_ITEM = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "three 400 MW storage projects", "two plants of 1 GW each"
_COUNTED = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<plants>(?:[\w-]+\s+){0,2}(?:plants|projects|farms|parks|stations|schemes)\s+of\s+(?:up\s+to\s+)?)?$",
    re.I,
)
_PLANTS = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:plants|projects|farms|parks|stations|schemes)\b", re.I)
_COMPRISING = re.compile(
    r"^\W*(?:[\w-]+\s+){0,4}?(?:comprising|consisting of|made up of|including|split between|which includes?)\b", re.I
)
_PROJECT_NOUN = re.compile(
    r"^\s*(?:of\s+)?(?P<noun>(?:[a-z-]+\s+){0,4}?(?:plant|project|farm|park|station|installations?|"
    r"facility|complex|projects|portfolio|capacity))\b",
    re.I,
)


def read_capacities(view: SentenceView) -> list[Capacity]:
    text = view.text
    out: list[Capacity] = []
    totals: list[int] = []  # figures followed by "comprising …": the parts come next
    powers = find_power(text)
    for index, power in enumerate(powers):
        after = text[power.end : power.end + 60]
        clause_start = max([0] + [b.end() for b in _CLAUSE_BREAK.finditer(text, 0, power.start)])
        clause_end = next((b.start() for b in _CLAUSE_BREAK.finditer(text, power.end)), len(text))
        window_start = max(clause_start, power.start - 90, powers[index - 1].end if index else 0)
        window_end = min(clause_end, power.end + 90, powers[index + 1].start if index + 1 < len(powers) else len(text))
        clause = text[window_start:window_end]
        counted = _COUNTED.search(text, max(0, power.start - 60), power.start)
        each = bool(counted and counted.group("plants") and re.match(r"\s*each\b", after))
        if not each and _TURBINE.match(after):
            continue
        if _REACTORS.match(after) and len(powers) > 1:
            continue  # "six 50 MW reactors, 300 MW in all": the plant's figure is the total's
        if _NOT_GENERATION_AFTER.match(after):
            continue  # "a 1 GW green hydrogen project", "a 300 MW data centre": power used, not generated
        if _MANUFACTURING.search(text[power.start : power.end + 45]) or re.search(
            r"manufactur\w*|production capacity|factor(?:y|ies)|\b(?:exports?|imports?|shipments?|sales)\b|"
            r"\b(?:modules|panels|cells|wafers)\b",
            text[max(0, power.start - 60) : power.start],
            re.I,
        ):
            continue
        if re.search(r"[$€£¥]|\b(?:USD|dollars?|euros?|yuan|manat)\b", power.text):
            continue
        if _NOT_GENERATION_BEFORE.search(text[max(0, power.start - 60) : power.start]):
            continue
        target = _TARGET.search(text[max(0, power.start - 120) : power.start]) or _TARGET_AFTER.match(after)
        if target and _BY_YEAR.search(text):
            continue  # "aims to reach 7 GW of solar by 2030": a national or corporate target, not a project
        before = text[max(0, power.start - 60) : power.start]
        national = _NATIONAL_TOTAL_BEFORE.search(before)
        if national and not _A_PROJECT.search(national.group(0) + after[:30]):
            continue  # a country's (or a company's) whole fleet, not a project
        subject = text[max(clause_start, power.start - 50) : power.start]  # "the dam has 3,444 MW installed"
        if _HAD_INSTALLED.search(before) and _INSTALLED_AFTER.match(after) and not _A_PROJECT.search(subject):
            continue  # "Chile had just 253 MW of solar installed"
        if (_HOLDINGS_BEFORE.search(before) or _HOLDINGS_AFTER.match(after)) and not _A_PROJECT.search(after[:30]):
            continue  # "its portfolio in Egypt will exceed 2.5 GW", "a pipeline of more than 6,000 MW"
        if _TRADED_BEFORE.search(before) and not _A_PROJECT.search(after[:30]):
            continue
        if index and re.fullmatch(r"\s*\(\s*", text[powers[index - 1].end : power.start]):
            continue  # "145 MWac (192 MWp)": the same plant counted another way
        techs = _technologies(clause, power.start - window_start, power.end - window_start)
        listed_after = bool(out) and view.sentence.index in out[-1].sentences  # "… A at 360 MW and B at 912 MW"
        if not techs and not _ENERGY_CONTEXT.search(clause) and not _LIST_ITEM.match(text) and not listed_after:
            continue  # a list item's bare figure ("- Velmar, North province – 3,000 MW") is a listed project's
        status = _status(clause, power.start - window_start)
        place = _place(view, window_start, window_end, power.start)
        noun = _PROJECT_NOUN.match(after)
        project = (
            f"{power.text} {noun.group('noun')}" if noun else f"{power.text} {' and '.join(techs) or 'energy'} capacity"
        )
        listed = counted and (each or (not counted.group("plants") and _PLANTS.match(after)))
        copies = _NUMBERS[counted.group("n").lower()] if listed else 1
        out.extend(
            Capacity(
                value_mw=power.mw,
                stated=power.text,
                technologies=techs,
                status=status,
                project=project,
                place=place,
                sentences={view.sentence.index},
                rule="capacity-figure",
            )
            for _ in range(copies)  # "three 400 MW storage projects", "two plants of 1 GW each": one per plant
        )
        if not techs and _COMPRISING.match(after):
            totals.append(len(out) - 1)
    for index in totals:
        # "a 1 GW complex comprising a 700 MW solar plant and a 300 MW wind farm": the parts' technologies
        total = out[index]
        total.technologies = sorted({t for part in out[index + 1 :] for t in part.technologies})
        if total.technologies:
            total.caveats.add("technology-inferred")
    return out


def infer_technologies(capacities: list[Capacity], sentences: list[str] = (), title: str = "") -> list[Capacity]:
    """A figure whose clause names no technology takes the technology of the capacity reported
    just before it (within two sentences: "the first phase of the project, 240 MW"), else the one
    technology of every other capacity in the article, else the one technology its sentence and
    the two before it name ("… two combined cycle plants. Each will have 1,800 MW"), else the one
    its article's title names, else the one the article names most, at least twice as often as any
    other; a figure with none of these is left out."""
    known = [c for c in capacities if c.technologies]
    single = {tuple(c.technologies) for c in known}
    in_title = _named_technologies(title)

    @functools.cache
    def article_technology() -> str | None:  # counted only if some figure needs it
        return _most_named_technology(sentences)

    kept = []
    for capacity in capacities:
        if not capacity.technologies:
            before = [c for c in known if 0 <= min(capacity.sentences) - max(c.sentences) <= 2]
            index = min(capacity.sentences)
            named = {name for text in sentences[max(0, index - 2) : index + 1] for name in _named_technologies(text)}
            if before:
                capacity.technologies = before[-1].technologies
            elif len(single) == 1:
                capacity.technologies = list(next(iter(single)))
            elif len(named) == 1:
                capacity.technologies = list(named)
            elif len(in_title) == 1:
                capacity.technologies = list(in_title)
            elif article_technology():
                capacity.technologies = [article_technology()]
            else:
                continue
            capacity.caveats.add("technology-inferred")
        kept.append(capacity)
    return kept


def _most_named_technology(sentences: list[str]) -> str | None:
    """The technology an article names most, if it names it at least twice as often as any other."""
    counts: dict[str, int] = {}
    for text in sentences:
        for name in _named_technologies(text):
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _named_technologies(text: str) -> set[str]:
    low = text.lower()
    return {BROADER_TECHNOLOGY.get(name, name) for name, pattern in TECHNOLOGIES if re.search(pattern, low)}


def _technologies(clause: str, anchor: int, anchor_end: int | None = None) -> list[str]:
    """The technology written nearest the figure, "300 MW (MW) of storage" before "…, half a
    gigawatt of wind and 300 MW": a word across a comma or "and" belongs to another list item."""
    anchor_end = anchor if anchor_end is None else anchor_end
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    low = clause.lower()
    for name, pattern in TECHNOLOGIES:
        for m in re.finditer(pattern, low):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            gap = low[m.end() : anchor] if m.end() <= anchor else low[anchor_end : m.start()]
            distance = len(gap) + (50 if re.search(r",|\band\b|;", gap) else 0)
            found.append((distance, name))
    if not found:
        return []
    found.sort()
    nearest = found[0]
    techs = [nearest[1]]
    # "wind and solar power installations": a combined figure has both
    combined = re.search(r"(wind|solar)\s+(?:and|&)\s+(wind|solar)", low)
    if combined and combined.group(1) != combined.group(2) and abs(combined.start() - anchor) < 80:
        techs = ["solar", "wind"]
    return sorted(set(techs))


def _status(clause: str, anchor: int) -> str:
    """The status whose cue stands nearest the figure ("… under construction, and a 2 GW project
    remains at the feasibility stage": the 2 GW project is planned)."""
    cues = [
        (anchor - m.end() if m.end() <= anchor else m.start() - anchor, rank, status)
        for rank, (status, pattern) in enumerate(_STATUS)
        for m in re.finditer(pattern, clause, re.I)
    ]
    return min(cues)[2] if cues else "unknown"


def _place(view: SentenceView, start: int, end: int, anchor: int):
    best = None
    for m, e in view.items:
        a, b = view.rel(m)
        if e is None or e.type not in (PLACE, COUNTRY) or a < start or b > end:
            continue
        before = view.text[max(0, a - 14) : a].lower()
        if not re.search(r"\b(?:in|at|off|near)\s+(?:the\s+)?$", before) and not view.text[b : b + 3].startswith("'s"):
            continue
        if best is None or abs(a - anchor) < abs(best[0] - anchor):
            best = (a, e)
    return best[1] if best else None
