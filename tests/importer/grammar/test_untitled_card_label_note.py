"""A card's head line that is its source label and a bracketed note alone ('参照元（見出しなし）') names
neither the title nor the publisher: the card is untitled, its publisher the one its date line names."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.cards.name_labels import is_label_note
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

_TEXT = """川の渡し船が復活！春から週末に運航
2025年3月2日
川の渡し船が、10年ぶりに復活することになりました。
渡し船が戻ってくる
Q. いつから乗れるのですか？
A. 4月の週末から
町は観光客の増加を見込んでいます。
参照元: 川の渡し船、10年ぶり復活へ　4月から週末運航
・町は4月から週末に渡し船を運航すると発表した。
川辺新聞 ／ 2025/03/01
https://kawabe.example.jp/news/ferry
参照元（見出しなし）
・運航は土日と祝日の午前10時から午後4時まで。
川辺町観光協会 公式サイト ／ 2025/02/27
https://kawabe-kanko.example.jp/info/ferry-2025
懐かしい風景が戻りますね。
"""


def test_a_label_and_its_note_alone_name_no_title_nor_publisher(tmp_path: Path) -> None:
    cards = _digest(_import(tmp_path, "ferry.txt", _TEXT)).sections[0].sources
    assert [(card.title, card.publisher) for card in cards] == [
        ("川の渡し船、10年ぶり復活へ　4月から週末運航", "川辺新聞"), (None, "川辺町観光協会 公式サイト")]


def test_a_label_with_a_title_or_a_name_is_no_note() -> None:
    assert is_label_note("引用元［リンク切れ］")
    assert not is_label_note("引用元（川辺新聞）の記事によると、運航は週末のみ")
    assert not is_label_note("【出典】川辺新聞")
