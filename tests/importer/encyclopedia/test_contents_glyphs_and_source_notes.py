"""A text mirror's contents list under a toggle (numbered lines whose words come back as headings), headings
set off by a leading glyph and an edit link in tortoise-shell brackets, its print and copy buttons; a saved
mirror's note naming Wikipedia and the day it was copied ('Wikipedia 日本語版より（…取得）')."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import EncyclopediaArticle
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.layouts.encyclopedia.head import source_line
from kiku.importer.page import Line
from kiku.importer.report import ImportReport
from tests.support.importing import import_text

DUMP = """山辞苑 百科
阿蘇山
出典：フリー百科事典『ウィキペディア（Wikipedia）』　最終更新 2025年4月9日（水）03:10（UTC）
このページを保存する　URLをコピー

阿蘇山は、熊本県の東部にある活火山である[1]。

もくじ
［たたむ］
1　成り立ち
2　噴火の歴史
2.1　近代の噴火
3　出典

◆ 成り立ち〔編集〕
約27万年前から4回の大噴火を繰り返し、巨大なカルデラができた[2]。
◆ 噴火の歴史〔編集〕
中岳は今も噴気を上げている。
◆ 近代の噴火〔編集〕
2016年10月には爆発的噴火が起きた[3]。
◆ 出典〔編集〕
［1］ 「阿蘇火山」火山研究所 https://kazan.example.jp/aso/ 2025年4月1日閲覧。
［2］ 山田一郎『カルデラの科学』2019年。
［3］ 「中岳の噴火」気象台 https://kishou.example.jp/nakadake/ 2025年4月1日閲覧。

本文はクリエイティブ・コモンズ 表示-継承ライセンス 4.0（CC BY-SA 4.0）の下で利用できます。
"""


def _encyclopedia(tmp_path: Path, name: str, page: str) -> EncyclopediaArticle:
    article = import_text(tmp_path, name, page).article
    assert isinstance(article, EncyclopediaArticle)
    return article


def test_a_contents_list_under_a_toggle_is_not_read_as_sections_or_lead(tmp_path: Path) -> None:
    article = _encyclopedia(tmp_path, "page.txt", DUMP)
    assert [section.heading for section in article.sections] == ["成り立ち", "噴火の歴史", "近代の噴火"]
    assert article.lead == "阿蘇山は、熊本県の東部にある活火山である[1]。"


def test_full_width_bracketed_footnotes_under_a_glyphed_heading_are_the_references(tmp_path: Path) -> None:
    article = _encyclopedia(tmp_path, "page.txt", DUMP)
    assert [reference.url for reference in article.references] == [
        "https://kazan.example.jp/aso/", None, "https://kishou.example.jp/nakadake/"]


def _kept(*texts: str) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    return [line.text for line in strip_debris(lines, ImportReport("page.txt"))]


def test_numbered_lines_whose_words_never_come_back_are_content() -> None:
    kept = _kept("手順は次のとおり。", "1　豆を挽く", "2　湯を注ぐ", "3　蒸らす", "できあがり。")
    assert kept == ["手順は次のとおり。", "1　豆を挽く", "2　湯を注ぐ", "3　蒸らす", "できあがり。"]


def test_numbered_lines_that_do_not_count_up_from_one_are_no_contents() -> None:
    kept = _kept("3　地理", "5　歴史", "地理", "本文。", "歴史", "本文。")
    assert kept[:2] == ["3　地理", "5　歴史"]


def test_a_note_naming_wikipedia_and_the_day_it_was_copied_is_a_source_line() -> None:
    assert source_line("ウィキペディア 日本語版より（2024年3月2日 10:15 閲覧）") is not None
    assert source_line("Wikipedia より（2024/3/2 取得）") is not None
    assert source_line("ウィキペディア日本語版より、2024年3月2日に書かれた記事") is None
