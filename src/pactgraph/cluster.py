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
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
        self._process = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_head_start, args=(theirs, prepare), daemon=True)
        self._process.start()
        theirs.close()

    def run(self, function: Callable[[T], R], items: list[T], describe: Callable[[T], str]) -> list[R] | None:
        if self._process is None:
            return None
        try:
            self._connection.send((function, items))
            done, value = self._connection.recv()
        except (OSError, EOFError):
            return None  # the process died (out of memory?): the work is done as usual
        finally:
            self.close()

        def result() -> list[R]:
            if not done:
                raise value
            return value

        return _results(result, items, describe, " (in a build process)")

    def close(self) -> None:
        if self._process is not None:
            self._connection.close()
            self._process.kill()
            self._process.join()
            self._process = None


def _head_start(connection, prepare: Callable[[], object]) -> None:
    prepare()
    function, items = connection.recv()
    try:
        done = True, _run_chunk(function, items)
    except Exception as err:  # a PactgraphError or _TaskFailed: raised where the work was asked for
        done = False, err
    connection.send(done)


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
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(_run_chunk, function, each) for each in chunks]
        try:
            for each, future in zip(chunks, futures, strict=True):
                try:
                    yield from _results(future.result, each, describe, " (in a build process)")
                except BrokenProcessPool:
                    raise ClusterError(
                        f"a build process died while working on {_chunk_name(each, describe)} "
                        "(out of memory?); try fewer --jobs"
                    ) from None
        finally:
            for future in futures:
                future.cancel()


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
