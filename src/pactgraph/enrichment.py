"""`pactgraph enrich`: a few documented Wikidata facts about the linked entities, kept apart.

For every entity with a Wikidata link (curated, or found by `pactgraph link`), one batched query
fetches five properties and maps them onto terms pactgraph already uses:

    P297 ISO 3166-1 alpha-2 code  → pg:countryCode
    P625 coordinate location      → schema:latitude, schema:longitude (xsd:decimal)
    P17  country                  → pg:inCountry, for places, when that country is linked too
    P856 official website         → schema:url
    P571 inception                → schema:foundingDate (xsd:date)

They land in the named graph ``id:graph/enrichment``, a ``prov:Entity`` attributed to the software
agent ``id:agent/pactgraph-enrich``, with ``dcterms:source`` the endpoint and ``dcterms:date`` the
retrieval date, so they never mix with what the articles say.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pyoxigraph as ox

from .linking import DEFAULT_ENDPOINT, PoliteClient
from .links import WIKIDATA, Links
from .remote import DEFAULT_TIMEOUT_S
from .triples import LABEL, A
from .vocab import DCTERMS, PROV, SCHEMA, XSD, iri, pg

__all__ = ["ENRICHER", "ENRICHMENT_GRAPH", "PROPERTIES", "enrich"]

ENRICHMENT_GRAPH = iri("graph", "enrichment")
ENRICHER = iri("agent", "pactgraph-enrich")
#: The Wikidata properties fetched, and what each means.
PROPERTIES = {
    "P297": "ISO 3166-1 alpha-2 code",
    "P625": "coordinate location",
    "P17": "country",
    "P856": "official website",
    "P571": "inception",
}
_POINT = re.compile(r"^\s*(?:<[^>]*>\s*)?Point\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)\s*$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _query(qids: list[str]) -> str:
    values = " ".join(f"wd:{qid}" for qid in qids)
    branches = " UNION ".join(
        f'{{ ?item wdt:{p} ?value BIND ("{p}" AS ?property) }}' for p in sorted(PROPERTIES, key=lambda p: int(p[1:]))
    )
    return f"""PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT DISTINCT ?item ?property ?value WHERE {{
  VALUES ?item {{ {values} }}
  {branches}
}}"""


def enrich(
    links: list[Links],
    *,
    endpoint: str = DEFAULT_ENDPOINT,
    cache: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = 3,
    retrieved: dt.date,
) -> list[ox.Quad]:
    """The enrichment graph of the Wikidata-linked entities of ``links`` (curated first: an entity
    a curated file links is not taken from a machine one)."""
    entity_of: dict[str, str] = {}
    for each in sorted(links, key=lambda each: each.machine):
        for link in each.links:
            if link.wikidata and link.entity not in entity_of.values():
                entity_of.setdefault(link.wikidata, link.entity)
    if not entity_of:
        return []
    client = PoliteClient(endpoint, cache, timeout=timeout, retries=retries, backoff_s=1.0)
    result = client.select(_query(sorted(entity_of, key=lambda q: int(q[1:]))))
    quads: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, p, o, ENRICHMENT_GRAPH))

    for item, prop, value in result.rows:
        entity = entity_of.get(item[len(WIKIDATA) :]) if item and value else None
        if entity is None:
            continue
        node = ox.NamedNode(entity)
        if prop == "P297":
            add(node, pg("countryCode"), ox.Literal(value))
        elif prop == "P625" and (point := _POINT.match(value)):
            longitude, latitude = point.groups()
            add(node, ox.NamedNode(SCHEMA + "latitude"), ox.Literal(latitude, datatype=ox.NamedNode(XSD + "decimal")))
            add(node, ox.NamedNode(SCHEMA + "longitude"), ox.Literal(longitude, datatype=ox.NamedNode(XSD + "decimal")))
        elif prop == "P17" and "/place/" in entity and value.startswith(WIKIDATA):
            country = entity_of.get(value[len(WIKIDATA) :])
            if country is not None and "/country/" in country:
                add(node, pg("inCountry"), ox.NamedNode(country))
        elif prop == "P856" and value.startswith(("http://", "https://")):
            add(node, ox.NamedNode(SCHEMA + "url"), ox.NamedNode(value))
        elif prop == "P571" and (day := _DATE.match(value)):
            add(node, ox.NamedNode(SCHEMA + "foundingDate"), ox.Literal(day[1], datatype=ox.NamedNode(XSD + "date")))
    if not quads:
        return []
    add(ENRICHMENT_GRAPH, A, ox.NamedNode(PROV + "Entity"))
    add(ENRICHMENT_GRAPH, LABEL, ox.Literal("facts about linked entities from Wikidata"))
    add(ENRICHMENT_GRAPH, ox.NamedNode(PROV + "wasAttributedTo"), ENRICHER)
    add(ENRICHMENT_GRAPH, ox.NamedNode(DCTERMS + "source"), ox.Literal(endpoint))
    add(
        ENRICHMENT_GRAPH,
        ox.NamedNode(DCTERMS + "date"),
        ox.Literal(retrieved.isoformat(), datatype=ox.NamedNode(XSD + "date")),
    )
    add(ENRICHER, A, ox.NamedNode(PROV + "SoftwareAgent"))
    add(ENRICHER, LABEL, ox.Literal("pactgraph enrich"))
    return sorted(set(quads), key=str)
