"""Short text that only labels the text after it, read as one line with it, as a text dump prints it.

- a <dt> term of a word or two before its <dd> ('<dt>質問</dt><dd>…</dd>': '質問：…');
- a table cell holding only a bullet mark before a cell of text ('<td>■</td><td>…</td>': '■…');
- an inline element holding only a label ('Q.', 'A：', '質問:') before a block element
  ('<span>Q.</span><p>…</p>': 'Q. …').
"""

from __future__ import annotations

import re

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

# A term that only labels its description: a word or two, no sentence ('質問', 'Q', '回答').
MAX_FIELD_LABEL = 6
_LABEL_PUNCTUATION = re.compile(r"[。、，,．.!！?？:：]")


def is_field_label(node: object) -> bool:
    """A <dt> that is a short label of the <dd> right after it: both are read as one line."""
    if not isinstance(node, Tag) or node.name != "dt":
        return False
    following = node.find_next_sibling(True)
    text = node.get_text(strip=True)
    return (following is not None and following.name == "dd" and 0 < len(text) <= MAX_FIELD_LABEL
            and not _LABEL_PUNCTUATION.search(text))


# A cell that only marks the row as a bullet ('■', '●', '・'): a mark or two, no letter or digit.
MAX_MARKER_CELL = 2
CELLS = frozenset({"td", "th"})


def is_marker_cell(node: object) -> bool:
    """A table cell holding only a bullet mark, followed by a cell of text: both are read as one line."""
    if not isinstance(node, Tag) or node.name not in CELLS:
        return False
    text = _short_text(node, MAX_MARKER_CELL)
    if text is None or not text or any(char.isalnum() for char in text):
        return False
    following = node.find_next_sibling(True)
    return following is not None and following.name in CELLS and next(following.stripped_strings, None) is not None


def _short_text(element: Tag, limit: int) -> str | None:
    """The element's text without spaces when it is at most ``limit`` characters, else None (read no further)."""
    text = ""
    for string in element.stripped_strings:
        text += "".join(string.split())
        if len(text) > limit:
            return None
    return text


# A label before its line: a letter with a number or a stop ('Q.', 'A：', 'Q1)'), or a short word and
# a colon ('質問：', '回答:'); the text after it says the rest.
MAX_INLINE_LABEL = 6
_INLINE_LABEL = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ][0-9０-９]{0,2}[.．:：)）]?|[^\s\d.．:：。、？?！!]{1,4}[:：]")


def label_before(block: Tag, blocks: frozenset[str]) -> str | None:
    """The text of the inline element right before ``block`` (blank text and comments aside) when
    it is only a label, else None."""
    sibling = block.previous_sibling
    while isinstance(sibling, NavigableString) and (isinstance(sibling, PreformattedString) or not sibling.strip()):
        sibling = sibling.previous_sibling
    if not isinstance(sibling, Tag) or sibling.name in blocks:
        return None
    text = _short_text(sibling, MAX_INLINE_LABEL)
    return text if text and _INLINE_LABEL.fullmatch(text) else None
