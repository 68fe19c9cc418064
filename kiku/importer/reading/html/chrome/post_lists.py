"""The site's list of its own posts (recent, popular, the newsletter's back issues), told by shape: a box
of a heading and the posts' titles as links into the site, perhaps each with its date, and nothing else.

A digest's list of cited cards links out of the site (the sources' URLs) or prints its URLs, dates and
summaries as text: a box whose every link stays on the site (no address, or a relative one) and whose
text is only the heading and the titles cites nothing.
"""

from __future__ import annotations

import re

from bs4 import Tag
from bs4.element import NavigableString

from kiku.importer.grammar.lines.dates import date_sides

_LIST_BOXES = frozenset({"div", "section", "aside", "nav", "ul", "ol"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MIN_POSTS = 2
MAX_POSTS = 12
# A post's title is a headline: short, no sentence.
MAX_POST_TITLE = 60
_SENTENCE_END = re.compile(r"[。．]")
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_URL_TEXT = re.compile(r"https?://|www\.", re.IGNORECASE)


def site_post_list(element: Tag) -> bool:
    """A box opening with a heading element, then at least two links into the site each holding a short
    title (a date beside each allowed), and no other text."""
    if element.name not in _LIST_BOXES:
        return False
    heading = element.find(_HEADINGS)
    links = element.find_all("a", limit=MAX_POSTS + 1)
    if heading is None or heading.find("a") is not None or not MIN_POSTS <= len(links) <= MAX_POSTS:
        return False
    if not all(_post_link(link) for link in links):
        return False
    first = next((text for text in element.stripped_strings), "")
    if first != next(iter(heading.stripped_strings), None):
        return False
    return all(_inside(node, heading) or _inside_link(node) or _date_alone(str(node))
               for node in element.descendants
               if isinstance(node, NavigableString) and str(node).strip())


def _post_link(link: Tag) -> bool:
    href = str(link.get("href") or "").strip()
    title = link.get_text(" ", strip=True)
    return (not _ADDRESS.match(href) and 0 < len(title) <= MAX_POST_TITLE
            and not _SENTENCE_END.search(title) and not _URL_TEXT.search(title))


# What may stand beside a post's date: its weekday, brackets, a separator.
MAX_DATE_REST = 6


def _date_alone(text: str) -> bool:
    sides = date_sides(text)
    return sides is not None and len(sides[0].strip()) + len(sides[1].strip()) <= MAX_DATE_REST


def _inside(node: NavigableString, parent: Tag) -> bool:
    return any(ancestor is parent for ancestor in node.parents)


def _inside_link(node: NavigableString) -> bool:
    return node.find_parent("a") is not None
