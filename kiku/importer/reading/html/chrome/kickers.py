"""A heading's kicker: the number of a chapter or a step printed in an element of its own before the
heading's text ('<h2><span>CHAPTER 01</span>燃料電池と…</h2>', '<h2><em>第2章</em>…</h2>', '<h3><b>STEP 3</b>…</h3>').

Read glued, it becomes part of the heading ('CHAPTER 01燃料電池と…'). It is the page's numbering of its
sections, as '1. ' before a heading is: an element of its own, holding only a word and a number (or
'第N章', or a zero-padded number), and the page's other headings of the same tag open with the same
word and other numbers, or the page has one such heading, numbered 1. One heading alone opening so with another
number may be a name ('<span>Windows 11</span>…').
"""

from __future__ import annotations

import re
import unicodedata

from bs4 import Tag
from bs4.element import PreformattedString

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A word and a number ('CHAPTER 01', 'Step.2', 'PART-3', 'No.4'), '第2章', '第三部', or a padded number ('01').
_KICKER = re.compile(
    r"(?P<word>[A-Za-z]{2,12})[ .:\-#]{0,2}(?P<digits>[0-9]{1,3})"
    r"|第(?P<kanji>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?P<unit>[章節部回話幕])"
    r"|(?P<padded>0[0-9])")
_KANJI_DIGITS = "一二三四五六七八九"
# The number's mark after it ('01.', 'STEP 2 |').
_TRAILING_MARK = re.compile(r"[.:|/\-]?")
# How many headings of the page are compared.
MAX_HEADINGS_SCANNED = 64
MIN_KICKED_HEADINGS = 2


def heading_kicker(element: Tag) -> bool:
    """Whether ``element`` is a kicker opening a heading of a page whose headings are so numbered."""
    heading = element.parent
    if heading is None or heading.name not in _HEADINGS or _leading_element(heading) is not element:
        return False
    kind = _kicker_kind(element)
    if kind is None:
        return False
    top = heading
    for parent in heading.parents:
        top = parent
    numbers: set[str] = set()
    for other in top.find_all(heading.name, limit=MAX_HEADINGS_SCANNED):
        opening = _leading_element(other)
        found = _kicker_kind(opening) if opening is not None else None
        if found is not None and found[0] == kind[0]:
            numbers.add(found[1])
    # A lone heading so numbered counts when its number is the first of a list: 'STEP 1', '第1章', '01'.
    return len(numbers) >= MIN_KICKED_HEADINGS or numbers == {"1"}


def _leading_element(heading: Tag) -> Tag | None:
    """The inline element a heading opens with, when text of the heading's own follows it."""
    children = [child for child in heading.children
                if isinstance(child, Tag) or (not isinstance(child, PreformattedString) and str(child).strip())]
    if len(children) < 2 or not isinstance(children[0], Tag) or children[0].name in _HEADINGS:
        return None
    rest = "".join(child.get_text() if isinstance(child, Tag) else str(child) for child in children[1:])
    return children[0] if rest.strip() else None


def _kicker_kind(element: Tag) -> tuple[str, str] | None:
    """The kicker's kind (its word, its unit, or 'padded') and its number, else None."""
    text = unicodedata.normalize("NFKC", element.get_text(" ", strip=True))
    match = _KICKER.match(text)
    if match is None or _TRAILING_MARK.fullmatch(text[match.end():].strip()) is None:
        return None
    if match["word"]:
        return match["word"].casefold(), match["digits"].lstrip("0")
    if match["unit"]:
        number = match["kanji"]
        return "第" + match["unit"], str(_KANJI_DIGITS.index(number) + 1) if number in _KANJI_DIGITS else number
    return "padded", match["padded"].lstrip("0")
