"""Bad articles (issue 8, item 1): each is named in one line that says what to do; the build leaves
it out and counts it (default) or stops without writing (``--strict``, exit 2)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pactgraph.articles import MAX_ARTICLE_BYTES, read_article
from pactgraph.errors import ArticleError
from pactgraph.listing import find_articles

from .behaviour import NotObservable, observe
from .behaviour_articles import CASES

LEFT_OUT = "left out, counted in the summary (1 left out)"
STOPPED = "build stopped; previous kg.ttl intact"
#: case → (exit code, what its line must say, how its outcome starts)
EXPECTED = {
    "empty file": (0, ["Warning: articles/empty.txt:", "empty", "remove the file", "left out"], LEFT_OUT),
    "whitespace only": (0, ["Warning: articles/blank.txt:", "empty"], LEFT_OUT),
    "binary (NUL bytes)": (0, ["Warning: articles/image.txt:", "binary data", "save it as text"], LEFT_OUT),
    "invalid UTF-8": (0, ["Warning: articles/broken.txt:3:7:", "byte 0xff", "re-save the article as UTF-8"], LEFT_OUT),
    "Latin-1": (0, ["Warning: articles/latin1.txt:1:11:", "byte 0xe9", "iconv -f latin1"], LEFT_OUT),
    "UTF-16 with byte order mark": (0, ["built", "from 2 articles"], "read; graph of 2 articles written"),
    "UTF-16 without byte order mark": (0, ["Warning: articles/utf16le.txt:", "UTF-16", "re-save"], LEFT_OUT),
    "20 MB article": (0, ["Warning: articles/huge.txt:", "20.0 MB", "1 MB limit", "split it"], LEFT_OUT),
    "invalid header date": (0, ["Warning: articles/baddate.txt:2:", "'2025-02-30'", "YYYY-MM-DD"], LEFT_OUT),
    "unknown header key": (0, ["Warning: articles/author.txt:2:", "'Author' ignored", "Published"], "read; graph of 2"),
    "header without its --- line": (0, ["Warning: articles/unclosed.txt:2:", "add the line ---"], "read; graph of 2"),
    "missing body": (0, ["Warning: articles/nobody.txt:", "no body text", "add the body"], LEFT_OUT),
    "folder with no articles": (2, ["Error: articles:", "no .txt, .md or .html articles", "add articles"], STOPPED),
    "every article unreadable": (2, ["Error: none of the 2 articles could be read", "articles/empty.txt"], STOPPED),
    "symbolic link loop (file)": (0, ["Warning: articles/loop.txt:", "symbolic link loop", "remove it"], LEFT_OUT),
    "symbolic link loop (folder)": (0, ["Warning: articles/more/back:", "not followed again"], "read; graph of 1 "),
    "broken symbolic link": (0, ["Warning: articles/gone.txt:", "broken symbolic link", "moved-away.txt"], LEFT_OUT),
    "unreadable file (chmod 000)": (0, ["Warning: articles/locked.txt:", "permission denied", "chmod a+r"], LEFT_OUT),
    "empty file with --strict": (2, ["Error: articles/empty.txt:", "empty"], STOPPED),
    "invalid UTF-8 with --strict": (2, ["Error: articles/broken.txt:3:7:", "not valid UTF-8"], STOPPED),
}


def test_every_case_has_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(case.name for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_article(case) -> None:
    try:
        seen = observe(case)
    except NotObservable as why:
        pytest.skip(str(why))
    exit_code, says, outcome = EXPECTED[case.name]
    assert seen.exit_code == exit_code, seen
    for needle in says:
        assert needle in seen.message, seen.message
    assert seen.outcome.startswith(outcome), seen.outcome


def _article(tmp_path: Path, text: str, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unknown_header_key_is_ignored_and_the_rest_of_the_header_read(tmp_path: Path) -> None:
    article = read_article(_article(tmp_path, "Title: Talks\nAuthor: Ann\nPublished: 2025-03-05\n---\nA met B.\n"))
    assert (article.title, article.published.isoformat(), article.body) == ("Talks", "2025-03-05", "A met B.")
    assert article.warnings == (f"{tmp_path / 'a.txt'}:2: unknown header key 'Author' ignored; use Title, "
                                "Published, Retrieved, Source or URL",)  # fmt: skip


def test_a_header_without_its_rule_is_still_a_header(tmp_path: Path) -> None:
    article = read_article(_article(tmp_path, "Title: Talks\nPublished: 2025-03-05\nA met B in Baku.\n"))
    assert (article.title, article.published.isoformat(), article.body) == ("Talks", "2025-03-05", "A met B in Baku.")
    assert len(article.warnings) == 1 and ":2: the header is not closed" in article.warnings[0]


def test_a_body_without_header_keeps_its_first_line_as_title(tmp_path: Path) -> None:
    article = read_article(_article(tmp_path, "BAKU: Talks held\nThe ministers met in Baku.\n"))
    assert (article.title, article.body, article.warnings) == ("BAKU: Talks held", "The ministers met in Baku.", ())


def test_a_one_line_article_says_its_line_became_the_title(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="one line, read as its title; add the body"):
        read_article(_article(tmp_path, "Author: Ann\n---\nThe ministers met in Baku.\n"))


def test_an_article_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: no need to write a megabyte
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    with pytest.raises(ArticleError, match=r"big\.txt: 1\.0 MB, over the 1 MB limit"):
        read_article(path)


def test_an_article_at_the_limit_is_read(tmp_path: Path) -> None:
    text = "Title: Long\n---\n" + "The ministers met in Baku.\n" * ((MAX_ARTICLE_BYTES - 20) // 27)
    assert len(text.encode()) <= MAX_ARTICLE_BYTES
    assert read_article(_article(tmp_path, text)).title == "Long"


def test_a_truncated_utf16_article_is_named(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("Title: X\n---\nBody.\n".encode("utf-16") + b"\x00")
    with pytest.raises(ArticleError, match=r"odd\.txt: not valid UTF-16 \(truncated data at byte 40\)"):
        read_article(path)


def test_a_linked_folder_is_read_once(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _article(elsewhere, "Title: T\n---\nA met B.\n", "far.txt")
    articles = tmp_path / "articles"
    articles.mkdir()
    _article(articles, "Title: T\n---\nA met B.\n", "near.txt")
    os.symlink(elsewhere, articles / "linked")
    os.symlink(elsewhere, articles / "linked-again")
    warnings: list[str] = []
    found = find_articles([articles], warnings=warnings)
    assert [p.name for p in found] == ["far.txt", "near.txt"]
    assert found[0].parent.name == "linked"  # folders are walked in name order: the first link wins
    assert warnings == [f"{articles / 'linked-again'}: link to a folder already read ({elsewhere}); not followed "
                        "again: remove the link if it is a loop"]  # fmt: skip


def test_a_folder_given_twice_is_read_once(tmp_path: Path) -> None:
    _article(tmp_path, "Title: T\n---\nA met B.\n")
    assert find_articles([tmp_path, tmp_path]) == [tmp_path / "a.txt"]


def test_a_pipe_named_like_an_article_is_named_not_read(tmp_path: Path) -> None:
    _article(tmp_path, "Title: T\n---\nA met B.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    warnings: list[str] = []
    assert find_articles([tmp_path], warnings=warnings) == [tmp_path / "a.txt"]
    assert warnings == [f"{tmp_path / 'pipe.txt'}: not a regular file (a pipe, device or socket); remove it"]
