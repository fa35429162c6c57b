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


def resolve(all_facts: list[ArticleFacts]) -> dict[tuple[str, str], Resolved]:
    """Entities of every article, keyed by ``entity_key``."""
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    types: dict[tuple[str, str], Counter] = defaultdict(Counter)
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    codes: dict[tuple[str, str], str] = {}
    countries: dict[tuple[str, str], str] = {}
    for facts in all_facts:
        for entity in facts.entities:
            key = entity_key(entity)
            names[key][entity.name] += 1
            types[key][entity.type] += 1
            aliases[key] |= entity.aliases
            if entity.country_code:
                codes[key] = entity.country_code
            if entity.in_country:
                countries[key] = entity.in_country
    resolved = {}
    for key, counter in names.items():
        label = min(counter, key=lambda n: (-counter[n], -len(n), n))
        kind = _most_specific(types[key])
        home = countries.get(key)
        resolved[key] = Resolved(
            iri=iri(*key),
            type=kind,
            label=label,
            aliases={a for a in aliases[key] | set(counter) if a != label},
            country_code=codes.get(key),
            in_country=iri("country", slug(fold(home))) if home and key[0] != "country" else None,
        )
    _merge_lone_surnames(resolved)
    return resolved


def _merge_lone_surnames(resolved: dict[tuple[str, str], Resolved]) -> None:
    """A person named by one word only ("Shahbazov") in an article that never gives the full name
    is the person of the corpus whose name has that word first or last, when exactly one has."""
    people = [(key, r) for key, r in resolved.items() if key[0] == "person"]
    owners: dict[str, list[Resolved]] = defaultdict(list)  # first or last word → full names
    for _, person in people:
        words = fold(person.label).split()
        if len(words) > 1:
            for word in {words[0], words[-1]}:
                owners[word].append(person)
    for key, lone in people:
        word = fold(lone.label)
        if " " not in word and len(word) >= 4 and len(owners[word]) == 1:
            (full,) = owners[word]
            full.aliases |= {lone.label, *lone.aliases}
            resolved[key] = full


def _most_specific(types: Counter) -> str:
    for kind in (GOVERNMENT, COMPANY):
        if types[kind]:
            return kind
    return min(types, key=lambda t: (-types[t], t))
