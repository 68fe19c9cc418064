"""A mirror may name what its edit link edits before を ('地形　［このセクションを編集］', '〔セクションを編集〕'): the
link is dropped from the heading as '[編集]' is; a bracketed phrase that edits nothing stays."""

from __future__ import annotations

import pytest

from kiku.importer.layouts.encyclopedia.sections import has_edit_link, heading_text


@pytest.mark.parametrize(("text", "heading"), [
    ("地形\u3000［このセクションを編集］", "地形"),
    ("気候 [この見出しの内容を編集]", "気候"),
    ("交通〔セクションを編集〕", "交通"),
])
def test_a_named_edit_link_is_dropped(text: str, heading: str) -> None:
    assert has_edit_link(text)
    assert heading_text(text) == heading


def test_a_bracketed_phrase_that_edits_nothing_stays() -> None:
    assert heading_text("観光［季節ごとの見どころを紹介］") == "観光［季節ごとの見どころを紹介］"
