"""``build --changed``: a caller that knows which article files changed names them, and the build
takes every other article as it was, without listing the folders; the outputs are byte for byte
those of a build that lists them (checked after an edit, an addition and a removal)."""

import os
import shutil
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.cli import main
from pactgraph.state import STATE_FILE

from .conftest import ROOT
from .edits import add_fact, build_on_state, store_quads

PROBE2 = ROOT / "corpus" / "probe2" / "articles"
MIDDLE = "p07_aliyev_tokayev_phone_call.txt"


def _outputs(out: Path) -> dict[str, object]:
    return {
        "kg.ttl": (out / "kg.ttl").read_bytes(),
        "kg.trig": (out / "kg.trig").read_bytes(),
        "store": store_quads(out / "kg.store"),
    }


def _listed(corpus: Path, cache: Path, out: Path) -> dict[str, object]:
    """The outputs of a build that lists the folder, on a new state (facts and SHACL results from
    ``cache``)."""
    fresh = out.parent / f"{out.name}-cache"
    shutil.copytree(cache, fresh, ignore=shutil.ignore_patterns(f"{STATE_FILE}*"))
    build_on_state(corpus, fresh, out)
    return _outputs(out)


def test_changed_files_give_the_bytes_of_a_listed_build(corpus: Path, tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    build_on_state(corpus, cache, out)
    middle, first = corpus / MIDDLE, sorted(corpus.glob("*.txt"))[0]
    added, removed = corpus / "0.txt", corpus / "p05_kazakhstan_china_power_pipeline.txt"
    steps = {
        "a fact added to an article": lambda: [add_fact(middle), [middle]],
        "an article added": lambda: [shutil.copy(PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt", added), [added]],
        "an article removed, another edited": lambda: [removed.unlink(), add_fact(first), [removed, first]],
        "nothing changed": lambda: [[]],
    }
    for number, (step, change) in enumerate(steps.items()):
        *_, paths = change()
        summary = build_on_state(corpus, cache, out, changed=paths)
        assert not [w for w in summary.warnings if "--changed" in w], step
        assert summary.articles == len(list(corpus.glob("*.txt"))), step
        listed = _listed(corpus, cache, tmp_path / f"listed{number}")
        assert _outputs(out) == listed, step
    fresh = Graph().parse(out / "kg.ttl")
    assert isomorphic(fresh, Graph().parse(data=listed["kg.ttl"].decode(), format="turtle"))


def test_files_not_named_are_taken_as_they_were(corpus: Path, tmp_path: Path) -> None:
    """What the caller does not name is not looked at: an edit left out of the list is seen only
    by the next build that lists the folders (as ``make`` trusts what it is told)."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    build_on_state(corpus, cache, out)
    before = _outputs(out)
    add_fact(corpus / MIDDLE)
    build_on_state(corpus, cache, out, changed=[])
    assert _outputs(out) == before
    build_on_state(corpus, cache, out)
    assert _outputs(out) == _listed(corpus, cache, tmp_path / "listed")


def test_a_state_that_cannot_take_the_list_lists_the_folders(corpus: Path, tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    add_fact(corpus / MIDDLE)
    summary = build_on_state(corpus, cache, out, changed=[corpus / MIDDLE])  # no state yet
    assert any("--changed not used: the build state holds no listing" in w for w in summary.warnings)
    assert summary.articles == len(list(corpus.glob("*.txt")))

    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    summary = build_on_state(other, cache, out, changed=[other / MIDDLE])
    assert any("other --articles folders" in w for w in summary.warnings)
    forced = build(
        [corpus], out=out / "kg.ttl", jobs=1, cache=BuildCache(cache, refresh=True), changed=[corpus / MIDDLE]
    )
    assert any("--force reads every article" in w for w in forced.warnings)
    in_memory = build([corpus], out=tmp_path / "mem" / "kg.ttl", jobs=1, cache=None, changed=[corpus / MIDDLE])
    assert any("--changed is for builds on the build state" in w for w in in_memory.warnings)


def test_the_cli_reads_changed_paths_and_refuses_what_is_not_an_article(corpus: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    args = ["build", "--no-progress", "--articles", str(corpus), "--out", str(out / "kg.ttl"), "--jobs", "1"]
    args += ["--cache", str(cache), "--no-validate"]
    runner = CliRunner()
    assert runner.invoke(main, args).exit_code == 0
    add_fact(corpus / MIDDLE)
    (corpus / "notes.json").write_text("{}", encoding="utf-8")
    stdin = f"{corpus / MIDDLE}\n\n{corpus / 'notes.json'}\n"  # another suffix: not an article, left out
    result = runner.invoke(main, [*args, "--changed", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    assert "--changed not used" not in result.output
    listed = tmp_path / "listed"
    shutil.copytree(cache, listed, ignore=shutil.ignore_patterns(f"{STATE_FILE}*"))
    again = ["build", "--no-progress", "--articles", str(corpus), "--out", str(tmp_path / "l" / "kg.ttl")]
    assert runner.invoke(main, [*again, "--jobs", "1", "--cache", str(listed), "--no-validate"]).exit_code == 0
    assert (out / "kg.ttl").read_bytes() == (tmp_path / "l" / "kg.ttl").read_bytes()

    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Title: T\n---\nBody.\n", encoding="utf-8")
    for path, says in ((outside, "not under the article folders"), (corpus, "not under the article folders")):
        result = runner.invoke(main, [*args, "--changed", str(path)])
        assert result.exit_code == 2, result.output
        assert says in result.output and str(path) in result.output and "Traceback" not in result.output
    (corpus / "sub").mkdir()
    result = runner.invoke(main, [*args, "--changed", str(corpus / "sub")])
    assert result.exit_code == 2 and "a folder; --changed names article files" in result.output


def test_paths_are_named_as_the_listing_names_them(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """A relative --articles folder and an absolute --changed path (or the reverse) name one file."""
    monkeypatch.chdir(corpus.parent)
    cache, out = tmp_path / "cache", tmp_path / "out"
    relative = Path(corpus.name)
    build([relative], out=out / "kg.ttl", jobs=1, cache=BuildCache(cache), validate=False)
    add_fact(corpus / MIDDLE)
    os.utime(corpus / MIDDLE, ns=(1, 2))
    summary = build(
        [relative], out=out / "kg.ttl", jobs=1, cache=BuildCache(cache), validate=False, changed=[corpus / MIDDLE]
    )
    assert summary.extracted == 1 and not [w for w in summary.warnings if "--changed" in w]
    summary = build([relative], out=out / "kg.ttl", jobs=1, cache=BuildCache(cache), validate=False)
    assert summary.extracted == 0  # the listing finds the manifest as --changed left it
