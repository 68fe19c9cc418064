"""A credit led by a dash, the source's name then its article's title in quotes ('— 河北日報『…』（date）'), is a
publisher field and a title field; without the dash, 'name「words」' stays one field (a headline quoting a speaker)."""

from __future__ import annotations

import datetime as dt

from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.grammar.cards.fields.segments import split_line

HEADLINE = "港の朝市、3年ぶりに週末の開催を再開"


def test_a_dashed_credit_is_cut_into_its_name_and_its_quoted_title() -> None:
    assert split_line(f"— 北浜新報『{HEADLINE}』（2024/11/3）") == ["北浜新報", HEADLINE, "2024/11/3"]
    assert split_line(f"―北浜新報「{HEADLINE}」") == ["北浜新報", HEADLINE]


def test_a_speaker_quoted_in_a_headline_is_no_credit() -> None:
    assert split_line("市長「朝市は続ける」") == ["市長「朝市は続ける」"]


def test_the_scorer_reads_the_publisher_title_and_date_of_a_dashed_credit() -> None:
    reading = read_card([CardLine("・朝市は週末ごとに開かれ、地元の野菜や魚が並ぶ。"),
                         CardLine(f"— 北浜新報『{HEADLINE}』（2024年11月3日）"),
                         CardLine("https://hamabe.example.jp/a/9", linked=True)])
    assert (reading.title and reading.title.text, reading.publisher and reading.publisher.text,
            reading.published) == (HEADLINE, "北浜新報", dt.date(2024, 11, 3))
