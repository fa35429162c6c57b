"""Formats, deterministic serialization, atomic writes and load errors of pactgraph.store."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from pactgraph.errors import GraphLoadError, UsageError
from pactgraph.store import ONTOLOGY_GRAPH, Format, export, load_graph, serialize, write_atomic

FIXTURE = Path(__file__).parent / "data" / "mini-kg.trig"
GRAPH = "https://w3id.org/pactgraph/id/graph/"
RDFLIB_FORMAT = {
    Format.TURTLE: "turtle",
    Format.NTRIPLES: "nt",
    Format.NQUADS: "nquads",
    Format.TRIG: "trig",
    Format.JSONLD: "json-ld",
    Format.XML: "xml",
}


def _source_dataset() -> Dataset:
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    return dataset


def _named_graphs(dataset: Dataset) -> dict[str, Graph]:
    graphs = {}
    for context in dataset.graphs():
        if str(context.identifier).startswith(GRAPH) and len(context):
            graph = Graph()
            for triple in context:
                graph.add(triple)
            graphs[str(context.identifier)] = graph
    return graphs


def _union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
def test_export_round_trips_every_format(fmt: Format, tmp_path: Path) -> None:
    out = tmp_path / f"kg{fmt.extension}"
    data = export([FIXTURE], fmt, out)
    assert out.read_bytes() == data
    source = _source_dataset()
    if fmt.keeps_graphs:
        reparsed = Dataset()
        reparsed.parse(out, format=RDFLIB_FORMAT[fmt])
        expected, actual = _named_graphs(source), _named_graphs(reparsed)
        assert sorted(actual) == [GRAPH + "abu-dhabi-partnership", GRAPH + "baku-talks", GRAPH + "links"]
        assert sorted(actual) == sorted(expected)
        for name, graph in expected.items():
            assert isomorphic(actual[name], graph), name
    else:
        reparsed = Graph()
        reparsed.parse(out, format=RDFLIB_FORMAT[fmt])
        assert len(reparsed) > 100
        assert isomorphic(reparsed, _union(source))


def test_exported_files_load_back_with_the_same_quads(tmp_path: Path) -> None:
    original = set(load_graph([FIXTURE], with_ontology=False))
    for fmt in (Format.NQUADS, Format.TRIG):
        out = tmp_path / f"kg{fmt.extension}"
        export([FIXTURE], fmt, out)
        assert set(load_graph([out], with_ontology=False)) == original


def test_triple_formats_merge_graphs_into_distinct_triples() -> None:
    store = load_graph([FIXTURE], with_ontology=False)
    quads = list(store)
    distinct_triples = {q.triple for q in quads}
    assert len(distinct_triples) < len(quads)  # entity triples repeat across article graphs
    lines = serialize(quads, Format.NTRIPLES).decode().splitlines()
    assert len(lines) == len(distinct_triples)


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
def test_serialize_is_deterministic(fmt: Format) -> None:
    quads = list(load_graph([FIXTURE], with_ontology=False))
    expected = serialize(quads, fmt)
    rng = random.Random(7)
    for _ in range(3):
        shuffled = quads[:]
        rng.shuffle(shuffled)
        assert serialize(shuffled + shuffled[:10], fmt) == expected


def test_turtle_uses_prefixes() -> None:
    quads = list(load_graph([FIXTURE], with_ontology=False))
    text = serialize(quads, Format.TURTLE).decode()
    assert "@prefix pg: <https://w3id.org/pactgraph/ontology#> ." in text
    assert "pg:Person" in text


def test_format_from_path() -> None:
    assert Format.from_path(Path("a/kg.ttl")) is Format.TURTLE
    assert Format.from_path("kg.nq") is Format.NQUADS
    assert Format.from_path("kg.TRIG") is Format.TRIG
    assert Format.from_path("kg.jsonld") is Format.JSONLD
    assert {Format.from_path(f"kg.{e}") for e in ("rdf", "xml", "owl")} == {Format.XML}
    assert [f.keeps_graphs for f in Format] == [False, False, True, True, False, False]
    with pytest.raises(UsageError, match=r"kg\.csv"):
        Format.from_path("kg.csv")


def test_write_atomic_replaces_file(tmp_path: Path) -> None:
    target = tmp_path / "kg.ttl"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]


def test_write_atomic_keeps_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kg.ttl"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]


def test_syntax_error_carries_file_line_column(tmp_path: Path) -> None:
    bad = tmp_path / "kg.ttl"
    bad.write_text(
        "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b ex:c ex:d .\n",
        encoding="utf-8",
    )
    with pytest.raises(GraphLoadError) as caught:
        load_graph([bad], with_ontology=False)
    err = caught.value
    assert (err.line, err.column) == (3, 16)
    assert str(err).startswith(f"{bad}:3:16: ")
    assert "pactgraph build" in str(err)
    assert "\n" not in str(err)
    assert err.exit_code == 2


def test_missing_file_says_to_build(tmp_path: Path) -> None:
    missing = tmp_path / "kg.ttl"
    with pytest.raises(GraphLoadError, match=r"kg\.ttl: no such file; run `pactgraph build` first"):
        load_graph([missing], with_ontology=False)


def test_ontology_goes_into_its_own_named_graph() -> None:
    store = load_graph([FIXTURE], with_ontology=True)
    assert ONTOLOGY_GRAPH in set(store.named_graphs())
    assert any(True for _ in store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH))
    # the fixture's article graphs and links graph are kept as they are
    fixture_graphs = {g for g in store.named_graphs() if g != ONTOLOGY_GRAPH}
    assert fixture_graphs == {
        ox.NamedNode(GRAPH + "baku-talks"),
        ox.NamedNode(GRAPH + "abu-dhabi-partnership"),
        ox.NamedNode(GRAPH + "links"),
    }


def test_triple_format_files_load_into_default_graph(tmp_path: Path) -> None:
    out = tmp_path / "kg.ttl"
    export([FIXTURE], Format.TURTLE, out)
    store = load_graph([out], with_ontology=False)
    assert list(store.named_graphs()) == []
    assert all(isinstance(q.graph_name, ox.DefaultGraph) for q in store)
