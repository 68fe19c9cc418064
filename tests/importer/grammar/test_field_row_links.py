"""A whole card printed on one line as bar-separated fields, the link last with a remark glued to it:
its fields are read by their shape, whatever their order."""

from __future__ import annotations

import datetime as dt

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.field_row_link import read_field_row
from kiku.importer.grammar.lines.features import line_features
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.grammar.page.line_fit import fit


def test_a_row_of_label_name_date_and_link_is_one_card_with_its_glued_remark() -> None:
    link = read_card_link("出典｜みなと水族館｜2024-08-03｜https://aqua.example.jp/news/0803.html来月が楽しみですね。")
    assert link is not None
    assert (link.url, link.publisher, link.published) == (
        "https://aqua.example.jp/news/0803.html", "みなと水族館", dt.date(2024, 8, 3))
    assert link.glued_text == "来月が楽しみですね。"


def test_the_fields_may_come_in_any_order_and_the_title_may_be_missing() -> None:
    row = read_field_row("2024/08/03 | みなと水族館 | https://aqua.example.jp/news/0803.html")
    assert row is not None
    assert (row.publisher, row.published, row.title) == ("みなと水族館", dt.date(2024, 8, 3), None)


def test_a_sentence_between_bars_or_two_names_is_no_field_row() -> None:
    assert read_field_row("水族館で赤ちゃんが生まれた。｜2024-08-03｜https://aqua.example.jp/n") is None
    assert read_field_row("みなと水族館｜港町観光課｜https://aqua.example.jp/n") is None
    assert read_field_row("みなと水族館｜2024-08-03｜ペンギンの赤ちゃん") is None


def test_a_title_in_a_field_of_its_own_before_the_link_is_told_from_the_name_by_its_kana() -> None:
    row = read_field_row("［参照］2024.08.03 ｜ 港町観光課 ｜ 水族館のペンギンが赤ちゃんを産みました ｜ https://aqua.example.jp/n")
    assert row is not None
    assert (row.publisher, row.title, row.published) == (
        "港町観光課", "水族館のペンギンが赤ちゃんを産みました", dt.date(2024, 8, 3))


def test_a_title_glued_before_the_link_in_its_field_is_the_cards_title() -> None:
    row = read_field_row("資料｜港町観光課｜2024.08.03｜水族館のペンギン　夏の特別公開のお知らせ https://aqua.example.jp/n/summer.html"
                         "ぜひ見に行きたいですね。")
    assert row is not None
    assert (row.publisher, row.title, row.published, row.url, row.remark) == (
        "港町観光課", "水族館のペンギン　夏の特別公開のお知らせ", dt.date(2024, 8, 3), "https://aqua.example.jp/n/summer.html",
        "ぜひ見に行きたいですね。")


def test_a_link_line_printing_its_title_fits_a_titled_link_better_than_a_link_under_a_title() -> None:
    # One title per card: the row names its own, so the line above it is not the card's title.
    text = "資料｜港町観光課｜2024.08.03｜水族館のペンギン　夏の特別公開のお知らせ https://aqua.example.jp/n/summer.html"
    scores = fit(line_features([text], [text], 0, ""))
    assert scores[Part.TITLED_LINK] > scores[Part.LINK]
    assert scores[Part.TITLED_LINK] > scores[Part.HEAD_LINK]
