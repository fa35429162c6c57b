"""Main text and metadata of news pages: every template's date, title and site name, no furniture,
and pages in windows-1251, GB2312 and Latin-1 (declared in HTTP, in a <meta>, or not at all)."""

from __future__ import annotations

import pytest

from pactgraph.articles import read_article
from pactgraph.ingest import add
from pactgraph.ingest.html import decode_html, extract_page

from .ingest_site import FURNITURE_NAMES, FURNITURE_WORDS, TEMPLATE_NAMES, gold_articles, render

SITE_NAMES = {
    "jsonld": "Caspian Wire",
    "opengraph": "Eurasia Energy Daily",
    "visible": "Ministry of Energy",
    "dotted": "Central Asia Energy Portal",
}


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_each_template_gives_date_title_site_and_the_story_only(template: str) -> None:
    for stem, path, _ in gold_articles()[:6]:
        article = read_article(path)
        url = f"http://news.test/{template}/{stem}.html"
        page = extract_page(render(path, template, url), url)
        assert page.published == article.published, (template, stem, page.date_source)
        assert page.title == article.title
        if template in SITE_NAMES:
            assert page.site_name == SITE_NAMES[template]
        expected = [p.strip() for p in article.body.split("\n") if p.strip()]
        assert page.text.split("\n\n") == expected, (template, stem)
        for word in (*FURNITURE_NAMES, *FURNITURE_WORDS):
            if word.lower() not in article.body.lower():
                assert word.lower() not in page.text.lower(), (template, stem, word)


def test_the_date_comes_from_structured_metadata_first() -> None:
    _stem, path, _ = gold_articles()[0]
    sources = {
        template: extract_page(render(path, template, "http://news.test/a.html"), "http://news.test/a.html").date_source
        for template in TEMPLATE_NAMES
    }
    assert sources == {
        "jsonld": "json-ld",
        "opengraph": "opengraph",
        "time": "htmldate",
        "visible": "htmldate",
        "dotted": "htmldate",
    }


def test_canonical_link_is_read_absolute() -> None:
    _stem, path, _ = gold_articles()[0]
    page = extract_page(render(path, "jsonld", "/news/x.html"), "http://news.test/other?utm_source=rss")
    assert page.canonical_url == "http://news.test/news/x.html"


def test_a_page_without_a_date_has_none() -> None:
    html = (
        "<html><head><title>Talks in Baku</title></head><body><nav>Home News</nav><article><h1>Talks in Baku</h1>"
        "<p>Azerbaijan and China held talks in Baku on Tuesday on renewable energy cooperation, the ministry said."
        "</p><p>The sides agreed to meet again next month to discuss a 100 MW solar plant.</p></article>"
        "<footer>© Caspian Wire</footer></body></html>"
    )
    page = extract_page(html, "http://news.test/talks")
    assert page.published is None and page.date_source is None
    assert page.text.startswith("Azerbaijan and China held talks")


QUOTES = {
    "windows-1251": "«Мы готовы к сотрудничеству в области возобновляемой энергетики», — заявил министр энергетики "
    "Парвиз Шахбазов. Стороны обсудили строительство солнечной электростанции мощностью 100 мегаватт.",
    "gb2312": "中国能源建设集团副总裁表示，公司愿意参与阿塞拜疆可再生能源项目的建设，并将继续扩大在里海地区的合作。",
    "iso-8859-1": "«Nous sommes prêts à coopérer», a déclaré José Martínez, ministre de l'Énergie de São Tomé, "
    "après la réunion à Bakou. Son homologue a salué l'accord signé à Genève.",
}


def _encoded_page(charset: str, where: str) -> tuple[str, bytes]:
    """A news page holding the quote; ``where`` says how its charset is declared: http, meta or none."""
    _stem, path, _ = gold_articles()[0]
    html = render(path, "time", "http://news.test/x.html")
    if where != "meta":
        html = html.replace('<meta charset="utf-8">', "")
    else:
        html = html.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    html = html.replace("</section>", f"<p>{QUOTES[charset]}</p></section>", 1)
    return html, html.encode(charset, "xmlcharrefreplace")  # what the encoding lacks, as &#…; (■, ’)


@pytest.mark.parametrize("charset", sorted(QUOTES))
@pytest.mark.parametrize("where", ["http", "meta", "none"])
def test_encodings_come_out_as_utf8(news, tmp_path, charset: str, where: str) -> None:
    _html, raw = _encoded_page(charset, where)
    content_type = f"text/html; charset={charset}" if where == "http" else "text/html"
    from .ingest_site import Route

    news.routes["/enc/page.html"] = Route(raw, headers={"Content-Type": content_type})
    report = add([news.url + "/enc/page.html"], to=tmp_path / "articles", cache=None, delay=0)
    assert not report.failed, report.failed
    written = report.added[0].path.read_bytes().decode("utf-8")  # the file is UTF-8
    assert QUOTES[charset] in written
    assert QUOTES[charset] in decode_html(raw, charset if where == "http" else None)
