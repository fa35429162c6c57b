"""Finding the article files under the ``--articles`` folders, each with its size and
modification time: what a rebuild compares with its manifest to know what changed.

Every build lists every article, so this is the part of a rebuild that follows the corpus. It
works on the strings and stat results ``os.scandir`` gives (one ``stat`` per file, which a
rebuild needs anyway; no ``Path`` per file: at 100,000 articles those took seconds). Not part of
the extractor's fingerprint (``cache.extractor_fingerprint``): which files are articles decides
nothing about what an article says.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .articles import ARTICLE_SUFFIXES
from .errors import ArticleError, UsageError

__all__ = ["Found", "Listed", "changed_entries", "find_articles", "iter_articles", "list_articles"]


#: One article file: its path as ``str(Path)`` gives it, its size and modification time (None when
#: it cannot be stated: a broken link, read afresh at every build to say why). A plain tuple: a
#: rebuild makes one per article and compares them with the manifest's rows as they are.
Listed = tuple[str, int | None, int | None]
#: One article file as ``iter_articles`` finds it: its name without the suffix (the first sort
#: key), then its ``Listed`` fields.
Found = tuple[str, str, int | None, int | None]


def find_articles(directories: list[Path], *, warnings: list[str] | None = None) -> list[Path]:
    """All article files under the given folders, sorted so builds are deterministic
    (``list_articles``)."""
    return [Path(path) for path, _, _ in list_articles(directories, warnings=warnings)]


def list_articles(directories: list[Path], *, warnings: list[str] | None = None) -> list[Listed]:
    """All article files under the given folders with their size and time, sorted by name and
    then path so builds are deterministic.

    Links to folders are followed, each folder read once: a link to a folder already read (a loop
    back to a parent, say) is not followed again, with a message appended to ``warnings``. A link
    with an article's suffix is returned even when broken or looping, so reading it says why.
    """
    found = sorted(iter_articles(directories, warnings=warnings))
    if not found:
        raise no_articles(directories)
    return [(path, size, mtime) for _, path, size, mtime in found]


def no_articles(directories: list[Path]) -> ArticleError:
    folders = ", ".join(map(str, directories))
    return ArticleError(f"{folders}: no .txt, .md or .html articles found; add articles first")


def iter_articles(
    directories: list[Path], *, warnings: list[str] | None = None, read_folders: list[str] | None = None
) -> Iterator[Found]:
    """The article files of ``list_articles`` as they are found, unsorted and not held: sorted,
    they are its list (a build on the state sorts them in SQLite, so that its memory does not
    grow with the corpus). A folder that does not exist raises ``ArticleError`` at once. Every
    folder read is appended to ``read_folders`` when given (a watch looks at their times:
    ``pactgraph.watch``)."""
    _check_folders(directories)
    seen: set[tuple[int, int]] = set()
    for directory in directories:
        top = directory.stat()
        if (top.st_dev, top.st_ino) in seen:
            continue
        seen.add((top.st_dev, top.st_ino))
        yield from _walk(str(directory), seen, warnings, read_folders)


def _check_folders(directories: list[Path]) -> None:
    for directory in directories:
        if not directory.is_dir():
            raise ArticleError(f"{directory}: no such folder; pass --articles with a folder of articles")


def article_stem(name: str) -> str | None:
    """The name of an article file ``name`` without its suffix, or None when the listing does not
    take it (not an article's suffix; nothing but dots before it)."""
    dot = name.rfind(".")
    stem = name[:dot]
    if name[dot:] not in ARTICLE_SUFFIXES or not stem.lstrip("."):
        return None  # the suffix as os.path.splitext gives it: none for ".txt"
    return stem


def changed_entries(
    paths: Iterable[Path | str], directories: list[Path], *, warnings: list[str] | None = None
) -> tuple[list[Found], list[str]]:
    """The article files among ``paths`` (a caller's list of what changed: ``build --changed``)
    as ``iter_articles`` names and finds them (under the first of ``directories`` holding them,
    as given), and the names of those that no longer exist (removed). A path with another
    suffix is not an article, and left out as the listing leaves it out; a path outside the
    folders, or a folder, raises ``UsageError`` naming it."""
    _check_folders(directories)
    folders = [(os.path.abspath(d), "" if str(d) == "." else os.path.join(str(d), "")) for d in directories]
    found: dict[str, Found] = {}
    gone: dict[str, None] = {}
    for given in paths:
        absolute = os.path.abspath(given)
        for folder, prefix in folders:
            if absolute.startswith(os.path.join(folder, "")):
                name = prefix + absolute[len(os.path.join(folder, "")) :]
                break
        else:
            where = ", ".join(map(str, directories))
            raise UsageError(f"{given}: not under the article folders ({where}); --changed names article files there")
        stem = article_stem(os.path.basename(name))
        if os.path.isdir(given):
            raise UsageError(f"{given}: a folder; --changed names article files (build without it to list folders)")
        if stem is None or name in found or name in gone:
            continue
        if not os.path.lexists(name):
            gone[name] = None
        elif os.path.isfile(name) or not os.path.exists(name):  # a broken link is read, to say why
            try:
                info = os.stat(name)
                found[name] = (stem, name, info.st_size, info.st_mtime_ns)
            except OSError:
                found[name] = (stem, name, None, None)
        elif warnings is not None:
            warnings.append(f"{name}: not a regular file (a pipe, device or socket); remove it")
    return list(found.values()), list(gone)


def _walk(
    folder: str, seen: set[tuple[int, int]], warnings: list[str] | None, read_folders: list[str] | None
) -> Iterator[Found]:
    """The articles of ``folder`` and of its subfolders (links followed, in name order). Entries
    are looked at as ``os.scandir`` gives them and given on, not held: all of a folder's entries,
    each with its stat result, took about 1 KB an article."""
    if read_folders is not None:
        read_folders.append(folder)
    prefix = "" if folder == "." else os.path.join(folder, "")  # str(Path(folder) / name) is prefix + name
    folders: list[tuple[str, str, bool]] = []
    odd: list[str] = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                if _is_dir(entry):
                    folders.append((entry.name, entry.path, entry.is_symlink()))
                    continue
                name = entry.name
                stem = article_stem(name)
                if stem is None:
                    continue
                if _is_file(entry) or (entry.is_symlink() and not os.path.exists(entry.path)):
                    try:
                        info = entry.stat()
                        yield stem, prefix + name, info.st_size, info.st_mtime_ns
                    except OSError:
                        yield stem, prefix + name, None, None
                else:
                    odd.append(f"{entry.path}: not a regular file (a pipe, device or socket); remove it")
    except OSError:
        return
    subfolders = []
    for name, path, link in sorted(folders):
        try:
            info = os.stat(path)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            subfolders.append(prefix + name)
        elif link and warnings is not None:
            warnings.append(
                f"{path}: link to a folder already read ({os.path.realpath(path)}); not followed again: remove the "
                "link if it is a loop"
            )
    if warnings is not None:
        warnings += odd
    for subfolder in subfolders:
        yield from _walk(subfolder, seen, warnings, read_folders)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
