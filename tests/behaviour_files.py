"""Bad user files (issue 8, item 2): malformed RDF given with ``--graph``, links (CSV), curation
(YAML), SPARQL query and gold (JSON) files, and a malformed ontology or shapes file.

Users cannot point pactgraph at another ontology: it reads the ontology and shapes it ships
(``ontology/`` of a source checkout, or the copy in the installed package). A source checkout lets
them edit those files, so those cases run with a broken copy in place of the shipped folder.
Every case starts with a previous output in place and says whether it survived.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

from pactgraph import resources

from .behaviour import Case, CliRun, Observed, kept_or_replaced, run_cli

AREA = "Bad user files"
ARTICLE = (
    "Title: Talks in Astana\nPublished: 2025-03-05\n---\nEnergy Minister Jan Novak met Li Wei in Astana on March 3.\n"
)
GRAPH = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"
PREVIOUS = b"# the previous output\n"
LINKS_HEADER = "entity,label,wikidata,wikipedia_en,geonames,iso2,iso3,curator,source,evidence\n"
#: A statement without its object, put first in a file so its position does not move with the file.
BROKEN_STATEMENT = "<https://w3id.org/pactgraph/ontology#Broken> <http://www.w3.org/2000/01/rdf-schema#label> .\n"


def _write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _observed(run: CliRun, outcome: str) -> Observed:
    return Observed(run.exit_code, run.message, outcome)


def _build_with(option: str, name: str, data: str | bytes):
    """``build --OPTION NAME`` over one good article, with a previous graph in place."""

    def run(folder: Path) -> Observed:
        _write(folder, {"articles/talks.txt": ARTICLE, name: data, "kg.ttl": PREVIOUS})
        result = run_cli(folder, "build", "--articles", "articles", "--out", "kg.ttl", "--no-progress", option, name)
        return _observed(result, f"nothing written; {kept_or_replaced(folder / 'kg.ttl', PREVIOUS)}")

    return run


def _query_graph(name: str, data: str | bytes):
    """``query meetings --graph NAME``."""

    def run(folder: Path) -> Observed:
        _write(folder, {name: data})
        result = run_cli(folder, "query", "meetings", "--graph", name)
        return _observed(result, "no result printed" if not result.stdout else "result printed")

    return run


def _export_graph(name: str, data: str):
    """``export --graph NAME -o out.nt`` with a previous ``out.nt``."""

    def run(folder: Path) -> Observed:
        _write(folder, {name: data, "out.nt": PREVIOUS})
        result = run_cli(folder, "export", "--graph", name, "--format", "ntriples", "-o", "out.nt")
        return _observed(result, f"nothing written; {kept_or_replaced(folder / 'out.nt', PREVIOUS)}")

    return run


def _query_file(data: str | bytes):
    """``query q.rq`` over a small graph."""

    def run(folder: Path) -> Observed:
        _write(folder, {"kg.ttl": GRAPH, "q.rq": data})
        result = run_cli(folder, "query", "q.rq", "--graph", "kg.ttl")
        return _observed(result, "no result printed" if not result.stdout else "result printed")

    return run


def _broken_bundled(file_name: str, *args: str):
    """``pactgraph ARGS`` with a shipped file (``ontology/FILE``) broken on its first line."""

    def run(folder: Path) -> Observed:
        shipped = folder / "shipped"
        shutil.copytree(resources.ontology_path().parent, shipped / "ontology")
        shutil.copytree(resources.queries_dir(), shipped / "queries")
        broken = shipped / "ontology" / file_name
        broken.write_text(BROKEN_STATEMENT + broken.read_text(encoding="utf-8"), encoding="utf-8")
        _write(folder, {"articles/talks.txt": ARTICLE, "kg.ttl": PREVIOUS, "graph.ttl": GRAPH})
        with mock.patch.object(resources, "_resource_dir", lambda name: shipped / name):
            result = run_cli(folder, *args)
        if args[0] == "build":
            return _observed(result, f"nothing written; {kept_or_replaced(folder / 'kg.ttl', PREVIOUS)}")
        return _observed(result, "no result printed" if not result.stdout else "result printed")

    return run


def _evaluate_gold(data: str):
    def run(folder: Path) -> Observed:
        _write(folder, {"gold/talks.json": data, "kg.ttl": GRAPH})
        result = run_cli(folder, "evaluate", "gold", "--graph", "kg.ttl")
        return _observed(result, "no scores printed" if not result.stdout else "scores printed")

    return run


_LINK = "id:place/astana,Astana,Q1520,Astana,1526273,,,Ann,ids.csv,\n"

CASES: list[Case] = [
    Case(AREA, "--graph: malformed Turtle", _query_graph("kg.ttl", GRAPH + "ex:a ex:b .\n")),
    Case(
        AREA,
        "--graph: malformed TriG (export)",
        _export_graph("kg.trig", "GRAPH <http://g> { <http://a> <http://b> }\n"),
    ),
    Case(
        AREA,
        "--graph: malformed RDF/XML",
        _query_graph(
            "kg.rdf",
            "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n<rdf:Description>\n</rdf:RDF>\n",
        ),
    ),
    Case(AREA, "--graph: malformed JSON-LD", _query_graph("kg.jsonld", '{"@id": "http://example.org/a",\n "x": [}\n')),
    Case(
        AREA, "--graph: Turtle in Latin-1", _query_graph("kg.ttl", (GRAPH + 'ex:a ex:b "café" .\n').encode("latin-1"))
    ),
    Case(AREA, "--graph: unknown extension", _query_graph("kg.txt", GRAPH)),
    Case(
        AREA,
        "ontology: malformed Turtle (query)",
        _broken_bundled("pactgraph.ttl", "query", "meetings", "--graph", "graph.ttl"),
    ),
    Case(
        AREA,
        "ontology: malformed Turtle (build)",
        _broken_bundled("pactgraph.ttl", "build", "--articles", "articles", "--out", "kg.ttl", "--no-progress"),
    ),
    Case(
        AREA,
        "shapes: malformed Turtle (build, read by rdflib)",
        _broken_bundled("shapes.ttl", "build", "--articles", "articles", "--out", "kg.ttl", "--no-progress"),
    ),
    Case(
        AREA,
        "links: too few columns",
        _build_with("--links", "links.csv", LINKS_HEADER + "id:place/astana,Astana,Q1520\n"),
    ),
    Case(
        AREA,
        "links: unclosed quote",
        _build_with("--links", "links.csv", LINKS_HEADER + _LINK.replace(",Astana,Q", ',"Astana,Q', 1)),
    ),
    Case(
        AREA,
        "links: not UTF-8",
        _build_with("--links", "links.csv", (LINKS_HEADER + _LINK.replace("Astana,Q", "Astanà,Q")).encode("latin-1")),
    ),
    Case(
        AREA,
        "links: malformed identifier",
        _build_with("--links", "links.csv", LINKS_HEADER + _LINK.replace("Q1520", "1520")),
    ),
    Case(
        AREA,
        "curation: YAML syntax error",
        _build_with("--curation", "curation.yaml", "curator: Ann\nretract:\n  - fact: [x\n"),
    ),
    Case(
        AREA,
        "curation: a section twice",
        _build_with(
            "--curation", "curation.yaml", "retract:\n  - fact: https://w3id.org/pactgraph/id/meeting/a\nretract: []\n"
        ),
    ),
    Case(
        AREA,
        "curation: impossible date",
        _build_with(
            "--curation",
            "curation.yaml",
            "add:\n  - meeting: {label: Talks, date: 2025-02-30, participants: [Jan Novak]}\n",
        ),
    ),
    Case(
        AREA,
        "curation: retraction not an IRI",
        _build_with("--curation", "curation.yaml", "retract:\n  - fact: the Astana talks\n"),
    ),
    Case(AREA, "curation: not UTF-8", _build_with("--curation", "curation.yaml", "curator: Anné\n".encode("latin-1"))),
    Case(AREA, "SPARQL: syntax error", _query_file("# title: Broken\nSELECT ?s WHERE { ?s ?p ?o . FILTER(?s = ) }\n")),
    Case(AREA, "SPARQL: query ends early", _query_file("# title: Broken\nSELECT ?s WHERE {\n  ?s ?p ?o .\n")),
    Case(AREA, "SPARQL: undeclared prefix", _query_file("SELECT ?s WHERE {\n  ?s ex:partner ?o .\n}\n")),
    Case(AREA, "SPARQL: not UTF-8", _query_file("# title: Café\nSELECT * WHERE { ?s ?p ?o }\n".encode("latin-1"))),
    Case(AREA, "SPARQL: an update", _query_file("INSERT DATA { <http://a> <http://b> <http://c> }\n")),
    Case(AREA, "SPARQL: empty file", _query_file("# title: Nothing yet\n")),
    Case(AREA, "gold: malformed JSON (evaluate)", _evaluate_gold('{"meetings": [\n  {"date": 2025-03-03}\n]}\n')),
]
