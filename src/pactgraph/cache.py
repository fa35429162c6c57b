"""The build cache: what a build already computed, kept so the next build skips it.

Three kinds of entries, each a small file named by a SHA-256 key:

- ``facts/``: an article read and extracted, keyed by the article file's bytes, its name and the
  *extractor fingerprint* (the source of the reader and the extractor, and the spaCy version);
- ``graph/``: an article's named graph, serialized, keyed by everything it is written from (the
  article, its facts as merged with the rest of the corpus, the entities they name, as
  ``value_digest`` sees them) and the *code fingerprint* (all of pactgraph's source);
- ``valid/``: the SHACL results of one article's graph, keyed by the graph's serialization and
  the *shapes fingerprint* (the ontology and the shapes).

A change to an article, to pactgraph or to the shapes changes the keys, so a stale entry is
never read: it is only left behind. Deleting the folder is always safe (the next build is cold);
an entry that cannot be read is treated as missing. Entries are written atomically, so a build
killed midway leaves only whole entries.

>>> import tempfile
>>> cache = BuildCache(Path(tempfile.mkdtemp()))
>>> key = cache.facts_key(Path("a.txt"), b"Title: T\\n---\\nBody.")
>>> cache.get("facts", key) is None
True
>>> cache.put("facts", key, ("anything", "picklable"))
>>> cache.get("facts", key)
('anything', 'picklable')
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import io
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from .resources import ontology_path, shapes_path

__all__ = [
    "DEFAULT_CACHE",
    "BuildCache",
    "code_fingerprint",
    "extractor_fingerprint",
    "shapes_fingerprint",
    "value_digest",
]

#: Where ``pactgraph build`` keeps its cache unless told otherwise.
DEFAULT_CACHE = Path(".pactgraph-cache/build")

_PACKAGE = Path(__file__).resolve().parent
#: The modules whose code decides what an article's facts are.
_EXTRACTOR_SOURCES = ("articles.py", "extract", "ingest/html.py")  # html.py reads saved pages
_KINDS = ("facts", "graph", "valid")


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


@functools.cache
def extractor_fingerprint() -> str:
    """A digest of the extractor's source files and the spaCy version: any change to them is a new
    extractor, whose facts must be extracted afresh."""
    from . import __version__

    parts = [__version__.encode(), metadata.version("spacy").encode()]  # the version, without importing spaCy
    for package in ("trafilatura", "htmldate"):  # they read saved .html articles
        with contextlib.suppress(metadata.PackageNotFoundError):
            parts.append(f"{package} {metadata.version(package)}".encode())
    for name in _EXTRACTOR_SOURCES:
        root = _PACKAGE / name
        files = sorted(f for f in root.rglob("*") if f.suffix in {".py", ".csv"}) if root.is_dir() else [root]
        for path in files:
            parts += [str(path.relative_to(_PACKAGE)).encode(), path.read_bytes()]
    return _digest(*parts)


@functools.cache
def code_fingerprint() -> str:
    """A digest of all of pactgraph's source: what turns facts into triples."""
    from . import __version__

    parts = [__version__.encode()]
    for path in sorted(_PACKAGE.rglob("*.py")):
        parts += [str(path.relative_to(_PACKAGE)).encode(), path.read_bytes()]
    return _digest(*parts)


def value_digest(*values: Any) -> str:
    """A digest of values (dataclasses holding sets, sequences, strings, numbers, dates,
    pyoxigraph terms) that is the same in every process: pickled with the sets of dataclasses
    sorted, as plain ``pickle`` writes them in the hash order of the process.

    >>> from pactgraph.extract.facts import Entity
    >>> value_digest(Entity("A", "Person", {"b", "a"})) == value_digest(Entity("A", "Person", {"a", "b"}))
    True
    """
    buffer = io.BytesIO()
    _SortedPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(values)
    return hashlib.sha256(buffer.getvalue()).hexdigest()


class _SortedPickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            state = tuple(_sorted(getattr(obj, f.name)) for f in dataclasses.fields(obj))
            return type(obj), (), state
        return NotImplemented


def _sorted(value: Any) -> Any:
    return tuple(sorted(value, key=repr)) if isinstance(value, set | frozenset) else value


@functools.cache
def shapes_fingerprint() -> str:
    """A digest of the ontology and the SHACL shapes, which decide whether a graph is valid."""
    return _digest(*(path.read_bytes() for path in (ontology_path(), shapes_path()) if path.is_file()))


class BuildCache:
    """A folder of cache entries (created on first write); with ``refresh``, entries are written
    but never read, so everything is computed again and the cache renewed (``build --force``)."""

    def __init__(self, folder: Path, *, refresh: bool = False) -> None:
        self.folder = Path(folder)
        self.refresh = refresh

    def facts_key(self, path: Path, content: bytes) -> str:
        """The key of an article's facts: the file's name (it names the article's graph), its bytes
        and the extractor that reads them."""
        return _digest(extractor_fingerprint().encode(), path.name.encode(), content)

    def graph_key(self, *written_from: Any) -> str:
        """The key of an article's serialized graph, from all it is written from."""
        return _digest(code_fingerprint().encode(), value_digest(*written_from).encode())

    def validation_key(self, graph: bytes) -> str:
        """The key of the SHACL results of one serialized graph."""
        return _digest(shapes_fingerprint().encode(), graph)

    def _path(self, kind: str, key: str) -> Path:
        if kind not in _KINDS:
            raise ValueError(f"unknown cache entry kind {kind!r}")
        return self.folder / kind / key[:2] / key

    def has(self, kind: str, key: str) -> bool:
        """Whether there is an entry (``get`` would read it, unless it cannot be read)."""
        return not self.refresh and self._path(kind, key).is_file()

    def get(self, kind: str, key: str) -> Any | None:
        """The entry, or None when there is none or it cannot be read (then it is recomputed)."""
        if self.refresh:
            return None
        try:
            with open(self._path(kind, key), "rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError):
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store an entry atomically (a temporary file renamed into place, not fsynced: an entry lost
        in a power cut is only recomputed); a cache that cannot be written only slows the next build."""
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)
