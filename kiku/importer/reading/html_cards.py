"""Source cards a saved page builds from its markup rather than from printed text.

- A card that is one link: ``<a class="card" href="URL">`` around a title, summary lines and a
  meta line (publisher, date), each its own element. Each element is a line, and the card's
  link line is written as a text dump prints it: its meta line, led by an arrow, with the URL
  (``→ 日本経済新聞 2025/04/22 URL``); with no meta line, the arrow and the URL stand alone.
- A date set in an element of its own right after the card's title in another one
  (``<span>title</span><span>公開日:2025/11/19</span>``, each shown as a line) starts its own line,
  as the text dump prints it under the title.
- A ``<time datetime="…">`` (or a schema.org date with a ``content`` attribute) whose visible text
  gives no year ('4月22日 11:02'): the machine date ('2025/04/22') is written in its place, so the
  card or the article is dated as the page means.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.dates import date_prefix, find_date, line_date
from kiku.importer.reading.html_links import MAX_CARD_META, SENTENCE_END

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
# A date's own label: a word or two ending in a colon or in 日/日時 ('公開日:', '配信日時 ', '更新：').
_DATE_LABEL = re.compile(r"[^\s。、:：][^。、:：]{0,10}?(?:[:：]|日時?)\s*")


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
        children = anchor.find_all(True, recursive=False, limit=MAX_CARD_CHILDREN)
        texts = [(child, child.get_text(" ", strip=True)) for child in children if id(child) not in dropped]
        parts = [(child, text) for child, text in texts if text]
        if len(parts) < MIN_CARD_PARTS:
            continue
        has_meta = link_line(parts[-1][1], "") is not None
        summary = parts[1:-1] if has_meta else parts[1:]
        if not any(_SENTENCE_MARK.search(text) or len(text) >= MIN_SUMMARY for _, text in summary):
            continue  # a rank and a title, a title and a date: a list entry, not a quoted article
        yield CardLink(anchor, tuple(child for child, _ in parts), tuple(child for child, _ in summary))


def link_line(meta: str, url: str) -> str | None:
    """The card's link line made of its last line ``meta`` (a publisher and a date), else None
    when that line is not one (a sentence, or too long): then the link line is the URL alone."""
    if len(meta) > MAX_CARD_META or SENTENCE_END.search(meta):
        return None
    return f"{CARD_ARROW} {meta} {url}"


def date_field(element: Tag) -> str | None:
    """The text of an inline ``element`` that is a labelled date field, or None: its text is a date
    after its own label ('公開日:2025/11/19', '更新日 2025.11.19') and it follows a sibling element
    (the title's <span>). A bare date beside a publisher's name is the card's meta line."""
    if not _follows_element(element) or not _short(element):
        return None
    text = element.get_text(" ", strip=True)
    prefix = date_prefix(text)
    return text if prefix is not None and _DATE_LABEL.fullmatch(prefix) and line_date(text) is not None else None


def starts_date_line(field_text: str, line_so_far: str) -> bool:
    """Whether a date field starts its own line: joined to ``line_so_far`` (the current line's
    text) the line would be no date line any more; a label before the date ('<span>掲載日</span>
    2025年…') stays on the date's line."""
    return bool(line_so_far) and line_date(f"{line_so_far} {field_text}") is None


def _follows_element(element: Tag) -> bool:
    """Whether the sibling right before ``element`` (blank text and comments aside) is an element."""
    sibling = element.previous_sibling
    while isinstance(sibling, NavigableString) and (isinstance(sibling, PreformattedString) or not sibling.strip()):
        sibling = sibling.previous_sibling
    return isinstance(sibling, Tag)


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
