"""Where a saved page prints each of its truth's source cards, and the card's lines by role.

A card is found by its truth: the link to its URL, then the run of sibling elements around it
that holds none of the article's own strings (the page's truth content), no heading, no other
card's link: climbing while that run is all of its parent's content. The run must hold the card's
printed title, publisher and date (those the truth names). Its lines (a block element or a <br>
ends one) are then sorted into the headline, the link line (a link phrase), the source lines
(publisher, date) and the rest (summary, labels), so that a rewrite can print them in another shape.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.support.import_truth import without_marker
from tests.support.page_variants.html_tree import Node

# Elements a card's run never climbs past: the page's content root holds more than one card.
_TOP = frozenset({"#root", "html", "body", "main"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A sibling this long is the page's text, not a card's line.
_MAX_SIBLING_TEXT = 400
_MAX_CLIMB = 6
_DATE = re.compile(r"(20\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([/.\-])\s*(\d{1,2})\s*\4\s*(\d{1,2}))")
# Elements that must sit in their own parent (a list item in its list): a card printed as one
# keeps the element and has its content printed anew.
_ASCII_SPACES = re.compile(r"[ \t\r\n\f]+")
_FIELD_LABELS = frozenset({"th", "dt"})
_HELD = frozenset({"li", "td", "th", "dd", "dt", "tr"})


def squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def width_folded(text: str) -> str:
    """Full-width digits and punctuation as ASCII, one character for one (offsets kept)."""
    return "".join(folded if len(folded := unicodedata.normalize("NFKC", char)) == 1 else char for char in text)


def date_span(text: str, published: object) -> tuple[int, int] | None:
    """Where ``text`` prints the date ``published`` (a date or its ISO string)."""
    wanted = str(published)
    for match in _DATE.finditer(width_folded(text)):
        month, day = match.group(2) or match.group(5), match.group(3) or match.group(6)
        if f"{match.group(1)}-{int(month):02}-{int(day):02}" == wanted:
            return match.span()
    return None


@dataclass
class CardLine:
    raw: str
    text: str
    has_link: bool = False


@dataclass
class CardRegion:
    """A card printed as ``page[start:end]``: its lines by role, and the box that held it."""

    start: int
    end: int
    url: str
    title: str | None
    publisher: str | None
    published: object
    lines: list[CardLine]
    # The element the card was printed in (None: a run of siblings), and whether it must stay.
    box: Node | None = None
    held: bool = False
    title_index: int | None = None
    link_index: int | None = None
    meta: list[int] = field(default_factory=list)

    def rest(self, before_title: bool) -> list[CardLine]:
        taken = {self.title_index, self.link_index, *self.meta}
        first = self.title_index if self.title_index is not None else len(self.lines)
        return [line for index, line in enumerate(self.lines)
                if index not in taken and (index < first) == before_title]


def card_regions(root: Node, truth: Mapping[str, Any]) -> list[CardRegion]:
    """The page's cards that are found, in page order, not overlapping."""
    cards = [card for section in truth.get("sections") or [] if isinstance(section, dict)
             for card in section.get("sources") or [] if card.get("url")]
    urls = {str(card["url"]) for card in cards}
    content = _content_strings(truth)
    anchors = [node for node in root.elements() if node.name == "a" and _href(node) in urls]
    used: set[int] = set()
    regions: list[CardRegion] = []
    for card in cards:
        anchor = next((node for node in anchors if _href(node) == card["url"] and id(node) not in used), None)
        if anchor is None:
            continue
        used.add(id(anchor))
        others = [other for other in cards if other is not card]
        region = _region(anchor, card, urls, content, others)
        if region is not None and all(region.end <= other.start or region.start >= other.end for other in regions):
            regions.append(region)
    return sorted(regions, key=lambda region: region.start)


def _href(node: Node) -> str:
    return node.attrs.get("href", "").strip()


def _content_strings(truth: Mapping[str, Any]) -> list[str]:
    strings = [without_marker(str(text)) for text in truth.get("content") or [] if text]
    for section in truth.get("sections") or []:
        if isinstance(section, dict):
            strings += [str(section[key]) for key in ("heading", "question", "answer") if section.get(key)]
    return [squeezed(text) for text in strings if text.strip()]


def _holds_content(node: Node, content: Sequence[str]) -> bool:
    """The node prints one of the article's strings as a line, or a long one anywhere."""
    lines = [squeezed(line.text) for line in node_lines(node, None)] if node.name else [squeezed(node.text)]
    return any(text and (text in line and (len(text) >= len(line) - 4 or len(text) >= 20))
               for line in lines for text in content)


def _is_foreign(node: Node, url: str, urls: set[str], card: Mapping[str, Any]) -> bool:
    """A sibling that is not the card's: a heading, another link (unless it holds the card's source),
    another card's link, or a long text."""
    if not node.name:
        return False
    if node.name in ("script", "style", "!"):
        return False
    elements = [node, *node.elements()]
    title = squeezed(str(card.get("title") or "")) or None
    if any(element.name in _HEADINGS and (title is None or title not in squeezed(element.plain()))
           for element in elements):
        return True  # a heading, unless it prints the card's headline
    links = {_href(element) for element in elements if element.name == "a" and element.attrs.get("href")}
    if links & (urls - {url}):
        return True
    if links - {url} and not _holds_source(node.plain(), card):
        return True
    return len(node.plain()) > _MAX_SIBLING_TEXT


def _holds_source(text: str, card: Mapping[str, Any]) -> bool:
    publisher = card.get("publisher")
    return bool(publisher and squeezed(str(publisher)) in squeezed(text)) or bool(
        card.get("published") and date_span(text, card["published"]) is not None)


def _region(anchor: Node, card: Mapping[str, Any], urls: set[str], content: Sequence[str],
            others: Sequence[Mapping[str, Any]]) -> CardRegion | None:
    """The run of siblings printing the card: first the nearest run holding its link, headline and
    source (whatever is between them is the card's, a summary the truth counts as content too), then
    the lines beside it that are not the article's; climbing while that is all its parent holds."""
    url = str(card["url"])
    node = anchor
    while node.parent is not None and not node.parent.is_block() and node.parent.name not in _TOP \
            and not _wraps_blocks(node):
        node = node.parent
    if _holds_content(node, content):
        return None

    def foreign(sibling: Node) -> bool:
        return _is_foreign(sibling, url, urls, card) or _names_other(sibling, card, others)

    def fits(sibling: Node) -> bool:
        return not foreign(sibling) and not _holds_content(sibling, content)

    for _ in range(_MAX_CLIMB):
        parent = node.parent
        if parent is None or parent.name in _TOP:
            return None
        siblings = parent.children
        index = siblings.index(node)
        core = _core(siblings, index, card, foreign)
        if core is None:
            node = parent
            continue
        first, last = core
        above = 0
        while first > 0 and fits(siblings[first - 1]):
            # above the headline: a label or the card's source, a short line or two
            if above == _MAX_ABOVE or not _may_head(siblings[first - 1]):
                break
            above += 1
            first -= 1
        while last + 1 < len(siblings) and fits(siblings[last + 1]):
            last += 1
        if all(not sibling.name and not sibling.text.strip() for sibling in siblings[:first] + siblings[last + 1:]):
            node = parent
            continue
        return _described(siblings[first:last + 1], card)
    return None


def _needed(card: Mapping[str, Any]) -> list[Callable[[str], bool]]:
    """Tests of a text for each field the card prints: its headline, publisher, date."""
    tests: list[Callable[[str], bool]] = []
    if card.get("title"):
        title = squeezed(str(card["title"]))
        tests.append(lambda text: title in squeezed(text))
    if card.get("publisher"):
        publisher = squeezed(str(card["publisher"]))
        tests.append(lambda text: publisher in squeezed(text))
    if card.get("published"):
        published = card["published"]
        tests.append(lambda text: date_span(text, published) is not None)
    return tests


def _core(siblings: Sequence[Node], index: int, card: Mapping[str, Any],
          foreign: Callable[[Node], bool]) -> tuple[int, int] | None:
    """The nearest run around ``siblings[index]`` holding every field the card prints, passing no
    foreign sibling; None when this level does not hold them all."""
    first = last = index
    for test in _needed(card):
        if test(_text(siblings[index])) or any(test(_text(sibling)) for sibling in siblings[first:last + 1]):
            continue
        found = None
        for step in (1, -1):
            at = index + step
            while 0 <= at < len(siblings) and not foreign(siblings[at]):
                if test(_text(siblings[at])):
                    found = at
                    break
                at += step
            if found is not None:
                break
        if found is None:
            return None
        first, last = min(first, found), max(last, found)
    return first, last


def _text(node: Node) -> str:
    return node.plain() if node.name else node.text


# Above its headline a card prints a label or its source, a short line or two, no sentence.
_MAX_ABOVE = 4  # siblings, counting the blank texts between elements
_MAX_HEAD_LINE = 40


def _has_title(run: Sequence[Node], card: Mapping[str, Any]) -> bool:
    title = card.get("title")
    return not title or squeezed(str(title)) in squeezed(" ".join(node.plain() for node in run))


def _may_head(node: Node) -> bool:
    text = node.plain()
    return len(text) <= _MAX_HEAD_LINE and "。" not in text


def _names_other(node: Node, card: Mapping[str, Any], others: Sequence[Mapping[str, Any]]) -> bool:
    """The sibling prints another card's publisher or date (not this card's): that card's line."""
    text = node.plain() if node.name else node.text
    if not text.strip() or _holds_source(text, card):
        return False
    return any(_holds_source(text, other) for other in others)


def _wraps_blocks(node: Node) -> bool:
    return any(element.is_block() for element in node.elements())


def _fits(sibling: Node, url: str, urls: set[str], card: Mapping[str, Any], content: Sequence[str]) -> bool:
    return not _is_foreign(sibling, url, urls, card) and not _holds_content(sibling, content)


def _described(run: list[Node], card: Mapping[str, Any]) -> CardRegion | None:
    while run and not run[0].name and not run[0].text.strip():
        run = run[1:]
    while run and not run[-1].name and not run[-1].text.strip():
        run = run[:-1]
    if not run:
        return None
    if any(element.name in _FIELD_LABELS for node in run if node.name for element in (node, *node.elements())):
        return None  # a card of labelled fields ('<th>媒体</th><td>…</td>'): its labels stay beside their values
    box = run[0] if len(run) == 1 and run[0].name else None
    lines = [line for node in run for line in node_lines(node, str(card["url"]))]
    text = " ".join(line.text for line in lines)
    title = card.get("title")
    if (title and squeezed(str(title)) not in squeezed(text)) or not _holds_all_sources(text, card):
        return None
    region = CardRegion(run[0].start, run[-1].end, str(card["url"]), str(title) if title else None,
                        str(card["publisher"]) if card.get("publisher") else None, card.get("published"),
                        lines, box, held=box is not None and box.name in _HELD)
    _assign_roles(region)
    return region if region.title_index is not None or region.link_index is not None else None


def _holds_all_sources(text: str, card: Mapping[str, Any]) -> bool:
    publisher, published = card.get("publisher"), card.get("published")
    return (not publisher or squeezed(str(publisher)) in squeezed(text)) and (
        not published or date_span(text, published) is not None)


def _assign_roles(region: CardRegion) -> None:
    for index, line in enumerate(region.lines):
        if region.title_index is None and region.title and squeezed(region.title) in squeezed(line.text):
            region.title_index = index
            if line.has_link:
                continue
        if line.has_link and region.link_index is None and index != region.title_index:
            region.link_index = index
        elif index != region.title_index and _names_source(line.text, region):
            region.meta.append(index)


# A source line prints the card's publisher or date and little besides (a label, a separator); a summary
# sentence that names the publisher ('◇ 帝国データバンクの調査によると、…。') is none, and a mutation that
# moves source lines must leave it where it stands.
MAX_SOURCE_REST = 20


def _names_source(text: str, region: CardRegion) -> bool:
    rest, named = width_folded(text), False
    span = date_span(text, region.published) if region.published else None
    if span is not None:
        rest, named = rest[:span[0]] + rest[span[1]:], True
    rest = squeezed(rest)
    if region.publisher and squeezed(region.publisher) in rest:
        rest, named = rest.replace(squeezed(region.publisher), "", 1), True
    return named and len(rest) <= MAX_SOURCE_REST and "。" not in rest


def node_lines(node: Node, url: str | None) -> list[CardLine]:
    """The lines ``node`` prints: a block element or a <br> ends one; an inline element goes whole
    into its line (a link to ``url`` marks its line); comments and scripts print nothing."""
    lines: list[CardLine] = []
    current = CardLine("", "")

    def end() -> None:
        nonlocal current
        text = _ASCII_SPACES.sub(" ", current.text).strip(" ")  # an ideographic space is printed text
        if text or "<img" in current.raw.lower():
            lines.append(CardLine(current.raw.strip(), text, current.has_link))
        current = CardLine("", "")

    def visit(item: Node, page_of: Node) -> None:
        if not item.name:
            current.raw += html.escape(item.text, quote=False)
            current.text += item.text
        elif item.name in ("script", "style", "!"):
            return
        elif item.name == "br":
            end()
        elif item.name == "tr" and not any(element.is_block() for cell in item.children if cell.name
                                          for element in cell.elements()):
            end()  # a row of cells is one line, as a text dump prints it ('■ | summary。')
            for cell in (child for child in item.children if child.name in ("td", "th")):
                if current.text.strip():
                    current.raw += " "
                    current.text += " "
                for child in cell.children:
                    visit(child, page_of)
            end()
        elif item.is_block() or _wraps_blocks(item) or item.name == "#root" or _stacks_lines(item):
            boxed = item.is_block() or _stacks_lines(item)
            if boxed:
                end()
            for child in item.children:
                visit(child, page_of)
                if _stacks_lines(item) and child.name:
                    end()
            if boxed:
                end()
        else:
            current.raw += _raw_of(item)
            current.text += item.plain() if item.name != "img" else ""
            current.text += " " if item.name in ("span", "time", "cite", "small") else ""
            if url is not None and ((item.name == "a" and _href(item) == url)
                                    or any(inner.name == "a" and _href(inner) == url for inner in item.elements())):
                current.has_link = True

    visit(node, node)
    end()
    return lines


def _stacks_lines(item: Node) -> bool:
    """An inline element holding only elements, two of them at least ('<a><span>title</span>
    <span>summary</span></a>'): a component's stacked lines, shown apart by its style."""
    elements = [child for child in item.children if child.name and child.name not in ("!", "script", "style")]
    return item.name not in ("#root", "img", "br") and not item.is_block() and len(elements) >= 2 \
        and all(child.name or not child.text.strip() for child in item.children) \
        and any(element.plain() for element in elements)


def _raw_of(item: Node) -> str:
    """An inline element as markup: its tag and content rebuilt, text escaped."""
    if item.name == "img" or item.name == "br":
        attributes = "".join(f' {name}="{html.escape(value)}"' for name, value in item.attrs.items())
        return f"<{item.name}{attributes}>"
    attributes = "".join(f' {name}="{html.escape(value)}"' for name, value in item.attrs.items())
    inner = "".join(html.escape(child.text, quote=False) if not child.name else _raw_of(child)
                    for child in item.children if child.name not in ("script", "style", "!"))
    return f"<{item.name}{attributes}>{inner}</{item.name}>"

