"""Lines a converter prints one element each, placed on the page by their coordinates.

A PDF-to-HTML converter (pdf2htmlEX, pdf.js's text layer), an OCR export and some e-book or newsletter
exports print every printed line as an element of its own, absolutely positioned ('<div class="t …">'
under '.t{position:absolute}', or 'style="position:absolute;top:412px"'). Such lines run on as a text
dump's do: a card's title, summary and URL are consecutive lines, not boxes of their own, and a gap
between the elements (an element printing no text, a page's end) is where a blank line would stand. A text
layer printing a line in runs (spans side by side, set at one height) prints one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

_ABSOLUTE = re.compile(r"position\s*:\s*absolute", re.IGNORECASE)
_PLACED = re.compile(r"(?:^|;)\s*(?:top|bottom)\s*:", re.IGNORECASE)
# A style sheet's rule for one or more classes ('.t{…}', '.a, .b {…}').
_CLASS_RULE = re.compile(r"((?:\.[A-Za-z_][\w-]*\s*,?\s*)+)\{([^{}]*)\}")
_CLASS_NAME = re.compile(r"\.([A-Za-z_][\w-]*)")
_LINE_ELEMENTS = ("div", "span", "p")
_INLINE = frozenset({"span"})
_VERTICAL = re.compile(r"(?:^|;)\s*((?:top|bottom)\s*:\s*-?[0-9.]+\s*[a-z%]*)", re.IGNORECASE)
_BLOCKS_INSIDE = ("div", "p", "table", "ul", "ol", "li", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6")
# A page printed so has many such lines; one or two placed labels (a badge, a ribbon) are no such page.
MIN_PRINTED_LINES = 8


@dataclass(frozen=True, slots=True)
class PrintedLines:
    """The elements printing a line placed by coordinates, and those among them that end their line: a text
    layer prints a line in several runs (spans set at one height), read as one line."""

    elements: frozenset[int] = frozenset()
    line_ends: frozenset[int] = frozenset()


def printed_lines(soup: BeautifulSoup) -> PrintedLines:
    """The page's absolutely positioned elements that each print a line of text or a run of one (no block inside),
    when the page prints at least ``MIN_PRINTED_LINES`` of them; else none."""
    placed_classes = _absolute_classes(soup)
    found = [element for element in soup.find_all(_LINE_ELEMENTS) if _is_placed(element, placed_classes)
             and element.get_text(strip=True) and element.find(_BLOCKS_INSIDE) is None]
    if len(found) < MIN_PRINTED_LINES:
        return PrintedLines()
    ends = {id(element) for element, after in zip(found, [*found[1:], None], strict=True)
            if after is None or after.name not in _INLINE or after.find_previous_sibling(True) is not element
            or _height(after) is None or _height(after) != _height(element)}
    return PrintedLines(frozenset(id(element) for element in found), frozenset(ends))


def _height(element: Tag) -> str | None:
    """Where the element's inline style sets it vertically ('top:112px'), as written."""
    match = _VERTICAL.search(str(element.get("style") or ""))
    return match.group(1).replace(" ", "") if match is not None else None


def _absolute_classes(soup: BeautifulSoup) -> frozenset[str]:
    """The classes a style sheet of the page positions absolutely."""
    names: set[str] = set()
    for sheet in soup.find_all("style"):
        for selectors, body in _CLASS_RULE.findall(sheet.get_text()):
            if _ABSOLUTE.search(body):
                names.update(_CLASS_NAME.findall(selectors))
    return frozenset(names)


def _is_placed(element: Tag, placed_classes: frozenset[str]) -> bool:
    style = str(element.get("style") or "")
    if _ABSOLUTE.search(style) and _PLACED.search(style):
        return True
    classes: str | list[str] = element.get("class") or []
    return any(name in placed_classes for name in (classes.split() if isinstance(classes, str) else classes))
