"""Source cards a saved page builds from its markup rather than from printed text.

- A card that is one link: ``<a class="card" href="URL">`` around a title, summary lines and a
  meta line (publisher, date), each its own element (perhaps all inside one wrapper beside an
  empty thumbnail box). Each element is a line, and the card's link line is written as a text dump
  prints it: its meta line, led by an arrow, with the URL (``→ 日本経済新聞 2025/04/22 URL``); with
  no meta line, the arrow and the URL stand alone. A link preview (a bookmark or embed card) may
  hold only the title and a meta line naming the source and its date: its summary, if any, is the
  page's text after it.
- A ``<time datetime="…">`` (or a schema.org date with a ``content`` attribute) whose visible text
  gives no year ('4月22日 11:02'): the machine date ('2025/04/22') is written in its place, so the
  card or the article is dated as the page means.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.reading.html.lines.links import MAX_CARD_META, SENTENCE_END

# A card is a title and at least one more line (a summary or a meta line).
MIN_CARD_PARTS = 2
# A card quotes its article: a summary line is a sentence, or at least this long.
MIN_SUMMARY = 20
# How many children of a link are looked at (bounded: a link around a whole page stays linear).
MAX_CARD_CHILDREN = 32
CARD_ARROW = "→"
_ISO_DATE = re.compile(r"^\s*(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_SENTENCE_MARK = re.compile(r"[。、！？!?]")
_WEB = re.compile(r"^https?://", re.IGNORECASE)
# Blocks an excerpt box prints its sentences in, one a line.
_PARAGRAPHS = frozenset({"p", "div"})


@dataclass(frozen=True, slots=True)
class CardLink:
    """A web link that wraps a card: its parts (the child elements holding text, each a line)
    and among them its summary lines (those between the title and the meta line)."""

    anchor: Tag
    parts: tuple[Tag, ...]
    summary: tuple[Tag, ...]
    # A card with no summary of its own, its box followed right away by a list: the card's summary
    # bullets, after which its link line is written (a text dump closes a card with it).
    summary_list: Tag | None = None
    # The page closes the card with a link line of its own to the same page, right after its box: no
    # link line is written for it, and a part printing only the link's host name is not a line.
    closed_by_page: bool = False
    host_parts: tuple[Tag, ...] = ()


def card_links(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[CardLink]:
    """Each web link that wraps a card."""
    for anchor in soup.find_all("a", href=True):
        if id(anchor) in dropped or not _WEB.match(str(anchor["href"]).strip()):
            continue
        parts = _parts(anchor, dropped)
        href = str(anchor["href"]).strip()
        host_after_meta = len(parts) > MIN_CARD_PARTS and _is_host_of(parts[-1][1], href) \
            and _names_and_dates(parts[-2][1]) and link_line(parts[-2][1], "") is not None
        host_parts = (parts.pop()[0],) if host_after_meta else ()
        if len(parts) < MIN_CARD_PARTS:
            continue
        has_meta = link_line(parts[-1][1], "") is not None
        summary = parts[1:-1] if has_meta else parts[1:]
        if not any(_SENTENCE_MARK.search(text) or len(text) >= MIN_SUMMARY for _, text in summary) \
                and not (has_meta and len(parts) == MIN_CARD_PARTS and _names_and_dates(parts[-1][1])):
            continue  # a rank and a title, a title and a date: a list entry, not a quoted article
        closed = _linked_again(anchor, href)
        summary_lines = tuple(line for child, _ in summary for line in _summary_lines(child, dropped))
        # The link's host printed under the card's source and date ('日本経済新聞 ・ 2025年3月7日' ·
        # 'www.nikkei.com'): the source line is the meta line, the host is the URL's text.
        yield CardLink(anchor, tuple(child for child, _ in parts) + summary_lines, summary_lines,
                       None if summary or closed else _list_after(anchor), closed,
                       host_parts + tuple(child for child, text in parts if closed and _is_host_of(text, href)))


# How many boxes around a link are looked at for the card's box (each compared with the link's text).
MAX_CARD_WRAPPERS = 3
# How many wrappers deep a card's parts are looked for inside its link: each step looks at one box's
# children only, so a theme nesting its card in many boxes (a > div > div > dl > dd) costs little.
MAX_CARD_NESTING = 12


def _parts(anchor: Tag, dropped: dict[int, str]) -> list[tuple[Tag, str]]:
    """The link's children holding text, each with its text; a wrapper that alone holds text
    ('<a><div class="content">title, meta</div><div class="thumbnail"><img></div></a>') is looked into."""
    parts: list[tuple[Tag, str]] = []
    box = anchor
    for _ in range(MAX_CARD_NESTING):
        children = box.find_all(True, recursive=False, limit=MAX_CARD_CHILDREN)
        texts = [(child, child.get_text(" ", strip=True)) for child in children if id(child) not in dropped]
        parts = [(child, text) for child, text in texts if text]
        if len(parts) != 1 or parts[0][0].find(True) is None:
            return parts
        box = parts[0][0]
    return parts


def _summary_lines(part: Tag, dropped: dict[int, str]) -> tuple[Tag, ...]:
    """The summary lines one part of a card prints: the part, or each paragraph of an excerpt box
    holding several ('<div class="excerpt"><p>…</p><p>…</p></div>'), each its own bullet as a
    text dump prints a summary of several sentences."""
    if any(isinstance(child, NavigableString) and child.strip() for child in part.children):
        return (part,)
    blocks = [child for child in part.find_all(True, recursive=False, limit=MAX_CARD_CHILDREN)
              if id(child) not in dropped and child.get_text(strip=True)]
    if len(blocks) < MIN_CARD_PARTS or any(block.name not in _PARAGRAPHS for block in blocks):
        return (part,)
    return tuple(blocks)


def _card_box(anchor: Tag) -> Tag:
    """The link, or the outermost of the boxes around it holding nothing but it."""
    box = anchor
    for _ in range(MAX_CARD_WRAPPERS):
        parent = box.parent
        if parent is None or parent.name in ("article", "main", "body") or parent.get_text(strip=True) \
                != box.get_text(strip=True):
            break
        box = parent
    return box


def _linked_again(anchor: Tag, href: str) -> bool:
    """Whether the element right after the card's box links to the same page (its own link line)."""
    following = _card_box(anchor).find_next_sibling(True)
    if following is None:
        return False
    links = [following] if following.name == "a" else following.find_all("a", href=True, limit=MAX_CARD_CHILDREN)
    return any(str(link.get("href") or "").strip() == href for link in links)


def _list_after(anchor: Tag) -> Tag | None:
    """The list right after the card's box, when its items read as a summary: sentences, or lines
    as long as one."""
    box = _card_box(anchor)
    following = box.find_next_sibling(True)
    if following is None or following.name not in ("ul", "ol") or _text_between(box, following):
        return None
    items = [item.get_text(" ", strip=True) for item in following.find_all("li", recursive=False)]
    return following if items and all(_SENTENCE_MARK.search(item) or len(item) >= MIN_SUMMARY
                                      for item in items) else None


def _text_between(first: Tag, second: Tag) -> bool:
    """Whether text stands between two sibling elements (a bare text node)."""
    node = first.next_sibling
    while node is not None and node is not second:
        if not isinstance(node, Tag) and str(node).strip():
            return True
        node = node.next_sibling
    return False


def _names_and_dates(meta: str) -> bool:
    """A meta line naming a source beside a date ('日本経済新聞 2025.10.14'): a date alone is a list
    entry's, a name alone a rank's or a title's."""
    found = find_date(meta)
    return found is not None and re.search(r"\w", found[1]) is not None


def link_line(meta: str, url: str) -> str | None:
    """The card's link line made of its last line ``meta`` (a publisher and a date), else None
    when that line is not one (a sentence, or too long): then the link line is the URL alone. A
    meta line that is only the link's host (an embed's site line) names no publisher: it is left out."""
    if len(meta) > MAX_CARD_META or SENTENCE_END.search(meta):
        return None
    if _is_host_of(meta, url):
        return f"{CARD_ARROW} {url}"
    return f"{CARD_ARROW} {meta} {url}"


def _is_host_of(text: str, url: str) -> bool:
    """Whether ``text`` is only the host of ``url``, with or without its 'www.'."""
    host = urlsplit(url).hostname if _WEB.match(url) else None
    name = text.strip().lower()
    return host is not None and name in (host, host.removeprefix("www."))


def machine_date(element: Tag, *, own_line: bool = False) -> str | None:
    """The date a ``<time datetime>`` means, written '2025/04/22', when its visible text gives no
    year and it stands in a meta line (a date inside a sentence is the sentence's words), or on a
    line of its own (``own_line``: the article's date by its title, 'September 28, 2025')."""
    titled = _titled_date(element)
    match = _ISO_DATE.match(titled or _machine_value(element))
    # A date in an element's title stands for the element's own text ('<abbr title="2025-10-21T07:00">
    # Published: 火 21 10月 2025</abbr>'): that text is the meta line.
    meta_line = _short(element) if titled else _short(element.parent)
    if match is None or find_date(element.get_text()) is not None or not (own_line or meta_line):
        return None
    try:
        date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return f"{date.year}/{date.month:02d}/{date.day:02d}"


def _machine_value(element: Tag) -> str:
    """A <time>'s datetime, or the content of a schema.org date ('<span itemprop="datePublished" content="…">')."""
    if element.name == "time" and element.get("datetime"):
        return str(element["datetime"])
    if "date" in str(element.get("itemprop") or "").lower():
        return str(element.get("content") or "")
    return ""


def _titled_date(element: Tag) -> str:
    """The ISO date a microformat prints in an <abbr>'s title ('<abbr class="published" title="2025-10-21T07:00:00
    +09:00">'), the visible text a localised form of it; else ''."""
    title = str(element.get("title") or "") if element.name == "abbr" else ""
    return title if _ISO_DATE.match(title) else ""


def is_dated_by_title(element: Tag) -> bool:
    return bool(_titled_date(element))


def _short(element: Tag | None) -> bool:
    """Whether the element's text is a meta line: short, no sentence (read no further than that)."""
    if element is None:
        return False
    length = 0
    for string in element.strings:
        length += len(string.strip())
        if length > MAX_CARD_META or _SENTENCE_MARK.search(string):
            return False
    return True
