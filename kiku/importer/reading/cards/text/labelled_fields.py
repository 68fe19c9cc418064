"""A box of labelled fields is a card: how its fields are told apart, whatever front end printed them.

A page prints a source card's fields as a <dl> (``field_lists``), as a table of labelled rows
(``tables``) or, in a text dump, as 'label：value' lines (``field_lines``). Each front end finds its
labels and values; what a value is does not depend on its label nor on its markup, only on its shape,
so it is read here, with the thresholds every front end shares:

- a label: a word or two, no punctuation (``is_label``);
- the card's title: a headline, ``MIN_TITLE`` to ``MAX_TITLE`` long, no sentence;
- its source: short fields beside the title, no sentence (a name up to ``MAX_NAME``, a date), written
  names before dates as a text dump's link line prints them (``names_then_dates``);
- its summary: sentences, or lines led by a bullet mark.

A card's head of title and meta fields is read here (``card_head``: a <dl> or the rows heading a card table);
a whole card of labelled fields (a <dl>, a table's rows, text lines) is read by the card scorer
(``grammar.cards.fields``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.reading.cards.markup.card_links import machine_date
from kiku.importer.reading.html.lines.labels import MAX_FIELD_LABEL
from kiku.importer.reading.html.lines.links import is_card_meta

# A card's title is a headline: at least this long and at most this long.
MIN_TITLE = 8
MAX_TITLE = 100
# A publisher's name is short and no sentence (``card_meta.MAX_NAME``); a headline is more.
MAX_NAME = 20
# The card's head: a headline, and a few short fields besides it (a name, a date).
MAX_META_FIELD = 30
SUMMARY_LISTS = frozenset({"ul", "ol"})
WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
# Spaces as HTML collapses them; an ideographic space is the text's own.
COLLAPSIBLE = re.compile(r"[ \t\n\r\f\u00a0]+")
# A field that ends a sentence is no name, date nor headline.
SENTENCE_END = re.compile(r"[。．！？!?]\s*$")
_LABEL_PUNCTUATION = re.compile(r"[。、，,．.!！?？:：]")
_NAME_BREAKERS = re.compile(r"[。、，,！？!?「」『』]")
# A summary is sentences: a full stop at its end or between two of them. A headline may end in '？'.
_SENTENCES = re.compile(r"[。．](?:\s*$|(?=.))")
_LINE_BLOCKS = frozenset({"p", "li", "div"})


def is_label(text: str) -> bool:
    """A field's label: a word or two, no punctuation."""
    return 0 < len(text) <= MAX_FIELD_LABEL and _LABEL_PUNCTUATION.search(text) is None


def field_text(value: Tag) -> str:
    """A field's text, its spaces collapsed as HTML shows them."""
    return COLLAPSIBLE.sub(" ", value.get_text(" ", strip=True)).strip()


def names_then_dates(meta: list[str]) -> str:
    """A card's short fields as its link line prints them: the names, then the dates ('NHK 2025.05.07');
    a date first reads as the date's label."""
    return " ".join([text for text in meta if find_date(text) is None] + [text for text in meta if find_date(text)])


def is_name(text: str) -> bool:
    """A name: short, and no sentence's nor quotation's mark in it."""
    return len(text) <= MAX_NAME and _NAME_BREAKERS.search(text) is None


def value_text(value: Tag) -> str:
    """A value's text; a date without its year shown by its machine date ('<time datetime>')."""
    text = field_text(value)
    time = value.find("time")
    if isinstance(time, Tag) and find_date(text) is None and (date := machine_date(time)) is not None:
        return date
    return text


def is_marked(text: str) -> bool:
    """A line led by a bullet mark ('✅ …', '・…', '● …')."""
    return unicodedata.category(text[0]) in ("So", "Sm", "Po") and text[0] not in "「『（(“\"#＃"


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
    if not MIN_TITLE <= len(title) <= MAX_TITLE or title_end.search(title) \
            or any(len(text) > MAX_META_FIELD or SENTENCE_END.search(text) or len(text) >= len(title)
                   for text in meta):
        return None
    joined = names_then_dates(meta)
    return CardHead(title_index, title, joined) if is_card_meta(joined) else None


@dataclass(frozen=True, slots=True)
class LabelledCard:
    """The lines a card of labelled fields reads as: its title and summary lines, its link line
    (None when the lines end with it: the card has a summary field), each with its line in the
    file, and its labels (read into those lines) and fields marked empty."""

    lines: tuple[tuple[str, int], ...]
    link: tuple[str, int] | None
    labels: tuple[Tag, ...]


def value_lines(value: Tag) -> list[str]:
    """A summary field's lines: one per '<br>' or block element inside it."""
    parts: list[str] = []
    for node in value.descendants:
        if isinstance(node, Tag):
            if node.name == "br" or node.name in _LINE_BLOCKS:
                parts.append("\n")
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            parts.append(str(node))
    lines = (COLLAPSIBLE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def bullet(line: str) -> str:
    """A summary line as a text dump prints it: a bullet, marked '・' unless it has a mark of its own."""
    return f"・{line}" if line[:1].isalnum() or line[:1] in "「『（(“\"" else line


def summary_after(box: Tag) -> Tag | None:
    """The summary printed right after the card's fields, else None: a list, or a quotation of the
    article's sentences, each in a block of its own (``quoted_summary``)."""
    following = box.find_next_sibling(True)
    is_list = following is not None and following.name in SUMMARY_LISTS and following.find("li") is not None
    if following is None or not (is_list or quoted_summary(following)):
        return None
    between = box.next_sibling
    while between is not None and between is not following:
        if str(between).strip():
            return None
        between = between.next_sibling
    return following


# A quoted summary: a few of the article's sentences, no more than a card's summary holds.
MAX_QUOTED_LINES = 8


def quoted_summary(quote: Tag) -> tuple[Tag, ...]:
    """The lines of a quotation that is a card's summary (``<blockquote><p>sentence。</p>…</blockquote>``):
    its blocks, each a sentence and none a link, else (). A text dump prints them as the card's
    bullets; a list's items are bullets by their markup already."""
    if quote.name != "blockquote" or quote.find("a") is not None:
        return ()
    blocks = [_unwrapped(block) for block in quote.find_all(True, recursive=False, limit=MAX_QUOTED_LINES + 1)]
    if not blocks or len(blocks) > MAX_QUOTED_LINES or any(
            block.name not in _LINE_BLOCKS or block.find(_LINE_BLOCKS) is not None
            or not _SENTENCES.search(field_text(block)) for block in blocks):
        return ()
    return tuple(blocks)


# How many wrappers around a line's block are looked through (a component framework's extra <div>s).
MAX_LINE_WRAPPERS = 4


def _unwrapped(block: Tag) -> Tag:
    """The block holding a line's text: ``block``, or the one block it only wraps."""
    for _ in range(MAX_LINE_WRAPPERS):
        children = block.find_all(True, recursive=False, limit=2)
        if len(children) != 1 or children[0].name not in _LINE_BLOCKS or any(
                isinstance(node, NavigableString) and not isinstance(node, PreformattedString) and node.strip()
                for node in block.children):
            return block
        block = children[0]
    return block
