"""Which element of a saved page prints the article's title, and the container that holds it
with the article's text.

The title is the first ``<h1>``. An old CMS without one prints it in bold or large type
(``<font size="4"><b>…</b></font>``, ``<td class="title">``) and names it in the ``<title>``
element too, whole or followed by the site's name ('タイトル - サイト名'): a run of text that is
the ``<title>``'s text or such a prefix of it, set in heading markup, is the title.

A title and its date line printed above the container holding the text (a table row each) head
the article: the content is then their nearest common container, when that adds little text
and nothing after the article's text (what follows it is the site's).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import islice

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

# Markup a title is set in, from the run of text outwards.
HEADING_MARKUP = frozenset({"b", "strong", "font", "big", "span", "h1", "h2", "h3", "h4", "h5", "h6"})
# How far up from the title's text its heading markup is looked for (bounded: linear on any page).
MARKUP_DEPTH = 4
# How many runs of the title's text are looked at (each reads a few of its containers' text):
# a page repeating its title thousands of times stays linear.
MAX_CANDIDATES = 8
# A title is a headline, not a word: shorter text equal to the <title>'s start proves nothing.
MIN_TITLE = 8
# How far up from the content container the title's container may be, and how much text it may
# add beside the title (a date line, a category): a share of the container's own text.
MAX_CONTAINER_STEPS = 4
MAX_ADDED_SHARE = 0.1
# The separator between the title and the site's name in the <title> element.
_SITE_SEPARATOR = re.compile(r"\s+[-–—|｜:：]\s+|\s*[|｜]\s*|\s*[-–—]\s*(?=[^-–—]*$)")


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def title_texts(soup: BeautifulSoup) -> frozenset[str]:
    """The ``<title>`` element's text, and each prefix of it that ends before a site-name separator."""
    element = soup.title
    if element is None or not element.string:
        return frozenset()
    whole = _folded(str(element.string))
    texts = {whole}
    for separator in _SITE_SEPARATOR.finditer(whole):
        texts.add(whole[:separator.start()].strip())
    return frozenset(text for text in texts if len(text) >= MIN_TITLE)


def marked_up_title(soup: BeautifulSoup, dropped: dict[int, str]) -> Tag | None:
    """The first element in heading markup whose text is the ``<title>``'s (or its prefix)."""
    texts = title_texts(soup)
    if not texts:
        return None
    candidates = (string for string in soup.find_all(string=True)
                  if isinstance(string, NavigableString) and _folded(str(string)) in texts)
    for string in islice(candidates, MAX_CANDIDATES):
        markup = _outermost_markup(string)
        if markup is not None and id(markup) not in dropped:
            return markup
    return None


def _outermost_markup(string: NavigableString) -> Tag | None:
    """The outermost heading markup holding nothing but this text, a few levels up at most."""
    found = None
    parent = string.parent
    for _ in range(MARKUP_DEPTH):
        if parent is None or parent.name not in HEADING_MARKUP:
            break
        if _folded(parent.get_text()) != _folded(str(string)):
            break
        found = parent
        parent = parent.parent
    return found


def heading_container(root: Tag, title: Tag, weights: dict[int, int]) -> Tag:
    """The nearest container of both ``root`` and ``title`` when it adds little text beside them;
    else ``root``."""
    ancestors = {id(element) for element in title.parents}
    container = root
    for _ in range(MAX_CONTAINER_STEPS):
        if id(container) in ancestors:
            break
        if container.parent is None:
            return root
        container = container.parent
    else:
        return root
    if _text_after(root, container, weights):
        return root  # what follows the article's text in the container is the site's
    added = weights.get(id(container), 0) - weights.get(id(root), 0) - len(title.get_text(strip=True))
    return container if added <= MAX_ADDED_SHARE * weights.get(id(root), 0) else root


def _text_after(root: Tag, container: Tag, weights: dict[int, int]) -> bool:
    """Whether any kept text follows ``root`` inside ``container``."""
    element = root
    while element is not container and element.parent is not None:
        for sibling in element.next_siblings:
            if isinstance(sibling, Tag):
                if weights.get(id(sibling), 0):
                    return True
            elif isinstance(sibling, NavigableString) and not isinstance(sibling, PreformattedString) \
                    and sibling.strip():
                return True  # text, not a comment
        element = element.parent
    return False
