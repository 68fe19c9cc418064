"""An app prints the date, its label and who wrote it on one line ('2025/07/14 18:30 配信　ウェブ編集部経済班'): the line
dates the article as a date line does; words after the label that end as a sentence are no byline."""

from __future__ import annotations

import datetime as dt

import pytest

from kiku.importer.grammar.lines.dates import line_date


@pytest.mark.parametrize(("text", "date"), [
    ("2025/07/14 18:30 配信　ウェブ編集部経済班", dt.date(2025, 7, 14)),
    ("2025年7月14日 更新 くらしと家計の取材班", dt.date(2025, 7, 14)),
    ("2025/07/14 配信 県の発表によると増えている", None),  # a sentence after the label
    ("2025/07/14 18:30 配信　記事の続きをアプリで見る", None),  # what to do, not who wrote it
])
def test_a_date_its_label_and_a_byline(text: str, date: dt.date | None) -> None:
    assert line_date(text) == date
