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

A field list may also print a whole card, its title, summary and source each a field:

    <dl><dt>タイトル</dt><dd>title</dd><dt>発信元</dt><dd>NHK</dd><dt>日付</dt><dd>R7.4.1</dd>
        <dt>概要</dt><dd>summary sentence。</dd><dt>リンク</dt><dd><a href="…">https://…</a></dd></dl>

A term may stand over several values (``<dt>要約</dt><dd>✅ …</dd><dd>✅ …</dd>``, ``<dt>出典</dt><dd>NHK</dd>
<dd><a href="…">…</a></dd>``), and a value may have lost its term (a sponsor label dropped before it).
Each value is read by its shape, whatever its label says (the card scorer, ``grammar.cards.fields``):

- the list's one web link: its text is its URL, a link label ('続きを読む') or the card's headline
  (a name linking to a site's front page is the publisher's);
- a sentence, or a line led by a bullet mark: a summary line;
- a short name or a date, no sentence: the source (publisher, date);
- a headline, no sentence and more than a name (punctuated or longer): the card's title (at most one).

It is written as a text dump prints a card: the title, the summary lines (each a bullet) and the link
line ('→ NHK 2025/04/01 https://…', names before dates), its labels reported as read into them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.reading.cards.markup.card_links import CARD_ARROW, link_line
from kiku.importer.reading.cards.scoring.scored_card import scored_card_lines
from kiku.importer.reading.cards.text.labelled_fields import (
    COLLAPSIBLE,
    MAX_TITLE,
    MIN_TITLE,
    SENTENCE_END,
    WEB,
    card_head,
    is_label,
    is_name,
    summary_after,
    value_text,
)
from kiku.importer.reading.html.lines.labels import is_field_label
from kiku.importer.reading.html.lines.links import is_card_meta, is_link_label

FIELD_LABEL_RULE = "card-field-label"
# A card's source fields: a name, a date, the link (and perhaps a category or an author).
MIN_FIELDS = 2
MAX_FIELDS = 6
# A card's box holds its title, its summary and its source: a box of more children is a page's text.
MAX_CARD_CHILDREN = 8
# A whole card's fields: its title, a few summary lines and its source; a longer list is a page's data.
MIN_TERMS = 2
MAX_VALUES = 16
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
    # right after it, if any, else after its lines (``link_placed``).
    link: tuple[str, int] | None = None


def field_cards(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[FieldCard]:
    """Each field list in the page that closes a card, with the link line it reads as, that heads
    one, with the title and meta lines it reads as, or that is one whole (``whole_card``)."""
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
    return summary and len(links) == 1 and WEB.match(str(links[0]["href"])) is not None \
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
            if url is not None or len(set(links)) != 1 or not WEB.match(links[0]) \
                    or not (text == links[0] or is_link_label(text)):
                return None  # a second link, or a field of text around its link: not a card's source
            url = links[0]
        elif text:
            if SENTENCE_END.search(text):
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
                or SENTENCE_END.search(before.get_text(strip=True)):
            return True
    return False


@dataclass(frozen=True, slots=True)
class WholeCard:
    """A field list read as a whole card: its lines (text, line in the file), and its terms and the values its
    lines do not print as the page does (a remark, a value read without its brackets), reported as read into it."""

    lines: tuple[tuple[str, int], ...]
    terms: tuple[Tag, ...]


def whole_card(fields: Tag, dropped: dict[int, str]) -> WholeCard | None:
    """The card a field list prints whole, its values read by the card scorer, else None."""
    children = [child for child in _groups_opened(fields) if id(child) not in dropped]
    terms = [child for child in children if child.name == "dt"]
    values = [child for child in children if child.name == "dd"]
    if len(terms) + len(values) != len(children) or len(terms) < MIN_TERMS or not 0 < len(values) <= MAX_VALUES \
            or not all(_is_label(term) for term in terms):
        return None
    read = _Values()
    for value in values:
        if not _read_value(value, dropped, read):
            return None
    if read.link is None:
        return None
    card = scored_card_lines(read_card(read.lines), read.lines, read.numbers, (), *read.link, labelled=True)
    if card is None:
        return None
    unread = dict.fromkeys(read.values[field.line] for field in card.unread)
    return WholeCard(card.lines, (*terms, *unread))


@dataclass
class _Values:
    """A field list's values as card lines for the scorer (each with its value element), and its one web link
    (URL, line)."""

    lines: list[CardLine] = dataclasses.field(default_factory=list)
    numbers: list[int] = dataclasses.field(default_factory=list)
    values: list[Tag] = dataclasses.field(default_factory=list)
    link: tuple[str, int] | None = None

    def add(self, value: Tag, text: str, *, linked: bool = False) -> None:
        self.lines.append(CardLine(text, linked=linked, value=not linked))
        self.numbers.append(value.sourceline or 0)
        self.values.append(value)


def _groups_opened(fields: Tag) -> list[Tag]:
    """The list's terms and values, those grouped in a <div> each (as HTML allows) taken out of it."""
    children: list[Tag] = []
    for child in fields.find_all(True, recursive=False, limit=MAX_VALUES * 2 + 1):
        children.extend(child.find_all(True, recursive=False) if child.name == "div" else [child])
    return children


def _is_label(term: Tag) -> bool:
    return is_label(term.get_text(strip=True))


def _read_value(value: Tag, dropped: dict[int, str], read: _Values) -> bool:
    """Read one value into ``read``; False when it is no card's field (a second link, text around a link)."""
    number = value.sourceline or 0
    text = value_text(value)
    anchors = [anchor for anchor in value.find_all("a", href=True) if id(anchor) not in dropped]
    if not anchors:
        for line in _lines(value):
            read.add(value, line)
        return True
    href = str(anchors[0]["href"]).strip()
    label = COLLAPSIBLE.sub(" ", anchors[0].get_text(" ", strip=True)).strip()
    if len(anchors) == 1 and text == label and _names_its_site(label, href):
        read.add(value, label)  # the publisher, linked to its site's front page
        return True
    if read.link is not None or len(anchors) != 1 or not WEB.match(href) or label not in text:
        return False
    read.link = (href, number)
    if label != href and not is_link_label(label):
        if not MIN_TITLE <= len(label) <= MAX_TITLE or label != text:
            return False
        read.add(value, label, linked=True)
    read.add(value, href)  # the link, beside which a card prints its source
    # A name or a date beside the link ('<dd>NHK <a>続きを読む</a></dd>') is read as a field of its own.
    beside = text.replace(label, " ", 1).strip()
    if beside:
        if SENTENCE_END.search(beside) or (find_date(beside) is None and not is_name(beside)):
            return False
        read.add(value, beside)
    return True


def _lines(value: Tag) -> list[str]:
    """A value's lines: its text, or each line of it that a <br> ends (summary bullets in one field)."""
    if value.find("br") is None:
        return [text] if (text := value_text(value)) else []
    lines = [""]
    for node in value.descendants:
        if isinstance(node, Tag) and node.name == "br":
            lines.append("")
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            lines[-1] += str(node)
    return [text for line in lines if (text := COLLAPSIBLE.sub(" ", line).strip())]


def _names_its_site(label: str, href: str) -> bool:
    """A name (short, no sentence, no date) linking to a site's front page: a publisher, not the card's link."""
    parts = urlsplit(href)
    return WEB.match(href) is not None and parts.path in ("", "/") and not parts.query \
        and is_name(label) and find_date(label) is None \
        and not is_link_label(label) and not WEB.match(label)


def link_placed(card: FieldCard, links_after: dict[int, str]) -> FieldCard:
    """A whole card of labelled fields closes with its link line: after the summary list printed
    right after the fields when there is one (noted in ``links_after``), else after its own lines."""
    if card.link is None:
        return card
    summary = summary_after(card.fields)
    if summary is not None:
        links_after[id(summary)] = card.link[0]
        return dataclasses.replace(card, link=None)
    return dataclasses.replace(card, lines=(*card.lines, card.link), link=None)
