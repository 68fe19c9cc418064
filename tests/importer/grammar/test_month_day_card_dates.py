"""A card's date printed as a month and a day with a weekday and no year ('9/14(日)', '9月14日（日）',
'09.14 Sun') is a date, beside the publisher's name or alone: never the publisher. A page printing no date
of its own with a year gives such dates the year of the newest date it mentions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_meta import CardDate, card_date
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("text", "expected"), [
    ("みなと日報｜9/14(日)", CardDate(None, "みなと日報", (9, 14))),
    ("9月14日（日曜）／みなと日報", CardDate(None, "みなと日報", (9, 14))),
    ("みなと日報 / 09.14 Sun", CardDate(None, "みなと日報", (9, 14))),
    ("09.14 Sun", CardDate(None, None, (9, 14))),
])
def test_a_month_and_day_beside_a_name_is_the_cards_date(text: str, expected: CardDate) -> None:
    assert card_date(text) == expected


@pytest.mark.parametrize("text", ["みなと日報 / 3.14", "得点｜3/1", "1.5 倍"])
def test_a_number_with_no_weekday_after_it_is_no_date(text: str) -> None:
    dated = card_date(text)
    assert dated is None or dated.month_day is None


PAGE = """港町の朝市、観光客でにぎわう
9/16(火) 7:00配信
港町の朝市に、連休中に多くの観光客が訪れました。
▍朝市のいま
Q. どれくらいの人が来た？
A. 3日間で延べ2万人が訪れました。
市によると、連休の3日間で延べ2万人が朝市を訪れました。
🔗みなと日報｜9/14(日)
朝市に2万人、連休で過去最多
・市の集計で、来場者が過去最多となった。
記事を読む https://minato-nippo.example.jp/news/2025/09/14/asaichi
🔗うみかぜ通信｜9/15(月)
・地元の漁師が新しい干物を並べた。
記事を読む https://umikaze.example.jp/local/20250915-himono
"""


def test_year_less_card_dates_take_the_year_the_page_mentions(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "asaichi.txt", PAGE))
    (section,) = article.sections
    first, second = section.sources
    assert (first.publisher, first.published) == ("みなと日報", dt.date(2025, 9, 14))
    assert (second.title, second.publisher, second.published) == (None, "うみかぜ通信", dt.date(2025, 9, 15))
