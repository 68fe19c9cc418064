"""A card's fields read by what each of its lines is, in any order: a card that opens with its link line and
prints its date or publisher under its summary, and a card that prints its publisher over its link line and
its title under it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of, import_text

_HEAD = [
    "港の朝市、毎週開催へ　観光客の呼び込み狙う", "公開日：2025/06/10",
    "港の朝市が6月から毎週開かれることになりました。経緯と狙いをまとめました。",
]


def test_a_card_opening_with_its_link_line_reads_the_date_under_its_summary(tmp_path: Path) -> None:
    page = [*_HEAD, "朝市の拡大", "何が変わる？", "月1回から毎週に",
            "市の発表を伝える記事です。",
            "https://city.example.jp/news/ichi.html　港町市役所",
            "◆ 市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
            "発表日：2025年5月28日",
            "朝市は、漁港の岸壁で朝6時から開かれています。",
            "出店者も増える見込みです。"]
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(page)))
    (section,) = article.sections
    assert section.answer == "月1回から毎週に"
    assert [(card.url, card.publisher, card.published, card.summary) for card in section.sources] == [
        ("https://city.example.jp/news/ichi.html", "港町市役所", dt.date(2025, 5, 28),
         ("市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",))]
    assert (*section.sources[0].comments, *section.body) == (
        "朝市は、漁港の岸壁で朝6時から開かれています。", "出店者も増える見込みです。")


def test_a_publisher_over_the_link_line_and_a_title_under_it_are_read_by_their_shapes(tmp_path: Path) -> None:
    page = [*_HEAD, "朝市の拡大", "何が変わる？", "月1回から毎週に",
            "市の発表を伝える記事です。",
            "港町市役所",
            "https://city.example.jp/news/ichi.html",
            "朝市の開催日程の変更について",
            "更新日 2025.05.28",
            "▷ 6月から毎週日曜日の朝6時から9時まで開きます。",
            "▷ 雨天の場合も開催します。",
            "出店者も増える見込みです。"]
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(page)))
    (section,) = article.sections
    assert [(card.title, card.publisher, card.published) for card in section.sources] == [
        ("朝市の開催日程の変更について", "港町市役所", dt.date(2025, 5, 28))]
    assert section.sources[0].summary == ("6月から毎週日曜日の朝6時から9時まで開きます。", "雨天の場合も開催します。")
