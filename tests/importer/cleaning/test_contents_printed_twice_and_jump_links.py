"""A mirror dump's contents list printed again in part (the same numbered entries once more, the headings
they name still to come) is the list's, and MediaWiki's jump links are chrome in any mirror's words."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _kept(*texts: str) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    return [line.text for line in strip_debris(lines, ImportReport("page.txt"))]


_BODY = ("成り立ち［編集］", "港は江戸時代に開かれた。", "交通［編集］", "定期船が島を結んでいる。",
         "脚注［編集］")


def test_entries_printed_again_after_the_list_are_the_lists() -> None:
    kept = _kept("もくじ", "1. 成り立ち", "2. 交通", "3. 脚注", "2. 交通", "3. 脚注", *_BODY)
    assert kept == list(_BODY)


def test_a_numbered_heading_alike_its_entry_is_still_the_heading() -> None:
    body = ("1. 成り立ち", "港は江戸時代に開かれた。", "2. 交通", "定期船が島を結んでいる。")
    assert _kept("もくじ", "1. 成り立ち", "2. 交通", *body) == list(body)


def test_jump_links_in_any_words_are_dropped() -> None:
    for line in ("移動先: 案内、 検索", "移動先：メニュー、検索", "Jump to: navigation, search"):
        assert _kept("岬灯台", line, "岬灯台は海辺県にある灯台である。") == ["岬灯台", "岬灯台は海辺県にある灯台である。"], line


def test_a_sentence_after_the_label_is_kept() -> None:
    line = "移動先：港の北側にある新しい岸壁で、定期船が発着する。"
    assert line in _kept("岬灯台", line)
