"""What the web pages show, read from the store with SPARQL (never from the extractor).

Every function takes a pyoxigraph store whose default graph is the union of its graphs (what
``store.load_graph``, ``store.open_store`` and ``serve`` prepare) and returns plain values (dicts,
lists, strings) sorted so that the same graph always gives the same pages.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from pactgraph.store import compact_iri
from pactgraph.vocab import DCTERMS, ID, PG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME

__all__ = [
    "CATEGORIES",
    "Data",
    "compact",
    "description",
]

_PROLOGUE = f"""PREFIX pg: <{PG}>
PREFIX rdf: <{RDF}>
PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
PREFIX prov: <{PROV}>
PREFIX time: <{TIME}>
PREFIX dcterms: <{DCTERMS}>
PREFIX schema: <{SCHEMA}>
PREFIX qudt: <http://qudt.org/schema/qudt/>
"""

#: The kinds of facts the timeline and the network show: top class → (category, property of agents).
CATEGORIES = {
    "meeting": (PG + "Meeting", PG + "participant"),
    "agreement": (PG + "Agreement", PG + "party"),
    "partnership": (PG + "Partnership", PG + "partner"),
}
_LABEL = ox.NamedNode(RDFS + "label")
_PREF_LABEL = ox.NamedNode(SKOS + "prefLabel")
_TITLE = ox.NamedNode(DCTERMS + "title")
_EXACT_MATCH = SKOS + "exactMatch"
_LINK_SITES = (
    ("Wikidata", "http://www.wikidata.org/entity/"),
    ("DBpedia", "http://dbpedia.org/resource/"),
    ("GeoNames", "https://sws.geonames.org/"),
)
#: In-coming and out-going statements listed on a page at most (the rest are counted).
MAX_STATEMENTS = 500


def compact(iri: str) -> str:
    """An IRI with pactgraph's prefixes (``id:country/azerbaijan``), or as it is."""
    return compact_iri(iri)


def _text(term: object) -> str:
    return term.value if term is not None else ""


def _date_pattern(node: str, var: str) -> str:
    """SPARQL binding ``?var`` to the ISO date (day, month or year) of ``node``'s ``pg:hasTime``."""
    return f"""OPTIONAL {{
    {node} pg:hasTime ?{var}Time .
    OPTIONAL {{ ?{var}Time time:inXSDDate ?{var}Day }}
    OPTIONAL {{ ?{var}Time time:inXSDgYearMonth ?{var}Month }}
    OPTIONAL {{ ?{var}Time time:inXSDgYear ?{var}Year }}
  }}
  BIND (STR(COALESCE(?{var}Day, ?{var}Month, ?{var}Year)) AS ?{var})"""


def description(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The concise bounded description of ``iri`` plus the labels of what it points to.

    The CBD: every statement whose subject is the IRI, and, recursively, every statement about a
    blank node one of them points to. Added: the ``rdfs:label`` and ``skos:prefLabel`` of each IRI
    it points to, so a client can name the objects without a second request. Sorted, distinct.
    """
    default = ox.DefaultGraph()
    triples: set[ox.Triple] = set()
    todo: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(iri)]
    seen: set[ox.NamedNode | ox.BlankNode] = set()
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for quad in store.quads_for_pattern(subject, None, None, default):
            triples.add(quad.triple)
            obj = quad.object
            if isinstance(obj, ox.BlankNode):
                todo.append(obj)
            elif isinstance(obj, ox.NamedNode):
                for label_property in (_LABEL, _PREF_LABEL):
                    for label in store.quads_for_pattern(obj, label_property, None, default):
                        triples.add(label.triple)
    return sorted(triples, key=str)


@dataclass
class Data:
    """Read access to one store for the web pages; results about the whole graph are kept once computed."""

    store: ox.Store
    _cache: dict[str, object] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # -- plumbing -----------------------------------------------------------------------------

    def select(self, body: str) -> list[dict[str, object]]:
        """Rows of a SELECT query (prologue added) as dicts of the bound terms."""
        solutions = self.store.query(_PROLOGUE + body)
        names = [v.value for v in solutions.variables]
        return [{name: solution[name] for name in names if solution[name] is not None} for solution in solutions]

    def _once(self, key: str, compute):
        with self._lock:
            if key not in self._cache:
                self._cache[key] = compute()
            return self._cache[key]

    def exists(self, iri: str) -> bool:
        """True when the graph says something about ``iri`` (it is the subject of a statement)."""
        node = ox.NamedNode(iri)
        return next(self.store.quads_for_pattern(node, None, None, ox.DefaultGraph()), None) is not None

    def label(self, iri: str) -> str:
        """The IRI's ``rdfs:label`` (or ``skos:prefLabel``, or an article's title), else its compact form."""
        node = ox.NamedNode(iri)
        for prop in (_LABEL, _PREF_LABEL, _TITLE):
            names = sorted(q.object.value for q in self.store.quads_for_pattern(node, prop, None, ox.DefaultGraph()))
            if names:
                return names[0]
        return compact(iri)

    # -- the whole graph ----------------------------------------------------------------------

    def subjects(self) -> list[str]:
        """Every IRI under ``id:`` the graph describes, sorted: the pages of the site."""

        def compute() -> list[str]:
            rows = self.select(f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o . FILTER (STRSTARTS(STR(?s), "{ID}")) }}')
            return sorted(row["s"].value for row in rows if isinstance(row["s"], ox.NamedNode))

        return self._once("subjects", compute)

    def counts(self) -> dict[str, int]:
        """How many articles, entities and facts of each kind the graph holds."""

        def compute() -> dict[str, int]:
            counts = {}
            for name, cls in (
                ("articles", "pg:Article"),
                ("people", "pg:Person"),
                ("organisations", "pg:Organization"),
                ("countries", "pg:Country"),
                ("places", "pg:Place"),
                ("meetings", "pg:Meeting"),
                ("agreements", "pg:Agreement"),
                ("partnerships", "pg:Partnership"),
                ("capacities", "pg:GenerationCapacity"),
                ("posts", "pg:Post"),
            ):
                rows = self.select(
                    f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ?c . ?c rdfs:subClassOf* {cls} . "
                    f'FILTER (STRSTARTS(STR(?x), "{ID}")) }}'
                )
                counts[name] = int(rows[0]["n"].value) if rows else 0
            return counts

        return self._once("counts", compute)

    def entities(self) -> list[dict]:
        """People, organisations, countries and places: IRI, label and kind, by kind then label."""

        def compute() -> list[dict]:
            rows = self.select(
                """SELECT DISTINCT ?e ?label ?kind WHERE {
  VALUES (?top ?kind) { (pg:Person "person") (pg:Organization "organisation") (pg:Country "country")
                        (pg:Place "place") }
  ?e a ?class ; rdfs:label ?label .
  ?class rdfs:subClassOf* ?top .
}"""
            )
            order = {"country": 0, "person": 1, "organisation": 2, "place": 3}
            found: dict[str, tuple[str, str]] = {}
            for row in rows:  # a country is a place too: the first kind in `order` wins
                iri, kind, label = row["e"].value, row["kind"].value, row["label"].value
                if iri not in found or (order[kind], label) < (order[found[iri][0]], found[iri][1]):
                    found[iri] = (kind, label)
            items = [{"iri": iri, "label": label, "kind": kind} for iri, (kind, label) in found.items()]
            return sorted(items, key=lambda e: (order[e["kind"]], e["label"].casefold(), e["iri"]))

        return self._once("entities", compute)

    def facts(self) -> list[dict]:
        """Every meeting, agreement and partnership with its date (may be empty), confidence and
        agents, sorted by date, label and IRI."""

        def compute() -> list[dict]:
            items: dict[str, dict] = {}
            for category, (top, _) in CATEGORIES.items():
                rows = self.select(
                    f"""SELECT ?item ?class ?label ?date ?confidence WHERE {{
  ?item a ?class . ?class rdfs:subClassOf* <{top}> .
  FILTER NOT EXISTS {{ ?item a ?narrower . ?narrower rdfs:subClassOf+ ?class . FILTER (?narrower != ?class) }}
  OPTIONAL {{ ?item rdfs:label ?label }}
  OPTIONAL {{ ?item pg:confidence ?confidence }}
  {_date_pattern("?item", "date")}
}}"""
                )
                for row in rows:
                    iri = row["item"].value
                    item = items.setdefault(
                        iri,
                        {
                            "iri": iri,
                            "category": category,
                            "type": "",
                            "label": _text(row.get("label")) or compact(iri),
                            "date": _text(row.get("date")),
                            "confidence": "",
                            "agents": [],
                        },
                    )
                    kind = row["class"].value.rsplit("#", 1)[-1]
                    item["type"] = min(filter(None, [item["type"], kind]))
                    item["confidence"] = max(item["confidence"], _text(row.get("confidence")))
            agents = self.select(
                """SELECT DISTINCT ?item ?agent ?label WHERE {
  ?item pg:participant|pg:party|pg:partner ?agent .
  OPTIONAL { ?agent rdfs:label ?label }
}"""
            )
            for row in agents:
                item = items.get(row["item"].value)
                if item is not None:
                    iri = row["agent"].value
                    item["agents"].append({"iri": iri, "label": _text(row.get("label")) or compact(iri)})
            for item in items.values():
                item["agents"].sort(key=lambda a: (a["label"].casefold(), a["iri"]))
            return sorted(items.values(), key=lambda i: (i["date"] or "9999", i["label"].casefold(), i["iri"]))

        return self._once("facts", compute)

    def capacities(self) -> list[dict]:
        """Every generation capacity: MW, technologies, status, place, project, confidence."""

        def compute() -> list[dict]:
            rows = self.select(
                """SELECT ?c ?mw ?tech ?status ?place ?placeLabel ?project ?projectLabel ?confidence WHERE {
  ?c a pg:GenerationCapacity .
  OPTIONAL { ?c qudt:numericValue ?mw }
  OPTIONAL { ?c pg:technology/skos:prefLabel ?tech . FILTER (LANG(?tech) IN ("en", "")) }
  OPTIONAL { ?c pg:status/skos:prefLabel ?status . FILTER (LANG(?status) IN ("en", "")) }
  OPTIONAL { ?c pg:location ?place . OPTIONAL { ?place rdfs:label ?placeLabel } }
  OPTIONAL { ?project pg:hasCapacity ?c . OPTIONAL { ?project rdfs:label ?projectLabel } }
  OPTIONAL { ?c pg:confidence ?confidence }
}"""
            )
            items: dict[str, dict] = {}
            for row in rows:
                iri = row["c"].value
                item = items.setdefault(
                    iri,
                    {
                        "iri": iri,
                        "mw": _text(row.get("mw")),
                        "technologies": [],
                        "status": _text(row.get("status")) or "unknown",
                        "place": None,
                        "project": None,
                        "confidence": _text(row.get("confidence")),
                    },
                )
                tech = _text(row.get("tech"))
                if tech and tech not in item["technologies"]:
                    item["technologies"].append(tech)
                if "place" in row:
                    item["place"] = {"iri": row["place"].value, "label": _text(row.get("placeLabel"))}
                if "project" in row:
                    item["project"] = {"iri": row["project"].value, "label": _text(row.get("projectLabel"))}
            for item in items.values():
                item["technologies"].sort()
                item["technologies"] = item["technologies"] or ["unspecified"]
            return sorted(items.values(), key=lambda c: (-_mw(c["mw"]), c["iri"]))

        return self._once("capacities", compute)

    # -- one IRI ------------------------------------------------------------------------------

    def resource(self, iri: str) -> dict:
        """What an entity or fact page shows: names, types, links, facts with their sources,
        provenance (for a fact), and its statements in both directions."""
        node = f"<{iri}>"
        names = self.select(
            "SELECT DISTINCT ?p ?name WHERE { VALUES ?p { rdfs:label skos:altLabel skos:prefLabel } "
            f"{node} ?p ?name }}"
        )
        labels = sorted({r["name"].value for r in names if r["p"].value != SKOS + "altLabel"})
        other = sorted({r["name"].value for r in names if r["p"].value == SKOS + "altLabel"} - set(labels))
        types = self.select(f"SELECT DISTINCT ?t ?label WHERE {{ {node} a ?t . OPTIONAL {{ ?t rdfs:label ?label }} }}")
        links = []
        for row in self.select(f"SELECT DISTINCT ?o WHERE {{ {node} <{_EXACT_MATCH}> ?o }}"):
            target = row["o"].value
            site = next((name for name, prefix in _LINK_SITES if target.startswith(prefix)), "other")
            links.append({"site": site, "iri": target})
        facts = self._facts_about(iri)
        own = self._provenance([iri]).get(iri) if self._is_fact(iri) else None
        quote = self._quote(iri)
        label = labels[0] if labels else compact(iri)
        if quote is not None and not labels:
            label = f"Sentence {_sentence_order(iri) + 1} of “{quote['title']}”"
        return {
            "iri": iri,
            "label": label,
            "quote": quote,
            "names": labels[1:] + other,
            "types": sorted(
                ({"iri": r["t"].value, "label": _text(r.get("label")) or compact(r["t"].value)} for r in types),
                key=lambda t: (t["label"], t["iri"]),
            ),
            "links": sorted(links, key=lambda link: (link["site"], link["iri"])),
            "facts": facts,
            "provenance": own,
            "out": self._statements(iri, outgoing=True),
            "in": self._statements(iri, outgoing=False),
        }

    def _quote(self, iri: str) -> dict | None:
        """For a sentence: its text and its article (title, URL, source, date); None for anything else."""
        rows = self.select(
            f"""SELECT ?text ?article ?title ?url ?sourceName ?published WHERE {{
  <{iri}> pg:text ?text .
  OPTIONAL {{ <{iri}> pg:partOfArticle ?article .
             OPTIONAL {{ ?article dcterms:title ?title }} OPTIONAL {{ ?article schema:url ?url }}
             OPTIONAL {{ ?article pg:sourceName ?sourceName }}
             OPTIONAL {{ ?article schema:datePublished ?published }} }}
}} ORDER BY ?text LIMIT 1"""
        )
        if not rows:
            return None
        row = rows[0]
        article = _text(row.get("article"))
        return {
            "sentence": "",
            "text": _text(row.get("text")),
            "article": article,
            "title": _text(row.get("title")) or (compact(article) if article else ""),
            "url": _text(row.get("url")),
            "source": _text(row.get("sourceName")),
            "published": _text(row.get("published")),
        }

    def _is_fact(self, iri: str) -> bool:
        node = ox.NamedNode(iri)
        return (
            next(self.store.quads_for_pattern(node, ox.NamedNode(PG + "confidence"), None, ox.DefaultGraph()), None)
            is not None
        )

    def _facts_about(self, iri: str) -> list[dict]:
        """The facts (nodes with a confidence) pointing at the IRI or it points at, with their sources."""
        rows = self.select(
            f"""SELECT DISTINCT ?fact ?p ?class ?classLabel ?label ?date ?confidence WHERE {{
  {{ ?fact ?p <{iri}> }} UNION {{ <{iri}> ?p ?fact }}
  ?fact pg:confidence ?confidence ; a ?class .
  FILTER (STRSTARTS(STR(?class), "{PG}"))
  FILTER NOT EXISTS {{ ?fact a ?narrower . ?narrower rdfs:subClassOf+ ?class . FILTER (?narrower != ?class) }}
  OPTIONAL {{ ?class rdfs:label ?classLabel }}
  OPTIONAL {{ ?fact rdfs:label ?label }}
  {_date_pattern("?fact", "date")}
}}"""
        )
        facts: dict[str, dict] = {}
        for row in rows:
            fact = row["fact"].value
            item = facts.setdefault(
                fact,
                {
                    "iri": fact,
                    "label": _text(row.get("label")) or compact(fact),
                    "kind": _text(row.get("classLabel")) or compact(row["class"].value),
                    "roles": [],
                    "date": _text(row.get("date")),
                    "confidence": _text(row.get("confidence")),
                },
            )
            role = self.property_label(row["p"].value)
            if role not in item["roles"]:
                item["roles"].append(role)
        provenance = self._provenance(list(facts))
        for fact, item in facts.items():
            item["roles"].sort()
            item["sources"] = provenance.get(fact, {}).get("sources", [])
        return sorted(facts.values(), key=lambda f: (f["date"] or "9999", f["kind"], f["label"].casefold(), f["iri"]))

    def _provenance(self, facts: Iterable[str]) -> dict[str, dict]:
        """Per fact: confidence, rule, caveats and the sentences (with their article) it came from."""
        facts = sorted(facts)
        if not facts:
            return {}
        values = " ".join(f"<{f}>" for f in facts)
        rows = self.select(
            f"""SELECT DISTINCT ?fact ?source ?text ?article ?title ?url ?sourceName ?published WHERE {{
  VALUES ?fact {{ {values} }}
  ?fact prov:wasDerivedFrom ?source .
  OPTIONAL {{ ?source pg:text ?text }}
  OPTIONAL {{ ?source pg:partOfArticle ?inArticle }}
  BIND (COALESCE(?inArticle, ?source) AS ?article)
  OPTIONAL {{ ?article dcterms:title ?title }}
  OPTIONAL {{ ?article schema:url ?url }}
  OPTIONAL {{ ?article pg:sourceName ?sourceName }}
  OPTIONAL {{ ?article schema:datePublished ?published }}
}}"""
        )
        out: dict[str, dict] = {f: {"sources": [], "confidence": "", "rule": None, "caveats": []} for f in facts}
        for row in rows:
            out[row["fact"].value]["sources"].append(
                {
                    "sentence": row["source"].value if "text" in row else "",
                    "text": _text(row.get("text")),
                    "article": row["article"].value,
                    "title": _text(row.get("title")) or compact(row["article"].value),
                    "url": _text(row.get("url")),
                    "source": _text(row.get("sourceName")),
                    "published": _text(row.get("published")),
                }
            )
        details = self.select(
            f"""SELECT DISTINCT ?fact ?confidence ?rule ?ruleLabel ?ruleDefinition ?caveat WHERE {{
  VALUES ?fact {{ {values} }}
  OPTIONAL {{ ?fact pg:confidence ?confidence }}
  OPTIONAL {{ ?fact pg:extractionRule ?rule . OPTIONAL {{ ?rule rdfs:label ?ruleLabel }}
             OPTIONAL {{ ?rule skos:definition ?ruleDefinition }} }}
  OPTIONAL {{ ?fact pg:caveat ?caveat }}
}}"""
        )
        for row in details:
            entry = out[row["fact"].value]
            entry["confidence"] = max(entry["confidence"], _text(row.get("confidence")))
            if "rule" in row:
                entry["rule"] = {
                    "iri": row["rule"].value,
                    "label": _text(row.get("ruleLabel")) or compact(row["rule"].value),
                    "definition": _text(row.get("ruleDefinition")),
                }
            caveat = _text(row.get("caveat"))
            if caveat and caveat not in entry["caveats"]:
                entry["caveats"].append(caveat)
        for entry in out.values():
            entry["caveats"].sort()
            entry["sources"].sort(
                key=lambda s: (s["published"], s["title"], s["article"], _sentence_order(s["sentence"]))
            )
        return out

    def property_label(self, iri: str) -> str:
        """A property's label from the ontology (e.g. "participant"), else its compact IRI."""
        labels = self._once(
            "property-labels",
            lambda: {
                row["p"].value: row["label"].value
                for row in self.select(
                    'SELECT ?p ?label WHERE { ?p rdfs:label ?label . FILTER (LANG(?label) IN ("en", "")) '
                    f'FILTER (STRSTARTS(STR(?p), "{PG}")) }}'
                )
            },
        )
        return labels.get(iri) or ("type" if iri == RDF + "type" else compact(iri))

    def _statements(self, iri: str, *, outgoing: bool) -> dict:
        """Statements about (or pointing at) the IRI: property, the other term and its label."""
        node = ox.NamedNode(iri)
        pattern = (node, None, None) if outgoing else (None, None, node)
        quads = self.store.quads_for_pattern(*pattern, ox.DefaultGraph())
        rows = []
        total = 0
        for quad in quads:
            total += 1
            if total > MAX_STATEMENTS:
                continue
            other = quad.object if outgoing else quad.subject
            rows.append(
                {
                    "property": quad.predicate.value,
                    "propertyLabel": self.property_label(quad.predicate.value),
                    "term": _term(other, self.label(other.value) if isinstance(other, ox.NamedNode) else ""),
                }
            )
        rows.sort(key=lambda r: (r["propertyLabel"], r["term"]["text"], r["term"]["value"]))
        return {"rows": rows, "total": total}


def _term(term: object, label: str) -> dict:
    """A term for a template: kind (iri, literal, bnode), value, text to show, datatype or language."""
    if isinstance(term, ox.NamedNode):
        return {"kind": "iri", "value": term.value, "text": label or compact(term.value), "datatype": ""}
    if isinstance(term, ox.Literal):
        extra = f"@{term.language}" if term.language else compact(term.datatype.value)
        return {"kind": "literal", "value": term.value, "text": term.value, "datatype": extra}
    return {"kind": "bnode", "value": str(term), "text": str(term), "datatype": ""}


def _mw(value: str) -> Decimal:
    try:
        return Decimal(value)
    except (InvalidOperation, ValueError):
        return Decimal(0)


def _sentence_order(iri: str) -> int:
    tail = iri.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else -1
