"""What marks a saved page's list items and glyphs: the bullet of a list item, a glyph drawn as an
image, an ordered list's first number."""

from __future__ import annotations

import unicodedata

from bs4 import Tag


def is_unmarked(item: Tag) -> bool:
    """A list item whose text starts with a letter, digit or opening quote, not with a mark of its own
    ('🥚', '&#9679;')."""
    first = next(item.stripped_strings, "")
    return first != "" and (first[0].isalnum() or first[0] in "「『（(“\"")


def is_bullet_item(item: Tag) -> bool:
    """A list item a text dump prints with a bullet mark: unmarked, and one line. One broken into lines
    by <br> is a box of lines (a card's: date, title, summary, source), each marked by its own."""
    return is_unmarked(item) and item.find("br") is None


def is_glyph_image(image: Tag) -> bool:
    """An image standing for one symbol character: its alt text is a single emoji or glyph."""
    alt = str(image.get("alt") or "").strip().replace("\ufe0f", "")
    return len(alt) == 1 and unicodedata.category(alt) in ("So", "Sm")


def list_start(ordered: Tag) -> int:
    start = str(ordered.get("start") or "1").strip()
    return int(start) - 1 if start.isdigit() and len(start) < 7 else 0
