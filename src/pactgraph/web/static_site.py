"""``pactgraph site``: every page of the explorer as files, for any web host or ``file://``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox

from pactgraph.errors import ExportError, UsageError
from pactgraph.store import make_dir_beside
from pactgraph.web.site import Site

__all__ = ["MARKER", "write_site"]

#: The file that says a folder is a site pactgraph wrote (and may replace).
MARKER = "pactgraph-site.txt"
_MARKER_TEXT = b"Written by `pactgraph site`; the next run replaces this whole folder.\n"


def write_site(store: ox.Store, out: Path) -> int:
    """Write the static site of ``store`` into ``out``; return the number of files.

    The site is written into a new folder beside ``out`` and swapped in, so ``out`` holds the
    previous site or the new one, never half of each. A folder that exists, is not empty and is
    not a pactgraph site is never touched. The bytes depend only on the graph (no dates, sorted
    everything), so two runs give identical files.
    """
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise UsageError(f"{out}: exists and is not a pactgraph site; choose another --out folder or remove it")
    site = Site(store)
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = make_dir_beside(out)
    old = out.with_name(f".{out.name}.old")
    try:
        count = 0
        for path in site.paths():
            page = site.render(path)
            if page is None:
                continue
            target = fresh / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.body)
            count += 1
        (fresh / MARKER).write_bytes(_MARKER_TEXT)
        if out.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
        os.replace(fresh, out)
    except OSError as err:
        raise ExportError(f"{out}: cannot write the site: {err.strerror or err}") from None
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return count
