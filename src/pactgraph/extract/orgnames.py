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
    COMPLEMENT_HEADS,
    CONNECTORS,
    ELIDED_WORD,
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    LEGAL_FORMS,
    NAME_TOKEN,
    NON_NAME_WORDS,
    ORG_HEADS,
    ORG_TAIL_WORDS,
    PORTFOLIO_WORDS,
    ROMANCE_HEADS,
    ROMANCE_PARTICLES,
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
        if last == "for" and best is None and 2 <= e - 1 - k <= 3 and names_ahead(tokens[k:], 0, e - 1 - k):
            break  # "Juan Reyes for the Ministry of Energy": a signatory for an organization, not its name
        if last in ORG_HEADS and not (last in {"Power", "Resources"} and e - k < 2):
            best = e
        elif last in TRADE_HEADS and e - k >= 2 and _trade_name(tokens, k, e - 1, j):
            best = e  # "Ark Energy", "Orascom Construction"
        if best == e and e < j and tokens[e][0] in {"and", ",", "&"}:
            break
        if (
            e < j
            and tokens[e][0] == "and"
            and (
                best is None or tokens[k][0] not in {"Ministry", "Ministries"} or not _joins_name(tokens, e + 1, j, gaz)
            )
            and _two_organizations(tokens, k, e, j, gaz)
        ):
            # "SOCAR Green and China Energy Overseas Investment Co., Ltd." are two, and so are
            # "Government of Azerbaijan and Sunrise Solar LLC"
            return e
    if tokens[k][0] in ROMANCE_HEADS:
        return _romance_end(tokens, k, j)
    ampersand = _ampersand_end(tokens, k, j)
    if ampersand:
        return ampersand
    head = k + 1 + (k + 1 < j and tokens[k + 1][0] == "General")  # "Directorate General of …"
    institution = tokens[k][0] in _INSTITUTIONS_OF and head < j and tokens[head][0] == "of"
    if institution or (tokens[k][0] in _NAMED_WITH_OF | COMPLEMENT_HEADS and _complement_follows(tokens, head, j)):
        best = head  # "Board of Investment of X", "Centre for Strategic Studies": the complement follows
    elif tokens[k][0] in _NAMED_WITH_OF:
        best = max(best or 0, _capitalised_run_end(tokens, k + 1, j))  # "Bank Negara Malaysia"
    if best is None:
        return None
    if (
        all(t[0] in ORG_HEADS for t in tokens[k:best])
        and tokens[k][0] not in {"Ministry", "Government"}
        and best - k < 3
        and not (_complement_follows(tokens, best, j) and tokens[best - 1][0] in COMPLEMENT_HEADS)
    ):
        return None  # "the Council", "Grid Company": heads alone name nobody; "Port Authority of X" does
    end = _complement_end(tokens, best, j, gaz)
    if end < j and end + 3 >= j and all(t[0] in ORG_TAIL_WORDS or t[0] in ORG_HEADS for t in tokens[end:j]):
        end = j  # "China Gezhouba Group Overseas Investment"
    if tokens[k][0] in {"Ministry", "Ministries"} and end - k >= 5 and names_ahead(tokens, end - 2, end):
        end -= 2  # "Ministry of Energy Parviz Shahbazov" is rare; do not swallow a name
    return end


def _ampersand_end(tokens, k: int, j: int) -> int | None:
    """ "Larsen & Toubro", "Black & Veatch Holding": two names joined by "&" are one firm's."""
    if not (k + 2 < j and tokens[k + 1][0] == "&" and is_cap(tokens[k + 2][0])):
        return None
    words = {tokens[k][0], tokens[k + 2][0]}
    if words & (ORG_HEADS | PORTFOLIO_WORDS | ORG_TAIL_WORDS | TITLE_WORDS | CALENDAR_WORDS):
        return None  # "Trade & Industry", "Oil & Gas": a trade, not a firm
    end = k + 3
    while end < j and (tokens[end][0] in ORG_HEADS or tokens[end][0] in ORG_TAIL_WORDS):
        end += 1
    return end


def _complement_follows(tokens, k: int, j: int) -> bool:
    """Whether "of …" / "for …" with a capitalised word follows at k."""
    if k >= j or tokens[k][0] not in {"of", "for", "on"}:
        return False
    k += 1
    while k < j and tokens[k][0] == "the":
        k += 1
    return _capitalised_run_end(tokens, k, j, posts=False) > k


def _complement_end(tokens, best: int, j: int, gaz) -> int:
    """End of what a name says after its head: "of the Republic of Azerbaijan", "for Strategic
    Studies", "of Industry, Mines and Energy", "of Indian Chambers of Commerce and Industry", "on
    Energy" after a commission, "Co., Ltd." ("in Baku" is where it is, not its name)."""
    end = best
    segment = None  # where the last "of …" part of the name starts
    while end < j and tokens[end][0] in {"of", "for", "on", "under", "the", ",", "and", "&"} | LEGAL_FORMS:
        word = tokens[end][0]
        if word in {"of", "for", "on", "under"} and tokens[end - 1][0] in LEGAL_FORMS - {"Co."}:
            break  # "Kelvix Power Ltd for the Velmar plant": a legal form ends the name
        if word == "on" and tokens[best - 1][0] not in _BODIES:
            break  # "Commission on Energy" is a name; "ACWA Power on the Samarkand-2 plant" is not
        if word == "under":
            if tokens[best - 1][0] not in _BODIES or not _superior_follows(tokens, end + 1, j):
                break
            end = _capitalised_run_end(tokens, end + 2, j, posts=True)  # "… under the President"
            continue
        after_country = segment in gaz and gaz[segment].ent_id_.split("|")[0] == COUNTRY
        joint = tokens[best - 1][0] in _JOINT_BODIES
        if word in {"for", "on"} and after_country and not joint:
            break  # "Government of Sri Lanka for Implementation of …": the country ends the name
        if word == "and" and after_country and joint and _country_at(tokens, end + 1, j, gaz):
            segment = tokens[end + 1][1]  # "Joint Commission of Peru and Chile on Trade": both countries'
            end = advance_to(tokens, end + 1, gaz[segment].end_char)
            continue
        if word in {"and", "&"} and (end == best or segment in gaz or not _joins_name(tokens, end + 1, j, gaz)):
            break  # "Center of Science and Technology Evaluation" goes on; "… Center and Masdar" does not
        if word in LEGAL_FORMS:
            end += 1
            continue
        nxt = end + 1
        while nxt < j and tokens[nxt][0] in {"the", "of"}:
            nxt += 1
        if nxt >= j:
            break
        known = gaz.get(tokens[nxt][1])
        if word == "of" and known is not None and known.ent_id_.split("|")[0] == COUNTRY and known.label_ != "Demonym":
            segment = tokens[nxt][1]  # "State Council of the People's Republic of China": the whole country
            end = advance_to(tokens, nxt, known.end_char)
            continue
        stop = _capitalised_run_end(tokens, nxt, j, posts=tokens[best - 1][0] in _OFFICES_OF_POSTS)
        if stop == nxt:
            break
        segment = tokens[nxt][1] if word != "," else None
        end = stop
    return end


# Bodies two countries share: "Intergovernmental Commission of A and B on …" is one name
_JOINT_BODIES = {"Commission", "Committee", "Council"}


def _country_at(tokens, k: int, j: int, gaz) -> bool:
    known = gaz.get(tokens[k][1]) if k < j else None
    return known is not None and known.ent_id_.split("|")[0] == COUNTRY and known.label_ != "Demonym"


def _capitalised_run_end(tokens, k: int, j: int, *, posts: bool = False) -> int:
    """End of the capitalised words from k. A post ends them ("… Energy Minister X"), unless it is
    plural ("Council of Ministers") or the name is an office of a post ("Office of the President");
    so does a date ("the Agency on Monday")."""
    while (
        k < j
        and is_cap(tokens[k][0])
        and tokens[k][0] not in CALENDAR_WORDS
        and (posts or tokens[k][0].endswith("s") or not TITLE.match(tokens[k][0]))
    ):
        k += 1
    return k


# Public bodies: their names go on with "on …" ("Commission on Energy", "State Agency on Renewable
# Energy Sources") and "under …" ("Agency for Strategic Reforms under the President of X"); a
# company's do not ("ACWA Power on the Samarkand-2 plant")
_BODIES = {
    *("Commission", "Committee", "Council", "Office", "Agency", "Authority", "Association", "Federation"),
    *("Institute", "Centre", "Center", "Board", "Bureau", "Directorate", "Secretariat", "Service"),
    *("Inspectorate", "Department", "Administration", "Fund", "Ministry", "Chamber"),
}


def _superior_follows(tokens, k: int, j: int) -> bool:
    """ "under the Ministry of Energy", "under the President": "the", then an organization or a post."""
    if k + 1 >= j or tokens[k][0] != "the":
        return False
    words = [t[0] for t in tokens[k + 1 : _capitalised_run_end(tokens, k + 1, j, posts=True)]]
    return bool(words) and any(w in ORG_HEADS or TITLE.match(w) for w in words)


# "Office of the Prime Minister", "Administration of the President": offices named by their post
_OFFICES_OF_POSTS = {"Office", "Administration", "Secretariat", "Apparatus", "Chancellery", "Executive"}


# Heads that an "and" after a name's complement begins a new organization with ("… of Energy and
# Power Grid Company"); "Resources" or "Industries" is a portfolio ("… of Energy and Mineral Resources")
_NEW_NAME_HEADS = (ORG_HEADS | ROMANCE_HEADS | {"Board", "Bureau", "Directorate", "Service"}) - {
    *("Resources", "Power", "Grid", "Grids", "Industries", "Sciences", "Enterprises", "Investments", "Park"),
}


def _joins_name(tokens, k: int, j: int, gaz) -> bool:
    """Whether the words after "and" at k go on the name before it: up to three capitalised words
    that name no organization, country or acronym of their own ("… and Trade", "… and Mineral
    Resources"; not "… and the Institute", "… and Masdar", "… and ACWA Power")."""
    if k >= j or not is_cap(tokens[k][0]) or tokens[k][0].isupper() or tokens[k][1] in gaz:
        return False
    end = _capitalised_run_end(tokens, k, j)
    words = [t[0] for t in tokens[k:end]]
    return 0 < len(words) <= 3 and not any(w in _NEW_NAME_HEADS or w in LEGAL_FORMS for w in words)


def _romance_end(tokens, k: int, j: int) -> int | None:
    """ "Société Nationale d'Électricité du Sénégal", "Banco de Desarrollo de America Latina":
    a French, Spanish or Portuguese head, then its words and the particles that join them."""
    end = k + 1
    while end < j and (tokens[end][0] in ROMANCE_PARTICLES or _romance_word(tokens[end][0])):
        end += 1
    while end > k + 1 and tokens[end - 1][0] in ROMANCE_PARTICLES:
        end -= 1
    return end if end - k >= 2 else None


def _romance_word(text: str) -> bool:
    return (is_cap(text) and not TITLE.match(text)) or bool(ELIDED_WORD.match(text))


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
    right = tokens[middle + 1 : next((p for p in range(middle + 1, j) if tokens[p][0] == "in"), j)]
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
# a company's trade ends its name after a name: "Ark Energy", "Lima Gas", "Velan Zinc", "Kestrel Commercial"
TRADE_HEADS = {
    *("Energy", "Energies", "Renewables", "Engineering", "Construction", "Gas", "Oil", "Petroleum"),
    *("Electric", "Zinc", "Steel", "Aluminium", "Aluminum", "Copper", "Mining", "Chemical", "Chemicals"),
    *("Cement", "Motors", "Commercial", "Technologies", "Solar", "Wind", "Hydrogen", "Investment", "International"),
}
_TRADE_ADJECTIVES = {
    *("Clean", "Atomic", "Nuclear", "Hydro", "New", "Sustainable", "Affordable", "Global", "World", "Natural"),
    *("Liquefied", "Crude", "Shale", "Green", "Renewable", "Offshore", "Onshore", "Critical", "Rare", "Base"),
    *("Floating", "Rooftop", "Concentrated", "Foreign", "Direct", "Private", "Public", "Joint", "Total", "Solar"),
}


def _trade_name(tokens, k: int, head: int, j: int) -> bool:
    words = [t[0] for t in tokens[k:head]]
    after = tokens[head + 1][0] if head + 1 < j else None
    listed = after in {"and", ",", "&"} and head + 2 < j and is_cap(tokens[head + 2][0])  # "Ark Energy and Vela Power"
    if listed and TITLE.match(" ".join(t[0] for t in tokens[head : head + 6]).replace(" ,", ",")):
        return False  # "UAE Energy and Infrastructure Minister X": a minister's portfolio, not two firms
    if after is not None and after not in ORG_HEADS | ORG_TAIL_WORDS | LEGAL_FORMS and not listed:
        return False  # "Clean Energy Transition": a phrase in capitals, not a company
    return (
        len(words) <= 3
        and all(NAME_TOKEN.match(w) or re.fullmatch(r"[A-Z][\w&-]*", w) for w in words)
        and not any(
            w in NON_NAME_WORDS | ORG_TAIL_WORDS | ORG_HEADS | FUNCTION_WORDS | CALENDAR_WORDS | TITLE_WORDS
            for w in words
        )
        and words[0] not in _TRADE_ADJECTIVES  # "Clean Energy", "Global Gas": a phrase; "Norland Global Aluminium"
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
