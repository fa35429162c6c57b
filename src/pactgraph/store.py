"""Load, serialize and write RDF with pyoxigraph, deterministically and atomically.

Everything that reads or writes graph files goes through here so that every command agrees on
formats (chosen by file extension), error messages (``file:line:column``), output order (sorted,
so the same facts always give byte-identical files) and safe writes (temp file + ``os.replace``).
"""

from __future__ import annotations

import contextlib
import enum
import functools
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from pactgraph.errors import ExportError, GraphLoadError, UsageError
from pactgraph.loader import load_store
from pactgraph.resources import ontology_path

__all__ = [
    "DEFAULT_STORE",
    "ONTOLOGY_GRAPH",
    "PREFIXES",
    "Format",
    "compact_iri",
    "create_beside",
    "distinct_sorted_lines",
    "export",
    "load_graph",
    "make_dir_beside",
    "open_store",
    "parse_bundled",
    "serialize",
    "serialize_lines",
    "split_prefixes",
    "stamp_written",
    "store_generation",
    "store_mirrors",
    "trig_header",
    "update_store",
    "write_atomic",
    "write_output",
    "write_store",
]

#: Named graph that receives the ontology when it is loaded next to the data.
ONTOLOGY_GRAPH = ox.NamedNode("https://w3id.org/pactgraph/id/graph/ontology")

#: Prefixes used for Turtle/TriG output (and offered to anyone who needs the namespaces).
PREFIXES: dict[str, str] = {
    "pg": "https://w3id.org/pactgraph/ontology#",
    "id": "https://w3id.org/pactgraph/id/",
    "tech": "https://w3id.org/pactgraph/vocab/technology/",
    "akind": "https://w3id.org/pactgraph/vocab/agreement-kind/",
    "pkind": "https://w3id.org/pactgraph/vocab/partnership-kind/",
    "status": "https://w3id.org/pactgraph/vocab/status/",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "qudt": "http://qudt.org/schema/qudt/",
    "unit": "http://qudt.org/vocab/unit/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def compact_iri(iri: str) -> str:
    """An IRI written with the longest matching prefix of ``PREFIXES``, or as it is.

    >>> compact_iri("https://w3id.org/pactgraph/id/country/azerbaijan")
    'id:country/azerbaijan'
    >>> compact_iri("http://example.org/x")
    'http://example.org/x'
    """
    best = max((p for p, ns in PREFIXES.items() if iri.startswith(ns)), key=lambda p: len(PREFIXES[p]), default="")
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else iri


class Format(enum.Enum):
    """The RDF formats pactgraph reads and writes; the value is the CLI name.

    >>> Format("trig").keeps_graphs, Format.TURTLE.extension
    (True, '.ttl')
    >>> Format.from_path(Path("data/kg.owl"))
    <Format.XML: 'xml'>
    """

    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    NQUADS = "nquads"
    TRIG = "trig"
    JSONLD = "jsonld"
    XML = "xml"

    @property
    def rdf_format(self) -> ox.RdfFormat:
        """The matching ``pyoxigraph.RdfFormat``."""
        return _RDF_FORMATS[self]

    @property
    def extensions(self) -> tuple[str, ...]:
        """File extensions (with the dot) recognised for this format, preferred first."""
        return _EXTENSIONS[self]

    @property
    def extension(self) -> str:
        """Preferred file extension, with the dot."""
        return self.extensions[0]

    @property
    def keeps_graphs(self) -> bool:
        """True for dataset formats (named graphs survive), False for triple formats."""
        return self in (Format.NQUADS, Format.TRIG)

    @classmethod
    def from_path(cls, path: Path | str) -> Format:
        """Guess the format from a file extension; unknown extensions raise ``UsageError``."""
        suffix = Path(path).suffix.lower()
        for fmt in cls:
            if suffix in fmt.extensions:
                return fmt
        known = " ".join(ext for fmt in cls for ext in fmt.extensions)
        raise UsageError(f"{path}: cannot tell the RDF format from the extension (known: {known})")


_RDF_FORMATS = {
    Format.TURTLE: ox.RdfFormat.TURTLE,
    Format.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    Format.NQUADS: ox.RdfFormat.N_QUADS,
    Format.TRIG: ox.RdfFormat.TRIG,
    Format.JSONLD: ox.RdfFormat.JSON_LD,
    Format.XML: ox.RdfFormat.RDF_XML,
}
_EXTENSIONS = {
    Format.TURTLE: (".ttl",),
    Format.NTRIPLES: (".nt",),
    Format.NQUADS: (".nq",),
    Format.TRIG: (".trig",),
    Format.JSONLD: (".jsonld",),
    Format.XML: (".rdf", ".xml", ".owl"),
}


def _missing_hint(path: Path) -> str:
    """What to do about a graph file that does not exist: build it, or, when a build left it on
    demand (``build --files auto`` with a store: set aside, or a store beside it standing for
    it), write it."""
    on_demand = path.with_name(f".{path.name}.base").exists()
    with contextlib.suppress(OSError):
        for stamp in path.absolute().parent.glob(f"*/{STORE_STAMP}"):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                mirrors = json.loads(stamp.read_text(encoding="utf-8"))
                if mirrors.get("size") is None and Path(mirrors.get("mirrors", "")).with_suffix("") == (
                    path.absolute().with_suffix("")
                ):
                    on_demand = True
    if on_demand:
        return "it is written on demand: run `pactgraph build --files always` (with the same options) to write it"
    return "run `pactgraph build` first"


def _load_file(store: ox.Store, path: Path, *, to_graph: ox.NamedNode | None = None) -> None:
    """Load one file into ``store``; translate every failure into a GraphLoadError. A file a build
    left on demand is written first (``on_demand``)."""
    if not path.is_file():
        from pactgraph.on_demand import write_left_on_demand  # it writes through this module

        if not write_left_on_demand(path):
            raise GraphLoadError("no such file", file=path, hint=_missing_hint(path))
    try:
        fmt = Format.from_path(path)
    except UsageError as err:
        raise GraphLoadError(str(err).split(": ", 1)[-1], file=path, hint=None) from None
    # JSON-LD is a dataset format for pyoxigraph but we never write named graphs to it
    # unless asked; loading keeps whatever graphs the file has.
    try:
        store.load(path=path, format=fmt.rdf_format, to_graph=to_graph)
    except SyntaxError as err:
        line, column = (err.lineno, err.offset) if err.lineno is not None else _xml_location(path, fmt)
        raise GraphLoadError(_syntax_message(err), file=path, line=line, column=column) from None
    except (OSError, ValueError) as err:
        raise GraphLoadError(str(err), file=path) from None


def _xml_location(path: Path, fmt: Format) -> tuple[int | None, int | None]:
    """Where an RDF/XML file stops being well-formed XML, as rdflib's parser reports it: pyoxigraph
    gives no position for XML errors."""
    if fmt is not Format.XML:
        return None, None
    import xml.sax

    from rdflib import Graph

    try:
        Graph().parse(path, format="xml")
    except xml.sax.SAXParseException as err:
        return err.getLineNumber(), err.getColumnNumber() + 1
    except Exception:  # rdflib may fail otherwise, or not at all, where pyoxigraph did: no position then
        return None, None
    return None, None


def _syntax_message(err: SyntaxError) -> str:
    """pyoxigraph's message without the location prefix (we print file:line:col ourselves)."""
    msg = err.msg or str(err)
    if msg.startswith(("Parser error between", "Parser error at")) and ": " in msg:
        msg = msg.split(": ", 1)[1]
    return msg


def load_graph(
    paths: Iterable[Path], *, with_ontology: bool = True, location: Path | None = None, for_queries: bool = True
) -> ox.Store:
    """Load RDF files into a fresh store, ready for queries.

    Triple formats land in the default graph; dataset formats keep their named graphs. With
    ``with_ontology`` the ontology is loaded into the named graph ``ONTOLOGY_GRAPH``. With
    ``for_queries`` every named graph's triples are also copied, once each, into the default graph
    (see ``with_union_default_graph``); pass False to iterate over the file's own quads. The store
    lives in memory unless ``location`` names a directory for an on-disk store (what the
    ``oxigraph`` server opens).

    >>> load_graph([Path("nowhere.ttl")], with_ontology=False)
    Traceback (most recent call last):
    ...
    pactgraph.errors.GraphLoadError: nowhere.ttl: no such file; run `pactgraph build` first
    """
    store = ox.Store(str(location)) if location is not None else ox.Store()
    for path in paths:
        _load_file(store, Path(path))
    if with_ontology:
        _load_ontology(store)
    return with_union_default_graph(store) if for_queries else store


def with_union_default_graph(store: ox.Store) -> ox.Store:
    """Copy every named graph's triples into the default graph, once each, and return the store.

    Queries then read the default graph: pyoxigraph's union default graph repeats a triple for
    every graph that holds it (an entity's label is in each article's graph), and every join
    multiplies those repeats, which made the bundled queries quadratic in the number of articles.

    >>> s = ox.Store()
    >>> a = ox.NamedNode("http://example.org/a")
    >>> for g in ("http://example.org/g1", "http://example.org/g2"):
    ...     s.add(ox.Quad(a, a, a, ox.NamedNode(g)))
    >>> len(list(with_union_default_graph(s).quads_for_pattern(None, None, None, ox.DefaultGraph())))
    1
    """
    named = {
        q.triple for q in store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph)
    }
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in named)
    return store


def store_of(quads: Iterable[ox.Quad], *, with_ontology: bool = True) -> ox.Store:
    """An in-memory store of quads built in this process (and the ontology), ready for queries.

    >>> q = ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.Literal("A"))
    >>> len(store_of([q], with_ontology=False))
    1
    """
    store = ox.Store()
    store.extend(quads)
    if with_ontology:
        _load_ontology(store)
    return with_union_default_graph(store)


def _load_ontology(store: ox.Store) -> None:
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH) for q in parse_bundled(ontology_path()))


def parse_bundled(path: Path) -> list[ox.Quad]:
    """The statements of one of pactgraph's own Turtle files (the ontology, the shapes).

    A missing or malformed one is a ``GraphLoadError`` at file:line:column that says to restore it:
    a source checkout lets users edit it, and no build rewrites it.
    """
    hint = "restore the file (git checkout) or reinstall pactgraph"
    if not path.is_file():
        raise GraphLoadError("not found", file=path, hint=hint)
    try:
        return list(ox.parse(path=path, format=ox.RdfFormat.TURTLE))
    except SyntaxError as err:
        raise GraphLoadError(_syntax_message(err), file=path, line=err.lineno, column=err.offset, hint=hint) from None
    except (OSError, ValueError) as err:
        raise GraphLoadError(str(err), file=path, hint=hint) from None


def distinct_sorted_lines(data: bytes) -> list[bytes]:
    """The distinct lines of N-Triples or N-Quads, sorted.

    Sorting the lines sorts the statements by subject, predicate, object (and graph) as the terms
    are written in N-Triples: a space ends every term and sorts before anything that can follow a
    term's prefix. Done on bytes, it is many times faster than sorting term objects.

    >>> distinct_sorted_lines(b'<b> <p> "x" .\\n<a> <p> "y" .\\n<b> <p> "x" .\\n')
    [b'<a> <p> "y" .', b'<b> <p> "x" .']
    """
    return sorted(set(data.splitlines()) - {b""})


def serialize_lines(lines: list[bytes], fmt: Format, *, prefixes: Mapping[str, str] | None = None) -> bytes:
    """Serialize sorted N-Triples (or, for dataset formats, N-Quads) lines as ``fmt``, in their order."""
    source = ox.RdfFormat.N_QUADS if fmt.keeps_graphs else ox.RdfFormat.N_TRIPLES
    statements = ox.parse(b"\n".join(lines), format=source) if lines else []
    prefix_map = dict(PREFIXES if prefixes is None else prefixes)
    try:
        out = ox.serialize(
            statements,
            format=fmt.rdf_format,
            prefixes=prefix_map if fmt in (Format.TURTLE, Format.TRIG, Format.XML) else None,
        )
    except (ValueError, TypeError) as err:
        raise ExportError(f"cannot serialize as {fmt.value}: {err}") from None
    assert out is not None
    if fmt is Format.JSONLD and not out.endswith(b"\n"):
        out += b"\n"
    return out


def split_prefixes(data: bytes) -> tuple[bytes, bytes]:
    """Turtle or TriG split into its ``@prefix`` lines and the rest, so the graphs of a dataset can
    be serialized one by one and joined under one header.

    >>> split_prefixes(b"@prefix a: <http://a/> .\\na:x a:y a:z .\\n")
    (b'@prefix a: <http://a/> .\\n', b'a:x a:y a:z .\\n')
    """
    end = 0
    while data.startswith(b"@prefix ", end):
        end = data.index(b"\n", end) + 1
    return data[:end], data[end:]


@functools.cache
def trig_header() -> bytes:
    """The ``@prefix`` lines that start every TriG file pactgraph writes (``PREFIXES``, as
    pyoxigraph writes them): the graphs' blocks are serialized without them and joined under it."""
    probe = ox.Quad(ox.NamedNode(PREFIXES["id"]), ox.NamedNode(PREFIXES["id"]), ox.NamedNode(PREFIXES["id"]))
    return split_prefixes(serialize([probe], Format.TRIG))[0]


def serialize(
    quads: Iterable[ox.Quad | ox.Triple],
    fmt: Format,
    *,
    prefixes: Mapping[str, str] | None = None,
) -> bytes:
    """Serialize deterministically: the same set of quads always gives the same bytes.

    Triple formats (turtle, ntriples, xml, jsonld) get the union of distinct triples, sorted;
    dataset formats (nquads, trig) keep the graphs, the default graph first and then the named
    graphs in order of their IRIs. ``prefixes`` defaults to ``PREFIXES``.

    >>> q = ox.Quad(ox.NamedNode("http://example.org/a"),
    ...             ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.Literal("A"))
    >>> serialize([q], Format.NTRIPLES)
    b'<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\\n'
    """
    items = list(quads)
    if not fmt.keeps_graphs:
        triples = (item.triple if isinstance(item, ox.Quad) else item for item in items)
        lines = distinct_sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
        return serialize_lines(lines, fmt, prefixes=prefixes)
    graphs: dict[str, list[ox.Quad]] = {}
    for item in items:
        quad = item if isinstance(item, ox.Quad) else ox.Quad(*item, ox.DefaultGraph())
        is_named = not isinstance(quad.graph_name, ox.DefaultGraph)
        graphs.setdefault(str(quad.graph_name) if is_named else "", []).append(quad)
    lines = []
    for name in sorted(graphs):
        lines += distinct_sorted_lines(ox.serialize(graphs[name], format=ox.RdfFormat.N_QUADS) or b"")
    return serialize_lines(lines, fmt, prefixes=prefixes)


def create_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in ``path``'s folder, open for writing, to be renamed over ``path``:
    its descriptor and name. It gets the mode writing ``path`` with ``open`` would give it: the
    mode of the file it replaces, or for a new file 0666 less the umask (``mkstemp``'s 0600
    would hide a graph from the server or the other users meant to read it)."""
    folder = path.parent if str(path.parent) else Path(".")
    for _ in range(100):
        name = str(folder / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except FileExistsError:
            continue
        try:
            with contextlib.suppress(FileNotFoundError):
                os.fchmod(fd, os.stat(path).st_mode & 0o7777)
        except OSError:
            os.close(fd)
            os.unlink(name)
            raise
        return fd, name
    raise FileExistsError(f"{folder}: no free temporary name beside {path.name}")


def make_dir_beside(path: Path, kind: str = "new") -> Path:
    """A new folder in ``path``'s folder, named ``.NAME.KIND-XXXXXXXX``, to be renamed over
    ``path``: made with the mode ``mkdir`` gives (0777 less the umask), where ``mkdtemp``'s 0700
    would hide a store or a site from the server or the users meant to read it."""
    for _ in range(100):
        folder = path.parent / f".{path.name}.{kind}-{secrets.token_hex(4)}"
        try:
            folder.mkdir(0o777)
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(f"{path.parent}: no free temporary name beside {path.name}")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: readers see the old or the new file, never half.

    Writes a temp file in the same directory, fsyncs it and ``os.replace``s it; on any failure
    the previous file is untouched and the temp file removed.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_atomic(Path(d) / "x.nt", b"data")
    ...     (Path(d) / "x.nt").read_bytes()
    b'data'
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = create_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def write_output(path: Path, data: bytes) -> None:
    """``write_atomic`` for a file the user named: a failure is one ``ExportError`` line naming it."""
    try:
        write_atomic(path, data)
    except OSError as err:
        raise ExportError(f"{path}: cannot write: {err.strerror or err}") from None


#: The file inside a store folder that says pactgraph wrote it, and which graph file it mirrors.
STORE_STAMP = "pactgraph-store.json"
#: Where ``pactgraph query`` looks for a store when given no ``--graph``.
DEFAULT_STORE = Path("data/kg.store")


#: Above this share of changed graphs a store is loaded afresh rather than updated.
_UPDATE_AT_MOST = 0.2


def write_store(folder: Path, *, header: bytes, graphs: Mapping[str, bytes], union: list[bytes], mirrors: Path) -> None:
    """Replace the on-disk Oxigraph store in ``folder`` with named graphs (IRI → TriG block,
    under the ``@prefix`` lines of ``header``) and their union (sorted N-Triples lines, the
    default graph), plus the ontology, as ``load_graph`` prepares them for queries. ``mirrors``
    is the graph file written with it, recorded so ``query`` knows the store is current.

    When few graphs changed since the store was written, a copy of it (a checkpoint: hard links)
    is updated graph by graph; otherwise a new store is bulk-loaded. Either is swapped in by
    renames: a build killed midway leaves the previous store (renamed back by the next
    ``open_store`` if the kill fell between the renames).
    """
    folder = Path(folder)
    if folder.exists() and not (folder / STORE_STAMP).is_file():
        raise UsageError(f"{folder}: exists and is not a pactgraph store; choose another --store folder or remove it")
    folder.parent.mkdir(parents=True, exist_ok=True)
    _recover(folder)
    digests = {name: hashlib.sha256(block).hexdigest() for name, block in graphs.items()}
    ontology = hashlib.sha256(ontology_path().read_bytes()).hexdigest()
    fresh = make_dir_beside(folder)
    previous = _previous(folder)
    try:
        if not _updated_copy(folder, fresh, header=header, graphs=graphs, digests=digests, ontology=ontology):
            _loaded(fresh, dataset=header + b"".join(graphs[name] for name in sorted(graphs)), union=union)
        _stamp_and_swap(folder, fresh, previous, mirrors=mirrors, ontology=ontology, graphs=digests)
    except OSError as err:
        raise ExportError(f"{folder}: cannot write the store: {err.strerror or err}") from None
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(previous, ignore_errors=True)


def _stamp_and_swap(
    folder: Path, fresh: Path, previous: Path, *, mirrors: Path, ontology: str, on_demand: bool = False, **kept
) -> None:
    """Stamp the new store with the graph file it mirrors (and what it was built from), then swap
    it in by renames: the old one moves to ``previous`` first, so a store is always in place.
    A file left to be written on demand is stamped by its absolute path, without size or time."""
    if on_demand:
        stamp = {"mirrors": str(mirrors.absolute()), "size": None, "mtime_ns": None}
    else:
        stat = mirrors.stat()
        stamp = {"mirrors": str(mirrors), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    stamp |= {"ontology": ontology, **kept}
    (fresh / STORE_STAMP).write_text(json.dumps(stamp, indent=0) + "\n", encoding="utf-8")
    if folder.exists():
        os.replace(folder, previous)
    os.replace(fresh, folder)


def _loaded(folder: Path, *, dataset: bytes, union: list[bytes]) -> None:
    """A new store in ``folder``: the dataset, its union as the default graph, the ontology."""
    store = ox.Store(str(folder))
    store.bulk_load(dataset, format=ox.RdfFormat.TRIG)
    store.bulk_load(b"\n".join(union), format=ox.RdfFormat.N_TRIPLES)
    for graph in (ONTOLOGY_GRAPH, ox.DefaultGraph()):
        store.bulk_load(path=ontology_path(), format=ox.RdfFormat.TURTLE, to_graph=graph)
    store.optimize()
    del store  # closes the database


def _updated_copy(
    folder: Path, fresh: Path, *, header: bytes, graphs: Mapping[str, bytes], digests: dict[str, str], ontology: str
) -> bool:
    """Make ``fresh`` a checkpoint of the store in ``folder`` with the changed graphs replaced and
    the default graph kept the union; False (``fresh`` left empty) when a new store is better:
    none to start from, another ontology, many changes, or the store is open elsewhere."""
    try:
        stamp = json.loads((folder / STORE_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    old = stamp.get("graphs") or {}
    changed = sorted(name for name in old.keys() | digests.keys() if old.get(name) != digests.get(name))
    if stamp.get("ontology") != ontology or not old or len(changed) > _UPDATE_AT_MOST * max(len(digests), 1):
        return False
    return _changed_copy(folder, fresh, header=header, changed={name: graphs.get(name) for name in changed})


def _changed_copy(folder: Path, fresh: Path, *, header: bytes, changed: Mapping[str, bytes | None]) -> bool:
    """``fresh`` made a checkpoint of the store in ``folder`` (hard links) with the graphs of
    ``changed`` replaced (None: removed) and the default graph kept their union; False when the
    store cannot be copied (open elsewhere)."""
    try:
        source = ox.Store(str(folder))
        fresh.rmdir()
        source.backup(str(fresh))
        del source
    except OSError:
        fresh.mkdir(exist_ok=True)
        return False
    store = ox.Store(str(fresh))
    default = ox.DefaultGraph()
    dropped: set[ox.Triple] = set()
    for name in sorted(changed):
        graph = ox.NamedNode(name)
        dropped.update(q.triple for q in store.quads_for_pattern(None, None, None, graph))
        store.remove_graph(graph)
        block = changed[name]
        if block is not None:
            store.load(header + block, format=ox.RdfFormat.TRIG)
            store.extend(
                ox.Quad(q.subject, q.predicate, q.object, default)
                for q in store.quads_for_pattern(None, None, None, graph)
            )
    for t in dropped:
        held = any(
            not isinstance(q.graph_name, ox.DefaultGraph)
            for q in store.quads_for_pattern(t.subject, t.predicate, t.object)
        )
        if not held:
            store.remove(ox.Quad(t.subject, t.predicate, t.object, default))
    store.flush()
    del store
    return True


def update_store(
    folder: Path,
    *,
    header: bytes,
    changed: Mapping[str, bytes | None],
    graphs: int,
    since: str | None,
    generation: str,
    mirrors: Path,
    dataset: Iterable[bytes],
    union: Iterable[bytes],
    on_demand: bool = False,
) -> None:
    """``write_store`` for a build that knows what changed (the build state): the store in
    ``folder``, when it is the one written at generation ``since``, is updated graph by graph with
    ``changed`` (IRI → TriG block, None: removed) out of ``graphs`` in all; otherwise a new one is
    bulk-loaded from ``dataset`` (TriG documents of a few megabytes each) and the sorted N-Triples
    lines ``union``, streamed to a loader process (``pactgraph.loader``).
    Swapped in by renames, as ``write_store``; the stamp records ``generation``. With
    ``on_demand`` the graph file ``mirrors`` is not written (``build --files on-demand``): the store
    stands for it while it does not exist."""
    folder = Path(folder)
    if folder.exists() and not (folder / STORE_STAMP).is_file():
        raise UsageError(f"{folder}: exists and is not a pactgraph store; choose another --store folder or remove it")
    folder.parent.mkdir(parents=True, exist_ok=True)
    _recover(folder)
    ontology = hashlib.sha256(ontology_path().read_bytes()).hexdigest()
    try:
        stamp = json.loads((folder / STORE_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = {}
    fresh = make_dir_beside(folder)
    previous = _previous(folder)
    try:
        updated = (
            since is not None
            and stamp.get("generation") == since
            and stamp.get("ontology") == ontology
            and len(changed) <= _UPDATE_AT_MOST * max(graphs, 1)
            and _changed_copy(folder, fresh, header=header, changed=changed)
        )
        if not updated:
            load_store(fresh, dataset=dataset, union=union, ontology=(ontology_path(), (ONTOLOGY_GRAPH.value, "")))
        _stamp_and_swap(
            folder, fresh, previous, mirrors=mirrors, ontology=ontology, generation=generation, on_demand=on_demand
        )
    except OSError as err:
        raise ExportError(f"{folder}: cannot write the store: {err.strerror or err}") from None
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(previous, ignore_errors=True)


def _previous(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.previous")


def _recover(folder: Path) -> None:
    """Put back a store a build was swapping out when it stopped; clear the rest it left."""
    previous = _previous(folder)
    if previous.is_dir() and not folder.exists():
        os.replace(previous, folder)
    for leftover in folder.parent.glob(f".{folder.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def store_mirrors(folder: Path, graph: Path) -> bool:
    """Whether the store in ``folder`` was written with ``graph`` as it is now (same size and
    modification time), so querying the store gives what querying the file would; or, built
    with ``--files on-demand``, instead of ``graph``, which does not exist."""
    _recover(Path(folder))
    try:
        stamp = json.loads((Path(folder) / STORE_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(stamp, dict):
        return False
    if stamp.get("size") is None:
        return stamp.get("mirrors") == str(Path(graph).absolute()) and not os.path.lexists(graph)
    try:
        stat = Path(graph).stat()
    except OSError:
        return False
    return (stamp.get("size"), stamp.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns)


def stamp_written(folder: Path, graph: Path, *, generation: str) -> bool:
    """Stamp the store in ``folder``, written at ``generation`` while ``graph`` was left on demand
    (``update_store(on_demand=True)``), with ``graph`` now that it is written (``on_demand``): the
    store still stands for it, so ``pactgraph query`` goes on reading the store. False, and
    nothing done, for a store that does not stand for ``graph`` left on demand at that generation."""
    _recover(Path(folder))
    stamp_file = Path(folder) / STORE_STAMP
    try:
        stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
        if not isinstance(stamp, dict) or stamp.get("size") is not None or stamp.get("generation") != generation:
            return False
        if Path(stamp.get("mirrors", "")).resolve() != Path(graph).resolve():
            return False
        stat = Path(graph).stat()
    except (OSError, ValueError, TypeError):
        return False
    stamp |= {"mirrors": str(Path(graph).absolute()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    try:
        write_atomic(stamp_file, (json.dumps(stamp, indent=0) + "\n").encode("utf-8"))
    except OSError as err:
        raise ExportError(f"{folder}: cannot stamp the store: {err.strerror or err}") from None
    return True


def store_generation(folder: Path) -> str | None:
    """The generation ``update_store`` stamped the store in ``folder`` with (None: none)."""
    _recover(Path(folder))
    try:
        return json.loads((Path(folder) / STORE_STAMP).read_text(encoding="utf-8")).get("generation")
    except (OSError, ValueError, AttributeError):
        return None


def open_store(folder: Path) -> ox.Store:
    """The store ``pactgraph build --store`` wrote in ``folder``, opened read-only (any number of
    processes may query it at once), ready for queries.

    >>> open_store(Path("nowhere.store"))
    Traceback (most recent call last):
    ...
    pactgraph.errors.GraphLoadError: nowhere.store: not a pactgraph store; run `pactgraph build --store nowhere.store`
    """
    folder = Path(folder)
    _recover(folder)
    if not (folder / STORE_STAMP).is_file():
        raise GraphLoadError("not a pactgraph store", file=folder, hint=f"run `pactgraph build --store {folder}`")
    try:
        return ox.Store.read_only(str(folder))
    except OSError as err:
        raise GraphLoadError(f"cannot open the store: {err}", file=folder, hint="build it again with --store") from None


def export(src_paths: Iterable[Path], fmt: Format, out: Path | None = None) -> bytes:
    """Load ``src_paths`` (without the ontology) and serialize them as ``fmt``.

    Writes ``out`` atomically when given; always returns the serialized bytes.
    """
    store = load_graph(list(src_paths), with_ontology=False, for_queries=False)
    data = serialize(store.quads_for_pattern(None, None, None, None), fmt)
    if out is not None:
        write_output(out, data)
    return data
