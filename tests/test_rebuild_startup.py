"""What a rebuild on the build state loads when nothing has to be read (issue 16): its time at
100,000 articles is mostly start-up, so it must not import what only reading an article or
validating a graph needs: spaCy, rdflib and pyshacl, nor the extractor's modules (importing
``pactgraph.extract`` compiles hundreds of regular expressions: 0.2 s), which a rebuild imports
where it reads an article or writes a graph. The shapes' bounded properties and the predicates
they read (what the union's checks use) are read with pyoxigraph, and they are exactly what rdflib
reads of the shapes (pyshacl's reading stays the reference)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from rdflib import RDF, URIRef
from rdflib.namespace import SH

from pactgraph import validation

from .conftest import ROOT
from .edits import build_on_state, corpus_of

#: Run in a new process: a build, then the names of the heavy packages it imported.
_LOADED = """
import json, sys
from pactgraph.cli import main
main(sys.argv[1:], standalone_mode=False)
heavy = ("rdflib", "pyshacl", "spacy", "pactgraph.extract", "pactgraph.resolve", "pactgraph.triples")
print(json.dumps(sorted({h for m in sys.modules for h in heavy if m == h or m.startswith(h + ".")})))
"""


def test_the_shapes_are_read_as_rdflib_reads_them() -> None:
    shapes = validation._shapes()  # the rdflib graph pyshacl validates with
    bounded = {str(shapes.value(node, SH.path)) for node in shapes.subjects(SH.maxCount, None)}
    read = {str(RDF.type), *(str(p) for p in shapes.objects(None, SH.path) if isinstance(p, URIRef))}
    assert bounded and validation.bounded_properties() == bounded
    assert validation.read_predicates() == read


def test_a_rebuild_with_nothing_to_read_loads_neither_the_extractor_nor_rdflib(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "articles", sorted((ROOT / "data" / "articles").glob("*.txt")))
    out, cache = tmp_path / "out", tmp_path / "cache"
    build_on_state(corpus, cache, out, validate=True)
    command = [sys.executable, "-c", _LOADED, "build", "--no-progress", "--articles", str(corpus), "--jobs", "2"]
    command += ["--out", str(out / "kg.ttl"), "--store", str(out / "kg.store"), "--cache", str(cache)]
    command += ["--no-reason"]
    paths = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    done = subprocess.run(
        command,
        cwd=tmp_path,  # no data/links.csv here
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "(2 unchanged, from the cache)" in done.stderr, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []
