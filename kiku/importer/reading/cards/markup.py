"""Source cards a saved page builds from its markup rather than from printed text.

- A card that is one link: ``<a class="card" href="URL">`` around a title, summary lines and a
  meta line (publisher, date), each its own element. Each element is a line, and the card's
  link line is written as a text dump prints it: its meta line, led by an arrow, with the URL
  (``→ 日本経済新聞 2025/04/22 URL``); with no meta line, the arrow and the URL stand alone.
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

from kiku.importer.grammar.dates import find_date
from kiku.importer.reading.html.links import MAX_CARD_META, SENTENCE_END

# A card is a title and at least one more line (a summary or a meta line).
MIN_CARD_PARTS = 2
# A card quotes its article: a summary line is a sentence, or at least this long.
MIN_SUMMARY = 20
# How many children of a link are looked at (bounded: a link around a whole page stays linear).
MAX_CARD_CHILDREN = 32
# How many wrappers around a card's parts are looked through.
MAX_WRAPPERS = 4
CARD_ARROW = "→"
_ISO_DATE = re.compile(r"^\s*(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_SENTENCE_MARK = re.compile(r"[。、！？!?]")
_WEB = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CardLink:
    """A web link that wraps a card: its parts (the child elements holding text, each a line)
    and among them its summary lines (those between the title and the meta line)."""

    anchor: Tag
    parts: tuple[Tag, ...]
    summary: tuple[Tag, ...]


def card_links(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[CardLink]:
    """Each web link that wraps a card."""
    for anchor in soup.find_all("a", href=True):
        if id(anchor) in dropped or not _WEB.match(str(anchor["href"]).strip()):
            continue
        parts = _parts(anchor, dropped)
        if len(parts) < MIN_CARD_PARTS:
            continue
        has_meta = link_line(parts[-1][1], "") is not None
        summary = parts[1:-1] if has_meta else parts[1:]
        if not any(_SENTENCE_MARK.search(text) or len(text) >= MIN_SUMMARY for _, text in summary):
            continue  # a rank and a title, a title and a date: a list entry, not a quoted article
        yield CardLink(anchor, tuple(child for child, _ in parts), tuple(child for child, _ in summary))


def _parts(anchor: Tag, dropped: dict[int, str]) -> list[tuple[Tag, str]]:
    """The link's children holding text, each with its text; a wrapper holding all the text (an embed's
    '<a><div><div>title, summary, site</div><div>picture</div></div></a>') is looked through."""
    box = anchor
    for _ in range(MAX_WRAPPERS + 1):
        children = box.find_all(True, recursive=False, limit=MAX_CARD_CHILDREN)
        texts = [(child, child.get_text(" ", strip=True)) for child in children if id(child) not in dropped]
        parts = [(child, text) for child, text in texts if text]
        if len(parts) != 1:
            return parts
        box = parts[0][0]
    return []


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
    host = urlsplit(url).hostname if _WEB.match(url) else None
    name = text.strip().lower()
    return host is not None and name in (host, host.removeprefix("www."))


def machine_date(element: Tag) -> str | None:
    """The date a ``<time datetime>`` means, written '2025/04/22', when its visible text gives no
    year and it stands in a meta line (a date inside a sentence is the sentence's words)."""
    match = _ISO_DATE.match(_machine_value(element))
    if match is None or find_date(element.get_text()) is not None or not _short(element.parent):
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
