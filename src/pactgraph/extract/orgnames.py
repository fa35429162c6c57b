"""Organizations' names: where a name that reaches an organization head ends ("Centre for Strategic
Studies", "Ministry of Industry, Mines and Energy of X", "… Co., Ltd."), whether "X and Y" is one name
or two, and which kind of organization a name is. The mention reader (``mentions``) calls it on each
capitalised chunk."""

from __future__ import annotations

import re

from .facts import COMPANY, COUNTRY, GOVERNMENT, ORGANIZATION
from .lexicon import (
    CALENDAR_WORDS,
    COMPANY_WORDS,
    CONNECTORS,
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    LEGAL_FORMS,
    NAME_TOKEN,
    NON_NAME_WORDS,
    ORG_HEADS,
    ORG_TAIL_WORDS,
    PORTFOLIO_WORDS,
    TITLE,
    TITLE_WORDS,
)


def is_cap(text: str) -> bool:
    return bool(text) and (
        text[0].isupper()
        or (text[0].isdigit() and any(c.isupper() for c in text))
        or ("-" in text[1:4] and bool(_ARTICLE_NAME.match(text)))  # "al-Sisi"; most tokens have no hyphen there
    )


_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az)-[A-Z][a-z]")  # "Abdel Fattah al-Sisi"


def advance_to(tokens, k: int, end_char: int) -> int:
    while k < len(tokens) and tokens[k][1] < end_char:
        k += 1
    return k


def names_ahead(tokens, a: int, b: int) -> bool:
    if a > 0 and tokens[a - 1][0] in CONNECTORS:
        return False
    return 2 <= b - a <= 3 and all(NAME_TOKEN.match(t[0]) and t[0] not in ORG_HEADS for t in tokens[a:b])


# "Embassy of China", "Cabinet of Ministers of X", "Electricity of Vietnam": an institution of …
_INSTITUTIONS_OF = {
    *("Embassy", "Consulate", "Cabinet", "Council", "Presidency", "Akimat", "Chamber", "Parliament", "Senate"),
    *("Mission", "Electricity", "Port", "Assembly", "Secretariat", "Directorate"),
}


_NAMED_WITH_OF = {"Ministry", "Ministries", "Department", "Office", "University", "Bank", "Academy"}


def organization_end(tokens, k: int, j: int, gaz) -> int | None:
    """End of the longest organization name starting at k: a run that reaches an organization head
    (then may continue with "of …"), or that starts with Ministry/Bank/University of …"""
    best = None
    for e in range(k + 1, j + 1):
        last = tokens[e - 1][0]
        if e - 1 > k and is_cap(tokens[e - 2][0]) and TITLE.fullmatch(last) and last not in ORG_HEADS:
            break  # "Vela Solar CEO Ines Moreau": a post, then its holder, ends the organization's name
        if last in ORG_HEADS and not (last in {"Power", "Resources"} and e - k < 2):
            best = e
        elif last in TRADE_HEADS and e - k >= 2 and _trade_name(tokens, k, e - 1, j):
            best = e  # "Ark Energy", "Orascom Construction"
        if best == e and e < j and tokens[e][0] in {"and", ",", "&"}:
            break
        if (
            (best is None or tokens[k][0] not in {"Ministry", "Ministries"})
            and e < j
            and tokens[e][0] == "and"
            and _two_organizations(tokens, k, e, j, gaz)
        ):
            # "SOCAR Green and China Energy Overseas Investment Co., Ltd." are two, and so are
            # "Government of Azerbaijan and Sunrise Solar LLC"
            return e
    institution = tokens[k][0] in _INSTITUTIONS_OF and k + 1 < j and tokens[k + 1][0] == "of"
    if institution or tokens[k][0] in _NAMED_WITH_OF:
        stop = k + 1
        while stop < j and not (
            tokens[stop][0] in {"and", ","}
            and stop + 1 < j
            and (
                starts_organization(tokens, stop + 1 + (tokens[stop + 1][0] == "the"), j)
                or re.fullmatch(r"[A-Z]{2,}", tokens[min(j - 1, stop + 1 + (tokens[stop + 1][0] == "the"))][0])
                or tokens[stop + 1][1] in gaz
                or (tokens[stop - 1][1] in gaz and tokens[stop - 2][0] == "of")  # "… of Chile and Enel"
            )
        ):
            stop += 1
        best = stop
    if best is None:
        return None
    if all(t[0] in ORG_HEADS for t in tokens[k:best]) and tokens[k][0] not in {"Ministry", "Government"}:
        return None
    # continue "of the Republic of Azerbaijan", "for International Cooperation", "Co., Ltd."
    end = best
    segment = None  # where the last "of …" part of the name starts
    while end < j and tokens[end][0] in {"of", "for", "on", "the", ",", "and"} | LEGAL_FORMS:
        if tokens[end][0] == "on" and tokens[best - 1][0] not in {"Commission", "Committee", "Council", "Office"}:
            break  # "Commission on Energy" is a name; "ACWA Power on the Samarkand-2 plant" is not
        if tokens[end][0] in {"for", "on"} and segment in gaz and gaz[segment].ent_id_.split("|")[0] == COUNTRY:
            break  # "Government of Sri Lanka for Implementation of …": the country ends the name
        if tokens[end][0] == "and" and (
            end == best
            or end + 1 >= j
            or not is_cap(tokens[end + 1][0])
            or tokens[end + 1][0].isupper()
            or starts_organization(tokens, end + 1, j)
            or tokens[end + 1][1] in gaz
            or segment in gaz  # "Government of Kazakhstan and …": a country ends the name
        ):
            break  # "Center of Science and Technology Evaluation" goes on; "… Center and Masdar" does not
        nxt = end + 1
        while nxt < j and tokens[nxt][0] in {"the", "of"}:
            nxt += 1
        if tokens[end][0] in LEGAL_FORMS:
            end += 1
            continue
        if nxt >= j:
            break
        known = gaz.get(tokens[nxt][1])
        if tokens[end][0] == "of" and known is not None and known.ent_id_.split("|")[0] == COUNTRY:
            segment = tokens[nxt][1]  # "State Council of the People's Republic of China": the whole country
            end = advance_to(tokens, nxt, known.end_char)
            continue
        stop = nxt
        while stop < j and is_cap(tokens[stop][0]) and not TITLE.match(tokens[stop][0]):
            stop += 1
        if stop == nxt:
            break
        segment = tokens[nxt][1]
        end = stop
    if end < j and end + 3 >= j and all(t[0] in ORG_TAIL_WORDS or t[0] in ORG_HEADS for t in tokens[end:j]):
        end = j  # "China Gezhouba Group Overseas Investment"
    if tokens[k][0] in {"Ministry", "Ministries"} and end - k >= 5 and names_ahead(tokens, end - 2, end):
        end -= 2  # "Ministry of Energy Parviz Shahbazov" is rare; do not swallow a name
    return end


# Heads that make a name an organization on their own ("Natural Resources" in a ministry's
# portfolio does not).
STRONG_ORG_HEADS = LEGAL_FORMS | {
    "Corporation",
    "Corp.",
    "Corp",
    "Company",
    "Group",
    "Bank",
    "University",
    "School",
    "Institute",
    "Agency",
    "Administration",
    "Foundation",
    "Organization",
    "Organisation",
    "Association",
    "Holding",
    "Holdings",
    "Consortium",
    "Railway",
    "Railways",
    "Port",
    "Ports",
    "Airlines",
}


def _two_organizations(tokens, k: int, middle: int, j: int, gaz) -> bool:
    """Whether "X and Y …" names two organizations, not one ("Conservation and Green Development
    Foundation", "Science and Technology Co. Ltd."): Y is a whole organization name with a company
    or agency head, and X starts with a known organization or is hyphenated, or Y has a legal form
    and a name of its own, or Y starts with a country ("… and Georgian Railway")."""
    right = tokens[middle + 1 : j]
    if len(right) > 1 and right[0][0] == "the" and any(t[0] in ORG_HEADS for t in right[1:]):
        return True  # "Enel and the Ministry of Energy", "Vela Eren and the Andes Center": "and the" joins no name
    if not right or not is_cap(right[0][0]) or not any(t[0] in STRONG_ORG_HEADS for t in right):
        return False
    if right[0][1] in gaz and middle - k >= 2:
        return True
    if middle - k == 1 and re.fullmatch(r"[A-Z]{2,}|[A-Z][a-z]+(?:[A-Z][a-z]+)+", tokens[k][0]):
        return True  # "QazaqGaz and Shandong Energy Group", "SOCAR and China Energy Group": one word, a name
    between = [t[0] for t in tokens[max(0, k - 2) : k]]
    if (
        middle - k == 1
        and tokens[k][0] not in PORTFOLIO_WORDS  # "between Science and Technology Holdings and …" is one name
        and between
        and (between[-1] == "between" or between == ["between", "the"])
    ):
        return True  # "a memorandum between Vantora and Kestrel Holdings": "between" names two
    if sum(t[0] not in ORG_HEADS | {","} for t in right) < 2:
        return False
    known = gaz.get(tokens[k][1])
    known_org = known is not None and known.ent_id_.split("|")[0] in {ORGANIZATION, GOVERNMENT, COMPANY}
    hyphenated = any("-" in t[0] for t in tokens[k:middle])
    legal = any(t[0] in LEGAL_FORMS for t in right) and middle - k >= 2
    return known_org or hyphenated or legal


# Trades that end a company's name after a word of its own ("Ark Energy"), not after a word of the
# trade ("Renewable Energy", "Minister of Energy")
TRADE_HEADS = {"Energy", "Energies", "Renewables", "Engineering", "Construction"}
_TRADE_ADJECTIVES = {"Clean", "Atomic", "Nuclear", "Hydro", "New", "Sustainable", "Affordable", "Global", "World"}


def _trade_name(tokens, k: int, head: int, j: int) -> bool:
    words = [t[0] for t in tokens[k:head]]
    after = tokens[head + 1][0] if head + 1 < j else None
    listed = after in {"and", ",", "&"} and head + 2 < j and is_cap(tokens[head + 2][0])  # "Ark Energy and Vela Power"
    if after is not None and after not in ORG_HEADS | ORG_TAIL_WORDS | LEGAL_FORMS and not listed:
        return False  # "Clean Energy Transition": a phrase in capitals, not a company
    return (
        len(words) <= 3
        and all(NAME_TOKEN.match(w) or re.fullmatch(r"[A-Z][\w&-]*", w) for w in words)
        and not any(
            w in NON_NAME_WORDS | ORG_TAIL_WORDS | ORG_HEADS | FUNCTION_WORDS | CALENDAR_WORDS | TITLE_WORDS
            or w in _TRADE_ADJECTIVES
            for w in words
        )
    )


def starts_organization(tokens, k: int, j: int) -> bool:
    return tokens[k][0] in {"Ministry", "Ministries"} or any(t[0] in STRONG_ORG_HEADS for t in tokens[k:j])


def organization_type(tokens, k: int, e: int) -> str:
    words = {t[0] for t in tokens[k:e]}
    if tokens[k][0] in GOVERNMENT_WORDS or words & {
        "Ministry",
        "Administration",
        "Government",
        "Cabinet",
        "Parliament",
    }:
        return GOVERNMENT
    if words & COMPANY_WORDS:
        return COMPANY
    return ORGANIZATION
