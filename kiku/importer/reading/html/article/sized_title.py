"""The title of a page that marks it up by its size alone.

A note-taking app's export (OneNote, Evernote), a word processor's HTML and many e-mails print the page's
title as a paragraph set in a larger font than anything else ('<p style="font-size:20.0pt">…</p>') with no
``<h1>`` and no ``<title>`` to name it. When the page's first text is set larger than every other text, and
larger than its body text, it is the title, wherever the content container is found.
"""

from __future__ import annotations

import re
from itertools import islice, takewhile

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.grammar.page.title import is_menu_row

# An inline font size in points or pixels ('font-size:20.0pt', 'font-size: 26px').
_FONT_SIZE = re.compile(r"font-size\s*:\s*([0-9]+(?:\.[0-9]+)?)\s*(pt|px)", re.IGNORECASE)
_PX_TO_PT = 0.75
# How far up a text's elements are looked at for its size; its block is the nearest of these.
MAX_SIZE_DEPTH = 6
_BLOCKS = frozenset({"p", "div", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
_SKIPPED = frozenset({"head", "script", "style", "noscript", "template"})
# The title is set this much larger than the body text at least; a title is a line, not a paragraph.
MIN_TITLE_SCALE = 1.3
MIN_TITLE = 8
MAX_TITLE = 120


def sized_title(soup: BeautifulSoup, dropped: dict[int, str]) -> Tag | None:
    """The block printing the page's first text when that text is set larger than every other text and than the
    page's body text (the size most characters are set in); else None."""
    first: tuple[float, Tag, str] | None = None
    largest_other = 0.0
    chars: dict[float, int] = {}
    for string in soup.find_all(string=True):
        if not isinstance(string, NavigableString) or isinstance(string, PreformattedString) or not string.strip():
            continue
        sized = _size_and_block(string)
        if sized is None:
            continue
        size, block = sized
        if any(parent.name in _SKIPPED or id(parent) in dropped for parent in string.parents):
            continue
        chars[size] = chars.get(size, 0) + len(string.strip())
        if first is None:
            first = (size, block, string.strip())
        elif block is not first[1]:
            largest_other = max(largest_other, size)
    if first is None or not chars:
        return None
    size, block, _ = first
    body = max(chars, key=lambda candidate: chars[candidate])
    text = "".join(block.get_text().split())
    if size <= largest_other or size < MIN_TITLE_SCALE * body or not MIN_TITLE <= len(text) <= MAX_TITLE:
        return None
    return block


def _size_and_block(string: NavigableString) -> tuple[float, Tag] | None:
    """The font size the text is set in (by the nearest inline style naming one) and its nearest block."""
    size: float | None = None
    block: Tag | None = None
    for depth, parent in enumerate(string.parents):
        if depth == MAX_SIZE_DEPTH or parent.name in ("body", "html", "[document]"):
            break
        if size is None and (match := _FONT_SIZE.search(str(parent.get("style") or ""))) is not None:
            size = float(match.group(1)) * (_PX_TO_PT if match.group(2).lower() == "px" else 1.0)
        if block is None and parent.name in _BLOCKS:
            block = parent
    return (size, block) if size is not None and block is not None else None


MASTHEAD_RULE = "masthead"
# How many text blocks under the title are looked at for the clipped site's masthead, and how long its name is.
MAX_MASTHEAD_BLOCKS = 6
MAX_SITE_NAME = 20
_SENTENCE_MARK = re.compile(r"[。、，,．!！?？]")


def clipped_masthead(title: Tag) -> list[Tag]:
    """The site's masthead clipped with the page under its title: a short name line right over a menu row (and the
    menu rows under it), among the first blocks of text under the title and its date. None when there is none."""
    blocks = [block for block in islice((block for block in title.find_all_next(list(_BLOCKS))
                                         if not block.find(list(_BLOCKS)) and block.get_text(strip=True)),
                                        MAX_MASTHEAD_BLOCKS)]
    texts = [" ".join(block.get_text().split()) for block in blocks]
    for index, text in enumerate(texts[:-1]):
        if line_date(text) is not None or _CLOCK.fullmatch(text):
            continue
        if len(text) > MAX_SITE_NAME or _SENTENCE_MARK.search(text) or is_menu_row(text) \
                or not is_menu_row(texts[index + 1]):
            return []
        rows = list(takewhile(is_menu_row, texts[index + 1:]))
        return blocks[index:index + 1 + len(rows)]
    return []


# A time of day alone, printed under a note's date ('14:05').
_CLOCK = re.compile(r"[0-9]{1,2}:[0-9]{2}")
