"""A card's summary printed without bullet glyphs: the card is known by its link line and the shapes of
the lines above it (its date, its title, sentences), not by the glyphs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

PAGE = [
    "山あいの温泉街、冬の観光客が回復",
    "雪見風呂を目当てにした客が戻り、旅館の予約は平年並みになりました。",
    "予約が戻った理由",
    "客足はどこから戻った？",
    "海外からの個人客",
    "冬の温泉街を支えているのは、海外から訪れる個人旅行の客です。",
    "2024.12.05",
    "温泉組合によると、12月の宿泊予約は前年同月より2割多かった。",
    "台湾や香港からの個人客が全体の3割を占め、平日の稼働率を押し上げた。",
    "続きを読む ⇒ 峠の里ニュース 出典: https://touge.example.jp/onsen/1205",
    "平日の客が増えたのは旅館にとって心強いですね。",
    "人手は足りている？",
    "宿の人手はどうなった？",
    "送迎を共同で",
    "人手不足への対応も進んでいます。",
    "雪道の送迎、旅館が共同運行へ",
    "旅館5軒が駅からの送迎バスを共同で運行することを決めた。",
    "運転手の確保が難しく、1軒ごとの運行が続けられなくなっていた。",
    "続きを読む ⇒ 山並タイムズ 出典: https://yamanami.example.jp/news/88",
]


def test_a_date_line_over_sentences_and_a_link_line_is_a_card_not_a_heading(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "page.txt", "\n".join(PAGE)))
    assert [section.heading for section in article.sections] == ["予約が戻った理由", "人手は足りている？"]
    card = article.sections[0].sources[0]
    assert card.published == dt.date(2024, 12, 5)
    assert card.summary == ("温泉組合によると、12月の宿泊予約は前年同月より2割多かった。",
                            "台湾や香港からの個人客が全体の3割を占め、平日の稼働率を押し上げた。")


def test_a_headline_over_sentences_and_a_link_line_is_a_titled_card(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "page.txt", "\n".join(PAGE)))
    card = article.sections[1].sources[0]
    assert card.title == "雪道の送迎、旅館が共同運行へ"
    assert card.summary == ("旅館5軒が駅からの送迎バスを共同で運行することを決めた。",
                            "運転手の確保が難しく、1軒ごとの運行が続けられなくなっていた。")


def test_sentences_over_a_link_line_with_no_head_stay_remarks(tmp_path: Path) -> None:
    # without a date or a title above them, sentences before the link are the section's words
    lines = [line for line in PAGE if line not in ("2024.12.05", "雪道の送迎、旅館が共同運行へ")]
    article = _digest(_import(tmp_path, "page.txt", "\n".join(lines)))
    assert article.sections[0].sources[0].summary == ()


def test_lines_without_glyphs_under_the_key_points_label_are_the_key_points(tmp_path: Path) -> None:
    lines = [PAGE[0], PAGE[1], "この記事のポイント", "冬の宿泊予約は前年より2割増えた", "旅館5軒が送迎バスを共同で運行へ",
             *PAGE[2:]]
    article = _digest(_import(tmp_path, "page.txt", "\n".join(lines)))
    assert article.key_points == ("冬の宿泊予約は前年より2割増えた", "旅館5軒が送迎バスを共同で運行へ")
    assert [section.heading for section in article.sections] == ["予約が戻った理由", "人手は足りている？"]
