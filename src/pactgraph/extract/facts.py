"""The plain values extraction returns: entities and facts with their sentences. No RDF here."""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON, ORGANIZATION, GOVERNMENT, COMPANY, COUNTRY, PLACE = (
    "Person",
    "Organization",
    "GovernmentBody",
    "Company",
    "Country",
    "Place",
)
AGENT_TYPES = {PERSON, ORGANIZATION, GOVERNMENT, COMPANY, COUNTRY}


@dataclass(eq=False)
class Entity:
    """A named thing of one article; ``name`` is its preferred (longest, fullest) name."""

    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    country_code: str | None = None
    in_country: str | None = None  # name of the country a place or organization belongs to
    sentences: set[int] = field(default_factory=set)
    guessed: bool = False  # typed only by the statistical model (name_types), no rule

    @property
    def is_agent(self) -> bool:
        return self.type in AGENT_TYPES


@dataclass
class Fact:
    """What every fact has: the sentences it was read from, the rule that read it, what makes it
    less than certain (``caveats``, names of ``rules.CAVEATS``) and the resulting confidence."""

    sentences: set[int] = field(default_factory=set, kw_only=True)
    rule: str = field(default="", kw_only=True)
    caveats: set[str] = field(default_factory=set, kw_only=True)
    confidence: float = field(default=0.0, kw_only=True)


@dataclass
class Meeting(Fact):
    kind: str  # meeting, visit, talks, ministerial meeting, summit, forum, conference, ceremony, roundtable
    label: str
    date: str | None = None
    place: Entity | None = None
    participants: list[Entity] = field(default_factory=list)
    planned: bool = False
    part_of: Meeting | None = None
    named: bool = False  # an event named or described in the text, not a "met"/"talks" clause


@dataclass
class Agreement(Fact):
    kind: str
    label: str
    parties: list[Entity]
    date: str | None = None
    place: Entity | None = None
    topic: str | None = None
    signed_during: Meeting | None = None
    title: str | None = None  # the document's own name, e.g. "Declaration on Strategic Partnership"
    # what tells this document from another of the same kind, parties and date in its article (its topic)
    variant: str | None = None


@dataclass
class Partnership(Fact):
    kind: str
    partners: list[Entity]
    date: str | None = None
    established_by: Agreement | None = None


@dataclass
class Capacity(Fact):
    value_mw: float
    stated: str
    technologies: list[str]
    status: str
    project: str
    place: Entity | None = None


@dataclass
class Post(Fact):
    person: Entity
    role: str
    organization: Entity | None = None


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class ArticleFacts:
    """Everything read from one article."""

    sentences: list[Sentence]
    entities: list[Entity]
    meetings: list[Meeting]
    agreements: list[Agreement]
    partnerships: list[Partnership]
    capacities: list[Capacity]
    posts: list[Post]
