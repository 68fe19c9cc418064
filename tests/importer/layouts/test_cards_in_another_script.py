"""A card in another script than its page (an English report cited on a Japanese page) shares no word with the
page whatever it is about: its word shares are no evidence; what it offers and how it speaks still are."""

from __future__ import annotations

from kiku.importer.layouts.ads.off_topic import off_topic_reason
from kiku.importer.layouts.ads.relevance import PageBigrams

PAGE_TITLE = "棚田の田植え、海外からの見学者でにぎわう"
SECTION = ["棚田の田植え体験に、今年は海外からの参加者が目立った。", "地元の保存会が英語の案内を用意した。"]
TOPIC = [PAGE_TITLE, "海外の反応", "海外ではどう伝えられたか？", "写真付きで大きく紹介された"]


def _reason(title: str, summary: list[str]) -> str | None:
    return off_topic_reason(title, summary, SECTION, PageBigrams(enumerate([PAGE_TITLE, *SECTION])), (), TOPIC)


def test_a_report_in_english_on_a_japanese_page_is_no_ad() -> None:
    assert _reason("Rice terraces draw visitors from abroad for planting season",
                   ["Volunteers from a dozen countries joined local farmers in the paddies this week."]) is None


def test_a_card_mixing_english_with_japanese_offers_is_still_weighed_by_its_words() -> None:
    reason = _reason("今だけ無料 Premium trial", ["今なら初回無料、会員登録で最大50%ポイント還元！"])
    assert reason is not None


def test_a_japanese_card_about_something_else_is_still_an_ad() -> None:
    assert _reason("美容液のお試しセット", ["肌の乾燥が気になる方へ。話題の美容液を送料無料でお届けします。"]) is not None
