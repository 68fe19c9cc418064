"""A short word in parentheses or quotes before a name ('（参照）publisher', '「出典」publisher・date') labels the
name: it is cut off and read as a label, never kept in the publisher. The same brackets opening a headline
('「値上げの秋」に備える…') are the headline's own."""

from __future__ import annotations

import datetime as dt

import pytest

from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.grammar.cards.fields.segments import split_line

URL = "https://hamabe.example.jp/a/12"


@pytest.mark.parametrize("label", ["（参照）", "(関連)", "「出典」", "『情報元』"])
def test_a_bracketed_word_before_a_name_is_its_label(label: str) -> None:
    reading = read_card([CardLine(f"{label}北浜新報・2024年11月3日"), CardLine(URL)])
    assert (reading.publisher and reading.publisher.text, reading.published) == ("北浜新報", dt.date(2024, 11, 3))
    assert [field.text for field in reading.labels] == [label]


def test_a_quoted_word_opening_a_headline_stays_in_it() -> None:
    headline = "「値上げの秋」に備える家計の工夫、専門家に聞いた"
    assert split_line(headline) == [headline]
    reading = read_card([CardLine(headline), CardLine("北浜新報 2024/11/3"), CardLine(URL)])
    assert reading.title is not None and reading.title.text == headline


def test_a_date_set_apart_by_a_middle_dot_is_cut_from_the_name_a_dot_inside_the_name_is_not() -> None:
    assert split_line("浜辺市観光・商工課・2024/11/3") == ["浜辺市観光・商工課", "2024/11/3"]
