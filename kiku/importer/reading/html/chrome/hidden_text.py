"""Text a page writes for screen readers only: never part of what a reader sees next to it.

A link's "opens in a new window" or "external site" note, the label of an icon, a visually hidden
span: read glued to a printed URL it becomes part of the URL ('…/basicsopen') and the card's
publisher ('in new window'). Two kinds of evidence, each enough alone: the page hides the text
visually (a class that says so, or the inline style of the clip pattern), or the text trails a
link's own text beside an icon, as an icon's label does, whatever its class.
"""

from __future__ import annotations

import re
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.html.chrome.shapes.elements import class_and_id_tokens

# Blocks and headings stay: a visually hidden heading labels the box it heads ('<h2 class=sr-only>要点</h2>').
_KEPT = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "section", "article", "aside", "ul", "ol", "li", "dl", "dt",
    "dd", "table", "tr", "td", "th", "blockquote", "figure", "figcaption", "main", "header", "footer", "nav",
    "body", "html",
})
# The names the CSS frameworks and CMS themes give the visually hidden pattern (Bootstrap, WordPress,
# Drupal, Tailwind, GOV.UK…), with any prefix or suffix ('external-link-sr-only', 'u-visually-hidden').
_HIDDEN_CLASS = re.compile(
    r"(?:[a-z0-9]+[-_]+)*(?:sr-only|sr-text|screen-?reader(?:-only|-text)?|visually-?hidden|vis-?hidden"
    r"|a11y-?(?:hidden|only|text)|assistive(?:-text)?|off-?screen|element-invisible|hidden-?(?:text|label)"
    r"|reader-only)(?:[-_]+[a-z0-9]+)*")
# The clip pattern in an inline style: clipped to nothing, one pixel wide, or moved far off the page.
_HIDDEN_STYLE = re.compile(
    r"clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50\s*%|(?:^|;)\s*(?:width|height)\s*:\s*[01]px"
    r"|(?:left|top|text-indent)\s*:\s*-\d{3,}px|font-size\s*:\s*0(?:px)?\s*(?:;|$)")
# An icon's label is a note of a few words, not a name or a sentence of the link's own.
MAX_ICON_LABEL = 30
# How far up an element's enclosing link is looked for.
MAX_LINK_DEPTH = 4


def visually_hidden(element: Tag) -> bool:
    """An inline element the page hides but from screen readers, by its class or its inline style."""
    if element.name in _KEPT:
        return False
    if any(_HIDDEN_CLASS.fullmatch(token) for token in class_and_id_tokens(element)):
        return True
    return _HIDDEN_STYLE.search(str(element.get("style") or "").lower()) is not None


def link_annotation(element: Tag) -> bool:
    """An inline element that ends an inline link, on its line after the link's own text, and holds an icon,
    or follows one, and a short note ('<a>https://…<span><svg/><span>open in new window</span></span></a>'):
    the icon's label."""
    if element.name in _KEPT or element.name == "a":
        return False
    link = next((parent for parent in islice(element.parents, MAX_LINK_DEPTH) if parent.name == "a"), None)
    # A link around blocks is a card: a favicon and the site's name at its foot are its publisher line.
    if link is None or link.find(_KEPT) is not None or not _beside_icon(element):
        return False
    note = element.get_text(" ", strip=True)
    if not note or len(note) > MAX_ICON_LABEL or _text_after(element, link):
        return False
    return _text_before(element, link)


# A glyph drawn as an icon is a symbol or two ('🔗', '▶', '↗'), an emoji with its variation selector.
MAX_ICON_GLYPH = 3


def link_icon(element: Tag) -> bool:
    """An inline element holding only a symbol that opens an inline link's text, before the link's own
    words ('<a><span>🔗</span><span>title</span></a>'): an icon drawn with a character, no part of the
    title, as a picture there would be none."""
    if element.name in _KEPT or element.name == "a" or element.find(True) is not None:
        return False
    glyph = element.get_text(strip=True)
    if not glyph or len(glyph) > MAX_ICON_GLYPH or any(char.isalnum() for char in glyph):
        return False
    link = next((parent for parent in islice(element.parents, MAX_LINK_DEPTH) if parent.name == "a"), None)
    if link is None or link.find(_KEPT) is not None:
        return False
    return not _text_before(element, link) and _text_after(element, link)


def link_icons(soup: Tag) -> list[Tag]:
    """The character icons opening a link's text (``link_icon``)."""
    return [element for element in soup.find_all(True) if link_icon(element)]


def screen_reader_texts(soup: Tag) -> list[Tag]:
    """The elements holding text for screen readers only, outermost first, none inside another."""
    found: list[Tag] = []
    for element in soup.find_all(True):
        if found and found[-1] in element.parents:
            continue
        if visually_hidden(element) or link_annotation(element):
            found.append(element)
    return found


def _text_after(element: Tag, link: Tag) -> bool:
    node = element.next_element
    while node is not None and (link in getattr(node, "parents", ())):
        if _shown_text(node) and element not in node.parents:
            return True
        node = node.next_element
    return False


def _text_before(element: Tag, link: Tag) -> bool:
    for node in link.descendants:
        if node is element:
            return False
        if _shown_text(node):
            return True
    return False


def _beside_icon(element: Tag) -> bool:
    """An icon inside the element, or the element right after an icon of its own ('<i><img></i><span>…</span>')."""
    if any(_is_icon(inner) for inner in element.find_all(True)):
        return True
    before = element.find_previous_sibling(True)
    return before is not None and not before.get_text(strip=True) \
        and (_is_icon(before) or any(_is_icon(inner) for inner in before.find_all(True)))


def _is_icon(element: Tag) -> bool:
    """A picture drawn inline, or an icon font's empty element ('<i class="fa …"></i>')."""
    return element.name in ("svg", "img") or (element.name in ("i", "span") and not element.get_text(strip=True)
                                              and bool(element.get("class")))


def _shown_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString) and bool(node.strip())
