"""Saved HTML pages: the same article as a text dump, chrome dropped, every text node accounted for."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString

from kiku.content.checking.text_fields import iter_text_fields
from kiku.content.loading.loader import load_config
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle, SiteConfig
from kiku.importer.finishing.escape import unescape_markdown
from kiku.importer.grammar.lines.features import split_marker
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.decoding import decode_html
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.import_cases import ImportCase, import_cases
from tests.support.paths import IMPORT_FIXTURES, REPO, seed

# Pages the importer reads (a refused page's one-line reason is checked by corpus/test_fixture_pages.py).
HTML_CASES = [case for case in import_cases() if case.page.suffix in (".html", ".htm") and case.expected_yaml.exists()]
ACCOUNTED_HTML_CASES = HTML_CASES


@pytest.fixture(scope="module")
def config() -> SiteConfig:
    return load_config(REPO)


def _import(page: Path, config: SiteConfig) -> ImportResult:
    return import_page(page, config, scraped_from=page.relative_to(REPO).as_posix())


def _texts(article: Article) -> list[str]:
    return [unescape_markdown(text) for _, text in iter_text_fields(article)]


def _without_origin(article: Article) -> Article:
    return dataclasses.replace(article, scraped_from="")


@pytest.mark.parametrize(("html", "text"), [
    (IMPORT_FIXTURES / "html_seed_000_saved.html", seed("000")),
    (IMPORT_FIXTURES / "html_div_soup_deep_sea.html", IMPORT_FIXTURES / "variation_deep_sea_layout_b.txt"),
], ids=["seed-000-semantic", "deep-sea-div-soup"])
def test_html_page_gives_the_article_its_text_dump_gives(html: Path, text: Path, config: SiteConfig) -> None:
    from_html = _import(html, config)
    from_text = _import(text, config)
    assert _without_origin(from_html.article) == _without_origin(from_text.article)
    # The same warnings; they name the line of the page (of the HTML source, or of the text dump).
    assert [re.sub(r"line \d+", "line N", warning) for warning in from_html.report.warnings] == [
        re.sub(r"line \d+", "line N", warning) for warning in from_text.report.warnings]


@pytest.mark.parametrize("case", ACCOUNTED_HTML_CASES, ids=[case.name for case in ACCOUNTED_HTML_CASES])
def test_every_text_node_is_in_the_article_or_the_report(case: ImportCase, config: SiteConfig) -> None:
    result = _import(case.page, config)
    kept = "\n".join(_texts(result.article))
    reported = "\n".join(item.line.text for item in result.report.dropped)
    text, _ = decode_html(case.page.read_bytes())
    for node in BeautifulSoup(text, "html.parser").find_all(string=True):
        if isinstance(node, PreformattedString) or not isinstance(node, NavigableString):
            continue  # comments, doctype
        if node.find_parent(["script", "style", "template"]) is not None:
            continue  # code: reported as '<script> (N characters)', not as text
        embed = node.find_parent(["svg", "math", "object", "canvas"])
        if embed is not None and str(node).strip() not in kept:
            # a drawing's own text ('<svg><title>Back to top</title>…'): reported as the embed, by name and size
            assert f"<{embed.name}" in reported, f"<{embed.name}> holding {str(node)!r} is not reported"
            continue
        # Preformatted text keeps its line breaks: the importer reads each of its lines as a line.
        for piece in str(node).splitlines() if node.find_parent("pre") is not None else [str(node)]:
            visible = re.sub(r"[ \t\n\r\f\u00a0]+", " ", piece).strip()
            if visible and split_marker(f"{visible} x")[0] == visible:
                continue  # a bullet mark in an element of its own ('<font>●</font> …'): the article keeps the bullet without it
            visible = split_marker(visible)[1]  # the article keeps a bullet without its mark
            if visible:
                assert visible in kept or visible in reported, f"{visible!r} is lost"


def test_script_link_ad_card_is_dropped_whole_and_no_unsafe_link_survives(config: SiteConfig) -> None:
    result = _import(IMPORT_FIXTURES / "html_chrome_and_script_ad.html", config)
    article = result.article
    assert isinstance(article, DigestArticle)
    (section,) = article.sections
    (card,) = section.sources
    assert card.url == "https://www.bunka.go.jp/seisaku/chosakuken/aiandcopyright.html"
    assert card.publisher == "文化庁"
    ad = [item.line.text for item in result.report.dropped if item.rule == "script-link-card"]
    assert ad[0] == "公開日:2025/08/01" and ad[-1] == "さらに読む ⇒ひかり回線ナビ出典/画像元:"
    assert len(ad) == 6
    texts = "\n".join(_texts(article))
    for fragment in ("javascript:", "data:", "openOffer", "onclick", "alert(", "<script", "{{ body }}"):
        assert fragment not in texts


def test_entities_are_decoded_once(config: SiteConfig) -> None:
    article = _import(IMPORT_FIXTURES / "html_chrome_and_script_ad.html", config).article
    assert "技術の解説では、HTMLで「&lt;」と書くと画面には「<」と表示される、といった基本も紹介されています。" in _texts(article)


def test_shift_jis_page_keeps_cp932_characters_and_numeric_references(config: SiteConfig) -> None:
    article = _import(IMPORT_FIXTURES / "html_shift_jis_declared.html", config).article
    assert isinstance(article, DigestArticle)
    assert article.title == "春の桜前線、例年より早く北上 ～各地の見頃は？～"
    assert article.key_points == ("桜の開花は全国的に平年より早い見込み", "東京の満開は３月下旬の予想")
    (source,) = article.sections[0].sources
    assert source.title == "桜の開花予想、全国で平年より早く ①東京 ②福岡 ③名古屋"
    assert source.summary[0].startswith("㈱日本気象協会は")


@pytest.mark.parametrize(("page", "encoding"), [
    ("html_shift_jis_declared.html", "cp932"),
    ("html_euc_jp_http_equiv.htm", "euc_jis_2004"),
    ("html_shift_jis_undeclared.html", "cp932"),
    ("html_seed_000_saved.html", "utf-8"),
])
def test_declared_or_detected_encoding(page: str, encoding: str) -> None:
    _, used = decode_html((IMPORT_FIXTURES / page).read_bytes())
    assert used == encoding


def test_encyclopedia_reference_urls_come_from_hrefs(config: SiteConfig) -> None:
    article = _import(IMPORT_FIXTURES / "html_encyclopedia_references.html", config).article
    assert isinstance(article, EncyclopediaArticle)
    assert [section.heading for section in article.sections] == ["概要", "会場"]
    assert [(reference.id, reference.url) for reference in article.references] == [
        (1, "https://www.expo2025.or.jp/overview/"),
        (2, "https://www3.nhk.or.jp/news/html/20250413/k10014778081000.html"),
        (3, None),
        (4, None),  # its only link is javascript:
    ]
    assert article.references[0].text == "“大阪・関西万博の概要”. 2025年日本国際博覧会協会. 2025年4月15日閲覧。"
    assert article.attribution.license == "GNU Free Documentation License"


def test_an_emoji_drawn_as_an_image_is_the_lines_bullet_and_a_picture_is_not() -> None:
    page = ('<html><body><div id="content"><h1>見出し</h1>'
            '<p><img src="/img/pin.png" alt="📌"> 会談の定例化に向けた調整が進んでいる</p>'
            '<p><img src="/photo.jpg" alt="首脳会談の写真">会場の様子</p></div></body></html>')
    texts = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert "📌 会談の定例化に向けた調整が進んでいる" in texts
    assert "会場の様子" in texts
