"""A saved page styles all its section headings alike.

An old CMS marks a heading by a class on a paragraph ('<p class="midashi">') rather than an
``<h2>``: the grammar reads most such lines as headings by where they stand, but one in an unusual
place (a last section of prose after a card, no question under it) may read as a remark. When
most lines of one style (``Line.style``: a tag with classes) are read as headings, the page's own
markup says the rest are headings too: they are marked as a heading element would be, and the page
is read again. Only short lines that are no sentence are marked (a style shared with a paragraph
is no heading style).
"""

from __future__ import annotations

import dataclasses

from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.grammar.page.line_fit import LONG
from kiku.importer.page import Line

# A style is the page's heading style when at least this many of its lines, and this share of them,
# are read as headings.
MIN_HEADINGS = 2
MIN_SHARE = 2 / 3
_SENTENCE_ENDS = ("。", "．")


def with_heading_style(lines: list[Line], parts: list[Part]) -> list[Line] | None:
    """The lines with those of the page's heading style marked as headings, or None when no line
    not read as a heading has that style (nothing to read again)."""
    by_style: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line.style and not line.heading:
            by_style.setdefault(line.style, []).append(index)
    marked: set[int] = set()
    for indices in by_style.values():
        headings = sum(1 for index in indices if parts[index] == Part.HEADING)
        if headings >= MIN_HEADINGS and headings >= MIN_SHARE * len(indices):
            marked.update(index for index in indices if parts[index] != Part.HEADING and _headline(lines[index]))
    if not marked:
        return None
    return [dataclasses.replace(line, heading=True, styled_heading=True) if index in marked else line
            for index, line in enumerate(lines)]


def _headline(line: Line) -> bool:
    text = line.text.strip()
    return len(text) <= LONG and not text.endswith(_SENTENCE_ENDS)
