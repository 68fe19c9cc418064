"""Boxes of a saved page looked into before the walk: the heading a box starts with (chrome
rules keyed on a box's heading use it), and the card around a script link (dropped whole).
Both look a bounded way down or up, so a page of thousands of nested tags stays linear."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.html.chrome.shapes.elements import BOXES, is_unsafe_link
from kiku.importer.reading.html.lines.sink import COLLAPSIBLE

CONTENT_ROOTS = ("article", "main")
CARD_CONTAINERS = frozenset({"div", "section", "aside", "li", "figure", "article"})
# How far up from a javascript: link its card is looked for, and how deep into a box its heading:
# both bounded so a page of thousands of unclosed (nested) tags stays linear.
CARD_DEPTH = 12
HEADING_DEPTH = 6
FIRST_CHILDREN = 32


def _is_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def box_heading(box: Tag) -> str:
    """The text a box starts with, when it is the box's own heading.

    Followed down the first child at each level, a few levels deep. A nested box on the way
    must hold nothing but that text (a title wrapper): a page wrapper whose first section is
    '関連記事' does not start with its own heading, and is not dropped for it.
    """
    node: Tag = box
    alone: list[bool] = []  # per level: the child followed is the node's only child with text
    nested_boxes: list[int] = []  # the levels where a nested box was entered
    for level in range(HEADING_DEPTH):
        first, second = _first_two_with_text(node)
        if first is None:
            return ""
        alone.append(second is None)
        if isinstance(first, NavigableString):
            if all(all(alone[start:]) for start in nested_boxes):
                return COLLAPSIBLE.sub(" ", first).strip()
            return ""
        if first.name in BOXES:
            nested_boxes.append(level + 1)
        node = first
    return ""


def opens_with_a_box(box: Tag) -> bool:
    """Whether the text the box starts with is printed in a box of its own (an ad slot's
    '<div>スポンサーリンク</div>', a contents box's title in a '<div>'), not a heading or a line of the box:
    followed down the first part with text at each level, as ``box_heading`` does, so a slot opening the
    <main> inside a layout's wrapper opens the wrapper too."""
    node: Tag = box
    for _ in range(HEADING_DEPTH):
        first, _second = _first_two_with_text(node)
        if not isinstance(first, Tag):
            return False
        if first.name in BOXES:
            return True
        node = first
    return False


def _first_two_with_text(node: Tag) -> tuple[Tag | NavigableString | None, Tag | NavigableString | None]:
    """The node's first two children that are elements or non-blank text (bounded scan)."""
    found: list[Tag | NavigableString] = []
    for child in islice(node.contents, FIRST_CHILDREN):
        if isinstance(child, Tag) or (isinstance(child, NavigableString) and _is_text(child) and child.strip()):
            found.append(child)
            if len(found) == 2:
                break
    return (found[0] if found else None), (found[1] if len(found) > 1 else None)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def unsafe_link_cards(soup: BeautifulSoup) -> Iterator[Tag]:
    """The innermost card around a javascript:/data:/vbscript: link outside a heading, when the card has no
    other link."""
    with_web_link = _holding_web_links(soup)
    for anchor in soup.find_all("a", href=True):
        if not is_unsafe_link(str(anchor["href"])):
            continue
        if any(parent.name in _HEADINGS for parent in islice(anchor.parents, CARD_DEPTH)):
            continue  # a print or share button set in a headline: the headline is not a script's card
        card = next((parent for parent in islice(anchor.parents, CARD_DEPTH) if parent.name in CARD_CONTAINERS), None)
        if card is not None and card.name not in CONTENT_ROOTS and id(card) not in with_web_link:
            yield card


def _holding_web_links(soup: BeautifulSoup) -> set[int]:
    """The elements with a link that is not javascript:/data:/vbscript: somewhere inside (one bottom-up pass)."""
    holding: set[int] = set()
    order: list[Tag] = []
    stack: list[Tag] = [soup]
    while stack:
        element = stack.pop()
        order.append(element)
        stack.extend(child for child in element.contents if isinstance(child, Tag))
    for element in reversed(order):
        href = element.get("href") if element.name == "a" else None
        if id(element) in holding or (href is not None and not is_unsafe_link(str(href))):
            holding.add(id(element))
            if element.parent is not None:
                holding.add(id(element.parent))
    return holding
