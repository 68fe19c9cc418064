"""General rules of the page family that held-out batch 6 showed missing, each on a crafted page."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.grammar.title import title_index
from kiku.importer.layouts.cards import UrlAndRemark, split_url_and_remark
from kiku.importer.page import Line
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.paths import REPO


def _import(tmp_path: Path, name: str, text: str) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name)

# --- Titles: the <title> worded differently from the printed headline; never a bulleted line ------


def test_a_table_layouts_headline_worded_differently_from_the_title_element_heads_the_lines() -> None:
    report = ImportReport("page.html")
    page = ('<html><head><title>能登半島地震から2年 復興はどこまで進んだか：防災ニュース速報</title></head><body>'
            '<table><tr><td><font size="4"><b>防災ニュース速報</b></font></td></tr>'
            '<tr><td><font size="2">2025/12/28 (日) 09:15</font><br>'
            '<font size="5"><b>能登半島地震から2年、復興はどこまで進んだ？仮設住宅の今</b></font><br>'
            '<table>' + "<tr><td>◇本文の段落です。長い文章が続きます。</td></tr>" * 20 + '</table>'
            '</td></tr></table></body></html>')
    lines = read_html(page, report)
    assert [line.text for line in lines[:3]] == [
        "2025/12/28 (日) 09:15", "能登半島地震から2年、復興はどこまで進んだ？仮設住宅の今", "◇本文の段落です。長い文章が続きます。"]
    assert [item.line.text for item in report.dropped] == ["能登半島地震から2年 復興はどこまで進んだか：防災ニュース速報",
                                                        "防災ニュース速報"]


def test_a_bulleted_line_is_never_the_title() -> None:
    assert title_index(["◇公費解体は9割を超えたが、仮設住宅には約1万5000人が暮らす", "2025/12/28",
                        "能登半島地震から2年、復興はどこまで進んだ？", "地震から間もなく2年。課題をまとめました。"]) == 2


# --- Publishers: named on their own line after the link, behind a source label ---------------

def test_a_publisher_named_after_the_link_behind_a_source_label_is_the_cards(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.html", (
        "<html><head><title>日本酒がユネスコ無形文化遺産に</title></head><body><article>"
        "<h1>日本酒がユネスコ無形文化遺産に</h1><p>公開日：2024/12/06</p>"
        "<p>伝統的酒造りが無形文化遺産に登録されました。その意味をまとめました。</p>"
        "<h2>無形文化遺産に登録</h2><p>何が登録された？</p><p>こうじ菌を使った酒造り</p>"
        "<figure><div><p>「伝統的酒造り」無形文化遺産に登録決定</p><p>2024年12月5日</p>"
        "<ul><li>&#x2714; ユネスコの政府間委員会は伝統的酒造りを無形文化遺産に登録した。</li></ul>"
        '<p><a href="https://www3.nhk.or.jp/news/html/20241205/k1.html">&#x27A1; 元記事を読む</a></p></div>'
        "<figcaption>出典/画像元：<cite>NHKニュース</cite></figcaption></figure>"
        "<p>酒蔵の皆さんにとって大きな励みになりそうです。</p></article></body></html>"))
    article = result.article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.url, card.publisher, card.title) == (
        "https://www3.nhk.or.jp/news/html/20241205/k1.html", "NHKニュース", "「伝統的酒造り」無形文化遺産に登録決定")
    assert not [warning for warning in result.report.warnings if "出典/画像元" in warning]


# --- URLs glued to whole numbers: years, counts after a code, a number repeating the URL's end --

@pytest.mark.parametrize(("rest", "split"), [
    # A year before 年 (年度 too) is a whole number: the URL ended at its slash, sure.
    ("https://a.example/science/20250521-OYT1T50102/2027年度の打ち上げまでに。",
     UrlAndRemark("https://a.example/science/20250521-OYT1T50102/", "2027年度の打ち上げまでに。")),
    # A code of letters then digits gives back its whole digit run before a counter (a guess).
    ("https://a.example/jc/article?k=2025100200873&g=spo873人が受検した。",
     UrlAndRemark("https://a.example/jc/article?k=2025100200873&g=spo", "873人が受検した。", "873")),
    # No sentence opens with a particle: the repeated ending is the number (a guess).
    ("https://a.example/article/421930930を超える自治体が。",
     UrlAndRemark("https://a.example/article/421930", "930を超える自治体が。", "930")),
    # Without a repeat, the shortest number that can open the sentence (a guess).
    ("https://a.example/article/4219357を超える。", UrlAndRemark("https://a.example/article/421935", "7を超える。", "7")),
    # A last segment of a few digits before a particle is the number (a guess).
    ("https://a.example/archive/2027は特別な年。", UrlAndRemark("https://a.example/archive/", "2027は特別な年。", "2027")),
])
def test_a_whole_number_glued_to_a_url_is_read_whole(rest: str, split: UrlAndRemark) -> None:
    assert split_url_and_remark(rest) == split
    assert (split.url or "") + split.remark == rest


# --- A related-articles list whose entry ends in a question mark --------------------------------

def test_a_related_list_ending_in_a_question_is_dropped_whole_and_makes_no_section() -> None:
    texts = ["終わってみれば、行ってよかったって人が多かった気がするなあ。", "関連記事", "・夢洲IR、開業は2030年秋に",
             "・ミャクミャク、万博後も大阪の顔に?", "大屋根リングはどうなる", "大屋根リングは残されるのか？"]
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    assert [line.text for line in kept] == [texts[0], texts[4], texts[5]]
    assert [(item.rule, item.line.number) for item in report.dropped] == [
        ("related-articles", 2), ("related-articles", 3), ("related-articles", 4)]
