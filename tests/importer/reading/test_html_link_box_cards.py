"""A card known by its shape, whatever its tags or field order: a small box holding one web link
whose text is a headline (or a link around the whole box), and a source line (a date, or a name
beside a summary). Written as a text dump prints a card: headline, summary, '→ source URL'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 5, 1)
_HEAD = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>干し柿の季節 | 里山ノート</title></head>
<body><div id="page"><div class="body">
<h1>干し柿づくりが最盛期、今年の出来は？</h1>
<p>2025.11.20</p>
<p>山あいの集落で、干し柿づくりが最盛期を迎えています。</p>
<h2>今年の出来</h2>
<p>今年の柿の出来はどう？</p>
<p>夏の暑さで小ぶりだが甘い</p>
<p>農家の人たちは、甘さには自信があると話します。</p>
"""
_TAIL = """<p>軒先に並ぶ柿は冬の風物詩です。</p>
</div></div></body></html>"""
_TITLE, _URL = "干し柿の出荷始まる、小ぶりでも糖度は高め", "https://yamazato.example.jp/news/2025/1118-kaki"
_SUMMARY = "猛暑の影響で実は小さめだが、糖度は例年より高いという。"
SHAPES = {
    "table": f"""<table><tr><td><a href="{_URL}">{_TITLE}</a></td></tr><tr><td>{_SUMMARY}</td></tr>
<tr><td>やまざと新聞</td><td>2025/11/18</td></tr></table>""",
    "definition list, source first": f"""<dl><dd>2025年11月18日</dd><dd>やまざと新聞</dd>
<dt><a href="{_URL}">{_TITLE}</a></dt><dd>{_SUMMARY}</dd></dl>""",
    "figure, source beside the headline": f"""<figure><blockquote><p>{_SUMMARY}</p></blockquote>
<figcaption><a href="{_URL}">{_TITLE}</a> <span>やまざと新聞</span><span>2025/11/18</span></figcaption></figure>""",
    "link around the whole box": f"""<div><a href="{_URL}"><div>{_TITLE}</div><div>{_SUMMARY}</div>
<div>やまざと新聞 ｜ 2025/11/18</div></a></div>""",
}


@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
def test_a_box_with_a_linked_headline_and_a_source_line_is_one_card(shape: str, tmp_path: Path) -> None:
    page = tmp_path / "kaki.html"
    page.write_text(_HEAD + SHAPES[shape] + _TAIL, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="kaki.html", import_day=IMPORT_DAY).article
    assert isinstance(article, DigestArticle)
    assert [section.heading for section in article.sections] == ["今年の出来"]
    (card,) = article.sections[0].sources
    assert (card.title, card.url, card.publisher, card.published) == (
        _TITLE, _URL, "やまざと新聞", dt.date(2025, 11, 18))
    assert [str(line).lstrip("・") for line in card.summary] == [_SUMMARY]


def test_a_linked_line_with_a_date_in_a_related_list_of_the_site_is_no_card(tmp_path: Path) -> None:
    """The entry's own title linked to its permalink, with its date under it, is the article's."""
    page = tmp_path / "kaki.html"
    head = _HEAD.replace("<h1>干し柿づくりが最盛期、今年の出来は？</h1>\n<p>2025.11.20</p>",
                         '<h1><a href="https://satoyama.example.com/entry/1120">干し柿づくりが最盛期、今年の出来は？</a></h1>'
                         "\n<p>2025.11.20</p>")
    page.write_text(head + SHAPES["table"] + _TAIL, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="kaki.html", import_day=IMPORT_DAY).article
    assert isinstance(article, DigestArticle)
    assert article.title == "干し柿づくりが最盛期、今年の出来は？"
    assert [card.url for section in article.sections for card in section.sources] == [_URL]


_OTHER_URL = "https://cm.example.net/go?c=5521"
_OTHER_TITLE = "冬のおやつに、産地直送の干し芋セット"


def test_a_table_whose_rows_are_each_a_card_under_a_header_row_reads_every_row(tmp_path: Path) -> None:
    """Each row prints one card (its date, its source, its linked headline over summary lines); a row marked
    as sponsored with its date left empty is an ad's card; the header row names the fields and is no text."""
    table = f"""<table><thead><tr><th>掲載日</th><th>媒体</th><th>見出し</th></tr></thead><tbody>
<tr><td>2025/11/18</td><td>やまざと新聞</td><td><a href="{_URL}">{_TITLE}</a><br>{_SUMMARY}</td></tr>
<tr><td>－</td><td>PR</td><td><a href="{_OTHER_URL}">{_OTHER_TITLE}</a><br>いまなら送料無料でお届けします。</td></tr>
</tbody></table>"""
    page = tmp_path / "kaki.html"
    page.write_text(_HEAD + table + _TAIL, encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="kaki.html", import_day=IMPORT_DAY)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert [section.heading for section in article.sections] == ["今年の出来"]
    cards = article.sections[0].sources
    assert [(card.title, card.url, card.published) for card in cards] == [
        (_TITLE, _URL, dt.date(2025, 11, 18)), (_OTHER_TITLE, _OTHER_URL, None)]
    assert cards[0].publisher == "やまざと新聞"
    assert cards[1].off_topic
    assert all(f"[card-field-label] {head}" in result.report.format() for head in ("掲載日", "媒体", "見出し"))
