"""Namespaces and IRI minting. IRIs are deterministic: the same normalised name gives the same IRI
in every run and every article, which is how entities merge across articles."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pyoxigraph as ox

PG = "https://w3id.org/pactgraph/ontology#"
ID = "https://w3id.org/pactgraph/id/"
VOCAB = "https://w3id.org/pactgraph/vocab/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
QUDT = "http://qudt.org/schema/qudt/"
UNIT = "http://qudt.org/vocab/unit/"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
OWL = "http://www.w3.org/2002/07/owl#"


def slug(text: str) -> str:
    """ASCII-folded, lower-case, hyphen-separated.

    >>> slug("Türkiye's Ministry of Energy")
    'turkiye-s-ministry-of-energy'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


def digest(*parts: str) -> str:
    """A short stable hash of parts, for facts whose natural key is long."""
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


def pg(name: str) -> ox.NamedNode:
    return ox.NamedNode(PG + name)


def iri(*path: str) -> ox.NamedNode:
    """An individual under ``id:``: ``iri("person", "parviz-shahbazov")``."""
    return ox.NamedNode(ID + "/".join(path))


def concept(scheme: str, label: str) -> ox.NamedNode:
    """A concept of one of the ontology's SKOS schemes, from its prefLabel."""
    return ox.NamedNode(f"{VOCAB}{scheme}/{slug(label)}")
