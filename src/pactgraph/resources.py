"""Find the bundled ``ontology/`` (ontology and SHACL shapes) and ``queries/`` folders.

They live at the repository root (where users look for them) and the wheel force-includes them
inside the package, so an installed pactgraph looks there first and a source checkout falls back
to the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_ROOT = Path(__file__).resolve().parents[2]


def _resource_dir(name: str) -> Path:
    """Return the installed copy of folder ``name`` if present, else the repository's one."""
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _REPO_ROOT / name


def ontology_path() -> Path:
    """Path of ``pactgraph.ttl``, the ontology (it may not exist; callers check).

    >>> ontology_path().name
    'pactgraph.ttl'
    """
    return _resource_dir("ontology") / "pactgraph.ttl"


def shapes_path() -> Path:
    """Path of ``shapes.ttl``, the SHACL shapes the graph is validated against (callers check it exists).

    >>> shapes_path().name
    'shapes.ttl'
    """
    return _resource_dir("ontology") / "shapes.ttl"


def queries_dir() -> Path:
    """Folder holding the bundled ``*.rq`` SPARQL queries.

    >>> queries_dir().name
    'queries'
    """
    return _resource_dir("queries")
