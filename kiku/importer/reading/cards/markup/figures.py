"""A figure quoting an article whose link comes first, its source and summary in the caption after it:

    <figure>
      <a href="https://…"><strong>title</strong><span>https://…</span></a>
      <figcaption><cite>publisher</cite> <time>date</time><ul><li>summary…</li></ul></figcaption>
    </figure>

A text dump closes a card with its link line; here the link opens it. The figure's one web link
(when no link and no printed URL comes after the summary) is written as the card's link line at the
figure's end, as a card built from markup is (``html_cards.link_line``: '→ publisher URL'), the
publisher read from the figure's ``<cite>`` (the element that names a quotation's source). The
link's title stays where it stands, the card's title; a line of the link that only prints its URL
is read into the link line, not kept as a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.reading.cards.markup.card_links import CARD_ARROW, link_line
from kiku.importer.reading.cards.markup.field_lists import whole_card
from kiku.importer.reading.cards.markup.link_boxes import box_lines
from kiku.importer.reading.html.chrome.ads import AD_LABEL_RULE

URL_TEXT_RULE = "card-link-url"
_WEB = re.compile(r"^\s*https?://", re.IGNORECASE)
_URL_TEXT = re.compile(r"^https?://\S+$", re.IGNORECASE)
_BLOCKS = ("div", "p", "li", "dd", "dt", "h2", "h3", "h4", "figcaption", "blockquote")
_SENTENCE_END = re.compile(r"[。．！？!?]\s*$")
# A publisher's name is short; a longer <cite> is a quoted title, not the name.
MAX_PUBLISHER = 40


@dataclass(frozen=True, slots=True)
class FigureCard:
    """A figure read as a card: the line written at its end, and the elements that only print its URL."""

    figure: Tag
    anchor: Tag
    line: str
    url_texts: tuple[Tag, ...]


def figure_cards(soup: BeautifulSoup, dropped: dict[int, str]) -> Iterator[FigureCard]:
    """Each figure whose one web link stands before the card's summary lines."""
    for figure in soup.find_all("figure"):
        if id(figure) in dropped:
            continue
        anchors = [anchor for anchor in figure.find_all("a", href=True)
                   if _WEB.match(str(anchor["href"])) and _kept(anchor, figure, dropped)]
        if not anchors or len({str(anchor["href"]).strip() for anchor in anchors}) != 1:
            continue
        # Every link to it stands before the summary, and no text prints its URL: a figure that closes
        # its card with a link line of its own is read as it stands.
        if not _summary_after(anchors[-1], figure) or _prints_a_url(figure, anchors):
            continue
        anchor = anchors[0]
        if _in_whole_card(anchor, dropped):
            continue
        url = str(anchor["href"]).strip()
        cite = figure.find("cite")
        publisher = cite.get_text(" ", strip=True) if cite is not None else ""
        publisher = publisher or _scored_publisher(figure, anchor, url, dropped) or ""
        written = link_line(publisher, url) if publisher and len(publisher) <= MAX_PUBLISHER else None
        yield FigureCard(figure, anchor, written or f"{CARD_ARROW} {url}", tuple(_url_texts(anchor)))


def _scored_publisher(figure: Tag, anchor: Tag, url: str, dropped: dict[int, str]) -> str | None:
    """With no <cite>, the publisher the card scorer reads among the figure's lines (the most name-like field,
    beside the date or the link: a bookmark's metadata row 'category  publisher' over a caption's date), else
    None. The link's text is the headline only when it is a line of its own, not a box around the card."""
    lines = box_lines(figure, url, dropped)
    headline = anchor.find(_BLOCKS) is None
    reading = read_card([CardLine(line.text, linked=headline and line.linked) for line in lines])
    if reading.publisher is None or (reading.title is not None and reading.title.line == reading.publisher.line) \
            or any(label.features.sponsor for label in reading.labels) \
            or any(dropped.get(id(element)) == AD_LABEL_RULE for element in figure.find_all(True)):
        return None  # a sponsor's mark: the ad readers name an ad's advertiser
    return reading.publisher.text


def _in_whole_card(anchor: Tag, dropped: dict[int, str]) -> bool:
    """Whether the link is a field of a list of labelled fields that prints a whole card (title, source,
    link: ``field_lists.whole_card``): that list writes the card's lines, its link line among them."""
    fields = anchor.find_parent("dl")
    return fields is not None and whole_card(fields, dropped) is not None


def _kept(anchor: Tag, figure: Tag, dropped: dict[int, str]) -> bool:
    """Whether no rule dropped the link or a box around it inside the figure."""
    element: Tag | None = anchor
    while element is not None and element is not figure:
        if id(element) in dropped:
            return False
        element = element.parent
    return True


def _summary_after(anchor: Tag, figure: Tag) -> bool:
    """Whether a summary line (a list item, or a sentence) follows the link inside the figure."""
    for line in anchor.find_all_next(("li", "p", "dd", "div")):
        if figure not in line.parents:
            return False
        if line.name == "li" or _SENTENCE_END.search(line.get_text(strip=True)):
            return True
    return False


def _prints_a_url(figure: Tag, anchors: list[Tag]) -> bool:
    inside_links = {id(string) for anchor in anchors for string in anchor.strings}
    return any("http" in string for string in figure.strings if id(string) not in inside_links)


def _url_texts(anchor: Tag) -> Iterator[Tag]:
    """The link itself when its text is only its URL, else its children that are."""
    if _URL_TEXT.match(anchor.get_text(strip=True)):
        yield anchor
        return
    for child in anchor.find_all(True):
        if _URL_TEXT.match(child.get_text(strip=True)):
            yield child
