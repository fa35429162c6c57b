"""The comparison of the listing with the manifest holds no row per article: the files that
differ, and those to read, are kept in temporary tables and looked at a batch at a time (a cold
build looks at every article). Run here with batches of two articles, so that every step crosses
batches: the outputs are those of a build with the usual batches, after a cold build and after
articles are added, removed and edited."""

import shutil
from pathlib import Path

import pytest

import pactgraph.incremental
from pactgraph.build import build
from pactgraph.cache import BuildCache

from .conftest import ROOT

PROBE2 = ROOT / "corpus" / "probe2" / "articles"


def _build(corpus: Path, cache: Path, out: Path, *, progress=None):
    return build(
        [corpus],
        out=out / "kg.ttl",
        jobs=1,
        cache=BuildCache(cache),
        validate=False,
        progress=progress or False,
    )


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("kg.ttl", "kg.trig")}


@pytest.mark.parametrize("batch", [2, 2048])
def test_batches_of_any_size_give_the_same_outputs(corpus: Path, tmp_path: Path, monkeypatch, batch: int) -> None:
    monkeypatch.setattr(pactgraph.incremental, "BATCH", batch)
    cache, out = tmp_path / "cache", tmp_path / "out"
    seen: list[Path] = []
    summary = _build(corpus, cache, out, progress=seen.append)
    articles = sorted(corpus.glob("*.txt"))
    assert sorted(seen) == articles and summary.extracted == len(articles)  # each reported once

    (corpus / "p05_kazakhstan_china_power_pipeline.txt").unlink()
    (corpus / "p06_black_sea_cable_bucharest.txt").unlink()
    shutil.copy(PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt", corpus / "0.txt")
    shutil.copy(PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt", corpus / "zz.txt")
    edited = corpus / "p07_aliyev_tokayev_phone_call.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("phone", "telephone"), encoding="utf-8")
    seen.clear()
    summary = _build(corpus, cache, out, progress=seen.append)
    assert sorted(seen) == sorted(corpus.glob("*.txt")) and summary.extracted == 3

    monkeypatch.setattr(pactgraph.incremental, "BATCH", 2048)
    fresh = tmp_path / "fresh"
    shutil.copytree(cache, fresh, ignore=shutil.ignore_patterns("state.sqlite*"))
    _build(corpus, fresh, tmp_path / "cold")
    assert _files(out) == _files(tmp_path / "cold")
