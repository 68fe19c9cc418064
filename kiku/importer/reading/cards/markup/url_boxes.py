"""A source card whose link names no headline (it prints its URL), recognised by
the shapes of the box's other lines, whatever its tags and their order:

    <details><summary>参照</summary>
      <p><a href="https://…">https://…</a><br><em>publisher</em> · 2025-10-07</p>
      <p><strong>headline</strong></p> <ul><li>summary。</li></ul> </details>
    <tr><td>publisher</td><td>2025/01/22</td><td>headline</td><td>summary。</td><td><a href="https://…">https://…</a></td></tr>

The box's lines are read by the card scorer (``grammar.cards.fields``): one title, one publisher, one
date, sentences the summary, in any order. A label ('参照', '出典', 'Source') and a field left unread (a
category word, a second name) are never a field's value: they are reported as read into the card. The card is written
as a text dump prints it: the title, the summary bullets, '→ publisher date URL'. A box that also
prints a link line of its own to the same address ('≫続きを読む　publisher　https://…') is read as the text
layout reads a card, the line printing the address alone left out (it repeats the link line).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from bs4 import Tag

from kiku.importer.grammar.cards.fields.features import is_bracketed_label
from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.reading.cards.markup.field_lists import FieldCard
from kiku.importer.reading.cards.scoring.scored_card import scored_card_lines

_URL_STARTS = ("http://", "https://")
_FIELD_LABELS = ("th", "dt")
_ELLIPSIS = "….・"


class BoxLine(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def number(self) -> int: ...
    @property
    def linked(self) -> bool: ...


def prints_url(anchor: Tag, href: str) -> bool:
    """The link prints its own web address (perhaps shortened: 'https://…/articles/…'), not a headline
    nor a label (a redirect printing the address it leads to is read by the text layout)."""
    text = "".join(anchor.get_text().split()).rstrip(_ELLIPSIS)
    return text.startswith(_URL_STARTS) and href.startswith(text)


def url_box_card(box: Tag, lines: Sequence[BoxLine], href: str, anchor: Tag) -> FieldCard | None:
    """The card the box prints around a link that names no headline, else None."""
    if box.find(_FIELD_LABELS) is not None:
        return None  # labelled fields: their labels tell the fields apart (``tables``, ``field_lists``)
    shown = " ".join(anchor.get_text().split())
    url_at = anchor.sourceline or 0
    rest: list[CardLine] = []
    numbers: list[int] = []
    link_labels: list[str] = []
    clip_notes: list[Tag] = []
    for line in lines:
        if line.linked:
            beside = line.text.replace(shown, " ").strip()
            if beside and is_bracketed_label(beside):
                link_labels.append(beside)  # '〔参照〕https://…': the link line's label
                beside = ""
            elif beside and _FROM_PHRASE.fullmatch(beside) and line is lines[-1] \
                    and (noted := element_holding(box, line.text)) is not None:
                clip_notes.append(noted)  # 'Pasted from <https://…>' closing the box: where its text came from
                beside = ""
            if beside:
                # a link line with the source beside the link, which the text layout reads (a line above
                # that only prints the address repeats it)
                alone = any(other.linked and other.text.strip() == shown for other in lines)
                return repeated_link_card(box, lines, anchor) if alone else None
            url_at = line.number or url_at
        elif "".join(line.text.split()) == "".join(href.split()):
            continue  # the link's address printed again (a bookmark's footer)
        elif any(start in line.text for start in _URL_STARTS):
            # another printed address: a link line the text layout reads; the same address printed in it,
            # the link above only repeats it, and the box's other lines are read as the text layout reads them
            return repeated_link_card(box, lines, anchor) if "".join(href.split()) in "".join(line.text.split()) \
                else None
        else:
            rest.append(CardLine(line.text))
            numbers.append(line.number)
    if not rest:
        return None
    reading = read_card(rest)
    if any(field.features.url for field in reading.remarks):
        return None
    card = scored_card_lines(reading, rest, numbers, link_labels, href, url_at)
    if card is None:
        return None  # a link with a name and a sentence: a list of facts, not a card
    labels = [element_printing(box, field.as_printed) for field in card.unread]
    if any(label is None for label in labels):
        return None
    heads = column_heads(box)
    return FieldCard(box, card.lines, (*(label for label in labels if label is not None), *heads, *clip_notes))


# A clipping tool's note of where the box's text came from, the address perhaps bracketed after it: a past
# participle and 'from' ('Pasted from <…>', 'Clipped from: …').
_FROM_PHRASE = re.compile(r"[A-Za-z]{2,12}ed\s+from\s*[:：]?\s*(?:<\s*>|[(（]\s*[)）])?")


def repeated_link_card(box: Tag, lines: Sequence[BoxLine], anchor: Tag) -> FieldCard:
    """The box's lines without the link that prints the address its link line links or prints again
    ('≫続きを読む　publisher　https://…'): they are read as the text layout reads a card's lines."""
    shown = "".join(anchor.get_text().split())
    kept = tuple((line.text, line.number) for line in lines if "".join(line.text.split()) != shown)
    return FieldCard(box, kept, (anchor,))


def column_heads(row: Tag) -> tuple[Tag, ...]:
    """The cells of the header row over a card that is a table's row: they name its fields, and are read
    into it; a table's other rows are cards of their own, not labels."""
    table = row.find_parent("table")
    if row.name != "tr" or table is None:
        return ()
    first = table.find("tr")
    if first is None or first is row:
        return ()
    cells = first.find_all(True, recursive=False)
    return tuple(cells) if cells and all(cell.name == "th" for cell in cells) else ()


def element_printing(box: Tag, text: str) -> Tag | None:
    """The innermost element of the box whose whole text is ``text``."""
    squeezed = "".join(text.split())
    found: Tag | None = None
    for element in box.find_all(True):
        if "".join(element.get_text().split()) == squeezed:
            found = element
    return found


def element_holding(box: Tag, text: str) -> Tag | None:
    """The innermost element of the box whose text holds ``text`` (a mark printed inline before a headline)."""
    squeezed = "".join(text.split())
    found: Tag | None = None
    for element in box.find_all(True):
        if squeezed in "".join(element.get_text().split()):
            found = element
    return found
