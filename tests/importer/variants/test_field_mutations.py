"""The field mutations rewrite only the lines (or text nodes) that print a field of the truth, and
keep every truth string findable."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest

from tests.support.page_variants.findable import lost_strings
from tests.support.page_variants.registry import MUTATIONS

PAGE = """川辺タイムズ｜くらし

渡し船、60年ぶりに復活へ

公開日：2025/05/20

■ なぜ今、渡し船なのか
Q. 渡し船はいつから運航されますか？
A. 7月の週末から
橋が遠い地区の住民から要望が続いていました。

渡し船の試験運航、7月に開始
掲載日：2025年5月18日
● 市は川の両岸を結ぶ渡し船の試験運航を7月から始めると発表した。
続きを読む → https://kawabe.example.jp/n/518 （出典：川辺新報）

夏の川遊びセット特価
● 今だけ半額。
続きを読む → https://shop.example.jp/lp?ad=1 （PR）

© 川辺タイムズ
"""
TRUTH: dict[str, Any] = {
    "title": "渡し船、60年ぶりに復活へ",
    "date": dt.date(2025, 5, 20),
    "sections": [{"heading": "なぜ今、渡し船なのか", "question": "渡し船はいつから運航されますか？",
                  "answer": "7月の週末から", "sources": [
                      {"url": "https://kawabe.example.jp/n/518", "publisher": "川辺新報",
                       "published": dt.date(2025, 5, 18)},
                      {"url": "https://shop.example.jp/lp?ad=1", "publisher": "PR", "off_topic": True}]}],
    "content": ["橋が遠い地区の住民から要望が続いていました。", "市は川の両岸を結ぶ渡し船の試験運航を7月から始めると発表した。"],
}


def _rewritten(name: str, seed: int) -> list[str]:
    variant = MUTATIONS[name].apply(PAGE, random.Random(seed), TRUTH)
    assert variant != PAGE
    assert lost_strings(TRUTH, PAGE, variant, is_html=False) == []
    assert len(variant.splitlines()) == len(PAGE.splitlines())
    return variant.splitlines()


@pytest.mark.parametrize("seed", range(6))
def test_the_question_and_answer_labels_are_another_sites(seed: int) -> None:
    lines = _rewritten("text_qa_labels", seed)
    assert lines[7].endswith("渡し船はいつから運航されますか？") and lines[8].endswith("7月の週末から")
    assert lines[7] != "渡し船はいつから運航されますか？" and lines[8] != "7月の週末から"
    assert lines[9] == "橋が遠い地区の住民から要望が続いていました。"


def test_a_truth_that_keeps_the_label_leaves_the_page_alone() -> None:
    truth = {**TRUTH, "sections": [{**TRUTH["sections"][0], "question": "Q. 渡し船はいつから運航されますか？",
                                    "answer": "A. 7月の週末から"}]}
    assert MUTATIONS["text_qa_labels"].apply(PAGE, random.Random(1), truth) == PAGE


@pytest.mark.parametrize("seed", range(6))
def test_a_real_cards_publisher_gets_another_label_and_the_ad_card_none(seed: int) -> None:
    lines = _rewritten("text_publisher_labels", seed)
    assert "出典" not in lines[14] and lines[14].endswith("川辺新報）")
    assert lines[18].endswith("（PR）")


@pytest.mark.parametrize("seed", range(6))
def test_an_ad_cards_label_is_another_ad_word(seed: int) -> None:
    lines = _rewritten("text_ad_labels", seed)
    assert not lines[18].endswith("（PR）") and lines[18].endswith("）")
    assert lines[14].endswith("（出典：川辺新報）")


@pytest.mark.parametrize("seed", range(6))
def test_a_heading_gets_an_anchor_or_a_number(seed: int) -> None:
    lines = _rewritten("text_heading_marks", seed)
    assert lines[6] != "■ なぜ今、渡し船なのか" and "なぜ今、渡し船なのか" in lines[6] and lines[6].startswith("■ ")
    assert lines[2] == "渡し船、60年ぶりに復活へ"


@pytest.mark.parametrize("seed", range(4))
def test_the_published_dates_get_a_later_updated_date_after_them(seed: int) -> None:
    lines = _rewritten("text_updated_dates", seed)
    assert lines[4].startswith("公開日：2025/05/20") and "更新" in lines[4] and "2025/05/20" not in lines[4][15:]
    assert lines[12].startswith("掲載日：2025年5月18日") and "更新" in lines[12]


def test_an_html_field_gets_its_label_in_its_own_text_node() -> None:
    page = ("<html><body><h1>渡し船、60年ぶりに復活へ</h1><h2>なぜ今、渡し船なのか</h2>"
            "<p>渡し船はいつから運航されますか？</p><p>7月の週末から</p></body></html>")
    variant = MUTATIONS["html_qa_labels"].apply(page, random.Random(2), TRUTH)
    assert variant != page and "<h2>なぜ今、渡し船なのか</h2>" in variant
    assert lost_strings(TRUTH, page, variant, is_html=True) == []


def test_an_html_question_whose_label_is_an_element_of_its_own_is_left_alone() -> None:
    page = "<html><body><p><b>Q</b>渡し船はいつから運航されますか？</p></body></html>"
    assert MUTATIONS["html_qa_labels"].apply(page, random.Random(2), TRUTH) == page


@pytest.mark.parametrize("seed", range(4))
def test_a_heading_element_gets_a_kicker_element_before_its_text(seed: int) -> None:
    page = ("<html><body><h1>渡し船、60年ぶりに復活へ</h1><h2>なぜ今、渡し船なのか</h2>"
            "<p>なぜ今、渡し船なのか</p></body></html>")
    variant = MUTATIONS["html_heading_kickers"].apply(page, random.Random(seed), TRUTH)
    assert re.search(r"<h2><(span|em|small|b) class=\"kicker\">[^<]*1[^<]*</\1>なぜ今、渡し船なのか</h2>", variant)
    assert "<p>なぜ今、渡し船なのか</p>" in variant and "<h1>渡し船、60年ぶりに復活へ</h1>" in variant
    assert lost_strings(TRUTH, page, variant, is_html=True) == []


@pytest.mark.parametrize("seed", range(5))
def test_an_inline_card_link_gets_a_screen_readers_note_before_its_end(seed: int) -> None:
    page = ("<html><body><h1>渡し船、60年ぶりに復活へ</h1><p><a href='https://kawabe.example.jp/n/518'>渡し船の試験運航、"
            "7月に開始</a></p><p><a href='https://kawabe.example.jp/'>川辺新報</a></p>"
            "<a href='https://kawabe.example.jp/n/518'><div>box</div></a></body></html>")
    variant = MUTATIONS["html_link_screen_reader_notes"].apply(page, random.Random(seed), TRUTH)
    assert re.search(r"7月に開始<(?:span|i) .*</(?:span|i)></a></p><p><a href='https://kawabe.example.jp/'>川辺新報</a>", variant)
    assert "<div>box</div></a>" in variant
    assert lost_strings(TRUTH, page, variant, is_html=True) == []


@pytest.mark.parametrize("seed", range(6))
def test_a_question_and_its_answer_get_badge_elements_glued_before_their_text(seed: int) -> None:
    page = ("<html><body><h1>渡し船、60年ぶりに復活へ</h1><h2>なぜ今、渡し船なのか</h2>"
            "<p>Q. 渡し船はいつから運航されますか？</p><p>7月の週末から</p></body></html>")
    variant = MUTATIONS["html_qa_badges"].apply(page, random.Random(seed), TRUTH)
    assert re.search(r"<p><(span|b)[^>]*>[^<]{1,8}</\1>渡し船はいつから運航されますか？</p>", variant)
    assert re.search(r"<p><(span|b)[^>]*>[^<]{1,8}</\1>7月の週末から</p>", variant)
    assert "Q. " not in variant and lost_strings(TRUTH, page, variant, is_html=True) == []


def test_a_question_with_a_badge_of_its_own_gets_no_second_one() -> None:
    page = "<html><body><p><b>Question</b>渡し船はいつから運航されますか？</p></body></html>"
    assert MUTATIONS["html_qa_badges"].apply(page, random.Random(2), TRUTH) == page


@pytest.mark.parametrize("seed", range(4))
def test_the_key_points_label_is_set_after_the_leads_last_sentence(seed: int) -> None:
    truth = {**TRUTH, "content": ["渡し船、60年ぶりに復活へ", "川の両岸を結ぶ渡し船が戻ってきます。"]}
    page = ("<html><body><h1>渡し船、60年ぶりに復活へ</h1><p>川の両岸を結ぶ渡し船が戻ってきます。</p>"
            "<ul><li>7月に試験運航</li></ul></body></html>")
    variant = MUTATIONS["html_points_label_in_lead"].apply(page, random.Random(seed), truth)
    assert re.search(r"<p>川の両岸を結ぶ渡し船が戻ってきます。(?: <strong>|<br>(?:<span[^>]*>)?)[^<]{2,12}", variant)
    assert lost_strings(truth, page, variant, is_html=True) == []


def test_a_lead_with_no_points_after_it_gets_no_points_label() -> None:
    truth = {**TRUTH, "content": ["渡し船、60年ぶりに復活へ", "川の両岸を結ぶ渡し船が戻ってきます。"]}
    page = ("<html><body><h1>渡し船、60年ぶりに復活へ</h1><p>川の両岸を結ぶ渡し船が戻ってきます。</p>"
            "<h2>なぜ今、渡し船なのか</h2></body></html>")
    assert MUTATIONS["html_points_label_in_lead"].apply(page, random.Random(1), truth) == page


def test_an_html_question_after_a_word_badge_of_its_own_gets_no_second_label() -> None:
    page = "<html><body><p><span class='badge'>Question</span>渡し船はいつから運航されますか？</p></body></html>"
    assert MUTATIONS["html_qa_labels"].apply(page, random.Random(2), TRUTH) == page
