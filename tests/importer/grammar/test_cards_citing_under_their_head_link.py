"""Cards listed at a section's end under a bracketed label ("【参考】"), each printing its title, its URL, then its
publisher and date on lines of their own, then a summary marked with one glyph; the next section's
heading is marked with another. And a pager link ending in its verb ('次の記事を読む ≫')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.cleaning.lines.link_lines import claim_pager_link
from tests.support.importing import digest_of, import_text

_PAGE = [
    "湖の氷上釣り、今季は解禁が遅れる　暖冬で氷が薄く", "更新日：2025年1月28日（火）",
    "湖の氷上ワカサギ釣りの解禁が遅れています。理由と見通しをまとめました。",
    "◇ 解禁の遅れ", "なぜ遅れている？", "氷の厚さが足りないため",
    "湖の氷は例年より薄い状態が続いています。",
    "漁協は毎朝、氷の厚さを測って安全を確かめています。",
    "安全第一の判断は当然ですね。",
    "【参考】",
    "ワカサギ釣り、解禁を延期　氷の厚さ基準に届かず",
    "https://kosui.example.jp/news/2025/0125/001",
    "湖畔タイムス",
    "2025年1月25日",
    "・ 漁協は、氷の厚さが安全の目安に届かないとして、氷上釣りの解禁を延期した。",
    "・ 例年は1月中旬に解禁されている。",
    "◇ 地元への影響", "宿はどうなる？", "キャンセルが相次ぐ",
    "湖畔の宿では、予約の取り消しが出ています。",
    "冬の稼ぎどきだけに、地元には痛手です。",
    "【参考】",
    "湖畔の宿、氷上釣りの延期でキャンセル相次ぐ",
    "https://kosui.example.jp/news/2025/0127/004",
    "湖畔タイムス",
    "2025年1月27日",
    "・ 湖畔の旅館やホテルでは、釣り客の予約の取り消しが相次いでいる。",
    "早く氷が厚くなるといいですね。",
    "次の記事を読む ≫",
    "雪まつり、今年は過去最多の雪像が並ぶ見通し",
]


def test_cards_print_their_publisher_and_date_under_their_url(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_PAGE)))
    assert [section.heading for section in article.sections] == ["解禁の遅れ", "地元への影響"]
    first, second = (section.sources for section in article.sections)
    assert [(card.title, card.url, card.publisher, card.published) for card in first] == [
        ("ワカサギ釣り、解禁を延期　氷の厚さ基準に届かず", "https://kosui.example.jp/news/2025/0125/001",
         "湖畔タイムス", dt.date(2025, 1, 25))]
    assert first[0].summary == ("漁協は、氷の厚さが安全の目安に届かないとして、氷上釣りの解禁を延期した。",
                                "例年は1月中旬に解禁されている。")
    assert [(card.publisher, card.published) for card in second] == [("湖畔タイムス", dt.date(2025, 1, 27))]
    assert article.sections[1].question == "宿はどうなる？"


def test_a_pager_link_ending_in_its_verb_is_the_sites_with_its_teaser() -> None:
    texts = ["本文です。"] * 6 + ["次の記事を読む ≫", "雪まつり、今年は過去最多の雪像が並ぶ見通し"]
    assert claim_pager_link(texts, 6) == 2
    assert claim_pager_link(["次の展開を読む ≫", "雪まつり"], 0) == 0
