"""Which element of a saved page prints the article's title, and the container that holds it
with the article's text.

The title is the first ``<h1>``, unless that prints the site's name the ``<title>`` element sets
beside the article's title (a blog's name in its banner). An old CMS without one prints it in bold or large type
(``<font size="4"><b>…</b></font>``, ``<td class="title">``) and names it in the ``<title>``
element too, whole or followed by the site's name ('タイトル - サイト名'): a run of text that is
the ``<title>``'s text or such a prefix of it, set in heading markup, is the title.

A title and its date line printed above the container holding the text (a table row each) head
the article: the content is then their nearest common container, when that adds little text
and nothing after the article's text (what follows it is the site's). Else the article still
runs from its title: what stands between the title's container and the text's (a lead and key
points in a box of their own above the body's, as a blog template splits 'body' and 'more') is
the article's too.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import islice

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.lines.dates import line_date

# Markup a title is set in, from the run of text outwards.
HEADING_MARKUP = frozenset({"b", "strong", "font", "big", "span", "h1", "h2", "h3", "h4", "h5", "h6"})
# A link around the whole title (a blog's permalink on its post heading) is looked through, never the title.
_TITLE_LINK = "a"
# How far up from the title's text its heading markup is looked for (bounded: linear on any page).
MARKUP_DEPTH = 4
# How many runs of the title's text are looked at (each reads a few of its containers' text):
# a page repeating its title thousands of times stays linear.
MAX_CANDIDATES = 8
# A reworded title: how many runs in heading markup are compared with the <title> (bounded: a
# page of bold text stays linear), how much of each is read, and the share of the <title>'s
# character pairs the headline must hold.
MAX_REWORDED_CANDIDATES = 64
MAX_TITLE_TEXT = 200
MIN_SHARED_PAIRS = 0.6
# A title is a headline, not a word: shorter text equal to the <title>'s start proves nothing.
MIN_TITLE = 8
# How far up from the content container the title's container may be, and how much text it may
# add beside the title (a date line, a category): a share of the container's own text.
MAX_CONTAINER_STEPS = 4
MAX_ADDED_SHARE = 0.1
# Why a button inside the title's markup was dropped (the report's rule).
TITLE_ACTION_RULE = "title-button"
# The separator between the title and the site's name in the <title> element.
# (a full-width colon folds to ':', and is often printed without spaces: 'タイトル：サイト名').
_SITE_SEPARATOR = re.compile(r"\s+[-–—|｜:：]\s+|\s*[|｜]\s*|\s*[-–—]\s*(?=[^-–—]*$)|\s*:\s*(?=[^:]*$)")


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def title_texts(soup: BeautifulSoup, site_name: str | None = None) -> frozenset[str]:
    """The ``<title>`` element's text, and each prefix of it that ends before a site-name separator;
    with the ``site_name`` the page prints as a heading, not that name but what follows it
    ('ブログ名 | 記事の題')."""
    element = soup.title
    if element is None or not element.string:
        return frozenset()
    whole = _folded(str(element.string))
    texts = {whole}
    for separator in _SITE_SEPARATOR.finditer(whole):
        texts.add(before := whole[:separator.start()].strip())
        if before == site_name:
            texts.add(whole[separator.end():].strip())
    return frozenset(text for text in texts if len(text) >= MIN_TITLE and text != site_name)


def site_name(heading: Tag, soup: BeautifulSoup) -> str | None:
    """The site's name when ``heading`` prints it, which the ``<title>`` element sets beside the
    article's title ('記事の題: ブログ名', 'ブログ名 | 記事の題'), the shorter side of the separator:
    a blog template's ``<h1>`` is the blog's name in its banner, and the post's title a lower
    heading. Else None."""
    element = soup.title
    if element is None or not element.string:
        return None
    whole = _folded(str(element.string))
    text = _folded(heading.get_text())
    for separator in _SITE_SEPARATOR.finditer(whole):
        before, after = whole[:separator.start()].strip(), whole[separator.end():].strip()
        # The name is the shorter side: the other is the headline (a heading printing the headline
        # beside the site's name is the title, whichever side of the <title> it stands).
        if (text == before and len(after) > len(text)) or (text == after and len(before) > len(text)):
            return text
    return None


def marked_up_title(soup: BeautifulSoup, dropped: dict[int, str], site: str | None = None) -> Tag | None:
    """The first element in heading markup whose text is the ``<title>``'s (or its prefix; not the
    ``site`` name a heading prints)."""
    texts = title_texts(soup, site)
    if not texts:
        return None
    candidates = (string for string in soup.find_all(string=True)
                  if isinstance(string, NavigableString) and _folded(str(string)) in texts)
    for string in islice(candidates, MAX_CANDIDATES):
        markup = _outermost_markup(string)
        if markup is not None and not _in_dropped(markup, dropped):
            return markup
    return _reworded_title(soup, texts, dropped)


def _in_dropped(markup: Tag, dropped: dict[int, str]) -> bool:
    """Whether the markup is chrome: dropped itself or inside a dropped box (a blog's name in the
    site's header, which its ``<title>`` prints before the post's: 'ブログ名: 記事の題')."""
    return id(markup) in dropped or any(id(parent) in dropped for parent in markup.parents)


def _reworded_title(soup: BeautifulSoup, texts: frozenset[str], dropped: dict[int, str]) -> Tag | None:
    """A site often words the ``<title>`` a little differently from the headline it prints
    ('…から2年 復興はどこまで進んだか：サイト名' above '…から2年、復興はどこまで進んだ？仮設住宅の今…'):
    the first run of text in heading markup, not a bulleted line, that holds most of the
    ``<title>``'s character pairs."""
    wanted = [_pairs(text) for text in texts]
    looked_at = 0
    for string in soup.find_all(string=True):
        if not isinstance(string, NavigableString) or not _in_heading_markup(string):
            continue
        text = _folded(str(string))
        if len(text) < MIN_TITLE or not (text[0].isalnum() or text[0] in "「『（(“\""):
            continue
        looked_at += 1
        if looked_at > MAX_REWORDED_CANDIDATES:
            return None
        pairs = _pairs(text[:MAX_TITLE_TEXT])
        if any(len(title & pairs) >= MIN_SHARED_PAIRS * len(title) for title in wanted if title):
            markup = _outermost_markup(string)
            if markup is not None and not _in_dropped(markup, dropped):
                return markup
    return None


def _in_heading_markup(string: NavigableString) -> bool:
    """The text's element is heading markup, or a link right inside heading markup."""
    parent = string.parent
    if parent is not None and parent.name == _TITLE_LINK:
        parent = parent.parent
    return parent is not None and parent.name in HEADING_MARKUP


def _pairs(text: str) -> frozenset[str]:
    folded = re.sub(r"[\s、。，,・：:？?！!]", "", text)
    return frozenset(folded[i:i + 2] for i in range(len(folded) - 1))


def _outermost_markup(string: NavigableString) -> Tag | None:
    """The outermost heading markup holding nothing but this text, a few levels up at most (through
    a link around it: '<h2><a href="…/article/123.html">title</a></h2>')."""
    found = None
    parent = string.parent
    for _ in range(MARKUP_DEPTH):
        if parent is None or (parent.name not in HEADING_MARKUP and parent.name != _TITLE_LINK):
            break
        if _folded(_text_beside_actions(parent, string)) != _folded(str(string)):
            break
        if parent.name != _TITLE_LINK:
            found = parent
        parent = parent.parent
    return found


def _text_beside_actions(element: Tag, string: NavigableString) -> str:
    """The element's text without an action it holds beside the title's text: a button, or a link
    that runs a script or jumps within the page ('<h2>題 <a href="javascript:print();">印刷</a></h2>',
    a heading's ¶ anchor)."""
    return "".join(str(text) for text in element.find_all(string=True)
                   if text is string or not _inside_action(text, element))


def actions_beside_title(title: Tag) -> list[Tag]:
    """The buttons and script or in-page links inside the title's markup, when the title has text
    outside them ('<h2>題 <a href="javascript:print();">印刷</a></h2>'); a title that is all one
    link ('<h2><a href="#top">題</a></h2>') keeps it."""
    actions = [element for element in title.find_all(True) if _is_action(element)
               and not any(_is_action(parent) for parent in element.parents if parent is not title
                           and title in parent.parents)]
    outside = "".join(str(text) for text in title.find_all(string=True)
                      if not _inside_action(text, title))
    return actions if outside.strip() else []


def _inside_action(text: NavigableString, element: Tag) -> bool:
    parent = text.parent
    while parent is not None and parent is not element:
        if _is_action(parent):
            return True
        parent = parent.parent
    return False


def _is_action(element: Tag) -> bool:
    if element.name == "button":
        return True
    href = element.get("href") if element.name == _TITLE_LINK else None
    return isinstance(href, str) and href.strip().lower().startswith(("javascript:", "#"))


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


def text_between(title: Tag, root: Tag, weights: dict[int, int]) -> list[Tag]:
    """The elements with kept text standing after the title's container and before ``root`` (the
    container of the article's text), in page order; none when the title does not stand above
    ``root`` within a few containers."""
    holds_title = {id(parent) for parent in title.parents}
    between: list[Tag] = []
    element = root
    for _ in range(MAX_CONTAINER_STEPS):
        parent = element.parent
        if parent is None:
            return []
        at_common_container = id(parent) in holds_title
        for sibling in element.previous_siblings:
            if not isinstance(sibling, Tag):
                continue
            if sibling is title or id(sibling) in holds_title:
                return between[::-1]  # the title's branch: the article starts there
            if weights.get(id(sibling), 0):
                between.append(sibling)
        if at_common_container:
            return []  # the title stands after the text, not above it
        element = parent
    return []


def date_line_beside(title: Tag, content: set[int], weights: dict[int, int]) -> Tag | None:
    """The element printing the article's date line right above or below its title, outside the
    content elements (ids in ``content``), or None: a post's meta line ('2025.04.03 | IT・テック')
    printed above the title, which stands above the container of the article's text.

    A few runs of kept text on either side of the title are looked at (a category may stand
    between the date and the title); the date line is the largest element around such a run,
    not holding the title, whose text is a date with at most a short label or category."""
    holds_title = {id(parent) for parent in title.parents}
    for runs in (title.find_all_previous(string=True), title.find_all_next(string=True)):
        looked_at = 0
        for string in runs:
            if looked_at == MAX_BESIDE_RUNS:
                break
            if not _is_kept_text(string, weights):
                continue
            around = [id(parent) for parent in string.parents]
            if id(title) in around:
                continue  # the title's own text
            looked_at += 1
            if any(element in content for element in around):
                break  # the article's text is reached: a date line there is read with it
            line = _date_element(string, holds_title, weights)
            if line is not None:
                return line
    return None


# How many runs of text beside the title are looked at, and how long a date line's text may be.
MAX_BESIDE_RUNS = 3
MAX_DATE_LINE = 40


def _is_kept_text(string: object, weights: dict[int, int]) -> bool:
    return (isinstance(string, NavigableString) and not isinstance(string, PreformattedString)
            and bool(string.strip()) and string.parent is not None and id(string.parent) in weights)


def _date_element(string: NavigableString, holds_title: set[int], weights: dict[int, int]) -> Tag | None:
    """The outermost element around ``string``, short and not holding the title, whose text is a date line."""
    found = None
    element = string.parent
    for _ in range(MAX_CONTAINER_STEPS):
        if element is None or id(element) in holds_title or weights.get(id(element), 0) > MAX_DATE_LINE:
            break
        if line_date(element.get_text(" ", strip=True)) is not None:
            found = element
        element = element.parent
    return found
