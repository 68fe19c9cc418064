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

from kiku.importer.reading.html.chrome.rules import (
    CHROME_RULES,
    ChromeRule,
    named_by_class_only,
    named_by_heading_only,
)
from kiku.importer.reading.html.chrome.shapes.elements import class_and_id_tokens

# The content root is the heaviest child while it holds at least this share of its parent's text.
ROOT_SHARE = 0.8
# An <article> beside others is an item unless it holds at least this share of their container's text.
ITEM_SHARE = 0.5
# A box holding more than this share of the body's text is the page's main column.
MAIN_COLUMN_SHARE = 0.5
# Rules that name a column beside the text by its class alone: a blog engine may wrap its post
# list in the same "widget" box as its sidebar's parts ('<div class="widget Blog">').
BESIDE_TEXT_RULES = frozenset({"sidebar"})
# Elements a page may wrap its whole body in, which a rule names by their tag: a Lotus Domino or an
# ASP.NET page is one <form> around the header, the article and the footer (its actions post it back).
PAGE_WRAPPERS = frozenset({"form"})


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


def marks_its_root(soup: BeautifulSoup, weights: dict[int, int]) -> bool:
    """Whether the page marks its article's container: a <main>, or an <article> that is not one of
    several items (a page whose only <article> elements are the teasers under it marks none)."""
    if soup.find("main") is not None:
        return True
    articles = soup.find_all("article")
    enclosing = {id(article): _id_or_none(article.find_parent(("article", "main"))) for article in articles}
    title = soup.find("h1")
    holds_title = {id(parent) for parent in title.parents} if title is not None else set()
    items = _items(soup, weights, enclosing, holds_title)
    return any(weights.get(id(article), 0) > 0 and id(article) not in items for article in articles)


def _id_or_none(element: Tag | None) -> int | None:
    return id(element) if element is not None else None


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
    ('entry-author-<name>'), not a box; reader comments, which may outweigh a short post, excepted.
    So is a <form> wrapping the page's body (``PAGE_WRAPPERS``): its controls are still dropped one by one.
    So is a box named only by the text it starts with: on the main column that text is a smaller box's
    (an ad slot's sponsor label, a contents box's '目次' over the article it stands in), not its heading.
    A page builder classes every block it lays out as a widget, the title's and each paragraph's
    ('<div class="pb-widget pb-widget-text">'): a widget class whose boxes together hold most of
    the page's text names the builder's blocks, and no box is a sidebar by that class alone."""

    weights: dict[int, int]
    body_weight: int
    block_tokens: frozenset[str] = frozenset()

    @classmethod
    def of(cls, soup: BeautifulSoup, weights: dict[int, int]) -> MainColumn:
        """``weights``: characters of text in each element of the whole page (no chrome dropped)."""
        body_weight = weights.get(id(soup.body or soup), 0)
        return cls(weights, body_weight, _block_tokens(soup, weights, body_weight))

    def holds_most_text(self, element: Tag) -> bool:
        return self.weights.get(id(element), 0) > MAIN_COLUMN_SHARE * self.body_weight

    def overrule(self, element: Tag, rule: ChromeRule | None) -> ChromeRule | None:
        """``rule``, unless it is a side column's and ``element`` holds most of the page's text,
        or it names ``element`` only by a class that names the page's blocks."""
        if rule is None:
            return rule
        if rule.name in BESIDE_TEXT_RULES and self.block_tokens and named_by_class_only(element, rule) \
                and all(token in self.block_tokens for token in _side_tokens(element)):
            return None
        if not self.holds_most_text(element):
            return rule
        if rule.name in BESIDE_TEXT_RULES or _wraps_page(element, rule) or (not rule.may_outweigh_article and (
                named_by_class_only(element, rule) or named_by_heading_only(element, rule))):
            return None
        return rule


def _wraps_page(element: Tag, rule: ChromeRule) -> bool:
    """A page-wrapping element (``PAGE_WRAPPERS``) that ``rule`` names by its tag (the forms' rule): the
    boxes inside it are still judged one by one, reader comments by theirs."""
    return element.name in PAGE_WRAPPERS and element.name in rule.tags


_SIDE_PATTERNS = tuple(rule.tokens for rule in CHROME_RULES if rule.name in BESIDE_TEXT_RULES and rule.tokens)


def _side_tokens(element: Tag) -> list[str]:
    """The class and id tokens of ``element`` that name a side column."""
    return [token for token in class_and_id_tokens(element)
            if any(pattern.fullmatch(token) for pattern in _SIDE_PATTERNS)]


def _block_tokens(soup: BeautifulSoup, weights: dict[int, int], body_weight: int) -> frozenset[str]:
    """The side-column class tokens whose outermost boxes together hold most of the page's text."""
    held: Counter[str] = Counter()
    stack: list[tuple[Tag, frozenset[str]]] = [(soup, frozenset())]
    while stack:
        element, open_tokens = stack.pop()
        tokens = frozenset(_side_tokens(element)) if element is not soup else frozenset()
        for token in tokens - open_tokens:
            held[token] += weights.get(id(element), 0)
        inner = open_tokens | tokens
        stack.extend((child, inner) for child in element.contents if isinstance(child, Tag))
    return frozenset(token for token, weight in held.items() if weight > MAIN_COLUMN_SHARE * body_weight)


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
