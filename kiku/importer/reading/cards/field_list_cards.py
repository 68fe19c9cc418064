"""A whole source card printed as one list of labelled fields, its title, summary and source each a field:

    <dl><dt>タイトル</dt><dd>title</dd><dt>発信元</dt><dd>NHK</dd><dt>日付</dt><dd>R7.4.1</dd>
        <dt>概要</dt><dd>summary sentence。</dd><dt>リンク</dt><dd><a href="…">https://…</a></dd></dl>

A term may stand over several values (``<dt>要約</dt><dd>✅ …</dd><dd>✅ …</dd>``, ``<dt>出典</dt><dd>NHK</dd>
<dd><a href="…">…</a></dd>``), and a value may have lost its term (a sponsor label dropped before it).
Each value is read by its shape, whatever its label says:

- the list's one web link: its text is its URL, a link label ('続きを読む') or the card's headline
  (a name linking to a site's front page is the publisher's);
- a sentence, or a line led by a bullet mark: a summary line;
- a short name or a date, no sentence: the source (publisher, date);
- a headline, no sentence and more than a name (punctuated or longer): the card's title (at most one).

It is written as a text dump prints a card: the title, the summary lines (each a bullet) and the link
line ('→ NHK 2025/04/01 https://…', names before dates), its labels reported as read into them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.dates import find_date
from kiku.importer.reading.cards.markup import CARD_ARROW, machine_date
from kiku.importer.reading.html.lines.labels import MAX_FIELD_LABEL
from kiku.importer.reading.html.lines.links import is_card_meta, is_link_label

# A card's fields: its title, a few summary lines and its source; a longer list is a page's data.
MIN_TERMS = 2
MAX_VALUES = 16
# A publisher's name is short and no sentence (``card_meta.MAX_NAME``); a headline is more.
MAX_NAME = 20
MIN_TITLE = 8
MAX_TITLE = 100
_NAME_BREAKERS = re.compile(r"[。、，,！？!?「」『』]")
_SENTENCE = re.compile(r"[。．]|[！？!?]\s*$")
_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f\u00a0]+")
_LABEL_PUNCTUATION = re.compile(r"[。、，,．.!！?？:：]")
SUMMARY_MARK = "・"


@dataclass(frozen=True, slots=True)
class WholeCard:
    """A field list read as a whole card: its lines (text, line in the file) and its terms."""

    lines: tuple[tuple[str, int], ...]
    terms: tuple[Tag, ...]


@dataclass
class CardFields:
    """A card's fields as read so far: its link, its title, its source's names and dates, its summary."""

    url: str | None = None
    url_at: int = 0
    title: tuple[str, int] | None = None
    titles: int = 0
    names: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    summary: list[tuple[str, int]] = field(default_factory=list)

    def card_lines(self) -> tuple[tuple[str, int], ...] | None:
        """The card's lines as a text dump prints them (title, bullets, '→ names dates URL'), else
        None: a web link, a title or summary lines, and a title or source fields (a link and a
        sentence alone are a list of facts)."""
        meta = " ".join(self.names + self.dates)
        if self.url is None or self.titles > 1 or not (self.title or self.summary) \
                or not (self.title or meta) or not is_card_meta(meta):
            return None
        link = " ".join(part for part in (CARD_ARROW, meta, self.url) if part)
        return (*([self.title] if self.title else []), *self.summary, (link, self.url_at))


def whole_card(fields: Tag, dropped: dict[int, str]) -> WholeCard | None:
    """The card a field list prints whole (``CardFields.card_lines``), else None."""
    children = [child for child in _groups_opened(fields) if id(child) not in dropped]
    terms = [child for child in children if child.name == "dt"]
    values = [child for child in children if child.name == "dd"]
    if len(terms) + len(values) != len(children) or len(terms) < MIN_TERMS or not 0 < len(values) <= MAX_VALUES \
            or not all(_is_label(term) for term in terms):
        return None
    reading = CardFields()
    for value in values:
        if not _read_value(value, dropped, reading):
            return None
    lines = reading.card_lines()
    return WholeCard(lines, tuple(terms)) if lines is not None else None


def _groups_opened(fields: Tag) -> list[Tag]:
    """The list's terms and values, those grouped in a <div> each (as HTML allows) taken out of it."""
    children: list[Tag] = []
    for child in fields.find_all(True, recursive=False, limit=MAX_VALUES * 2 + 1):
        children.extend(child.find_all(True, recursive=False) if child.name == "div" else [child])
    return children


def _is_label(term: Tag) -> bool:
    text = term.get_text(strip=True)
    return 0 < len(text) <= MAX_FIELD_LABEL and _LABEL_PUNCTUATION.search(text) is None


def _read_value(value: Tag, dropped: dict[int, str], reading: CardFields) -> bool:
    """Read one value into ``reading``; False when it is no card's field (a second link, text around a link)."""
    number = value.sourceline or 0
    text = value_text(value)
    anchors = [anchor for anchor in value.find_all("a", href=True) if id(anchor) not in dropped]
    if anchors:
        href = str(anchors[0]["href"]).strip()
        label = _COLLAPSIBLE.sub(" ", anchors[0].get_text(" ", strip=True)).strip()
        if len(anchors) == 1 and text == label and _names_its_site(label, href):
            reading.names.append(label)  # the publisher, linked to its site's front page
            return True
        if reading.url is not None or len(anchors) != 1 or not _WEB.match(href) or label not in text:
            return False
        reading.url, reading.url_at = href, number
        if label != href and not is_link_label(label):
            if not MIN_TITLE <= len(label) <= MAX_TITLE or label != text:
                return False
            reading.title, reading.titles = (label, number), reading.titles + 1
        # A name or a date beside the link ('<dd>NHK <a>続きを読む</a></dd>') is read as a field of its own.
        text = text.replace(label, " ", 1).strip()
        if not text:
            return True
        sources = len(reading.names) + len(reading.dates)
        return read_field_text(text, number, reading) and len(reading.names) + len(reading.dates) > sources
    return all(read_field_text(line, number, reading) for line in _lines(value))


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
    return [text for line in lines if (text := _COLLAPSIBLE.sub(" ", line).strip())]


def _names_its_site(label: str, href: str) -> bool:
    """A name (short, no sentence, no date) linking to a site's front page: a publisher, not the card's link."""
    parts = urlsplit(href)
    return _WEB.match(href) is not None and parts.path in ("", "/") and not parts.query \
        and len(label) <= MAX_NAME and _NAME_BREAKERS.search(label) is None and find_date(label) is None \
        and not is_link_label(label) and not _WEB.match(label)


def read_field_text(text: str, number: int, reading: CardFields) -> bool:
    """Read a field's text (no link) into ``reading``; False when it is none of a card's fields."""
    if is_marked(text) or _SENTENCE.search(text) or len(text) > MAX_TITLE:
        reading.summary.append((text if is_marked(text) else SUMMARY_MARK + text, number))
    elif find_date(text) is not None and is_card_meta(text) and len(text) <= MAX_NAME:
        reading.dates.append(text)
    elif len(text) <= MAX_NAME and _NAME_BREAKERS.search(text) is None:
        reading.names.append(text)
    elif len(text) >= MIN_TITLE:
        reading.title, reading.titles = (text, number), reading.titles + 1
    else:
        return False
    return True


def value_text(value: Tag) -> str:
    """A value's text; a date without its year shown by its machine date ('<time datetime>')."""
    text = _COLLAPSIBLE.sub(" ", value.get_text(" ", strip=True)).strip()
    time = value.find("time")
    if isinstance(time, Tag) and find_date(text) is None and (date := machine_date(time)) is not None:
        return date
    return text


def is_marked(text: str) -> bool:
    """A line led by a bullet mark ('✅ …', '・…', '● …')."""
    return unicodedata.category(text[0]) in ("So", "Sm", "Po") and text[0] not in "「『（(“\"#＃"
