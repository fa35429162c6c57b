"""The on-disk store bulk-loaded in a process of its own.

Oxigraph's bulk loader (RocksDB underneath) takes memory that grows with the store it builds —
its tables' indexes and filters, the final compaction —, however small the pieces it is given:
reloading the store of 100,000 articles peaked at 549 MB in the build process. Here the build
process only reads the pieces from the state and writes them to the loader's standard input
(TriG documents of a few megabytes, then batches of union lines, each with its kind and length);
the loader process holds the store, and its memory is given back when it ends.

The loader is this file run by the same Python (``python -P loader.py``), not a ``multiprocessing``
child: a spawned child imports the caller's main script again (a script calling ``build`` without
a ``__main__`` guard would build again), and a forked one would inherit the build's threads and
open SQLite transaction. It needs nothing but ``pyoxigraph``. Input that ends without the end
mark (the build stopped) leaves the store unfinished, and the build's next run clears it; a build
stopped by Ctrl-C or an error kills the loader rather than wait for it (an ``optimize`` of a large
store takes minutes).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

__all__ = ["load_store"]

_TRIG, _LINES, _END = b"T", b"N", b"E"


def load_store(
    folder: Path,
    *,
    dataset: Iterable[bytes],
    union: Iterable[bytes],
    ontology: tuple[Path, tuple[str, ...]],
    batch: int = 50_000,
) -> None:
    """A new store in ``folder``: the TriG documents ``dataset``, the sorted N-Triples lines
    ``union`` (the default graph), and the ontology file ``ontology[0]`` in each of the graphs
    ``ontology[1]`` ("" is the default graph); optimized. Raises ``OSError`` saying why the loader
    failed."""
    path, graphs = ontology
    command = [sys.executable, "-P", __file__, str(folder), str(path), *graphs]
    loader = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert loader.stdin is not None and loader.stdout is not None
    try:
        try:
            for document in dataset:
                _send(loader.stdin, _TRIG, document)
            lines: list[bytes] = []
            for line in union:
                lines.append(line)
                if len(lines) >= batch:
                    _send(loader.stdin, _LINES, b"\n".join(lines))
                    lines.clear()
            if lines:
                _send(loader.stdin, _LINES, b"\n".join(lines))
            _send(loader.stdin, _END, b"")
        except BrokenPipeError:
            pass  # the loader stopped: what it said is read below
        finally:
            with contextlib.suppress(BrokenPipeError):
                loader.stdin.close()
        said = loader.stdout.read().decode("utf-8", errors="replace").strip()
    except BaseException:
        loader.kill()  # the build stopped (Ctrl-C, an error): the store it was making is thrown away
        raise
    finally:
        loader.wait()
    if loader.returncode:
        raise OSError(
            said.splitlines()[-1] if said else f"the store's loader stopped (exit status {loader.returncode})"
        )


def _send(pipe: BinaryIO, kind: bytes, data: bytes) -> None:
    pipe.write(kind + len(data).to_bytes(8, "big"))
    pipe.write(data)


def _serve(folder: str, ontology: str, graphs: list[str]) -> int:
    """The loader: the pieces on standard input into the store until the end mark, then the
    ontology; a failure is printed in one line (the build raises it)."""
    pieces = sys.stdin.buffer
    try:
        store = ox.Store(folder)
        while True:
            head = pieces.read(9)
            if len(head) < 9:
                return 1  # the build stopped before the end
            kind, size = head[:1], int.from_bytes(head[1:], "big")
            if kind == _END:
                break
            data = pieces.read(size)
            if len(data) < size:
                return 1
            store.bulk_load(data, format=ox.RdfFormat.TRIG if kind == _TRIG else ox.RdfFormat.N_TRIPLES)
        for graph in graphs:
            name = ox.NamedNode(graph) if graph else ox.DefaultGraph()
            store.bulk_load(path=ontology, format=ox.RdfFormat.TURTLE, to_graph=name)
        store.optimize()
    except (OSError, ValueError, SyntaxError) as err:
        print(err, flush=True)
        return 1
    except KeyboardInterrupt:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_serve(sys.argv[1], sys.argv[2], sys.argv[3:]))
