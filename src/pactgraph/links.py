"""Curated links from pactgraph entities to open datasets: Wikidata, DBpedia, GeoNames, ISO 3166.

The links file (``data/links.csv`` by default) is a CSV that people edit by hand, one entity per
row; only identifiers someone checked against a source belong in it::

    entity,label,wikidata,wikipedia_en,geonames,iso2,iso3,curator,source,evidence
    id:country/azerbaijan,Azerbaijan,Q227,Azerbaijan,587116,AZ,AZE,pactgraph maintainers,identifiers.csv,…

``build`` writes the links of the entities present in the built graph into the named graph
``id:graph/links`` as ``skos:exactMatch`` (not ``owl:sameAs``: a reasoner would merge our
individuals with Wikidata's and DBpedia's and take on every type and statement those datasets make
about them; ``skos:exactMatch`` says "the same thing" without importing anything). ISO codes are
literals (``pg:countryCode``, ``pg:countryCodeAlpha3``).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     path = Path(d) / "links.csv"
...     _ = path.write_text(HEADER + "\\nid:place/baku,Baku,Q9248,Baku,587084,,,Ann,identifiers.csv,\\n")
...     [(link.entity, link.targets()) for link in load_links(path).links]  # doctest: +NORMALIZE_WHITESPACE
[('https://w3id.org/pactgraph/id/place/baku',
  ['http://www.wikidata.org/entity/Q9248', 'http://dbpedia.org/resource/Baku', 'https://sws.geonames.org/587084/'])]
"""

from __future__ import annotations

import csv
import re
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import LinksError, decode_location
from .triples import LABEL, A
from .vocab import DCTERMS, ID, PROV, SKOS, iri, pg, slug

__all__ = ["AUTO_LINKS_GRAPH", "COLUMNS", "HEADER", "LINKS_GRAPH", "Link", "Links", "links_quads", "load_links"]

LINKS_GRAPH = iri("graph", "links")
#: Links found by `pactgraph link` (machine-asserted), kept apart from the curated ones.
AUTO_LINKS_GRAPH = iri("graph", "links-auto")
WIKIDATA = "http://www.wikidata.org/entity/"
DBPEDIA = "http://dbpedia.org/resource/"
GEONAMES = "https://sws.geonames.org/"
COLUMNS = ("entity", "label", "wikidata", "wikipedia_en", "geonames", "iso2", "iso3", "curator", "source", "evidence")
HEADER = ",".join(COLUMNS)
EXACT_MATCH = ox.NamedNode(SKOS + "exactMatch")
# The entity folders resolve.entity_key mints IRIs in.
_ENTITY_IRI = re.compile(re.escape(ID) + r"(person|organization|country|place)/[a-z0-9]+(?:-[a-z0-9]+)*")
_FORMATS = {
    "wikidata": (re.compile(r"Q[1-9][0-9]*"), "a Wikidata item ID such as Q227"),
    "geonames": (re.compile(r"[1-9][0-9]*"), "a GeoNames ID (digits), such as 587116"),
    "iso2": (re.compile(r"[A-Z]{2}"), "an ISO 3166-1 alpha-2 code such as AZ"),
    "iso3": (re.compile(r"[A-Z]{3}"), "an ISO 3166-1 alpha-3 code such as AZE"),
    "wikipedia_en": (re.compile(r"[^\s#<>\[\]{}|]+(?: [^\s#<>\[\]{}|]+)*"), "an English Wikipedia page title"),
}


@dataclass(frozen=True)
class Link:
    """One row of the links file: an entity and its checked identifiers (empty string = unknown)."""

    entity: str
    label: str
    wikidata: str
    wikipedia_en: str
    geonames: str
    iso2: str
    iso3: str
    curator: str
    source: str

    @property
    def dbpedia(self) -> str:
        """The DBpedia resource of the English Wikipedia page (spaces become underscores)."""
        if not self.wikipedia_en:
            return ""
        return DBPEDIA + urllib.parse.quote(self.wikipedia_en.replace(" ", "_"), safe="_(),'!*:;@&=+$/.-~%")

    def targets(self) -> list[str]:
        """The IRIs this entity is an exact match of: Wikidata, DBpedia, GeoNames (those known)."""
        return [
            target
            for target in (
                WIKIDATA + self.wikidata if self.wikidata else "",
                self.dbpedia,
                f"{GEONAMES}{self.geonames}/" if self.geonames else "",
            )
            if target
        ]


@dataclass(frozen=True)
class Links:
    """The rows of a links file; ``machine`` when `pactgraph link` wrote it, not a person."""

    path: Path
    links: list[Link]
    machine: bool = False

    @property
    def graph(self) -> ox.NamedNode:
        return AUTO_LINKS_GRAPH if self.machine else LINKS_GRAPH


def _entity_iri(value: str) -> str:
    """Expand ``id:`` to the full IRI, so the file can use either form."""
    return ID + value[len("id:") :] if value.startswith("id:") else value


def load_links(path: Path, *, machine: bool = False) -> Links:
    """Read and check a links file; any defect raises ``LinksError`` naming file, line and column."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LinksError("no such links file", file=path) from None
    except OSError as err:
        raise LinksError(f"cannot read the links file: {err.strerror or err}", file=path) from None
    try:
        text = raw.decode("utf-8-sig")  # spreadsheets save CSV with a byte-order mark
    except UnicodeDecodeError as err:
        line, column = decode_location(raw, err)
        raise LinksError(
            f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the links file as UTF-8 CSV",
            file=path,
            line=line,
            column=column,
        ) from None
    lines = text.splitlines()
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != COLUMNS:
            raise LinksError(f"the first line must be the header {HEADER}", file=path, line=1)
        links: list[Link] = []
        seen: dict[str, int] = {}
        end = reader.line_num
        for row in reader:
            line, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                unclosed = end > line or lines[line - 1].count('"') % 2
                quote = lines[line - 1].find('"') + 1 if unclosed else 0
                if quote:
                    raise LinksError(
                        "the quote opened here is not closed on this line; close it", file=path, line=line, column=quote
                    )
                raise LinksError(f"{len(row)} columns, expected {len(COLUMNS)} ({HEADER})", file=path, line=line)
            cells = dict(zip(COLUMNS, (cell.strip() for cell in row), strict=True))
            starts = dict(zip(COLUMNS, _cell_starts(lines[line - 1]), strict=False)) if end == line else {}
            links.append(_link(cells, path, line, starts, seen))
            seen[links[-1].entity] = line
    except csv.Error as err:
        raise LinksError(f"malformed CSV: {err}", file=path, line=reader.line_num) from None
    return Links(path=path, links=links, machine=machine)


def _cell_starts(line: str) -> list[int]:
    """The column (from 1) where each cell of one CSV line starts.

    >>> _cell_starts('a,"b,c",d')
    [1, 3, 9]
    """
    starts, quoted = [1], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(index + 2)
    return starts


def _link(cells: dict[str, str], path: Path, line: int, starts: dict[str, int], seen: dict[str, int]) -> Link:
    """One checked row; ``starts`` gives the column each cell starts at (empty when not known)."""

    def error(message: str, cell: str | None = None) -> LinksError:
        return LinksError(message, file=path, line=line, column=starts.get(cell) if cell else None)

    entity = _entity_iri(cells["entity"])
    if not _ENTITY_IRI.fullmatch(entity):
        raise error(
            f"entity {cells['entity']!r} is not a pactgraph entity IRI (id:person/…, id:organization/…, "
            "id:country/…, id:place/…, as `pactgraph query entities` prints them)",
            "entity",
        )
    if entity in seen:
        raise error(f"{entity} is already linked on line {seen[entity]}", "entity")
    for column, (pattern, what) in _FORMATS.items():
        if cells[column] and not pattern.fullmatch(cells[column]):
            raise error(f"{column} {cells[column]!r} is not {what}", column)
    if (cells["iso2"] or cells["iso3"]) and "/country/" not in entity:
        raise error("ISO 3166 codes are for countries only (id:country/…)", "iso2" if cells["iso2"] else "iso3")
    if not any(cells[c] for c in ("wikidata", "wikipedia_en", "geonames", "iso2", "iso3")):
        raise error("no identifier: fill at least one of wikidata, wikipedia_en, geonames, iso2, iso3", "wikidata")
    for column in ("curator", "source"):
        if not cells[column]:
            raise error(f"{column} is empty: say who checked the identifiers and where", column)
    return Link(**{name: value for name, value in cells.items() if name != "evidence"} | {"entity": entity})


def links_quads(links: Links, entities: Iterable[str]) -> list[ox.Quad]:
    """The graph ``id:graph/links`` (``id:graph/links-auto`` for machine links) for the links of
    ``entities`` (IRIs of the built graph): one ``skos:exactMatch`` per target, ISO codes as
    literals, and the graph's provenance (attributed to the curators, persons, or to the linker, a
    software agent; ``dcterms:source`` each file or endpoint the identifiers were checked in)."""
    present = set(entities)
    kept = [link for link in links.links if link.entity in present]
    if not kept:
        return []
    quads: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, p, o, links.graph))

    for link in kept:
        node = ox.NamedNode(link.entity)
        for target in link.targets():
            add(node, EXACT_MATCH, ox.NamedNode(target))
        if link.iso2:
            add(node, pg("countryCode"), ox.Literal(link.iso2))
        if link.iso3:
            add(node, pg("countryCodeAlpha3"), ox.Literal(link.iso3))
    kind = "machine-asserted" if links.machine else "curated"
    add(links.graph, A, ox.NamedNode(PROV + "Entity"))
    add(links.graph, LABEL, ox.Literal(f"{kind} links to open datasets ({links.path.name})"))
    for curator in sorted({link.curator for link in kept}):
        if links.machine:
            agent = iri("agent", slug(curator))
            add(agent, A, ox.NamedNode(PROV + "SoftwareAgent"))
        else:
            agent = iri("agent", "curator", slug(curator))
            add(agent, A, ox.NamedNode(PROV + "Person"))
        add(agent, LABEL, ox.Literal(curator))
        add(links.graph, ox.NamedNode(PROV + "wasAttributedTo"), agent)
    for source in sorted({link.source for link in kept}):
        add(links.graph, ox.NamedNode(DCTERMS + "source"), ox.Literal(source))
    return quads
