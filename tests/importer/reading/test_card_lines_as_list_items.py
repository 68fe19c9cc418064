"""A card printed as list items (its headline, date and link line each an <li>) is a card's box of
lines, not a bulleted list: those lines are written unmarked, its summary sentences keep their bullet."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _lines(card: str) -> list[str]:
    page = f"<html><body><article><h1>渡し船の話</h1><section>{card}</section></article></body></html>"
    return [line.text for line in read_html(page, ImportReport("page.html"))][1:]


def test_a_card_whose_lines_are_list_items_reads_as_a_card() -> None:
    card = ("<ul><li>渡し船が40年ぶりに復活</li><li>2025/04/02</li>"
            "<li>対岸の集落と港を結ぶ渡し船が、週末に運航を再開する。</li>"
            '<li>海岸日報 <a href="https://kaigan.example.jp/n/7731">続きはこちら</a></li></ul>')
    lines = _lines(card)
    assert lines[:3] == ["渡し船が40年ぶりに復活", "2025/04/02", "・対岸の集落と港を結ぶ渡し船が、週末に運航を再開する。"]
    assert lines[3].endswith("https://kaigan.example.jp/n/7731") and not lines[3].startswith("・")


def test_a_card_list_beside_its_link_line_in_the_same_box_is_a_card() -> None:
    card = ('<div><ul><li>渡し船が40年ぶりに復活</li><li>公開：2025年4月2日</li></ul>'
            '<p>出典 <a href="https://kaigan.example.jp/n/7731">https://kaigan.example.jp/n/7731</a></p></div>')
    assert _lines(card)[:2] == ["渡し船が40年ぶりに復活", "公開：2025年4月2日"]


def test_a_list_with_a_date_and_no_card_link_stays_a_bulleted_list() -> None:
    listed = "<ul><li>運航は週末のみ</li><li>2025/04/05</li></ul>"
    assert _lines(listed) == ["・運航は週末のみ", "・2025/04/05"]
    menu = ('<div><ul><li>運航は週末のみ</li><li>2025/04/05</li></ul><a href="https://a.example/1">続き</a>'
            '<a href="https://b.example/2">続き</a><a href="https://c.example/3">続き</a></div>')
    assert _lines(menu)[:2] == ["・運航は週末のみ", "・2025/04/05"]
