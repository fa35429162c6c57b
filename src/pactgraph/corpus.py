"""Reading a corpus: every article read and extracted, from the build cache when the article and
the extractor are unchanged, in parallel processes or on a Dask cluster otherwise
(``pactgraph.cluster``).

Extraction is per article and pure (the same bytes give the same facts), so the processes change
how fast, never what: results come back in the order of the paths, and a parallel or cached build
is byte-for-byte the build of one process.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .articles import Article, read_article
from .cache import BuildCache
from .cluster import HeadStart, map_tasks
from .errors import ArticleError

if TYPE_CHECKING:  # the extractor is imported where an article is read (``_extract``), not by a rebuild reading none
    from .extract.facts import ArticleFacts

__all__ = ["Corpus", "default_jobs", "head_start", "load_pipeline", "read_corpus"]

#: Articles sent to a worker at a time: enough to amortise the round trip, small enough to share.
_CHUNK = 8


def default_jobs() -> int:
    """The processes a build uses unless told: one per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class Corpus:
    """The articles that could be read, each with its facts, in the order of the paths."""

    articles: list[Article] = field(default_factory=list)
    facts: list[ArticleFacts] = field(default_factory=list)
    #: One error per article that could not be read and was left out.
    skipped: list[str] = field(default_factory=list)
    #: How many articles were extracted afresh (the rest came from the cache).
    extracted: int = 0


def _extract(path: Path) -> tuple[Article, ArticleFacts] | ArticleError:
    from .extract import extract_article

    try:
        article = read_article(path)
    except ArticleError as err:
        return err
    return article, extract_article(article)


def _extract_and_store(job: tuple[Path, str | None, Path | None]) -> tuple[Article, ArticleFacts] | ArticleError:
    path, key, cache_folder = job
    result = _extract(path)
    if cache_folder is not None and key is not None and not isinstance(result, ArticleError):
        BuildCache(cache_folder).put("facts", key, result)
    return result


def read_corpus(
    paths: list[Path],
    *,
    jobs: int = 1,
    cache: BuildCache | None = None,
    strict: bool = True,
    on_article: Callable[[Path], None] | None = None,
    scheduler: str | None = None,
    head_start: HeadStart | None = None,
) -> Corpus:
    """Read and extract ``paths`` with ``jobs`` processes, or on the workers of the Dask
    ``scheduler`` (which read the files at their absolute paths), using and filling ``cache``;
    or in the process of a ``head_start`` (``head_start()``), which loaded the pipeline already.

    An article that cannot be read raises ``ArticleError`` when ``strict``; otherwise it is left
    out and its error kept in ``Corpus.skipped``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    results: list[tuple[Article, ArticleFacts] | ArticleError | None] = [None] * len(paths)
    todo: list[tuple[int, tuple[Path, str | None, Path | None]]] = []
    for index, path in enumerate(paths):
        key = None
        if cache is not None:
            try:
                key = cache.facts_key(path, path.read_bytes())
            except OSError:
                key = None  # read_article reports it
            if key is not None:
                cached = cache.get("facts", key)
                if cached is not None:
                    article, facts = cached
                    results[index] = dataclasses.replace(article, path=path), facts  # the file may have moved
                    if on_article:
                        on_article(path)
        if results[index] is None:
            todo.append((index, (path, key, cache.folder if cache is not None else None)))
    corpus = Corpus(extracted=len(todo))
    jobs_todo = [job for _, job in todo]
    if scheduler is not None:  # workers have another working directory
        jobs_todo = [(path.absolute(), key, folder and folder.absolute()) for path, key, folder in jobs_todo]
    done = map_tasks(
        _extract_and_store,
        jobs_todo,
        jobs=jobs,
        scheduler=scheduler,
        chunk=_CHUNK,
        describe=lambda job: str(job[0]),
        prepare=load_pipeline,  # loaded once here, inherited by forked processes
        head_start=head_start,
    )
    for (index, (path, _, _)), result in zip(todo, done, strict=True):
        if not isinstance(result, ArticleError) and result[0].path != path:
            result = dataclasses.replace(result[0], path=path), result[1]  # as given, not as the worker read it
        results[index] = result
        if on_article:
            on_article(path)
    for result in results:
        if isinstance(result, ArticleError):
            if strict:
                raise result
            corpus.skipped.append(str(result))
        else:
            article, facts = result
            corpus.articles.append(article)
            corpus.facts.append(facts)
    return corpus


def head_start() -> HeadStart:
    """A process that loads the spaCy pipeline now, to extract a few articles later
    (``read_corpus(head_start=…)``): what a rebuild starts when it first sees an article that may
    have to be read, while it goes on comparing the others. The extractor is imported first, here:
    the process forked inherits it, and this one unpickles its facts (imported in both at once,
    they competed for the cores: a one-article rebuild at 100,000 took 0.45 s longer)."""
    from . import extract  # noqa: F401

    return HeadStart(load_pipeline)


def load_pipeline() -> None:
    """Import spaCy and build the pipeline (once per process): done when some article is to be
    read, or ahead of the changes by a process that stays running (``pactgraph.watch``)."""
    from .extract.nlp import pipeline

    pipeline()
