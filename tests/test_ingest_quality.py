"""The "done when" numbers of issue 14, measured: the gold articles served as pages in five templates,
added from the site's RSS feed and built, score as the same articles built from their .txt files
(micro-F1 within 0.03, by `pactgraph evaluate`), and the Published date is right for at least 95%
of the pages across the templates."""

from __future__ import annotations

import contextlib
import json
import shutil
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from pactgraph.articles import read_article
from pactgraph.cli import main
from pactgraph.ingest import add

from .ingest_site import gold_articles


def evaluate(folder: Path, gold: Path, articles: Path) -> dict:
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, ["evaluate", str(gold), "--articles", str(articles), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def measure(news, tmp_path: Path) -> dict:
    """Both scores, and the date accuracy per template."""
    report = add([news.url + "/rss.xml"], to=tmp_path / "added", cache=None, delay=0)
    assert not report.failed and len(report.added) == len(gold_articles())
    txt, gold_txt, gold_added = (tmp_path / name for name in ("txt", "gold-txt", "gold-added"))
    for folder in (txt, gold_txt, gold_added):
        folder.mkdir()
    originals = {}
    for stem, article, gold in gold_articles():
        shutil.copy(article, txt / article.name)
        shutil.copy(gold, gold_txt / gold.name)
        originals[stem] = read_article(article)
    dates: Counter = Counter()
    for added in report.added:
        path = added.url.removeprefix(news.url)
        stem = news.pages[path][0]
        template = path.split("/")[2]
        shutil.copy(dict((s, g) for s, _, g in gold_articles())[stem], gold_added / f"{added.path.stem}.json")
        dates[template, added.published == originals[stem].published] += 1
    return {
        "txt": evaluate(tmp_path, gold_txt, txt)["micro"],
        "added": evaluate(tmp_path, gold_added, tmp_path / "added")["micro"],
        "dates": dates,
    }


def test_pages_from_a_feed_score_as_the_txt_articles_and_their_dates_are_right(news, tmp_path) -> None:
    numbers = measure(news, tmp_path)
    assert abs(numbers["added"]["f1"] - numbers["txt"]["f1"]) <= 0.03, numbers
    right = sum(n for (_, ok), n in numbers["dates"].items() if ok)
    assert right / sum(numbers["dates"].values()) >= 0.95, numbers["dates"]
    assert {template for template, _ in numbers["dates"]} == {"jsonld", "opengraph", "time", "visible", "dotted"}


def date_accuracy() -> dict[str, tuple[int, int]]:
    """Every gold article in every template: (right, pages) per template."""
    from pactgraph.ingest.html import extract_page

    from .ingest_site import TEMPLATE_NAMES, render

    counts = {}
    for template in TEMPLATE_NAMES:
        right = 0
        for stem, path, _ in gold_articles():
            url = f"http://news.test/{template}/{stem}.html"
            right += extract_page(render(path, template, url), url).published == read_article(path).published
        counts[template] = (right, len(gold_articles()))
    return counts


def test_published_dates_across_all_templates() -> None:
    counts = date_accuracy()
    right, pages = (sum(n[i] for n in counts.values()) for i in (0, 1))
    assert pages == 5 * len(gold_articles()) and right / pages >= 0.95, counts
