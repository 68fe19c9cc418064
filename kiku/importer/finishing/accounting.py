"""Accounting: every line of the page is either in the article or in the report."""

from __future__ import annotations

from collections.abc import Iterable

from kiku.importer.grammar.lines.features import CIRCLED_NUMBERS, PADDED_NUMBER, split_marker
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def unaccounted_lines(lines: Iterable[Line], article_texts: Iterable[str], report: ImportReport) -> list[Line]:
    """Lines that are neither dropped by a rule nor found in the article's texts (given as scraped)."""
    # A line is identified by its number and text: lines of an HTML page share the number of their element's
    # source line, and a one-line (minified) page would otherwise account for every line with one drop.
    dropped = {(item.line.number, item.line.text) for item in report.dropped}
    # A reader may trim a label off a line it has already taken a glyph from ('■１．見出し': '１．'
    # trimmed off '１．見出し'): what it trimmed is accounted for on the line of that number.
    trimmed: dict[int, list[str]] = {}
    for item in report.dropped:
        if item.removed:
            trimmed.setdefault(item.line.number, []).append(item.removed.strip())
    texts = list(article_texts)
    # Most lines are a whole text paragraph; looking those up first keeps a 5 MB page linear.
    paragraphs = {paragraph.strip() for text in texts for paragraph in text.split("\n")}
    article_text = "\n".join(texts)
    missing = []
    for line in lines:
        if (line.number, line.text) in dropped:
            continue
        text = split_marker(line.text)[1]
        if text[:1] in CIRCLED_NUMBERS:
            text = text[1:].strip()  # a list's number glued to its point ('①…' over '②…': ``features``)
        elif PADDED_NUMBER.match(text):
            text = text[2:].strip()  # a list's zero-padded number ('01 …' over '02 …': ``features``)
        text = _untrimmed(text, trimmed.get(line.number, ()))
        if text not in paragraphs and text not in article_text and line.text not in article_text:
            missing.append(line)
    return missing


def _untrimmed(text: str, removed: Iterable[str]) -> str:
    """``text`` without the labels a reader trimmed off its start."""
    for label in removed:
        if label and text.startswith(label):
            text = text[len(label):].strip()
    return text
