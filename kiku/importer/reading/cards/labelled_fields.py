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

Two readings are offered: a card's head of title and meta fields (``card_head``: a <dl> or the rows heading
a card table), and a whole card whose one field is its link (``labelled_card``: a table of labelled rows). A
whole card of labelled fields (a <dl>, text lines) is read by the card scorer (``grammar.card_fields``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.card_meta import SOURCE_LABEL_SHAPE, SOURCE_LABEL_WORDS
from kiku.importer.grammar.dates import find_date
from kiku.importer.reading.cards.markup import CARD_ARROW, link_line, machine_date
from kiku.importer.reading.html.lines.labels import MAX_FIELD_LABEL
from kiku.importer.reading.html.lines.links import is_card_meta, is_link_label

# A card's title is a headline: at least this long and at most this long.
MIN_TITLE = 8
MAX_TITLE = 100
# A publisher's name is short and no sentence (``card_meta.MAX_NAME``); a headline is more.
MAX_NAME = 20
# The card's head: a headline, and a few short fields besides it (a name, a date).
MAX_META_FIELD = 30
MAX_META_FIELDS = 3
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
# A field left empty by a template that prints a dash in its place.
_EMPTY_MARK = re.compile(r"\s*[-－—―‐–ー]{1,3}\s*")
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


def labelled_card(fields: list[tuple[Tag | None, Tag]], *, has_summary_after: bool,
                  like_a_card: bool = False, caption: tuple[str, int] | None = None,
                  dated_untitled: bool = False) -> LabelledCard | None:
    """The card that the (label, value) ``fields`` print, else None. A card has a summary (a field
    of sentences, or a list right after the fields: ``has_summary_after``) or a date, unless the page
    prints its cards in fields labelled alike (``like_a_card``): one may leave its date out. Every
    field is labelled (a summary row across a table may not be: its label is None), one field holds
    nothing but the card's one web link (its URL printed, or a link label), the others no link; the
    field that is a headline (the longest with no full stop inside) is the card's title, the short
    fields besides it its meta line, and a field of sentences its summary. A field labelled as the source
    ('発行元', '出典', '提供者') is a name of the meta line, never the title; a ``caption`` over the fields that is
    a headline is the card's title when no field links one; a card of names and dates alone has no title. A
    field that only marks itself empty ('－', '—', '-') is no field. A card of a template that labels its
    fields (``dated_untitled``: a column of a table headed by labels) may be a name and a date alone."""
    url: str | None = None
    link_at = 0
    head: list[tuple[str, Tag]] = []
    summary: list[tuple[str, int]] = []
    linked: tuple[str, Tag] | None = None
    sourced: set[int] = set()
    emptied: list[Tag] = []
    for label, value in fields:
        anchors = value.find_all("a", href=True)
        text = field_text(value)
        if anchors:
            targets = {str(anchor["href"]).strip() for anchor in anchors}
            if url is not None or len(targets) != 1 or not WEB.match(next(iter(targets))):
                return None
            url, link_at = next(iter(targets)), value.sourceline or 0
            if text != url and not is_link_label(text):
                if any(anchor.get_text(" ", strip=True) != text for anchor in anchors):
                    return None  # a field of text around its link: not the card's link
                head.append((text, value))  # the title is the link
                linked = (text, value)
        elif url is not None and text == url:
            continue  # the link's address printed in a field of its own, beside the linked headline
        elif _EMPTY_MARK.fullmatch(text):
            emptied.append(value)
        elif _SENTENCES.search(text):
            summary.extend((bullet(line), value.sourceline or 0) for line in _value_lines(value))
        elif text:
            head.append((text, value))
            if label is not None and is_source_label(label.get_text(strip=True)):
                sourced.add(id(value))
    if url is None or not head:
        return None
    if not summary and not has_summary_after and not like_a_card and not any(find_date(text) for text, _ in head):
        return None  # no summary and no date: a table of facts with a web link, not a card
    title = _title(head, linked, caption, sourced)
    if dated_untitled and title is not None and linked is None and not _is_headline(title[0]):
        title = None  # the template's title field left empty: its longest other field is a name
    meta = [text for text, value in head if title is None or value is not title[1]]
    if title is not None:
        title_text = title[0]
        headline = MIN_TITLE <= len(title_text) <= MAX_TITLE if linked else _is_headline(title_text)
        if not headline or any(len(text) >= len(title_text) for text in meta):
            return None
    elif not (dated_untitled and any(find_date(text) for text, _ in head)) \
            and (not summary or not any(id(value) in sourced for _, value in head)):
        return None  # no title: a card only when its summary and its labelled source say so
    if len(meta) > MAX_META_FIELDS or any(len(text) > MAX_META_FIELD for text in meta):
        return None
    names_dates = names_then_dates(meta)
    written = (link_line(names_dates, url) if names_dates else None) or f"{CARD_ARROW} {url}"
    title_line = [] if title is None else [(title[0], title[2])]
    lines = (*title_line, *summary)
    labels = (*(label for label, _ in fields if label is not None), *emptied)
    if summary:
        # Its summary is one of its fields: a list after the card is the page's own.
        return LabelledCard((*lines, (written, link_at)), None, labels)
    return LabelledCard(lines, (written, link_at), labels)


# A label naming where the article came from: the source label words, a noun and 元/源 ('発行元', '配信元'),
# or a noun and 者/社 (who published it: '発行者', '提供社').
_SOURCE_LABEL = re.compile(rf"(?:{'|'.join(SOURCE_LABEL_WORDS)}|{SOURCE_LABEL_SHAPE}|[\u4e00-\u9fff]{{1,3}}[者社])",
                           re.IGNORECASE)


def is_source_label(text: str) -> bool:
    return _SOURCE_LABEL.fullmatch(text.strip(" :：")) is not None


def _title(head: list[tuple[str, Tag]], linked: tuple[str, Tag] | None, caption: tuple[str, int] | None,
           sourced: set[int]) -> tuple[str, Tag | None, int] | None:
    """The card's title (text, the field holding it or None for the caption, its line): the headline the card
    links, though it says two things ('冬の乾燥肌に。話題の…'); else the longest field not labelled as the source,
    when one is a headline (beside a labelled source a date alone is none); else a caption that is a headline."""
    if linked is not None:
        return linked[0], linked[1], linked[1].sourceline or 0
    unsourced = [(text, value) for text, value in head if id(value) not in sourced]
    headlines = [(text, value) for text, value in unsourced if _is_headline(text) and find_date(text) is None]
    if unsourced and (headlines or not sourced) and not (caption is not None and not headlines
                                                         and _is_headline(caption[0])):
        text, value = max(unsourced, key=lambda field: len(field[0]))
        return text, value, value.sourceline or 0
    if caption is not None and _is_headline(caption[0]):
        return caption[0], None, caption[1]
    return None


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
