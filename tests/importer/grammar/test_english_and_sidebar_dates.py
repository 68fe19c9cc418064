"""A date printed in English ('5 March 2026', 'March 5, 2026', 'Mar. 5, 2026'), or in the English order with a
Japanese month ('水, 5 3月, 2026'), is a date. A post's date printed
only in a sidebar's card after the text dates the article, unless it is older than the articles the page cites
(then it is another post's); a card's date dropped with the card (an ad's) never dates the article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.lines.dates import line_date
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize("text", ["5 March 2026", "March 5, 2026", "Mar. 5, 2026", "5 Mar 2026",
                                  "Posted on March 5, 2026"])
def test_a_date_in_english_is_a_date(text: str) -> None:
    assert line_date(text) == dt.date(2026, 3, 5)


@pytest.mark.parametrize("text", ["Maybe 5 2026", "March 2026", "31 February 2026"])
def test_english_words_near_numbers_are_no_date(text: str) -> None:
    assert line_date(text) is None


@pytest.mark.parametrize("text", ["水, 5 3月, 2026", "5 3月, 2026", "変更日時: 木, 5 3月, 2026 at 10:15 AM",
                                  "5 03月 2026"])
def test_the_english_order_with_a_japanese_month_is_a_date(text: str) -> None:
    # A help desk's ja locale prints '%a, %d %b, %Y' with the month as '3月': the day comes first.
    assert line_date(text) == dt.date(2026, 3, 5)


@pytest.mark.parametrize("text", ["5 3月 2026年度", "毎週水, 5 3月, 2026年"])
def test_a_year_after_a_japanese_month_that_goes_on_is_no_english_order_date(text: str) -> None:
    assert line_date(text) is None


def test_a_headline_holding_a_print_button_is_the_title_and_its_english_order_date_the_date(tmp_path: Path) -> None:
    page = ("<html><head><title>離島航路の新しいフェリーが就航 : 海の旅サポート</title></head><body>"
            "<header><h1>海の旅サポート</h1></header><section class='main'>"
            "<h2 class='heading'>離島航路の新しいフェリーが就航"
            "<a href='javascript:print();' class='print'><span>印刷</span></a></h2>"
            "<p>変更日時: 金, 27 2月, 2026 at 10:15 AM</p><hr><article class='article-body'>"
            "<p>島と本土を結ぶ航路に、新しいフェリーが就航しました。</p>"
            "<h3>何が変わる？</h3><p>Q. 新しい船で何が変わる？</p><p>A. 所要時間が10分短くなる</p>"
            "<p>新しいフェリーは、旧船より速く、揺れも少ない。</p></article></section></body></html>")
    article = digest_of(import_text(tmp_path, "ferry.html", page))
    assert (article.title, article.date) == ("離島航路の新しいフェリーが就航", dt.date(2026, 2, 27))
    assert article.lead == "島と本土を結ぶ航路に、新しいフェリーが就航しました。"


def _post(sidebar_date: str) -> str:
    url = "https://kaiyo-news.example.jp/2026/02/27/ferry"
    return ("<html><head><title>離島航路の新しいフェリーが就航</title></head><body>"
            "<div class='body'><h1>離島航路の新しいフェリーが就航</h1>"
            "<p>島と本土を結ぶ航路に、新しいフェリーが就航しました。</p>"
            "<h2>何が変わる？</h2><p>Q. 新しい船で何が変わる？</p><p>A. 所要時間が10分短くなる</p>"
            "<p>新フェリー就航、所要時間を短縮</p><p>2026年2月27日</p>"
            "<p>新しいフェリーは、旧船より速く、揺れも少ない。</p>"
            f"<p>出典：海洋ニュース <a href='{url}'>{url}</a></p>"
            "<p>島の暮らしが少し便利になりそうです。</p></div>"
            f"<div class='sidebar'><h2>{sidebar_date}</h2><ul><li>著者: 編集部</li><li>カテゴリ: 交通</li></ul></div>"
            "</body></html>")


def test_a_post_date_in_a_sidebar_card_after_the_text_dates_the_article(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "ferry.html", _post("5 March 2026")))
    assert article.date == dt.date(2026, 3, 5)


def test_a_sidebar_date_older_than_the_cited_articles_is_not_the_articles(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "ferry.html", _post("5 January 2026")))
    assert article.date == dt.date(2026, 2, 27)


def test_a_date_in_the_site_footer_does_not_date_the_article(tmp_path: Path) -> None:
    page = _post("5 January 2026").replace("</body>", "<footer><p>最終更新日: 2026年3月5日</p></footer></body>")
    assert digest_of(import_text(tmp_path, "ferry.html", page)).date == dt.date(2026, 2, 27)
