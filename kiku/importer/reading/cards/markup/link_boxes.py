"""A source card recognised by its shape, whatever its tags, class names or field order:

    any box holding one web link whose text is a headline (or a link around the whole box) and a few
    lines that name its source (a name, a date or a sponsor's mark) and date it or summarise it.

    <table><tr><td><a href="https://…">headline</a></td></tr><tr><td>summary。</td></tr>
      <tr><td>publisher</td><td>2025/07/12</td></tr></table>
    <figure><blockquote>summary。</blockquote><figcaption><a href="https://…">headline</a>
      <span>publisher</span> <span>2025/07/12</span></figcaption></figure>

A link that prints its own address instead of a headline is read by the shapes of the smallest box's
other lines (``url_boxes``). It is read last, for links no other card reader took (``walk_plan``). The box's
lines are read by the card scorer (``grammar.cards.fields``), the linked headline its title, and written as a
text dump prints a card: the headline, the summary as bullets, then the link line with the source
('→ publisher 2025/07/12 URL'), whichever order the box printed them in. What the scorer leaves unread (a
label, a category word) and the header cells naming the fields are reported as read into the card; a
sponsor's mark naming no other source stands on the link line ('→ Sponsored URL').
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.cards.fields.features import is_source_badge
from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.reading.cards.markup.field_lists import FieldCard
from kiku.importer.reading.cards.markup.url_boxes import (
    column_heads,
    element_holding,
    element_printing,
    prints_url,
    url_box_card,
)
from kiku.importer.reading.cards.scoring.scored_card import scored_card_lines, sponsor_mark
from kiku.importer.reading.html.chrome.shapes.elements import is_unsafe_link
from kiku.importer.reading.html.lines.links import LINK_RULES, SENTENCE_END, is_link_label

# Elements that end a line of the box (everything else flows into the line).
_LINE_BREAKERS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "ol", "p", "section", "table", "td", "th",
    "tr", "ul", "br", "cite",
})
# The line-ending elements whose end ends the line too (a <br> has none; a <cite> flows on as a field does).
_BLOCKS = _LINE_BREAKERS - {"br", "cite"}
# A box's fields sit side by side in these ('<span>publisher</span><span>2025/07/12</span>').
_FIELDS = frozenset({"span", "time", "small", "cite"})
_STOP = frozenset({"body", "html", "main", "[document]"})
_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
_PRINTED_URL = re.compile(r"https?://", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n\r\f\u00a0]+")  # an ideographic space is printed text
MAX_LEVELS = 5
# A card's box: a headline, a few summary lines and its source; more is a section or a list.
MAX_LINES = 9
MAX_CHARS = 800
MIN_HEADLINE = 8
MAX_HEADLINE = 100
_SEPARATORS = " \u3000|｜/・,、-–—"
_SEPARATOR_MARKS = _SEPARATORS + "·•"
# What a headline's line prints after it is the card's source: short, no sentence.
MAX_SOURCE = 40
# What a field's line keeps of the separator printed before the next field ('summary。 ｜').
_TRAILING_SEPARATORS = " \u3000|｜"


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    number: int
    linked: bool  # holds a link to the card's URL


def link_box_cards(soup: BeautifulSoup, dropped: dict[int, str], taken: Collection[int],
                   claimed: Collection[int]) -> Iterator[FieldCard]:
    """Each box read as a card by its shape; links in ``taken`` and boxes in, or around, a box in
    ``claimed`` (read as cards already) are passed over."""
    own_host = _own_host(soup)
    found: list[Tag] = []
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if id(anchor) in taken or id(anchor) in dropped or not _WEB.match(href) or is_unsafe_link(href) \
                or urlsplit(href).hostname == own_host or any(box in anchor.parents for box in found) \
                or any(id(parent) in claimed for parent in anchor.parents):
            continue
        if _names_the_page(anchor, soup):
            continue  # the entry's own title, linked to its permalink
        card = _card_around(anchor, href, dropped, claimed)
        if card is not None:
            found.append(card.fields)
            yield card


def _names_the_page(anchor: Tag, soup: BeautifulSoup) -> bool:
    text = "".join(anchor.get_text().split())
    title = soup.find("title")
    named = [title.get_text()] if title is not None else []
    named += [heading.get_text() for heading in soup.find_all("h1")]
    return bool(text) and any(text in "".join(name.split()) for name in named)


def _own_host(soup: BeautifulSoup) -> str | None:
    """The page's own host, by its canonical link or og:url: a link there is the site's, not a source."""
    canonical = soup.find("link", rel="canonical", href=True) or soup.find("meta", property="og:url", content=True)
    if not isinstance(canonical, Tag):
        return None
    value = str(canonical.get("href") or canonical.get("content") or "")
    return urlsplit(value).hostname if _WEB.match(value) else None


def _card_around(anchor: Tag, href: str, dropped: dict[int, str], claimed: Collection[int]) -> FieldCard | None:
    """The largest box around ``anchor`` that reads as a card (a caption's card grows to its figure,
    the summary quoted above it)."""
    below: Tag = anchor
    levels = 0
    best: FieldCard | None = None
    for box in anchor.parents:
        if box.name in _STOP or id(box) in dropped or levels == MAX_LEVELS \
                or id(box) in claimed or any(id(inner) in claimed for inner in box.find_all(True)) \
                or _links_elsewhere(box, href, dropped):
            return best
        lines = box_lines(box, href, dropped)
        if prints_url(anchor, href):
            # the smallest box that reads as a card: a box around it holds the article's own lines
            if _has_link_line(box, anchor, href) or len(lines) > MAX_LINES \
                    or sum(len(line.text) for line in lines) > MAX_CHARS:
                return None
            if (card := url_box_card(box, lines, href, anchor)) is not None:
                return card
            levels += 0 if _only_wraps(box, below) else 1
            below = box
            continue
        # the link's address printed again on a line of its own ('<span class="url">https://…</span>') is the link's
        lines = [line for line in lines if "".join(line.text.split()) != "".join(href.split())]
        if any(_PRINTED_URL.search(line.text) for line in lines) or _has_link_line(box, anchor, href):
            return None  # the card prints its link line as a text dump does: read as such
        if len(lines) > MAX_LINES or sum(len(line.text) for line in lines) > MAX_CHARS:
            return best
        card = _read(box, lines, href, _headline(anchor), listed=_one_of_a_list(anchor, box))
        if card is None and best is not None:
            return best
        best = card or best
        if not _only_wraps(box, below):
            levels += 1
        below = box
    return best


def _one_of_a_list(anchor: Tag, box: Tag) -> bool:
    """The link is one entry of a list ('<li><a>…</a> 2024.10.01</li>' · …): an entry of a list of
    articles with their dates, a card only with a summary of its own."""
    item = anchor.find_parent("li")
    if item is None or (box is not item and box not in item.parents):
        return False
    return item.find_next_sibling("li") is not None or item.find_previous_sibling("li") is not None


def _has_link_line(box: Tag, anchor: Tag, href: str) -> bool:
    """Another link to the card in the box, not its headline ('原典を見る >> <cite>publisher</cite>'): the
    card's own link line, which the text layout reads with what it names."""
    headline = "".join(anchor.get_text().split())
    return any(link is not anchor and "".join(link.get_text().split()) not in ("", headline)
               for link in box.find_all("a", href=True) if str(link["href"]).strip() == href)


def _only_wraps(parent: Tag, child: Tag) -> bool:
    return all(node is child or (isinstance(node, NavigableString) and not node.strip()) for node in parent.contents)


def _headline(anchor: Tag) -> str | None:
    """The link's text when it is a headline; a link around the whole box: its first line."""
    if anchor.find(_LINE_BREAKERS - {"br", "cite"}) is not None:
        first = next((_SPACES.sub(" ", text).strip() for text in anchor.stripped_strings), "")
        return first if MIN_HEADLINE <= len(first) <= MAX_HEADLINE else None
    text = _SPACES.sub(" ", anchor.get_text(" ", strip=True)).strip()
    if not MIN_HEADLINE <= len(text) <= MAX_HEADLINE or is_link_label(text) or _WEB.match(text) \
            or any(rule.shape.match(text) for rule in LINK_RULES) or _ends_in_label(text):
        return None  # a link line the text layout reads ('元記事を読む（日本経済新聞）»', '…で続きを読む')
    return text


# A link phrase closing a link's text names no headline ('オリコンニュースで続きを読む').
MIN_LABEL_TAIL = 4


def _ends_in_label(text: str) -> bool:
    core = text.rstrip(_LEADING_ARROWS)
    return any(is_link_label(core[start:]) for start in range(1, len(core) - MIN_LABEL_TAIL + 1))


def _links_elsewhere(box: Tag, href: str, dropped: dict[int, str]) -> bool:
    return any(str(link["href"]).strip() != href and not _in_dropped(link, box, dropped)
               for link in box.find_all("a", href=True))


def _in_dropped(node: Tag | NavigableString, box: Tag, dropped: dict[int, str]) -> bool:
    for parent in (node, *node.parents):
        if parent is box:
            return False
        if id(parent) in dropped:
            return True
    return False


def box_lines(box: Tag, href: str, dropped: dict[int, str]) -> list[_Line]:
    """The box's text, one entry per line-ending element or <br> line; a field element
    (<span>, <time>) beside another is a line of its own, as the page shows it apart."""
    lines: list[_Line] = []
    parts: list[str] = []
    number = box.sourceline or 0
    linked = False

    def end() -> None:
        nonlocal parts, linked
        text = _SPACES.sub(" ", "".join(parts)).strip().rstrip(_TRAILING_SEPARATORS)
        if text:
            lines.append(_Line(text, number, linked))
        parts, linked = [], False

    block: Tag | None = None
    for node in box.descendants:
        if isinstance(node, Tag):
            if node.name in _LINE_BREAKERS or (node.name in _FIELDS and _beside_field(node)):
                end()
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString) \
                and node.strip() and not _in_dropped(node, box, dropped) and not _in_label_link(node, href) \
                and not _in_header_row(node):
            if (inside := _block_of(node, box)) is not block:
                end()  # a block closed before this text ('<ul>…</ul><a>headline</a>'): the line ended with it
                block = inside
            if not parts:
                number = node.parent.sourceline if node.parent is not None and node.parent.sourceline else number
            parts.append(str(node))
            if any(isinstance(parent, Tag) and parent.name == "a" and str(parent.get("href") or "").strip() == href
                   for parent in node.parents):
                linked = True
    end()
    return lines


def _block_of(node: NavigableString, box: Tag) -> Tag | None:
    """The innermost element around ``node`` (inside ``box``) that holds a line of its own."""
    for parent in node.parents:
        if parent is box:
            return None
        if parent.name in _BLOCKS:
            return parent
    return None


def _in_header_row(node: NavigableString) -> bool:
    """A table's header cell ('<tr><th>日付</th><th>発信元</th>…'): it names a column, it is no card's field."""
    cell = node.find_parent("th")
    return cell is not None and _in_header_row_cell(cell)


def _in_header_row_cell(cell: Tag) -> bool:
    row = cell.find_parent("tr")
    return row is not None and all(child.name == "th" for child in row.find_all(("td", "th"), recursive=False))


def _in_label_link(node: NavigableString, href: str) -> bool:
    link = node.find_parent("a", href=True)
    return link is not None and str(link["href"]).strip() == href and is_link_label(link.get_text(" ", strip=True))


def _beside_field(node: Tag) -> bool:
    """A field element right after another one: '<span>publisher</span><span>date</span>'."""
    before = node.find_previous_sibling(True)
    between = node.previous_sibling
    gap = str(between) if isinstance(between, NavigableString) else ""
    return before is not None and before.name in _FIELDS and not gap.strip(_SEPARATORS)


_LIST_NUMBER = re.compile(r"^\d{1,2}(?:[.．、)）]|位)")
MIN_NUMBERED = 2
_LEADING_ARROWS = " \u3000⇒→＞>»›▶►|｜"


def _read(box: Tag, lines: list[_Line], href: str, headline: str | None, *, listed: bool = False) -> FieldCard | None:
    """The card the box prints around its linked headline, its fields read by the card scorer; a card names its
    source (a name or a date, or a sponsor's mark) and has a date or a summary; an entry of a list has a summary."""
    if headline is None:
        return None
    # A separator printed in an element of its own ('<span>·</span>') is no field: reported as read into the card.
    separators = [line.text for line in lines if not line.text.strip(_SEPARATOR_MARKS)]
    lines = [line for line in lines if line.text.strip(_SEPARATOR_MARKS)]
    squeezed = "".join(headline.split())
    heads = [index for index, line in enumerate(lines) if line.linked and squeezed in "".join(line.text.split())]
    if not heads or sum(1 for line in lines if _LIST_NUMBER.match(line.text)) >= MIN_NUMBERED:
        return None  # numbered entries ('1. …' · '2. …'): a ranking or a list, not one card
    if any(rule.shape.match(lines[heads[0]].text) for rule in LINK_RULES):
        return None  # the link stands in a link line the text layout reads ('出典元：<a>publisher</a>')
    # What the headline's line prints after the headline ('headline <span>publisher</span>') is a field of its own.
    title_text = lines[heads[0]].text
    at = title_text.find(headline)
    after = title_text[at + len(headline):].strip(_SEPARATOR_MARKS) if at >= 0 else ""
    if after and (len(after) > MAX_SOURCE or SENTENCE_END.search(after)):
        return None  # a headline going on into sentences: a reference or a passage, not a card's source
    if after:
        title_line = lines[heads[0]]
        lines = [*lines[:heads[0]], _Line(title_text[:at + len(headline)].strip(), title_line.number, True),
                 _Line(after, title_line.number, False), *lines[heads[0] + 1:]]
    card_lines = [CardLine(line.text if index == heads[0] or not line.linked else line.text.lstrip(_LEADING_ARROWS),
                           linked=index == heads[0]) for index, line in enumerate(lines)]
    reading = read_card(card_lines)
    if reading.title is None or reading.title.line != heads[0] \
            or not (reading.publisher or reading.date or sponsor_mark(reading)) \
            or not (reading.date or reading.summary) or (listed and not reading.summary):
        return None
    card = scored_card_lines(reading, card_lines, [line.number for line in lines], (), href, lines[-1].number,
                             in_page_order=True)
    if card is None:
        return None
    # A label printed on a line of its own over the headline ('特集') stays a line over the card, as it stands.
    kickers = [field for field in card.unread if field in reading.labels and field.line < heads[0]
               and field.as_printed == lines[field.line].text and not field.features.sponsor
               and not is_source_badge(field.text)]
    unread = [field.as_printed for field in card.unread if field not in kickers] + separators
    written = (*((field.as_printed, lines[field.line].number) for field in kickers), *card.lines)
    return FieldCard(box, written, (*_label_links(box, href), *_elements(box, unread), *_header_cells(box),
                                    *column_heads(box)))


def _header_cells(box: Tag) -> list[Tag]:
    """The header cells in the box (``_in_header_row``): they name the card's fields, and are read into it."""
    return [cell for cell in box.find_all("th") if _in_header_row_cell(cell)]


def _elements(box: Tag, texts: Sequence[str]) -> list[Tag]:
    """The elements printing ``texts``, reported as read into the card: the innermost one printing each whole,
    else the innermost one holding it."""
    return [element for text in texts if (element := element_printing(box, text) or element_holding(box, text))
            is not None]


def _label_links(box: Tag, href: str) -> list[Tag]:
    """The box's links to the card that are only a label ('続きを読む ⇒'): read into its link line."""
    return [link for link in box.find_all("a", href=True)
            if str(link["href"]).strip() == href and is_link_label(link.get_text(" ", strip=True))]

