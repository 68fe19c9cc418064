"""A line shaped like a block's heading ('…ランキング', '…よく読まれている') that stands over a date and a
summary sentence is a card's title, not the heading of a list of titles."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _kept(texts: list[str]) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    return [line.text for line in strip_debris(lines, ImportReport("page.txt"))]


def test_a_card_title_ending_like_a_ranking_heading_keeps_its_card() -> None:
    card = ["峠の茶屋 今年の人気団子ランキング", "2024年11月2日", "● 峠の茶屋で人気の団子を、来店客の投票で順位づけした。",
            "続きを読む → 山並タイムズ https://yamanami.example/news/dango"]
    assert _kept(card) == card


def test_an_ad_card_whose_summary_exclaims_keeps_its_head() -> None:
    card = ["速報 今年の全国おせちランキング", "配信日：2025.11.20", "▶ 老舗料亭の三段重が早割で登場！",
            "▶ 予約は公式サイトから受け付けている。", "元記事を読む → https://osechi.example.com/lp"]
    assert _kept(card) == card


def test_a_ranking_heading_over_listed_titles_is_still_chrome() -> None:
    texts = ["今週のランキング", "1. 峠の茶屋が営業再開", "2. 山道の冬季閉鎖始まる", "峠の茶屋は今年も団子が人気です。"]
    assert _kept(texts) == ["峠の茶屋は今年も団子が人気です。"]
