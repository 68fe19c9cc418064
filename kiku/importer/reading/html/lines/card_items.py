"""A card printed as the items of a list: its lines are not bullets.

    <ul><li>headline</li><li>掲載日：2025年10月26日</li><li>● summary。</li>
        <li><a href="https://…">元記事を読む »</a> 出典：publisher</li></ul>

A list holding the card's date line, in a card's box (the list, or the box around it, holding a
read-more link, a link label or the URL itself to a web page, and two links at most) is a card's box of lines, as a
<div> of <p>s would be: a text dump prints its headline, date and link line unmarked (the link line
then carries its URL, a card's). Its sentences are the card's summary and
keep their bullet. A list of bullets with a date in one of them has no read-more item; a list of
links (a menu, a related list) has no date line.
"""

from __future__ import annotations

import re

from bs4 import Tag

from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.reading.html.lines.links import SENTENCE_END, is_link_label

# A card's lines: a headline, a date, a few summary lines and its link; a longer list is a list.
MAX_CARD_ITEMS = 10
# The box a card's list stands in, beside its summary list and link line; a card links out once or twice.
_CARD_BOXES = frozenset({"div", "section", "article", "aside", "li", "blockquote", "figure"})
MAX_CARD_LINKS = 2
_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)


def is_card_line_item(item: Tag) -> bool:
    """Whether ``item`` is a line of a card printed as a list, other than a summary sentence."""
    items = _card_items(item)
    return items is not None and SENTENCE_END.search(item.get_text(" ", strip=True)) is None


def _card_items(item: Tag) -> list[Tag] | None:
    box = item.parent
    if box is None or box.name != "ul":
        return None
    items = box.find_all("li", recursive=False, limit=MAX_CARD_ITEMS + 1)
    if len(items) > MAX_CARD_ITEMS:
        return None
    dated = any(line_date(other.get_text(" ", strip=True)) is not None for other in items)
    card = box.parent if box.parent is not None and box.parent.name in _CARD_BOXES else box
    links = card.find_all("a", href=True, limit=MAX_CARD_LINKS + 1)
    return items if dated and len(links) <= MAX_CARD_LINKS and any(_is_read_more(link) for link in links) else None


def _is_read_more(link: Tag) -> bool:
    """A link to a web page showing a label or the URL itself, as a card's link line does."""
    href, text = str(link["href"]).strip(), link.get_text(" ", strip=True)
    return _WEB.match(href) is not None and (is_link_label(text) or text == href)
