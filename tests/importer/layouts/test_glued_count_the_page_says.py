"""Where a URL glued to a remark that opens with a count ends is a guess ('…/day12日目の…': '12日目' or '…/day1'
and '2日目'): the page saying the shorter count elsewhere, and never the longer one, tells the URL kept a digit."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """北アルプス縦走ツアーが好評　山小屋の予約も早めに
2025年8月20日
北アルプスを縦走するツアーの申し込みが増えています。山小屋の予約も早めに埋まっています。
■ ツアーの中身
Q：どんなツアーなの？
A：山小屋に泊まる3日間の縦走
初めての人でも参加しやすい日程です。
北アルプス縦走ツアー、今夏は満員続き
・縦走の2日目に稜線へ出て、槍ヶ岳を望む。
・参加者の半数が初めての縦走だった。
出典：山岳ニュース（2025年8月18日）https://sangaku.example.jp/tour/alps-day12日目の景色が見事でした。
天気に恵まれるとよいですね。
"""


def test_the_url_keeps_the_digit_the_page_s_count_does_not_need(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", PAGE)
    card = digest_of(result).sections[0].sources[0]
    assert card.url == "https://sangaku.example.jp/tour/alps-day1"
    assert any("'2' was read as its number" in warning for warning in result.report.warnings)


def test_a_count_the_page_says_whole_stays_whole(tmp_path: Path) -> None:
    said = PAGE.replace("縦走の2日目に", "縦走の12日目に")
    card = digest_of(import_text(tmp_path, "page.txt", said)).sections[0].sources[0]
    assert card.url == "https://sangaku.example.jp/tour/alps-day"
