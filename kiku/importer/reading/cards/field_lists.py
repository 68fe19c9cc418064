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

A field list may head the card instead, the link a label further down its box:

    <aside> <dl><dt>記事</dt><dd>title</dd><dt>日付</dt><dd>2025.05.07</dd><dt>媒体</dt><dd>NHK</dd></dl>
      <ul> summary </ul> <p><a href="…">続きを読む »</a></p> </aside>

Then its longest field is the card's title and the others its meta line, written as a text dump
prints them: the title alone, then the names and the dates ('NHK 2025.05.07'), which the link
label below takes onto its line (``html_sink``). The labels are reported as read into those lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from kiku.importer.grammar.dates import find_date
from kiku.importer.reading.cards.field_list_cards import value_text, whole_card
from kiku.importer.reading.cards.markup import CARD_ARROW, link_line
from kiku.importer.reading.html.lines.labels import is_field_label
from kiku.importer.reading.html.lines.links import is_card_meta, is_link_label

FIELD_LABEL_RULE = "card-field-label"
# A card's source fields: a name, a date, the link (and perhaps a category or an author).
MIN_FIELDS = 2
MAX_FIELDS = 6
# A card's box holds its title, its summary and its source: a box of more children is a page's text.
MAX_CARD_CHILDREN = 8
_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。．！？!?]\s*$")
_INNER_SENTENCE_END = re.compile(r"[。．](?=.)")
_SPACES = re.compile(r"\s+")
# Spaces as HTML collapses them; an ideographic space is the text's own.


@dataclass(frozen=True, slots=True)
class FieldCard:
    """A field list read as a card's link line: the list, the line written for it, its labels."""

    fields: Tag
    # Each line written for the list, with its line in the file.
    lines: tuple[tuple[str, int], ...]
    labels: tuple[Tag, ...]
    # The link line of a whole card of labelled fields, written after the summary list printed
    # right after it, if any, else after its lines (``cards.labelled``).
    link: tuple[str, int] | None = None


def field_cards(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[FieldCard]:
    """Each field list in the page that closes a card, with the link line it reads as, that heads
    one, with the title and meta lines it reads as, or that is one whole (``field_list_cards``)."""
    for fields in soup.find_all("dl"):
        if id(fields) in dropped:
            continue
        card = _field_card(fields) if _closes_a_card(fields) else _field_head(fields) if _heads_a_card(fields) else None
        whole = whole_card(fields, dropped) if card is None else None
        if whole is not None:
            card = FieldCard(fields, whole.lines, whole.terms)
        if card is not None:
            yield card


def _labelled_values(fields: Tag) -> tuple[list[Tag], list[Tag]] | None:
    """The terms and values of a list of labelled fields, else None."""
    children = fields.find_all(True, recursive=False)
    terms = children[0::2]
    values = children[1::2]
    if not MIN_FIELDS <= len(values) <= MAX_FIELDS or len(terms) != len(values) \
            or any(term.name != "dt" or not is_field_label(term) for term in terms) \
            or any(value.name != "dd" for value in values):
        return None
    return terms, values


# A card's title is a headline: at least this long, longer than any meta field.
MIN_HEAD_TITLE = 8
MAX_HEAD_TITLE = 100
MAX_META_FIELD = 30


@dataclass(frozen=True, slots=True)
class CardHead:
    """A card's head read from its labelled fields: the headline field and the meta line."""

    title_index: int
    title: str
    # The short fields besides the headline, names before dates ('NHK 2025.05.07'), as a text
    # dump prints them: a date first reads as the date's label.
    meta: str


def card_head(texts: list[str], title_end: re.Pattern[str]) -> CardHead | None:
    """The head of a card whose fields read ``texts``: one headline (the longest field, with no
    ``title_end`` in it) and short fields besides it that are no sentence (a name, a date), else None."""
    title_index = max(range(len(texts)), key=lambda index: len(texts[index]))
    title = texts[title_index]
    meta = [text for index, text in enumerate(texts) if index != title_index and text]
    if not MIN_HEAD_TITLE <= len(title) <= MAX_HEAD_TITLE or title_end.search(title) \
            or any(len(text) > MAX_META_FIELD or _SENTENCE_END.search(text) or len(text) >= len(title)
                   for text in meta):
        return None
    joined = " ".join([text for text in meta if find_date(text) is None] + [text for text in meta if find_date(text)])
    return CardHead(title_index, title, joined) if is_card_meta(joined) else None


def _field_head(fields: Tag) -> FieldCard | None:
    """The title and meta lines of a field list heading a card: no link in it, and a card's head."""
    labelled = _labelled_values(fields)
    if labelled is None or fields.find("a") is not None:
        return None
    terms, values = labelled
    head = card_head([value_text(value) for value in values], _INNER_SENTENCE_END)
    if head is None:
        return None
    title_line = (head.title, values[head.title_index].sourceline or 0)
    meta_at = min(value.sourceline or 0 for index, value in enumerate(values) if index != head.title_index)
    meta_line = (head.meta, meta_at)
    return FieldCard(fields, (title_line, meta_line) if head.meta else (title_line,), tuple(terms))


def _heads_a_card(fields: Tag) -> bool:
    """Whether the field list opens a small box that goes on with summary lines and ends in a link
    that only labels itself ('続きを読む »'): a card's head."""
    box = fields.parent
    if box is None or len(box.find_all(True, recursive=False, limit=MAX_CARD_CHILDREN + 1)) > MAX_CARD_CHILDREN:
        return False
    if any(before.get_text(strip=True) for before in fields.find_previous_siblings(True)):
        return False
    after = fields.find_next_siblings(True)
    summary = any(sibling.find("li") is not None or sibling.name == "li" for sibling in after)
    links = [anchor for sibling in after for anchor in sibling.find_all("a", href=True)]
    return summary and len(links) == 1 and _WEB.match(str(links[0]["href"])) is not None \
        and is_link_label(links[0].get_text(" ", strip=True))


def _field_card(fields: Tag) -> FieldCard | None:
    labelled = _labelled_values(fields)
    if labelled is None:
        return None
    terms, values = labelled
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
    return FieldCard(fields, ((line, fields.sourceline or 0),), tuple(terms))


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
