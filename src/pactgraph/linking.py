"""`pactgraph link`: find Wikidata items for the entities no curated link covers.

For each batch of entity labels one SPARQL query (``VALUES``) asks the endpoint for items whose
English ``rdfs:label`` or ``skos:altLabel`` is the label and whose type (``wdt:P31/wdt:P279*``) is
human (Q5), country (Q6256), city (Q515) or organization (Q43229). Each candidate is scored:

    exact English label 0.5 (an alias only: 0.3) + the entity's type 0.3
    + a country (wdt:P17 / wdt:P27) among those of the countries mentioned with it 0.2

and accepted at ``ACCEPT_SCORE`` (0.8) or more when no other candidate of the entity scores as
much; everything else is written for review to the candidates file. Accepted links go to the
machine links file (``data/links-auto.csv``, the links file format) that ``build`` reads into
``id:graph/links-auto``. Public endpoints are treated politely: a descriptive User-Agent, batched
queries, a timeout, bounded retries that wait out HTTP 429, 502 and 503 (Retry-After, else backoff), and
an on-disk cache so a repeated run does not query again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .links import COLUMNS, WIKIDATA, Links
from .queries import QueryResult, result_from_sparql_json, run_query
from .remote import DEFAULT_TIMEOUT_S, remote_query
from .store import load_graph, write_atomic

__all__ = ["ACCEPT_SCORE", "DEFAULT_ENDPOINT", "LINKER", "USER_AGENT", "Candidate", "LinkReport", "find_links"]

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = f"pactgraph/{__version__} (entity linking; https://w3id.org/pactgraph)"
LINKER = "pactgraph link"
ACCEPT_SCORE = 0.8
BATCH_SIZE = 50
RETRIES = 3
CANDIDATE_COLUMNS = ("entity", "label", "type", "wikidata", "wikidata_label", "description", "score", "reasons")
#: The Wikidata classes an entity of each pactgraph type must be an instance of.
_EXPECTED_TYPES = {
    "Person": "Q5",
    "Country": "Q6256",
    "Place": "Q515",
    "Organization": "Q43229",
    "GovernmentBody": "Q43229",
    "Company": "Q43229",
}
_ENTITIES = """
PREFIX pg: <https://w3id.org/pactgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?entity ?class ?label ?country WHERE {
  ?entity a ?class ; rdfs:label ?label ; pg:mentionedIn ?article .
  FILTER (STRSTARTS(STR(?class), "https://w3id.org/pactgraph/ontology#"))
  OPTIONAL { ?country a pg:Country ; pg:mentionedIn ?article . FILTER (?country != ?entity) }
}
"""


@dataclass(frozen=True)
class Candidate:
    """A Wikidata item that may be the entity, with its score and why."""

    entity: str
    label: str
    type: str
    wikidata: str
    wikidata_label: str
    description: str
    score: float
    reasons: str


@dataclass
class LinkReport:
    """What a run found: accepted links, candidates for review, queries sent and answered from cache."""

    accepted: list[Candidate] = field(default_factory=list)
    review: list[Candidate] = field(default_factory=list)
    entities: int = 0
    queries: int = 0
    cached: int = 0

    def __str__(self) -> str:
        """One line for the terminal."""
        reviewed = len({c.entity for c in self.review})
        return (
            f"linked {len(self.accepted)} of {self.entities} entities without a curated link; "
            f"{reviewed} to review ({len(self.review)} candidates); "
            f"{self.queries} quer{'y' if self.queries == 1 else 'ies'} sent, {self.cached} answered from the cache"
        )


def _batch_query(labels: list[str]) -> str:
    """One SPARQL query for the items named by any of ``labels``, with their types and countries."""
    values = " ".join(json.dumps(label, ensure_ascii=False) + "@en" for label in labels)
    types = " ".join(f"wd:{qid}" for qid in sorted(set(_EXPECTED_TYPES.values())))
    return f"""PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?name ?item ?itemLabel ?description ?type ?country WHERE {{
  VALUES ?name {{ {values} }}
  VALUES ?type {{ {types} }}
  {{ ?item rdfs:label ?name }} UNION {{ ?item skos:altLabel ?name }}
  ?item wdt:P31/wdt:P279* ?type .
  OPTIONAL {{ ?item rdfs:label ?itemLabel FILTER (LANG(?itemLabel) = "en") }}
  OPTIONAL {{ ?item schema:description ?description FILTER (LANG(?description) = "en") }}
  OPTIONAL {{ ?item wdt:P17|wdt:P27 ?country }}
}}"""


class PoliteClient:
    """Sends queries with bounded retries (``remote_query``) and keeps every answer in an on-disk cache."""

    def __init__(
        self,
        endpoint: str,
        cache: Path | None,
        *,
        timeout: float,
        retries: int,
        backoff_s: float,
    ) -> None:
        self.endpoint, self.cache, self.timeout = endpoint, cache, timeout
        self.retries, self.backoff_s = retries, backoff_s
        self.queries = self.cached = 0

    def select(self, query: str) -> QueryResult:
        key = hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest()
        path = self.cache / f"{key}.json" if self.cache is not None else None
        if path is not None and path.is_file():
            self.cached += 1
            return result_from_sparql_json(json.loads(path.read_text(encoding="utf-8")))
        self.queries += 1
        result = remote_query(
            self.endpoint, query, timeout=self.timeout, retries=self.retries, backoff_s=self.backoff_s, agent=USER_AGENT
        )
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps(_as_sparql_json(result), sort_keys=True).encode())
        return result


def _as_sparql_json(result: QueryResult) -> dict:
    """Cache form of a result: SPARQL JSON with plain literals and IRIs (all this module reads)."""

    def term(value: str) -> dict:
        return {"type": "uri" if value.startswith(("http://", "https://")) else "literal", "value": value}

    bindings = [{c: term(v) for c, v in zip(result.columns, row, strict=True) if v is not None} for row in result.rows]
    return {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}


def _qid(iri: str | None) -> str:
    return iri[len(WIKIDATA) :] if iri and iri.startswith(WIKIDATA) else ""


def find_links(
    graphs: list[Path],
    curated: Links | None,
    *,
    endpoint: str = DEFAULT_ENDPOINT,
    cache: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    batch_size: int = BATCH_SIZE,
    retries: int = RETRIES,
    backoff_s: float = 1.0,
) -> LinkReport:
    """Candidates for every entity of ``graphs`` that ``curated`` does not link, scored and split
    into accepted and to review. Nothing is written but the cache."""
    store = load_graph(graphs, with_ontology=False)
    rows = run_query(store, _ENTITIES).rows
    curated_links = {link.entity: link for link in curated.links} if curated is not None else {}
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    countries: dict[str, set[str]] = defaultdict(set)
    for entity, cls, label, country in rows:
        kind = cls.rsplit("#", 1)[1]
        if kind in _EXPECTED_TYPES and entity not in curated_links:
            kinds[entity], labels[entity] = kind, label
            if country in curated_links and curated_links[country].wikidata:
                countries[entity].add(curated_links[country].wikidata)
    report = LinkReport(entities=len(labels))
    client = PoliteClient(endpoint, cache, timeout=timeout, retries=retries, backoff_s=backoff_s)
    names = sorted(set(labels.values()))
    answers: dict[str, dict[str, dict]] = defaultdict(dict)
    for start in range(0, len(names), batch_size):
        result = client.select(_batch_query(names[start : start + batch_size]))
        for name, item, item_label, description, wd_type, country in result.rows:
            blank = {"label": item_label or "", "description": description or "", "types": set(), "countries": set()}
            found = answers[name].setdefault(_qid(item), blank)
            found["types"].add(_qid(wd_type))
            if country:
                found["countries"].add(_qid(country))
    report.queries, report.cached = client.queries, client.cached
    for entity in sorted(labels):
        label, kind = labels[entity], kinds[entity]
        scored = [_score(entity, label, kind, qid, found, countries[entity]) for qid, found in answers[label].items()]
        scored.sort(key=lambda c: (-c.score, c.wikidata))
        if not scored:
            continue
        best = scored[0]
        if best.score >= ACCEPT_SCORE and (len(scored) == 1 or scored[1].score < best.score):
            report.accepted.append(best)
        else:
            report.review.extend(scored)
    return report


def _score(entity: str, label: str, kind: str, qid: str, found: dict, countries: set[str]) -> Candidate:
    """Score one candidate item (see the module docstring)."""
    score, reasons = (0.5, ["exact label"]) if found["label"] == label else (0.3, ["alias"])
    if _EXPECTED_TYPES[kind] in found["types"]:
        score += 0.3
        reasons.append(f"type {_EXPECTED_TYPES[kind]}")
    shared = sorted(found["countries"] & countries)
    if shared:
        score += 0.2
        reasons.append(f"country {' '.join(shared)}")
    reason = "; ".join(reasons)
    return Candidate(entity, label, kind, qid, found["label"], found["description"], round(score, 2), reason)


def links_csv(accepted: list[Candidate], endpoint: str) -> bytes:
    """The machine links file: the links file format, curator the linker, source the endpoint."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in accepted:
        evidence = f"score {c.score:g}: {c.reasons}"
        writer.writerow([c.entity, c.label, c.wikidata, "", "", "", "", LINKER, endpoint, evidence])
    return out.getvalue().encode()


def candidates_csv(review: list[Candidate]) -> bytes:
    """The candidates to review, best first per entity."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CANDIDATE_COLUMNS)
    for c in review:
        score = f"{c.score:g}"
        writer.writerow([c.entity, c.label, c.type, c.wikidata, c.wikidata_label, c.description, score, c.reasons])
    return out.getvalue().encode()
