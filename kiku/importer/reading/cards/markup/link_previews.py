"""A link preview read as a card: its header names the source, the rest is the card's title and summary.

    <aside><header><img class="site-icon"> 参照元｜<a href="https://…">publisher</a></header>
      <h3><a href="https://…">headline</a></h3><p>summary。</p><p>2025/06/20</p>
      <p><a href="https://…">https://…</a></p></aside>

A preview (``chrome.previews``) prints the source first: its site's name, linked to the page, in a header
of its own (a <header> element, or after the site's icon). A chrome rule may take that header for the page's
(its header, a speaker's name): inside a preview it is the card's. The lines after it are read by the card
scorer (``grammar.cards.fields``) and written as a text dump prints a card: the headline, the summary as
bullets, then '→ publisher date URL', the publisher the header's name unless the lines name one. The printed
URL, a read-more link and the header's label are reported as read into the card.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.reading.cards.markup.card_links import CARD_ARROW
from kiku.importer.reading.cards.markup.field_lists import FieldCard
from kiku.importer.reading.cards.markup.link_boxes import MAX_SOURCE, box_lines
from kiku.importer.reading.cards.markup.url_boxes import element_holding, element_printing, prints_url
from kiku.importer.reading.cards.scoring.scored_card import scored_card_lines
from kiku.importer.reading.html.chrome.previews import previewed_url
from kiku.importer.reading.html.chrome.shapes.elements import is_unsafe_link
from kiku.importer.reading.html.lines.links import SENTENCE_END, is_link_label

# What stands between a header's label and the source's name ('参照元｜name', 'via: name').
_SEPARATORS = " \u3000|｜:：/・-–—"


@dataclass(frozen=True, slots=True)
class PreviewCard:
    """A preview read as a card, and the elements of its header, read into the card whatever rule dropped them."""

    card: FieldCard
    header: tuple[Tag, ...]


def link_preview_cards(soup: BeautifulSoup, dropped: dict[int, str], claimed: Collection[int]) -> Iterator[PreviewCard]:
    """Each link preview in the page (the outermost box read as one) read as a card; boxes in ``claimed`` (read as
    cards already) or dropped are passed over."""
    found: list[Tag] = []
    for box in soup.find_all(True):
        if id(box) in dropped or id(box) in claimed or any(id(parent) in dropped or parent in found
                                                           for parent in box.parents):
            continue
        href = previewed_url(box)
        if href is None or is_unsafe_link(href):
            continue
        preview = _preview_card(box, href, dropped)
        if preview is not None:
            found.append(box)
            yield preview


def _preview_card(box: Tag, href: str, dropped: dict[int, str]) -> PreviewCard | None:
    anchors = [anchor for anchor in box.find_all("a", href=True) if str(anchor["href"]).strip() == href]
    printed = [anchor for anchor in anchors if prints_url(anchor, href)]
    labels = [anchor for anchor in anchors if is_link_label(anchor.get_text(" ", strip=True))]
    named = [anchor for anchor in anchors if anchor not in printed and anchor not in labels]
    if not named:
        return None
    header = tuple(parent for parent in (named[0], *named[0].parents) if parent is not box
                   and box in parent.parents)
    kept = {id(part) for part in header}
    lines = [line for line in box_lines(box, href, {key: rule for key, rule in dropped.items() if key not in kept})
             if "".join(line.text.split()) != "".join(href.split())]
    if len(lines) < 2 or not lines[0].linked or not _heads(box, named[0], lines[0].text):
        return None
    publisher = " ".join(named[0].get_text().split())
    rest = lines[1:]
    card_lines = [CardLine(line.text, linked=line.linked) for line in rest]
    reading = read_card(card_lines)
    card = scored_card_lines(reading, card_lines, [line.number for line in rest], (), href, rest[-1].number,
                             in_page_order=True)
    if card is None:
        return None
    written = list(card.lines)
    link_text, link_at = written[-1]
    if reading.publisher is None:
        written[-1] = (f"{CARD_ARROW} {publisher}{link_text[len(CARD_ARROW):]}", link_at)
    label = lines[0].text.replace(publisher, " ").strip(_SEPARATORS)
    unread = [field.as_printed for field in card.unread] + ([label] if label else [])
    return PreviewCard(FieldCard(box, tuple(written), (*printed, *labels, *_elements(box, unread))), header)


def _heads(box: Tag, name_link: Tag, first_line: str) -> bool:
    """The box's first line is its header naming the source: a short name, not a sentence, set apart as one (in a
    <header> element, or after the site's icon). A box whose first line is a linked headline is a card of
    another shape (``link_boxes``)."""
    name = " ".join(name_link.get_text().split())
    if not name or len(name) > MAX_SOURCE or SENTENCE_END.search(name) or name not in first_line:
        return False
    icon = box.find("img")
    return name_link.find_parent("header") is not None or (icon is not None and icon.find_next("a") is name_link)


def _elements(box: Tag, texts: Sequence[str]) -> list[Tag]:
    return [element for text in texts if (element := element_printing(box, text) or element_holding(box, text))
            is not None]
