"""Splicing ``kg.trig`` after a change (``pactgraph.layout``): a rebuild writes the changed graphs'
blocks and copies the runs of unchanged ones between them from the previous file by byte range.
Whatever changed, and where (the first graph, one in the middle, the last, several at once, a
graph added before all the others or after them, one removed), the file is byte for byte a cold
build's: a splice that copied a stale or shifted range would show here."""

import os
import shutil
from pathlib import Path

from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.links import load_links
from pactgraph.state import STATE_FILE

from .conftest import ROOT

PROBE = ROOT / "corpus" / "probe" / "articles"
PROBE2 = ROOT / "corpus" / "probe2" / "articles"
LINKS = load_links(ROOT / "data" / "links.csv")
FACT = (
    "\nOn 3 March 2024, the energy ministers of Azerbaijan and Kazakhstan signed a memorandum of understanding "
    "on offshore wind cooperation in Baku.\n"
)


def _build(corpus: Path, cache: Path, out: Path) -> None:
    build([corpus], out=out / "kg.ttl", jobs=1, cache=BuildCache(cache), links=LINKS)


def _cold(corpus: Path, cache: Path, out: Path) -> bytes:
    """The TriG of a build on a new state (the facts and SHACL results taken from ``cache``, so
    nothing is extracted again): every graph written from the state, nothing copied."""
    fresh = out.parent / f"{out.name}-cache"
    shutil.copytree(cache, fresh, ignore=shutil.ignore_patterns(f"{STATE_FILE}*"))
    _build(corpus, fresh, out)
    return (out / "kg.trig").read_bytes()


def _add_fact(article: Path) -> None:
    """A new agreement in the article's first paragraph (a trailer section may end its body)."""
    header, _, body = article.read_text(encoding="utf-8").partition("---\n")
    article.write_text(header + "---\n" + FACT.strip() + "\n\n" + body, encoding="utf-8")


def _first_and_last(corpus: Path) -> tuple[Path, Path]:
    articles = sorted(corpus.glob("*.txt"))
    return articles[0], articles[-1]


def test_spliced_trig_is_a_cold_builds_whatever_changed_where(corpus: Path, tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    _build(corpus, cache, out)
    first, last = _first_and_last(corpus)
    middle = corpus / "p07_aliyev_tokayev_phone_call.txt"
    original = {path: path.read_bytes() for path in (first, middle, last)}
    steps = {
        "the middle graph grows": lambda: _add_fact(middle),
        "the first graph grows": lambda: _add_fact(first),
        "the first graph shrinks back": lambda: first.write_bytes(original[first]),
        "the last graph changes": lambda: _add_fact(last),
        "one in the middle removed": lambda: (corpus / "p05_kazakhstan_china_power_pipeline.txt").unlink(),
        "one added before all": lambda: shutil.copy(PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt", corpus / "0.txt"),
        "one added after all": lambda: shutil.copy(PROBE2 / "q10_iran_tajikistan_brief.txt", corpus / "zz.txt"),
        "first and last changed, the first added removed": lambda: (
            _add_fact(first),
            last.write_bytes(original[last]),
            (corpus / "0.txt").unlink(),
        ),
        "the middle change undone": lambda: middle.write_bytes(original[middle]),
    }
    for number, (step, change) in enumerate(steps.items()):
        before = (out / "kg.trig").read_bytes()
        change()
        _build(corpus, cache, out)
        spliced = (out / "kg.trig").read_bytes()
        assert spliced != before, step
        assert spliced == _cold(corpus, cache, tmp_path / f"cold{number}"), step


def test_unchanged_graphs_are_copied_from_the_previous_file(corpus: Path, tmp_path: Path) -> None:
    """What is not changed is copied, not written again: a byte changed behind the state's back in
    an unchanged graph, with the file's size and time kept, is carried over (the limit of
    trusting a file's size and time, as make does); a changed size or time writes it whole."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    _build(corpus, cache, out)
    trig = out / "kg.trig"
    kept = trig.read_bytes()
    unchanged = b"id:extraction\\/p12_baku_energy_forum_2025 "
    assert unchanged in kept
    edited = kept.replace(unchanged, unchanged.replace(b"forum", b"FORUM"))
    stat = trig.stat()
    trig.write_bytes(edited)
    os.utime(trig, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    changed = corpus / "p07_aliyev_tokayev_phone_call.txt"
    _add_fact(changed)
    _build(corpus, cache, out)
    expected = _cold(corpus, cache, tmp_path / "cold")
    assert trig.read_bytes() == expected.replace(unchanged, unchanged.replace(b"forum", b"FORUM"))

    trig.write_bytes(edited)  # a new modification time: not the file the state wrote
    changed.write_bytes((PROBE / changed.name).read_bytes())
    _build(corpus, cache, out)
    assert trig.read_bytes() == _cold(corpus, cache, tmp_path / "cold2")
