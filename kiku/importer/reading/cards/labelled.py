"""A whole card printed as labelled fields, its link one of them:

    <table> <tr><th>記事</th><td>title</td></tr> <tr><th>媒体</th><td>NHK</td></tr>
      <tr><th>日付</th><td>2025.07.01</td></tr> <tr><th>要約</th><td>a sentence of the article。</td></tr>
      <tr><th>URL</th><td><a href="https://…">https://…</a></td></tr> </table>
    <ul> summary </ul>          (perhaps: the summary printed after the fields)

(or the same as ``<dl><dt>…</dt><dd>…</dd></dl>``). Every field is labelled, one field holds
nothing but the card's one web link (its URL printed, or a link label), the others no link. The
field that is a headline (the longest with no full stop inside) is the card's title, the short
fields besides it (a name, a date) its meta line, and a field of sentences its summary. It is
written as a text dump prints a card: the title, the summary bullets, and the link line
'→ NHK 2025.07.01 https://…' (``html_cards.link_line``). A summary list printed right after the
fields belongs to a card with no summary field: the link line is written after it (``html_page``). What the labels say
does not matter: which field holds the link, and the lengths and shapes of the others, do.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.dates import find_date
from kiku.importer.reading.cards.field_lists import FieldCard
from kiku.importer.reading.cards.markup import CARD_ARROW, link_line
from kiku.importer.reading.html.lines.links import is_link_label

_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
# A summary is sentences: a full stop at its end or between two of them. A headline may end in '？'.
_SENTENCES = re.compile(r"[。．](?:\s*$|(?=.))")
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f\u00a0]+")
# The card's head: a headline, and a few short fields besides it (a name, a date).
MIN_TITLE = 8
MAX_TITLE = 100
MAX_META_FIELD = 30
MAX_META_FIELDS = 3
SUMMARY_LISTS = frozenset({"ul", "ol"})
_LINE_BLOCKS = frozenset({"p", "li", "div"})


@dataclass(frozen=True, slots=True)
class LabelledCard:
    """The lines a card of labelled fields reads as: its title and summary lines, its link line
    (None when the lines end with it: the card has a summary field), each with its line in the
    file, and its labels (read into those lines)."""

    lines: tuple[tuple[str, int], ...]
    link: tuple[str, int] | None
    labels: tuple[Tag, ...]


def labelled_card(fields: list[tuple[Tag, Tag]], *, has_summary_after: bool) -> LabelledCard | None:
    """The card that the (label, value) ``fields`` print, else None. A card has a summary (a field
    of sentences, or a list right after the fields: ``has_summary_after``) or a date."""
    url: str | None = None
    link_at = 0
    head: list[tuple[str, Tag]] = []
    summary: list[tuple[str, int]] = []
    for _, value in fields:
        anchors = value.find_all("a", href=True)
        text = _COLLAPSIBLE.sub(" ", value.get_text(" ", strip=True)).strip()
        if anchors:
            targets = {str(anchor["href"]).strip() for anchor in anchors}
            if url is not None or len(targets) != 1 or not _WEB.match(next(iter(targets))):
                return None
            url, link_at = next(iter(targets)), value.sourceline or 0
            if text != url and not is_link_label(text):
                if any(anchor.get_text(" ", strip=True) != text for anchor in anchors):
                    return None  # a field of text around its link: not the card's link
                head.append((text, value))  # the title is the link
        elif _SENTENCES.search(text):
            summary.extend((bullet(line), value.sourceline or 0) for line in _value_lines(value))
        elif text:
            head.append((text, value))
    if url is None or not head:
        return None
    if not summary and not has_summary_after and not any(find_date(text) for text, _ in head):
        return None  # no summary and no date: a table of facts with a web link, not a card
    title_text, title_value = max(head, key=lambda field: len(field[0]))
    meta = [text for text, value in head if value is not title_value]
    if not _is_headline(title_text) or len(meta) > MAX_META_FIELDS \
            or any(len(text) > MAX_META_FIELD or len(text) >= len(title_text) for text in meta):
        return None
    names_then_dates = " ".join([text for text in meta if find_date(text) is None]
                                + [text for text in meta if find_date(text) is not None])
    written = (link_line(names_then_dates, url) if names_then_dates else None) or f"{CARD_ARROW} {url}"
    lines = ((title_text, title_value.sourceline or 0), *summary)
    labels = tuple(label for label, _ in fields)
    if summary:
        # Its summary is one of its fields: a list after the card is the page's own.
        return LabelledCard((*lines, (written, link_at)), None, labels)
    return LabelledCard(lines, (written, link_at), labels)


def _is_headline(text: str) -> bool:
    """A headline: long enough, not a date alone, no sentence's full stop."""
    dated = find_date(text)
    return MIN_TITLE <= len(text) <= MAX_TITLE and not _SENTENCES.search(text) \
        and (dated is None or len(dated[1]) >= MIN_TITLE)


def _value_lines(value: Tag) -> list[str]:
    """A summary field's lines: one per '<br>' or block element inside it."""
    parts: list[str] = []
    for node in value.descendants:
        if isinstance(node, Tag):
            if node.name == "br" or node.name in _LINE_BLOCKS:
                parts.append("\n")
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            parts.append(str(node))
    lines = (_COLLAPSIBLE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def bullet(line: str) -> str:
    """A summary line as a text dump prints it: a bullet, marked '・' unless it has a mark of its own."""
    return f"・{line}" if line[:1].isalnum() or line[:1] in "「『（(“\"" else line


def summary_after(box: Tag) -> Tag | None:
    """The summary list printed right after the card's fields, else None."""
    following = box.find_next_sibling(True)
    if following is None or following.name not in SUMMARY_LISTS or following.find("li") is None:
        return None
    between = box.next_sibling
    while between is not None and between is not following:
        if str(between).strip():
            return None
        between = between.next_sibling
    return following


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
