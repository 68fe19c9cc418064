"""A bar of buttons by its shape, whatever its class names: share, bookmark and print buttons.

A CSS-module, Tailwind or no-class site names nothing, but a bar of buttons looks the same on every
site: two or more short items and nothing else to read (separators aside), each an action rather
than a link to a page: a <button>, a link going nowhere ('#', empty, a script), or a link handing
this page to another service (a share endpoint: the page's URL in its query or path, or an endpoint
named by a verb of sharing, 'x.com/share', 'facebook.com/sharer.php', 'b.hatena.ne.jp/add').
A source's link goes to an article (a path with its own words and numbers), a menu's to the site's
own pages (relative or same-host): neither is an action, and a box holding one is no button bar.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.html.chrome.shapes.elements import is_unsafe_link

# A button's text is a word or two ('ポスト', 'LINEで送る', 'はてなブックマークに追加').
MAX_BUTTON_TEXT = 16
MIN_BUTTONS = 2
# Bounded: a bar is a handful of buttons, and a big box is never walked whole.
MAX_BAR_NODES = 64
_BAR_BOXES = frozenset({"div", "ul", "ol", "p", "section", "nav", "span"})
# The endpoint of a web intent ('/share', '/sharer.php', '/intent/tweet', '/lineit/share', '/add'):
# the protocol's own verbs, the same on every site that links to the service.
_SHARE_ENDPOINT = re.compile(r"(?i)(?:share|sharer|tweet|post|add|submit|intent|lineit|msg)(?:\.[a-z]{2,4})?")
# The page handed over: a URL in the query, or a host name as a path segment ('/entry/s/example.jp/…');
# a file name ('k100.html') is no host.
_CARRIED_URL = re.compile(r"(?i)https?(?::|%3A)(?://|%2F%2F)")
_HOST_SEGMENT = re.compile(r"(?i)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?!(?:s?html?|php|aspx?|jsp|cgi|xml|json|pdf)$)[a-z]{2,}")


def button_bar(element: Tag) -> bool:
    """Two or more short action items and no other text (``MAX_BUTTON_TEXT``, ``MIN_BUTTONS``). A link
    to another site's front page ('b.hatena.ne.jp/entry/') is a button only beside a definite one."""
    if element.name not in _BAR_BOXES:
        return False
    actions: list[bool] = []  # per item: a definite action (False: a link to another site's front page)
    for node in _bounded_descendants(element):
        if node is None:
            return False
        if isinstance(node, Tag):
            if node.name in ("a", "button") and not _inside_item(node, element):
                text = node.get_text(" ", strip=True)
                kind = _action(node) if text and len(text) <= MAX_BUTTON_TEXT else None
                if kind is None:
                    return False
                actions.append(kind)
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString) \
                and not _inside_item(node, element) and not _separators_only(str(node)):
            return False
    return len(actions) >= MIN_BUTTONS and any(actions)


def _bounded_descendants(element: Tag) -> list[Tag | NavigableString | None]:
    """The element's descendants, or a trailing None when there are more than ``MAX_BAR_NODES``."""
    nodes: list[Tag | NavigableString | None] = []
    for node in element.descendants:
        if len(nodes) == MAX_BAR_NODES:
            nodes.append(None)
            break
        if isinstance(node, (Tag, NavigableString)):
            nodes.append(node)
    return nodes


def _inside_item(node: Tag | NavigableString, bar: Tag) -> bool:
    parent = node.parent
    while parent is not None and parent is not bar:
        if parent.name in ("a", "button"):
            return True
        parent = parent.parent
    return False


def _separators_only(text: str) -> bool:
    return all(unicodedata.category(char)[0] in "PSZ" or char.isspace() for char in text)


def _action(item: Tag) -> bool | None:
    """True for a definite action, False for a link to another site's front page, None for a link
    to a page (an article, the site's own pages)."""
    if item.name == "button":
        return True
    href = str(item.get("href") or "").strip()
    if href in ("", "#") or is_unsafe_link(href):
        return True
    parts = urlsplit(href)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    host = parts.netloc.lower()
    if (segments and _SHARE_ENDPOINT.fullmatch(segments[-1])) or _CARRIED_URL.search(parts.query) is not None \
            or any(_HOST_SEGMENT.fullmatch(segment) and segment.lower() != host for segment in segments[1:]):
        return True
    return False if len(segments) <= 1 and not any(char.isdigit() for char in parts.path) else None
