"""The style of a line that is one inline element among lines split by ``<br>``.

A blog editor often writes its whole post as one block of ``<br>``-separated lines and sets its
section headings off by inline markup alone ('<span style="font-size: large;"><b>…</b></span><br>').
Every such line shares its block's style, so the page's heading style (``layouts.heading_style``)
cannot tell them apart. A line that is nothing but one inline element standing between ``<br>``
breaks gets that element's style instead: its tag, classes and inline style, and those of the
single element it wraps ('span{font-size:large}>b'). A line set off alike is styled alike.

A block's own style ('p.midashi') and a heading's markup (``heading_markup``) are named here too,
and what marks a list item's line as a text dump prints it: its bullet (``is_bullet_item``), a glyph
drawn as an image, an ordered list's first number.
"""

from __future__ import annotations

import re
import unicodedata

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

INLINE = frozenset({"span", "b", "strong", "font", "em", "big", "u", "i"})
# How deep the single elements wrapped by the line's element are named (bounded: linear).
MAX_WRAPPED = 3
_SPACES = re.compile(r"\s+")


def whole_line_style(node: Tag) -> str | None:
    """The style of ``node`` when it is a whole line between ``<br>`` breaks (a break on one side at
    least, the block's edge or a break on the other), else None."""
    if node.name not in INLINE:
        return None
    before, after = _neighbour(node, backwards=True), _neighbour(node, backwards=False)
    if not (_is_break(before) or _is_break(after)) or not (_is_break_or_edge(before) and _is_break_or_edge(after)) \
            or not node.get_text(strip=True):
        return None
    parts = [_signature(node)]
    element = node
    for _ in range(MAX_WRAPPED):
        children = [child for child in element.contents if not _blank(child)]
        if len(children) != 1 or not isinstance(children[0], Tag) or children[0].name not in INLINE:
            break
        element = children[0]
        parts.append(_signature(element))
    return ">".join(parts)


def _signature(element: Tag) -> str:
    classes = _classes(element)
    style = _SPACES.sub("", str(element.get("style") or "")).rstrip(";").lower()
    return "".join([element.name, *(f".{name}" for name in sorted(classes)), f"{{{style}}}" if style else ""])


def _neighbour(node: Tag, *, backwards: bool) -> object | None:
    sibling = node.previous_sibling if backwards else node.next_sibling
    while sibling is not None and _blank(sibling):
        sibling = sibling.previous_sibling if backwards else sibling.next_sibling
    return sibling


def _is_break(node: object | None) -> bool:
    return isinstance(node, Tag) and node.name == "br"


def _is_break_or_edge(node: object | None) -> bool:
    return node is None or _is_break(node)


def _blank(node: object) -> bool:
    return isinstance(node, NavigableString) and (isinstance(node, PreformattedString) or not node.strip())


def heading_markup(heading: Tag) -> str:
    """How a heading element is marked up, as far as it tells one kind of heading from another: its
    element and classes, whether it carries an anchor (an id a table of contents links to), the
    element and classes of the box it stands in and whether it opens that box
    ('section.post-section>^h2.title#'). A page's section headings share all of it; a closing label
    the page sets apart (no anchor where the sections have one, not opening a box of its own where
    each section is one) does not."""
    parent = heading.parent
    if parent is None or parent.name == "[document]":
        return _signature(heading) + ("#" if heading.get("id") else "")
    opens = parent.find(True, recursive=False) is heading
    return f"{_signature(parent)}>{'^' if opens else ''}{_signature(heading)}{'#' if heading.get('id') else ''}"


def block_style(block: Tag) -> str:
    """'p.midashi' for '<p class="midashi">', '' for an element without a class."""
    classes = _classes(block)
    return f"{block.name}.{'.'.join(sorted(classes))}" if classes else ""


def _classes(element: Tag) -> list[str]:
    value: str | list[str] = element.get("class") or []
    return value.split() if isinstance(value, str) else [str(token) for token in value]


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


# An emoji's short code as a chat or forum writes it (':speech_balloon:'), and the class names of an emoji image.
_SHORT_CODE = re.compile(r":[a-z0-9_+-]+:", re.IGNORECASE)
_EMOJI_CLASS = re.compile(r"(?i)emoji|smiley|emoticon")


def is_emoji_image(image: Tag) -> bool:
    """An image printed in a line of text as one character: a glyph (``is_glyph_image``), an emoji's short code
    as its alt text, a class naming it an emoji, or an icon sized as a character (a note's to-do tag). It is no
    picture that a line beside it captions."""
    alt = str(image.get("alt") or "").strip()
    width, height = _pixels(image, "width"), _pixels(image, "height")
    return is_glyph_image(image) or _SHORT_CODE.fullmatch(alt) is not None \
        or any(_EMOJI_CLASS.search(name) for name in _classes(image)) \
        or (width is not None and height is not None and max(width, height) <= MAX_ICON)


# An image this many pixels wide and high at most is an icon the size of a character.
MAX_ICON = 24


def _pixels(image: Tag, side: str) -> int | None:
    value = str(image.get(side) or "").strip().removesuffix("px")
    return int(value) if value.isdigit() and len(value) < 6 else None


def list_start(ordered: Tag) -> int:
    start = str(ordered.get("start") or "1").strip()
    return int(start) - 1 if start.isdigit() and len(start) < 7 else 0
