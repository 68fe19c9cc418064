"""A site's ranking printed as one row of ranked entries, and a block's heading with its one entry after
an arrow on the same line: the site's, whatever the entries say; a sentence that ranks stays."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.rows import is_headed_teaser, is_ranking_row


@pytest.mark.parametrize("line", [
    "アクセス上位　1位 梅雨入りはいつ?　2位 新茶の選び方　3位 自転車の青切符",
    "第1位 梅雨入りはいつ? 第2位 新茶の選び方",
])
def test_a_row_of_ranked_entries_is_a_ranking(line: str) -> None:
    assert is_ranking_row(line)


@pytest.mark.parametrize("line", [
    "県別では1位が静岡県、2位が鹿児島県となりました。",  # a sentence that ranks
    "2位 新茶の選び方　3位 自転車の青切符",  # does not count up from 1
    "1位 梅雨入りはいつ?",  # one entry
])
def test_a_sentence_or_a_lone_entry_is_no_ranking_row(line: str) -> None:
    assert not is_ranking_row(line)


@pytest.mark.parametrize("line", [
    "いま読まれている記事 → 梅雨入りはいつ?気象台の見通しを解説",
    "関連記事：新茶の季節、産地の今年の出来は",
])
def test_a_blocks_heading_and_its_entry_on_one_line_are_the_sites(line: str) -> None:
    assert is_headed_teaser(line)


@pytest.mark.parametrize("line", [
    "関連記事：市は来年度も調査を続けるとしています。",  # a sentence after it
    "気象台の発表 → 梅雨入りは平年より遅い見通し",  # no block's heading before the arrow
])
def test_a_sentence_or_another_label_is_no_headed_teaser(line: str) -> None:
    assert not is_headed_teaser(line)
