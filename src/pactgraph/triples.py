"""Facts → RDF quads in ontology terms, one named graph per article, with PROV provenance,
confidence and the rule that read each fact. Knows nothing of text: it reads the plain values
extraction (or the curation file) returns."""

from __future__ import annotations

import re

import pyoxigraph as ox

from . import __version__
from .articles import Article
from .extract.facts import Agreement, ArticleFacts, Capacity, Entity, Fact, Meeting, Partnership, Post
from .extract.rules import RULES
from .resolve import Resolved, entity_key
from .vocab import DCTERMS, PROV, QUDT, RDF, RDFS, SCHEMA, SKOS, TIME, UNIT, XSD, concept, digest, iri, pg, slug

A = ox.NamedNode(RDF + "type")
LABEL = ox.NamedNode(RDFS + "label")
EXTRACTOR = iri("agent", "pactgraph-extractor")
_MEETING_CLASS = {
    "meeting": "Meeting",
    "visit": "Visit",
    "talks": "Talks",
    "ministerial meeting": "MinisterialMeeting",
    "summit": "Summit",
    "forum": "Forum",
    "conference": "Conference",
    "ceremony": "Ceremony",
    "roundtable": "Roundtable",
}
MEETING_KINDS = tuple(_MEETING_CLASS)
Entities = dict[tuple[str, str], Resolved]


def _lit(value: str) -> ox.Literal:
    return ox.Literal(value)


def _typed(value, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))


def time_instant(iso: str) -> tuple[ox.NamedNode, list[tuple]]:
    """``id:time/2025-06`` with the OWL-Time property of its precision."""
    node = iri("time", iso)
    prop, datatype = {10: ("inXSDDate", "date"), 7: ("inXSDgYearMonth", "gYearMonth"), 4: ("inXSDgYear", "gYear")}[
        len(iso)
    ]
    return node, [(node, A, ox.NamedNode(TIME + "Instant")), (node, ox.NamedNode(TIME + prop), _typed(iso, datatype))]


def _entity_name(entities: Entities, entity: Entity) -> str:
    """The last path segment of an entity's IRI: its slug."""
    return entities[entity_key(entity)].iri.value.rsplit("/", 1)[1]


# An event described, not named: one capitalised word, then lower-case words ("Opening ceremony")
_GENERIC_LABEL = re.compile(r"[A-Z0-9][\w-]*(?:\s+[a-z][\w’'-]*)*")


def fact_iri(fact: Fact, entities: Entities) -> ox.NamedNode:
    """The IRI of a fact, minted from what the fact says, so it is the same in every build (which
    is what lets the curation file retract a fact by IRI)."""
    if isinstance(fact, Meeting):
        key = f"{fact.date or 'undated'}-{slug(fact.label)[:80]}"
        if _GENERIC_LABEL.fullmatch(fact.label):
            # "Summit", "Opening ceremony": a described event is one event only with the same people
            participants = sorted(entities[entity_key(p)].iri.value for p in fact.participants)
            place = entities[entity_key(fact.place)].iri.value if fact.place else ""
            key += "-" + digest(*participants, place)
        return iri("meeting", key)
    if isinstance(fact, Agreement):
        parties = sorted(entities[entity_key(p)].iri.value for p in fact.parties)
        variant = [fact.variant] if fact.variant else []  # one of several such documents of one article
        return iri("agreement", f"{fact.date or 'undated'}-{slug(fact.kind)}-" + digest(*parties, *variant))
    if isinstance(fact, Partnership):
        partners = sorted(entities[entity_key(p)].iri.value for p in fact.partners)
        return iri("partnership", f"{slug(fact.kind)}-{digest(*partners)}")
    if isinstance(fact, Capacity):
        return iri("capacity", _capacity_key(fact, entities))
    if isinstance(fact, Post):
        org = f"--{_entity_name(entities, fact.organization)}" if fact.organization else ""
        return iri("post", f"{_entity_name(entities, fact.person)}--{slug(fact.role)}{org}")
    raise TypeError(f"not a fact: {fact!r}")


def _capacity_key(capacity: Capacity, entities: Entities) -> str:
    place = entities[entity_key(capacity.place)].iri.value if capacity.place else ""
    return digest(f"{capacity.value_mw:g}", *capacity.technologies, place, capacity.project)


class GraphWriter:
    """Collects the quads of one named graph of facts; subclasses say where facts come from."""

    def __init__(self, graph: ox.NamedNode, entities: Entities) -> None:
        self.graph = graph
        self.entities = entities
        self.quads: list[ox.Quad] = []

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s, p, o, self.graph))

    def entity(self, entity: Entity) -> ox.NamedNode:
        return self.entities[entity_key(entity)].iri

    def provenance(self, node: ox.NamedNode, fact: Fact) -> None:
        raise NotImplementedError

    def confidence(self, node: ox.NamedNode, fact: Fact) -> None:
        """The fact's confidence, caveats and rule (described where used, so each graph stands alone)."""
        rule = RULES[fact.rule]
        rule_node = iri("rule", rule.name)
        self.add(node, pg("confidence"), _typed(round(fact.confidence, 2), "decimal"))
        self.add(node, pg("extractionRule"), rule_node)
        for caveat in sorted(fact.caveats):
            self.add(node, pg("caveat"), _lit(caveat))
        self.add(rule_node, A, pg("ExtractionRule"))
        self.add(rule_node, LABEL, _lit(rule.name))
        self.add(rule_node, ox.NamedNode(SKOS + "definition"), _lit(rule.description))
        self.add(rule_node, pg("baseConfidence"), _typed(rule.confidence, "decimal"))

    def time(self, node: ox.NamedNode, iso: str | None) -> None:
        if not iso:
            return
        instant, triples = time_instant(iso)
        for triple in triples:
            self.add(*triple)
        self.add(node, pg("hasTime"), instant)

    def describe(self, r: Resolved, *, mentioned_in: ox.NamedNode | None = None) -> None:
        """An entity's type, label, other names and codes."""
        self.add(r.iri, A, pg(r.type))
        self.add(r.iri, LABEL, _lit(r.label))
        for alias in sorted(r.aliases):
            self.add(r.iri, ox.NamedNode(SKOS + "altLabel"), _lit(alias))
        if r.country_code:
            self.add(r.iri, pg("countryCode"), _lit(r.country_code))
        if r.in_country and r.type == "Place" and any(e.iri == r.in_country for e in self.entities.values()):
            self.add(r.iri, pg("inCountry"), r.in_country)
        if mentioned_in is not None:
            self.add(r.iri, pg("mentionedIn"), mentioned_in)

    def facts(
        self,
        meetings: list[Meeting],
        agreements: list[Agreement],
        partnerships: list[Partnership],
        capacities: list[Capacity],
        posts: list[Post],
    ) -> None:
        nodes: dict[int, ox.NamedNode] = {}
        for fact in (*meetings, *agreements, *partnerships, *capacities, *posts):
            nodes[id(fact)] = fact_iri(fact, self.entities)
        for meeting in meetings:
            self._meeting(nodes[id(meeting)], meeting, nodes)
        for agreement in agreements:
            self._agreement(nodes[id(agreement)], agreement, nodes)
        for partnership in partnerships:
            self._partnership(nodes[id(partnership)], partnership, nodes)
        for capacity in capacities:
            project = self._capacity(nodes[id(capacity)], capacity)
            # An agreement reported in the sentence that states a capacity is about that project
            # ("the 160 MW plant was the subject of an implementation agreement …").
            for agreement in agreements:
                if agreement.sentences & capacity.sentences:
                    self.add(nodes[id(agreement)], pg("concerns"), project)
        for post in posts:
            self._post(nodes[id(post)], post)

    def _meeting(self, node: ox.NamedNode, meeting: Meeting, nodes: dict[int, ox.NamedNode]) -> None:
        self.add(node, A, pg(_MEETING_CLASS.get(meeting.kind, "Meeting")))
        self.add(node, LABEL, _lit(meeting.label))
        for participant in meeting.participants:
            self.add(node, pg("participant"), self.entity(participant))
        if meeting.place:
            self.add(node, pg("location"), self.entity(meeting.place))
        self.time(node, meeting.date)
        if meeting.planned:
            self.add(node, pg("isPlanned"), _typed("true", "boolean"))
        if meeting.part_of is not None and id(meeting.part_of) in nodes:
            self.add(node, pg("partOf"), nodes[id(meeting.part_of)])
        self.provenance(node, meeting)

    def _agreement(self, node: ox.NamedNode, agreement: Agreement, nodes: dict[int, ox.NamedNode]) -> None:
        self.add(node, A, pg("Agreement"))
        self.add(node, LABEL, _lit(agreement.label))
        self.add(node, pg("agreementKind"), concept("agreement-kind", agreement.kind))
        for party in agreement.parties:
            self.add(node, pg("party"), self.entity(party))
        self.time(node, agreement.date)
        if agreement.place:
            self.add(node, pg("location"), self.entity(agreement.place))
        if agreement.topic:
            self.add(node, pg("topic"), _lit(agreement.topic))
        if agreement.signed_during is not None and id(agreement.signed_during) in nodes:
            self.add(node, pg("signedDuring"), nodes[id(agreement.signed_during)])
        self.provenance(node, agreement)

    def _partnership(self, node: ox.NamedNode, partnership: Partnership, nodes: dict[int, ox.NamedNode]) -> None:
        self.add(node, A, pg("Partnership"))
        names = sorted(self.entities[entity_key(p)].label for p in partnership.partners)
        kind = partnership.kind
        self.add(node, LABEL, _lit(f"{kind[0].upper()}{kind[1:]} of {', '.join(names)}"))
        self.add(node, pg("partnershipKind"), concept("partnership-kind", kind))
        for partner in partnership.partners:
            self.add(node, pg("partner"), self.entity(partner))
        self.time(node, partnership.date)
        if partnership.established_by is not None and id(partnership.established_by) in nodes:
            self.add(node, pg("establishedBy"), nodes[id(partnership.established_by)])
        self.provenance(node, partnership)

    def _capacity(self, node: ox.NamedNode, capacity: Capacity) -> ox.NamedNode:
        """Add a capacity and its energy project; return the project."""
        key = _capacity_key(capacity, self.entities)
        project = iri("project", f"{slug(capacity.project)[:60]}-{key}")
        self.add(project, A, pg("EnergyProject"))
        self.add(project, LABEL, _lit(capacity.project))
        self.add(project, pg("hasCapacity"), node)
        self.add(node, A, pg("GenerationCapacity"))
        self.add(node, LABEL, _lit(f"{capacity.value_mw:g} MW"))
        value = f"{capacity.value_mw:.6f}".rstrip("0").rstrip(".")
        self.add(node, ox.NamedNode(QUDT + "numericValue"), _typed(value, "decimal"))
        self.add(node, ox.NamedNode(QUDT + "hasUnit"), ox.NamedNode(UNIT + "MegaW"))
        for tech in capacity.technologies:
            self.add(node, pg("technology"), concept("technology", tech))
        self.add(node, pg("status"), concept("status", capacity.status))
        if capacity.place:
            self.add(node, pg("location"), self.entity(capacity.place))
        self.add(node, pg("statedAs"), _lit(capacity.stated))
        self.provenance(node, capacity)
        return project

    def _post(self, node: ox.NamedNode, post: Post) -> None:
        person = self.entities[entity_key(post.person)]
        org = self.entities[entity_key(post.organization)] if post.organization else None
        role = iri("role", slug(post.role))
        self.add(node, A, pg("Post"))
        self.add(node, LABEL, _lit(f"{person.label}, {post.role}" + (f" ({org.label})" if org else "")))
        self.add(node, pg("holder"), person.iri)
        self.add(node, pg("role"), role)
        self.add(role, A, pg("Role"))
        self.add(role, LABEL, _lit(post.role))
        if org:
            self.add(node, pg("postIn"), org.iri)
        self.provenance(node, post)


class ArticleGraph(GraphWriter):
    """The named graph of one article: its facts derive from its sentences."""

    def __init__(self, article: Article, facts: ArticleFacts, entities: Entities) -> None:
        super().__init__(iri("graph", article.identifier), entities)
        self.article = article
        self.node = iri("article", article.identifier)
        self.activity = iri("extraction", article.identifier)
        self.article_facts = facts

    def provenance(self, node: ox.NamedNode, fact: Fact) -> None:
        for index in sorted(fact.sentences):
            self.add(node, ox.NamedNode(PROV + "wasDerivedFrom"), self.sentence(index))
        self.add(node, ox.NamedNode(PROV + "wasGeneratedBy"), self.activity)
        self.confidence(node, fact)

    def sentence(self, index: int) -> ox.NamedNode:
        return iri("article", self.article.identifier, "sentence", str(index))

    def write(self) -> list[ox.Quad]:
        facts = self.article_facts
        self._article()
        described = set()
        for entity in facts.entities:
            described.add(entity_key(entity))
            self.describe(self.entities[entity_key(entity)], mentioned_in=self.node)
        for fact in (*facts.meetings, *facts.capacities):
            # a place another article reported for the same fact (build.reconcile): described here
            # too, so that this graph stands alone (is valid by itself)
            if fact.place is not None and entity_key(fact.place) not in described:
                described.add(entity_key(fact.place))
                self.describe(self.entities[entity_key(fact.place)])
        self.facts(facts.meetings, facts.agreements, facts.partnerships, facts.capacities, facts.posts)
        return self.quads

    def _article(self) -> None:
        a = self.article
        self.add(self.node, A, pg("Article"))
        self.add(self.node, ox.NamedNode(DCTERMS + "identifier"), _lit(a.identifier))
        if a.title:
            self.add(self.node, ox.NamedNode(DCTERMS + "title"), _lit(a.title))
        if a.published:
            self.add(self.node, ox.NamedNode(SCHEMA + "datePublished"), _typed(a.published.isoformat(), "date"))
        if a.source:
            self.add(self.node, pg("sourceName"), _lit(a.source))
        if a.url:
            self.add(self.node, ox.NamedNode(SCHEMA + "url"), _lit(a.url))
        if a.retrieved:
            self.add(self.node, pg("retrievedOn"), _typed(a.retrieved.isoformat(), "date"))
        self.add(self.activity, A, ox.NamedNode(PROV + "Activity"))
        self.add(self.activity, ox.NamedNode(PROV + "used"), self.node)
        self.add(self.activity, ox.NamedNode(PROV + "wasAssociatedWith"), EXTRACTOR)
        self.add(EXTRACTOR, A, ox.NamedNode(PROV + "SoftwareAgent"))
        self.add(EXTRACTOR, LABEL, _lit(f"pactgraph extractor {__version__}"))
        facts = self.article_facts
        used: set[int] = set()
        for fact in (*facts.meetings, *facts.agreements, *facts.partnerships, *facts.capacities, *facts.posts):
            used |= fact.sentences
        for sentence in facts.sentences:
            if sentence.index not in used:
                continue
            node = self.sentence(sentence.index)
            self.add(node, A, pg("Sentence"))
            self.add(node, pg("partOfArticle"), self.node)
            self.add(node, pg("text"), _lit(sentence.text))
            self.add(node, pg("startOffset"), _typed(sentence.start, "integer"))
            self.add(node, pg("endOffset"), _typed(sentence.end, "integer"))


def article_quads(article: Article, facts: ArticleFacts, entities: Entities) -> list[ox.Quad]:
    """Every quad of one article's named graph."""
    return ArticleGraph(article, facts, entities).write()
