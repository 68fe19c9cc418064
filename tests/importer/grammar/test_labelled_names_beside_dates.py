"""A card's meta line whose publisher stands behind a source label and a bar, its date in brackets after it
('参考｜<name>（<date>）', an icon perhaps before it), names the publisher, not the label; a date's own label
('配信', '掲載') beside the date in a card's fields is a label, never the publisher."""

from __future__ import annotations

import datetime as dt

import pytest

from kiku.importer.grammar.cards.card_meta import card_date
from kiku.importer.grammar.cards.fields.reading import CardLine, read_card


@pytest.mark.parametrize("line", [
    "出典｜共同通信（2024.05.01）",
    "🗞 引用元｜共同通信（2024/05/01）",
    "共同通信（2024年5月1日）",
    "参照：共同通信 (2024-05-01)",
])
def test_the_name_behind_a_source_label_with_its_date_in_brackets_is_the_publisher(line: str) -> None:
    assert card_date(line) == card_date("共同通信 2024-05-01")
    found = card_date(line)
    assert found is not None and (found.date, found.publisher) == (dt.date(2024, 5, 1), "共同通信")


def test_a_bracket_holding_no_date_is_left_as_printed() -> None:
    found = card_date("共同通信（速報） 2024-05-01")
    assert found is None or found.publisher != "共同通信"


@pytest.mark.parametrize("date_label", ["配信", "公開", "掲載日"])
def test_a_dates_own_label_is_no_publisher(date_label: str) -> None:
    reading = read_card([CardLine("給食の無償化、来春から全校で", linked=True),
                         CardLine(f"提供：みなと日報 ｜ {date_label} 2024年5月1日（水）")])
    assert reading.publisher is not None and reading.publisher.text == "みなと日報"
    assert reading.published == dt.date(2024, 5, 1)
