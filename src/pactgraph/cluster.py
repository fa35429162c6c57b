"""Per-article work in parallel: in local processes, or as tasks on a Dask distributed cluster.

A build maps top-level functions (importable by name, so a worker on another machine can run
them) over tasks that carry everything they need: nothing is shared by forking, and what comes
back is small (facts, serialized graph parts). Tasks run in chunks, results come back in the
order of the tasks, so where the work ran never changes the output.

- ``scheduler=None``: ``jobs`` local processes (forked where the platform allows: they inherit
  what ``prepare`` loaded, the spaCy pipeline), or this process when ``jobs`` is 1;
- ``scheduler="tcp://host:8786"``: the workers of that Dask scheduler. They must run the same
  pactgraph (checked) and reach the article files at the path the build was given (absolute).
  Each worker process loads the pipeline once, on its first article (``pipeline`` is cached per
  process).

Failures are the project's typed errors: a scheduler that cannot be reached, lost, left without
workers, or whose worker died on a task is a ``ClusterError`` naming the scheduler (and the
articles of the task); an unexpected exception in a task is an ``ArticleError`` naming the article.

Stopping midway (an error, Ctrl-C, SIGTERM) stops the local processes at once: they ignore Ctrl-C,
which a terminal sends to every process of the group, and leave it to the build process, which
kills them and closes their pipes (``_in_processes``); a worker whose build process is gone sees
its pipe end and exits.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import logging
import multiprocessing
import multiprocessing.connection
import queue
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from typing import Any, TypeVar

from .errors import ArticleError, ClusterError, PactgraphError

__all__ = ["NO_WORKERS_TIMEOUT", "HeadStart", "map_tasks"]

T = TypeVar("T")
R = TypeVar("R")

#: Seconds a build waits for a scheduler with no workers (starting ones, or ones that all died)
#: before it gives up.
NO_WORKERS_TIMEOUT = 60.0
#: Seconds between checks on the scheduler while waiting for a result.
_POLL = 2.0
#: Seconds a worker process that was told to stop may take to end before it is killed.
_STOP_TIMEOUT = 30.0
#: The signals held back while worker processes are forked (``_forking``).
_HELD = {signal.SIGINT, signal.SIGTERM}
#: Chunks a local worker process is sent at a time: the one it runs and the next.
_AHEAD = 2


class _TaskFailed(Exception):
    """An unexpected exception in one item of a chunk, made plain so it travels between processes
    (the item's index, the exception as one line, its traceback as text)."""


def _run_chunk(function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """``function`` on each item, where the chunk runs (a worker or this process)."""
    results = []
    for index, item in enumerate(items):
        try:
            results.append(function(item))
        except PactgraphError:
            raise  # already says what failed, in one line
        except Exception as err:
            raise _TaskFailed(index, f"{type(err).__name__}: {err}", traceback.format_exc()) from None
    return results


class HeadStart:
    """One process forked ahead of its work, that calls ``prepare`` (loads the spaCy pipeline,
    1.5 s) while this process goes on (listing and comparing the articles: the rebuild learns
    which article changed before it knows it has to be read), then runs the one chunk of work it
    is given (``map_tasks(head_start=…)``). ``close`` kills it, used or not. Where processes
    cannot be forked, or when it died, ``run`` gives None and the work is done as usual."""

    def __init__(self, prepare: Callable[[], object]) -> None:
        self._worker: _Worker | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        with _forking():
            self._worker = _Worker(multiprocessing.get_context("fork"), prepare=prepare)

    def run(self, function: Callable[[T], R], items: list[T], describe: Callable[[T], str]) -> list[R] | None:
        if self._worker is None:
            return None
        try:
            self._worker.connection.send((function, items))
            done, value = self._worker.connection.recv()
        except (OSError, EOFError):
            return None  # the process died (out of memory?): the work is done as usual
        finally:
            self.close()
        return _results(functools.partial(_outcome, done, value), items, describe, " (in a build process)")

    def close(self) -> None:
        if self._worker is not None:
            self._worker.stop(kill=True)
            self._worker = None


@contextlib.contextmanager
def _forking() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back in this thread while it forks worker processes: one that comes
    meanwhile is delivered here when the block ends, once the processes are known (and stopped
    with the rest), and a child starts with them blocked until it has set what they do to it
    (``_serve``), so that none reaches a child still running this process's handlers."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


class _Worker:
    """A worker process (``_serve``) and this end of its pipe; ``chunks``: the indexes of the
    chunks it was sent and has not sent back, in order. Made inside ``_forking``. A forked worker
    closes its copies of this end of its pipe and of ``others``, the pipes of the workers forked
    before it: it sees its pipe end once this process closes it or is gone."""

    def __init__(
        self,
        context: Any,
        *,
        prepare: Callable[[], object] | None = None,
        others: Sequence[multiprocessing.connection.Connection] = (),
    ) -> None:
        self.connection, theirs = context.Pipe()
        inherited = [*others, self.connection] if context.get_start_method() == "fork" else []
        self.process = context.Process(target=_serve, args=(theirs, prepare, inherited), daemon=True)
        self.process.start()
        theirs.close()
        self.chunks: collections.deque[int] = collections.deque()

    def stop(self, *, kill: bool) -> None:
        """End the process: killed at once, or, done with its work, told by its pipe's end (and
        killed if it has not ended in ``_STOP_TIMEOUT`` seconds)."""
        if kill:
            self.process.kill()
        self.connection.close()
        self.process.join(timeout=None if kill else _STOP_TIMEOUT)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _serve(
    connection: multiprocessing.connection.Connection,
    prepare: Callable[[], object] | None,
    inherited: list[multiprocessing.connection.Connection],
) -> None:
    """A worker process: ``prepare``, then every chunk it is sent run (``(function, items)``) and its
    results sent back, until its pipe ends (the build is done, stopped or gone).

    Ctrl-C is ignored here: a terminal sends it to every process of the group, and a worker
    interrupted while it reads a task or writes its results would leave the pipe half-read; the
    build process stops the workers itself. SIGTERM ends it as it would any process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    for other in inherited:
        other.close()
    tasks: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(connection, tasks), daemon=True).start()
    if prepare is not None:
        prepare()
    while (task := tasks.get()) is not None:
        function, items = task
        try:
            reply: tuple[bool, Any] = True, _run_chunk(function, items)
        except Exception as err:  # a PactgraphError or _TaskFailed: raised where the work was asked for
            reply = False, err
        try:
            connection.send(reply)
        except OSError:
            return  # the build is gone
        except Exception as err:  # the results do not pickle: said as the chunk's failure
            failed = _TaskFailed(0, f"its results cannot be sent back ({type(err).__name__}: {err})", "")
            with contextlib.suppress(OSError):
                connection.send((False, failed))


def _receive(connection: multiprocessing.connection.Connection, tasks: queue.SimpleQueue) -> None:
    """In a worker, a thread: the chunks it is sent, read as they come (the build sends the next
    one while this one runs, ``_AHEAD``: the worker never waits for it, and the build never waits
    for the worker to read); None once the pipe ends."""
    while True:
        try:
            tasks.put(connection.recv())
        except Exception:  # the pipe ended (EOFError, OSError), or a task that does not unpickle
            tasks.put(None)
            return


def _outcome(done: bool, value: Any) -> Any:
    """What a worker sent back for a chunk: its results, or the error it raised, raised here."""
    if not done:
        raise value
    return value


def map_tasks(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    chunk: int = 1,
    describe: Callable[[T], str] = str,
    prepare: Callable[[], object] | None = None,
    head_start: HeadStart | None = None,
) -> Iterator[R]:
    """``function(item)`` for every item, in order, run in chunks of ``chunk`` items by ``jobs``
    local processes or by the workers of the Dask ``scheduler``.

    ``function`` must be a top-level function of an installed module; ``describe(item)`` names an
    item in an error (an article's path); ``prepare`` is called here before local processes are
    forked, so they inherit what it loads (workers of a scheduler load it themselves). A
    ``head_start`` (local processes only) runs all the items in its process, prepared already.
    """
    chunks = [list(items[start : start + chunk]) for start in range(0, len(items), chunk)]
    if not chunks:
        return
    if head_start is not None and scheduler is None:
        done = head_start.run(function, list(items), describe)
        if done is not None:
            yield from done
            return
    if scheduler is not None:
        yield from _on_cluster(function, chunks, scheduler=scheduler, describe=describe)
    elif jobs > 1 and len(chunks) > 1:
        if prepare is not None:
            prepare()
        yield from _in_processes(function, chunks, jobs=min(jobs, len(chunks)), describe=describe)
    else:
        for each in chunks:
            yield from _results(lambda each=each: _run_chunk(function, each), each, describe, "")


def _results(get: Callable[[], list[R]], items: list, describe: Callable[[Any], str], where: str) -> list[R]:
    """A chunk's results, with an unexpected exception in one item turned into an ``ArticleError``
    naming that item (its traceback kept as the cause)."""
    try:
        return get()
    except _TaskFailed as failed:
        index, what, text = failed.args
        raise ArticleError(f"{describe(items[index])}: {what}{where}") from RuntimeError(text)


def _in_processes(
    function: Callable[[T], R], chunks: list[list[T]], *, jobs: int, describe: Callable[[T], str]
) -> Iterator[R]:
    """The chunks run by ``jobs`` worker processes (forked where the platform allows, after
    ``prepare``), sent and sent back through a pipe of each worker's own (the next chunk sent
    while a worker runs one); results in the order of the chunks (``_Pool``).

    Not ``concurrent.futures.ProcessPoolExecutor``: stopped midway, its threads and shared queues
    can hang the build. A Ctrl-C that interrupted a worker waiting for its next task broke the pool
    while this process cancelled the tasks not started; its management thread then failed on a
    cancelled task (CPython 3.11) before closing the task queue, whose feeder thread stayed
    blocked writing a large task to a pipe nobody read, and the build process joined it forever
    on exit. Here nothing but this thread talks to the workers: when the build stops (an error,
    Ctrl-C, SIGTERM: the ``finally``) they are killed and their pipes closed, and nothing is left
    to wait for."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    workers: list[_Worker] = []
    ended = False
    try:
        with _forking():
            for _ in range(jobs):
                workers.append(_Worker(context, others=[worker.connection for worker in workers]))
        pool = _Pool(function, chunks, describe, workers)
        for index, each in enumerate(chunks):
            done, value = pool.result(index)
            yield from _results(functools.partial(_outcome, done, value), each, describe, " (in a build process)")
        ended = True
    finally:
        for worker in workers:
            worker.stop(kill=not ended)


class _Pool:
    """Chunks handed to worker processes, ``_AHEAD`` at a time each (the next one sent while the
    worker runs the one before), their results kept until asked for in order. A worker that dies
    on a chunk is that chunk's error (``ClusterError``), raised in its turn; the chunks it was sent
    ahead go to the others, which go on meanwhile."""

    def __init__(self, function: Callable, chunks: list[list], describe: Callable, workers: list[_Worker]) -> None:
        self.function, self.chunks, self.describe, self.workers = function, chunks, describe, workers
        self.waiting = collections.deque(range(len(chunks)))  # not yet given to a worker
        self.results: dict[int, tuple[bool, Any]] = {}
        self.dead: set[_Worker] = set()
        for worker in workers:
            self._give(worker)

    def result(self, index: int) -> tuple[bool, Any]:
        """What chunk ``index`` gave: (True, its results) or (False, the error it raised)."""
        while index not in self.results:
            self._collect(index)
        return self.results.pop(index)

    def _give(self, worker: _Worker) -> None:
        """Send a worker the next chunks, up to ``_AHEAD`` outstanding (put back when the worker
        is gone)."""
        while len(worker.chunks) < _AHEAD and self.waiting and worker not in self.dead:
            index = self.waiting.popleft()
            try:
                worker.connection.send((self.function, self.chunks[index]))
            except OSError:
                self.dead.add(worker)
                self.waiting.appendleft(index)
                return
            worker.chunks.append(index)

    def _collect(self, wanted: int) -> None:
        """Wait for busy workers to send results back (or to die), keep them, and send them the
        next chunks."""
        busy = [worker for worker in self.workers if worker.chunks]
        if not busy:  # every worker is gone: the chunks left cannot run
            raise _died(self.chunks[wanted], self.describe)
        ready = multiprocessing.connection.wait(
            [worker.connection for worker in busy] + [worker.process.sentinel for worker in busy]
        )
        for worker in busy:
            if worker.connection in ready or worker.process.sentinel in ready:
                try:
                    result = worker.connection.recv()
                except (EOFError, OSError):  # died on its first chunk; the next go to the others
                    index = worker.chunks.popleft()
                    self.results[index] = False, _died(self.chunks[index], self.describe)
                    self.waiting.extendleft(reversed(worker.chunks))
                    worker.chunks.clear()
                    self.dead.add(worker)
                    continue
                self.results[worker.chunks.popleft()] = result
                self._give(worker)


def _died(items: list, describe: Callable[[Any], str]) -> ClusterError:
    return ClusterError(
        f"a build process died while working on {_chunk_name(items, describe)} (out of memory?); try fewer --jobs"
    )


def _chunk_name(items: list, describe: Callable[[Any], str]) -> str:
    first = describe(items[0])
    return first if len(items) == 1 else f"{first} and {len(items) - 1} more"


def _on_cluster(
    function: Callable[[T], R], chunks: list[list[T]], *, scheduler: str, describe: Callable[[T], str]
) -> Iterator[R]:
    """The chunks as tasks on the scheduler's workers; each result is released once read, so
    neither the workers nor this process hold more than the results not yet read."""
    import distributed  # only builds on a cluster need it loaded

    with _quiet():
        client = _connect(scheduler)
        try:
            futures = [client.submit(_run_chunk, function, each, pure=False) for each in chunks]
            for index, each in enumerate(chunks):
                future, futures[index] = futures[index], None
                yield from _results(
                    lambda future=future: _wait(client, future, scheduler),
                    each,
                    describe,
                    f" (on a Dask worker of {scheduler})",
                )
        except distributed.KilledWorker:
            raise ClusterError(
                f"{scheduler}: Dask workers died while working on {_chunk_name(each, describe)}; "
                "see the workers' logs (out of memory?)"
            ) from None
        finally:
            client.close()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Dask's client logs its own account of a lost scheduler (with tracebacks) on stderr; the
    build says it in one line instead."""
    handlers = logging.getLogger("distributed").handlers
    levels = [handler.level for handler in handlers]
    for handler in handlers:
        handler.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for handler, level in zip(handlers, levels, strict=True):
            handler.setLevel(level)


def _connect(scheduler: str):
    """A client of the scheduler whose workers run the same pactgraph as this process (a worker
    with another version would write other bytes)."""
    from distributed import Client

    from .cache import code_fingerprint

    try:
        client = Client(scheduler, set_as_default=False)
    except (OSError, ValueError, TypeError) as err:
        reason = " ".join(str(err).split()) or type(err).__name__
        raise ClusterError(
            f"{scheduler}: cannot reach the Dask scheduler ({reason}); "
            "start it with `dask scheduler`, or check the address"
        ) from None
    try:
        try:
            theirs = client.run(code_fingerprint)
        except Exception as err:  # a worker without pactgraph cannot even unpickle the function
            raise ClusterError(
                f"{scheduler}: the Dask workers cannot run pactgraph ({type(err).__name__}: {err}); "
                "install it on every worker"
            ) from None
        for worker, fingerprint in sorted(theirs.items()):
            if fingerprint != code_fingerprint():
                raise ClusterError(
                    f"{scheduler}: the Dask worker {worker} runs another version of pactgraph; "
                    "install the same one on every worker"
                )
    except BaseException:
        client.close()
        raise
    return client


def _wait(client, future, scheduler: str) -> Any:
    """The future's result, checking meanwhile that the scheduler is there and has workers."""
    idle_since = None
    while True:
        try:
            return future.result(timeout=_POLL)
        except TimeoutError:
            pass
        except CancelledError:
            raise ClusterError(f"{scheduler}: lost the connection to the Dask scheduler; is it running?") from None
        try:
            workers = client.nthreads()
        except OSError:
            raise ClusterError(f"{scheduler}: lost the connection to the Dask scheduler; is it running?") from None
        if workers:
            idle_since = None
        elif idle_since is None:
            idle_since = time.monotonic()
        elif time.monotonic() - idle_since > NO_WORKERS_TIMEOUT:
            raise ClusterError(
                f"{scheduler}: the Dask scheduler has had no workers for {NO_WORKERS_TIMEOUT:g} s; "
                f"start some with `dask worker {scheduler}`"
            )
