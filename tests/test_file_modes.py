"""Files written atomically (a temporary file beside the target, renamed over it) get the mode a
plain ``open`` would give them: 0666 less the umask for a new file, the previous file's mode for
one replaced. ``tempfile.mkstemp`` made them 0600, so a graph written for a server running as
another user, or for the other members of a group, could not be read by them."""

import os
import stat
from pathlib import Path

import pytest

from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.store import write_atomic

FACT = (
    "On 3 March 2024, the energy ministers of Azerbaijan and Kazakhstan signed a memorandum of understanding "
    "on offshore wind cooperation in Baku."
)


@pytest.fixture
def umask():
    """Set the process's umask for the test (the build runs in this process with ``jobs=1``)."""
    previous = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002], ids=oct)
def test_write_atomic_gives_a_new_file_the_umasks_mode(tmp_path: Path, umask, mask: int) -> None:
    umask(mask)
    write_atomic(tmp_path / "kg.nt", b"data")
    assert _mode(tmp_path / "kg.nt") == 0o666 & ~mask


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, umask) -> None:
    umask(0o022)
    target = tmp_path / "kg.nt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert (target.read_bytes(), _mode(target)) == (b"new", 0o640)


@pytest.mark.parametrize("mask", [0o022, 0o027], ids=oct)
def test_build_outputs_get_the_umasks_mode_written_whole_and_spliced(
    corpus: Path, tmp_path: Path, umask, mask: int
) -> None:
    umask(mask)
    out, cache = tmp_path / "out" / "kg.ttl", BuildCache(tmp_path / "cache")
    build([corpus], out=out, jobs=1, cache=cache, validate=False)  # written whole from the state
    outputs = [out, out.with_suffix(".trig")]
    assert [_mode(path) for path in outputs] == [0o666 & ~mask] * 2
    article = sorted(corpus.glob("*.txt"))[0]
    header, _, body = article.read_text(encoding="utf-8").partition("---\n")
    article.write_text(header + "---\n" + FACT + "\n\n" + body, encoding="utf-8")
    outputs[0].chmod(0o604)  # a mode the user chose is kept by the splice
    before = outputs[1].read_bytes()
    build([corpus], out=out, jobs=1, cache=cache, validate=False)
    assert outputs[1].read_bytes() != before  # spliced, not left alone
    assert [_mode(path) for path in outputs] == [0o604, 0o666 & ~mask]


def test_build_in_memory_outputs_get_the_umasks_mode(corpus: Path, tmp_path: Path, umask) -> None:
    umask(0o027)
    out = tmp_path / "kg.ttl"
    build([corpus], out=out, jobs=1, cache=None, validate=False)
    assert [_mode(out), _mode(out.with_suffix(".trig"))] == [0o640, 0o640]


@pytest.mark.parametrize("mask", [0o022, 0o027], ids=oct)
def test_store_and_site_folders_get_the_umasks_mode(corpus: Path, tmp_path: Path, umask, mask: int) -> None:
    """Folders made beside their target and renamed over it (the store, the static site, the
    shards) get the mode ``mkdir`` gives: ``mkdtemp`` made the store 0700, the site and the shards
    were set to 0755 whatever the umask."""
    from pactgraph.shards import export_shards
    from pactgraph.store import load_graph
    from pactgraph.web import write_site

    umask(mask)
    out, store = tmp_path / "kg.ttl", tmp_path / "kg.store"
    build(
        [corpus],
        out=out,
        store=store,
        jobs=1,
        cache=BuildCache(tmp_path / "cache"),
        validate=False,
        files_on_demand=False,
    )
    assert _mode(store) == 0o777 & ~mask
    write_site(load_graph([out.with_suffix(".trig")]), tmp_path / "site")
    assert _mode(tmp_path / "site") == 0o777 & ~mask
    export_shards([out.with_suffix(".trig")], out=tmp_path / "shards", shards=2)
    assert _mode(tmp_path / "shards") == 0o777 & ~mask
