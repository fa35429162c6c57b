"""Sharded, gzip-compressed N-Quads for the bulk loaders of production stores.

QLever, Virtuoso, Jena's ``tdb2.xloader`` and ``oxigraph load`` all load many compressed files
faster than one big one (they parse files in parallel), and a graph kept whole in one file can be
reloaded or compared on its own. So ``export_shards`` writes N files, each holding whole named
graphs: a graph goes to shard ``sha256(IRI) mod N``, which does not depend on the other graphs, the
machine or the Python process. Each file's lines are distinct and sorted (``sort -c`` accepts
them, ``sort -m`` merges them), blank nodes get canonical labels (RDFC-1.0) scoped to their graph,
and the gzip stream carries no name and mtime 0, so the same input gives the same bytes. A
``manifest.json`` lists each file with its graphs, triple counts and sha256. The ontology graph is
included: the bundled queries need it (``rdfs:subClassOf*``, the SKOS labels of technologies,
kinds and statuses).

Memory: the input is loaded once into an in-memory Oxigraph store (as ``export`` does); beyond it,
one shard's lines at a time are held, so more shards mean a smaller peak.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from pactgraph.errors import ExportError, UsageError
from pactgraph.store import distinct_sorted_lines, load_graph, make_dir_beside

__all__ = ["MANIFEST", "export_shards", "shard_name", "shard_of", "write_shards"]

#: The file next to the shards that lists them.
MANIFEST = "manifest.json"
#: Key of the default graph (triples of a triple format such as kg.ttl) in the manifest.
DEFAULT_GRAPH_KEY = ""
_SHARD_FILE = re.compile(r"kg-\d{5}-of-\d{5}\.nq\.gz")
#: Lines written to the gzip stream per call: bounds the joined bytes held at once.
_LINES_PER_WRITE = 50_000
_MAX_SHARDS = 99_999


def shard_of(graph: str, shards: int) -> int:
    """The shard (from 0) of the graph named ``graph`` ("" for the default graph) among ``shards``.

    The first 8 bytes of the SHA-256 of the IRI, modulo the number of shards: stable across runs
    and machines (Python's ``hash`` is salted per process).

    >>> shard_of("https://w3id.org/pactgraph/id/graph/ontology", 4)
    1
    >>> shard_of("https://w3id.org/pactgraph/id/graph/ontology", 1)
    0
    """
    return int.from_bytes(hashlib.sha256(graph.encode("utf-8")).digest()[:8], "big") % shards


def shard_name(index: int, shards: int) -> str:
    """The file name of shard ``index`` (from 0) of ``shards``.

    >>> shard_name(0, 4)
    'kg-00000-of-00004.nq.gz'
    """
    return f"kg-{index:05d}-of-{shards:05d}.nq.gz"


def export_shards(src_paths: Iterable[Path], *, out: Path, shards: int, with_ontology: bool = True) -> dict:
    """Load ``src_paths`` (plus the ontology graph) and write them as ``shards`` gzip N-Quads files
    and a manifest in the folder ``out``, replacing an earlier export there; return the manifest.

    Raises ``GraphLoadError`` for an input that is missing or malformed, ``UsageError`` for a bad
    number of shards or an ``out`` that is not a shard folder, ``ExportError`` when writing fails.
    """
    _check(out=Path(out), shards=shards)
    store = load_graph(list(src_paths), with_ontology=with_ontology, for_queries=False)
    return write_shards(store, out=out, shards=shards)


def write_shards(store: ox.Store, *, out: Path, shards: int) -> dict:
    """Write the quads of ``store`` as ``shards`` files in ``out``, all at once; return the manifest.

    The files are written in a new folder beside ``out`` which then replaces it (two renames), so
    a failed or interrupted export leaves the previous export (or nothing), never half of one.
    """
    out = Path(out)
    _check(out=out, shards=shards)
    graphs = sorted(str(g.value) for g in store.named_graphs())
    if any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
        graphs.insert(0, DEFAULT_GRAPH_KEY)
    buckets: list[list[str]] = [[] for _ in range(shards)]
    for graph in graphs:
        buckets[shard_of(graph, shards)].append(graph)
    out.parent.mkdir(parents=True, exist_ok=True)
    _recover(out)
    fresh = make_dir_beside(out)  # mkdtemp's 0700 would hide the shards from a store running as another user
    previous = out.with_name(f".{out.name}.previous")
    try:
        files = [_write_shard(store, fresh / shard_name(i, shards), buckets[i]) for i in range(shards)]
        manifest = {
            "format": "nquads",
            "compression": "gzip",
            "shards": shards,
            "assignment": "sha256(graph IRI, UTF-8), first 8 bytes big-endian, modulo shards",
            "graphs": len(graphs),
            "triples": sum(f["triples"] for f in files),
            "files": files,
        }
        _write_file(fresh / MANIFEST, (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
        if out.exists():
            os.replace(out, previous)
        os.replace(fresh, out)
    except OSError as err:
        raise ExportError(f"{out}: cannot write the shards: {err.strerror or err}") from None
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(previous, ignore_errors=True)
    return manifest


def _check(*, out: Path, shards: int) -> None:
    """Refuse a number of shards out of range, and an ``out`` this export would clobber."""
    if isinstance(shards, bool) or not isinstance(shards, int) or not 1 <= shards <= _MAX_SHARDS:
        raise UsageError(f"--shards must be a whole number from 1 to {_MAX_SHARDS}, not {shards!r}")
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: is a file; --out names a folder for the shards")
    if out.is_dir():
        names = {p.name for p in out.iterdir()}
        foreign = sorted(n for n in names if n != MANIFEST and not _SHARD_FILE.fullmatch(n))
        if foreign or (names and MANIFEST not in names):
            raise UsageError(
                f"{out}: exists and is not a folder of pactgraph shards; choose another --out or remove it"
            )


def _write_shard(store: ox.Store, path: Path, graphs: list[str]) -> dict:
    """One shard: the distinct quads of ``graphs``, lines sorted, as deterministic gzip."""
    lines: list[bytes] = []
    counts: dict[str, int] = {}
    for graph in graphs:
        graph_lines = distinct_sorted_lines(_graph_nquads(store, graph))
        counts[graph] = len(graph_lines)
        lines += graph_lines
    lines.sort()  # the graph term ends each line: lines of different graphs never collide
    with open(path, "wb") as raw:
        # filename="" and mtime=0: no name or time in the gzip header, so the bytes are reproducible.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as stream:
            for start in range(0, len(lines), _LINES_PER_WRITE):
                stream.write(b"\n".join(lines[start : start + _LINES_PER_WRITE]) + b"\n")
        raw.flush()
        os.fsync(raw.fileno())
    with open(path, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return {
        "file": path.name,
        "bytes": path.stat().st_size,
        "sha256": digest,
        "triples": len(lines),
        "graphs": counts,
    }


def _graph_nquads(store: ox.Store, graph: str) -> bytes:
    """The quads of one graph as N-Quads, blank nodes named canonically (RDFC-1.0) and apart from
    other graphs' (a bulk loader scopes blank node labels to a file; we scope them to a graph)."""
    name = ox.NamedNode(graph) if graph != DEFAULT_GRAPH_KEY else ox.DefaultGraph()
    data = ox.serialize(store.quads_for_pattern(None, None, None, name), format=ox.RdfFormat.N_QUADS) or b""
    if b"_:" not in data:  # no blank node (a literal may hold "_:": then canonicalizing is merely idle)
        return data
    dataset = ox.Dataset(store.quads_for_pattern(None, None, None, name))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    tag = hashlib.sha256(graph.encode("utf-8")).hexdigest()[:12]

    def scoped(term):
        return ox.BlankNode(f"g{tag}{term.value}") if isinstance(term, ox.BlankNode) else term

    quads = (ox.Quad(scoped(q.subject), q.predicate, scoped(q.object), q.graph_name) for q in dataset)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _recover(out: Path) -> None:
    """Put back an export that an interrupted run had moved aside; clear the folders it left."""
    previous = out.with_name(f".{out.name}.previous")
    if previous.is_dir():
        if out.exists():
            shutil.rmtree(previous, ignore_errors=True)
        else:
            os.replace(previous, out)
    with contextlib.suppress(OSError):
        for leftover in out.parent.glob(f".{out.name}.new-*"):
            shutil.rmtree(leftover, ignore_errors=True)
