"""A labelled title of two phrases set apart by a full-width space ('参照元：A　B') keeps both when the
card's date line names its publisher: the first phrase is the headline's, not a name split off it."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

_TEXT = """川の渡し船が復活！春から週末に運航
2025年3月2日
川の渡し船が、10年ぶりに復活することになりました。
渡し船が戻ってくる
Q. いつから乗れるのですか？
A. 4月の週末から
町は観光客の増加を見込んでいます。
参照元: 偽の乗船券販売サイトに警戒　渡し船の復活に便乗
・渡し船の復活に便乗し、乗船券を売ると偽るサイトが見つかった。
川辺町観光協会 ／ 2025/02/27
https://kawabe-kanko.example.jp/info/ferry-warning
懐かしい風景が戻りますね。
"""


def test_the_first_phrase_stays_in_the_title_when_the_date_line_names_the_publisher(tmp_path: Path) -> None:
    card = _digest(_import(tmp_path, "ferry.txt", _TEXT)).sections[0].sources[0]
    assert (card.title, card.publisher) == ("偽の乗船券販売サイトに警戒　渡し船の復活に便乗", "川辺町観光協会")


def test_a_name_before_the_title_is_the_publisher_when_no_other_line_names_one(tmp_path: Path) -> None:
    text = _TEXT.replace("参照元: 偽の乗船券販売サイトに警戒", "参照元: 川辺町観光協会").replace(
        "川辺町観光協会 ／ 2025/02/27", "2025/02/27")
    card = _digest(_import(tmp_path, "ferry.txt", text)).sections[0].sources[0]
    assert (card.title, card.publisher) == ("渡し船の復活に便乗", "川辺町観光協会")
