"""A source card whose link names no headline (it prints its URL), recognised by
the shapes of the box's other lines, whatever its tags and their order:

    <details><summary>参照</summary>
      <p><a href="https://…">https://…</a><br><em>publisher</em> · 2025-10-07</p>
      <p><strong>headline</strong></p> <ul><li>summary。</li></ul> </details>
    <tr><td>publisher</td><td>2025/01/22</td><td>headline</td><td>summary。</td><td><a href="https://…">https://…</a></td></tr>

Each line is read by its shape (``labelled_fields.read_field_text``): a short line giving a date is the
source ('publisher · 2025-10-07' whole), a name is the publisher, a headline the title, sentences the
summary. A word or two standing alone (no date, no punctuation) where the source is printed beside
its date already, or above the rest as the box's first line, is a label naming the box ('参照',
'出典', 'Source'), never the publisher: it is reported as read into the card. The card is written
as a text dump prints it: the title, the summary bullets, '→ publisher date URL'. A box that also
prints a link line of its own to the same address ('≫続きを読む　publisher　https://…') is read as the text
layout reads a card, the line printing the address alone left out (it repeats the link line).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bs4 import Tag

from kiku.importer.grammar.dates import find_date
from kiku.importer.reading.cards.field_lists import FieldCard
from kiku.importer.reading.cards.labelled_fields import (
    MAX_NAME,
    MIN_TITLE,
    CardFields,
    bullet,
    is_label,
    read_field_text,
)
from kiku.importer.reading.html.lines.links import SENTENCE_END

# A source line: a name and a date, short, no sentence ('Python Software Foundation · 2025-10-07').
MAX_SOURCE = 40
_URL_STARTS = ("http://", "https://")
MIN_SENTENCE_WORDS = 4
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
    reading = CardFields(url=href, url_at=anchor.sourceline or 0)
    rest: list[BoxLine] = []
    for line in lines:
        if line.linked:
            if line.text.replace(shown, "").strip():
                # a link line with the source beside the link, which the text layout reads (a line above
                # that only prints the address repeats it)
                alone = any(other.linked and other.text.strip() == shown for other in lines)
                return repeated_link_card(box, lines, anchor) if alone else None
            reading.url_at = line.number or reading.url_at
        elif "".join(line.text.split()) == "".join(href.split()):
            continue  # the link's address printed again (a bookmark's footer)
        elif any(start in line.text for start in _URL_STARTS):
            # another printed address: a link line the text layout reads; the same address printed in it,
            # the link above only repeats it, and the box's other lines are read as the text layout reads them
            return repeated_link_card(box, lines, anchor) if "".join(href.split()) in "".join(line.text.split()) \
                else None
        else:
            rest.append(line)
    if not rest:
        return None
    for line in rest:
        if _is_latin_sentence(line.text):
            reading.summary.append((bullet(line.text), line.number))
        elif not _read_source(line, reading) and not read_field_text(line.text, line.number, reading):
            return None
    words = _label_words(reading, rest)
    labels = [_element_printing(box, text) for text in words]
    if any(label is None for label in labels):
        return None
    lines_read = reading.card_lines()
    if lines_read is None or not (reading.dates or reading.title):
        return None  # a link with a name and a sentence: a list of facts, not a card
    heads = _column_heads(box)
    return FieldCard(box, lines_read, (*(label for label in labels if label is not None), *heads))


def repeated_link_card(box: Tag, lines: Sequence[BoxLine], anchor: Tag) -> FieldCard:
    """The box's lines without the link that prints the address its link line links or prints again
    ('≫続きを読む　publisher　https://…'): they are read as the text layout reads a card's lines."""
    shown = "".join(anchor.get_text().split())
    kept = tuple((line.text, line.number) for line in lines if "".join(line.text.split()) != shown)
    return FieldCard(box, kept, (anchor,))


def _column_heads(row: Tag) -> tuple[Tag, ...]:
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


def _label_words(reading: CardFields, lines: Sequence[BoxLine]) -> list[str]:
    """The names read that are the box's labels, taken out of ``reading``. When a date line names the source
    beside its date, the names standing alone are no publisher: the longest that may be a headline is the
    title when the box has none ('WebAuthnとパスキーの基礎' over 'dev-notes ・ 2025-04-18'), the others are
    labels ('参照', 'Source'). Else a word opening the box above another name is its label."""
    if any(_names_beside_date(text) for text in reading.dates):
        headlines = [name for name in reading.names if len(name) >= MIN_TITLE and not _is_latin_word(name)]
        if reading.title is None and headlines:
            title = max(headlines, key=len)
            number = next((line.number for line in lines if line.text == title), reading.url_at)
            reading.names.remove(title)
            reading.title, reading.titles = (title, number), 1
        words, reading.names = reading.names, []
        return words
    first = lines[0].text
    if len(reading.names) > 1 and reading.names[0] == first and is_label(first):
        return [reading.names.pop(0)]
    return []


def _read_source(line: BoxLine, reading: CardFields) -> bool:
    """A short line giving a date, no sentence: the card's source, its name beside the date."""
    if find_date(line.text) is None or len(line.text) > MAX_SOURCE or SENTENCE_END.search(line.text):
        return False
    reading.dates.append(line.text)
    return True


def _is_latin_word(text: str) -> bool:
    return text.isascii() and " " not in text


def _is_latin_sentence(text: str) -> bool:
    """A sentence in a Latin script: words, closed by a full stop ('… is now supported (PEP 779).')."""
    return len(text) > MAX_NAME and text.endswith(".") and text.count(" ") >= MIN_SENTENCE_WORDS - 1




def _names_beside_date(text: str) -> bool:
    found = find_date(text)
    return found is not None and len(text) <= MAX_SOURCE and any(char.isalpha() for char in found[1])




def _element_printing(box: Tag, text: str) -> Tag | None:
    """The innermost element of the box whose whole text is ``text``."""
    squeezed = "".join(text.split())
    found: Tag | None = None
    for element in box.find_all(True):
        if "".join(element.get_text().split()) == squeezed:
            found = element
    return found
