"""A box's label drawn in box-drawing glyphs is the key points' label, not a point; a source label between a pair
of one glyph ('◆参考◆') and a bracketed ad note after a name are no words of the card's publisher; a byline's date
line may close on the date's own label; a heading's number may follow a number sign."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_meta import card_date
from kiku.importer.grammar.cards.name_labels import without_ad_note
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.grammar.lines.features import box_label
from kiku.importer.layouts.labels import heading_number
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("text", "label"), [
    ("╔═ 今週おさえたい話題 ═╗", "今週おさえたい話題"),
    ("━━ 山小屋だより ━━", "山小屋だより"),
])
def test_a_line_framed_in_box_glyphs_is_a_box_label(text: str, label: str) -> None:
    assert box_label(text) == label


@pytest.mark.parametrize("text", ["━━━━━━━━", "┃ 登山道の整備が進む", "山小屋の話 ━━"])
def test_a_rule_or_a_line_open_on_one_side_is_no_box_label(text: str) -> None:
    assert box_label(text) is None


def test_a_box_label_over_points_is_no_point(tmp_path: Path) -> None:
    page = [
        "山小屋の冬季営業、今年は短縮へ", "2025年11月4日",
        "北アルプスの山小屋で、冬季営業を短くする動きが広がっています。理由をまとめました。",
        "╔═ 今週おさえたい話題 ═╗",
        "● 冬季営業は12月末までに短縮", "● 人手不足と燃料費の高騰が背景", "● 予約は早めに確認を",
        "◆ 営業短縮の理由", "なぜ営業期間が短くなるのか？", "人手と燃料が足りない",
        "小屋番さんの苦労がうかがえます。",
        "北アルプスの山小屋、冬季営業を短縮", "山岳タイムス", "2025年11月1日",
        "https://sangaku.example.jp/news/4410",
        "・ 複数の山小屋が冬季営業の短縮を発表した。", "・ 燃料の輸送費が上がっている。",
    ]
    article = digest_of(import_text(tmp_path, "page.txt", "\n\n".join(page)))
    assert article.key_points == ("冬季営業は12月末までに短縮", "人手不足と燃料費の高騰が背景", "予約は早めに確認を")


@pytest.mark.parametrize(("text", "publisher"), [
    ("◆参考◆ 北陸中央新聞 （2025/03/02）", "北陸中央新聞"),
    ("■出典■ 瀬戸内海洋研究センター 2025年3月2日", "瀬戸内海洋研究センター"),
])
def test_a_source_label_between_a_glyph_pair_is_no_word_of_the_name(text: str, publisher: str) -> None:
    found = card_date(text)
    assert found is not None
    assert (found.date, found.publisher) == (dt.date(2025, 3, 2), publisher)


@pytest.mark.parametrize(("name", "bare"), [
    ("キャンプ道具のヤマネ （PR）", "キャンプ道具のヤマネ"), ("ヤマネ商店【広告】", "ヤマネ商店"),
    ("北陸中央新聞（夕刊）", "北陸中央新聞（夕刊）"), ("（PR）", "（PR）"),
])
def test_a_bracketed_ad_note_after_a_name_is_no_word_of_it(name: str, bare: str) -> None:
    assert without_ad_note(name) == bare


def test_a_byline_date_line_may_close_on_the_dates_own_label() -> None:
    assert line_date("山岳タイムス編集部 · 2025.11.04 09:15 更新") == dt.date(2025, 11, 4)
    assert line_date("山岳タイムス編集部 · 2025.11.04 09:15 から北陸へ") is None


@pytest.mark.parametrize(("text", "number", "rest"), [("#2 燃料費の高騰", 2, "燃料費の高騰"), ("＃3：予約の注意", 3, "予約の注意"),
                                                      ("№4 来季の見通し", 4, "来季の見通し")])
def test_a_number_sign_numbers_a_heading(text: str, number: int, rest: str) -> None:
    found = heading_number(text)
    assert found is not None
    assert (found[0], text[found[1].end():]) == (number, rest)


@pytest.mark.parametrize("text", ["#山小屋 #北アルプス", "#2位の山小屋", "#10月の山"])
def test_a_hashtag_or_a_glued_number_is_no_heading_number(text: str) -> None:
    assert heading_number(text) is None
