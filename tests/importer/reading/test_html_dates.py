"""Dates in saved HTML: a <time> or schema.org date is written as the date a reader of the line needs."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _lines(markup: str) -> list[str]:
    return [line.text for line in read_html(markup, ImportReport("page.html"))]


def test_a_time_without_a_year_in_a_meta_line_is_written_as_its_machine_date() -> None:
    assert _lines("<p>峠新報 <time datetime='2025-04-02T10:00'>4月2日 10:00</time></p>") == ["峠新報 2025/04/02"]


def test_a_time_with_its_year_or_inside_a_sentence_keeps_its_visible_text() -> None:
    assert _lines("<p><time datetime='2025-04-02'>2025年4月2日（水）</time></p>") == ["2025年4月2日（水）"]
    sentence = ("<p>村は<time datetime='2025-04-02'>2日</time>、バスの運行を毎日に広げると発表し、"
                "住民向けの説明会も開いた。</p>")
    assert _lines(sentence) == ["村は2日、バスの運行を毎日に広げると発表し、住民向けの説明会も開いた。"]


def test_a_schema_org_date_without_a_visible_year_is_written_as_its_content_date() -> None:
    assert _lines("<p>配信 <span itemprop='datePublished' content='2025-04-02T09:00'>4月2日</span></p>") == [
        "配信 2025/04/02"]
    assert _lines("<p>配信 <span itemprop='name' content='2025-04-02'>4月2日</span></p>") == ["配信 4月2日"]
