"""Accounting: every line of the page is either in the article or in the report."""

from __future__ import annotations

from collections.abc import Iterable

from kiku.importer.labels import KEY_POINT, SUMMARY_BULLET
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def unaccounted_lines(lines: Iterable[Line], article_texts: Iterable[str], report: ImportReport) -> list[Line]:
    """Lines that are neither dropped by a rule nor found in the article's texts (given as scraped)."""
    dropped = {item.line.number for item in report.dropped}
    article_text = "\n".join(article_texts)
    missing = []
    for line in lines:
        if line.number in dropped:
            continue
        marker = KEY_POINT.match(line.text) or SUMMARY_BULLET.match(line.text)
        text = marker["text"].strip() if marker else line.text
        if text not in article_text:
            missing.append(line)
    return missing
