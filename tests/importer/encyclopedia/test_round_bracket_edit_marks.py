"""A mirror printing the section-edit link in round brackets after each heading ('歴史（編集）'): the
mark is dropped like '[編集]'; a heading's reading in round brackets stays."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import EncyclopediaArticle
from kiku.importer.layouts.encyclopedia.sections import has_edit_link, heading_text
from tests.support.importing import import_text

PAGE = """白神山地
出典：フリー百科事典『ウィキペディア（Wikipedia）』

白神山地は、青森県と秋田県にまたがる山地である[1]。

成り立ち（編集）
ブナの原生林が広く残る[2]。
保護の歩み (編集)
1993年に世界遺産に登録された。
脚注（編集）
1. ^ 「白神山地の自然」自然保護協会 https://shizen.example.jp/shirakami/ 2025年5月1日閲覧。
2. ^ 「ブナ林の調査」森林研究所 https://shinrin.example.jp/buna/ 2025年5月1日閲覧。
"""


def test_an_edit_mark_in_round_brackets_is_dropped_from_each_heading(tmp_path: Path) -> None:
    article = import_text(tmp_path, "page.txt", PAGE).article
    assert isinstance(article, EncyclopediaArticle)
    assert [section.heading for section in article.sections] == ["成り立ち", "保護の歩み"]
    assert [reference.url for reference in article.references] == [
        "https://shizen.example.jp/shirakami/", "https://shinrin.example.jp/buna/"]


def test_a_reading_in_round_brackets_is_no_edit_mark() -> None:
    assert heading_text("奥入瀬（おいらせ）") == "奥入瀬（おいらせ）"
    assert not has_edit_link("十和田湖（表示）")
    assert heading_text("地形（ソースを編集）") == "地形"
