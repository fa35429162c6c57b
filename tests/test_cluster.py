"""``build --scheduler`` on a real Dask cluster (issue 16, part 2): a ``dask scheduler`` and two
``dask worker`` processes on 127.0.0.1, started with this Python (`python -m dask`) in another working
directory. A build there writes the bytes of a local build; a scheduler that cannot be reached, a
bad article and a worker that dies are one-line typed errors that leave the previous outputs."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dask
import distributed  # noqa: F401  (its defaults in dask's config before dask.config.set, which restores what it found)
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from pactgraph import build as build_module
from pactgraph.cli import main
from pactgraph.cluster import map_tasks
from pactgraph.errors import ArticleError, ClusterError
from pactgraph.store import open_store

from .servers import LOOPBACK, unused_port
from .test_generate import generate_module
from .test_watch import PROBE2, _put, _Watching

ROOT = Path(__file__).resolve().parents[1]
DASK = [sys.executable, "-m", "dask"]  # the `dask` command of this Python, wherever its scripts went


def _this_checkout() -> str:
    """``PYTHONPATH`` for a process of this checkout's pactgraph, whatever its working directory (a
    relative ``PYTHONPATH=src`` would make a worker elsewhere import another installation's)."""
    return os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])


@contextlib.contextmanager
def _process(command: list[str], *, log: Path, cwd: Path, env: dict[str, str]) -> Iterator[subprocess.Popen]:
    """A process in a session of its own (a worker's nanny and its worker go together), stopped after."""
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@dataclass(frozen=True)
class Cluster:
    address: str
    #: The working directory of the scheduler and the workers.
    home: Path


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    """A real Dask scheduler on 127.0.0.1 with two single-threaded workers."""
    from distributed import Client

    home = tmp_path_factory.mktemp("dask")  # not the repository: workers must not find files by accident
    address_file = home / "scheduler.json"
    # a worker that dies on a task fails it at once (the crash test), instead of after 3 retries
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0", "PYTHONPATH": _this_checkout()}
    common = ["--no-dashboard", "--scheduler-file", str(address_file)]
    with contextlib.ExitStack() as stack:
        stack.enter_context(
            _process(
                [*DASK, "scheduler", "--host", LOOPBACK, "--port", "0", *common],
                log=home / "scheduler.log",
                cwd=home,
                env=env,
            )
        )
        for number in (1, 2):
            stack.enter_context(
                _process(
                    [*DASK, "worker", "--host", LOOPBACK, "--nthreads", "1", *common],
                    log=home / f"worker-{number}.log",
                    cwd=home,
                    env=env,
                )
            )
        with Client(scheduler_file=str(address_file), timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield Cluster(json.loads(address_file.read_text())["address"], home)


@pytest.fixture
def scheduler(cluster: Cluster) -> str:
    return cluster.address


def _build(tmp_path: Path, name: str, articles: list[str], *extra: str) -> tuple[Path, object]:
    out = tmp_path / name / "kg.ttl"
    command = ["build", "--no-progress", "--out", str(out), "--store", str(tmp_path / name / "kg.store")]
    command += ["--files", "always"]  # the files are compared too
    for folder in articles:
        command += ["--articles", folder]
    result = CliRunner().invoke(main, [*command, *extra])
    return out, result


def _outputs(out: Path) -> dict[str, object]:
    """The graph files' bytes, and the store's quads: its files are not comparable byte for byte, and
    the ontology's blank nodes are new at each load (compared by count)."""
    quads = list(open_store(out.parent / "kg.store"))
    named = {q for q in quads if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    return {"kg.ttl": out.read_bytes(), "kg.trig": out.with_suffix(".trig").read_bytes(), "store": (named, len(quads))}


def test_the_bundled_articles_build_to_the_same_bytes_on_the_cluster(scheduler: str, tmp_path: Path) -> None:
    files = ["--curation", str(ROOT / "data" / "curation.yaml"), "--links", str(ROOT / "data" / "links.csv")]
    local, result = _build(tmp_path, "local", [str(ROOT / "data" / "articles")], *files, "--jobs", "2", "--no-cache")
    assert result.exit_code == 0, result.output
    remote, result = _build(
        tmp_path, "remote", [str(ROOT / "data" / "articles")], *files, "--scheduler", scheduler, "--no-cache"
    )
    assert result.exit_code == 0, result.output
    assert "from 2 articles" in result.stderr
    assert _outputs(remote) == _outputs(local)


def test_a_generated_corpus_builds_to_the_same_bytes_on_the_cluster(
    cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scheduler = cluster.address
    generate_module.generate(tmp_path / "gen", 40, seed=3)
    monkeypatch.chdir(tmp_path)  # relative paths, which the workers (elsewhere) could not read as given
    monkeypatch.setattr(build_module, "_PARTS_PER_TASK", 12)  # several graph-writing tasks
    local, result = _build(tmp_path, "local", ["gen/articles"], "--jobs", "2", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "from 40 articles" in result.stderr
    remote, result = _build(tmp_path, "remote", ["gen/articles"], "--scheduler", scheduler, "--cache", "cache")
    assert result.exit_code == 0, result.output
    assert _outputs(remote) == _outputs(local)
    # the workers filled the cache where the build was told (relative to here, not to them) ...
    assert (tmp_path / "cache" / "facts").is_dir() and not (cluster.home / "cache").exists()
    # ... and a local build reads it
    again, result = _build(tmp_path, "again", ["gen/articles"], "--jobs", "1", "--cache", "cache")
    assert result.exit_code == 0, result.output
    assert "(40 unchanged, from the cache)" in result.stderr
    assert _outputs(again) == _outputs(local)


def _transitions_on(scheduler: str) -> int:
    """How many task state transitions the scheduler has made (of every client): it grows when work runs there."""
    from distributed import Client

    with Client(scheduler, timeout=30) as client:
        return client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)


def test_a_watch_on_the_cluster_rebuilds_to_the_bytes_of_a_local_build(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``build --watch --scheduler``: the rebuild after an article added runs on the cluster's workers
    (the scheduler's transitions grow) and writes what a fresh local build of the same articles
    writes, byte for byte."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in (ROOT / "data" / "articles").iterdir():
        (articles / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "watched"
    links = ["--links", str(ROOT / "data" / "links.csv")]  # and no other file read by default, here or there
    extra = ["--files", "always", "--scheduler", scheduler, *links]
    watch = _Watching(articles, out, tmp_path / "cache", *extra, jobs=None)  # absolute paths: workers are elsewhere
    try:
        assert watch.wait_for("watching").startswith(f"watching {articles} every 0.2 s")
        before = _transitions_on(scheduler)
        _put(articles / "q01.txt", (PROBE2 / "q01_kyrgyz_powerchina_kazarman.txt").read_bytes())
        assert "(articles: 1 added): " in watch.wait_for("rebuilt")
        assert _transitions_on(scheduler) > before
        code, rest = watch.stop(signal.SIGINT)
        assert code == 130 and not [line for line in rest if "Traceback" in line], rest
    finally:
        watch.close()
    monkeypatch.chdir(tmp_path)  # where the watch ran
    local, result = _build(tmp_path, "local", [str(articles)], "--jobs", "1", "--no-cache", *links)
    assert result.exit_code == 0, result.output
    assert "from 3 articles" in result.stderr
    assert _outputs(out / "kg.ttl") == _outputs(local)


def _one_error_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_an_unreachable_scheduler_is_one_line_and_leaves_the_outputs(tmp_path: Path) -> None:
    out, result = _build(tmp_path, "graph", [str(ROOT / "data" / "articles")], "--jobs", "1", "--no-cache")
    assert result.exit_code == 0, result.output
    before = _outputs(out)
    address = f"tcp://{LOOPBACK}:{unused_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        _, result = _build(tmp_path, "graph", [str(ROOT / "data" / "articles")], "--scheduler", address)
    assert result.exit_code == 3
    line = _one_error_line(result)
    assert line.startswith(f"Error: {address}: cannot reach the Dask scheduler"), line
    assert "dask scheduler" in line
    assert _outputs(out) == before


def test_an_unreadable_article_on_a_worker_names_the_article(scheduler: str, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in (ROOT / "data" / "articles").iterdir():
        (articles / path.name).write_bytes(path.read_bytes())
    out, result = _build(tmp_path, "graph", [str(articles)], "--jobs", "1", "--no-cache")
    assert result.exit_code == 0, result.output
    before = _outputs(out)
    (articles / "empty.txt").write_bytes(b"")
    _, result = _build(tmp_path, "graph", [str(articles)], "--scheduler", scheduler, "--strict", "--no-cache")
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert line.startswith(f"Error: {articles / 'empty.txt'}:"), line
    assert _outputs(out) == before


def test_a_task_that_kills_its_worker_is_a_cluster_error(scheduler: str) -> None:
    # os._exit is importable on every worker: the task ends the worker process (its nanny restarts it)
    with pytest.raises(ClusterError, match="Dask workers died while working on 3") as raised:
        list(map_tasks(os._exit, [3], scheduler=scheduler))
    assert str(raised.value).startswith(f"{scheduler}: ")
    assert raised.value.exit_code == 3


@pytest.mark.parametrize("where", ["cluster", "processes", "here"])
def test_an_exception_in_a_task_names_its_item(where: str, request: pytest.FixtureRequest) -> None:
    options = {"scheduler": request.getfixturevalue("scheduler")} if where == "cluster" else {}
    options["jobs"] = 2 if where == "processes" else 1
    with pytest.raises(ArticleError, match=r"^b\.txt: ValueError: invalid literal for int\(\)") as raised:
        list(map_tasks(int, ["1", "2", "b.txt", "4"], chunk=2, describe=str, **options))
    assert "Traceback" in str(raised.value.__cause__)  # the task's traceback, for a bug report
    assert list(map_tasks(int, ["1", "2", "3"], chunk=2, **options)) == [1, 2, 3]


def test_a_local_process_that_dies_is_a_cluster_error() -> None:
    with pytest.raises(ClusterError, match=r"^a build process died while working on 3"):
        list(map_tasks(os._exit, [3, 4], jobs=2))


_LOAD_MISSING = """
from pathlib import Path
from pactgraph.cluster import map_tasks
from pactgraph.errors import GraphLoadError
from pactgraph.store import load_graph
try:
    list(map_tasks(load_graph, [[Path("/nowhere/a.ttl")], [Path("/nowhere/b.ttl")]], **OPTIONS))
except GraphLoadError as error:
    print(type(error).__name__, error.file, error)
"""


@pytest.mark.parametrize("where", ["cluster", "processes"])
def test_a_typed_error_raised_in_a_task_comes_back_whole(where: str, request: pytest.FixtureRequest) -> None:
    # GraphLoadError takes keyword-only arguments, which plain exception pickling drops: it failed to
    # unpickle in the build process (and hung the multiprocessing pool that received it). A process
    # of its own: once loaded, Dask (tblib) changes how every exception pickles.
    options = {"scheduler": request.getfixturevalue("scheduler")} if where == "cluster" else {"jobs": 2}
    script = _LOAD_MISSING.replace("OPTIONS", repr(options))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    expected = "GraphLoadError /nowhere/a.ttl /nowhere/a.ttl: no such file"
    assert done.stdout.startswith(expected), done.stdout + done.stderr


#: Generated articles of the build stopped on the cluster: minutes of work for two workers.
_STOPPED = 600


def _tasks_on(scheduler: str) -> int:
    """How many tasks the scheduler holds (of every client)."""
    from distributed import Client

    with Client(scheduler, timeout=30) as client:
        return client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_build_on_the_cluster_stopped_by_a_signal_exits_at_once(
    scheduler: str, tmp_path: Path, signum: signal.Signals
) -> None:
    """Ctrl-C (SIGINT to the build's process group, as a terminal sends it; the cluster runs
    elsewhere) or SIGTERM on a build with --scheduler, a few seconds into its extraction on the
    workers: exit 130 (143), one line, no traceback, the previous outputs and build state kept,
    and the tasks it had submitted cancelled on the cluster, which the next build finds free."""
    generate_module.generate(tmp_path / "gen", _STOPPED, seed=5)
    articles, cache = tmp_path / "gen" / "articles", tmp_path / "cache"
    small = tmp_path / "small"
    small.mkdir()
    for path in sorted(articles.glob("*.txt"))[:6]:
        (small / path.name).write_bytes(path.read_bytes())
    out, result = _build(tmp_path, "graph", [str(small)], "--jobs", "1", "--cache", str(cache))
    assert result.exit_code == 0, result.output
    before = {**_outputs(out), "state": (cache / "state.sqlite").read_bytes()}

    command = [sys.executable, "-m", "pactgraph.cli", "build", "--no-progress", "--articles", str(articles)]
    command += ["--out", str(out), "--store", str(out.parent / "kg.store"), "--files", "always"]
    command += ["--cache", str(cache), "--scheduler", scheduler]
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": _this_checkout()},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL),
    )
    facts = cache / "facts"
    deadline = time.monotonic() + 180
    while sum(1 for _ in facts.rglob("*")) < 40:  # the workers are extracting
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the workers extracted nothing"
        time.sleep(0.1)
    if signum == signal.SIGINT:
        os.killpg(process.pid, signal.SIGINT)
    else:
        os.kill(process.pid, signal.SIGTERM)
    try:
        stdout, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the build did not exit within 30 s of the signal")
    how = "Ctrl-C" if signum == signal.SIGINT else "SIGTERM"
    assert (process.returncode, stdout) == (128 + signum, b""), stderr.decode()
    assert stderr.decode().startswith(f"Interrupted ({how}): the build stopped;"), stderr.decode()
    assert stderr.count(b"\n") == 1 and b"Traceback" not in stderr, stderr.decode()
    assert {**_outputs(out), "state": (cache / "state.sqlite").read_bytes()} == before
    deadline = time.monotonic() + 60
    while (left := _tasks_on(scheduler)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert left == 0, f"the stopped build's {left} tasks are still on the cluster"

    _, result = _build(tmp_path, "graph", [str(small)], "--scheduler", scheduler, "--cache", str(cache))
    assert result.exit_code == 0, result.output
    assert "(6 unchanged, from the cache)" in result.stderr
