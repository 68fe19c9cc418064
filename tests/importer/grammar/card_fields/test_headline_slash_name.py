"""A headline and a name joined by a slash with no space around it ('title／publisher') are two fields; a name
holding a slash ('NHK/共同') or a date's slashes are not cut."""

from __future__ import annotations

import datetime as dt

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.grammar.cards.fields.segments import headline_and_name, split_line

HEADLINE = "港の朝市、3年ぶりに週末の開催を再開"


def test_a_headline_slash_a_name_is_cut_at_the_slash() -> None:
    assert headline_and_name(f"{HEADLINE}/北浜新報") == (HEADLINE, "北浜新報")
    assert split_line(f"{HEADLINE}／北浜新報") == [HEADLINE, "北浜新報"]


def test_a_name_with_a_slash_and_a_date_stay_whole() -> None:
    assert headline_and_name("北浜新報 電子版/NEWS") is None
    assert split_line("2024/11/3") == ["2024/11/3"]


def test_the_scorer_reads_the_title_and_publisher_of_a_slashed_credit() -> None:
    reading = read_card([CardLine(f"{HEADLINE}／北浜新報 2024年11月3日"), CardLine("https://hamabe.example.jp/a/9")])
    assert (reading.title and reading.title.text, reading.publisher and reading.publisher.text,
            reading.published) == (HEADLINE, "北浜新報", dt.date(2024, 11, 3))


def test_a_dash_led_credit_with_a_slash_gives_its_title_and_publisher() -> None:
    link = read_card_link(f"続きを読む ― {HEADLINE}／北浜新報・2024/11/3 https://hamabe.example.jp/a/9")
    assert link is not None
    assert (link.title, link.publisher, link.published) == (HEADLINE, "北浜新報", dt.date(2024, 11, 3))
