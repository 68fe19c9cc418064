"""A card's source line may set its year-less date apart from the publisher by a space alone ('湖畔日報　6月2日',
'湖畔日報 6/2(月)'), and a month and a day written with 月 and 日 is a date with no weekday after it: the name is
the publisher, the date the card's, in the year the page's date gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_meta import CardDate, card_date
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("text", "expected"), [
    ("湖畔日報　6月2日", CardDate(None, "湖畔日報", (6, 2))),
    ("湖畔日報 6/2(月)", CardDate(None, "湖畔日報", (6, 2))),
    ("6月2日", CardDate(None, None, (6, 2))),
])
def test_a_month_and_day_after_a_space_is_the_cards_date(text: str, expected: CardDate) -> None:
    assert card_date(text) == expected


@pytest.mark.parametrize("text", ["試合は 6月2日に", "得点 6/2", "倍率 1.5 倍"])
def test_a_sentence_or_a_bare_number_is_no_card_date(text: str) -> None:
    dated = card_date(text)
    assert dated is None or dated.month_day is None


PAGE = """湖の遊覧船が3年ぶりに全航路で運航再開
2025年6月4日
湖の遊覧船が3年ぶりに全航路で動き始めました。
■ 遊覧船の再開
Q. いつから乗れるの？
A. 6月から毎日運航
桟橋の改修が終わり、ようやく全航路がそろいました。
【出典】湖畔日報　6月2日
湖の遊覧船が運航再開　3年ぶりに全航路で
・運航会社は桟橋の改修を終え、6月から全3航路で遊覧船の運航を再開した。
https://kohan.example.jp/news/0602/boat
週末に乗りに行く人も多そうです。
"""


def test_the_spaced_year_less_date_dates_the_card(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "boat.txt", PAGE))
    (section,) = article.sections
    (card,) = section.sources
    assert (card.publisher, card.published) == ("湖畔日報", dt.date(2025, 6, 2))
