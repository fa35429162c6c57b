"""An article's graph does not depend on which articles share its batch: a place's country is
written (``pg:inCountry``) when the corpus knows that country, not only when another article of
the same batch of graphs names it. Before, a rebuild that wrote one article's graph alone dropped
the country a clean build had written, from a neighbour of the batch (seen on the bundled
articles: Tbilisi, Georgia)."""

import shutil
from pathlib import Path

import pytest

import pactgraph.build
from pactgraph.build import build
from pactgraph.cache import BuildCache

BRIEF = "p04_newsletter_caspian_power_brief.txt"  # names Tbilisi, not Georgia


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("kg.ttl", "kg.trig")}


def test_a_rebuild_of_one_graph_gives_a_clean_builds_bytes(corpus: Path, tmp_path: Path) -> None:
    cache, out = BuildCache(tmp_path / "cache"), tmp_path / "out"
    build([corpus], out=out / "kg.ttl", jobs=1, cache=cache, validate=False)
    assert (
        b'id:place\\/tbilisi a pg:Place ;\n\t\trdfs:label "Tbilisi" ;\n\t\tpg:inCountry id:country\\/georgia'
        in (out / "kg.trig").read_bytes()
    )
    brief = corpus / BRIEF
    brief.write_text(brief.read_text(encoding="utf-8") + "\nOfficials declined to comment.\n", encoding="utf-8")
    again = build([corpus], out=out / "kg.ttl", jobs=1, cache=cache, validate=False)
    assert again.extracted == 1
    fresh = tmp_path / "fresh"
    shutil.copytree(tmp_path / "cache", fresh, ignore=shutil.ignore_patterns("state.sqlite*"))
    build([corpus], out=tmp_path / "clean" / "kg.ttl", jobs=1, cache=BuildCache(fresh), validate=False)
    assert _files(out) == _files(tmp_path / "clean")


@pytest.mark.parametrize("on_state", [True, False])
def test_graphs_written_one_per_task_are_those_written_together(
    corpus: Path, tmp_path: Path, monkeypatch, on_state: bool
) -> None:
    cache = (lambda name: BuildCache(tmp_path / name)) if on_state else (lambda name: None)
    build([corpus], out=tmp_path / "together" / "kg.ttl", jobs=1, cache=cache("a"), validate=False)
    monkeypatch.setattr(pactgraph.build, "_PARTS_PER_TASK", 1)
    build([corpus], out=tmp_path / "alone" / "kg.ttl", jobs=1, cache=cache("b"), validate=False)
    assert _files(tmp_path / "alone") == _files(tmp_path / "together")
