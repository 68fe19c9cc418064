"""A heading's reading in kana in an element of its own closing it ('<h1>和三盆<span>わさんぼん</span></h1>'):
a dictionary or encyclopedia page prints the word's reading beside it, styled apart; glued to the heading as text
it changes the title ('和三盆わさんぼん'). It is dropped only when the page says the reading again (its lead:
'和三盆（わさんぼん）'), so nothing is lost."""

import re

from bs4 import Tag
from bs4.element import NavigableString

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INLINE = frozenset({"span", "small", "em", "i", "rt", "rp", "sub", "sup"})
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff・ー\s]{2,40}")
_KANJI_END = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々〆ヶ]$")


def heading_reading(element: Tag) -> bool:
    """``element`` closes a heading with the kana reading of the kanji just before it."""
    parent = element.parent
    if element.name not in _INLINE or parent is None or parent.name not in _HEADINGS:
        return False
    if not _KANA.fullmatch(element.get_text()) or element.find(True) is not None:
        return False
    after = [node for node in element.next_siblings if not (isinstance(node, NavigableString) and not node.strip())]
    if after:
        return False
    before = "".join(node.get_text() if isinstance(node, Tag) else str(node) for node in element.previous_siblings)
    return _KANJI_END.search(before.strip()) is not None and _said_again(element)


def _said_again(element: Tag) -> bool:
    """The page prints the reading again outside the heading (its lead: '和三盆（わさんぼん）'): nothing is lost."""
    root = element
    while root.parent is not None:
        root = root.parent
    reading = "".join(element.get_text().split())
    return "".join(root.get_text().split()).count(reading) > 1
