"""A card read by the card scorer (``grammar.cards.fields``), written as a text dump prints a card.

Every front end that knows a card's box but not which of its lines is which field (a URL box, a run of
labelled text lines) hands the lines to the scorer and writes its reading back the same way: the title,
the summary bullets, '→ publisher date URL'. A reading with no title nor date, with neither title nor
summary, or with more than one field left unread (a table of facts with a web link) is no card.

The fields the written lines do not print as the page does — a label, a remark left unread (a category word,
a caption), a value read without its brackets — are handed back with the lines: every reader reports them,
none is dropped silently. A sponsor's mark of a card naming no publisher stands on its link line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiku.importer.grammar.cards.card_meta import card_date
from kiku.importer.grammar.cards.fields.reading import CardLine, CardReading, Field
from kiku.importer.reading.cards.markup.card_links import CARD_ARROW
from kiku.importer.reading.cards.text.labelled_fields import bullet
from kiku.importer.reading.html.lines.links import is_card_meta

# A card's fields are its title, source and summary; a label or a category word may stand beside them.
MAX_UNREAD = 1


@dataclass(frozen=True, slots=True)
class ScoredCard:
    """A card's lines as a text dump prints them (text, line in the file), and the fields they do not print as
    the page does, which the reader reports as read into the card."""

    lines: tuple[tuple[str, int], ...]
    unread: tuple[Field, ...]


def scored_card_lines(reading: CardReading, lines: Sequence[CardLine], numbers: Sequence[int],
                      link_labels: Sequence[str], href: str, url_at: int, *,
                      labelled: bool = False, untitled: bool = False, in_page_order: bool = False) -> ScoredCard | None:
    """The card's lines and its unread fields, else None (see the module). Fields under labels of their own
    (``labelled``) are a card with a publisher alone as well: the labels say the box is one; a template that labels
    its fields (``untitled``) prints a card of a name and a date alone. The source is written names first, or as the
    page orders it (``in_page_order``: a row of fields side by side)."""
    if not (reading.title or reading.published or (labelled and reading.publisher)) \
            or not (reading.title or reading.summary or (untitled and reading.publisher and reading.published)) \
            or len(reading.remarks) > MAX_UNREAD:
        return None
    meta = source_text(reading, lines, in_page_order=in_page_order)
    if meta and not is_card_meta(meta):
        return None
    title = [(_title_text(reading, lines), numbers[reading.title.line])] if reading.title else []
    summary = [(bullet(field.text), numbers[field.line]) for field in reading.summary]
    mark = sponsor_mark(reading)
    # A date printed without its year ('中部スポーツ　9月19日') is no link line's: the page's date gives it its year,
    # read on a card's date line, which a text dump prints over the card's title.
    source = reading.date or reading.publisher
    dated_apart = [(meta, numbers[source.line])] if source is not None \
        and (dated := card_date(meta)) is not None and dated.month_day is not None and dated.date is None else []
    link = " ".join(part for part in (CARD_ARROW, *link_labels, mark.text if mark else "",
                                      "" if dated_apart else meta, href) if part)
    written = (*dated_apart, *title, *summary, (link, url_at))
    # The mark is read into the link line; printed otherwise ('〔PR〕' → 'PR'), it is reported as well.
    return ScoredCard(written, tuple(field for field in _unread(reading, lines, [text for text, _ in written])
                                     if field is not mark or field.as_printed != field.text))


def sponsor_mark(reading: CardReading) -> Field | None:
    """A sponsor's mark printed apart from the title ('PR', '広告') of a card that names no publisher: it stands
    on the link line in the publisher's place ('→ PR https://…'), as a text dump prints an ad's card."""
    if reading.publisher is not None:
        return None
    return next((label for label in reading.labels if label.features.sponsor
                 and (reading.title is None or label.line != reading.title.line)), None)


def _unread(reading: CardReading, lines: Sequence[CardLine], written: Sequence[str]) -> tuple[Field, ...]:
    """The fields of the card that no written line prints as the page does: those the reading took as no value
    (labels, remarks) and the values it read otherwise than printed, unless their whole line is written."""
    values = {id(field) for field in (reading.url, reading.title, reading.publisher, reading.date, *reading.summary)
              if field is not None}
    whole = {index for index, line in enumerate(lines)
             if line.text.strip() and any(line.text.strip() in text for text in written)}
    return tuple(field for field in reading.fields if field.line not in whole
                 and (id(field) not in values or field.as_printed != field.text))


def _title_text(reading: CardReading, lines: Sequence[CardLine]) -> str:
    """The title, as its line prints it when a sponsor's mark alone stands beside it ('【PR】…'): the mark tells
    the card is an ad."""
    assert reading.title is not None
    title = reading.title
    others = [field for field in reading.fields if field.line == title.line and field is not title]
    if others and all(field.features.sponsor for field in others):
        return lines[title.line].text.strip()
    return title.text


def source_text(reading: CardReading, lines: Sequence[CardLine], *, in_page_order: bool = False) -> str:
    """The publisher and the date as the link line prints them: a line as printed when they, and labels, alone
    fill it ('publisher ／ 2025/06/17', '協賛：publisher' — a value's own label says what the name is) as the page
    prints them, else each field's text, joined."""
    source = [field for field in (reading.publisher, reading.date) if field is not None]
    if in_page_order:
        source.sort(key=lambda field: field.order)
    texts: list[str] = []
    for line in dict.fromkeys(field.line for field in source):
        others = [field for field in reading.fields if field.line == line and field not in source]
        if all(field.features.label for field in others) \
                and all(field.as_printed == field.text for field in source if field.line == line):
            texts.append(lines[line].text.strip())
        else:
            texts.extend(field.text for field in source if field.line == line)
    return " ".join(texts)
