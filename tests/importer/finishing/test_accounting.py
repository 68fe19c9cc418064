"""Accounting: a line a reader took a glyph and then a trimmed label from is still in the article."""

from __future__ import annotations

from kiku.importer.finishing.accounting import unaccounted_lines
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _report_trimming(number: int, unmarked: str, label: str) -> ImportReport:
    report = ImportReport("page.txt")
    # The reader trims the label off the line it was handed, the glyph before it already gone.
    report.trim(Line(number, unmarked), "heading-number", label, "sections[0].heading")
    return report


def test_a_label_trimmed_after_the_glyph_is_accounted_for() -> None:
    lines = [Line(4, "◆２．6時以降の騒音対策")]
    report = _report_trimming(4, "２．6時以降の騒音対策", "２．")
    assert unaccounted_lines(lines, ["6時以降の騒音対策"], report) == []


def test_a_trim_on_another_line_accounts_for_nothing() -> None:
    lines = [Line(4, "◆２．6時以降の騒音対策")]
    report = _report_trimming(5, "２．6時以降の騒音対策", "２．")
    assert unaccounted_lines(lines, ["6時以降の騒音対策"], report) == lines
