"""What the article is filed under: a block of links into the site's tags or categories, a short line
classed as the post's theme, category or tags."""


import re
from itertools import islice

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.reading.html.chrome.shapes.elements import (
    BOXES,
    LINE_ELEMENTS,
    MAX_ENCLOSING_DEPTH,
    class_and_id_tokens,
)

# A link into the site's taxonomy: its path has a tag, category, label, keyword or theme segment
# ('/tags/長野県/', '/category/economy', '?tag=円安', '/theme-10112.html'), naming a list of posts.
_TAXONOMY_HREF = re.compile(
    r"(?i)(?:^|[/?&])(?:tags?|categor(?:y|ies)|labels?|keywords?|hashtags?|themes?|genres?)(?:[/=_\-.]|$)")
# A taxonomy term is a word or two; the text beside the links a short label ('タグ：', 'Tags:') or separators.
MAX_TERM = 20
MAX_TAXONOMY_LABEL = 6
MAX_TAXONOMY_NODES = 80
_TAXONOMY_SEPARATORS = re.compile(r"[\s,、，|｜/／・#＃:：]+")


def taxonomy_links(element: Tag) -> bool:
    """A block that is only links into the site's taxonomy (a post's tag or category list): each a
    short term, with at most a short label beside them. What the article is filed under, not its text."""
    if element.name not in BOXES and element.name not in LINE_ELEMENTS:
        return False
    nodes = list(islice(element.descendants, MAX_TAXONOMY_NODES + 1))
    if len(nodes) > MAX_TAXONOMY_NODES:
        return False
    links = [node for node in nodes if isinstance(node, Tag) and node.name == "a"]
    if not links or not all(_TAXONOMY_HREF.search(str(link.get("href") or "")) for link in links):
        return False
    if not all(0 < len(link.get_text(strip=True)) <= MAX_TERM for link in links):
        return False
    label = "".join(str(node) for node in nodes if isinstance(node, NavigableString)
                    and not isinstance(node, PreformattedString) and not _in_link(node, element))
    bare = _TAXONOMY_SEPARATORS.sub("", label)
    # A label in Latin letters is one word, longer in letters than a Japanese one: 'Categories', 'TAGS'.
    return len(bare) <= MAX_TAXONOMY_LABEL or _LATIN_WORD.fullmatch(bare) is not None


_LATIN_WORD = re.compile(r"[A-Za-z]{1,12}")
# A post's theme, category or tags printed as text (no links) in a box the page names so: 'テーマ：…',
# perhaps numbered as one of several ('article-category1', 'tag_2'), or named as the links it held
# ('cat-links', 'tags-links': a scrape may keep their text without the links).
_TAXONOMY_CLASS = re.compile(r"(?:[a-z0-9]+[-_]+)*(?:themes?|categor(?:y|ies)|cats?|tags?|genres?)(?:[-_]?[0-9]{1,2})?"
                             r"(?:[-_]+(?:links?|list))?")
# A term list is a short line too: a label and the terms ('<dl><dt>タグ</dt><dd>…</dd><dd>…</dd></dl>').
_TERM_LISTS = frozenset({"dl", "ul", "ol"})
MAX_TAXONOMY_FIELD = 40


def taxonomy_field(element: Tag) -> bool:
    """A short line the page classes as the post's theme, category or tags: what it is filed under."""
    if (element.name not in LINE_ELEMENTS and element.name not in _TERM_LISTS) or not any(
            _TAXONOMY_CLASS.fullmatch(token) for token in class_and_id_tokens(element)):
        return False
    if element.find("time") is not None:
        return False  # a post's meta line with its date ('date-tags'): the date is the article's
    text = element.get_text(" ", strip=True)
    return 0 < len(text) <= MAX_TAXONOMY_FIELD and not re.search(r"[。！？!?]", text) and find_date(text) is None


def _in_link(node: NavigableString, top: Tag) -> bool:
    """Whether the text is inside a link (looked for up to ``top``)."""
    for parent in islice(node.parents, MAX_ENCLOSING_DEPTH):
        if parent is top:
            return False
        if parent.name == "a":
            return True
    return False
