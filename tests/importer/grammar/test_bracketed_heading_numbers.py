"""A heading's number in brackets of any shape, after a counting word or none ('＜その１＞', '〈第2〉', '«3»'): the
number of the page's list of sections, split off whole, never half a bracket left on the heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.grammar.lines.features import split_marker
from tests.support.importing import digest_of, import_text

_PAGE = """川の水位計、スマホで見られるように　県が無料公開
2026年3月2日
県は川の水位計の値をスマホで見られるサイトを公開しました。
{one}公開の中身
どこで見られる？
県のサイトで誰でも
水位計の値、県が公開
・県は川の水位計の値をサイトで公開した。
元記事を読む » 県民日報 2026年3月1日 https://kenmin.example.jp/news/suii
{two}わかること
何がわかる？
十分ごとの水位と目安
水位、十分ごとに更新
・水位は十分ごとに更新される。
元記事を読む » 県民日報 2026年3月1日 https://kenmin.example.jp/news/suii-2
"""


@pytest.mark.parametrize(("one", "two"), [("＜その１＞", "＜その２＞"), ("〈第1〉", "〈第2〉"), ("«1» ", "«2» "),
                                          ("‹No.1› ", "‹No.2› ")])
def test_the_bracketed_number_of_a_heading_is_split_off_whole(tmp_path: Path, one: str, two: str) -> None:
    sections = digest_of(import_text(tmp_path, "page.txt", _PAGE.format(one=one, two=two))).sections
    assert [section.heading for section in sections] == ["公開の中身", "わかること"]


def test_a_bracketed_label_with_no_number_is_no_marker() -> None:
    assert split_marker("＜参照した情報＞") == (None, "＜参照した情報＞")
    assert split_marker("〈その3〉水位") == ("〈その3〉", "水位")


@pytest.mark.parametrize(("one", "two"), [("■＜その1＞", "■＜その2＞"), ("▼«1» ", "▼«2» ")])
def test_a_bracketed_number_behind_the_headings_glyph_is_split_off_too(tmp_path: Path, one: str, two: str) -> None:
    sections = digest_of(import_text(tmp_path, "page.txt", _PAGE.format(one=one, two=two))).sections
    assert [section.heading for section in sections] == ["公開の中身", "わかること"]
    assert split_marker(f"{one}公開の中身") == (one[0], f"{one[1:]}公開の中身")
