"""Who wrote or speaks: a byline marked as the author, a link card's part that is no byline, a speaker's
name under their picture or over their remarks."""


import re
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.html.chrome.shapes.elements import (
    LINE_ELEMENTS,
    MAX_ENCLOSING_DEPTH,
    WEB_HREF,
)
from kiku.importer.reading.html.chrome.shapes.in_page_links import MAX_IN_PAGE_NODES


def in_link_card(element: Tag) -> bool:
    """Part of a web link that holds more text than the element: a link card (its title, its source),
    not a byline whose link is the name alone."""
    link = next((parent for parent in islice(element.parents, MAX_ENCLOSING_DEPTH) if parent.name == "a"), None)
    return link is not None and WEB_HREF.match(str(link.get("href") or "")) is not None \
        and len(link.get_text(strip=True)) > len(element.get_text(strip=True))


def marked_author(element: Tag) -> bool:
    """The article's byline as schema.org microdata marks it: '<span itemprop="author">文：…</span>'."""
    return "author" in str(element.get("itemprop") or "").lower().split()

# A speaker's name under their picture is a word or two; what they say stands beside it.
MAX_SPEAKER_NAME = 12
_NAME_PUNCTUATION = re.compile(r"[。、，,．.!！?？:：「」]")


def speaker_name(element: Tag) -> bool:
    """The name under a speaker's picture in a speech balloon ('<p><img><span>編集部</span></p>' beside
    '<div>…words…</div>'): a line of a picture and a short name, in a box of two whose other part holds text;
    or the line naming who speaks over a box of remarks ('<p>担当者より</p><p>…</p>': 'from …').
    Who speaks is the site's persona, not the article; the words are kept."""
    if element.name not in LINE_ELEMENTS and element.name != "figure":
        return False
    if _remarks_from(element):
        return True
    nodes = list(islice(element.descendants, MAX_IN_PAGE_NODES + 1))
    if len(nodes) > MAX_IN_PAGE_NODES or not any(isinstance(node, Tag) and node.name == "img" for node in nodes):
        return False
    name = "".join(str(node).strip() for node in nodes
                   if isinstance(node, NavigableString) and not isinstance(node, PreformattedString))
    if not 0 < len(name) <= MAX_SPEAKER_NAME or _NAME_PUNCTUATION.search(name):
        return False
    # The balloon is a box of two: the speaker, then the words (a picture among paragraphs is the text's).
    box = element.parent
    pair = box.find_all(True, recursive=False, limit=3) if box is not None else []
    return len(pair) == 2 and pair[0] is element and len(pair[1].get_text(strip=True)) > MAX_SPEAKER_NAME


# 'X より': from whom the remarks below come ('担当者より', '店長より'); no number ('3月より' is a time).
_FROM_SPEAKER = re.compile(r"[^\s0-9０-９]{1,10}より")


def _remarks_from(element: Tag) -> bool:
    """The first line of a box, naming who the box's other lines (its remarks) come from."""
    text = element.get_text(strip=True)
    box = element.parent
    if _FROM_SPEAKER.fullmatch(text) is None or _NAME_PUNCTUATION.search(text) or box is None:
        return False
    parts = box.find_all(True, recursive=False, limit=MAX_IN_PAGE_NODES)
    return len(parts) >= 2 and parts[0] is element and all(
        len(part.get_text(strip=True)) > MAX_SPEAKER_NAME for part in parts[1:])
