"""`pactgraph add` end to end: a feed on 127.0.0.1 → article files → `build` → `query agreements`
shows the pages' facts and nothing of their furniture; exit codes 0, 2 and 3; stable names;
saved pages; files written atomically."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pactgraph.articles import read_article
from pactgraph.cli import main
from pactgraph.ingest import add, write

from .ingest_site import FURNITURE_NAMES, FURNITURE_WORDS, gold_articles, render


def cli(folder: Path, *args: str):
    with contextlib.chdir(folder):
        return CliRunner().invoke(main, list(args))


def rows(output: str) -> set[tuple[str, ...]]:
    """The rows of a CSV query result without the source column (article names differ)."""
    table = list(csv.DictReader(io.StringIO(output)))
    return {tuple(v for k, v in row.items() if k != "source") for row in table}


def test_add_a_feed_then_build_and_query(news, tmp_path) -> None:
    added = cli(tmp_path, "add", news.url + "/rss.xml", "--limit", "8", "--delay", "0")
    assert added.exit_code == 0, added.output
    assert added.stderr.splitlines()[-1] == "added 8, already there 0, failed 0 → data/articles"
    files = sorted((tmp_path / "data" / "articles").glob("*.txt"))
    assert len(files) == 8 and len(added.stdout.splitlines()) == 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        header = text.split("\n---\n", 1)[0]
        assert [line.split(":", 1)[0] for line in header.splitlines()] == [
            "Title", "Published", "Retrieved", "Source", "URL"
        ]  # fmt: skip
        article = read_article(path)
        assert path.name.startswith(article.published.isoformat() + "-")
        stem = news.pages[article.url.removeprefix(news.url)][0]
        original = next(read_article(p) for s, p, _ in gold_articles() if s == stem).body.lower()
        for word in (*FURNITURE_NAMES, *FURNITURE_WORDS):
            if word.lower() not in original:  # the newsletter's own text says "all rights reserved"
                assert word.lower() not in text.partition("\n---\n")[2].lower(), (path.name, word)
    built = cli(tmp_path, "build", "--no-progress")
    assert built.exit_code == 0, built.output
    query = cli(tmp_path, "query", "agreements", "--format", "csv")
    assert query.exit_code == 0
    for name in FURNITURE_NAMES:
        assert name not in query.stdout
    # the same articles as .txt files give the same agreements
    stems = [news.pages[p][0] for p in list(news.pages)[:8]]
    txt = tmp_path / "txt"
    txt.mkdir()
    for stem, path, _ in gold_articles():
        if stem in stems:
            shutil.copy(path, txt / path.name)
    assert cli(tmp_path, "build", "--no-progress", "--articles", "txt", "--out", "txt.ttl").exit_code == 0
    from_txt = cli(tmp_path, "query", "agreements", "--format", "csv", "--graph", "txt.ttl")
    assert rows(query.stdout) == rows(from_txt.stdout) and len(rows(query.stdout)) > 5


def test_provenance_url_site_and_retrieval_date(news, tmp_path) -> None:
    assert cli(tmp_path, "add", news.url + "/atom.xml", "--delay", "0").exit_code == 0
    assert cli(tmp_path, "build", "--no-progress").exit_code == 0
    graph = (tmp_path / "data" / "kg.ttl").read_text(encoding="utf-8")
    path = next(iter(news.pages))
    assert f'schema:url "{news.url}{path}"' in graph
    assert 'pg:sourceName "Caspian Wire"' in graph
    assert "pg:retrievedOn" in graph and "^^xsd:date" in graph


def test_exit_3_when_some_sources_fail_and_the_rest_are_written(news, tmp_path) -> None:
    good = news.url + next(iter(news.pages))
    result = cli(
        tmp_path,
        *("add", good, news.url + "/fault/404.html", news.url + "/fault/report.pdf"),
        *("--delay", "0", "--retries", "0", "--no-cache"),
    )
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {news.url}/fault/404.html: HTTP 404 Not Found; check the link",
        f"Error: {news.url}/fault/report.pdf: not an HTML page or feed (Content-Type: application/pdf); "
        "pactgraph reads HTML news pages and RSS/Atom feeds",
    ]
    assert result.stderr.splitlines()[-1] == "added 1, already there 0, failed 2 → data/articles"
    assert len(list((tmp_path / "data" / "articles").glob("*.txt"))) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-file.html"], "Error: no-such-file.html: no such file or folder"),
        (["ftp://example.org/feed"], "Error: ftp://example.org/feed: only http and https URLs"),
        (["http://x/", "--limit", "0"], "Error: Invalid value for '--limit'"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args: list[str], message: str) -> None:
    result = cli(tmp_path, "add", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_re_adding_gives_the_same_names(news, tmp_path) -> None:
    add([news.url + "/atom.xml"], to=tmp_path / "one", cache=None, delay=0)
    add([news.url + "/atom.xml"], to=tmp_path / "two", cache=None, delay=0)
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir()) and len(names) == 3


def test_saved_pages_are_added_and_built_directly(tmp_path) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    chosen = gold_articles()[:5]
    for number, (stem, path, _) in enumerate(chosen):
        template = ("jsonld", "opengraph", "time", "visible", "dotted")[number]
        (saved / f"{stem}.html").write_text(render(path, template, f"https://news.example/{stem}"), encoding="utf-8")
    report = add([saved], to=tmp_path / "articles", cache=None)
    assert len(report.added) == 5 and not report.failed
    urls = sorted(str(a.url) for a in report.added)  # from <link rel=canonical> or og:url, where the page has one
    assert [url.rsplit("/", 1)[0] for url in urls] == ["None", "None", "None", *["https://news.example"] * 2]
    # build reads the saved pages themselves, through the same extraction
    built = cli(tmp_path, "build", "--no-progress", "--articles", "saved", "--out", "saved.ttl")
    assert built.exit_code == 0, built.output
    assert "graph of 5 articles" in built.stderr or "5 articles" in built.stderr
    by_html = cli(tmp_path, "query", "agreements", "--format", "csv", "--graph", "saved.ttl").stdout
    assert cli(tmp_path, "build", "--no-progress", "--articles", "articles", "--out", "added.ttl").exit_code == 0
    by_txt = cli(tmp_path, "query", "agreements", "--format", "csv", "--graph", "added.ttl").stdout
    assert rows(by_html) == rows(by_txt) and rows(by_html)


def test_an_undated_page_gets_retrieved_and_its_relative_dates_a_caveat(news, tmp_path) -> None:
    news.page(
        "/undated.html",
        "<html><head><title>Talks in Baku</title></head><body><nav>Home News Contacts</nav><article>"
        "<h1>Azerbaijan and China hold talks on solar power</h1>"
        "<p>Azerbaijan's Energy Minister Parviz Shahbazov met Chinese Ambassador Lan Jianxue in Baku on Tuesday "
        "to discuss a 100 MW solar power plant.</p>"
        "<p>The two sides signed a memorandum of understanding on the project last week, the ministry said.</p>"
        "</article><footer>All rights reserved</footer></body></html>",
    )
    result = cli(tmp_path, "add", news.url + "/undated.html", "--delay", "0", "--no-cache")
    assert result.exit_code == 0
    assert "Warning: " + news.url + "/undated.html: no publication date found in the page" in result.stderr
    [path] = (tmp_path / "data" / "articles").glob("undated-*.txt")
    article = read_article(path)
    assert article.published is None and article.retrieved is not None and not article.warnings
    assert cli(tmp_path, "build", "--no-progress").exit_code == 0
    confidence = cli(tmp_path, "query", "confidence", "--format", "csv").stdout
    caveated = [line for line in confidence.splitlines() if "relative-date-unresolved" in line]
    assert caveated, confidence  # the meeting "on Tuesday" is undated and says why


def test_files_are_written_atomically(tmp_path, monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    from pactgraph.ingest.html import Page

    with pytest.raises(OSError):
        write.write_article(tmp_path, "a.txt", write.article_text(Page("T", "Body.", None, None, None, None), url=None,
                                                                  retrieved=None))  # fmt: skip
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary copy
