"""Which element of a saved page holds the article: its content root.

An ``<article>`` or ``<main>`` names the article's container: the ``<article>`` holding the
page's title (``<h1>``), else the one holding most text, else the ``<main>``. But a page may also
mark its *items* as ``<article>``: each source card, a comment, a teaser. Several ``<article>``
elements under the same container (the same nearest ``<article>`` or ``<main>``, or none) are
items of it, not the page's article — except the one holding the title or most of the
container's text, which is the article whatever else stands beside it. Without a root element
left, the root is found by text mass (``text_weights``): the heaviest child, going down while it
holds most of its parent's text. The same mass tells the main column from a sidebar
(``MainColumn``): a box classed as a widget that holds most of the page's text is the main column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.html.chrome.rules import ChromeRule, named_by_class_only

# The content root is the heaviest child while it holds at least this share of its parent's text.
ROOT_SHARE = 0.8
# An <article> beside others is an item unless it holds at least this share of their container's text.
ITEM_SHARE = 0.5
# A box holding more than this share of the body's text is the page's main column.
MAIN_COLUMN_SHARE = 0.5
# Rules that name a column beside the text by its class alone: a blog engine may wrap its post
# list in the same "widget" box as its sidebar's parts ('<div class="widget Blog">').
BESIDE_TEXT_RULES = frozenset({"sidebar"})


def content_root(soup: BeautifulSoup, dropped: dict[int, str], weights: dict[int, int],
                 enclosing: dict[int, int | None], title: Tag | None) -> Tag:
    """<article> (the one holding the title, else the one with most text; items aside), else
    <main>, else the container holding most of the text. ``enclosing`` maps each kept <article>
    and <main> to the id of the nearest <article> or <main> around it (None: none); ``title`` is
    the page's title element."""
    holds_title = {id(parent) for parent in title.parents} if title is not None else set()
    items = _items(soup, weights, enclosing, holds_title)
    for name in ("article", "main"):
        candidates = [element for element in soup.find_all(name)
                      if weights.get(id(element), 0) > 0 and id(element) not in items]
        if candidates:
            # The title's own container first, then the one with most text.
            return max(candidates, key=lambda element: (id(element) in holds_title, weights[id(element)]))
    root: Tag = soup.body or soup
    while True:
        children = [child for child in root.contents if isinstance(child, Tag) and id(child) not in dropped]
        heaviest = max(children, key=lambda child: weights.get(id(child), 0), default=None)
        if heaviest is None or weights.get(id(heaviest), 0) < ROOT_SHARE * weights.get(id(root), 0):
            return root
        root = heaviest


def _items(soup: BeautifulSoup, weights: dict[int, int], enclosing: dict[int, int | None],
           holds_title: set[int]) -> set[int]:
    """The ids of the <article> elements that are items: one of two or more with text under the
    same container, neither holding the title nor most of the container's text (the article
    beside a teaser the site marks up as another <article>)."""
    articles = [element for element in soup.find_all("article")
                if id(element) in enclosing and weights.get(id(element), 0) > 0]
    peers = Counter(enclosing[id(article)] for article in articles)
    items: set[int] = set()
    for article in articles:
        container = enclosing[id(article)]
        container_weight = weights.get(container if container is not None else id(soup), 0)
        if peers[container] > 1 and id(article) not in holds_title \
                and weights[id(article)] < ITEM_SHARE * container_weight:
            items.add(id(article))
    return items


@dataclass(frozen=True, slots=True)
class MainColumn:
    """A sidebar stands beside the page's text: a box the page classes as a widget or side column
    that holds most of the body's text is its main column, and what it holds is read (its own
    chrome is still dropped by the rules that name it). So is a box that only its class names as
    chrome of another kind (an author box, an ad, a share bar: boxes smaller than the article they
    stand beside): on the box holding most of the text, the class names one of the entry's facets
    ('entry-author-<name>'), not a box; reader comments, which may outweigh a short post, excepted."""

    weights: dict[int, int]
    body_weight: int

    @classmethod
    def of(cls, soup: BeautifulSoup, weights: dict[int, int]) -> MainColumn:
        """``weights``: characters of text in each element of the whole page (no chrome dropped)."""
        return cls(weights, weights.get(id(soup.body or soup), 0))

    def overrule(self, element: Tag, rule: ChromeRule | None) -> ChromeRule | None:
        """``rule``, unless it is a side column's and ``element`` holds most of the page's text."""
        if rule is None or self.weights.get(id(element), 0) <= MAIN_COLUMN_SHARE * self.body_weight:
            return rule
        if rule.name in BESIDE_TEXT_RULES or (not rule.may_outweigh_article and named_by_class_only(element, rule)):
            return None
        return rule


def text_weights(soup: BeautifulSoup, dropped: dict[int, str]) -> dict[int, int]:
    """Characters of kept text inside each element (dropped subtrees count nothing)."""
    weights: dict[int, int] = {}
    order: list[Tag] = []
    stack: list[Tag] = [soup]
    while stack:
        element = stack.pop()
        order.append(element)
        own = 0
        for child in element.contents:
            if isinstance(child, Tag):
                if id(child) not in dropped:
                    stack.append(child)
            elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                own += len(child.strip())
        weights[id(element)] = own
    for element in reversed(order):
        parent = element.parent
        if parent is not None and id(parent) in weights and element is not soup:
            weights[id(parent)] += weights[id(element)]
    return weights
