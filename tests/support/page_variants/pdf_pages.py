"""A text dump as a PDF export copies it: every line hard-wrapped at a count of characters (a URL's line left
whole), and the pages' furniture printed at each page break: the page's number ('- 2 -') and the publication's
running header, which also heads the first page. The furniture is chrome (``PDF_LINES``); the text is the same."""

from __future__ import annotations

import random
import re

RUNNING_HEADER = "まとめ通信 会員向け資料　2025年冬号"
MAX_PAGES = 9
PDF_LINES = frozenset({RUNNING_HEADER, *(f"- {number} -" for number in range(1, MAX_PAGES + 1))})
# The counts a PDF may wrap at; one is chosen that no line of the page would fill by chance (a row ending within
# a character of the count reads as wrapped).
WRAP_COUNTS = range(28, 45)
MIN_BREAKS = 2
MIN_PAGE_ROWS = 12


def as_pdf_export(text: str, rng: random.Random) -> str:
    if any(line in text for line in PDF_LINES):
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    counts = [count for count in WRAP_COUNTS if _fits(lines, count)]
    if not counts:
        return text
    count = rng.choice(counts)
    rows = [row for line in lines for row in _wrapped(line, count)]
    page_rows = max(MIN_PAGE_ROWS, len(rows) // (MIN_BREAKS + 1))
    out = [RUNNING_HEADER]
    for index, row in enumerate(rows):
        page = index // page_rows
        if index and index % page_rows == 0 and page < MAX_PAGES and index < len(rows) - 1:
            out += [f"- {page} -", RUNNING_HEADER]
        out.append(row)
    return newline.join(out)


def _fits(lines: list[str], count: int) -> bool:
    """No row of the wrapped page ends within a character of ``count`` unless the wrap cut it there."""
    for line in lines:
        if _HAS_URL.search(line):
            continue
        size = len(line.strip())
        last = size % count if size > count else size
        if size and (count - 1 <= last <= count or (size > count and last == 0)):
            return False
    return True


_HAS_URL = re.compile(r"https?://")


def _wrapped(line: str, count: int) -> list[str]:
    text = line.strip()
    if len(text) <= count or _HAS_URL.search(text):
        return [line]
    return [text[start:start + count] for start in range(0, len(text), count)]
