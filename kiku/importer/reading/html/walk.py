"""The HTML reader's walk: the kept text of a saved page written into lines, as a text dump prints it.

The walk follows the plan (``walk_plan``): a dropped element is yielded with its rule, a card's
fields are written as their card's lines, and every other element flows into the current line or,
as a block, starts and ends one. What marks a line as a text dump would print it (a list's bullet
or number, a label before its field, a heading's markup) is written here as the walk enters it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.reading.cards.markup.card_links import is_dated_by_title, machine_date
from kiku.importer.reading.cards.markup.field_lists import FIELD_LABEL_RULE
from kiku.importer.reading.html.chrome.shapes.elements import BOXES
from kiku.importer.reading.html.lines.badges import is_letter_badge, is_word_badge
from kiku.importer.reading.html.lines.card_items import is_card_line_item
from kiku.importer.reading.html.lines.date_fields import date_field, starts_line
from kiku.importer.reading.html.lines.labels import (
    CELLS,
    DATE_FIELD_PARTS,
    follows_headline_link,
    inline_before,
    is_field_label,
    is_marker_cell,
    label_before,
    opens_field,
)
from kiku.importer.reading.html.lines.sink import COLLAPSIBLE, Sink
from kiku.importer.reading.html.lines.style import (
    block_style,
    heading_markup,
    is_bullet_item,
    is_glyph_image,
    is_unmarked,
    list_start,
    whole_line_style,
)
from kiku.importer.reading.html.walk_plan import Plan

# Elements that start and end a line (everything else flows inline into the current line).
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "title", "head", "noscript", "center", "form", "menu",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# What a list item writes before its text: its bullet mark or its number.
_ITEM_MARK = re.compile(r"・|[0-9]{1,3}\.")
# Elements a label element before them may label (``lines.labels.is_field_label``).
_LABELLED_PARTS = frozenset({"dd", "td"}) | DATE_FIELD_PARTS
MACHINE_DATE = "machine-date"


def _is_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


# Boxes a card may be printed in; a <blockquote> quotes its source article as a card does.
_SINK_BOXES = BOXES | {"blockquote"}


def walk(top: Tag, plan: Plan, content: Sink, outside: Sink, *,
          mark_items: bool = True, machine_dates: bool = True) -> Iterator[tuple[Tag, str]]:
    """Write the kept text under ``top`` into ``content`` or ``outside``; yields each dropped element and its rule.
    List items of the content get a bullet mark unless ``mark_items`` is false; a <time> is written as
    its machine date (``html_cards.machine_date``) unless ``machine_dates`` is false."""
    # Events: a node to enter, or an element to leave; the sink follows the innermost content element,
    # and text inside <pre> keeps its line breaks.
    stack: list[tuple[object, bool, Sink, bool]] = [(top, False, outside, False)]
    list_counters: dict[int, int] = {}
    card_starts: dict[int, int] = {}
    lines_end_after: set[int] = set()
    spaced_after: set[int] = set()
    outer_styles: dict[int, str] = {}  # the block's style, while a whole line's inline element is walked
    while stack:
        node, leaving, sink, preformatted = stack.pop()
        if isinstance(node, Tag):
            if leaving:
                if node.name == "a" and node.get("href"):
                    sink.close_link(id(node), str(node["href"]).strip())
                elif node.name == "cite":
                    sink.cites.append(COLLAPSIBLE.sub(" ", node.get_text()).strip())
                if node.name == "li":
                    sink.list_depth -= 1
                if id(node) in plan.card_links:
                    sink.write_card_link(card_starts.pop(id(node), len(sink.lines)), plan.card_links[id(node)],
                                         node.sourceline or 0, after=plan.summary_lists.get(id(node)))
                elif (node.name in BLOCKS or id(node) in plan.content or id(node) in plan.card_parts
                      or id(node) in lines_end_after or id(node) in plan.printed_lines.line_ends) \
                        and not is_field_label(node) and not is_marker_cell(node):
                    sink.end_line()
                elif id(node) in spaced_after:
                    sink.text(" ", node.sourceline or 0)
                if id(node) in plan.ad_cards:
                    sink.ad_depth -= 1  # after the card's link line, which an ad box's card ends with
                if (figure_link := plan.figure_links.get(id(node))) is not None:
                    # numbered as the figure's last line: the card's lines stay in page order; it closes the
                    # figure's box, whose first line is then the card's head
                    sink.text(figure_link, max(sink.lines[-1].number if sink.lines else 0, node.sourceline or 0))
                    sink.end_line()
                if node.name in _SINK_BOXES:
                    sink.close_box()
                sink.write_held_link(id(node))
                if node.name in BLOCKS:
                    sink.block_style = ""
                elif id(node) in outer_styles:
                    sink.block_style = outer_styles.pop(id(node))
                continue
            rule = plan.dropped.get(id(node))
            if rule is not None:
                if node.name in BLOCKS:
                    sink.end_line()
                yield node, rule
                continue
            if id(node) in plan.content:
                sink.end_line()
                sink = content
            if (field_card := plan.field_cards.get(id(node))) is not None:
                sink.write_box(field_card.lines, ad=id(node) in plan.ad_cards)
                for label in field_card.labels:
                    yield label, FIELD_LABEL_RULE  # read into the link line
                yield from ((inner, plan.dropped[id(inner)]) for inner in node.find_all(True)
                            if id(inner) in plan.dropped)
                continue
            if id(node) in plan.card_links or id(node) in plan.card_parts:
                sink.end_line()
                card_starts.setdefault(id(node), len(sink.lines))
            dated = date_field(node) if node.name not in BLOCKS else None
            if dated is not None and sink.parts and starts_line(dated, node, sink.current_text()):
                sink.end_line()  # a date field set beside the card's title, shown as its own line
            if dated is not None and dated.ends_line:
                lines_end_after.add(id(node))
            if is_letter_badge(node, BLOCKS):
                lines_end_after.add(id(node))  # 'Q' in a badge over its question: a label line of its own
            elif is_word_badge(node, BLOCKS):
                spaced_after.add(id(node))  # 'QUESTION' glued to its question: a label a space apart
            if id(node) == plan.title_date:
                sink.end_line()  # the article's date between names above its title: a line of its own
                lines_end_after.add(id(node))
            if machine_dates and (node.name == "time" or node.has_attr("itemprop") or is_dated_by_title(node)) \
                    and (date := machine_date(node, own_line=id(node) == plan.title_date)) is not None:
                sink.text(date, node.sourceline or 0)
                if id(node) in lines_end_after:
                    sink.end_line()
                yield node, MACHINE_DATE  # its visible text, written as the machine date
                continue
            if id(node) in plan.printed_lines.elements and not sink.printed:
                sink.end_line()  # a line placed by coordinates is a line of its own, whatever its element
            if node.name in _SINK_BOXES:
                sink.open_box()
            if node.name in BLOCKS:
                sink.block_style = block_style(node)
            elif (line_style := whole_line_style(node)) is not None:
                outer_styles[id(node)] = sink.block_style
                sink.block_style = line_style
            badge = inline_before(node, BLOCKS) if node.name in BLOCKS else None
            _enter(node, sink, list_counters, plan.dropped, mark_item=mark_items and sink is content,
                   top=node is top, after_badge=badge is not None and id(badge) in spaced_after)
            sink.printed = sink.printed or id(node) in plan.printed_lines.elements
            if id(node) in plan.card_summary and is_unmarked(node) and not sink.parts:
                sink.text("・", node.sourceline or 0)  # after the line break a block starts
            if id(node) in plan.ad_cards:
                sink.ad_depth += 1
            if id(node) == plan.title:
                sink.heading = sink.title = True
            inner = preformatted or node.name == "pre"
            stack.append((node, True, sink, inner))
            stack.extend((child, False, sink, inner) for child in reversed(node.contents))
        elif _is_text(node):
            assert isinstance(node, NavigableString)
            number = _source_line(node)
            _text(sink, str(node), number, preformatted=preformatted)


def _source_line(node: NavigableString) -> int:
    """The text's line in the file: its element's, or the line of the <br> it follows (a body of
    '<br>' lines is one element)."""
    before = node.previous_sibling
    if isinstance(before, Tag) and before.name == "br" and before.sourceline:
        return before.sourceline + (1 if str(node).startswith(("\n", "\r")) else 0)
    return (node.parent.sourceline or 0) if node.parent is not None else 0


def _text(sink: Sink, text: str, number: int, *, preformatted: bool) -> None:
    if not preformatted:
        sink.text(text, number)
        return
    first, *rest = text.split("\n")
    sink.text(first, number)
    for offset, line in enumerate(rest, start=1):
        sink.end_line()
        sink.text(line, number + offset)


def _has_heading_role(node: Tag) -> bool:
    """A block the page marks as a heading by ARIA alone ('<div role="heading" aria-level="2">'), as a
    component library styles its headings without a heading element."""
    return node.name in BLOCKS and str(node.get("role") or "").strip().lower() == "heading"


def _enter(node: Tag, sink: Sink, list_counters: dict[int, int], dropped: dict[int, str], *,
           mark_item: bool, top: bool = False, after_badge: bool = False) -> None:
    # A label outside the walked element is not on its line (a dropped cell's text in the report).
    before = node.find_previous_sibling(True) if node.name in _LABELLED_PARTS and not top else None
    labelled = before is not None and id(before) not in dropped and is_field_label(before)
    if labelled:
        sink.text("：", node.sourceline or 0)  # '<dt>質問</dt><dd>…</dd>' reads as '質問：…'
    elif node.name in CELLS and is_marker_cell(node.find_previous_sibling(True)):
        pass  # '<td>■</td><td>…</td>' reads as '■…': the cell before only marks this one as a bullet
    elif node.name in BLOCKS and (label := label_before(node, BLOCKS)) is not None \
            and label == "".join(sink.current_text().split()):
        sink.text(" ", node.sourceline or 0)  # '<span>Q.</span><p>…</p>' reads as 'Q. …'
    elif after_badge and sink.current_text().strip():
        pass  # '<span>問</span><p>…？</p>' over '<span>答</span><p>…</p>': the badge a space before its line
    elif node.name in BLOCKS and _ITEM_MARK.fullmatch(sink.current_text()):
        pass  # '<li><div>…</div></li>': the item's text, in a block of its own, goes on its bullet's line
    elif node.name in BLOCKS or node.name == "br" or follows_headline_link(node, BLOCKS):
        held = (sink.heading, sink.heading_markup) if not sink.current_text().strip() else (False, "")
        sink.end_line()
        sink.heading, sink.heading_markup = held  # '<h2><div>…</div></h2>': the heading's text in a block
    elif opens_field(node, BLOCKS):
        sink.text(" ", node.sourceline or 0)  # '<span>2025.09.22</span><span>出典</span>': '2025.09.22 出典'
    if node.name in HEADINGS or _has_heading_role(node):
        sink.heading = True
        sink.heading_markup = heading_markup(node)
    if node.name == "li":
        sink.list_depth += 1
    if node.name == "a" and node.get("href"):
        sink.open_link(id(node), str(node["href"]).strip())
    if node.name == "li" and node.parent is not None and node.parent.name == "ol":
        number = list_counters.get(id(node.parent), list_start(node.parent)) + 1
        list_counters[id(node.parent)] = number
        # An ordered list shows its numbers; a text dump of the page has them too ("1. ^ …").
        sink.text(f"{number}. ", node.sourceline or 0)
    elif mark_item and node.name == "li" and is_bullet_item(node) and not is_card_line_item(node):
        # A list item is a bullet by its markup; a text dump of the page shows a bullet mark.
        sink.text("・", node.sourceline or 0)
    if node.name == "img" and is_glyph_image(node):
        # An emoji drawn as an image ('<img alt="📌">') is the bullet a text dump of the page shows.
        sink.text(str(node["alt"]).strip() + " ", node.sourceline or 0)
