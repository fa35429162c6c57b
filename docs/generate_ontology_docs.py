"""Write docs/ontology.md from ontology/pactgraph.ttl and ontology/shapes.ttl, so the reference
cannot drift from the ontology.

Run: python docs/generate_ontology_docs.py
"""

from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Namespace, URIRef
from rdflib.collection import Collection

from pactgraph.store import PREFIXES as STORE_PREFIXES

ROOT = Path(__file__).resolve().parents[1]
TARGET = Path(__file__).with_name("ontology.md")
ONTOLOGY = ROOT / "ontology" / "pactgraph.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
ONTOLOGY_IRI = URIRef("https://w3id.org/pactgraph/ontology")
PG = "https://w3id.org/pactgraph/ontology#"
DCTERMS = Namespace("http://purl.org/dc/terms/")
SH = Namespace("http://www.w3.org/ns/shacl#")
# the project's prefixes (store.PREFIXES, which the serialized graphs use) and the shapes' own
PREFIXES = {"pgsh": "https://w3id.org/pactgraph/shapes#", **STORE_PREFIXES}


def curie(term) -> str:
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace):
            return f"`{prefix}:{text[len(namespace) :]}`"
    return f"`<{text}>`"


def expression(graph: Graph, node) -> str:
    """A class expression in Manchester-like words."""
    if not isinstance(node, BNode):
        return curie(node)
    for keyword, joiner in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and "), (OWL.oneOf, ", ")):
        members = graph.value(node, keyword)
        if members is not None:
            parts = [expression(graph, m) for m in Collection(graph, members)]
            text = joiner.join(parts)
            return "{" + text + "}" if keyword == OWL.oneOf else f"({text})"
    prop = graph.value(node, OWL.onProperty)
    for keyword, word in (
        (OWL.someValuesFrom, "some"),
        (OWL.cardinality, "exactly"),
        (OWL.minCardinality, "min"),
        (OWL.maxCardinality, "max"),
    ):
        value = graph.value(node, keyword)
        if value is not None:
            filler = expression(graph, value) if keyword == OWL.someValuesFrom else str(value)
            return f"{curie(prop)} {word} {filler}"
    return "(anonymous)"


def cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def own_terms(graph: Graph, kind) -> list[URIRef]:
    return sorted(t for t in graph.subjects(RDF.type, kind) if isinstance(t, URIRef) and str(t).startswith(PG))


def classes_table(graph: Graph) -> list[str]:
    rows = ["| class | label | definition | subclass of / defined as |", "|---|---|---|---|"]
    for term in own_terms(graph, OWL.Class):
        parents = [expression(graph, o) for o in graph.objects(term, RDFS.subClassOf)]
        defined = [f"≡ {expression(graph, o)}" for o in graph.objects(term, OWL.equivalentClass)]
        rows.append(
            f"| {curie(term)} | {graph.value(term, RDFS.label)} | {cell(graph.value(term, SKOS.definition))} "
            f"| {cell(', '.join(sorted(parents) + defined))} |"
        )
    return rows


def properties_table(graph: Graph, kind) -> list[str]:
    rows = ["| property | label | definition | domain | range | characteristics |", "|---|---|---|---|---|---|"]
    for term in own_terms(graph, kind):
        traits = ["functional"] if (term, RDF.type, OWL.FunctionalProperty) in graph else []
        traits += [f"sub-property of {curie(o)}" for o in graph.objects(term, RDFS.subPropertyOf)]
        for chain in graph.objects(term, OWL.propertyChainAxiom):
            traits.append("chain " + " then ".join(curie(p) for p in Collection(graph, chain)))
        domain = expression(graph, graph.value(term, RDFS.domain))
        range_ = expression(graph, graph.value(term, RDFS.range))
        rows.append(
            f"| {curie(term)} | {graph.value(term, RDFS.label)} | {cell(graph.value(term, SKOS.definition))} "
            f"| {domain} | {range_} | {cell('; '.join(traits))} |"
        )
    return rows


def schemes_table(graph: Graph) -> list[str]:
    rows = ["| concept | label | definition | broader |", "|---|---|---|---|"]
    for scheme in sorted(graph.subjects(RDF.type, SKOS.ConceptScheme)):
        rows.append(
            f"| **{curie(scheme)}** | **{graph.value(scheme, SKOS.prefLabel)}** "
            f"| {cell(graph.value(scheme, SKOS.definition))} | |"
        )
        for concept in sorted(graph.subjects(SKOS.inScheme, scheme)):
            broader = ", ".join(curie(b) for b in graph.objects(concept, SKOS.broader))
            rows.append(
                f"| {curie(concept)} | {graph.value(concept, SKOS.prefLabel)} "
                f"| {cell(graph.value(concept, SKOS.definition))} | {broader} |"
            )
    return rows


def shapes_table(shapes: Graph) -> list[str]:
    rows = ["| shape | targets | description | warnings |", "|---|---|---|---|"]
    for shape in sorted(s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)):
        targets = ", ".join(sorted(curie(t) for t in shapes.objects(shape, SH.targetClass))) or "(used by others)"
        warnings = [
            curie(shapes.value(p, SH.path))
            for p in shapes.objects(shape, SH.property)
            if shapes.value(p, SH.severity) == SH.Warning
        ]
        rows.append(
            f"| {curie(shape)} | {targets} | {cell(shapes.value(shape, SH.description))} | {', '.join(warnings)} |"
        )
    return rows


def render() -> str:
    graph = Graph().parse(ONTOLOGY, format="turtle")
    shapes = Graph().parse(SHAPES, format="turtle")
    header = graph.value
    parts = [
        f"# {header(ONTOLOGY_IRI, DCTERMS.title)}",
        "",
        "Generated from `ontology/pactgraph.ttl` and `ontology/shapes.ttl` by `docs/generate_ontology_docs.py`;"
        " do not edit by hand.",
        "",
        cell(header(ONTOLOGY_IRI, DCTERMS.description)),
        "",
        f"- IRI: `{ONTOLOGY_IRI}`, version `{header(ONTOLOGY_IRI, OWL.versionInfo)}`"
        f" (`{header(ONTOLOGY_IRI, OWL.versionIRI)}`)",
        f"- prefix `{header(ONTOLOGY_IRI, URIRef('http://purl.org/vocab/vann/preferredNamespacePrefix'))}:` ="
        f" `{header(ONTOLOGY_IRI, URIRef('http://purl.org/vocab/vann/preferredNamespaceUri'))}`",
        f"- license {header(ONTOLOGY_IRI, DCTERMS.license)}, created {header(ONTOLOGY_IRI, DCTERMS.created)}"
        f" by {header(ONTOLOGY_IRI, DCTERMS.creator)}",
        "",
        "Defined classes (≡) are never asserted by the extractor; `pactgraph reason` infers them"
        " (see [validation-and-reasoning.md](validation-and-reasoning.md)).",
        "",
        "## Classes",
        "",
        *classes_table(graph),
        "",
        "## Object properties",
        "",
        *properties_table(graph, OWL.ObjectProperty),
        "",
        "## Datatype properties",
        "",
        *properties_table(graph, OWL.DatatypeProperty),
        "",
        "## Concept schemes",
        "",
        *schemes_table(graph),
        "",
        "## SHACL shapes",
        "",
        "`pactgraph validate` and `pactgraph build` check the graph against these; a violation fails,"
        " the paths listed under warnings only warn.",
        "",
        *shapes_table(shapes),
    ]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
