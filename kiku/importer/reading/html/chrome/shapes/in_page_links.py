"""Links to a place on the same page: a line that is only such a link ('▲このページの上へ'), a heading's
permalink mark, a heading holding one."""


import re
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.html.chrome.shapes.elements import (
    LINE_ELEMENTS,
)

# A line that is only an in-page link is a short one; longer text is read no further.
MAX_IN_PAGE_LINK = 20
# Shorter: a footnote's back-link ('^', 'a', '↑') or its marker ('[1]'), which the references need.
MIN_IN_PAGE_LINK = 4
_FOOTNOTE_MARK = re.compile(r"[\[［(（]?(?:注|脚注)?\s*[0-9０-９]{1,4}[\]］)）]?")
MAX_IN_PAGE_NODES = 8


def only_in_page_link(element: Tag) -> bool:
    """A line whose whole text is one link to a place on the same page ('▲このページの上へ')."""
    if element.name not in LINE_ELEMENTS:
        return False
    nodes = list(islice(element.descendants, MAX_IN_PAGE_NODES + 1))
    if len(nodes) > MAX_IN_PAGE_NODES:
        return False  # more than a line's markup (and a deep nest is not walked again at each level)
    links = [node for node in nodes if isinstance(node, Tag) and node.name == "a" and node.has_attr("href")]
    if len(links) != 1 or not str(links[0]["href"]).startswith("#"):
        return False
    text = "".join(str(node).strip() for node in nodes if isinstance(node, NavigableString)
                   and not isinstance(node, PreformattedString))
    return (MIN_IN_PAGE_LINK <= len(text) <= MAX_IN_PAGE_LINK and _FOOTNOTE_MARK.fullmatch(text) is None
            and text == links[0].get_text(strip=True))


# A heading's permalink mark: a symbol or two, no letter or digit ('†', '¶', '#', '§', '🔗').
_PERMALINK_MARK = re.compile(r"[^\w\s]{1,2}")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def heading_permalink(element: Tag) -> bool:
    """A link inside a heading to that heading's own place ('<h3>見出し <a href="page#s1">†</a></h3>'),
    a wiki's or a blog's permalink mark: it names nothing, and glued to the heading it changes its text."""
    if element.name != "a" or "#" not in str(element.get("href") or ""):
        return False
    return _PERMALINK_MARK.fullmatch(element.get_text(strip=True)) is not None \
        and any(parent.name in _HEADINGS for parent in element.parents)


def heading_jump_link(element: Tag) -> bool:
    """A link inside a heading to another place on the page, in words ('<h2>歴史<a href="#top">▲ページ先頭へ</a></h2>'):
    a jump back to the top or the contents set beside each heading; glued to it, it changes the heading's text."""
    if element.name != "a" or not str(element.get("href") or "").startswith("#"):
        return False
    heading = next((parent for parent in element.parents if parent.name in _HEADINGS), None)
    text = element.get_text(strip=True)
    if heading is None or not MIN_IN_PAGE_LINK <= len(text) <= MAX_IN_PAGE_LINK or _FOOTNOTE_MARK.fullmatch(text):
        return False
    own = str(element.get("href"))[1:]
    if own and own == str(heading.get("id") or ""):
        return False  # a link to the heading itself: its permalink, read by ``permalinked_heading``
    return "".join(heading.get_text().split()) != "".join(text.split())


def permalinked_heading(element: Tag) -> bool:
    """A heading holding a link to its own id ('<h2 id="s1">見出し<a href="#s1">#</a></h2>'): a site gives
    a permalink to the article's sections, not to its menus, whatever the heading's classes say (a theme's
    'anchorWithStickyNavbar' names the scroll offset under a sticky navigation bar, not a menu)."""
    anchor_id = str(element.get("id") or "")
    if element.name not in _HEADINGS or not anchor_id:
        return False
    return any(str(link.get("href") or "").endswith(f"#{anchor_id}") for link in element.find_all("a", limit=3))
