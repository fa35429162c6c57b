"""Turning mentions into the entities of one article: one entity for "Parviz Shahbazov" and
"Shahbazov", for "National Energy Administration" and "NEA", for "the Ministry of Energy" and
"Azerbaijan's Ministry of Energy"."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from . import name_types
from .facts import COMPANY, COUNTRY, GOVERNMENT, ORGANIZATION, PERSON, PLACE, Entity
from .gazetteer import people
from .lexicon import CALENDAR_WORDS, FUNCTION_WORDS, HONORIFICS, LEGAL_SUFFIXES, ORG_HEADS, PORTFOLIO_WORDS, TITLE
from .mentions import Mention

ORG_TYPES = {ORGANIZATION, GOVERNMENT, COMPANY}
SPEECH_OR_ACTION = re.compile(
    r"^(?:\s+(?:Jr|Sr)\.)?\s*(?:,[^,]{0,90},\s*|\s+of\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}\s+)?(?:also\s+|later\s+|then\s+)?(?:said|says|met|meets|told|noted|added|signed|visited|held|stressed|"
    r"called|described|emphasi[sz]ed|attended|chaired|received|welcomed|briefed|highlighted|pointed|"
    r"spoke|delivered|announced|expressed|invited|urged|underlined|outlined|reviewed|discussed|paid|pays|"
    r"(?:is|was)\s+paying|arrived|"
    r"hosted|joined|took part|participated|(?:was|has been|had been)\s+(?:appointed|named|elected)|and\s+[A-Z]|"
    # "X's state visit to …", "X's talks with …": what only a person makes
    r"['’]s\s+(?:(?:state|official|working|first|recent|two-day|three-day)\s+)*(?:visits?|trips?|talks|remarks|speech)\b)"
)
# a bare name that signs: "X signed", "X, the state oil company, signed", "X has also signed"
SIGNS_AFTER = re.compile(
    r"\s*(?:,[^,.;]{0,60},\s*)?(?:has\s+|have\s+|had\s+)?(?:also\s+|today\s+|on \w+day\s+)?"
    r"(?:signed|signs|inked|inks)\s+\w"
)
# "X and Y signed", "X, Y and Z have signed": a bare name listed with the others that sign
SIGNS_AFTER_OTHERS = re.compile(
    r"(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}){1,5}"
    + SIGNS_AFTER.pattern
)
# "… signed an agreement with X": the counterpart of a signing; "a memorandum between X and Y": the
# parties a document names
SIGNED_WITH_BEFORE = re.compile(
    r"\b(?:signed|inked)\b[^.;:]{0,80}\b(?:with|between)\s+(?:the\s+)?$|"
    r"\b(?i:memorand\w*|agreements?|contracts?|MoUs?|deals?|accords?|protocols?)\s+"
    r"(?:[a-z]+\s+){0,4}between\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){0,4}(?:and\s+(?:the\s+)?)?$"
)
# frames that make an unknown name an organization: "signed by X and Y", "officials from X", "X
# executives", "X, a Dubai-based developer"
_ORG_FRAME_BEFORE = re.compile(
    r"\b(?:signed|inked|concluded)\s+by\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){0,4}(?:(?:,|and)\s+(?:the\s+)?)?$|"
    r"\b(?i:officials|representatives|executives|delegations?|managers|heads|teams?|management|leadership|"
    r"investors|companies|firms)\s+(?:from|of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w&.'’-]*\s+){0,4}(?:(?:,|and)\s+(?:the\s+)?)?$"
)
_ORG_FRAME_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:executives|officials|representatives|management|delegation|bosses|leadership|board)\b|"
    r",\s+(?:a|an|the)\s+(?:(?!head\b|chief\b|minister\b|president\b|director\b|chairman\b)[\w-]+\s+){0,4}"
    r"(?:developer|company|firm|utility|producer|operator|manufacturer|"
    r"contractor|lender|bank|fund|investor|group|subsidiary|unit|arm|consortium|agency|state-owned)\b"
)
# "Lund, the energy minister, …", "Marek, chief executive of …": a name a post describes is a person's
_TITLE_APPOSITIVE = re.compile(
    r",\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+){0,2}(?:minister|president|prime minister|chairman|chairwoman|"
    r"chief executive|ceo|CEO|head|director|ambassador|governor|envoy|secretary|commissioner|founder)\b"
)
_MR_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+$")
# "3. Saudi "Tabreed" – modernisation of …": the name a list of deals opens an item with
_ITEM_HEAD_BEFORE = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*])[ \t]*(?:[A-Z][a-z]+(?:['’]s)?\s+)?(?:[a-z]+\s+)?[\"“«]?")
_ITEM_HEAD_AFTER = re.compile(r"[\"”»]?\s*(?:\([^)]{2,30}\)\s*)?(?:from\s+[^–—\n]{2,40}?\s+)?[–—]\s")


# What the text before a name must hold for _ORG_FRAME_BEFORE to be worth running
_FRAME_BEFORE_CUE = re.compile(
    r"\b(?:signed|inked|concluded)\s+by\s|\b(?:officials|representatives|executives|delegations?|managers|heads|"
    r"teams?|management|leadership|investors|companies|firms)\s+(?:from|of)\s",
    re.I,
)


def _org_frame(m, text: str) -> bool:
    """Whether a frame around an unknown name makes it an organization: the anchored frames after it
    first, the frames before it only when their cue words are there."""
    if _ORG_FRAME_AFTER.match(text, m.end) or _deal_item_head(m, text):
        return True
    before = text[max(0, m.start - 120) : m.start]
    return bool(_FRAME_BEFORE_CUE.search(before) and _ORG_FRAME_BEFORE.search(before))


def _deal_item_head(m, text: str) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    return bool(_ITEM_HEAD_BEFORE.fullmatch(text, line_start, m.start) and _ITEM_HEAD_AFTER.match(text, m.end))


_SPEAKS = re.compile(r"\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|noted|added|stressed|emphasi[sz]ed|met|visited)\b")
NAME_PARTICLES = {"Al", "El", "Ul", "De", "Da", "Di", "Du", "La", "Le", "Bin", "Ibn", "Van", "Von", "Mr", "Ms", "Dr"}
# "its Consul General in Guangzhou, Ivan Petrov": a title and a comma right before the name
TITLE_COMMA_BEFORE = re.compile(rf"\b{TITLE.pattern}[\w\s'’-]{{0,40}},\s*$", re.I)
# "Sheikh", "Mr.", "H.E.", "Shri", "Datuk" … before a name, and the royal words that go with them
_HONORIFIC = "|".join(
    sorted({*map(re.escape, HONORIFICS), "King", "Queen", "Sultan", "Emir", "His", "Her"}, key=len, reverse=True)
)
_HONORIFICS_AT_END = re.compile(rf"(?:(?<![\w.])(?:{_HONORIFIC})\s+)+$")
PERSON_BEFORE = re.compile(
    r"(?:\bmet(?:\s+with)?|\btalks\s+with|\breceived|\band|\bby|\bwith|\bcounterparts?,?)\s*"
    r"(?:[A-Z][a-z]+['’]s\s+)?"  # "met Chile's Ivo Marek"
    rf"(?:(?:{_HONORIFIC})\s+)*"
    r"(?:(?:then|former|ex)-[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\s+)?$"  # "with then-President X"
)


def fold(text: str) -> str:
    """ASCII-fold and lower-case: the key two spellings of one name share."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("'s ", " ").replace("’s ", " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def org_key(name: str) -> str:
    folded = re.sub(r"(?:\s(?:s a|s p a|n v|b v|a s))+$", "", fold(name))  # "S.A.", "S.p.A.", "N.V.", "A.Ş."
    words = [w for w in folded.split() if w not in LEGAL_SUFFIXES]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class Registry:
    """The entities of one article, looked up by any of their names."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_key: dict[tuple[str, str], Entity] = {}
        self._alias: dict[str, list[Entity]] = {}

    def _group(self, kind: str) -> str:
        return "org" if kind in ORG_TYPES else kind

    def add(
        self,
        kind: str,
        name: str,
        sentence: int,
        *,
        code: str | None = None,
        in_country: str | None = None,
        guessed: bool = False,
    ) -> Entity:
        """The entity of this kind and name, made if new; ``guessed`` when only the statistical
        model typed the name (an entity stays guessed until a rule types it too)."""
        key = (self._group(kind), org_key(name))
        entity = self._by_key.get(key)
        if entity is None:
            entity = Entity(name=name, type=kind, country_code=code, in_country=in_country, guessed=guessed)
            self.entities.append(entity)
            self._by_key[key] = entity
        else:
            entity.guessed = entity.guessed and guessed
            if kind in ORG_TYPES and entity.type == ORGANIZATION and kind != ORGANIZATION:
                entity.type = kind
        if len(name) > len(entity.name) and kind not in (COUNTRY,) and org_key(name) == key[1]:
            entity.aliases.add(entity.name)
            entity.name = name
        entity.sentences.add(sentence)
        self.alias(entity, name)
        return entity

    def alias(self, entity: Entity, alias: str) -> None:
        if alias != entity.name:
            entity.aliases.add(alias)
        holders = self._alias.setdefault(fold(alias), [])
        if entity not in holders:
            holders.append(entity)

    def by_alias(self, alias: str) -> Entity | None:
        """The one entity known by this name; None when none or several are."""
        holders = self._alias.get(fold(alias), [])
        return holders[0] if len(holders) == 1 else None

    def merge(self, short: Entity, full: Entity) -> None:
        """Make ``short`` ("Minister Pardow", read before the full name) a name of ``full``."""
        self.entities.remove(short)
        for key, entity in list(self._by_key.items()):
            if entity is short:
                self._by_key[key] = full
        for holders in self._alias.values():
            if short in holders:
                holders.remove(short)
                if full not in holders:
                    holders.append(full)
        full.sentences |= short.sentences
        full.guessed = full.guessed and short.guessed
        self.alias(full, short.name)


def resolve_mention(
    registry: Registry, m: Mention, sentence_index: int, text: str, home_country: str | None
) -> Entity | None:
    """The entity a mention stands for, registering it if new; None for names too weak to keep."""
    if m.type == COUNTRY:
        return registry.add(COUNTRY, m.name, sentence_index, code=m.code)
    if m.type == PLACE:
        return registry.add(PLACE, m.name, sentence_index, in_country=_country_name(m.code))
    if m.type in ORG_TYPES:
        if m.name in ORG_HEADS and _GENERIC_REFERENCE.search(text, max(0, m.start - 4), m.end):
            return registry.by_alias(m.name)  # "the Company": a filing's defined term, or a reference
        name = _qualified_org_name(m.name, m.country or None, registry, home_country)
        entity = registry.by_alias(m.name) if m.name.split()[0] not in {"Ministry", "Ministries"} else None
        if entity is None or entity.type not in ORG_TYPES:
            entity = registry.add(m.type, name, sentence_index, in_country=m.country)
        else:
            entity.sentences.add(sentence_index)
        registry.alias(entity, m.name)
        if m.acronym:
            registry.alias(entity, m.acronym)
        return entity
    if m.type == PERSON:
        known = registry.by_alias(m.name)
        if known is not None and known.type == PERSON:
            known.sentences.add(sentence_index)
            return known
        after = text[m.end :]
        if (
            not m.title
            and not _TITLE_APPOSITIVE.match(after)  # "signed it with X, CEO of Y": a person with a post
            and (
                re.match(r"\s*,\s*which\b", after)  # "Hyport Duqm, which signed …"
                or SIGNED_WITH_BEFORE.search(
                    text[max(0, m.start - 120) : m.start]
                )  # "a deal between X and Andes Telecom"
            )
        ):
            return registry.add(ORGANIZATION, m.name, sentence_index)
        before = text[max(0, m.start - 40) : m.start]
        if (
            m.title
            or m.name in people()  # "Sadyr Japarov of Kyrgyzstan": a name the gazetteer knows in full
            or SPEECH_OR_ACTION.match(after)
            or PERSON_BEFORE.search(before)
            or _HONORIFICS_AT_END.search(before)  # "Prince X", "Sheikh X"
            # "X, …" is a person's name, but not "At the Palace, …"
            or (after.lstrip().startswith(",") and before.split()[-1:] not in (["the"], ["The"]))
            or TITLE_COMMA_BEFORE.search(_HONORIFICS_AT_END.sub("", text[max(0, m.start - 80) : m.start]))
            or _TITLE_APPOSITIVE.match(after)
            or _portfolio_in_brackets(after)  # "ministers including Ana Lund (Energy) and …"
            or (after.lstrip().startswith(";") and before.rstrip().endswith((",", ";", ":")))  # "…: A; B; C"
        ):
            return _add_person(registry, m.name, sentence_index)
        return _second_opinion(registry, m, sentence_index, text)
    if m.type == "Name":
        known = registry.by_alias(m.name)
        royal = _ROYAL_BEFORE.search(text, max(0, m.start - 14), m.start) if " " not in m.name else None
        if known is not None:
            known.sentences.add(sentence_index)
        elif royal:  # "Prince William", "Sheikh Tamim": a given name is a person's with the title before it
            known = _add_person(registry, f"{royal.group(0).strip()} {m.name}", sentence_index)
            registry.alias(known, m.name)
        elif m.name.split()[0] not in CALENDAR_WORDS | FUNCTION_WORDS and (
            _TITLE_APPOSITIVE.match(text, m.end) or _MR_BEFORE.search(text, max(0, m.start - 6), m.start)
        ):
            known = registry.add(PERSON, m.name, sentence_index)  # "Lund, the energy minister, said …", "Mr Marek"
        elif _GENERIC_REFERENCE.search(text, max(0, m.start - 4), m.end) and m.name in ORG_HEADS:
            return None  # "the Company", "the Group": a reference (or a filing's defined term) to a name
        elif m.name.split()[0] not in CALENDAR_WORDS | FUNCTION_WORDS and (
            SIGNS_AFTER.match(text, m.end)
            or SIGNS_AFTER_OTHERS.match(text, m.end)
            or SIGNED_WITH_BEFORE.search(text[max(0, m.start - 120) : m.start])
            or (m.country and not _SPEAKS.match(text, m.end))
            or _org_frame(m, text)
        ):
            # "Petrobras signed memorandums with …": who signs a document is an organization, and
            # so is "Romania's Transelectrica" (a person is "Romania's President X", or speaks)
            known = registry.add(ORGANIZATION, m.name, sentence_index, in_country=m.country)
        return known or _second_opinion(registry, m, sentence_index, text)
    return None


_GENERIC_REFERENCE = re.compile(r"\b[Tt]he\s+\w+$")
_ROYAL_BEFORE = re.compile(r"\b(?:Prince|Princess|Sheikh|Sheikha|Emir|Sultan|King|Queen)\s+$")
_BRACKETED_WORDS = re.compile(r"\s*\(([A-Z][a-z]+(?:(?:\s+|\s*,\s*|\s+and\s+|\s+&\s+)[A-Z][a-z]+)*)\)")


def _portfolio_in_brackets(after: str) -> bool:
    """Whether a name is followed by a minister's portfolio in brackets: "(Energy)", "(Foreign Affairs)"."""
    m = _BRACKETED_WORDS.match(after)
    return bool(m) and all(word in PORTFOLIO_WORDS for word in re.findall(r"[A-Z][a-z]+", m.group(1)))


_BRACKETED = re.compile(r".?\(\s*[^()]+\s*\).?")


def _in_longer_name(word: str, text: str) -> bool:
    """Whether a one-word name is also written as part of a longer capitalised name in the text."""
    for found in re.finditer(rf"\b{re.escape(word)}\b", text):
        before = text[max(0, found.start() - 40) : found.start()].split()
        after = text[found.end() : found.end() + 40].split()
        if (before and before[-1][:1].isupper() and text[found.start() - 1].isspace()) or (
            after and after[0][:1].isupper() and text[found.end() : found.end() + 1].isspace()
        ):
            return True
    return False


def _add_person(registry: Registry, name: str, sentence_index: int, *, guessed: bool = False) -> Entity:
    """A person, known afterwards by the short forms news uses for them too."""
    entity = registry.add(PERSON, name, sentence_index, guessed=guessed)
    words = name.split()
    if len(words) >= 3:
        registry.alias(entity, " ".join(words[-2:]))  # "Al Ramahi" for "Mohamed Jameel Al Ramahi"
    # "Lula" for Luiz Inácio Lula da Silva: the name before a particle is used alone too
    before_particle = [w for w, nxt in itertools.pairwise(words) if nxt in {"da", "de", "dos", "das", "do"}]
    for word in (words[0], words[-1], *before_particle[:1]):
        if len(word) >= 2 and word not in NAME_PARTICLES and not word.endswith("."):
            registry.alias(entity, word)  # "Shahbazov", and "Xi" for Xi Jinping
    # "Von der Leyen" for Ursula von der Leyen: the surname with the particles before it
    particles = next((i for i in range(1, len(words) - 1) if words[i].lower() in _LOWER_PARTICLES), None)
    if particles is not None and all(w.lower() in _LOWER_PARTICLES for w in words[particles:-1]):
        registry.alias(entity, " ".join(words[particles:]))
    article = _ARABIC_ARTICLE.fullmatch(words[-1]) if len(words) >= 2 else None
    if article:
        registry.alias(entity, article.group(1))  # "Sisi" for Abdel Fattah al-Sisi
    return entity


_LOWER_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "del", "dos", "das"}
_ARABIC_ARTICLE = re.compile(r"(?:al|el|Al|El)-([A-Z]\w{2,})")


def _second_opinion(registry: Registry, m: Mention, sentence_index: int, text: str) -> Entity | None:
    """A name the rules leave untyped, typed by the statistical model (``name_types``) when it is
    sure enough. The entity is marked ``guessed`` until a rule types it too."""
    words = m.name.split()
    if (
        words[0] in CALENDAR_WORDS | FUNCTION_WORDS
        or (len(words) == 1 and words[0] in ORG_HEADS)  # "the Council": a reference
        or _BRACKETED.match(text[max(0, m.start - 2) : m.end + 2])  # "(WAM)": an acronym or a source
    ):
        return None
    chances = name_types.probabilities(m.name, text, m.start, m.end)
    if chances[name_types.ORGANIZATION] >= name_types.THRESHOLD:
        kind = ORGANIZATION
    elif chances[name_types.PERSON] >= name_types.THRESHOLD and len(words) > 1:
        kind = PERSON  # never a lone word: "Wang told reporters" names nobody the graph can tell apart
    else:
        return None
    if len(words) == 1 and _in_longer_name(words[0], text):
        return None  # "Modi" where "Narendra Modi" is named: the rules' alias, if any, is the one
    if kind == PERSON:
        return _add_person(registry, m.name, sentence_index, guessed=True)
    return registry.add(ORGANIZATION, m.name, sentence_index, in_country=m.country, guessed=True)


def _country_name(code: str | None) -> str | None:
    from .gazetteer import country_by_code

    return country_by_code().get(code) if code else None


def _qualified_org_name(name: str, country: str | None, registry: Registry, home_country: str | None) -> str:
    """Give a bare "Ministry of Energy" its country, so ministries of different countries stay apart."""
    words = name.split()
    if words[0] not in {"Ministry", "Ministries"}:
        return name
    if re.search(r"\bof (?:the )?(?:Republic of )?[A-Z][a-z]+$", name) and name.count(" of ") >= 2:
        return name
    country = country or home_country
    return f"{name} of {country}" if country else name


class SentenceView:
    """One sentence with its resolved mentions and dates: what the fact readers look at."""

    def __init__(self, sentence, items, dates, published) -> None:
        self.sentence = sentence  # facts.Sentence
        self.items: list[tuple[Mention, Entity | None]] = items
        self.dates = dates  # dates.DateMention, offsets relative to the sentence text
        self.published = published

    @property
    def text(self) -> str:
        return self.sentence.text

    @functools.cached_property
    def lower(self) -> str:
        """The text in lower case, for the cheap word tests that decide whether a long pattern runs."""
        return self.sentence.text.lower()

    def rel(self, m: Mention) -> tuple[int, int]:
        return m.start - self.sentence.start, m.end - self.sentence.start

    def entities_between(self, start: int, end: int, *, agents_only: bool = True) -> list[Entity]:
        """Distinct entities whose mentions lie within [start, end) of the sentence text."""
        out: list[Entity] = []
        for m, e in self.items:
            a, b = self.rel(m)
            if e is None or a < start or b > end:
                continue
            if agents_only and not e.is_agent:
                continue
            if e not in out:
                out.append(e)
        return out

    def events(self) -> list[Mention]:
        return [m for m, _ in self.items if m.type in {"Event", "EventNoun"}]

    def places_between(self, start: int, end: int) -> list[Entity]:
        return [
            e
            for m, e in self.items
            if e is not None and e.type in {PLACE, COUNTRY} and start <= self.rel(m)[0] and self.rel(m)[1] <= end
        ]


def named_persons(view: SentenceView, start: int, end: int) -> list[Entity]:
    """Persons written by their name within [start, end) of the sentence, not referred to ("the
    minister", "the two leaders": those refer to someone named before)."""
    out: list[Entity] = []
    for m, e in view.items:
        a, b = view.rel(m)
        written = e is not None and e.type == PERSON and m.text.split()[-1] in e.name
        if written and start <= a and b <= end and e not in out:
            out.append(e)
    return out
