"""Merging entities across articles: one IRI per normalised name and type, one preferred label
chosen the same way whatever the order of the articles."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from .extract.entities import fold, org_key
from .extract.facts import COMPANY, GOVERNMENT, ORGANIZATION, PERSON, ArticleFacts, Entity
from .vocab import iri, slug

_ORG_TYPES = {ORGANIZATION, GOVERNMENT, COMPANY}
_FOLDER = {PERSON: "person", "Country": "country", "Place": "place"}


@dataclass
class Resolved:
    """An entity of the whole corpus."""

    iri: ox.NamedNode
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    country_code: str | None = None
    in_country: ox.NamedNode | None = None


def entity_key(entity: Entity) -> tuple[str, str]:
    """The folder and slug of the entity's IRI: entities with the same key are one."""
    return _key(entity.type, entity.name)


@functools.lru_cache(maxsize=1 << 16)
def _key(kind: str, name: str) -> tuple[str, str]:
    """Memoised: a build asks for the key of the same name again and again."""
    if kind in _ORG_TYPES:
        return "organization", slug(org_key(name))
    return _FOLDER.get(kind, "place"), slug(fold(name))


#: What one mention of an entity contributes to its merged description: name, type, other
#: names, country code, country (of a place or organization).
Mention = tuple[str, str, frozenset[str] | set[str], str | None, str | None]


def mention_of(entity: Entity) -> Mention:
    return entity.name, entity.type, entity.aliases, entity.country_code, entity.in_country


def resolve(all_facts: list[ArticleFacts]) -> dict[tuple[str, str], Resolved]:
    """Entities of every article, keyed by ``entity_key``."""
    mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for facts in all_facts:
        for entity in facts.entities:
            mentions[entity_key(entity)].append(mention_of(entity))
    resolved = {key: merged_entity(key, found) for key, found in mentions.items()}
    _merge_lone_surnames(resolved)
    return resolved


def merged_entity(key: tuple[str, str], mentions: list[Mention]) -> Resolved:
    """One entity from all its mentions, in the order of the articles: the most frequent name (then
    the longest), the most specific type, every other name, the last country code and country
    given."""
    aliases: set[str] = set()
    code = home = None
    for _, _, others, country_code, in_country in mentions:
        aliases |= others
        code = country_code or code
        home = in_country or home
    names = Counter(name for name, *_ in mentions)
    return entity_from(key, names, Counter(kind for _, kind, *_ in mentions), aliases, code, home)


def entity_from(
    key: tuple[str, str], names: Counter, types: Counter, aliases: set[str], code: str | None, home: str | None
) -> Resolved:
    """``merged_entity`` from what its mentions add up to (the build state counts them in SQL)."""
    label = min(names, key=lambda n: (-names[n], -len(n), n))
    return Resolved(
        iri=iri(*key),
        type=_most_specific(types),
        label=label,
        aliases={a for a in aliases | set(names) if a != label},
        country_code=code,
        in_country=iri("country", slug(fold(home))) if home and key[0] != "country" else None,
    )


def owner_words(label: str) -> set[str]:
    """The words by which a person with this full name is known alone: first and last."""
    words = fold(label).split()
    return {words[0], words[-1]} if len(words) > 1 else set()


def lone_word(label: str) -> str | None:
    """The word of a person named by one word only, when long enough to be matched to a full name."""
    word = fold(label)
    return word if " " not in word and len(word) >= 4 else None


def _merge_lone_surnames(resolved: dict[tuple[str, str], Resolved]) -> None:
    """A person named by one word only ("Shahbazov") in an article that never gives the full name
    is the person of the corpus whose name has that word first or last, when exactly one has."""
    people = [(key, r) for key, r in resolved.items() if key[0] == "person"]
    owners: dict[str, list[Resolved]] = defaultdict(list)  # first or last word → full names
    for _, person in people:
        for word in owner_words(person.label):
            owners[word].append(person)
    for key, lone in people:
        word = lone_word(lone.label)
        if word is not None and len(owners[word]) == 1:
            (full,) = owners[word]
            full.aliases |= {lone.label, *lone.aliases}
            resolved[key] = full


def _most_specific(types: Counter) -> str:
    for kind in (GOVERNMENT, COMPANY):
        if types[kind]:
            return kind
    return min(types, key=lambda t: (-types[t], t))
