"""A rule line is any glyph repeated (or two in turn), and a label framed by one on both sides is a divider: an
ad's label so framed opens an ad block. A block that is a card the site sells (its link line and a title or a
seller's name beside it) stays, marked as an ad with its first line as the card's head; a banner's line and link
alone go with the label."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.blocks.ruled_blocks import claim_framed_ad, framed_label, is_rule_line
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


@pytest.mark.parametrize("text", ["◆◆◆◆◆◆", "＊＊＊＊＊＊＊＊", "☆ ☆ ☆ ☆ ☆", "◆◇◆◇◆◇", "・・・・・・", "━━━━━━"])
def test_any_glyph_repeated_is_a_rule(text: str) -> None:
    assert is_rule_line(text)


@pytest.mark.parametrize("text", ["★★★☆☆ 4.0", "◆◆◆", "ああああ", "2025", "！！！！", "◆◇◇◆◆◇"])
def test_letters_a_count_or_a_mixed_row_are_no_rule(text: str) -> None:
    assert not is_rule_line(text)


@pytest.mark.parametrize(("text", "label"), [
    ("＃＃＃＃　スポンサー　＃＃＃＃", "スポンサー"), ("▲▲ Ad ▲▲", "Ad"), ("～～～ お知らせ ～～～", "お知らせ"),
    ("■■ 2025年の振り返り、そして来年の展望について ■■", None), ("◆ 要点", None), ("◆◆◆◆", None),
])
def test_a_label_framed_by_a_rule(text: str, label: str | None) -> None:
    assert framed_label(text) == label


def _kept(*texts: str) -> tuple[list[Line], dict[str, str]]:
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return kept, {dropped.line.text: dropped.rule for dropped in report.dropped}


def test_a_card_framed_as_an_ad_stays_marked_as_one() -> None:
    kept, dropped = _kept("港の話題です。", "＃＃＃＃　スポンサー　＃＃＃＃", "秋の味覚をお取り寄せ",
                          "旬の魚介を産地から直送します。今なら送料無料。", "https://shop.example.jp/aki",
                          "みなと物産", "＃＃＃＃＃＃＃＃＃＃＃＃", "本文の続きです。")
    assert dropped["＃＃＃＃　スポンサー　＃＃＃＃"] == "framed-ad"
    card = [line for line in kept if line.ad]
    assert [line.text for line in card] == ["秋の味覚をお取り寄せ", "旬の魚介を産地から直送します。今なら送料無料。",
                                            "https://shop.example.jp/aki", "みなと物産"]
    assert [line.heads_card_box for line in card] == [True, False, False, False]
    assert not any(line.ad for line in kept if line not in card)


def test_a_banner_framed_as_an_ad_goes_with_its_label() -> None:
    texts = ["▲▲ Ad ▲▲", "秋の味覚をお取り寄せ（送料無料）", "https://shop.example.jp/aki", "▲▲▲▲▲▲"]
    assert claim_framed_ad(texts, 0) == 4
    kept, _ = _kept("本文です。", *texts, "本文の続きです。")
    assert [line.text for line in kept] == ["本文です。", "本文の続きです。"]
