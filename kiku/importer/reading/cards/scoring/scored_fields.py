"""A whole card printed as (label, value) pairs of elements — the rows of a table of labelled fields, a row of
cells under a header row — read by the card scorer (``grammar.cards.fields``), whatever the labels say:

    <tr><th>記事</th><td>title</td></tr> <tr><th>媒体</th><td>NHK</td></tr> <tr><th>日付</th><td>2025.07.01</td></tr>
    <tr><th>要約</th><td>a sentence。</td></tr> <tr><th>URL</th><td><a href="https://…">https://…</a></td></tr>

One value holds the card's one web link: its URL printed, a link label, or the linked headline (a whole line of
the value: '<a>headline</a><br>summary。'); the others no link. A value that only marks itself empty ('－') is
no field. The scorer reads each value's lines (one per <br>): a title, a publisher, a date, sentences the
summary. A field printing a date without its year ('8/22(金)') is read in the year of the newest date the page
mentions, as a text card's is (``dates.month_day_line_date``), and written with that year. A caption over
the fields is a candidate title as any line is. The labels, the emptied values and
the values the scorer leaves unread are reported as read into the card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import Tag

from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.grammar.cards.name_labels import SOURCE_LABEL_SHAPE, SOURCE_LABEL_WORDS
from kiku.importer.grammar.lines.dates import with_year_written
from kiku.importer.reading.cards.scoring.scored_card import scored_card_lines
from kiku.importer.reading.cards.text.labelled_fields import WEB, LabelledCard, field_text, value_lines
from kiku.importer.reading.html.lines.links import is_link_label

# A label naming where the article came from: the source label words, a noun and 元/源 ('発行元', '配信元'),
# or a noun and 者/社 (who published it: '発行者', '提供社').
_SOURCE_LABEL = re.compile(rf"(?:{'|'.join(SOURCE_LABEL_WORDS)}|{SOURCE_LABEL_SHAPE}|[\u4e00-\u9fff]{{1,3}}[者社])",
                           re.IGNORECASE)
# A field left empty by a template that prints a dash in its place.
_EMPTY_MARK = re.compile(r"\s*[-－—―‐–ー]{1,3}\s*")


@dataclass
class _Lines:
    lines: list[CardLine] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    # The element printing each line (None: the caption, the link's address).
    cells: list[Tag | None] = field(default_factory=list)
    link: tuple[str, int] | None = None
    emptied: list[Tag] = field(default_factory=list)
    page_texts: tuple[str, ...] = ()

    def add(self, line: CardLine, number: int, cell: Tag | None) -> None:
        self.lines.append(line)
        self.numbers.append(number)
        self.cells.append(cell)


def scored_fields_card(fields: list[tuple[Tag | None, Tag]], *, has_summary_after: bool, like_a_card: bool = False,
                       caption: tuple[str, int] | None = None, dated_untitled: bool = False,
                       page_texts: tuple[str, ...] = ()) -> LabelledCard | None:
    """The card the (label, value) ``fields`` print, else None. A card has a summary (sentences, or a list right
    after the fields: ``has_summary_after``) or a date, unless the page prints its cards in fields labelled alike
    (``like_a_card``); a card of a template that labels its columns (``dated_untitled``) may be a name and a date
    alone. ``page_texts`` give the year of a field's year-less date."""
    read = _Lines(page_texts=page_texts)
    if caption is not None:
        read.add(CardLine(caption[0], caption=True), caption[1], None)
    for label, value in fields:
        sourced = label is not None and _SOURCE_LABEL.fullmatch(label.get_text(strip=True).strip(" :：")) is not None
        if not _read_value(value, read, sourced=sourced):
            return None
    if read.link is None:
        return None
    reading = read_card(read.lines)
    if not (reading.summary or has_summary_after or like_a_card or reading.date):
        return None  # no summary and no date: a table of facts with a web link, not a card
    card = scored_card_lines(reading, read.lines, read.numbers, (), *read.link, labelled=True,
                             untitled=dated_untitled, in_page_order=dated_untitled)
    if card is None:
        return None
    unread = dict.fromkeys(cell for item in card.unread if (cell := read.cells[item.line]) is not None)
    labels = (*(label for label, _ in fields if label is not None), *read.emptied, *unread)
    if reading.summary:
        # Its summary is one of its fields: a list after the card is the page's own.
        return LabelledCard(card.lines, None, labels)
    return LabelledCard(card.lines[:-1], card.lines[-1], labels)


def _read_value(value: Tag, read: _Lines, *, sourced: bool) -> bool:
    """Read one value into ``read``; False when it is no card's field (a second link, text around a link)."""
    number = value.sourceline or 0
    text = field_text(value)
    anchors = value.find_all("a", href=True)
    if not anchors:
        if read.link is not None and text == read.link[0]:
            return True  # the link's address printed in a field of its own, beside the linked headline
        if _EMPTY_MARK.fullmatch(text):
            read.emptied.append(value)
        else:
            for line in value_lines(value):
                if read.link is None or line != read.link[0]:  # not the link's address printed again under it
                    read.add(CardLine(_with_year(line, read.page_texts), value=True, source=sourced), number, value)
        return True
    targets = {str(anchor["href"]).strip() for anchor in anchors}
    href = next(iter(targets))
    if read.link is not None or len(targets) != 1 or not WEB.match(href):
        return False
    read.link = (href, number)
    shown = {anchor.get_text(" ", strip=True) for anchor in anchors}
    if text == href or is_link_label(text):
        read.add(CardLine(href), number, None)
        return True
    lines = value_lines(value)
    if len(shown) != 1 or next(iter(shown)) not in lines:
        return False  # a field of text around its link: not the card's link
    for line in lines:
        read.add(CardLine(line, linked=line in shown, value=line not in shown), number, value)
    read.add(CardLine(href), number, None)
    return True



def _with_year(line: str, page_texts: tuple[str, ...]) -> str:
    """A field's year-less date with its year written in ('8/22(金)' → '2025/8/22(金)'), as the page's dates say."""
    return with_year_written(line, list(page_texts)) if page_texts else line
