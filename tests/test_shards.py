"""``export --format nquads --shards N --out DIR``: whole graphs per shard, sorted lines,
reproducible gzip bytes, a manifest that matches the files, the ontology graph, atomic replacement."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from pactgraph import shards as shards_module
from pactgraph.cli import main
from pactgraph.errors import ExportError, GraphLoadError, UsageError
from pactgraph.shards import MANIFEST, export_shards, shard_name, shard_of
from pactgraph.store import ONTOLOGY_GRAPH, load_graph

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "kg.trig"
EX = "http://example.org/"


def _dataset(path: Path, graphs: int = 12) -> Path:
    """A TriG file of ``graphs`` small named graphs that share a subject (as articles share entities)."""
    blocks = [
        f'<{EX}g{i}> {{ <{EX}shared> <{EX}p> "{i}" . <{EX}s{i}> <{EX}q> <{EX}shared> . '
        f'<{EX}s{i}> <{EX}label> "line\\nbreak {i}"@en . }}\n'
        for i in range(graphs)
    ]
    path.write_text("".join(blocks), encoding="utf-8")
    return path


def _has_blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def _lines(path: Path) -> list[bytes]:
    return gzip.decompress(path.read_bytes()).splitlines()


def test_shards_hold_whole_graphs_sorted_with_the_ontology(tmp_path):
    source = _dataset(tmp_path / "kg.trig")
    manifest = export_shards([source], out=tmp_path / "out", shards=4)

    seen: dict[str, int] = {}
    quads: set[str] = set()
    for index in range(4):
        path = tmp_path / "out" / shard_name(index, 4)
        lines = _lines(path)
        assert lines == sorted(set(lines)), "lines are distinct and sorted"
        for quad in ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_QUADS):
            graph = quad.graph_name.value
            assert shard_of(graph, 4) == index, f"{graph} is in shard {index}"
            seen[graph] = seen.get(graph, 0) + 1
            if not _has_blank(quad):
                quads.add(str(quad))
    assert set(seen) == {f"{EX}g{i}" for i in range(12)} | {ONTOLOGY_GRAPH.value}
    assert all(seen[f"{EX}g{i}"] == 3 for i in range(12))
    expected = load_graph([source], with_ontology=True, for_queries=False)
    assert len(expected) == sum(seen.values()) == manifest["triples"]
    assert {str(q) for q in expected if not _has_blank(q)} == quads


def test_manifest_describes_the_files(tmp_path):
    export_shards([_dataset(tmp_path / "kg.trig")], out=tmp_path / "out", shards=3)
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["shards"] == 3 and manifest["graphs"] == 13
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [MANIFEST, *(entry["file"] for entry in manifest["files"])]
    )
    for entry in manifest["files"]:
        path = tmp_path / "out" / entry["file"]
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert entry["bytes"] == path.stat().st_size
        assert entry["triples"] == len(_lines(path)) == sum(entry["graphs"].values())
    assert manifest["triples"] == sum(entry["triples"] for entry in manifest["files"])


def test_gzip_bytes_are_reproducible_across_processes(tmp_path):
    """Two runs in processes with different hash seeds give the same bytes: no time or name in the
    gzip header, graphs placed by SHA-256, blank nodes (the ontology's) named canonically."""
    source = BUNDLED if BUNDLED.is_file() else _dataset(tmp_path / "kg.trig")
    digests = []
    for run, seed in enumerate(("1", "2")):
        out = tmp_path / f"out{run}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        args = ["export", "--graph", str(source), "--format", "nquads", "--shards", "2", "--out", str(out)]
        done = subprocess.run(
            [sys.executable, "-m", "pactgraph.cli", *args], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        digests.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert digests[0] == digests[1]
    shard = digests[0][shard_name(0, 2)]
    assert shard[4:8] == b"\0\0\0\0", "mtime 0"
    assert not shard[3] & 0x08, "no file name in the header"
    lines = [
        line for name, data in digests[0].items() if name.endswith(".gz") for line in gzip.decompress(data).splitlines()
    ]
    assert any(b"_:" in line for line in lines), "the ontology's blank nodes are exported"


def test_cli_writes_shards_and_replaces_an_earlier_export(tmp_path):
    source = _dataset(tmp_path / "kg.trig")
    out = tmp_path / "shards"
    runner = CliRunner()
    first = runner.invoke(
        main, ["export", "--graph", str(source), "--format", "nquads", "--shards", "5", "--out", str(out)]
    )
    assert first.exit_code == 0, first.output
    assert "in 13 graphs to 5 shards" in first.stderr
    assert len(list(out.glob("*.nq.gz"))) == 5
    second = runner.invoke(
        main, ["export", "--graph", str(source), "--format", "nquads", "--shards", "2", "-o", str(out)]
    )
    assert second.exit_code == 0, second.output
    assert sorted(p.name for p in out.iterdir()) == [shard_name(0, 2), shard_name(1, 2), MANIFEST]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "turtle", "--shards", "2", "--out", "x"], "--shards writes N-Quads: pass --format nquads"),
        (["--format", "nquads", "--shards", "2"], "--shards needs --out DIR"),
        (["--format", "nquads", "--shards", "0", "--out", "x"], "0 is not in the range"),
    ],
)
def test_cli_usage_errors(tmp_path, args, message):
    source = _dataset(tmp_path / "kg.trig")
    result = CliRunner().invoke(main, ["export", "--graph", str(source), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_refuses_to_clobber_a_folder_that_is_not_an_export(tmp_path):
    source = _dataset(tmp_path / "kg.trig")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", "--graph", str(source), "--format", "nquads", "--shards", "2", "--out", str(folder)]
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: {folder}: exists and is not a folder of pactgraph shards; choose another --out or remove it"
    ]
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    with pytest.raises(UsageError, match="is a file"):
        export_shards([source], out=folder / "notes.txt", shards=2)
    with pytest.raises(UsageError, match="from 1 to"):
        export_shards([source], out=tmp_path / "new", shards=0)


def test_bad_input_writes_nothing(tmp_path):
    broken = tmp_path / "kg.trig"
    broken.write_text("<http://g> { <http://a> <http://b> }\n", encoding="utf-8")
    with pytest.raises(GraphLoadError, match=r"kg.trig:1:"):
        export_shards([broken], out=tmp_path / "out", shards=2)
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.trig"]


def test_a_failed_export_leaves_the_previous_one(tmp_path, monkeypatch):
    """A write that fails midway (here: the second shard) leaves the earlier export as it was and
    no temporary folder behind."""
    source = _dataset(tmp_path / "kg.trig")
    out = tmp_path / "out"
    export_shards([source], out=out, shards=3)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    write_shard = shards_module._write_shard
    calls = []

    def failing(store, path, graphs):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return write_shard(store, path, graphs)

    monkeypatch.setattr(shards_module, "_write_shard", failing)
    with pytest.raises(ExportError, match="cannot write the shards: No space left on device"):
        export_shards([source], out=out, shards=4)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.trig", "out"]


def test_default_graph_triples_are_one_unit(tmp_path):
    """Triples outside any named graph (a Turtle input) travel together, placed by the key ""."""
    source = tmp_path / "kg.ttl"
    source.write_text(f"<{EX}a> <{EX}b> <{EX}c> .\n<{EX}a> <{EX}b> <{EX}d> .\n", encoding="utf-8")
    manifest = export_shards([source], out=tmp_path / "out", shards=3, with_ontology=False)
    [entry] = [entry for entry in manifest["files"] if entry["triples"]]
    assert entry["file"] == shard_name(shard_of("", 3), 3)
    assert entry["graphs"] == {"": 2}
    assert _lines(tmp_path / "out" / entry["file"]) == [
        f"<{EX}a> <{EX}b> <{EX}c> .".encode(),
        f"<{EX}a> <{EX}b> <{EX}d> .".encode(),
    ]
