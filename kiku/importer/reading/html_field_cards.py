"""A card's source printed as a list of labelled fields at the card's end:

    <aside> title · <ul> summary </ul>
      <dl><dt>出典</dt><dd>NHK</dd><dt>配信</dt><dd>2025年5月7日</dd><dt>URL</dt><dd><a href="…">…</a></dd></dl>
    </aside>

A text dump prints a card's source on its link line (publisher, date, URL). A field list is one
when its terms are all short labels, one field holds nothing but a web link (its URL or a link
label as the text) and the others are short and no sentence (a name, a date), and it closes a
card: its box holds summary lines before it and little else. It is written as the link line of a
card built from markup (``html_cards.link_line``): '→ NHK 2025年5月7日 https://…', its labels
reported as read into that line. What the labels say does not matter, where the link stands does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from kiku.importer.reading.html_cards import CARD_ARROW, link_line
from kiku.importer.reading.html_labels import is_field_label
from kiku.importer.reading.html_links import is_card_meta, is_link_label

FIELD_LABEL_RULE = "card-field-label"
# A card's source fields: a name, a date, the link (and perhaps a category or an author).
MIN_FIELDS = 2
MAX_FIELDS = 6
# A card's box holds its title, its summary and its source: a box of more children is a page's text.
MAX_CARD_CHILDREN = 8
_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。．！？!?]\s*$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FieldCard:
    """A field list read as a card's link line: the list, the line written for it, its labels."""

    fields: Tag
    line: str
    labels: tuple[Tag, ...]


def field_cards(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[FieldCard]:
    """Each field list in the page that closes a card, with the link line it reads as."""
    for fields in soup.find_all("dl"):
        if id(fields) in dropped or not _closes_a_card(fields):
            continue
        card = _field_card(fields)
        if card is not None:
            yield card


def _field_card(fields: Tag) -> FieldCard | None:
    children = fields.find_all(True, recursive=False)
    terms = children[0::2]
    values = children[1::2]
    if not MIN_FIELDS <= len(values) <= MAX_FIELDS or len(terms) != len(values) \
            or any(term.name != "dt" or not is_field_label(term) for term in terms) \
            or any(value.name != "dd" for value in values):
        return None
    url: str | None = None
    meta: list[str] = []
    for value in values:
        text = _SPACES.sub(" ", value.get_text(" ", strip=True)).strip()
        links = [str(anchor["href"]).strip() for anchor in value.find_all("a", href=True)]
        if links:
            if url is not None or len(set(links)) != 1 or not _WEB.match(links[0]) \
                    or not (text == links[0] or is_link_label(text)):
                return None  # a second link, or a field of text around its link: not a card's source
            url = links[0]
        elif text:
            if _SENTENCE_END.search(text):
                return None
            meta.append(text)
    joined = " ".join(meta)
    if url is None or not is_card_meta(joined):
        return None
    line = (link_line(joined, url) if joined else None) or f"{CARD_ARROW} {url}"
    return FieldCard(fields, line, tuple(terms))


def _closes_a_card(fields: Tag) -> bool:
    """Whether the field list stands in a small box after the card's summary (list items or a sentence)."""
    box = fields.parent
    if box is None or len(box.find_all(True, recursive=False, limit=MAX_CARD_CHILDREN + 1)) > MAX_CARD_CHILDREN:
        return False
    for before in fields.find_previous_siblings(True):
        if before.find("li") is not None or before.name == "li" \
                or _SENTENCE_END.search(before.get_text(strip=True)):
            return True
    return False
