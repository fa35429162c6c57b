"""Facts → RDF quads in ontology terms, one named graph per article, with PROV provenance.
Knows nothing of text: it reads the plain values extraction returns."""

from __future__ import annotations

import pyoxigraph as ox

from . import __version__
from .articles import Article
from .extract.facts import ArticleFacts, Entity, Fact
from .resolve import Resolved, entity_key
from .vocab import DCTERMS, PROV, QUDT, RDF, RDFS, SCHEMA, SKOS, TIME, UNIT, XSD, concept, digest, iri, pg, slug

A = ox.NamedNode(RDF + "type")
LABEL = ox.NamedNode(RDFS + "label")
EXTRACTOR = iri("agent", "pactgraph-extractor")
_CLASS = {
    "Person": "Person",
    "Organization": "Organization",
    "GovernmentBody": "GovernmentBody",
    "Company": "Company",
    "Country": "Country",
    "Place": "Place",
}
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


class ArticleGraph:
    """Collects the quads of one article's named graph."""

    def __init__(self, article: Article, facts: ArticleFacts, entities: dict) -> None:
        self.article = article
        self.facts = facts
        self.entities = entities
        self.graph = iri("graph", article.identifier)
        self.node = iri("article", article.identifier)
        self.activity = iri("extraction", article.identifier)
        self.quads: list[ox.Quad] = []

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s, p, o, self.graph))

    def entity(self, entity: Entity) -> ox.NamedNode:
        return self.entities[entity_key(entity)].iri

    def provenance(self, node: ox.NamedNode, fact: Fact) -> None:
        for index in sorted(fact.sentences):
            self.add(node, ox.NamedNode(PROV + "wasDerivedFrom"), self.sentence(index))
        self.add(node, ox.NamedNode(PROV + "wasGeneratedBy"), self.activity)

    def sentence(self, index: int) -> ox.NamedNode:
        return iri("article", self.article.identifier, "sentence", str(index))

    def time(self, node: ox.NamedNode, iso: str | None) -> None:
        if not iso:
            return
        instant, triples = time_instant(iso)
        for triple in triples:
            self.add(*triple)
        self.add(node, pg("hasTime"), instant)


def article_quads(article: Article, facts: ArticleFacts, entities: dict[tuple[str, str], Resolved]) -> list[ox.Quad]:
    """Every quad of one article's named graph."""
    g = ArticleGraph(article, facts, entities)
    _article(g)
    for entity in facts.entities:
        _entity(g, entities[entity_key(entity)])
    meeting_nodes = {}
    for meeting in facts.meetings:
        meeting_nodes[id(meeting)] = _meeting(g, meeting)
    for meeting in facts.meetings:
        if meeting.part_of is not None and id(meeting.part_of) in meeting_nodes:
            g.add(meeting_nodes[id(meeting)], pg("partOf"), meeting_nodes[id(meeting.part_of)])
    agreement_nodes = {}
    for agreement in facts.agreements:
        node = iri(
            "agreement",
            f"{agreement.date or 'undated'}-{slug(agreement.kind)}-"
            + digest(*sorted(g.entity(p).value for p in agreement.parties)),
        )
        agreement_nodes[id(agreement)] = node
        g.add(node, A, pg("Agreement"))
        g.add(node, LABEL, _lit(agreement.label))
        g.add(node, pg("agreementKind"), concept("agreement-kind", agreement.kind))
        for party in agreement.parties:
            g.add(node, pg("party"), g.entity(party))
        g.time(node, agreement.date)
        if agreement.place:
            g.add(node, pg("location"), g.entity(agreement.place))
        if agreement.topic:
            g.add(node, pg("topic"), _lit(agreement.topic))
        if agreement.signed_during and id(agreement.signed_during) in meeting_nodes:
            g.add(node, pg("signedDuring"), meeting_nodes[id(agreement.signed_during)])
        g.provenance(node, agreement)
    for partnership in facts.partnerships:
        partners = sorted(g.entity(p).value for p in partnership.partners)
        node = iri("partnership", f"{slug(partnership.kind)}-{digest(*partners)}")
        g.add(node, A, pg("Partnership"))
        names = sorted(entities[entity_key(p)].label for p in partnership.partners)
        g.add(node, LABEL, _lit(f"{partnership.kind[0].upper()}{partnership.kind[1:]} of {', '.join(names)}"))
        g.add(node, pg("partnershipKind"), concept("partnership-kind", partnership.kind))
        for partner in partnership.partners:
            g.add(node, pg("partner"), g.entity(partner))
        g.time(node, partnership.date)
        if partnership.established_by and id(partnership.established_by) in agreement_nodes:
            g.add(node, pg("establishedBy"), agreement_nodes[id(partnership.established_by)])
        g.provenance(node, partnership)
    for capacity in facts.capacities:
        project = _capacity(g, capacity)
        # An agreement reported in the sentence that states a capacity is about that project
        # ("the 160 MW plant was the subject of an implementation agreement …").
        for agreement in facts.agreements:
            if agreement.sentences & capacity.sentences:
                g.add(agreement_nodes[id(agreement)], pg("concerns"), project)
    for post in facts.posts:
        person = entities[entity_key(post.person)]
        org = entities[entity_key(post.organization)] if post.organization else None
        role = iri("role", slug(post.role))
        node = iri(
            "post",
            f"{person.iri.value.rsplit('/', 1)[1]}--{slug(post.role)}"
            + (f"--{org.iri.value.rsplit('/', 1)[1]}" if org else ""),
        )
        g.add(node, A, pg("Post"))
        g.add(node, LABEL, _lit(f"{person.label}, {post.role}" + (f" ({org.label})" if org else "")))
        g.add(node, pg("holder"), person.iri)
        g.add(node, pg("role"), role)
        g.add(role, A, pg("Role"))
        g.add(role, LABEL, _lit(post.role))
        if org:
            g.add(node, pg("postIn"), org.iri)
        g.provenance(node, post)
    return g.quads


def _article(g: ArticleGraph) -> None:
    a = g.article
    g.add(g.node, A, pg("Article"))
    g.add(g.node, ox.NamedNode(DCTERMS + "identifier"), _lit(a.identifier))
    if a.title:
        g.add(g.node, ox.NamedNode(DCTERMS + "title"), _lit(a.title))
    if a.published:
        g.add(g.node, ox.NamedNode(SCHEMA + "datePublished"), _typed(a.published.isoformat(), "date"))
    if a.source:
        g.add(g.node, pg("sourceName"), _lit(a.source))
    if a.url:
        g.add(g.node, ox.NamedNode(SCHEMA + "url"), _lit(a.url))
    g.add(g.activity, A, ox.NamedNode(PROV + "Activity"))
    g.add(g.activity, ox.NamedNode(PROV + "used"), g.node)
    g.add(g.activity, ox.NamedNode(PROV + "wasAssociatedWith"), EXTRACTOR)
    g.add(EXTRACTOR, A, ox.NamedNode(PROV + "SoftwareAgent"))
    g.add(EXTRACTOR, LABEL, _lit(f"pactgraph extractor {__version__}"))
    used = set()
    for fact in (*g.facts.meetings, *g.facts.agreements, *g.facts.partnerships, *g.facts.capacities, *g.facts.posts):
        used |= fact.sentences
    for sentence in g.facts.sentences:
        if sentence.index not in used:
            continue
        node = g.sentence(sentence.index)
        g.add(node, A, pg("Sentence"))
        g.add(node, pg("partOfArticle"), g.node)
        g.add(node, pg("text"), _lit(sentence.text))
        g.add(node, pg("startOffset"), _typed(sentence.start, "integer"))
        g.add(node, pg("endOffset"), _typed(sentence.end, "integer"))


def _entity(g: ArticleGraph, r: Resolved) -> None:
    g.add(r.iri, A, pg(_CLASS[r.type]))
    g.add(r.iri, LABEL, _lit(r.label))
    for alias in sorted(r.aliases):
        g.add(r.iri, ox.NamedNode(SKOS + "altLabel"), _lit(alias))
    if r.country_code:
        g.add(r.iri, pg("countryCode"), _lit(r.country_code))
    if r.in_country and r.type == "Place" and any(e.iri == r.in_country for e in g.entities.values()):
        g.add(r.iri, pg("inCountry"), r.in_country)
    g.add(r.iri, pg("mentionedIn"), g.node)


def _meeting(g: ArticleGraph, meeting) -> ox.NamedNode:
    node = iri("meeting", f"{meeting.date or 'undated'}-{slug(meeting.label)[:80]}")
    g.add(node, A, pg(_MEETING_CLASS.get(meeting.kind, "Meeting")))
    g.add(node, LABEL, _lit(meeting.label))
    for participant in meeting.participants:
        g.add(node, pg("participant"), g.entity(participant))
    if meeting.place:
        g.add(node, pg("location"), g.entity(meeting.place))
    g.time(node, meeting.date)
    if meeting.planned:
        g.add(node, pg("isPlanned"), _typed("true", "boolean"))
    g.provenance(node, meeting)
    return node


def _capacity(g: ArticleGraph, capacity) -> ox.NamedNode:
    """Add a capacity and its energy project; return the project."""
    place = g.entity(capacity.place).value if capacity.place else ""
    key = digest(f"{capacity.value_mw:g}", *capacity.technologies, place, capacity.project)
    project = iri("project", f"{slug(capacity.project)[:60]}-{key}")
    node = iri("capacity", key)
    g.add(project, A, pg("EnergyProject"))
    g.add(project, LABEL, _lit(capacity.project))
    g.add(project, pg("hasCapacity"), node)
    g.add(node, A, pg("GenerationCapacity"))
    g.add(node, LABEL, _lit(f"{capacity.value_mw:g} MW"))
    g.add(
        node, ox.NamedNode(QUDT + "numericValue"), _typed(f"{capacity.value_mw:.6f}".rstrip("0").rstrip("."), "decimal")
    )
    g.add(node, ox.NamedNode(QUDT + "hasUnit"), ox.NamedNode(UNIT + "MegaW"))
    for tech in capacity.technologies:
        g.add(node, pg("technology"), concept("technology", tech))
    g.add(node, pg("status"), concept("status", capacity.status))
    if capacity.place:
        g.add(node, pg("location"), g.entity(capacity.place))
    g.add(node, pg("statedAs"), _lit(capacity.stated))
    g.provenance(node, capacity)
    return project
