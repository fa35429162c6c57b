"""Human corrections applied at every build: add facts the extractor misses, retract facts it
gets wrong, merge entities it keeps apart and split entities it wrongly joins.

The curation file (``data/curation.yaml`` by default) is YAML, so analysts edit it by hand::

    curator: Jane Analyst                # recorded as the prov:Person behind every change
    retract:
      - fact: https://w3id.org/pactgraph/id/meeting/2025-06-undated-talks   # IRI as queries print it
        reason: the talks were only planned
    merge:
      - into: Ilham Aliyev               # the preferred name
        names: [President Aliyev]        # other names of the same entity (same type)
    split:
      - name: Wang Yi                    # in this article, "Wang Yi" is someone else:
        article: 004_079e74d7893e588a
        as: Wang Yi (SOCAR)
    add:
      - article: 000_4b7e878bdb37a386    # optional: the article the fact is read from
        meeting: {label: Aliyev meets Ding Xuexiang, date: 2024-11-12, place: Baku,
                  participants: [Ilham Aliyev, {name: Ding Xuexiang, type: Person}]}

Fact IRIs are minted from what a fact says, so a retraction holds whenever the article is
re-extracted; a retraction that no longer matches any fact is reported as a warning so the
curator can update it. Added facts get confidence 1.0 and the rule ``curation``; everything the
file asserts lands in the named graph ``id:graph/curation``.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     path = Path(d) / "curation.yaml"
...     _ = path.write_text("curator: Jane\\nretract:\\n  - fact: https://w3id.org/pactgraph/id/meeting/x\\n")
...     [r.fact for r in load_curation(path).retractions]
['https://w3id.org/pactgraph/id/meeting/x']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import yaml

from .errors import CurationError, decode_location
from .extract import gazetteer
from .extract.entities import fold
from .extract.facts import (
    COMPANY,
    COUNTRY,
    GOVERNMENT,
    ORGANIZATION,
    PERSON,
    PLACE,
    Agreement,
    ArticleFacts,
    Capacity,
    Entity,
    Fact,
    Meeting,
    Partnership,
    Post,
)
from .resolve import entity_key
from .resources import ontology_path
from .store import parse_bundled
from .triples import LABEL, MEETING_KINDS, A, Entities, GraphWriter
from .vocab import ID, PROV, SKOS, VOCAB, digest, iri, pg, slug

__all__ = ["CURATION_GRAPH", "Curation", "CurationGraph", "load_curation"]

CURATION_GRAPH = iri("graph", "curation")
ENTITY_TYPES = (PERSON, ORGANIZATION, GOVERNMENT, COMPANY, COUNTRY, PLACE)
_SECTIONS = {"curator", "retract", "merge", "split", "add"}
_FACT_KINDS = ("meeting", "agreement", "partnership", "capacity", "post")
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class _Mapping(dict):
    """A YAML mapping that remembers where it starts, for errors that point at it."""

    line: int | None = None
    column: int | None = None


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    lines: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(None, None, "a key must be a text", key_node.start_mark)
        if key in lines:  # YAML keeps the last: a second ``retract:`` would silently drop the first
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {lines[key]})", key_node.start_mark
            )
        lines[key] = key_node.start_mark.line + 1
    mapping = _Mapping(loader.construct_pairs(node, deep=True))
    mapping.line, mapping.column = node.start_mark.line + 1, node.start_mark.column + 1
    return mapping


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> dt.date | dt.datetime | str:
    """A date as YAML reads it, or its text when it is no calendar date (2025-02-30), so the check
    of the field that holds it reports it where it is instead of a crash."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass(frozen=True)
class Retraction:
    fact: str
    reason: str | None = None


@dataclass(frozen=True)
class Merge:
    into: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Split:
    name: str
    article: str
    as_name: str


@dataclass
class Addition:
    """A fact to add, as written; ``article`` is the identifier of the article it comes from."""

    kind: str
    spec: _Mapping
    article: str | None = None


@dataclass
class Curation:
    """What one curation file asks for."""

    path: Path
    curator: str
    retractions: list[Retraction] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.retractions or self.merges or self.splits or self.additions)

    @property
    def curator_node(self) -> ox.NamedNode:
        return iri("agent", "curator", slug(self.curator))

    def error(self, message: str, where: _Mapping | None = None) -> CurationError:
        line = where.line if where is not None else None
        column = where.column if where is not None else None
        return CurationError(message, file=self.path, line=line, column=column)

    def rename_entities(self, articles: list[tuple[str, ArticleFacts]]) -> None:
        """Apply merges (everywhere) and splits (in their article) to the extracted entities."""
        into = {fold(name): merge.into for merge in self.merges for name in merge.names}
        for identifier, facts in articles:
            splits = {fold(s.name): s.as_name for s in self.splits if s.article == identifier}
            for entity in facts.entities:
                names = {fold(entity.name)} | {fold(alias) for alias in entity.aliases}
                target = next((into[n] for n in sorted(names) if n in into), None)
                if target and fold(target) != fold(entity.name):
                    entity.aliases.add(entity.name)
                    entity.name = target
                if fold(entity.name) in splits:
                    entity.aliases = {a for a in entity.aliases if fold(a) != fold(entity.name)}
                    entity.name = splits[fold(entity.name)]

    def added_facts(self, articles: list[tuple[str, ArticleFacts]]) -> list[tuple[str | None, ArticleFacts]]:
        """The added facts, grouped by the article they are attributed to (None: no article).

        Entities are named as the graph names them (a label or another name seen); a name the
        graph does not know must come with its type: ``{name: …, type: Person}``.
        """
        known: dict[str, Entity] = {}
        for _, facts in articles:
            for entity in facts.entities:
                for name in sorted({entity.name, *entity.aliases}):
                    known.setdefault(fold(name), entity)
        identifiers = {identifier for identifier, _ in articles}
        groups: dict[str | None, ArticleFacts] = {}
        for addition in self.additions:
            if addition.article is not None and addition.article not in identifiers:
                raise self.error(
                    f"no article {addition.article!r} among the articles built; use an article's file stem",
                    addition.spec,
                )
            reader = _FactReader(self, known, addition.spec)
            fact = reader.read(addition.kind)
            fact.rule, fact.confidence = "curation", 1.0
            group = groups.setdefault(addition.article, ArticleFacts([], [], [], [], [], [], []))
            group.entities.extend(reader.entities)
            {
                Meeting: group.meetings,
                Agreement: group.agreements,
                Partnership: group.partnerships,
                Capacity: group.capacities,
                Post: group.posts,
            }[type(fact)].append(fact)
        return sorted(groups.items(), key=lambda item: item[0] or "")


def load_curation(path: Path) -> Curation:
    """Read and check a curation file; every problem is a ``CurationError`` at file:line:column."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise CurationError(f"cannot read the curation file: {err.strerror or err}", file=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = decode_location(raw, err)
        raise CurationError(
            f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the curation file as UTF-8",
            file=path,
            line=line,
            column=column,
        ) from None
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = err.problem or "malformed YAML"
        raise CurationError(f"{problem}; fix the YAML", file=path, line=line, column=column) from None
    except yaml.YAMLError as err:
        raise CurationError(f"malformed YAML: {err}", file=path) from None
    except RecursionError:
        raise CurationError("nested too deeply to read; fix the YAML", file=path) from None
    data = _Mapping() if data is None else data
    if not isinstance(data, _Mapping):
        raise CurationError("the curation file must be a mapping with curator, retract, merge, split, add", file=path)
    curation = Curation(path=path, curator="")
    unknown = sorted(set(data) - _SECTIONS)
    if unknown:
        raise curation.error(f"unknown section {unknown[0]!r}; use {', '.join(sorted(_SECTIONS))}", data)
    curation.curator = _text(curation, data, "curator", required=False) or "unnamed curator"
    for item in _items(curation, data, "retract"):
        fact = _text(curation, item, "fact")
        try:
            ox.NamedNode(fact)
        except ValueError:
            message = f"'fact' must be a fact's IRI as queries print it ({ID}…), not {fact!r}"
            raise curation.error(message, item) from None
        curation.retractions.append(Retraction(fact, _text(curation, item, "reason", False)))
    for item in _items(curation, data, "merge"):
        names = _names(curation, item, "names")
        curation.merges.append(Merge(_text(curation, item, "into"), tuple(names)))
    for item in _items(curation, data, "split"):
        curation.splits.append(
            Split(_text(curation, item, "name"), _text(curation, item, "article"), _text(curation, item, "as"))
        )
    for item in _items(curation, data, "add"):
        kinds = [k for k in _FACT_KINDS if k in item]
        if len(kinds) != 1 or not isinstance(item[kinds[0]], _Mapping):
            raise curation.error(f"each addition needs exactly one of {', '.join(_FACT_KINDS)} as a mapping", item)
        spec = item[kinds[0]]
        curation.additions.append(Addition(kinds[0], spec, _text(curation, item, "article", False) or None))
        _FactReader(curation, {}, spec, check_only=True).read(kinds[0])
    return curation


def _items(curation: Curation, data: _Mapping, section: str) -> list[_Mapping]:
    items = data.get(section) or []
    if not isinstance(items, list) or not all(isinstance(item, _Mapping) for item in items):
        raise curation.error(f"{section!r} must be a list of mappings", data)
    return items


def _text(curation: Curation, item: _Mapping, key: str, required: bool = True) -> str:
    value = item.get(key)
    if value is None and not required:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float) or not str(value).strip():
        raise curation.error(f"{key!r} must be a non-empty text", item)
    return str(value).strip()


def _names(curation: Curation, item: _Mapping, key: str) -> list[str]:
    value = item.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise curation.error(f"{key!r} must be a list of names", item)
    return [v.strip() for v in value]


@cache
def scheme_labels(scheme: str) -> frozenset[str]:
    """The prefLabels of one of the ontology's concept schemes (``technology``, ``status`` …)."""
    store = ox.Store()
    store.extend(parse_bundled(ontology_path()))
    rows = store.query(
        f"SELECT ?label WHERE {{ ?c <{SKOS}prefLabel> ?label . FILTER STRSTARTS(STR(?c), '{VOCAB}{scheme}/') }}"
    )
    return frozenset(row[0].value for row in rows)


class _FactReader:
    """Turns one addition's mapping into a fact, checking every value against the ontology."""

    def __init__(self, curation: Curation, known: dict[str, Entity], spec: _Mapping, *, check_only=False) -> None:
        self.curation, self.known, self.spec, self.check_only = curation, known, spec, check_only
        self.entities: list[Entity] = []

    def fail(self, message: str) -> CurationError:
        return self.curation.error(message, self.spec)

    def read(self, kind: str) -> Fact:
        return getattr(self, f"_{kind}")()

    def _meeting(self) -> Meeting:
        kind = self.text("kind", required=False) or "meeting"
        if kind not in MEETING_KINDS:
            raise self.fail(f"unknown meeting kind {kind!r}; use one of {', '.join(MEETING_KINDS)}")
        return Meeting(
            kind=kind,
            label=self.text("label"),
            date=self.date(),
            place=self.entity(self.spec["place"]) if self.spec.get("place") else None,
            participants=[self.entity(p) for p in self.list("participants", minimum=1)],
            planned=bool(self.spec.get("planned", False)),
            named=True,
        )

    def _agreement(self) -> Agreement:
        kind = self.concept("kind", "agreement-kind")
        parties = [self.entity(p) for p in self.list("parties", minimum=2)]
        label = self.text("label", required=False) or f"{kind[0].upper()}{kind[1:]} between " + " and ".join(
            p.name for p in parties
        )
        return Agreement(
            kind=kind,
            label=label,
            parties=parties,
            date=self.date(),
            place=self.entity(self.spec["place"]) if self.spec.get("place") else None,
            topic=self.text("topic", required=False) or None,
        )

    def _partnership(self) -> Partnership:
        kind = self.concept("kind", "partnership-kind")
        return Partnership(
            kind=kind, partners=[self.entity(p) for p in self.list("parties", minimum=2)], date=self.date()
        )

    def _capacity(self) -> Capacity:
        value = self.spec.get("value_mw")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise self.fail("'value_mw' must be a number of megawatts, 0 or more")
        technologies = self.spec.get("technology") or []
        technologies = [technologies] if isinstance(technologies, str) else technologies
        known = scheme_labels("technology")
        if not technologies:
            raise self.fail(f"'technology' is required: one or a list of {', '.join(sorted(known))}")
        for tech in technologies:
            if tech not in known:
                raise self.fail(f"unknown technology {tech!r}; use one of {', '.join(sorted(known))}")
        status = self.concept("status", "status", default="unknown")
        return Capacity(
            value_mw=float(value),
            stated=f"{value:g} MW",
            technologies=sorted(technologies),
            status=status,
            project=self.text("project", required=False) or f"{value:g} MW {' and '.join(technologies)} capacity",
            place=self.entity(self.spec["place"]) if self.spec.get("place") else None,
        )

    def _post(self) -> Post:
        return Post(
            person=self.entity(self.spec.get("person")),
            role=self.text("role"),
            organization=self.entity(self.spec["organization"]) if self.spec.get("organization") else None,
        )

    def text(self, key: str, *, required: bool = True) -> str:
        return _text(self.curation, self.spec, key, required)

    def list(self, key: str, *, minimum: int) -> list:
        value = self.spec.get(key)
        if not isinstance(value, list) or len(value) < minimum:
            raise self.fail(f"{key!r} must be a list of at least {minimum} name(s)")
        return value

    def concept(self, key: str, scheme: str, *, default: str | None = None) -> str:
        value = self.spec.get(key, default)
        labels = scheme_labels(scheme)
        if value not in labels:
            raise self.fail(f"{key!r} must be one of {', '.join(sorted(labels))}")
        return value

    def date(self) -> str | None:
        value = self.spec.get("date")
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        try:
            if not _ISO_DATE.match(text):
                raise ValueError
            dt.date.fromisoformat(text + "-01-01"[len(text) - 4 :])
        except ValueError:
            raise self.fail(f"'date' must be YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}") from None
        return text

    def entity(self, ref) -> Entity:
        """An entity by name (as the graph knows it) or by ``{name, type}``."""
        name, kind = (ref.get("name"), ref.get("type")) if isinstance(ref, _Mapping) else (ref, None)
        if not isinstance(name, str) or not name.strip():
            raise self.fail("an entity is a name, or a mapping with 'name' and 'type'")
        if kind is not None and kind not in ENTITY_TYPES:
            raise self.fail(f"unknown entity type {kind!r}; use one of {', '.join(ENTITY_TYPES)}")
        found = self.known.get(fold(name))
        if kind is None and found is None and not self.check_only:
            raise self.fail(
                f"{name!r} is not an entity of the graph; give its type: {{name: {name}, type: Person}} "
                f"(or {', '.join(ENTITY_TYPES[1:])})"
            )
        kind = kind or (found.type if found else PERSON)
        code = gazetteer.countries().get(name, (None, None))[1] if kind == COUNTRY else None
        entity = Entity(name=found.name if found and found.type == kind else name, type=kind, country_code=code)
        self.entities.append(entity)
        return entity


class CurationGraph(GraphWriter):
    """The named graph ``id:graph/curation``: who curated, what they retracted, merged and added."""

    def __init__(self, curation: Curation, entities: Entities) -> None:
        super().__init__(CURATION_GRAPH, entities)
        self.curation = curation
        self.activity = iri("curation", slug(curation.path.stem))
        self.source: str | None = None

    def provenance(self, node: ox.NamedNode, fact: Fact) -> None:
        if self.source is not None:
            self.add(node, ox.NamedNode(PROV + "wasDerivedFrom"), iri("article", self.source))
        self.add(node, ox.NamedNode(PROV + "wasGeneratedBy"), self.activity)
        self.add(node, ox.NamedNode(PROV + "wasAttributedTo"), self.curation.curator_node)
        self.confidence(node, fact)

    def write(self, added: list[tuple[str | None, ArticleFacts]]) -> list[ox.Quad]:
        if self.curation.is_empty:
            return []
        curator = self.curation.curator_node
        self.add(curator, A, ox.NamedNode(PROV + "Person"))
        self.add(curator, LABEL, ox.Literal(self.curation.curator))
        self.add(self.activity, A, ox.NamedNode(PROV + "Activity"))
        self.add(self.activity, LABEL, ox.Literal(f"curation file {self.curation.path.name}"))
        self.add(self.activity, ox.NamedNode(PROV + "wasAssociatedWith"), curator)
        for retraction in self.curation.retractions:
            node = iri("retraction", digest(retraction.fact))
            self.add(node, A, pg("Retraction"))
            self.add(node, pg("retracts"), ox.NamedNode(retraction.fact))
            self.add(node, ox.NamedNode(PROV + "wasAttributedTo"), curator)
            self.add(node, ox.NamedNode(PROV + "wasGeneratedBy"), self.activity)
            if retraction.reason:
                self.add(node, pg("reason"), ox.Literal(retraction.reason))
        for merge in self.curation.merges:
            for resolved in self.entities.values():
                if fold(resolved.label) == fold(merge.into):
                    for name in merge.names:
                        self.add(resolved.iri, ox.NamedNode(SKOS + "altLabel"), ox.Literal(name))
        for source, facts in added:
            self.source = source
            mentioned_in = iri("article", source) if source is not None else None
            for entity in facts.entities:
                self.describe(self.entities[entity_key(entity)], mentioned_in=mentioned_in)
            self.facts(facts.meetings, facts.agreements, facts.partnerships, facts.capacities, facts.posts)
        return self.quads
