"""A site's ranking printed as one row of ranked entries, and a block's heading with its one entry after
an arrow on the same line: the site's, whatever the entries say; a sentence that ranks stays."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.rows.block_rows import is_headed_teaser, is_poll_row, is_ranking_row


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


@pytest.mark.parametrize("line", [
    "この情報は役に立ちましたか？ はい(31) いいえ(4)",
    "参考になった［12］　参考にならなかった［3］",
])
def test_a_polls_answers_with_their_counts_are_the_sites(line: str) -> None:
    assert is_poll_row(line)


@pytest.mark.parametrize("line", [
    "議案は賛成（120）、反対（80）で可決された。",  # a sentence that counts
    "はい(31)",  # one answer
    "県内では東京（3） 大阪（2） 名古屋（1）の順に多いことが分かりました",  # more than a question around them
])
def test_a_sentence_or_a_lone_count_is_no_poll(line: str) -> None:
    assert not is_poll_row(line)
