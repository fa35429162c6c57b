"""``build --watch``: after its build the process stays, and builds again when article files are
added, changed or removed; each rebuild writes what a fresh build of the same articles writes
(kg.ttl and kg.trig byte for byte, the same quads in the store). A file still being written is
not read, a burst is one rebuild, a bad article is a warning naming it (with --strict: a rebuild
refused, the last graph kept, the watch going on), and Ctrl-C stops it with exit 130 and the
outputs whole. Real ``pactgraph`` processes, waited for by the lines they print; the settling of
files is checked one poll at a time (``Watch.poll``), so that no test depends on timing."""

from __future__ import annotations

import functools
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph.build import build
from pactgraph.cache import BuildCache
from pactgraph.cli import main
from pactgraph.curation import load_curation
from pactgraph.links import load_links
from pactgraph.state import STATE_FILE
from pactgraph.watch import BUSY_POLLS, FULL_LOOK_EVERY, Watch, WatchedFile

from .conftest import ROOT
from .edits import FACT, store_quads

PROBE2 = ROOT / "corpus" / "probe2" / "articles"
MIDDLE = "p07_aliyev_tokayev_phone_call.txt"
#: Seconds to wait for a line the watch prints: generous, for a loaded machine (not a measure).
PATIENCE = 180.0
INTERRUPTED = "Interrupted (Ctrl-C): the build stopped; no graph file, store or build state is left half-written"
#: Not UTF-8: an article the reader refuses, naming the file.
UNREADABLE = b"Title: Bad\n---\nBaku \xff\xfe talks.\n"

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


class _Watching:
    """``pactgraph build --watch`` in a process group of its own (SIGINT as a terminal leaves it),
    its stderr read line by line as it comes; with ``feed``, ``--changed -`` and a pipe to its
    stdin (``give``); ``interval`` between looks, and ``jobs`` processes (none given: ``--scheduler``
    in ``extra``)."""

    def __init__(
        self, corpus: Path, out: Path, cache: Path, *extra: str, feed: bool = False, interval: str = "0.2",
        jobs: str | None = "1",
    ) -> None:  # fmt: skip
        command = [sys.executable, "-m", "pactgraph.cli", "build", "--watch", "--interval", interval, "--no-progress"]
        command += ["--articles", str(corpus), "--out", str(out / "kg.ttl"), "--store", str(out / "kg.store")]
        command += ["--cache", str(cache), *(["--jobs", jobs] if jobs else []), *(["--changed", "-"] if feed else [])]
        paths = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
        self.process = subprocess.Popen(
            [*command, *extra],
            cwd=out.parent,  # no data/curation.yaml or data/links.csv read by default
            env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
            stdin=subprocess.PIPE if feed else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL),
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.said: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def give(self, *paths: Path | str) -> None:
        """Write ``paths`` to the watch's stdin, one a line, as an ingest process would."""
        self.process.stdin.write("".join(f"{path}\n" for path in paths))
        self.process.stdin.flush()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, start: str) -> str:
        """The next line that starts with ``start`` (the lines before it kept in ``said``)."""
        while True:
            try:
                line = self.lines.get(timeout=PATIENCE)
            except queue.Empty:
                pytest.fail(f"no line starting {start!r} in {PATIENCE:g} s; said: {self.said}")
            if line is None:
                pytest.fail(f"the watch ended (exit {self.process.wait()}) before {start!r}; said: {self.said}")
            self.said.append(line)
            if line.startswith(start):
                return line

    def stop(self, how: signal.Signals) -> tuple[int, list[str]]:
        """Send ``how`` to the process group; its exit code and the lines it said since."""
        os.killpg(self.process.pid, how)
        try:
            code = self.process.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            pytest.fail(f"the watch did not stop on {how.name}")
        rest = []
        while (line := self.lines.get(timeout=PATIENCE)) is not None:
            rest.append(line)
        return code, rest

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@pytest.fixture
def watching():
    """Starts ``_Watching`` processes; those still running after the test are killed."""
    started: list[_Watching] = []

    def start(*args, **options) -> _Watching:
        started.append(_Watching(*args, **options))
        return started[-1]

    yield start
    for each in started:
        each.close()


def _put(path: Path, data: bytes) -> None:
    """Write an article as a careful writer does (another name, then a rename): the watch never
    sees it half-written, whatever the machine's load (settling is tested one poll at a time)."""
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


def _with_fact(article: Path) -> bytes:
    """The article's bytes with ``edits.FACT`` at the top of its body."""
    header, _, body = article.read_bytes().partition(b"---\n")
    return header + b"---\n" + FACT.encode() + b"\n\n" + body


def _fresh(corpus: Path, facts: Path, out: Path, **options) -> dict[str, object]:
    """What a build on a new state writes for ``corpus`` (facts and SHACL results from ``facts``),
    with ``build``'s ``options`` (a curation, links)."""
    for leftover in facts.glob(f"{STATE_FILE}*"):
        leftover.unlink()
    shutil.rmtree(out, ignore_errors=True)
    build(
        [corpus], out=out / "kg.ttl", store=out / "kg.store", jobs=1, cache=BuildCache(facts), files_on_demand=False,
        **options,
    )  # fmt: skip
    return _outputs(out)


def _outputs(out: Path, *, files: bool = True) -> dict[str, object]:
    found: dict[str, object] = {"store": store_quads(out / "kg.store")}
    if files:
        found |= {name: (out / name).read_bytes() for name in ("kg.ttl", "kg.trig")}
    return found


def test_each_rebuild_writes_what_a_fresh_build_writes(corpus: Path, tmp_path: Path, watching) -> None:
    out, facts = tmp_path / "out", tmp_path / "facts"
    watch = watching(corpus, out, tmp_path / "cache", "--files", "always")
    watch.wait_for("watching")
    bad, middle, added = corpus / "bad.txt", corpus / MIDDLE, PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt"
    steps = {
        "an article added": ("1 added", lambda: _put(corpus / "q01.txt", added.read_bytes())),
        "an unreadable article added": ("1 added", lambda: _put(bad, UNREADABLE)),
        "a fact added to an article": ("1 changed", lambda: _put(middle, _with_fact(middle))),
        "an article removed": ("1 removed", lambda: (corpus / "p05_kazakhstan_china_power_pipeline.txt").unlink()),
    }
    for number, (step, (given, change)) in enumerate(steps.items()):
        change()
        line = watch.wait_for("rebuilt")
        assert f"(articles: {given})" in line, step
        assert _outputs(out) == _fresh(corpus, facts, tmp_path / f"fresh{number}"), step
    warning = next(line for line in watch.said if line.startswith("Warning:"))
    assert str(bad) in warning and "the article was left out" in warning
    assert len([line for line in watch.said if str(bad) in line]) == 1  # said once, not at every rebuild

    before = _outputs(out)
    code, rest = watch.stop(signal.SIGINT)
    assert code == 130 and rest[-1].startswith(INTERRUPTED), rest
    assert not [line for line in rest if "Traceback" in line]
    assert _outputs(out) == before
    assert sorted(path.name for path in out.iterdir()) == ["kg.store", "kg.trig", "kg.ttl"]  # nothing half-written


def test_with_strict_a_bad_article_is_a_rebuild_refused_and_the_watch_goes_on(
    corpus: Path, tmp_path: Path, watching
) -> None:
    """On demand (the default with --store): the store is what each rebuild keeps current."""
    out, facts = tmp_path / "out", tmp_path / "facts"
    watch = watching(corpus, out, tmp_path / "cache", "--strict")
    watch.wait_for("watching")
    before = _outputs(out, files=False)
    bad = corpus / "bad.txt"
    _put(bad, UNREADABLE)
    error = watch.wait_for("Error:")
    assert str(bad) in error and "UTF-8" in error
    assert watch.wait_for("not rebuilt").startswith("not rebuilt (articles: 1 added)")
    _put(corpus / MIDDLE, _with_fact(corpus / MIDDLE))  # tried again, with the bad article still there
    assert watch.wait_for("not rebuilt").startswith("not rebuilt (articles: 1 added, 1 changed)")
    assert _outputs(out, files=False) == before
    assert watch.process.poll() is None

    _put(bad, UNREADABLE.replace(b"\xff\xfe ", b""))
    assert "articles: 1 added, 1 changed" in watch.wait_for("rebuilt")  # every change since the last rebuild
    assert _outputs(out, files=False)["store"] == _fresh(corpus, facts, tmp_path / "fresh")["store"]
    assert not (out / "kg.ttl").exists()  # left on demand, as a build leaves it

    code, rest = watch.stop(signal.SIGTERM)
    assert code == 143 and rest[-1].startswith("Interrupted (SIGTERM)"), rest


def test_a_file_is_built_once_it_has_settled_and_a_burst_is_one_rebuild(corpus: Path, tmp_path: Path) -> None:
    out, facts = tmp_path / "out", tmp_path / "facts"
    watch = Watch(
        [corpus], interval=1.0, out=out / "kg.ttl", store=out / "kg.store", jobs=1,
        cache=BuildCache(tmp_path / "cache"), files_on_demand=False,
    )  # fmt: skip
    watch.start()

    text = (PROBE2 / "q02_central_asia_hydropower_feature.txt").read_bytes()
    growing = corpus / "q02.txt"
    growing.write_bytes(text[: len(text) // 2])  # half written
    assert watch.poll() is None  # just appeared
    growing.write_bytes(text)  # the rest
    assert watch.poll() is None  # changed since the last poll
    rebuild = watch.poll()
    assert (rebuild.added, rebuild.changed, rebuild.removed, rebuild.error) == (1, 0, 0, None)
    assert _outputs(out) == _fresh(corpus, facts, tmp_path / "fresh")
    assert watch.poll() is None  # nothing changed since

    for name in ("q03_masdar_kazakhstan_press_release.txt", "q04_georgia_black_sea_cable_interview.txt"):
        shutil.copy(PROBE2 / name, corpus / name)
    (corpus / MIDDLE).unlink()
    assert watch.poll() is None  # the burst, not settled yet
    rebuild = watch.poll()
    assert (rebuild.added, rebuild.changed, rebuild.removed) == (2, 0, 1)
    assert _outputs(out) == _fresh(corpus, facts, tmp_path / "fresh")


def test_a_folder_that_never_goes_quiet_is_built_every_few_polls(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    watch = Watch([corpus], interval=1.0, out=out / "kg.ttl", jobs=1, cache=BuildCache(tmp_path / "cache"))
    watch.start()
    source = (ROOT / "corpus" / "probe" / "articles" / MIDDLE).read_text(encoding="utf-8")
    for poll in range(1, BUSY_POLLS + 1):
        (corpus / f"copy{poll:02}.txt").write_text(source, encoding="utf-8")  # a new file at every poll
        rebuild = watch.poll()
        if poll < BUSY_POLLS:
            assert rebuild is None, poll
    assert (rebuild.added, rebuild.error) == (BUSY_POLLS - 1, None)  # those settled; the last one waits
    assert watch.poll().added == 1  # settled now


def test_a_quick_look_sees_a_file_added_in_any_folder_and_a_full_look_an_edit_in_place(
    corpus: Path, tmp_path: Path
) -> None:
    """While the folders' times are unchanged a poll states them and nothing else; an article
    edited in place, which changes no folder's time, is seen by the full look every few polls."""
    later = corpus / "later"
    later.mkdir()
    for folder in (later, corpus):
        os.utime(folder, ns=(10**18, 10**18))  # long past: no change can hide in their times' tick
    watch = Watch([corpus], interval=1.0, out=tmp_path / "out" / "kg.ttl", jobs=1, cache=BuildCache(tmp_path / "c"))
    watch.start()
    with (corpus / MIDDLE).open("ab") as article:
        article.write(b"\nOfficials declined to comment further on the talks.\n")
    assert [watch.poll() for _ in range(FULL_LOOK_EVERY)] == [None] * FULL_LOOK_EVERY  # quick looks
    assert watch.poll() is None  # the full look: changed, not settled yet
    assert watch.poll().changed == 1

    shutil.copy(PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt", later / "q01.txt")
    assert watch.poll() is None  # the folder's time changed: a full look, the file not settled yet
    assert watch.poll().added == 1


def test_options_that_do_not_go_with_watch_are_one_line(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["build", "--no-progress", "--articles", str(corpus), "--out", str(tmp_path / "kg.ttl")]
    for extra, says in (
        (["--interval", "1"], "--interval is for --watch"),
        (["--watch", "--changed", str(corpus / MIDDLE)], "--watch takes --changed - only"),
        (["--watch", "--interval", "0"], "--interval"),
        (["--watch", "--changed", "-"], "--changed - with --watch reads stdin as a pipe or a file"),  # a test's stdin
    ):
        result = runner.invoke(main, [*args, *extra])
        assert result.exit_code == 2, result.output
        assert says in result.output and "Traceback" not in result.output


#: The header of a links file and its line for Azerbaijan, a country the corpus names.
LINKS = "".join((ROOT / "data" / "links.csv").read_text(encoding="utf-8").splitlines(keepends=True)[:2])
#: A curation that adds a fact: a build in memory (curation.added_facts reads every entity).
ADDITION = (
    "curator: Jane Analyst\nadd:\n  - capacity: {value_mw: 120.5, technology: [wind], status: planned,\n"
    "               place: {name: Mangystau, type: Place}}\n"
)


def test_the_curation_and_links_files_are_read_again_when_they_change(corpus: Path, tmp_path: Path, watching) -> None:
    """Each edit settles as an article does and is one rebuild of what a fresh build with the new
    files writes; a bad file is an error naming its line, the last graph kept, the watch going
    on. A curation that asks for something builds in memory; an article added meanwhile is
    listed by the first rebuild on the build state again."""
    out, facts = tmp_path / "out", tmp_path / "facts"
    curation, links = tmp_path / "curation.yaml", tmp_path / "links.csv"
    curation.write_text("curator: Jane Analyst\n", encoding="utf-8")  # asks for nothing: the build state
    links.write_text(LINKS.splitlines(keepends=True)[0], encoding="utf-8")  # the header alone
    watch = watching(corpus, out, tmp_path / "cache", "--files", "always", "--curation", curation, "--links", links)
    assert str(links) in watch.wait_for("watching")

    def fresh(number: int) -> dict[str, object]:
        options = {"curation": load_curation(curation), "links": load_links(links)}
        return _fresh(corpus, facts, tmp_path / f"fresh{number}", **options)

    added = PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt"
    steps = [
        ("a link added", lambda: _put(links, LINKS.encode()), f"({links} changed)"),
        ("a curation that adds a fact", lambda: _put(curation, ADDITION.encode()), f"({curation} changed)"),
        ("an article added in memory", lambda: _put(corpus / "q01.txt", added.read_bytes()), "(articles: 1 added)"),
        ("the curation emptied", lambda: _put(curation, b"curator: Jane Analyst\n"), f"({curation} changed)"),
    ]
    bad = [
        (links, LINKS.replace(",Q227,", ",Qx,"), f"{links}:2:", "wikidata 'Qx'"),
        (curation, "curator: Jane Analyst\nadd: [\n", f"{curation}:", "YAML"),
    ]
    triples = []
    for number, (step, change, given) in enumerate(steps):
        change()
        line = watch.wait_for("rebuilt")
        assert given in line, (step, line)
        triples.append(int(line.rsplit(": ", 1)[1].split()[0]))
        assert _outputs(out) == fresh(number), step
        if number < len(bad):  # then a bad edit of a file, and the edit undone
            path, text, where, says = bad[number]
            before, good = _outputs(out), path.read_bytes()
            _put(path, text.encode())
            error = watch.wait_for("Error:")
            assert error.startswith(f"Error: {where}") and says in error, error
            assert watch.wait_for("not rebuilt").startswith(f"not rebuilt ({path} changed)")
            assert _outputs(out) == before and watch.process.poll() is None, step
            _put(path, good)
            assert f"({path} changed)" in watch.wait_for("rebuilt")
            assert _outputs(out) == before
    assert triples[1] > triples[0]  # the link's lines; then the curation's fact
    assert not [line for line in watch.said if "Traceback" in line]


def test_paths_given_on_stdin_are_rebuilt_at_once_without_a_look(corpus: Path, tmp_path: Path, watching) -> None:
    """``--changed -`` with an hour between looks: only the paths given can be rebuilt, each at
    once, whether an article or a watched file; a path not under the folders is a warning, and
    stdin's end leaves the watch polling. Two processes: each rebuild forks workers while stdin is
    being read (a thread reading it held the lock of ``sys.stdin``, which a forked worker closes:
    the rebuild hung)."""
    out, facts, links = tmp_path / "out", tmp_path / "facts", tmp_path / "links.csv"
    links.write_text(LINKS.splitlines(keepends=True)[0], encoding="utf-8")
    options = {"feed": True, "interval": "3600", "jobs": "2"}
    watch = watching(corpus, out, tmp_path / "cache", "--files", "always", "--links", links, **options)
    assert watch.wait_for("watching").endswith("the paths of changed files read from stdin as they come")
    middle, removed = corpus / MIDDLE, corpus / "p05_kazakhstan_china_power_pipeline.txt"
    new, added = corpus / "q01.txt", PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt"

    def edit_in_place() -> None:
        with middle.open("ab") as article:  # no folder's time changes: a look would not list the folder
            article.write(b"\nOfficials declined to comment further on the talks.\n")

    steps = [
        ("an article added", lambda: _put(new, added.read_bytes()), [new], "(articles: 1 added)"),
        ("an article edited in place", edit_in_place, [middle], "(articles: 1 changed)"),
        ("one removed, a .part", removed.unlink, [removed, corpus / "q05.txt.part"], "(articles: 1 removed)"),
        ("a watched file", lambda: links.write_text(LINKS, encoding="utf-8"), [links], f"({links} changed)"),
    ]
    for number, (step, change, paths, given) in enumerate(steps):
        change()
        watch.give(*paths)
        assert given in watch.wait_for("rebuilt"), step
        assert _outputs(out) == _fresh(corpus, facts, tmp_path / f"fresh{number}", links=load_links(links)), step

    watch.give(tmp_path / "elsewhere.txt")
    warning = watch.wait_for("Warning:")
    assert warning.startswith(f"Warning: {tmp_path / 'elsewhere.txt'}: not under the article folders"), warning
    watch.process.stdin.close()
    assert watch.wait_for("Warning:") == "Warning: the paths of changed files ended; the watch goes on polling"
    assert watch.process.poll() is None
    code, rest = watch.stop(signal.SIGINT)
    assert code == 130 and rest[-1].startswith(INTERRUPTED), rest


def test_a_path_taken_is_built_at_once_and_polling_still_sees_the_rest(corpus: Path, tmp_path: Path) -> None:
    """``Watch.take``: a file named as changed is built without waiting for it to settle or for a
    look; a path that is not an article under the folders is a notice; a file nobody named is
    found by polling, as without ``take``."""
    out, facts = tmp_path / "out", tmp_path / "facts"
    watch = Watch(
        [corpus], interval=1.0, out=out / "kg.ttl", store=out / "kg.store", jobs=1,
        cache=BuildCache(tmp_path / "cache"), files_on_demand=False,
    )  # fmt: skip
    watch.start()
    named = corpus / "q02.txt"
    shutil.copy(PROBE2 / "q02_central_asia_hydropower_feature.txt", named)
    rebuild = watch.take([str(named), str(tmp_path / "elsewhere.txt"), str(corpus / "q02.txt.part")])
    assert (rebuild.added, rebuild.changed, rebuild.removed, rebuild.error) == (1, 0, 0, None)
    assert [str(notice) for notice in watch.notices] == [
        f"{tmp_path / 'elsewhere.txt'}: not under the article folders ({corpus}); --changed names article files"
        " there: left out"
    ]
    assert _outputs(out) == _fresh(corpus, facts, tmp_path / "fresh")
    assert watch.take([str(named)]) is None  # as the last rebuild found it
    assert watch.poll() is None  # nothing else changed

    shutil.copy(PROBE2 / "q03_masdar_kazakhstan_press_release.txt", corpus / "q03.txt")  # not named
    assert watch.poll() is None  # not settled yet
    assert watch.poll().added == 1
    assert _outputs(out) == _fresh(corpus, facts, tmp_path / "fresh")


def test_rebuilds_reads_paths_from_a_pipe_as_they_come(corpus: Path, tmp_path: Path) -> None:
    """``Watch.rebuilds(changed=fd)`` in this process: a path whose line is not ended yet waits
    for its end; the paths written together are one rebuild; the pipe's end is a notice, and the
    watch goes on (polling, an hour away here)."""
    watch = Watch([corpus], interval=3600.0, out=tmp_path / "out" / "kg.ttl", jobs=1, cache=BuildCache(tmp_path / "c"))
    watch.start()
    for name in ("q03_masdar_kazakhstan_press_release.txt", "q04_georgia_black_sea_cable_interview.txt"):
        shutil.copy(PROBE2 / name, corpus / name)
    read, write = os.pipe()
    try:
        rebuilds = watch.rebuilds(changed=read)
        os.write(write, f"{corpus / 'q03_masdar_kazakhstan_press_release.txt'}\n\n{corpus}/q04".encode())
        os.write(write, b"_georgia_black_sea_cable_interview.txt\r\n")
        rebuild = next(rebuilds)
        assert (rebuild.added, rebuild.error) == (2, None)
        (corpus / MIDDLE).unlink()
        os.write(write, f"{corpus / MIDDLE}".encode())  # no newline: the end of the pipe ends it
        os.close(write)
        write = None
        assert next(rebuilds).removed == 1
        assert str(next(rebuilds)) == "the paths of changed files ended; the watch goes on polling"
    finally:
        os.close(read)
        if write is not None:
            os.close(write)


def test_a_path_taken_whose_rebuild_failed_is_in_every_rebuild_until_one_succeeds(corpus: Path, tmp_path: Path) -> None:
    """With ``strict``: a bad article named is a rebuild refused; the next path named rebuilds with
    it (refused again), and fixing it rebuilds both, as a fresh build of the folder would."""
    out, facts = tmp_path / "out", tmp_path / "facts"
    watch = Watch(
        [corpus], interval=3600.0, out=out / "kg.ttl", store=out / "kg.store", jobs=1, strict=True,
        cache=BuildCache(tmp_path / "cache"), files_on_demand=False,
    )  # fmt: skip
    watch.start()
    before = _outputs(out)
    bad, good = corpus / "bad.txt", corpus / "q01.txt"
    bad.write_bytes(UNREADABLE)
    rebuild = watch.take([str(bad)])
    assert rebuild.error is not None and str(bad) in str(rebuild.error)
    shutil.copy(PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt", good)
    rebuild = watch.take([str(good)])
    assert (rebuild.added, rebuild.summary) == (2, None), str(rebuild)  # the bad one with it
    assert _outputs(out) == before
    bad.write_bytes(UNREADABLE.replace(b"\xff\xfe ", b""))
    rebuild = watch.take([str(bad)])
    assert (rebuild.added, rebuild.error) == (2, None)
    assert _outputs(out) == _fresh(corpus, facts, tmp_path / "fresh")


def test_a_default_links_file_is_read_once_it_appears_and_no_more_once_removed(corpus: Path, tmp_path: Path) -> None:
    """A ``WatchedFile`` that is not ``required`` (a default, as ``data/links.csv``): absent at
    start, no links; once it appears and settles, read; once removed, no links again, each
    rebuild what a fresh build with (or without) the file writes."""
    out, facts, links = tmp_path / "out", tmp_path / "facts", tmp_path / "data" / "links.csv"
    watched = WatchedFile("links", links, load_links)
    watch = Watch(
        [corpus], interval=1.0, files=[watched], out=out / "kg.ttl", store=out / "kg.store", jobs=1,
        cache=BuildCache(tmp_path / "cache"), files_on_demand=False,
    )  # fmt: skip
    watch.start()
    assert watch.options["links"] is None
    links.parent.mkdir()
    links.write_text(LINKS, encoding="utf-8")
    assert watch.poll() is None  # not settled yet
    rebuild = watch.poll()
    assert (rebuild.files, rebuild.added, rebuild.error) == ([str(links)], 0, None), str(rebuild)
    assert str(rebuild).startswith("rebuilt in ") and f"({links} changed): " in str(rebuild)
    assert _outputs(out) == _fresh(corpus, facts, tmp_path / "fresh", links=load_links(links))
    links.unlink()
    assert watch.poll() is None
    assert watch.poll().files == [str(links)]
    assert _outputs(out) == _fresh(corpus, facts, tmp_path / "fresh")
    assert _outputs(out) != _fresh(corpus, facts, tmp_path / "fresh", links=load_links(ROOT / "data" / "links.csv"))
