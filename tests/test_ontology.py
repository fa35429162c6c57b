"""Checks on the OWL ontology ``ontology/pactgraph.ttl``: syntax, consistency, hygiene, coverage."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDFS, SKOS, XSD

ROOT = Path(__file__).parents[1]
ONTOLOGY = ROOT / "ontology" / "pactgraph.ttl"
DATA_MODEL = ROOT / "docs" / "data-model.md"

ONTOLOGY_IRI = URIRef("https://w3id.org/pactgraph/ontology")
PG = Namespace("https://w3id.org/pactgraph/ontology#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
VANN = Namespace("http://purl.org/vocab/vann/")

#: Prefixes of the doc's CURIEs whose terms the ontology must define.
OWN_PREFIXES = {
    "pg": "https://w3id.org/pactgraph/ontology#",
    "tech": "https://w3id.org/pactgraph/vocab/technology/",
    "akind": "https://w3id.org/pactgraph/vocab/agreement-kind/",
    "pkind": "https://w3id.org/pactgraph/vocab/partnership-kind/",
    "status": "https://w3id.org/pactgraph/vocab/status/",
}

#: Namespaces the ontology uses but must never define terms in.
FOREIGN_NAMESPACES = {
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
    "qudt": "http://qudt.org/schema/qudt/",
    "unit": "http://qudt.org/vocab/unit/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}

PREFIXES = """
PREFIX pg: <https://w3id.org/pactgraph/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

#: Every class or property minted in the pg: namespace.
PG_TERMS = """
?term a ?kind .
VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty }
FILTER(isIRI(?term) && STRSTARTS(STR(?term), STR(pg:)))
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def select(graph: Graph, body: str) -> list[tuple]:
    return [tuple(row) for row in graph.query(PREFIXES + body)]


# --- 1. syntax ---------------------------------------------------------------------------------


def test_parses_with_rdflib(graph: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert len(graph) > 100


def test_parses_with_pyoxigraph(graph: Graph) -> None:
    triples = list(ox.parse(path=ONTOLOGY, format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(graph)


# --- 2. consistency with HermiT ----------------------------------------------------------------


def _hermit_world(tmp_path: Path, extra_turtle: str = ""):
    owlready2 = pytest.importorskip("owlready2")
    graph = Graph().parse(ONTOLOGY, format="turtle")
    if extra_turtle:
        graph.parse(
            data=PREFIXES.replace("PREFIX", "@prefix").replace(">\n", "> .\n") + extra_turtle,
            format="turtle",
        )
    rdfxml = tmp_path / "pactgraph.owl"
    graph.serialize(rdfxml, format="xml")
    world = owlready2.World()
    world.get_ontology(rdfxml.as_uri()).load()
    return owlready2, world


needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="java is not on PATH")


@needs_java
def test_hermit_consistent(tmp_path: Path) -> None:
    owlready2, world = _hermit_world(tmp_path)
    try:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError as exc:  # pragma: no cover - failure path
        pytest.fail(f"HermiT finds the ontology inconsistent: {exc}")
    assert list(world.inconsistent_classes()) == []


@needs_java
def test_hermit_applies_disjointness(tmp_path: Path) -> None:
    """The reasoner really sees the axioms: a person that is also an organization is refuted."""
    owlready2, world = _hermit_world(
        tmp_path,
        "<https://w3id.org/pactgraph/id/person/x> a owl:NamedIndividual , pg:Person , pg:Organization .",
    )
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)


# --- 3. hygiene (in the style of ROBOT report and OOPS!) ----------------------------------------
# Each check is a function returning the problems it finds, so the same function is run on the
# real ontology (no problems) and on a copy with a defect injected (the defect is reported).

HEADER = {
    "title": DCTERMS.title,
    "description": DCTERMS.description,
    "license": DCTERMS.license,
    "creator": DCTERMS.creator,
    "created": DCTERMS.created,
    "versionIRI": OWL.versionIRI,
    "versionInfo": OWL.versionInfo,
    "preferredNamespacePrefix": VANN.preferredNamespacePrefix,
    "preferredNamespaceUri": VANN.preferredNamespaceUri,
}


def missing_label_or_definition(graph: Graph) -> list[tuple]:
    """pg: terms without exactly one rdfs:label, one English label and one skos:definition (OOPS! P08)."""
    return select(
        graph,
        f"""
        SELECT ?term ?labels ?enLabels ?defs WHERE {{
          {{ SELECT DISTINCT ?term WHERE {{ {PG_TERMS} }} }}
          OPTIONAL {{ SELECT ?term (COUNT(?l) AS ?labels)
                      (SUM(IF(LANGMATCHES(LANG(?l), "en"), 1, 0)) AS ?enLabels)
                      WHERE {{ ?term rdfs:label ?l }} GROUP BY ?term }}
          OPTIONAL {{ SELECT ?term (COUNT(?d) AS ?defs)
                      WHERE {{ ?term skos:definition ?d }} GROUP BY ?term }}
          FILTER(COALESCE(?labels, 0) != 1 || COALESCE(?enLabels, 0) != 1
                 || COALESCE(?defs, 0) != 1)
        }}""",
    )


def badly_written_definitions(graph: Graph) -> list[tuple]:
    """Definitions that are not English sentences: a language tag "en", a capital, a final full stop."""
    return select(
        graph,
        """
        SELECT ?s ?d WHERE { ?s skos:definition ?d
          FILTER(!LANGMATCHES(LANG(?d), "en") || !REGEX(STR(?d), '^[A-Z"].*[.]$', "s")) }""",
    )


def duplicate_labels(graph: Graph) -> list[tuple]:
    """Two terms with the same rdfs:label (ROBOT duplicate_label)."""
    return select(
        graph,
        """
        SELECT ?a ?b ?label WHERE {
          ?a rdfs:label ?label . ?b rdfs:label ?label .
          FILTER(STR(?a) < STR(?b))
        }""",
    )


def missing_domain_or_range(graph: Graph) -> list[tuple]:
    """pg: properties without rdfs:domain or rdfs:range (OOPS! P11)."""
    return select(
        graph,
        """
        SELECT ?p WHERE {
          ?p a ?kind . VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty }
          FILTER(STRSTARTS(STR(?p), STR(pg:)))
          FILTER(NOT EXISTS { ?p rdfs:domain ?d } || NOT EXISTS { ?p rdfs:range ?r })
        }""",
    )


def hierarchy_cycles(graph: Graph) -> list[tuple]:
    """pg: classes or properties that are their own ancestors (OOPS! P24)."""
    return select(
        graph,
        """
        SELECT DISTINCT ?term WHERE {
          { ?term rdfs:subClassOf+ ?term } UNION { ?term rdfs:subPropertyOf+ ?term }
          FILTER(STRSTARTS(STR(?term), STR(pg:)))
        }""",
    )


def recursive_definitions(graph: Graph) -> list[tuple]:
    """Defined classes whose definition mentions the class itself (OOPS! P24)."""
    return select(
        graph,
        """
        SELECT DISTINCT ?class WHERE {
          ?class owl:equivalentClass ?definition .
          ?definition (!rdf:nil)* ?class .
        }""",
    )


def unconnected_classes(graph: Graph) -> list[tuple]:
    """pg: classes tied to nothing: no superclass, definition, subclass or use as domain or range (OOPS! P04)."""
    return select(
        graph,
        f"""
        SELECT ?term WHERE {{
          {PG_TERMS} FILTER(?kind = owl:Class)
          FILTER NOT EXISTS {{ ?term rdfs:subClassOf|owl:equivalentClass ?other }}
          FILTER NOT EXISTS {{ ?other rdfs:subClassOf|rdfs:domain|rdfs:range|owl:someValuesFrom|rdf:first ?term }}
        }}""",
    )


def terms_minted_in_foreign_namespaces(graph: Graph) -> list[tuple]:
    """Foreign terms (prov:, schema:, …) that the ontology describes instead of merely declaring."""
    declarations = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual}
    return sorted(
        (str(s), str(p), str(o))
        for s, p, o in graph
        if isinstance(s, URIRef)
        and any(str(s).startswith(ns) for ns in FOREIGN_NAMESPACES.values())
        and not (p == RDF.type and o in declarations)
    )


def header_problems(graph: Graph) -> list[str]:
    """Header annotations that are missing or repeated."""
    return [
        f"{name}: {len(list(graph.objects(ONTOLOGY_IRI, p)))} values"
        for name, p in HEADER.items()
        if len(list(graph.objects(ONTOLOGY_IRI, p))) != 1
    ]


CHECKS = [
    missing_label_or_definition,
    badly_written_definitions,
    duplicate_labels,
    missing_domain_or_range,
    hierarchy_cycles,
    recursive_definitions,
    unconnected_classes,
    terms_minted_in_foreign_namespaces,
    header_problems,
]


def test_pg_terms_exist(graph: Graph) -> None:
    assert len(select(graph, f"SELECT DISTINCT ?term WHERE {{ {PG_TERMS} }}")) > 50


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_ontology_passes(check, graph: Graph) -> None:
    assert check(graph) == []


def _with(graph: Graph, turtle: str) -> Graph:
    """A copy of the ontology with ``turtle`` added."""
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    prefixes = PREFIXES.replace("PREFIX", "@prefix").replace(">\n", "> .\n")
    return copy.parse(data=prefixes + "@prefix prov: <http://www.w3.org/ns/prov#> .\n" + turtle, format="turtle")


@pytest.mark.parametrize(
    ("check", "defect", "reported"),
    [
        (missing_label_or_definition, "pg:Treaty a owl:Class ; rdfs:subClassOf pg:Agreement .", "Treaty"),
        (
            missing_label_or_definition,
            'pg:Treaty a owl:Class ; rdfs:subClassOf pg:Agreement ; rdfs:label "treaty"@en .',
            "Treaty",
        ),
        (badly_written_definitions, 'pg:Meeting skos:definition "no capital, no stop"@en .', "no capital"),
        (duplicate_labels, 'pg:Summit2 a owl:Class ; rdfs:label "summit"@en .', "Summit2"),
        (missing_domain_or_range, "pg:venue a owl:ObjectProperty ; rdfs:domain pg:Meeting .", "venue"),
        (hierarchy_cycles, "pg:Agent rdfs:subClassOf pg:Person .", "Agent"),
        (
            recursive_definitions,
            "pg:Talks owl:equivalentClass [ owl:intersectionOf ( pg:Meeting pg:Talks ) ] .",
            "Talks",
        ),
        (unconnected_classes, 'pg:Orphan a owl:Class ; rdfs:label "orphan"@en .', "Orphan"),
        (terms_minted_in_foreign_namespaces, 'prov:Treaty rdfs:label "treaty"@en .', "prov#Treaty"),
        (header_problems, '<https://w3id.org/pactgraph/ontology> dcterms:creator "someone else" .', "creator"),
    ],
)
def test_check_reports_an_injected_defect(graph: Graph, check, defect: str, reported: str) -> None:
    """The hygiene checks can fail: each reports a defect injected into a copy of the ontology."""
    defect = "@prefix dcterms: <http://purl.org/dc/terms/> .\n" + defect
    problems = check(_with(graph, defect))
    assert any(reported in str(problem) for problem in problems), problems


def test_naming_conventions(graph: Graph) -> None:
    rows = select(graph, f"SELECT DISTINCT ?term ?kind WHERE {{ {PG_TERMS} }}")
    bad = []
    for term, kind in rows:
        local = str(term).removeprefix(str(PG))
        pattern = r"[A-Z][A-Za-z0-9]*" if kind == OWL.Class else r"[a-z][A-Za-z0-9]*"
        if not re.fullmatch(pattern, local):
            bad.append(local)
    assert bad == []


def test_labels_are_lower_case(graph: Graph) -> None:
    """Labels are common nouns in lower case ("ministerial meeting"); proper names are not terms."""
    bad = [(s, label) for s, label in graph.subject_objects(RDFS.label) if str(label) != str(label).lower()]
    assert bad == []


def test_property_kinds_are_declared(graph: Graph) -> None:
    """Every pg: property is exactly one of object / datatype property (OWL 2 DL)."""
    rows = select(
        graph,
        """
        SELECT ?p (COUNT(DISTINCT ?kind) AS ?n) WHERE {
          ?p a ?kind . VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty
                                       owl:AnnotationProperty }
        } GROUP BY ?p HAVING (COUNT(DISTINCT ?kind) > 1)""",
    )
    assert rows == []


def test_subclass_and_subproperty_targets_are_declared(graph: Graph) -> None:
    bad = select(
        graph,
        """
        SELECT ?s ?o WHERE {
          { ?s rdfs:subClassOf ?o . FILTER(isIRI(?o)) FILTER NOT EXISTS { ?o a owl:Class } }
          UNION
          { ?s rdfs:subPropertyOf ?o .
            FILTER NOT EXISTS { ?o a ?k .
              VALUES ?k { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty } } }
        }""",
    )
    assert bad == []


def test_header_metadata(graph: Graph) -> None:
    def one(p: URIRef):
        values = list(graph.objects(ONTOLOGY_IRI, p))
        assert len(values) == 1, f"{p}: {values}"
        return values[0]

    assert one(DCTERMS.title).language == "en"
    assert one(DCTERMS.description).language == "en"
    assert one(DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(one(DCTERMS.creator)) == "pactgraph developers"
    assert one(DCTERMS.created) == Literal("2026-11-23", datatype=XSD.date)
    assert one(OWL.versionIRI) == URIRef("https://w3id.org/pactgraph/ontology/0.1.0")
    assert str(one(OWL.versionInfo)) == "0.1.0"
    assert str(one(VANN.preferredNamespacePrefix)) == "pg"
    assert str(one(VANN.preferredNamespaceUri)) == str(PG)


def test_defined_classes_are_defined_by_the_ontology(graph: Graph) -> None:
    """The classes `pactgraph reason` infers are exactly the ontology's pg: defined classes."""
    defined = {str(c).removeprefix(str(PG)) for c in graph.subjects(OWL.equivalentClass, None)}
    assert defined == {
        "BilateralMeeting",
        "MultilateralMeeting",
        "BilateralAgreement",
        "MultilateralAgreement",
        "EnergyAgreement",
        "RenewableCapacity",
        "StateActor",
    }


def test_concepts_are_well_formed(graph: Graph) -> None:
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == 14 + 8 + 5 + 4
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    problems = []
    for c in concepts:
        pref = list(graph.objects(c, SKOS.prefLabel))
        if len(pref) != 1 or pref[0].language != "en" or str(pref[0]) != str(pref[0]).lower():
            problems.append((c, "prefLabel", pref))
        defs = list(graph.objects(c, SKOS.definition))
        if len(defs) != 1:
            problems.append((c, "definition", defs))
        in_scheme = set(graph.objects(c, SKOS.inScheme))
        if len(in_scheme) != 1 or not in_scheme <= schemes:
            problems.append((c, "inScheme", in_scheme))
        if (c, RDF.type, OWL.NamedIndividual) not in graph:
            problems.append((c, "NamedIndividual", None))
        for broader in graph.objects(c, SKOS.broader):
            if broader not in concepts or set(graph.objects(broader, SKOS.inScheme)) != in_scheme:
                problems.append((c, "broader", broader))
        is_top = any(graph.subjects(SKOS.hasTopConcept, c))
        if is_top == any(graph.objects(c, SKOS.broader)):
            problems.append((c, "top concept iff no broader", is_top))
    assert problems == []


def test_pref_labels_follow_slugs(graph: Graph) -> None:
    """The prefLabel is the concept's slug with hyphens read as spaces ("all-round" keeps its)."""
    bad = []
    for c in graph.subjects(RDF.type, SKOS.Concept):
        slug = str(c).rstrip("/").rsplit("/", 1)[1]
        label = str(graph.value(c, SKOS.prefLabel))
        if label.replace("-", " ") != slug.replace("-", " "):
            bad.append((slug, label))
    assert bad == []


def test_pref_labels_unique_within_scheme(graph: Graph) -> None:
    bad = select(
        graph,
        """
        SELECT ?a ?b WHERE {
          ?a skos:inScheme ?s ; skos:prefLabel ?l . ?b skos:inScheme ?s ; skos:prefLabel ?l .
          FILTER(STR(?a) < STR(?b))
        }""",
    )
    assert bad == []


@pytest.mark.parametrize(
    ("concept", "label", "broader"),
    [
        ("tech:offshore-wind", "offshore wind", "tech:wind"),
        ("tech:onshore-wind", "onshore wind", "tech:wind"),
        ("tech:floating-solar", "floating solar", "tech:solar"),
        ("tech:green-hydrogen", "green hydrogen", None),
        ("akind:memorandum-of-understanding", "memorandum of understanding", None),
        ("akind:agreement", "agreement", None),
        ("pkind:comprehensive-strategic-partnership", "comprehensive strategic partnership", None),
        ("status:under-construction", "under construction", None),
    ],
)
def test_concept_labels_and_broader(graph: Graph, concept: str, label: str, broader) -> None:
    def expand(curie: str) -> URIRef:
        prefix, local = curie.split(":", 1)
        return URIRef(OWN_PREFIXES[prefix] + local)

    c = expand(concept)
    assert graph.value(c, SKOS.prefLabel) == Literal(label, lang="en")
    assert set(graph.objects(c, SKOS.broader)) == ({expand(broader)} if broader else set())


def test_disjointness_axioms_present(graph: Graph) -> None:
    assert (PG.Person, OWL.disjointWith, PG.Organization) in graph
    assert (PG.Person, OWL.disjointWith, PG.Place) in graph
    members = set()
    for node in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members |= set(graph.items(graph.value(node, OWL.members)))
    assert {PG.Agreement, PG.Meeting, PG.Partnership, PG.Post, PG.Agent} <= members
    meeting_kinds = set(graph.subjects(RDFS.subClassOf, PG.Meeting))
    assert not any((a, OWL.disjointWith, b) in graph for a in meeting_kinds for b in meeting_kinds)


# --- 4. coverage of docs/data-model.md ---------------------------------------------------------

CURIE = re.compile(r"\b(pg|tech|akind|pkind|status):([A-Za-z][A-Za-z0-9_-]*)")


SLUG = re.compile(r"[a-z][a-z0-9-]*")


def doc_terms() -> set[URIRef]:
    """Terms named in the doc: backticked CURIEs, plus the bare backticked concept slugs listed
    in a "Concept schemes" bullet that starts with `` `tech:` `` (etc.)."""
    text = DATA_MODEL.read_text(encoding="utf-8")
    terms = set()
    for code in re.findall(r"`([^`]+)`", text):
        for prefix, local in CURIE.findall(code):
            terms.add(URIRef(OWN_PREFIXES[prefix] + local))
    schemes = text.split("## Concept schemes", 1)[1].split("\n## ", 1)[0]
    for bullet in re.split(r"\n- ", schemes)[1:]:
        head = re.match(r"`(\w+):`", bullet)
        if head is None or head.group(1) not in OWN_PREFIXES:
            continue
        for code in re.findall(r"`([^`]+)`", bullet):
            if SLUG.fullmatch(code):
                terms.add(URIRef(OWN_PREFIXES[head.group(1)] + code))
    return terms


def test_doc_names_terms() -> None:
    terms = doc_terms()
    # 14 technologies, 8 agreement kinds, 5 partnership kinds, 4 statuses, 4 schemes
    concepts = {t for t in terms if not t.startswith(str(PG))}
    assert len(concepts) == 14 + 8 + 5 + 4
    assert PG.TechnologyScheme in terms
    assert len(terms) > 80


def test_every_documented_term_is_defined(graph: Graph) -> None:
    defined = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    missing = sorted(str(t) for t in doc_terms() - defined)
    assert missing == []
