"""The article's own date line printed with its month, day and weekday and no year ('10/3(金) 18:05更新', a byline
after it): the article's date, in the year of the newest full date the page mentions (a card's web address among
them), as a card's year-less date is; not the first words of the lead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.lines.dates import month_day_line_date
from tests.support.importing import digest_of, import_text

_PAGE = [
    "秋の新米、店頭価格は落ち着くか　産地の作柄まとめ",
    "10/3(金) 18:05更新　くらし経済部",
    "今年の新米が店頭に並び始めました。価格の動きが注目されています。",
    "各地の作柄は平年並みとの見方が広がっています。",
    "◆ 価格の見通し", "Q. 新米は安くなる？", "A. 昨年より1割ほど下がる見込みです。",
    "卸の取引価格は9月に入って下がり始めました。",
    "▼ 農業ウィークリー｜10/1(水)",
    "新米の取引価格、前年比1割安　作柄回復で",
    "・大手卸の取引価格が前年同期を1割下回った。",
    "記事を読む https://nougyou.example.jp/market/2024/10/01/shinmai",
    "店頭に届くまでには少し時間がかかりそうです。",
]


def test_a_year_less_date_line_under_the_title_dates_the_article(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_PAGE)))
    assert article.date == dt.date(2024, 10, 3)
    assert article.lead is not None and "更新" not in article.lead
    assert [card.published for section in article.sections for card in section.sources] == [dt.date(2024, 10, 1)]


@pytest.mark.parametrize(("text", "expected"), [
    ("10/3(金) 18:05更新　くらし経済部", dt.date(2024, 10, 3)),
    ("10月3日（金）配信", dt.date(2024, 10, 3)),
    ("10/3 新米の値段", None),  # no weekday: no date line
    ("2/30(月)", None),  # no such day
])
def test_a_year_less_date_line_takes_the_newest_year_mentioned(text: str, expected: dt.date | None) -> None:
    assert month_day_line_date(text, [text, "2023年5月1日", "https://a.example.jp/2024/09/30/x"]) == expected


def test_a_year_less_date_line_on_a_page_naming_no_year_has_no_date() -> None:
    assert month_day_line_date("10/3(金) 配信", ["10/3(金) 配信", "本文です。"]) is None
