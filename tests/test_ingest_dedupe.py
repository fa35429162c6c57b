"""No duplicates: the same URL (tracking parameters dropped, <link rel=canonical> followed), the same
text under another URL, and a wire story republished by another outlet are each added once."""

from __future__ import annotations

import itertools

from pactgraph.articles import read_article
from pactgraph.ingest import add
from pactgraph.ingest.dedupe import NEAR_DUPLICATE, canonical_url, signature, similarity

from .ingest_site import gold_articles, render


def test_canonical_urls_drop_tracking_and_fragments() -> None:
    assert canonical_url("https://Site.example/a?utm_source=rss&b=2&a=1&fbclid=x#c") == "https://site.example/a?a=1&b=2"
    assert canonical_url("http://site.example:80/a") == canonical_url("http://site.example/a?gclid=1")


def test_the_same_page_with_tracking_parameters_is_added_once(news, tmp_path) -> None:
    path = next(iter(news.pages))
    urls = [news.url + path, news.url + path + "?utm_source=twitter&utm_campaign=x", news.url + path + "#comments"]
    report = add(urls, to=tmp_path / "articles", cache=None, delay=0)
    assert len(report.added) == 1 and len(report.existing) == 2
    assert news.paths_requested().count(path) == 1  # the others were recognised before any request


def test_a_page_whose_canonical_link_names_an_added_article(news, tmp_path) -> None:
    path = next(iter(news.pages))
    _stem, article, _ = gold_articles()[0]
    # the same story under a print URL, pointing at the first with <link rel=canonical>
    news.page("/print/1.html", render(article, "jsonld", news.url + path))
    report = add([news.url + path, news.url + "/print/1.html"], to=tmp_path / "articles", cache=None, delay=0)
    assert len(report.added) == 1
    assert report.existing[0].reason.startswith("already there as ")


def test_a_duplicate_story_under_two_urls(news, tmp_path) -> None:
    _stem, article, _ = gold_articles()[1]
    news.page("/a/story.html", render(article, "time", news.url + "/a/story.html"))
    news.page("/b/other-name.html", render(article, "visible", news.url + "/b/other-name.html"))
    report = add([news.url + "/a/story.html", news.url + "/b/other-name.html"], to=tmp_path / "a", cache=None, delay=0)
    assert len(report.added) == 1
    assert report.existing[0].reason.startswith("the same text is already there as ")


def _republished(article) -> str:
    """The wire story as another outlet runs it: another headline, dateline, intro and sign-off."""
    paragraphs = [p for p in article.body.split("\n") if p.strip()]
    return "\n".join(
        [
            "Title: Energy deal reported by partner agency",
            f"Published: {article.published}",
            "---",
            "(Partner agency) The following report was distributed by our news partner.",
            *paragraphs[1:],
            "Reporting by the wire desk; editing by the partner agency.",
        ]
    )


def test_a_wire_story_republished_elsewhere_is_a_near_duplicate(news, tmp_path) -> None:
    stem, article_path, _ = gold_articles()[0]
    other = tmp_path / "other.txt"
    other.write_text(_republished(read_article(article_path)), encoding="utf-8")
    republished = read_article(other)
    news.page("/partner/story.html", render(other, "opengraph", news.url + "/partner/story.html"))
    first = next(p for p, (s, _) in news.pages.items() if s == stem)
    report = add([news.url + first, news.url + "/partner/story.html"], to=tmp_path / "a", cache=None, delay=0)
    assert len(report.added) == 1
    [near] = report.near_duplicates
    assert near.url == news.url + "/partner/story.html"
    assert "a near-duplicate of " in near.reason and "kept the first" in near.reason
    assert similarity(signature(republished.body), signature(read_article(article_path).body)) >= NEAR_DUPLICATE


def test_different_stories_are_not_near_duplicates() -> None:
    signatures = [signature(read_article(path).body) for _, path, _ in gold_articles()]
    worst = max(similarity(a, b) for a, b in itertools.combinations(signatures, 2))
    assert worst < NEAR_DUPLICATE / 2


def test_articles_already_in_the_folder_count(news, tmp_path) -> None:
    folder = tmp_path / "articles"
    add([news.url + "/atom.xml"], to=folder, cache=None, delay=0)
    # a fresh run with no cache reads the folder's files to know what is there
    again = add([news.url + "/atom.xml"], to=folder, cache=None, delay=0)
    assert not again.added and len(again.existing) == 3
