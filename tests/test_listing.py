"""Listing the articles and comparing them with the manifest (``pactgraph.listing``,
``incremental._Run.scan``): a rebuild reads only the files whose size, modification time or place
changed, and extracts only those whose bytes changed."""

import os
import shutil
from pathlib import Path

from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.listing import find_articles, list_articles

from .conftest import ROOT

PROBE = ROOT / "corpus" / "probe" / "articles"


def test_listed_paths_are_those_of_paths_with_their_stat(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/a.txt", "notes.csv"):
        (tmp_path / name).write_text("Title: T\n---\nA met B.\n")
    monkeypatch.chdir(tmp_path)
    listed = list_articles([Path(".")])
    assert [path for path, _, _ in listed] == ["a.md", os.path.join("sub", "a.txt"), "b.txt"]
    assert [path for path, _, _ in listed] == [str(path) for path in find_articles([Path(".")])]
    stat = os.stat("b.txt")
    assert listed[-1] == ("b.txt", stat.st_size, stat.st_mtime_ns)


def test_a_rebuild_reads_what_changed_and_trusts_size_and_time(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for source in sorted(PROBE.glob("*.txt"))[:4]:
        shutil.copy(source, corpus / source.name)
    out, cache = tmp_path / "kg.ttl", tmp_path / "cache"
    assert build([corpus], out=out, jobs=1, cache=BuildCache(cache)).extracted == 4
    article = sorted(corpus.glob("*.txt"))[1]
    os.utime(article)  # touched, not changed: hashed, not extracted
    assert build([corpus], out=out, jobs=1, cache=BuildCache(cache)).extracted == 0
    shutil.copy(PROBE / "p07_aliyev_tokayev_phone_call.txt", corpus / "0.txt")  # every article moves one place
    assert build([corpus], out=out, jobs=1, cache=BuildCache(cache)).extracted == 1
    stat = article.stat()
    text = article.read_bytes()
    article.write_bytes(text.replace(b"Title: ", b"Title: Q", 1)[:-1])  # same size, same time: as make would, unseen
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert build([corpus], out=out, jobs=1, cache=BuildCache(cache)).extracted == 0
    title = text.split(b"\n", 1)[0].removeprefix(b"Title: ")
    assert b'"' + title in out.with_suffix(".trig").read_bytes()
    forced = build([corpus], out=out, jobs=1, cache=BuildCache(cache, refresh=True))  # --force reads it
    assert forced.extracted == 5 and b'"Q' + title in out.with_suffix(".trig").read_bytes()


def test_the_state_sorts_the_listing_as_list_articles_does(tmp_path: Path, monkeypatch) -> None:
    """A build on the state streams the files into SQLite and sorts them there (its memory does
    not grow with the corpus): the order is ``list_articles``'s, by name then path."""
    from pactgraph.listing import iter_articles
    from pactgraph.state import BuildState

    names = ("b.txt", "a.md", "sub/a.txt", "sub/é.txt", "sub/z/a.html", "Z.txt", "a-b.txt", "a.b.txt", "ab.txt")
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Title: T\n---\nA met B.\n")
    monkeypatch.chdir(tmp_path)
    expected = list_articles([Path("."), Path("sub")])
    with BuildState(tmp_path / "state.sqlite") as state:
        listing = state.listing(iter_articles([Path("."), Path("sub")]))
        placed = state.placed(listing)
        query = f"SELECT l.path, l.size, l.mtime FROM {listing} l JOIN {placed} p ON p.path = l.path ORDER BY p.ord"
        rows = state.rows(query).fetchall()
    assert rows == expected
    assert len(expected) == len(names)
