"""A text dump hard-wrapped at a constant column (a terminal browser's ``w3m -dump``), joined back.

A terminal browser breaks every paragraph at the screen's width, in the middle of a word or a
sentence ('…最も接近する見込みです' / '。気象庁は…'), and indents the continuation of a bulleted
item under its text. The page's wrap column is told by its lines, not assumed: the widest line
(counting a full-width character as two columns) when several lines reach within a few columns
of it and none but a line holding a URL goes beyond. A line that reaches the column is joined with the
next when that line continues it: not blank, not a new bullet, footnote or quotation mark, and
indented as a continuation is (under the bullet's text, or as the paragraph itself).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

# A terminal is at least this wide, and lines are wrapped at most this wide.
MIN_WRAP = 60
MAX_WRAP = 200
# A full line may end this many columns before the wrap (a wide character that did not fit,
# an ambiguous-width bullet).
SLACK = 3
# How many different full lines make a wrapped page (a page with paragraphs of any length has one
# or two lines that happen to be about as long as its longest), and what share of its nearly full
# lines (over 80 % of the column) they are at least: a wrapped paragraph's rows are all full but
# its last, while the longest lines of an unwrapped page spread out below the longest.
MIN_FULL_LINES = 4
NEAR_FULL = 0.8
FULL_SHARE = 0.4
_SENTENCE_ENDS = ("。", "．", "！", "？", "!", "?")
_SYMBOL_CATEGORIES = frozenset({"So", "Sm", "Sk"})
_HAS_URL = re.compile(r"https?://")
# What opens a line of its own rather than continuing one: a bullet or an enumerator, a
# footnote mark, a dash that attributes a quotation, a URL.
_STARTS_LINE = re.compile(r"^(?:[・•●◆■□▶▼▽◇○◎★☆※^↑＊*+\-–—―]|\d{1,3}[.．)）]\s|[（(]\d{1,2}[)）]|[①-⑳]|https?://)")
_BULLET = re.compile(r"^(\s*)(?:[・•●◆■▶★☆✅✔*+\-]|\d{1,3}[.．)）])\s*")


def width(text: str) -> int:
    """The columns ``text`` takes on a terminal (a full-width or wide character takes two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrap_column(lines: Sequence[str]) -> int | None:
    """The column the page was wrapped at, or None when it was not hard-wrapped."""
    # A URL cannot be broken, so a line holding one may run past the column.
    texts = [line for line in lines if line.strip() and not _HAS_URL.search(line)]
    if any(len(text) > MAX_WRAP for text in texts):
        return None  # a line wider than any terminal: the page was not wrapped (and no width is counted)
    widths = {text.strip(): width(text.rstrip()) for text in texts}
    if not widths:
        return None
    column = max(widths.values())
    full = sum(1 for size in widths.values() if size >= column - SLACK)
    near = sum(1 for size in widths.values() if size > NEAR_FULL * column)
    return (column if MIN_WRAP <= column <= MAX_WRAP and full >= MIN_FULL_LINES and full >= FULL_SHARE * near
            else None)


def unwrapped(lines: Sequence[str]) -> list[tuple[int, str]]:
    """(1-based number of its first line, text) for each line of the page, a wrapped paragraph
    or item joined back into one line (numbered by its first line); other lines as they are."""
    column = wrap_column(lines)
    joined: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        number, first = index + 1, lines[index]
        rows = [first]
        while column is not None and index + 1 < len(lines) and _continues(first, rows[-1], lines[index + 1], column):
            index += 1
            rows.append(lines[index])
        joined.append((number, _joined(rows)))
        index += 1
    return joined


def _continues(first: str, row: str, following: str, column: int) -> bool:
    """``following`` carries on ``row`` (the last printed row of a paragraph or item that starts
    with ``first``), which was cut at the wrap column."""
    if width(row.rstrip()) < column - SLACK or not following.strip():
        return False
    opening = following.strip()
    if _STARTS_LINE.match(opening) or unicodedata.category(opening[0]) in _SYMBOL_CATEGORIES:
        return False  # a bullet of any glyph or emoji ('👉 …') starts a line of its own
    if row.rstrip().endswith(_SENTENCE_ENDS) and not opening.endswith(_SENTENCE_ENDS) \
            and width(following.rstrip()) < column - SLACK:
        return False  # a sentence that happened to fill the row, then a heading
    indent = len(following) - len(following.lstrip())
    if indent == len(first) - len(first.lstrip()):
        return True
    # Or under the text of a bulleted item (in characters or in columns: '・' takes two).
    bullet = _BULLET.match(first)
    return bullet is not None and min(abs(indent - len(bullet.group())), abs(indent - width(bullet.group()))) <= 1


def _joined(rows: list[str]) -> str:
    """The rows of one paragraph as one line (built once: a paragraph of many rows stays linear).
    A space left at a break belongs to the text ('…俳優の ' + '森川…'); the indent does not."""
    if len(rows) == 1:
        return rows[0]
    parts = [rows[0].rstrip()]
    for previous, row in pairwise(rows):
        kept_space = " " if previous.endswith(" ") and not previous.endswith("  ") else ""
        parts.append(kept_space + row.strip())
    return "".join(parts)
