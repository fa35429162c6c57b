"""Mentions: names of persons, organizations, countries, places and events in one sentence, and
the posts that introduce persons ("Energy Minister Parviz Shahbazov", "Lyu Zexiang, Chairman of …").

General patterns find names the gazetteer has never seen: a title before a name, "Name, Title of
Org", organization heads (Ministry of …, … Institute, … Co., Ltd., … LLC), event heads
(… Forum, … Summit, COP29) and acronyms in brackets.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .facts import COMPANY, COUNTRY, GOVERNMENT, ORGANIZATION, PERSON, PLACE
from .lexicon import (
    CALENDAR_WORDS,
    CONNECTORS,
    ELIDED_WORD,
    EVENT_HEADS,
    FUNCTION_WORDS,
    HONORIFICS,
    LEGAL_FORMS,
    NAME_JOINERS,
    NAME_TOKEN,
    NON_NAME_WORDS,
    ORG_HEADS,
    ORG_TAIL_WORDS,
    PLACE_HEADS,
    PORTFOLIO_WORDS,
    PREFIX_LEGAL_FORMS,
    ROMANCE_HEADS,
    ROMANCE_PARTICLES,
    TITLE,
    TITLE_WORDS,
)
from .orgnames import advance_to, is_cap, names_ahead, organization_end, organization_type


@dataclass
class Mention:
    """A name in a sentence. ``name`` is the full name the mention stands for; ``country`` a
    country the mention was qualified with ("China's …", "… of Azerbaijan")."""

    start: int
    end: int
    text: str
    type: str  # Person, Organization, GovernmentBody, Company, Country, Place, Event, Demonym
    name: str
    country: str | None = None
    code: str | None = None
    title: str | None = None  # a post written before a person's name
    title_start: int | None = None
    title_country: str | None = None
    acronym: str | None = None


def _tokens(sentence):
    """Non-space spaCy tokens of a sentence as (text, start, end) with char offsets in the doc."""
    return [(t.text, t.idx, t.idx + len(t.text)) for t in sentence if not t.is_space]


_PLACE_ADJECTIVE = re.compile(r"[A-Z][\w.]*-(?:listed|based|owned|backed|headquartered|registered)")


def find_mentions(sentence, gazetteer_spans, doc_text: str) -> list[Mention]:
    """Mentions in one spaCy sentence, given the EntityRuler spans that fall in it and the text of
    its doc (passed in: spaCy rebuilds ``Doc.text`` from every token on each access, which made
    extraction quadratic in the article's length)."""
    tokens = _tokens(sentence)
    gaz = {span.start_char: span for span in gazetteer_spans}
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        text, start, _ = tokens[i]
        if (
            not is_cap(text)
            or (text in FUNCTION_WORDS and start not in gaz)
            or ("-" in text and _PLACE_ADJECTIVE.fullmatch(text))
        ):
            i += 1  # "London-listed Chariot": the adjective is no part of the name
            continue
        j = _chunk_end(tokens, i)
        adjective = next((k for k in range(i + 1, j) if _PLACE_ADJECTIVE.fullmatch(tokens[k][0])), None)
        if adjective is not None:  # "Abu Dhabi-based Masdar": the place and its adjective are no name
            place = adjective
            while place > i and is_cap(tokens[place - 1][0]) and tokens[place - 1][0] not in CONNECTORS:
                place -= 1
            before = place
            while before > i and tokens[before - 1][0] in CONNECTORS | {","}:
                before -= 1
            if before > i:  # "Masdar and Hong Kong-listed CLP": Masdar is read on its own
                mentions.extend(_read_chunk(tokens, i, before, gaz))
            i = adjective + 1
            continue
        mentions.extend(_read_chunk(tokens, i, j, gaz))
        i = max(j, i + 1)
    mentions.extend(_lowercase_events(sentence, doc_text))
    mentions.extend(_regions(sentence))
    mentions = _drop_overlaps(mentions)
    _described_organizations(mentions, doc_text)
    _apply_qualifiers(mentions, doc_text)
    _lowercase_titles(mentions, doc_text)  # "Vantora chairman Ivo Marek and …": a person before any list is read
    _coordinated_organizations(mentions, doc_text)
    return _adjacent_organizations(mentions, doc_text)


_RULERS = {"Sultan", "Amir", "Queen", "Sheikh", "Sheikha", "Shah", "Khan", "Tsar", "Pope", "Governor", "Mayor"}


def _adjacent_organizations(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Vantora Impact", "KESTREL Peru": an organization's name and the capitalised word right after it (a
    space apart, no comma or "and") are one company's name; so is "Vantora of Peru", a bare name and
    its country."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.type == "Name"
            and " " not in last.text
            # "Sultan of Norland", "King of Velan": a title
            and not TITLE.fullmatch(last.text)
            and last.text not in HONORIFICS | TITLE_WORDS | _RULERS
            and m.type == COUNTRY
            and text[last.end : m.start] == " of "
        ):  # "Vantora of Peru": one name and its country, a company's name
            merged = text[last.start : m.end]
            out[-1] = Mention(last.start, m.end, merged, ORGANIZATION, merged)
            continue
        if (
            last is not None
            and last.type in _ORG_MENTION_TYPES
            and m.type in (*_ORG_MENTION_TYPES, "Name", COUNTRY)
            and text[last.end : m.start] == " "
            and not m.title
            and last.name == last.text  # a name as written, not one the gazetteer canonicalised
        ):
            merged = text[last.start : m.end]
            out[-1] = Mention(last.start, m.end, merged, COMPANY if last.type == COMPANY else ORGANIZATION, merged)
            continue
        out.append(m)
    return out


_LOWER_TITLE = re.compile(
    r"\b(?P<title>(?:(?:deputy|vice|executive|first)\s+)*(?:chairman|chairwoman|president|minister|"
    r"director(?: general)?|head|ceo|chief executive|founder|rector|ambassador|governor|mayor|administrator|"
    r"secretary general|general manager|spokesperson|spokesman))\s+$"
)


def _lowercase_titles(mentions: list[Mention], text: str) -> None:
    """ "led by its chairman Wang Xiaoqing": a lower-case title right before a name."""
    for m in mentions:
        if m.type not in (PERSON, "Name") or m.title or len(m.text.split()) < 2:
            continue
        match = _LOWER_TITLE.search(text[max(0, m.start - 60) : m.start])
        if match:
            m.type = PERSON
            m.title = match.group("title")
            m.title_start = m.start - (len(text[max(0, m.start - 60) : m.start]) - match.start("title"))


_REGION = re.compile(
    r"\b(?:in|of|near)\s+(?:the\s+)?(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\s+"
    r"(?:region|province|district|oblast|county|prefecture|governorate|state))\b"
)


def _regions(sentence) -> list[Mention]:
    """ "in the Zhambyl region": a place the gazetteer need not know."""
    out = []
    for m in _REGION.finditer(sentence.text):
        start = sentence.start_char + m.start("name")
        out.append(Mention(start, start + len(m.group("name")), m.group("name"), PLACE, m.group("name")))
    return out


_DESCRIPTOR_NOUNS = (
    r"(?:company|firm|concern|developer|operator|utility|producer|generator|giant|major|subsidiary|arm|"
    r"lender|investor|contractor|manufacturer|maker|regulator|holding|conglomerate|fund|group)"
)
_ORG_DESCRIPTOR = re.compile(
    rf"(?:\b{_DESCRIPTOR_NOUNS}|"
    r"-(?:listed|based|owned|backed))\s+[\"“«]?$|"  # "the state company «Vantora»"
    r"\b(?:CEO|Chairman|chairman|chief executive|[Ff]ounder|[Hh]ead|[Dd]irector|[Pp]resident|[Mm]anaging director)"
    r"\s+of\s+$"
)


_DESCRIBED_AFTER = re.compile(r"\s+(?:consortium|conglomerate|joint venture|utility|group|firm)\b(?!\s+of\b)")
# "Vantora chief executive Ivo Marek", "Oltec's chairman X", "Vantora CEO X": a post of the name before it
_POST = (
    r"(?:(?:deputy|vice|executive|first|acting)\s+)?(?:chief executive(?: officer)?|CEO|chairman|chairwoman|"
    r"chairperson|president|founder|managing director|general director|director general|head)"
)
# "Vantora chief executive Ana Lund", "…, Vantora's chief executive, …": the organization of a post
_POST_AFTER = re.compile(rf"(?:['’]s)?\s+{_POST}\s+(?=[A-Z][a-z])|['’]s\s+{_POST}(?=,)", re.I)


def _described_organizations(mentions: list[Mention], text: str) -> None:
    """ "the state concern Turkmenhimiya", "London-listed Chariot", "Chairman and CEO of TotalEnergies",
    "Vantora chief executive X": a bare name that a description or a post makes an organization."""
    for m, after in zip(mentions, [*mentions[1:], None], strict=False):
        if m.type not in ("Name", PERSON):
            continue
        described = _ORG_DESCRIPTOR.search(text[max(0, m.start - 30) : m.start])
        if m.type == "Name" and (described or _POST_AFTER.match(text, m.end)):
            m.type = ORGANIZATION
        elif m.type in ("Name", PERSON) and not m.title and _DESCRIBED_AFTER.match(text, m.end):
            m.type = ORGANIZATION  # "the Amnah consortium", "the Vantora group": what the name is, after it
        elif m.type == PERSON and not m.title and described and _quoted(text, m.start):
            m.type = ORGANIZATION  # 'Saudi company "Data Volt"': quoted after what it is
        elif (
            after is not None
            and after.type == COUNTRY
            and re.fullmatch(r"[\"”»]?\s*\(", text[m.end : after.start])  # "Sayar" (USA)
            and text[after.end : after.end + 1] == ")"
            and (
                m.type == "Name"
                or (
                    m.type == PERSON
                    and not m.title
                    and (_LIST_ITEM_START.search(text, max(0, m.start - 12), m.start) or _quoted(text, m.start))
                )
            )
        ):
            m.type, m.country = ORGANIZATION, after.name  # "DataVolt (Saudi Arabia)": a company and its country
            after.type = "Qualifier"


def _quoted(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in '"“«'


_LIST_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[-•*])[ \t]*$")  # "3. " opening a line
_ORG_MENTION_TYPES = {ORGANIZATION, GOVERNMENT, COMPANY}
_COORDINATION = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:[A-Z][\w-]*(?:['’]s)?\s+){0,2}$|"
    # "between Doosan and the sovereign wealth fund Samruk": a described organization
    rf"^\s*,?\s*and\s+(?:the|its|their)\s+(?:[a-z][\w-]*\s+){{0,5}}{_DESCRIPTOR_NOUNS}\s+$"
)


# "…, and Ana Lund, Minister of Energy of X": a person the title after the name describes
_TITLE_AFTER = re.compile(rf",\s+(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+){{0,3}}?{TITLE.pattern}")  # "…, X's Minister"
_ARABIC_NAME = re.compile(r"(?:Al|El|Abu|Bin|Ibn)[ -]|\S+\s+(?:bin|bint|ibn|al)\s")  # "Al Ramahi", "X bin Y"


def _coordinated_organizations(mentions: list[Mention], text: str) -> None:
    """ "Azerenerji and Masdar signed …", "between A, B, C and MVM": bare names listed with an
    organization (or an acronym) are organizations too."""
    runs: list[list[Mention]] = []
    for m in (m for m in mentions if m.type != "Qualifier"):  # "…, Romania's Transelectrica and …"
        if runs and _COORDINATION.match(text[runs[-1][-1].end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        acronyms = [m for m in run if m.type == "Name" and re.fullmatch(r"[A-Z]{2,8}", m.text)]
        if len(run) < 2 or not (acronyms or any(m.type in _ORG_MENTION_TYPES for m in run)):
            continue
        if any(m.type in (COUNTRY, PLACE) or (m.type == PERSON and m.title) for m in run):
            continue  # a list of people or places with an organization in it is not a list of organizations
        joined = [text[a.end : b.start] for a, b in itertools.pairwise(run)]
        listed = len(run) >= 3 or any(re.search(r"\band\b|&", gap) for gap in joined)
        for m in run:
            # "TANESCO, Voltalia and Arab Contractors": no title, no person ("X Corporation, Wu Lan," is
            # an apposition: the name stays a person's)
            if m.type == "Name" or (
                m.type == PERSON and listed and not _ARABIC_NAME.match(m.text) and not _TITLE_AFTER.match(text, m.end)
            ):
                m.type = ORGANIZATION


def _apply_qualifiers(mentions: list[Mention], text: str) -> None:
    """ "Azerbaijan's Ministry of Energy", "China's Energy Minister X": the country qualifies the
    next mention (and stops being a mention of its own)."""
    for a, b in itertools.pairwise(mentions):
        b_start = b.title_start if b.title and b.title_start is not None else b.start
        possessive = text[a.end : b_start].strip() in {"'s", "’s"}
        organizations = {ORGANIZATION, GOVERNMENT, COMPANY}
        if possessive and a.type in organizations and b.type in organizations:
            a.type = "Qualifier"  # "SOCAR's Baku Higher Oil School": the school is the organization
        elif a.type == COUNTRY and text[a.end : a.end + 2] in {"'s", "’s"} and not possessive:
            a.type = "Qualifier"  # "Azerbaijan's renewable ambitions": a modifier, not a party
        elif a.type == COUNTRY and possessive:
            a.type = "Qualifier"
            if b.title:
                b.title_country = b.title_country or a.name
            else:
                b.country = b.country or a.name
        elif a.type == COUNTRY and b.title and b.title_start is not None and not text[a.end : b.title_start].strip():
            b.title_country = b.title_country or a.name


def _chunk_end(tokens, i: int) -> int:
    """End (exclusive) of a run of capitalised tokens joined by connectors."""
    j = i + 1
    romance = tokens[i][0] in ROMANCE_HEADS
    while j < len(tokens):
        text = tokens[j][0]
        if is_cap(text) and text not in {"The", "A"}:
            romance = romance or text in ROMANCE_HEADS
            j += 1
        elif text == "under" and j + 2 < len(tokens) and tokens[j + 1][0] == "the" and is_cap(tokens[j + 2][0]):
            j += 2  # "Agency for Strategic Reforms under the President": the organizations reader decides
        elif romance and (ELIDED_WORD.match(text) or (text in ROMANCE_PARTICLES and _romance_word_follows(tokens, j))):
            j += 1  # "Société Nationale d'Électricité du Sénégal"
        elif text in NAME_JOINERS and _after_joiners(tokens, j) is not None:
            j = _after_joiners(tokens, j) + 1  # "Mohamed bin Zayed", "Ursula von der Leyen"
        elif text in CONNECTORS and j + 1 < len(tokens):
            k = j + 1
            while k < len(tokens) and tokens[k][0] in {"the", "of"}:
                k += 1
            if k < len(tokens) and is_cap(tokens[k][0]) and tokens[k][0] not in CALENDAR_WORDS:
                j = k
            else:
                break
        elif (
            (text == "," and j + 1 < len(tokens) and tokens[j + 1][0] in LEGAL_FORMS)
            or (
                text == ","
                and any(t[0] in _PORTFOLIO_HEADS for t in tokens[max(i, j - 3) : j])
                and _portfolio_list_follows(tokens, j)
            )
            or (
                text in {"’", "'"}
                and j + 1 < len(tokens)
                and is_cap(tokens[j + 1][0])
                and tokens[j - 1][0].endswith("s")
            )
            or (text == "-" and j + 1 < len(tokens) and is_cap(tokens[j + 1][0]) and tokens[j][1] == tokens[j - 1][2])
        ):
            j += 1
        else:
            break
    while j > i + 1 and tokens[j - 1][0] in CONNECTORS | {"'s", "’s", ","}:
        j -= 1
    return j


def _romance_word_follows(tokens, k: int) -> bool:
    nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
    return is_cap(nxt) or bool(ELIDED_WORD.match(nxt)) or nxt in ROMANCE_PARTICLES


_PORTFOLIO_HEADS = {"Ministry", "Ministries", "Minister", "Ministers", "Department", "Committee", "Agency"}


def _portfolio_list_follows(tokens, comma: int) -> bool:
    """ "Ministry of Trade, Industry and Energy": after the comma, capitalised words and then "and"
    and a capitalised word close the ministry's list of portfolios."""
    k = comma + 1
    while k < len(tokens) and is_cap(tokens[k][0]) and tokens[k][0] not in FUNCTION_WORDS:
        k += 1
    return (
        comma + 1 < k <= comma + 3 and k + 1 < len(tokens) and tokens[k][0] in {"and", ","} and is_cap(tokens[k + 1][0])
    )


def _after_joiners(tokens, k: int) -> int | None:
    """Where the name goes on after the particles starting at ``k`` ("von der" → "Leyen"), if it does."""
    while k < len(tokens) and tokens[k][0] in NAME_JOINERS:
        k += 1
    return k if k < len(tokens) and NAME_TOKEN.match(tokens[k][0]) else None


def _span_text(tokens, i: int, j: int) -> str:
    out = ""
    for k in range(i, j):
        text, start, _ = tokens[k]
        if k > i and start > tokens[k - 1][2]:
            out += " "
        out += text
    return out


_MALAY_HONORIFICS = {"Dato", "Dato'", "Dato’", "Datuk", "Tan", "Tun"}


def _read_chunk(tokens, i: int, j: int, gaz) -> list[Mention]:
    """Read a capitalised chunk left to right into mentions."""
    found: list[Mention] = []
    pending_country: tuple[str, str] | None = None  # ("Azerbaijan", "AZ") from "Azerbaijan's" / "Azerbaijani"
    pending_title: str | None = None
    title_start: int | None = None
    k = i
    while k < j:
        text, start, _ = tokens[k]
        if text in {"'s", "’s", "the", "of", "and", "for", "on", "&", "de", "in", ","} or text in HONORIFICS:
            k += 1
            continue
        if text == "Sri" and k > i and tokens[k - 1][0] in _MALAY_HONORIFICS:
            k += 1  # "Dato Sri Fadillah Yusof" (not "Sri Lanka", nor "Sri Mulyani")
            continue
        if text in PREFIX_LEGAL_FORMS and k + 1 < j and is_cap(tokens[k + 1][0]):
            end = next((e for e in range(k + 1, j) if tokens[e][0] in {"and", ","}), j)
            found.append(_mention(tokens, k + 1, end, COMPANY))  # "JSC National Electric Grids of Uzbekistan"
            k = end
            continue
        gspan = gaz.get(start)
        title = TITLE.match(_span_text(tokens, k, j)) if not gspan else None
        org_end = None if title else organization_end(tokens, k, j, gaz)
        if gspan is not None and org_end is not None:
            after = advance_to(tokens, k, gspan.end_char)
            if after >= j or tokens[after][0] in {"and", ",", "'s", "’s", "&"}:
                org_end = None  # "Masdar and the Ministry of Energy": the known name stands alone
            elif (
                tokens[after][0] == "of"
                and gspan.ent_id_.split("|")[0] in {COUNTRY, PLACE}
                and after + 1 < org_end
                and organization_end(tokens, after + 1, j, gaz) == org_end
            ):
                org_end = None  # "managing director for Africa of Siemens AG": a region, then the company
        if org_end and pending_title:
            name_end = _name_end(tokens, k, j)
            if name_end and name_end < org_end and tokens[name_end][0] in {"and", ","}:
                org_end = None  # "President Ilham Aliyev and ACWA Power": a titled name, then the next name
        event_end = _event_end(tokens, k, j)
        if event_end and (not org_end or event_end >= org_end):
            found.append(_mention(tokens, k, event_end, "Event"))
            pending_country = pending_title = None
            k = event_end
            continue
        if org_end:
            m = _mention(tokens, k, org_end, organization_type(tokens, k, org_end))
            if pending_country:
                m.country = pending_country[0]
            found.append(m)
            pending_title = None
            pending_country = None
            k = org_end
            continue
        if title:
            end = _advance(tokens, k, len(title.group(0)))
            # "Minister of Energy Parviz Shahbazov": the title may take "of X" but leaves the name;
            # "Chairman of PowerChina Group" (no name follows): the organization is read on its own
            country_at = end + 1 + (end + 1 < j and tokens[end + 1][0] == "the")
            country = gaz.get(tokens[country_at][1]) if end < j and tokens[end][0] == "of" and country_at < j else None
            after_country = advance_to(tokens, country_at, country.end_char) if country is not None else j
            if (
                country is not None
                and country.ent_id_.split("|")[0] == COUNTRY
                and (after_country >= j or not is_cap(tokens[after_country][0]))  # not "Azerbaijan National …"
            ):
                # "Prime Minister of the Federal Democratic Republic of Ethiopia, Abiy Ahmed": the post's country
                kind, name, code = country.ent_id_.split("|")
                pending_title, pending_country = _span_text(tokens, k, end), (name, code)
                title_start = tokens[k][1]
                found.append(Mention(country.start_char, country.end_char, country.text, kind, name, code=code))
                k = after_country
                continue
            if end < j and tokens[end][0] in {"of", "for", "in"}:
                name_start = _name_after_portfolio(tokens, end + 2, j)
                portfolio_post = re.search(r"(?:Minister|Secretary|Commissioner)s?$", title.group(0)) and not any(
                    tokens[p][1] in gaz for p in range(end + 1, j)
                )
                lone = _lone_surname_after_portfolio(tokens, end + 2, j) if portfolio_post and not name_start else None
                if name_start is not None:
                    pending_title = _span_text(tokens, k, name_start)
                    end = name_start
                elif lone is not None:
                    # "Minister of Economy Jabbarov hosted …": a surname the article names in full elsewhere
                    found.append(_mention(tokens, lone, lone + 1, "Name"))
                    pending_title = None
                    end = j
                elif portfolio_post:
                    pending_title = None  # "Minister of Foreign Affairs, X": the portfolio is no name
                    end = j
                else:
                    pending_title = None  # "Chairman of X" with no name: the appositive reader has it
                    end += 1
                title_start = tokens[k][1]
            else:
                pending_title = _span_text(tokens, k, end)
            title_start = tokens[k][1]
            k = end
            continue
        if gspan is not None:
            kind, name, code = gspan.ent_id_.split("|")
            end = advance_to(tokens, k, gspan.end_char)
            if gspan.label_ == "Demonym":
                pending_country = (name, code) if kind == COUNTRY else None
                if pending_country is None:
                    found.append(Mention(start, gspan.end_char, gspan.text, kind, name, code=code or None))
            else:
                found.append(Mention(start, gspan.end_char, gspan.text, kind, name, code=code or None))
            k = end
            continue
        name_end = _name_end(tokens, k, j)
        if name_end:
            m = _mention(tokens, k, name_end, PERSON)
            if name_end - k >= 2 and tokens[name_end - 1][0] in PLACE_HEADS:
                m.type = PLACE  # "at the Planalto Palace": a venue, not a person
            elif pending_title and (name_end - k >= 2 or _plausible_surname(m.text)):  # "Minister Shahbazov" too
                m.title = pending_title
                m.title_start = title_start
                m.title_country = pending_country[0] if pending_country else None
            elif name_end - k < 2 or not _plausible_person(m.text):
                m.type = "Name"  # a bare capitalised word: only a known alias can make it an entity
            found.append(m)
            pending_title = None
            pending_country = None
            k = name_end
            continue
        k += 1
    return found


def _advance(tokens, k: int, length: int) -> int:
    end_char = tokens[k][1] + length
    return advance_to(tokens, k, end_char)


def _name_after_portfolio(tokens, first: int, j: int) -> int | None:
    """Where the name starts in "Minister of Science and Higher Education Sayasat Nurbek [and …]":
    the first two-word name that ends the chunk or is followed by a connector."""
    for p in range(first, j - 1):
        if tokens[p][0] in HONORIFICS and p + 1 < j and NAME_TOKEN.match(tokens[p + 1][0]):
            return p + 1  # "Minister of Energy of the Kingdom of Saudi Arabia Prince Abdulaziz …"
    for p in range(first, j - 1):
        for end in (p + 3, p + 2):  # "… Energy Dubravka Đedović Handanović": three words make a name too
            first = tokens[p][0]
            if end > j or (end == p + 3 and (first in PORTFOLIO_WORDS | NON_NAME_WORDS or _COMMON_NOUN.search(first))):
                continue  # "… for International Partnerships Jozef Síkela": "Partnerships" begins no name
            if names_ahead(tokens, p, end) and (end == j or tokens[end][0] in CONNECTORS):
                return p
    return None


def _lone_surname_after_portfolio(tokens, first: int, j: int) -> int | None:
    """Where a one-word name ends the chunk after a portfolio ("Minister of Economy Jabbarov"); a
    word that could be the portfolio's ("… for Trade Policy") is read as a known name only."""
    last = j - 1
    if last < first or tokens[last - 1][0] not in PORTFOLIO_WORDS:
        return None
    word = tokens[last][0]
    if (
        not NAME_TOKEN.match(word)
        or not _plausible_surname(word)
        or word in PORTFOLIO_WORDS | NON_NAME_WORDS | FUNCTION_WORDS | ORG_TAIL_WORDS
        or _COMMON_NOUN.search(word)
    ):
        return None
    return last


_COMMON_NOUN = re.compile(r"(?:ships|tions?|ments?|ies|ism|ness)$")


# surnames spelt like a function word: the Vietnamese "To" (Tô) begins a two-word name after a title
_SURNAME_FUNCTION_WORDS = {"To"}


def _name_end(tokens, k: int, j: int) -> int | None:
    end = k
    while end < j and end - k < 6:
        text = tokens[end][0]
        name_after = _after_joiners(tokens, end) if text in NAME_JOINERS and end > k else None
        if name_after is not None and name_after < j:
            end = name_after  # "Haitham bin Tarik", "von der Leyen": the particles join the name
            continue
        surname = text in _SURNAME_FUNCTION_WORDS and end == k and end + 2 == j  # "General Secretary To Lam"
        if not surname and (
            not NAME_TOKEN.match(text) or text in FUNCTION_WORDS | NON_NAME_WORDS or text in TITLE_WORDS
        ):
            break
        if end - k >= 4 and not any(tokens[x][0] in NAME_JOINERS for x in range(k, end)):
            break  # four words make a name; more only in a name with bin, ibn …
        end += 1
    return end if end > k else None


def _plausible_surname(text: str) -> bool:
    return len(text) > 2 and text not in ORG_HEADS and text not in EVENT_HEADS and text not in TITLE_WORDS


def _plausible_person(text: str) -> bool:
    """Two to four words that are not an organization's ("CITIC Construction": an acronym and a
    trade are a company's name, not a person's)."""
    words = text.split()
    longest = 6 if any(w in NAME_JOINERS for w in words) else 4
    acronyms = [w for w in words if re.fullmatch(r"[A-Z]{3,}", w)]
    mixed = bool(acronyms) and len(acronyms) < len(words)  # "CHRIS BOWEN:" in a transcript is a person
    return (
        2 <= len(words) <= longest
        and not mixed
        and not any(w in ORG_HEADS or w in EVENT_HEADS or w in TITLE_WORDS or w in ORG_TAIL_WORDS for w in words)
    )


def _event_end(tokens, k: int, j: int) -> int | None:
    text = tokens[k][0]
    if re.fullmatch(r"COP\d+|COP-\d+", text):
        if k + 1 < len(tokens) and tokens[k + 1][0] in TITLE_WORDS:
            return None  # "COP29 President" is a title
        return k + 1
    best = None
    for e in range(k + 1, j + 1):
        if tokens[e - 1][0] in EVENT_HEADS or tokens[e - 1][0].rstrip("’'s") in EVENT_HEADS:
            best = e
    if best == k + 1 and tokens[k][0] in EVENT_HEADS and k + 1 < j and tokens[k + 1][0] in {"of", "for", "on"}:
        pass  # "Meeting of the Council of Heads of State of the SCO": the head, then what it is of
    elif best is None or (best - k < 2 and tokens[k][0] in EVENT_HEADS):
        return None
    end = best
    if end < j and tokens[end][0] in {"of", "for", "on"}:
        end += 1
        while end < j and (tokens[end][0] != "in" and (is_cap(tokens[end][0]) or tokens[end][0] in CONNECTORS)):
            end += 1
        while tokens[end - 1][0] in CONNECTORS:
            end -= 1
    return end


def _mention(tokens, k: int, e: int, kind: str) -> Mention:
    text = _span_text(tokens, k, e)
    return Mention(tokens[k][1], tokens[e - 1][2], text, kind, text)


_LOWER_EVENT = re.compile(
    r"\b(?:the\s+)?(?:(?P<ord>\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+)?"
    r"(?P<head>(?:opening|closing|signing|groundbreaking|ground-breaking|inauguration|commissioning|launch)\s+"
    r"ceremony|roundtable|round table|summit|"
    r"(?<=[A-Z0-9]\s)meeting|"  # "the APEC meeting": a grouping's acronym names the meeting
    # "the consultative meeting of heads of state", "a trilateral ministerial meeting"
    r"(?:consultative|trilateral|quadrilateral|ministerial|annual|informal|extraordinary|joint)\s+"
    r"(?:ministerial\s+)?meeting(?:\s+of\s+(?:the\s+)?(?:heads of state|foreign ministers|energy ministers|"
    r"ministers|leaders|deputy (?:energy )?ministers))?|"
    r"meeting of [A-Z]{2,}\s+[a-z]+\s+ministers|"
    # "the intergovernmental council meeting": a standing body's meeting, in lower case
    r"(?:(?:intergovernmental|joint|bilateral|business|cooperation|coordination|steering|advisory)\s+){1,2}"
    r"(?:council|commission|committee)\s+(?:meeting|session)|"
    # "the 12th meeting of the Azerbaijan-China Intergovernmental Commission on …", "a session of
    # their joint working group": a session of a standing body is an event
    r"(?:meeting|session|sitting)\s+of\s+(?:the|their|its)\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?:[Cc]ommission|[Cc]ommittee|[Ww]orking [Gg]roup|[Cc]ouncil|[Tt]ask [Ff]orce|[Aa]ssembly)"
    r"(?:\s+(?:on|for)\s+(?:[A-Za-z-]+(?:\s+(?:and|of)\s+|\s+)){0,5}?[Cc]ooperation)?)"
    r"\b(?!\s+meetings|s\b)"
)


_EVENT_WORD = re.compile(r"ceremony|roundtable|round table|summit|meeting|session|sitting")


def _lowercase_events(sentence, doc_text: str) -> list[Mention]:
    """Unnamed events written in lower case: "a roundtable", "the opening ceremony", "the fifth
    meeting of SCO energy ministers"."""
    out: list[Mention] = []
    text = sentence.text
    if not _EVENT_WORD.search(text):
        return out  # most sentences name no event: skip the long pattern
    for m in _LOWER_EVENT.finditer(text):
        start = sentence.start_char + m.start("head") if not m.group("ord") else sentence.start_char + m.start("ord")
        end = sentence.start_char + m.end()
        words = doc_text[start:end]
        out.append(Mention(start, end, words, "EventNoun", words))
    return out


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


# "(NEA)", and a filing's defined terms: ("DGPC"), ("the Company"), (the "Company")
ACRONYM = re.compile(r"^\s*\(\s*(?:the\s+)?[\"“]?(?:the\s+)?([A-Z][A-Za-z0-9&]{1,9})[\"”]?\s*\)")


def attach_acronyms(mentions: list[Mention], text: str) -> None:
    """ "National Energy Administration (NEA)": remember NEA as the organization's acronym."""
    for m in mentions:
        if m.type in {ORGANIZATION, GOVERNMENT, COMPANY, "Event"}:
            match = ACRONYM.match(text[m.end : m.end + 20])
            if match:
                m.acronym = match.group(1)
