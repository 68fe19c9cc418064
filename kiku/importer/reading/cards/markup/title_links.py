"""A source card whose headline is its link, in a box that prints no link line of its own:

    <li> <a href="https://…">headline</a> <br> ✅ summary。 <br> ✅ summary。 <br> <span>publisher</span> </li>

A box with one web link, whose text opens the box (after a sponsor label dropped, or the card's
date line), then a sentence at least (the summary), and last a short name or date with no sentence
(the source): the headline's link is the card's. The box is read as a card that is one link
(``cards.markup.card_links``): its last line, the source, becomes its link line ('→ publisher URL'), as a
text dump prints it.

The source may instead stand right under the headline, the summary after it:

    <blockquote> <p><a href="https://…">headline</a><br>publisher｜2025/12/18</p>
      <ul><li>✓ summary。</li></ul> </blockquote>

Such a box is written as a text dump prints the card (``meta_first_cards``): the headline, the
summary lines, then the source line as the link line ('→ publisher｜2025/12/18 URL'). The summary may
stand right after the box instead, a quotation of its sentences, the headline perhaps behind a glyph:

    <p>📰 <a href="https://…">headline</a><br>publisher / 2025-01-29</p>
    <blockquote><p>summary。</p><p>summary。</p></blockquote>

Then the link line is written after that summary (``field_lists.link_placed``), each quoted sentence a bullet.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from itertools import islice

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.grammar.cards.fields.features import MAX_HEADLINE, MIN_HEADLINE
from kiku.importer.grammar.lines.dates import find_date, line_date, without_updated
from kiku.importer.reading.cards.markup.card_links import link_line
from kiku.importer.reading.cards.markup.field_lists import FieldCard
from kiku.importer.reading.cards.text.labelled_fields import bullet, is_marked, quoted_summary, summary_after
from kiku.importer.reading.html.chrome.shapes.elements import is_unsafe_link
from kiku.importer.reading.html.lines.links import SENTENCE_END, is_link_label

# The boxes a card is printed in, and how far above its headline's link one is looked for.
CARD_BOXES = frozenset({"li", "div", "section", "article", "aside", "dd", "td", "figure", "dl"})
# A quotation box holds a card whose source stands under its headline (``meta_first_cards``).
META_FIRST_BOXES = CARD_BOXES | {"blockquote"}
# A paragraph heads a card (headline, source) whose summary is printed right after it.
HEAD_BOXES = frozenset({"p"})
# A glyph or two before a card's headline ('📰', '▶️').
MAX_HEAD_MARK = 3
MAX_DEPTH = 3
MAX_WRAPPERS = 4
# A card's box holds a headline, a few summary lines and its source; a bigger box is a page's text.
MAX_BOX_NODES = 60
MAX_SOURCE = 30
_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f\u00a0]+")


def title_link_cards(soup: BeautifulSoup, dropped: dict[int, str], taken: set[int],
                     ads: Collection[int] = ()) -> Iterator[tuple[Tag, str, tuple[Tag, ...]]]:
    """Each box whose headline link is its card's link, with the link's URL and the box's summary
    elements (``summary_blocks``); links in ``taken`` (read as cards already) are passed over. An
    ad's box (its id in ``ads``, or inside one) names no source: its headline and summary are the card."""
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if id(anchor) in taken or id(anchor) in dropped or not _WEB.match(href) or is_unsafe_link(href):
            continue
        headline = _COLLAPSIBLE.sub(" ", anchor.get_text(" ", strip=True)).strip()
        if not MIN_HEADLINE <= len(headline) <= MAX_HEADLINE or is_link_label(headline):
            continue
        in_ad = any(id(parent) in ads for parent in anchor.parents)
        box = next((parent for parent in boxes_above(anchor)
                    if parent.name in CARD_BOXES and _is_card_box(parent, anchor, headline, dropped, in_ad=in_ad)),
                   None)
        if box is not None:
            yield box, href, summary_blocks(box, anchor, dropped)


# The elements a card's summary is printed in, each a line of its own.
_SUMMARY_BLOCKS = ("p", "div", "li", "dd")


def summary_blocks(box: Tag, anchor: Tag, dropped: dict[int, str]) -> tuple[Tag, ...]:
    """The card's summary printed in elements of their own after its headline, each a sentence
    ('<a>headline</a> <p>summary。</p> <p>publisher ・ date</p>', a link preview): a text dump marks
    each as a bullet, so they are read as the card's summary, not as the page's paragraphs."""
    after = False
    blocks: list[Tag] = []
    for node in box.find_all(True):
        if node is anchor:
            after = True
        elif after and node.name in _SUMMARY_BLOCKS and id(node) not in dropped \
                and node.find(_SUMMARY_BLOCKS) is None and anchor not in node.parents \
                and SENTENCE_END.search(node.get_text(" ", strip=True)):
            blocks.append(node)
    return tuple(blocks)


def meta_first_cards(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[FieldCard]:
    """Each box whose one link is its headline, followed by the source line (a name and/or a date,
    no sentence) and then the summary (sentences only, in the box or quoted right after it): a card,
    written title, summary, link line."""
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if id(anchor) in dropped or not _WEB.match(href) or is_unsafe_link(href):
            continue
        headline = _COLLAPSIBLE.sub(" ", anchor.get_text(" ", strip=True)).strip()
        if not MIN_HEADLINE <= len(headline) <= MAX_HEADLINE or is_link_label(headline) or _WEB.match(headline):
            continue  # a link printing its own URL is no headline
        for box in boxes_above(anchor):
            if (box.name in META_FIRST_BOXES or box.name in HEAD_BOXES) and id(box) not in dropped \
                    and (card := _meta_first_card(box, anchor, headline, href, dropped)) is not None:
                yield card
                break


def boxes_above(anchor: Tag) -> Iterator[Tag]:
    """The elements around ``anchor``, up to ``MAX_DEPTH`` of them; a wrapper holding nothing but the
    element below it (a component framework's extra <div>) is passed through without counting, up to
    ``MAX_WRAPPERS`` of them."""
    counted = wrappers = 0
    below: Tag = anchor
    for parent in anchor.parents:
        if counted == MAX_DEPTH:
            return
        yield parent
        if _only_wraps(parent, below) and wrappers < MAX_WRAPPERS:
            wrappers += 1
        else:
            counted += 1
        below = parent


def _only_wraps(parent: Tag, child: Tag) -> bool:
    return child.name != "a" and all(node is child or (isinstance(node, NavigableString) and not node.strip())
                                      for node in parent.contents)


def _meta_first_card(box: Tag, anchor: Tag, headline: str, href: str, dropped: dict[int, str]) -> FieldCard | None:
    nodes = list(islice(box.descendants, MAX_BOX_NODES + 1))
    if len(nodes) > MAX_BOX_NODES or any(isinstance(node, Tag) and node.name == "a" and node is not anchor
                                         for node in nodes):
        return None
    if not _opens_with("".join(_kept_texts(nodes, dropped)), "".join(headline.split())):
        return None
    rest = [text for text in _lines_after(box, anchor, dropped) if text]
    written = link_line(rest[0], href) if rest and _is_source(rest[0]) else None
    number = anchor.sourceline or 0
    if written is not None and len(rest) == 1 and (summary := summary_after(box)) is not None \
            and quoted_summary(summary):
        # Its summary quoted right after its box: the link line closes the card there.
        return FieldCard(box, ((headline, number),), (), link=(written, number))
    if box.name not in META_FIRST_BOXES or len(rest) < 2 or written is None \
            or not all(SENTENCE_END.search(text) for text in rest[1:]):
        return None
    return FieldCard(box, ((headline, number), *((bullet(text), number) for text in rest[1:]), (written, number)), ())


def _opens_with(text: str, headline: str) -> bool:
    """Whether the box's text opens with the headline, or with a mark and the headline ('📰 …'): the
    mark decorates the card's head as a bullet's glyph does a line."""
    start = text.find(headline)
    marks = [char for char in text[:start] if char != "\ufe0f"]
    return start == 0 or (0 < start <= MAX_HEAD_MARK and all(is_marked(char) for char in marks))


def _is_source(text: str) -> bool:
    """A source line: no sentence, and short or dated ('読売新聞オンライン｜2025/12/18')."""
    return SENTENCE_END.search(text) is None and (len(without_updated(text).strip()) <= MAX_SOURCE
                                                  or find_date(text) is not None)


def _is_card_box(box: Tag, anchor: Tag, headline: str, dropped: dict[int, str], *, in_ad: bool = False) -> bool:
    nodes = list(islice(box.descendants, MAX_BOX_NODES + 1))
    if len(nodes) > MAX_BOX_NODES or any(isinstance(node, Tag) and node.name == "a" and node is not anchor
                                         and id(node) not in dropped for node in nodes):
        return False
    joined = "".join(_kept_texts(nodes, dropped))
    start = joined.find("".join(headline.split()))
    # Before the headline: nothing (a sponsor label dropped), the card's date line, or the box's label
    # ('参考記事', '関連リンク').
    if start < 0 or (start > 0 and line_date(joined[:start]) is None and not _is_box_label(joined[:start])):
        return False
    rest = [text for text in _lines_after(box, anchor, dropped) if text]
    if in_ad and rest and all(SENTENCE_END.search(text) for text in rest):
        return True  # an ad's headline and its pitch: no source line
    if len(rest) < 2:
        return False
    source = without_updated(rest[-1]).strip()  # the date it was updated on, beside the source's, is no more of it
    return len(source) <= MAX_SOURCE and SENTENCE_END.search(source) is None \
        and any(SENTENCE_END.search(text) for text in rest[:-1])


# A box's label over the card: a word or two, no sentence, no date.
MAX_BOX_LABEL = 8
_LABEL_MARKS = re.compile(r"[。、,.!?！？「」]")


def _is_box_label(text: str) -> bool:
    return len(text) <= MAX_BOX_LABEL and _LABEL_MARKS.search(text) is None and find_date(text) is None


def _kept_texts(nodes: Sequence[object], dropped: dict[int, str]) -> list[str]:
    """The box's strings without spaces, those of dropped elements (a sponsor label) left out."""
    return ["".join(str(node).split()) for node in nodes
            if isinstance(node, NavigableString) and not isinstance(node, PreformattedString)
            and not any(id(parent) in dropped for parent in islice(node.parents, MAX_DEPTH + 2))]


def _lines_after(box: Tag, anchor: Tag, dropped: dict[int, str]) -> list[str]:
    """The box's text after the headline, one entry per element holding text or per <br> line."""
    lines: list[str] = []
    current = ""
    for node in anchor.next_elements:
        if isinstance(node, Tag):
            if box not in node.parents:
                break
            if node.name == "br" or node.name in CARD_BOXES or node.name in ("p", "span", "h3", "h4", "h5", "h6"):
                lines.append(current.strip())
                current = ""
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString) \
                and anchor not in node.parents and not any(id(parent) in dropped for parent in node.parents):
            if box not in node.parents:
                break
            current += str(node)
    lines.append(current.strip())
    return [_COLLAPSIBLE.sub(" ", line).strip() for line in lines]
