"""The store bulk-loaded in a process of its own (``pactgraph.loader``): it holds the pieces sent
and the ontology, and a piece it cannot read fails the load with one message, no traceback."""

from pathlib import Path

import pyoxigraph as ox
import pytest

from pactgraph.loader import load_store
from pactgraph.resources import ontology_path
from pactgraph.store import ONTOLOGY_GRAPH

HEADER = b"@prefix ex: <http://example.org/> .\n"
ONTOLOGY = (ontology_path(), (ONTOLOGY_GRAPH.value, ""))


def test_the_loader_holds_the_pieces_and_the_ontology(tmp_path: Path) -> None:
    documents = [HEADER + b"ex:g1 { ex:a ex:p ex:b . }\n", HEADER + b"ex:g2 { ex:b ex:p ex:c . }\n"]
    union = [
        f"<http://example.org/{s}> <http://example.org/p> <http://example.org/{o}> .".encode()
        for s, o in ("ab", "bc", "ca")
    ]
    load_store(tmp_path / "store", dataset=iter(documents), union=iter(union), ontology=ONTOLOGY, batch=2)
    store = ox.Store(str(tmp_path / "store"))
    ex = "http://example.org/"
    assert {str(q.subject) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ex + "g2"))} == {f"<{ex}b>"}
    default = list(store.quads_for_pattern(None, ox.NamedNode(ex + "p"), None, ox.DefaultGraph()))
    assert len(default) == 3
    assert any(True for _ in store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH))


def test_a_piece_the_loader_cannot_read_fails_in_one_message(tmp_path: Path, capfd) -> None:
    broken = [HEADER + b"ex:g1 { ex:a ex:p ex:b . }\n", HEADER + b"ex:g2 { ex:b ex:p \n", HEADER]
    with pytest.raises(OSError, match=r"^Parser error at line 3"):
        load_store(tmp_path / "store", dataset=iter(broken), union=iter([]), ontology=ONTOLOGY)
    assert "Traceback" not in capfd.readouterr().err
