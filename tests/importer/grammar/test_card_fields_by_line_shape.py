"""A card's fields read by what each of its lines is, in any order: a card that opens with its link line and
prints its date or publisher under its summary, and a card that prints its publisher over its link line and
its title under it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

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


_TITLE, _NAME, _DATE = "峠道の通行止め、6月末に解除へ", "山里タイムス", "2025年6月4日"
_URL = "https://yama.example.jp/x/9"
_SUMMARY = ["・ 県は、土砂崩れで通行止めとなっていた峠道を6月末に開通させると発表した。",
            "・ 復旧工事は予定より2週間早く終わる見込み。"]


@pytest.mark.parametrize("card", [
    [_TITLE, _NAME, _DATE, *_SUMMARY, _URL],  # the publisher under the title, over the date
    [_NAME, _DATE, _TITLE, *_SUMMARY, _URL],  # the publisher over the date, the title under it
    [_DATE, _TITLE, *_SUMMARY, _URL, _NAME],  # the publisher under the link line
    [_TITLE, *_SUMMARY, _URL, _NAME, _DATE],  # the publisher and the date under the link line
    [_NAME, _URL, _TITLE, _DATE, *_SUMMARY],  # publisher, link, title, date over the summary
], ids=["title-name-date", "name-date-title", "date-title-link-name", "title-link-name-date",
        "name-link-title-date"])
def test_a_cards_title_publisher_and_date_are_read_in_any_order(tmp_path: Path, card: list[str]) -> None:
    page = [*_HEAD, "峠道の再開", "通行止めはいつ解ける？", "6月末に解除", "県の発表を伝える記事です。", *card,
            "観光バスも戻ってきそうです。", "朝市の今後", "来年はどうなる？", "通年開催を検討", "市は来年度も続ける方針です。"]
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(page)))
    section = article.sections[0]
    assert [(card.title, card.publisher, card.url, card.published, len(card.summary)) for card in section.sources] \
        == [(_TITLE, _NAME, _URL, dt.date(2025, 6, 4), 2)]
