"""A note-taking or clipping tool closes what it pasted with the address it took it from ('Pasted from
<https://…>', 'Clipped from: https://…'): the line is the card's link, naming no publisher; a sentence that
mentions where something came from is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("text", "url"), [
    ("Copied from <https://kohan.example.jp/news/0614/boat>", "https://kohan.example.jp/news/0614/boat"),
    ("Clipped from: https://pref.example.lg.jp/kanko/ticket", "https://pref.example.lg.jp/kanko/ticket"),
])
def test_a_clipping_tools_from_line_is_a_link(text: str, url: str) -> None:
    link = read_card_link(text)
    assert link is not None and link.url == url and link.publisher is None and not link.glued_text


def test_a_sentence_naming_a_source_is_no_link() -> None:
    assert read_card_link("The data was collected from https://kohan.example.jp/stats and the city.") is None


PAGE = """湖の遊覧船が3年ぶりに全航路で運航再開
2025年6月4日
湖の遊覧船が3年ぶりに全航路で動き始めました。
■ 遊覧船の再開
Q. いつから乗れるの？
A. 6月から毎日運航
桟橋の改修が終わり、ようやく全航路がそろいました。
湖畔日報｜2025/06/02
湖の遊覧船が運航再開　3年ぶりに全航路で
運航会社は桟橋の改修を終え、6月から全3航路で遊覧船の運航を再開した。
Copied from <https://kohan.example.jp/news/0602/boat>
週末に乗りに行く人も多そうです。
"""


def test_a_card_closed_by_a_copied_from_line_is_read(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "boat.txt", PAGE))
    (section,) = article.sections
    (card,) = section.sources
    assert (card.url, card.publisher) == ("https://kohan.example.jp/news/0602/boat", "湖畔日報")
