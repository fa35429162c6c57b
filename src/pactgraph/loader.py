"""The on-disk store bulk-loaded in a process of its own.

Oxigraph's bulk loader (RocksDB underneath) takes memory that grows with the store it builds —
its tables' indexes and filters, the final compaction —, however small the pieces it is given:
reloading the store of 100,000 articles peaked at 549 MB in the build process. Here the build
process only reads the pieces from the state and sends them through a pipe (TriG documents of a
few megabytes, then batches of union lines); the loader process holds the store, and its memory
is given back when it ends. Started with ``spawn``: the build process has threads (the outputs'
syncs) and an open SQLite transaction, which a forked child must not inherit.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

__all__ = ["load_store"]

_TRIG, _LINES = b"T", b"N"


def load_store(
    folder: Path,
    *,
    dataset: Iterable[bytes],
    union: Iterable[bytes],
    ontology: tuple[Path, tuple[str, ...]],
    batch: int = 50_000,
) -> None:
    """A new store in ``folder``: the TriG documents ``dataset``, the sorted N-Triples lines
    ``union`` (the default graph), and the ontology file ``ontology[0]`` into each of the graphs
    ``ontology[1]`` ("" is the default graph); optimized. Raises ``OSError`` saying why the loader
    failed."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    path, graphs = ontology
    loader = context.Process(target=_load, args=(str(folder), str(path), graphs, theirs), name="store loader")
    loader.start()
    theirs.close()
    try:
        for document in dataset:
            ours.send_bytes(_TRIG + document)
        lines: list[bytes] = []
        for line in union:
            lines.append(line)
            if len(lines) >= batch:
                ours.send_bytes(_LINES + b"\n".join(lines))
                lines.clear()
        if lines:
            ours.send_bytes(_LINES + b"\n".join(lines))
        ours.send_bytes(b"")
        failure = ours.recv()
    except (EOFError, BrokenPipeError):
        failure = "the store's loader process stopped"
    finally:
        ours.close()
        loader.join()
    if failure is not None:
        raise OSError(failure)


def _load(folder: str, ontology: str, graphs: tuple[str, ...], pipe: Connection) -> None:
    """The loader process: what failed (or None) sent back. A build that stops closes the pipe:
    the loader just ends."""
    try:
        pipe.send(_loaded(folder, ontology, graphs, pipe))
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        return


def _loaded(folder: str, ontology: str, graphs: tuple[str, ...], pipe: Connection) -> str | None:
    """The pieces into the store until an empty one, then the ontology; after a failure the
    pieces are read and dropped (the build waits for the answer)."""
    failure = None
    try:
        store: ox.Store | None = ox.Store(folder)
    except OSError as err:
        store, failure = None, str(err)
    while piece := pipe.recv_bytes():
        if store is not None:
            try:
                store.bulk_load(piece[1:], format=ox.RdfFormat.TRIG if piece[:1] == _TRIG else ox.RdfFormat.N_TRIPLES)
            except (OSError, ValueError, SyntaxError) as err:
                store, failure = None, str(err)
    if store is None:
        return failure
    try:
        for graph in graphs:
            store.bulk_load(
                path=ontology, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph) if graph else ox.DefaultGraph()
            )
        store.optimize()
    except (OSError, ValueError, SyntaxError) as err:
        return str(err)
    return None
