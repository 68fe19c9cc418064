"""A card printed as a quotation of its article, its source named by a ``<cite>`` in the quote's footer:

    <blockquote cite="https://…"> <p>title</p> <p>a sentence of the article。</p> …
      <footer>— <cite>信濃毎日新聞</cite>（2025年7月1日）<br><a href="https://…">https://…</a></footer>
    </blockquote>

    <blockquote> <p>a sentence of the article。</p> …
      <footer><cite><a href="https://…">title</a></cite>（NHK NEWS WEB／2025年3月18日）</footer>
    </blockquote>

A quote may also print its URL in a block of its own, its title in a ``<cite>`` and its source last,
a line of a name and a date alone (read into the link line; without a title it is an untitled card):

    <blockquote cite="https://…"> <p><a href="https://…">https://…</a></p> <cite>title</cite>
      <ul><li>summary。</li></ul> <footer>— 共同通信（2025年3月21日）</footer> </blockquote>

A ``<cite>`` names the source of a quotation, and so does a quote's ``<footer>`` holding its link
('<footer>― 琉球新報 2025/09/12 <a href="https://…">https://…</a></footer>'); in a quote's last
block with the quote's one web link (its URL printed, or the cited title), it closes a card; so
does the caption of a <figure> holding the quote
('<figure><blockquote>…</blockquote><figcaption>— <cite>…</cite> …</figcaption></figure>').
When the link shows a title, not its URL, that is the card's title and the rest of the block the
meta line; else the block without the URL is the meta line and the quote's first block, a headline,
the title. The quote's other blocks are its summary. It is written as a text dump prints a card:
the title, the summary bullets and the link line, the source block's text as printed
('→ — 信濃毎日新聞（2025年7月1日） https://…'). A quote
whose source block reads as a link line already ('元記事を読む » <cite>…</cite>') is read as it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.cards.card_link import LINK_OPENING
from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.grammar.lines.dates import find_date
from kiku.importer.reading.cards.markup.card_links import CARD_ARROW, link_line
from kiku.importer.reading.cards.markup.field_lists import FieldCard
from kiku.importer.reading.cards.text.labelled_fields import bullet
from kiku.importer.reading.html.lines.links import is_link_label

_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
_SENTENCES = re.compile(r"[。．](?:\s*$|(?=.))")
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f\u00a0]+")
# A quote of more blocks than this is an article's passage, not a card.
MAX_QUOTE_BLOCKS = 10
_LISTS = frozenset({"ul", "ol"})
_NAME = re.compile(r"\w")


def quote_cards(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[FieldCard]:
    """Each quotation that closes with its cited source: a card (``FieldCard`` lines, no labels)."""
    for quote in soup.find_all(("blockquote", "figure")):
        blocks = _quote_blocks(quote)
        if id(quote) not in dropped and blocks and not any(id(block) in dropped for block in blocks) \
                and (card := _quote_card(quote, blocks)) is not None:
            yield card


def _quote_blocks(quote: Tag) -> list[Tag]:
    """The blocks of a quote: a <blockquote>'s children, or those of a <figure>'s quote and then its
    caption, where a figure holds a quote and its attribution ('<figcaption>— <cite>…</cite></figcaption>')."""
    if quote.name == "blockquote":
        return quote.find_all(True, recursive=False, limit=MAX_QUOTE_BLOCKS + 1)
    parts = quote.find_all(True, recursive=False, limit=3)
    if [part.name for part in parts] != ["blockquote", "figcaption"]:
        return []
    return [*parts[0].find_all(True, recursive=False, limit=MAX_QUOTE_BLOCKS), parts[1]]


def _quote_card(quote: Tag, blocks: list[Tag]) -> FieldCard | None:
    if not 2 <= len(blocks) <= MAX_QUOTE_BLOCKS:
        return None
    source = blocks[-1]
    cite = source if source.name == "cite" else source.find("cite")
    url = _one_target(quote)
    if url is None:
        return None
    source_text = _text(source)
    # A quote's <footer> credits its source as a <cite> does, when it holds the quote's link; a last
    # block that is only a source line ('— NHK（2025年3月25日）') credits it too, the link printed above.
    credited = source.name == "footer" and source.find("a", href=True) is not None
    sourced = _is_source_line(source, source_text)
    if not (isinstance(cite, Tag) or credited or sourced):
        return None
    if LINK_OPENING.match(source_text):
        return None  # '元記事を読む » <cite>…</cite>': a link line as it stands
    # A block printing only the quote's URL is read into the link line.
    printed = tuple(block for block in blocks[:-1] if _text(block) == url)
    lines = [(text, block.sourceline or 0) for block in blocks[:-1] if block not in printed
             for text in _block_lines(block)]
    linked = source.find("a", href=True)
    linked_title = _text(linked) if isinstance(linked, Tag) else ""
    titled = (linked_title, source.sourceline or 0) if linked_title and linked_title != url else None
    meta = _COLLAPSIBLE.sub(" ", source_text.replace(titled[0], " ", 1) if titled else source_text.replace(url, " ")
                            ).strip()
    read = _read_blocks(lines, titled, meta)
    # A quote closed by its source line is a card though it prints no title (an untitled card).
    untitled = sourced and not isinstance(cite, Tag)
    if read is None or (read[0] is None and not untitled):
        return None
    title, dated, summary = read
    written = (link_line(meta, url) if meta else None) or f"{CARD_ARROW} {url}"
    return FieldCard(quote, (*([title] if title else []), *dated, *summary, (written, source.sourceline or 0)),
                     printed)


_Printed = tuple[str, int]


def _read_blocks(lines: list[_Printed], titled: _Printed | None,
                 meta: str) -> tuple[_Printed | None, list[_Printed], list[_Printed]] | None:
    """The quote's (title, date lines, summary bullets) as the card scorer reads its blocks' lines, the linked
    title (``titled``) first and the source line last, else None: every field of the blocks is the title, the
    date or a summary sentence, and there is a summary."""
    card = [CardLine(titled[0], linked=True)] if titled else []
    card += [CardLine(text) for text, _ in lines]
    blocks_end = len(card)
    reading = read_card([*card, CardLine(meta)] if meta else card)
    title = reading.title if reading.title is not None and reading.title.line < blocks_end else None
    values = {id(field) for field in (title, reading.date, *reading.summary) if field is not None}
    if not reading.summary or any(id(field) not in values for field in reading.fields if field.line < blocks_end) \
            or (titled is not None and (title is None or title.line != 0)):
        return None
    offset = 1 if titled else 0
    title_at = title.line - offset if title is not None else None
    date_at = reading.date.line - offset if reading.date is not None and reading.date.line < blocks_end else None
    head = titled if titled else lines[title_at] if title_at is not None else None
    dated = [lines[date_at]] if date_at is not None and date_at != title_at else []
    summary = [(bullet(text), number) for index, (text, number) in enumerate(lines) if index not in (title_at, date_at)]
    return head, dated, summary


# A source line: a name and a date at most this long, no sentence.
MAX_SOURCE_LINE = 40


def _is_source_line(source: Tag, text: str) -> bool:
    """The quote's last block names its source and its date ('— 共同通信（2025年3月21日）'): short, dated, no
    sentence, no list and no link (a quote's own last sentence is none)."""
    found = find_date(text)
    return source.name not in _LISTS and source.find("a") is None and len(text) <= MAX_SOURCE_LINE \
        and not _SENTENCES.search(text) and found is not None and _NAME.search(found[1]) is not None


def _one_target(quote: Tag) -> str | None:
    """The quote's one web link target (its links', else its ``cite`` attribute's), none a link label."""
    anchors = quote.find_all("a", href=True)
    if any(is_link_label(anchor.get_text(" ", strip=True)) for anchor in anchors):
        return None
    quoted = quote if quote.name == "blockquote" else quote.find("blockquote")
    cited = str(quoted.get("cite") or "").strip() if isinstance(quoted, Tag) else ""
    targets = {str(anchor["href"]).strip() for anchor in anchors} or {cited}
    target = next(iter(targets))
    return target if len(targets) == 1 and _WEB.match(target) else None


def _block_lines(block: Tag) -> list[str]:
    """A block's lines: a list's items, else its text, broken where a <br> breaks it."""
    if block.name in _LISTS:
        return [text for item in block.find_all("li") if (text := _text(item))]
    lines, current = [], ""
    for node in block.descendants:
        if isinstance(node, Tag) and node.name == "br":
            lines.append(current)
            current = ""
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            current += " " + str(node)
    lines.append(current)
    return [text for line in lines if (text := _COLLAPSIBLE.sub(" ", line).strip())]


def _text(element: Tag) -> str:
    return _COLLAPSIBLE.sub(" ", element.get_text(" ", strip=True)).strip()
