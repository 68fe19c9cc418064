"""A card printed as a table of labelled rows, as an old CMS or a blog's editor lays it out:

    <table> <tr><th>記事</th><td><a href="…">title</a></td></tr> <tr><th>日付</th><td>2025年5月7日</td></tr>
      <tr><th>媒体</th><td>NHK</td></tr> <tr><th>要約</th><td>◆…<br>◆…</td></tr>
      <tr><td colspan="2"><a href="…">→ 続きを読む</a></td></tr> </table>

The leading rows of a short label cell and a value cell are the card's head when the table
holds one web link target and a link that only labels itself ('続きを読む'): their longest field
is the card's title and the short fields besides it its meta line (names, then dates), written as
a text dump prints them (the title alone, then 'NHK 2025年5月7日', which the link label below
takes onto its line: ``html_sink``). A row whose value is lines of text (the summary) is read as
it stands, its label aside. The labels are reported as read into those lines. What the labels
say does not matter: where the fields stand and how long they are does.

A table whose every row is labelled may print the whole card, its link one of the fields:

    <table> <tr><th>記事</th><td>title</td></tr> <tr><th>媒体</th><td>NHK</td></tr>
      <tr><th>日付</th><td>2025.07.01</td></tr> <tr><th>要約</th><td>a sentence of the article。</td></tr>
      <tr><th>URL</th><td><a href="https://…">https://…</a></td></tr> </table>
    <ul> summary </ul>          (perhaps: the summary printed after the fields)

Its fields are read by the card scorer (``scored_fields``) and written as a text dump prints a card: the
title, the summary bullets, and the link line '→ NHK 2025.07.01 https://…'. A summary list printed right
after the fields belongs to a card with no summary field: the link line is written after it
(``field_lists.link_placed``). Both readings share the field shapes and thresholds of ``labelled_fields``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from kiku.importer.reading.cards.markup.field_lists import FieldCard
from kiku.importer.reading.cards.scoring.scored_fields import scored_fields_card
from kiku.importer.reading.cards.text.labelled_fields import (
    SENTENCE_END,
    WEB,
    card_head,
    field_text,
    is_label,
    summary_after,
)
from kiku.importer.reading.html.lines.labels import CELLS
from kiku.importer.reading.html.lines.links import is_link_label

# A card's rows: a few labelled fields, the summary and the link; a longer table is a page's data.
MAX_CARD_ROWS = 8
MIN_HEAD_FIELDS = 2
_BOLD = ("b", "strong")
# A summary is sentences: a full stop at its end or between two of them.
_SENTENCES = re.compile(r"[。．](?:\s*$|(?=.))")


@dataclass(frozen=True, slots=True)
class TableCard:
    """The head rows of a card table, each read as ``FieldCard`` lines (the first row carries the
    card's title and meta lines, the others none), and the label cells of its other labelled rows."""

    heads: tuple[FieldCard, ...]
    other_labels: tuple[Tag, ...]


def table_cards(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[TableCard]:
    """Each table printing a card; then each table labelled as one of those is (a card that leaves its
    date out, printed by the same template as the page's dated ones)."""
    tables = [table for table in soup.find_all("table") if id(table) not in dropped]
    # The page's texts give a card field's year-less date its year.
    texts = tuple(soup.stripped_strings)
    cards = {id(table): card for table in tables
             if (card := _table_card(table, texts) or _column_cards(table, texts)) is not None}
    card_labels = [labels for table in tables if id(table) in cards and (labels := _labels(table))]
    for table in tables:
        card = cards.get(id(table))
        if card is None and (labels := _labels(table)) and any(labels <= other for other in card_labels):
            card = _table_card(table, texts, like_a_card=True)
        if card is not None:
            yield card


def _column_cards(table: Tag, page_texts: tuple[str, ...]) -> TableCard | None:
    """A table whose first row labels its columns and whose every other row prints a whole card, one field a
    cell ('<tr><th>発表元</th><th>資料名</th><th>掲載日</th><th>URL</th></tr>' over a row a card): each row read
    as a card of labelled fields is, its cells labelled by their column's head. The heads and the caption are
    reported as read into the cards' lines."""
    rows = _rows(table)
    thead = table.find("thead", recursive=False)
    head_row = thead.find("tr") if isinstance(thead, Tag) else rows[0] if rows else None
    body = rows if isinstance(thead, Tag) else rows[1:]
    if not isinstance(head_row, Tag) or not 0 < len(body) <= MAX_CARD_ROWS:
        return None
    heads = head_row.find_all(True, recursive=False)
    if len(heads) < MIN_HEAD_FIELDS or any(not _is_head_cell(head) or head.find("a") is not None
                                           or not is_label(_unabbreviated(head.get_text(strip=True)))
                                           for head in heads):
        return None
    rows_fields: list[list[tuple[Tag | None, Tag]]] = []
    card_rows: list[Tag] = []
    continued: list[list[Tag]] = []
    for row in body:
        cells = row.find_all(True, recursive=False)
        if any(cell.name not in CELLS for cell in cells):
            return None
        if len(cells) == len(heads):
            rows_fields.append(list(zip(heads, cells, strict=True)))
            card_rows.append(row)
            continued.append([])
        elif rows_fields and _continues_row(cells, len(heads)):
            # The card's row goes on below it, under no column of its own ('<td></td><td colspan="3">summary</td>').
            rows_fields[-1] += [(None, cell) for cell in cells if cell.get_text(strip=True)]
            continued[-1].append(row)
        else:
            return None
    numbering = _numbering_columns(rows_fields)
    rows_fields = [[field for column, field in enumerate(fields) if column not in numbering] for fields in rows_fields]
    wholes = [scored_fields_card(fields, has_summary_after=False, dated_untitled=True, page_texts=page_texts)
              for fields in rows_fields]
    if any(whole is not None for whole in wholes):
        # A row of the template the table's cards are printed by may leave its date out (an ad's row).
        wholes = [whole or scored_fields_card(fields, has_summary_after=False, dated_untitled=True, like_a_card=True,
                                              page_texts=page_texts)
                  for whole, fields in zip(wholes, rows_fields, strict=True)]
    cards: list[FieldCard] = []
    head_ids = {id(head) for head in heads}
    for row, whole, more in zip(card_rows, wholes, continued, strict=True):
        if whole is None:
            return None
        numbers = tuple(cell for column, cell in enumerate(row.find_all(True, recursive=False)) if column in numbering)
        cards.append(FieldCard(row, whole.lines,
                               (*numbers, *(tag for tag in whole.labels if id(tag) not in head_ids)), whole.link))
        cards += [FieldCard(other, (), ()) for other in more]  # read into the card's lines above
    return TableCard(tuple(cards), (*heads, *_caption(table), *_box_title(table)))


# A row's number in a column of its own ('No.' over '1', '2'): the rows' order, no field of a card.
_ORDINAL = re.compile(r"[0-9０-９]{1,3}[.．)）]?")


def _numbering_columns(rows_fields: list[list[tuple[Tag | None, Tag]]]) -> set[int]:
    """The columns whose every row holds its number alone."""
    columns = min((len(fields) for fields in rows_fields), default=0)
    return {column for column in range(columns)
            if all(_ORDINAL.fullmatch(fields[column][1].get_text(strip=True)) for fields in rows_fields)}


def _unabbreviated(text: str) -> str:
    """A column's head without the dot closing an abbreviation ('No.' → 'No')."""
    return text[:-1] if text.endswith((".", "．")) and len(text) > 1 else text


def _continues_row(cells: list[Tag], columns: int) -> bool:
    """The row spans the table's columns with fewer cells, its first blank: it prints more of the card above."""
    spans = sum(_span(cell) for cell in cells)
    return len(cells) < columns and spans == columns and not cells[0].get_text(strip=True) \
        and any(cell.get_text(strip=True) for cell in cells[1:])


def _span(cell: Tag) -> int:
    span = str(cell.get("colspan") or "1").strip()
    return int(span) if span.isdigit() and int(span) > 0 else 1


def _is_head_cell(cell: Tag) -> bool:
    """A column's head: a header cell, or a data cell whose whole text is bold, as a word processor or a mail
    editor marks a table's header row ('<td><p><b>日付</b></p></td>')."""
    if cell.name == "th":
        return True
    if cell.name != "td":
        return False
    text = cell.get_text(strip=True)
    bold = "".join(tag.get_text(strip=True) for tag in cell.find_all(_BOLD) if tag.find_parent(_BOLD) is None)
    return bool(text) and bold == text


def _labels(table: Tag) -> frozenset[str]:
    """The label texts of a table whose every row is a labelled field (or a summary across it), else none."""
    rows = _rows(table)
    fields = [_field(row) for row in rows] if len(rows) <= MAX_CARD_ROWS else []
    if not fields or any(field is None for field in fields):
        return frozenset()
    return frozenset(field[0].get_text(strip=True) for field in fields if field is not None and field[0] is not None)


def _field(row: Tag) -> tuple[Tag | None, Tag] | None:
    """A row's label cell and value cell; a row of one cell of sentences across the table is the card's
    summary, unlabelled ('<tr><td colspan="2">…。</td></tr>'); else None."""
    labelled = _labelled(row)
    if labelled is not None:
        return labelled
    cells = row.find_all(True, recursive=False)
    if len(cells) != 1 or cells[0].name not in CELLS or cells[0].find("a") is not None \
            or not _SENTENCES.search(cells[0].get_text(strip=True)):
        return None
    return None, cells[0]


def _rows(table: Tag) -> list[Tag]:
    body = table.find("tbody", recursive=False)
    return (body if isinstance(body, Tag) else table).find_all("tr", recursive=False, limit=MAX_CARD_ROWS + 1)


def _labelled(row: Tag) -> tuple[Tag, Tag] | None:
    """The label cell and the value cell of a row of two, the first a short label, else None."""
    cells = row.find_all(CELLS, recursive=False)
    if len(cells) != 2 or len(row.find_all(True, recursive=False)) != 2:
        return None
    if not is_label(cells[0].get_text(strip=True)) or cells[0].find("a") is not None:
        return None
    return cells[0], cells[1]


def _caption(table: Tag) -> tuple[Tag, ...]:
    """A card table's caption ('引用した記事', '出典'): it labels the card as its row labels label the
    fields, and is reported with them."""
    caption = table.find("caption", recursive=False)
    return (caption,) if isinstance(caption, Tag) and caption.get_text(strip=True) else ()


# A box's title over a table: a word or a short phrase, no sentence.
MAX_BOX_TITLE = 30


def _box_title(table: Tag) -> tuple[Tag, ...]:
    """The title of the box that holds nothing but it and the table ('<div><div><span role="heading">参考資料
    </span></div><table>…</table></div>', a list web part): a caption of the cards, reported with their heads."""
    box = table.parent
    if box is None or box.name in ("body", "html", "[document]"):
        return ()
    children = box.find_all(True, recursive=False)
    if len(children) != 2 or children[1] is not table or any(
            str(node).strip() for node in box.children if not isinstance(node, Tag)):
        return ()
    title = children[0]
    text = field_text(title)
    if not text or len(text) > MAX_BOX_TITLE or SENTENCE_END.search(text) or title.find(["a", "table", "ul", "ol"]):
        return ()
    return (title,)


def _one_link_target(table: Tag) -> bool:
    """One web link target in the table, and a link to it that only labels itself."""
    anchors = table.find_all("a", href=True)
    targets = {str(anchor["href"]).strip() for anchor in anchors}
    return len(targets) == 1 and WEB.match(next(iter(targets))) is not None \
        and any(is_link_label(anchor.get_text(" ", strip=True)) for anchor in anchors)


def _table_card(table: Tag, page_texts: tuple[str, ...], *, like_a_card: bool = False) -> TableCard | None:
    rows = _rows(table)
    if len(rows) > MAX_CARD_ROWS:
        return None
    labelled: list[tuple[Tag, Tag | None, Tag]] = []
    for row in rows:
        if (cells := _field(row)) is None:
            break
        labelled.append((row, *cells))
    if len(labelled) == len(rows):
        pairs = [(label, value) for _, label, value in labelled]
        caption = _caption(table)
        titled = (field_text(caption[0]), caption[0].sourceline or 0) if caption else None
        whole = scored_fields_card(pairs, has_summary_after=summary_after(table) is not None, like_a_card=like_a_card,
                                   caption=titled, page_texts=page_texts)
        if whole is not None:
            # A caption read as the card's title is no label.
            labels = caption if not titled or all(text != titled[0] for text, _ in whole.lines) else ()
            return TableCard((FieldCard(table, whole.lines, whole.labels + labels, whole.link),), ())
    if not _one_link_target(table):
        return None
    fields = [(row, label, value) for row, label, value in labelled if label is not None and value.find("br") is None]
    texts = [field_text(value) for _, _, value in fields]
    if len(fields) < MIN_HEAD_FIELDS:
        return None
    head = card_head(texts, SENTENCE_END)
    if head is None:
        return None
    first_row, title_value = fields[0][0], fields[head.title_index][2]
    lines = [(head.title, title_value.sourceline or 0)]
    if head.meta:
        lines.append((head.meta, max(value.sourceline or 0 for _, _, value in fields)))
    heads = [FieldCard(first_row, tuple(lines), tuple(label for _, label, _ in fields) + _caption(table))]
    heads += [FieldCard(row, (), ()) for row, _, _ in fields[1:]]
    head_rows = {id(row) for row, _, _ in fields}
    return TableCard(tuple(heads), tuple(label for row, label, _ in labelled
                                         if label is not None and id(row) not in head_rows))
