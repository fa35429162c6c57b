"""Bad articles (issue 8, item 1): what ``pactgraph build`` does with each, next to a good article.

Every build writes ``kg.ttl`` over a previous one, so each outcome also says whether that file
was replaced (the build went on) or kept (it stopped).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .behaviour import Case, CliRun, NotObservable, Observed, kept_or_replaced, run_cli, run_cli_process

AREA = "Bad articles"
GOOD = (
    "Title: Talks in Astana\nPublished: 2025-03-05\n---\nEnergy Minister Jan Novak met Li Wei in Astana on March 3.\n"
)
PREVIOUS = b"# the previous graph\n"
BUILD = ("build", "--articles", "articles", "--out", "kg.ttl", "--no-progress")
_SUMMARY = re.compile(r"built \d+ triples from (?P<read>\d+) articles(?:.*?; (?P<left>\d+) articles left out)?")


def _articles(folder: Path, bad: dict[str, bytes]) -> Path:
    """``folder/articles`` with the good article and the ``bad`` files, and a previous graph."""
    articles = folder / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, data in bad.items():
        (articles / name).write_bytes(data)
    (folder / "kg.ttl").write_bytes(PREVIOUS)
    return articles


def _outcome(run: CliRun, folder: Path) -> str:
    """What the build did with the articles and the previous graph, read from its summary."""
    previous = kept_or_replaced(folder / "kg.ttl", PREVIOUS)
    summary = _SUMMARY.search(run.stderr)
    if run.exit_code != 0 or summary is None:
        return f"build stopped; {previous}"
    left, read = int(summary["left"] or 0), int(summary["read"])
    articles = f"{read} article{'s' if read != 1 else ''}"
    if left:
        return f"left out, counted in the summary ({left} left out); graph of the other {articles} written"
    return f"read; graph of {articles} written"


def _build(folder: Path, *options: str) -> Observed:
    run = run_cli(folder, *BUILD, *options)
    return Observed(run.exit_code, run.message, _outcome(run, folder))


def _bad_file(name: str, data: bytes, *options: str):
    def run(folder: Path) -> Observed:
        _articles(folder, {name: data})
        return _build(folder, *options)

    return run


def _twenty_megabytes(folder: Path) -> Observed:
    body = GOOD.split("---\n", 1)[1]
    text = "Title: A very long article\nPublished: 2025-03-05\n---\n" + body * (20_000_000 // len(body) + 1)
    _articles(folder, {"huge.txt": text.encode("utf-8")})
    return _build(folder)


def _no_articles(folder: Path) -> Observed:
    (folder / "articles").mkdir()
    (folder / "articles" / "notes.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "kg.ttl").write_bytes(PREVIOUS)
    return _build(folder)


def _every_article_bad(folder: Path) -> Observed:
    articles = _articles(folder, {"empty.txt": b""})
    (articles / "good.txt").write_bytes(b"\x00binary")
    return _build(folder)


def _file_link_loop(folder: Path) -> Observed:
    articles = _articles(folder, {})
    os.symlink("loop.txt", articles / "loop.txt")
    return _build(folder)


def _folder_link_loop(folder: Path) -> Observed:
    articles = _articles(folder, {})
    (articles / "more").mkdir()
    os.symlink("..", articles / "more" / "back")
    return _build(folder)


def _broken_link(folder: Path) -> Observed:
    articles = _articles(folder, {})
    os.symlink("moved-away.txt", articles / "gone.txt")
    return _build(folder)


#: Root reads a chmod-000 file regardless; without these capabilities it is refused like anyone.
DROP_READ_OVERRIDE = ("setpriv", "--bounding-set=-dac_override,-dac_read_search")


def _unreadable(folder: Path) -> Observed:
    articles = _articles(folder, {"locked.txt": GOOD.replace("Astana", "Baku").encode()})
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        if shutil.which(DROP_READ_OVERRIDE[0]) is None:
            raise NotObservable("running as root, where chmod 000 does not stop reads, and setpriv is not installed")
        prefix = DROP_READ_OVERRIDE
    (articles / "locked.txt").chmod(0)
    try:
        run = run_cli_process(folder, *BUILD, prefix=prefix)
    finally:
        (articles / "locked.txt").chmod(0o644)
    return Observed(run.exit_code, run.message, _outcome(run, folder))


CASES: list[Case] = [
    Case(AREA, "empty file", _bad_file("empty.txt", b"")),
    Case(AREA, "whitespace only", _bad_file("blank.txt", b"  \n\t\n\n")),
    Case(AREA, "binary (NUL bytes)", _bad_file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")),
    Case(AREA, "invalid UTF-8", _bad_file("broken.txt", b"Title: X\n---\nTalks \xff\xfe in Baku.\n")),
    Case(AREA, "Latin-1", _bad_file("latin1.txt", "Title: Café talks\n---\nTalks in Bakú.\n".encode("latin-1"))),
    Case(
        AREA, "UTF-16 with byte order mark", _bad_file("utf16.txt", GOOD.replace("Li Wei", "Wang Tao").encode("utf-16"))
    ),
    Case(AREA, "UTF-16 without byte order mark", _bad_file("utf16le.txt", GOOD.encode("utf-16-le"))),
    Case(AREA, "20 MB article", _twenty_megabytes),
    Case(AREA, "invalid header date", _bad_file("baddate.txt", b"Title: X\nPublished: 2025-02-30\n---\nBody.\n")),
    Case(
        AREA,
        "unknown header key",
        _bad_file("author.txt", GOOD.replace("Published:", "Author: Jan Novak\nPublished:").encode()),
    ),
    Case(AREA, "header without its --- line", _bad_file("unclosed.txt", GOOD.replace("---\n", "").encode())),
    Case(AREA, "missing body", _bad_file("nobody.txt", b"Title: Talks\nPublished: 2025-03-05\n---\n\n")),
    Case(AREA, "folder with no articles", _no_articles),
    Case(AREA, "every article unreadable", _every_article_bad),
    Case(AREA, "symbolic link loop (file)", _file_link_loop),
    Case(AREA, "symbolic link loop (folder)", _folder_link_loop),
    Case(AREA, "broken symbolic link", _broken_link),
    Case(AREA, "unreadable file (chmod 000)", _unreadable),
    Case(AREA, "empty file with --strict", _bad_file("empty.txt", b"", "--strict")),
    Case(AREA, "invalid UTF-8 with --strict", _bad_file("broken.txt", b"Title: X\n---\nTalks \xff.\n", "--strict")),
]
