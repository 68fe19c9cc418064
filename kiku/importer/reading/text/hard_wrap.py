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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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


# A printed page's number alone on its line, as a PDF or print view copies it: '- 3 -', '— 12 —', 'p. 4',
# '5 / 12 ページ', 'Page 2 of 9'.
PAGE_NUMBER = re.compile(r"^\s*(?:[-－―—–‐]\s*[0-9０-９]{1,4}\s*[-－―—–‐]|[pPｐＰ]\.\s?[0-9０-９]{1,4}"
                         r"|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}\s*ページ|[Pp]age\s[0-9]{1,4}(?:\sof\s[0-9]{1,4})?)\s*$")
# A running header or footer beside it is a short line the page prints again.
MAX_FURNITURE = 40


def is_page_number(text: str) -> bool:
    return PAGE_NUMBER.match(text) is not None or PAGE_NUMBER.match(unicodedata.normalize("NFKC", text)) is not None


def _page_break(lines: Sequence[str], at: int) -> int:
    """How many lines from ``at`` are a page break's furniture: the page's number, and a short line printed
    again elsewhere (the running header) before or after it; 0 when ``lines[at]`` starts no break."""
    if not any(is_page_number(line) for line in lines[at:at + 2]):
        return 0
    end = at
    while end < min(len(lines), at + 2):
        text = lines[end].strip()
        if not (is_page_number(text) or (0 < len(text) <= MAX_FURNITURE
                                         and sum(1 for line in lines if line.strip() == text) > 1)):
            break
        end += 1
    return end - at if any(is_page_number(line) for line in lines[at:end]) else 0


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


# A PDF export wraps at a count of characters, whatever their width, and lets a closing mark hang past it
# ('…整理しま' · 'す。'): the count most of its long lines reach within a character, few far beyond.
MIN_CHAR_WRAP = 24
MAX_CHAR_WRAP = 120
CHAR_SLACK = 1
MIN_CHAR_FULL_LINES = 8
CHAR_FULL_SHARE = 0.5
MAX_OVERRUN = 1.5
# An unwrapped page's paragraphs run far past any count; a wrapped one has a few long lines of its own (a URL's
# neighbour, a card printed on one line).
MAX_OVERRUN_SHARE = 0.1


def wrap_count(lines: Sequence[str]) -> int | None:
    """The count of characters the page was wrapped at, or None when no count holds most of its long lines."""
    lengths = [len(line.strip()) for line in lines if line.strip() and not _HAS_URL.search(line)]
    long = [length for length in lengths if length >= MIN_CHAR_WRAP]
    if not long:
        return None
    count = max(set(long), key=lambda size: (sum(1 for length in long if abs(length - size) <= CHAR_SLACK), size))
    full = sum(1 for length in long if abs(length - count) <= CHAR_SLACK)
    near = sum(1 for length in long if length > NEAR_FULL * count)
    overrun = sum(1 for length in long if length > MAX_OVERRUN * count)
    fits = MIN_CHAR_WRAP <= count <= MAX_CHAR_WRAP and overrun <= MAX_OVERRUN_SHARE * len(long)
    if fits and full >= MIN_CHAR_FULL_LINES and full >= CHAR_FULL_SHARE * near:
        return count
    return _ceiling_count([line.strip() for line in lines if len(line.strip()) >= MIN_CHAR_WRAP
                           and not _HAS_URL.search(line)])


# A short page wrapped at a count has few full rows, and its lines of bullets and headings make many nearly full
# ones: told instead by its ceiling. No line runs past the count (but a hanging mark), a few rows reach it, and
# most of those stop in the middle of a sentence; an unwrapped page's longest lines are whole sentences.
MIN_CEILING_ROWS = 4
_WHOLE_ENDS = (*_SENTENCE_ENDS, "」", "』", "）", ")")


def _ceiling_count(long: Sequence[str]) -> int | None:
    """The count the page's longest rows all reach (within a hanging mark) when most of them are cut mid-sentence."""
    if not long:
        return None
    top = max(len(text) for text in long)
    count = top - 1 if sum(len(text) == top - 1 for text in long) > sum(len(text) == top for text in long) else top
    full = [text for text in long if len(text) >= count - CHAR_SLACK]
    cut = sum(1 for text in full if not text.endswith(_WHOLE_ENDS))
    return (count if MIN_CHAR_WRAP <= count <= MAX_CHAR_WRAP and len(full) >= MIN_CEILING_ROWS
            and cut >= CHAR_FULL_SHARE * len(full) else None)


def unwrapped(lines: Sequence[str]) -> list[tuple[int, str]]:
    """(1-based number of its first line, text) for each line of the page, a wrapped paragraph
    or item joined back into one line (numbered by its first line); other lines as they are. A page
    wrapped at a column of the screen is measured in columns, one wrapped at a count of characters in those."""
    column = wrap_column(lines)
    measure = _Measure(width, SLACK)
    count = wrap_count(lines)
    by_count = _Measure(lambda text: len(text.strip()), CHAR_SLACK)
    if count is not None and (column is None
                              or _full_rows(lines, count, by_count) > _full_rows(lines, column, measure)):
        column, measure = count, by_count
    joined: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        number, first = index + 1, lines[index]
        rows = [first]
        furniture: list[int] = []
        while column is not None and index + 1 < len(lines):
            # A paragraph goes on over a page break: the page's number and running header stand between its rows.
            following = index + 1 + _page_break(lines, index + 1)
            if following >= len(lines) or not _continues(first, rows[-1], lines[following], column, measure):
                break
            furniture += range(index + 1, following)
            index = following
            rows.append(lines[index])
        joined.append((number, _joined(rows)))
        joined += [(at + 1, lines[at]) for at in furniture]
        index += 1
    return joined


def _full_rows(lines: Sequence[str], column: int, measure: _Measure) -> int:
    """How many of the page's rows reach ``column`` as ``measure`` tells it: the measure the page was wrapped
    by explains the more of them."""
    return sum(1 for line in lines if line.strip() and not _HAS_URL.search(line)
               and measure.size(line.rstrip()) >= column - measure.slack)


@dataclass(frozen=True, slots=True)
class _Measure:
    """How a row's length is told (columns or characters) and how far short of the wrap a full row may end."""

    size: Callable[[str], int]
    slack: int


def _continues(first: str, row: str, following: str, column: int, measure: _Measure) -> bool:
    """``following`` carries on ``row`` (the last printed row of a paragraph or item that starts
    with ``first``), which was cut at the wrap column."""
    if measure.size(row.rstrip()) < column - measure.slack or not following.strip():
        return False
    opening = following.strip()
    if _STARTS_LINE.match(opening) or unicodedata.category(opening[0]) in _SYMBOL_CATEGORIES:
        return False  # a bullet of any glyph or emoji ('👉 …') starts a line of its own
    if row.rstrip().endswith(_SENTENCE_ENDS) and not opening.endswith(_SENTENCE_ENDS) \
            and measure.size(following.rstrip()) < column - measure.slack:
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
