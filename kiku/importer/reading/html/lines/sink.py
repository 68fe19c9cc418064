"""Where the HTML reader writes its lines: the current line's parts, its source line, its links.

A line ends at a block element; its text is the whitespace-collapsed join of its parts. The
links on the line are kept with their visible text, so a link label that shows no URL
('続きを読む »', '>>', '元記事') can have its target written in (``html_links``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.lines.dates import date_prefix
from kiku.importer.page import Line, squeeze_spaces
from kiku.importer.reading.cards.markup.card_links import CARD_ARROW, link_line
from kiku.importer.reading.html.lines.links import (
    Anchor,
    cited_publisher_first,
    is_bare_link,
    is_card_meta,
    with_link_targets,
)

# Whitespace as HTML collapses it, and the no-break space; the ideographic space is content.
COLLAPSIBLE = re.compile(r"[ \t\n\r\f\u00a0]+")


@dataclass
class Sink:
    """Collects lines; the current line's parts, its first source line and its links."""

    lines: list[Line] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    number: int = 0
    hrefs: list[str] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    # The current line is a heading element's text.
    heading: bool = False
    # The current line is the element the page prints its title in (``Line.title``).
    title: bool = False
    # The current line is one a converter printed as an element placed by coordinates (``lines.positioned``).
    printed: bool = False
    # How many ad boxes the walk is inside; the current line holds text of one.
    ad_depth: int = 0
    ad: bool = False
    # The style of the innermost block element entered (``Line.style``), and the current line's.
    block_style: str = ""
    style: str = ""
    # The current line's heading element and classes; how many list items the walk is inside, and
    # whether the current line holds text of one.
    heading_markup: str = ""
    list_depth: int = 0
    list_item: bool = False
    # The first line of each open box (a card's box, for a link line that is only a label).
    boxes: list[int] = field(default_factory=list)
    # A link's URL printed under the line its href was written into: the line, read into that one.
    printed_urls: list[Line] = field(default_factory=list)
    # A link line as printed, before its cited publisher was moved before the URL (``html_links``).
    as_printed: list[Line] = field(default_factory=list)
    # The texts of the <cite> elements on the current line (a card's publisher, ``html_links``).
    cites: list[str] = field(default_factory=list)
    # Open links: where their text starts (the line count and part index when entered).
    _open: dict[int, tuple[int, int]] = field(default_factory=dict)
    # The href written into the last line (``html_links``), which a line printing it may follow.
    _written_href: str | None = None
    # Card link lines held until the element they are written after ends (the card's summary list).
    _held_links: dict[int, Line] = field(default_factory=dict)

    def text(self, text: str, number: int) -> None:
        if not self.parts and not text.strip():
            return
        if not self.parts:
            self.number = number
            self.style = self.block_style
        self.parts.append(text)
        self.ad = self.ad or self.ad_depth > 0
        self.list_item = self.list_item or self.list_depth > 0

    def current_text(self) -> str:
        """The current line's text so far, its whitespace collapsed."""
        return COLLAPSIBLE.sub(" ", "".join(self.parts)).strip()

    def open_link(self, key: int, href: str) -> None:
        self.hrefs.append(href)
        self._open[key] = (len(self.lines), len(self.parts))

    def close_link(self, key: int, href: str) -> None:
        """The link ``key`` ends: its text is what was written since it opened, on this line."""
        started = self._open.pop(key, None)
        if started is None:
            return
        line_count, first_part = started
        text = "".join(self.parts[first_part:]) if line_count == len(self.lines) else ""
        self.anchors.append(Anchor(href, COLLAPSIBLE.sub(" ", text).strip()))

    def open_box(self) -> None:
        self.boxes.append(len(self.lines))

    def close_box(self) -> None:
        """A box ends: when it is a card's (a few lines, the last its only card link line), its first
        line is marked as the card's head."""
        if not self.boxes:
            return
        first = self.boxes.pop()
        if not MIN_CARD_BOX <= len(self.lines) - first <= MAX_CARD_BOX:
            return
        box = self.lines[first:]
        if read_card_link(box[-1].text) is not None and all(read_card_link(line.text) is None for line in box[:-1]):
            self.lines[first] = dataclasses.replace(box[0], heads_card_box=True)

    def write_box(self, lines: tuple[tuple[str, int], ...], *, ad: bool) -> None:
        """A box read whole into ``lines`` (text, line in the file), marked as an ad when ``ad``: a
        card's box, its first line marked as its head when its last is its link line."""
        self.end_line()
        self.open_box()
        self.ad_depth += ad
        for text, number in lines:
            self.text(text, number)
            self.end_line()
        self.ad_depth -= ad
        self.close_box()

    def end_line(self) -> None:
        text = squeeze_spaces(COLLAPSIBLE.sub(" ", "".join(self.parts))).strip()
        if text and text == self._written_href:
            # '<a href=URL>元記事を読む</a><br>URL': the page prints the URL its link line already carries.
            self.printed_urls.append(Line(self.number, text))
            self._written_href = None
        elif text:
            if is_bare_link(text, self.anchors) and self.boxes:
                text = self._with_card_meta(text)
            targeted = with_link_targets(text, self.hrefs, self.anchors)
            written = cited_publisher_first(targeted, self.cites)
            if written != targeted:
                self.as_printed.append(Line(self.number, targeted))
            self._written_href = _written_url(text, written, self.hrefs)
            link_only = len(self.anchors) == 1 and self.anchors[0].text == text \
                and _WEB_LINK.match(self.anchors[0].href) is not None
            self.lines.append(Line(self.number, written, heading=self.heading, title=self.title, ad=self.ad,
                                   style=self.style, heading_markup=self.heading_markup, list_item=self.list_item,
                                   link_only=link_only, printed_line=self.printed))
        self.parts, self.hrefs, self.anchors, self.heading, self.ad, self.style = [], [], [], False, False, ""
        self.printed, self.title = False, False
        self.heading_markup, self.list_item, self.cites = "", False, []

    def write_card_link(self, first_line: int, url: str, number: int, *, after: int | None = None) -> None:
        """A card that is one link ends: its last line (the meta line) becomes its link line, or
        the link line is written after it (``html_cards``); held until the element ``after`` ends
        when the card's summary follows it."""
        self.end_line()
        last = self.lines[-1] if len(self.lines) > first_line else None
        written = link_line(last.text, url) if last is not None else None
        if last is not None and written is not None:
            link = dataclasses.replace(last, text=written)
            self.lines.pop()
            self._mark_summary(first_line)
        else:
            link = Line(number, f"{CARD_ARROW} {url}", ad=self.ad_depth > 0)
        if after is not None:
            self._held_links[after] = link
        else:
            self.lines.append(link)

    def _mark_summary(self, first_line: int) -> None:
        """The sentences after a card's first line (its title, or its box's label) and before its meta
        line are its summary: each unmarked one gets the bullet mark a text dump prints."""
        for index in range(first_line + 1, len(self.lines)):
            line = self.lines[index]
            if _unmarked(line.text) and _SENTENCE_END.search(line.text):
                self.lines[index] = dataclasses.replace(line, text=f"・{line.text}")

    def write_held_link(self, key: int) -> None:
        """The element ``key`` ended: a card link line held for it is written, numbered as the line
        before it so the card's lines stay in page order."""
        link = self._held_links.pop(key, None)
        if link is not None:
            self.end_line()
            number = max(link.number, self.lines[-1].number if self.lines else 0)
            self.lines.append(dataclasses.replace(link, number=number))

    def _with_card_meta(self, label: str) -> str:
        """A link line that is only a label ('元記事'), in a card box printed 'title, meta line,
        bullets': the meta line (a publisher, and a date) is moved onto the link line, where a text
        dump prints it ('meta 元記事'), so the card reads as one. A date line alone stays: the
        card's date line is read where it stands."""
        # The innermost box with lines before the link: a box around the link alone is not the card's.
        first = next((start for start in reversed(self.boxes) if start < len(self.lines)), len(self.lines))
        box = self.lines[first:]
        if len(box) < CARD_WITH_META or not is_card_meta(box[1].text) or _is_labelled_date(box[1].text) \
                or _unmarked(box[2].text):
            return label
        del self.lines[first + 1]
        return f"{box[1].text} {label}"


def _written_url(text: str, written: str, hrefs: list[str]) -> str | None:
    """The link target ``with_link_targets`` wrote into the line (at its end), else None."""
    if written == text:
        return None
    return next((href for href in hrefs if href not in text and written.endswith(" " + href)), None)


# A card box with a meta line: its title, the meta line and a bullet at least.
CARD_WITH_META = 3
# A card's box: its head and its link line at least; more lines than this are a section's or the page's.
MIN_CARD_BOX = 2
MAX_CARD_BOX = 12
_WEB_LINK = re.compile(r"\s*https?://", re.IGNORECASE)


# A summary line holds a full stop; a headline may end in '？' or '！'.
_SENTENCE_END = re.compile(r"[。．]")
_DATE_LABEL_END = re.compile(r"(?:[:：]|日時?|^)\s*$")


def _is_labelled_date(text: str) -> bool:
    """A date line: a date alone or after its label ('公開日：…'), not after a publisher's name."""
    prefix = date_prefix(text)
    return prefix is not None and _DATE_LABEL_END.search(prefix) is not None


def _unmarked(text: str) -> bool:
    return text[:1].isalnum() or text[:1] in "「『（(“\""
