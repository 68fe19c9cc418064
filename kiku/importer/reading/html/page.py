"""Reading a saved HTML page into the same numbered lines a text dump gives.

Every layout rule works on both: the HTML reader only decides what is text and where a
line ends. It drops chrome by ``html_chrome.CHROME_RULES``, keeps the content root
(``html_root``: an ``<article>`` or ``<main>`` that is not one of several items, or the container
holding most of the text) and writes each block element as one line, numbered by the source
line of its element. Link targets that
exist only as ``href`` are written into the line where the text layout prints them (a
card's ``さらに読む … 出典/画像元: URL``, a reference's URL; ``html_links``), and a card built
from markup (a link around the card, a ``<time datetime>``) reads as its text dump would
(``html_cards``). Evidence a text dump lacks rides on the lines: a heading element, the
page's own ad markup (``html_ads``). Everything it does not keep goes to the report with the
rule that dropped it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import NavigableString, PreformattedString

from kiku.importer.page import Line
from kiku.importer.reading.cards.field_lists import FIELD_LABEL_RULE, FieldCard, field_cards
from kiku.importer.reading.cards.figures import URL_TEXT_RULE, figure_cards
from kiku.importer.reading.cards.labelled import link_placed
from kiku.importer.reading.cards.markup import card_links, machine_date
from kiku.importer.reading.cards.quotes import quote_cards
from kiku.importer.reading.cards.tables import table_cards
from kiku.importer.reading.cards.title_links import meta_first_cards, title_link_cards
from kiku.importer.reading.html.ads import AD_CHROME_RULE, AD_LABEL_RULE, AD_RULE, has_ad_label, is_ad_card, is_ad_label
from kiku.importer.reading.html.boxes import CONTENT_ROOTS, box_heading, unsafe_link_cards
from kiku.importer.reading.html.chrome import (
    CHROME_RULES,
    CLASS_BLIND_RULES,
    ChromeRule,
    chrome_rule,
    is_attribution,
)
from kiku.importer.reading.html.chrome_shapes import BOXES, EMBEDS
from kiku.importer.reading.html.date_fields import date_field, date_over_title, starts_line
from kiku.importer.reading.html.labels import (
    CELLS,
    DATE_FIELD_PARTS,
    is_field_label,
    is_letter_badge,
    is_marker_cell,
    label_before,
    opens_field,
)
from kiku.importer.reading.html.line_style import (
    block_style,
    heading_markup,
    is_bullet_item,
    is_glyph_image,
    is_unmarked,
    list_start,
    whole_line_style,
)
from kiku.importer.reading.html.root import MainColumn, content_root, marks_its_root, text_weights
from kiku.importer.reading.html.sink import COLLAPSIBLE, Sink
from kiku.importer.reading.html.title import (
    date_line_beside,
    heading_container,
    marked_up_title,
    site_name,
    text_between,
)
from kiku.importer.report import ImportReport

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
# Elements a label element before them may label (``html.labels.is_field_label``).
_LABELLED_PARTS = frozenset({"dd", "td"}) | DATE_FIELD_PARTS
OUTSIDE_CONTENT = "outside-content"
UNSAFE_LINK_CARD = "script-link-card"
MACHINE_DATE = "machine-date"
PRINTED_URL = "printed-link-url"
CITED_PUBLISHER = "cited-publisher"


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the walk does with each element: drop it (with a rule name), or keep it as content."""

    dropped: dict[int, str]
    content: frozenset[int]
    # Ad boxes inside the article kept as source cards, their lines marked as an ad.
    ad_cards: frozenset[int] = frozenset()
    # The element printing the article's title (the first <h1>, or the <title>'s text in heading markup).
    title: int | None = None
    # Links that wrap a card (their URL), and the card's parts, each read as a line (``html_cards``).
    card_links: dict[int, str] = field(default_factory=dict)
    card_parts: frozenset[int] = frozenset()
    card_summary: frozenset[int] = frozenset()
    # Field lists that close a card, each read as the card's link line, or that head one, read as its
    # title and meta lines (``html_field_cards``).
    field_cards: dict[int, FieldCard] = field(default_factory=dict)
    # Elements that close a card whose link stands before its summary (a figure whose link opens
    # the card, ``html_figure_cards``; the summary list after a card of labelled fields,
    # ``cards.labelled``): the link line written at each one's end.
    figure_links: dict[int, str] = field(default_factory=dict)
    # The article's date printed between names above its title, read as a line of its own.
    title_date: int | None = None
    # A card's link whose line is written after the list that follows the card (its summary).
    summary_lists: dict[int, int] = field(default_factory=dict)


def read_html(text: str, report: ImportReport, *, class_blind: bool = False) -> list[Line]:
    """The content lines of a decoded HTML page; everything else is reported with its rule.
    ``class_blind``: no element is chrome by its class or id alone (``html_chrome.CLASS_BLIND_RULES``)."""
    with warnings.catch_warnings():
        # A short page of text "looks like a filename" to bs4; it is the page itself.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "html.parser")
    plan = _plan(soup, CLASS_BLIND_RULES if class_blind else CHROME_RULES)
    content = Sink()
    outside = Sink()
    kept_from_boxes: list[Line] = []
    for element, rule in _walk(soup, plan, content, outside):
        for line in _element_lines(element, rule):
            _drop_or_keep(line, rule, report, kept_from_boxes)
    content.end_line()
    outside.end_line()
    for printed in content.printed_urls:
        report.consume(printed, PRINTED_URL, "the link line above it")
    for printed in content.as_printed:
        report.consume(printed, CITED_PUBLISHER, "the link line, its cited publisher before its URL")
    for line in outside.lines:
        _drop_or_keep(line, OUTSIDE_CONTENT, report, kept_from_boxes)
    if not kept_from_boxes:
        return content.lines
    return sorted(content.lines + kept_from_boxes, key=lambda line: line.number)


def _drop_or_keep(line: Line, rule: str, report: ImportReport, kept: list[Line]) -> None:
    """A line of a chrome box is dropped, unless it is the article's attribution, which mirrors
    print in their header or footer (``html_chrome.is_attribution``): it stays, in page order."""
    if rule != UNSAFE_LINK_CARD and is_attribution(line.text):
        kept.append(line)
    else:
        report.drop(line, rule)


def _plan(soup: BeautifulSoup, rules: tuple[ChromeRule, ...]) -> _Plan:
    dropped: dict[int, str] = {}
    ad_cards: set[int] = set()
    first_title: Tag | None = None
    page_weights = text_weights(soup, {id(embed): "" for embed in soup.find_all(EMBEDS)})
    # Without an <article> or <main> (or only <article> teasers), the content is found later (by its
    # text): an ad card anywhere may be in it, and one outside it is dropped with the rest of the outside.
    no_content_root = not marks_its_root(soup, page_weights)
    # Each kept <article> and <main>, and the nearest one around it (``html_root``: its items).
    enclosing: dict[int, int | None] = {}
    stack: list[tuple[Tag, bool, bool, int | None]] = [(soup, False, False, None)]
    main_column = MainColumn.of(soup, page_weights)
    while stack:
        element, inside_content, inside_ad, nearest_root = stack.pop()
        if element is not soup:
            rule = main_column.overrule(element, chrome_rule(element, inside_content=inside_content,
                                                             first_text=box_heading, rules=rules))
            may_hold_cards = inside_content or no_content_root
            if rule is None and may_hold_cards and not inside_ad and element.name in BOXES and has_ad_label(element):
                rule = AD_CHROME_RULE  # a card box carrying a sponsor label anywhere among its parts
            kept_ad = rule is not None and rule.name == AD_RULE and may_hold_cards and (
                inside_ad or is_ad_card(element))
            if kept_ad and not inside_ad:
                ad_cards.add(id(element))
                inside_ad = True
            elif inside_ad and is_ad_label(element):
                dropped[id(element)] = AD_LABEL_RULE
                continue
            elif rule is not None and not kept_ad:
                dropped[id(element)] = rule.name
                continue
            if element.name == "h1" and first_title is None:
                first_title = element
        if element.name in CONTENT_ROOTS:
            enclosing[id(element)] = nearest_root
            inside_content, nearest_root = True, id(element)
        children = [child for child in element.contents if isinstance(child, Tag)]
        stack.extend((child, inside_content, inside_ad, nearest_root) for child in reversed(children))
    for card in unsafe_link_cards(soup):
        dropped.setdefault(id(card), UNSAFE_LINK_CARD)
    weights = text_weights(soup, dropped)
    site = site_name(first_title, soup) if first_title is not None else None
    if first_title is None or site is not None:
        # No <h1>, or one printing the site's name (a blog's banner): the title is found by the <title>.
        first_title = marked_up_title(soup, dropped, site) or first_title
    root = content_root(soup, dropped, weights, enclosing, first_title)
    content = {id(root)}
    # A page title printed above the content container still heads the article, and so does the
    # date line printed with it (their common container when it adds little else, or the date
    # line alone: ``html_title.date_line_beside``).
    if first_title is not None and root.find("h1") is None and id(first_title) not in dropped \
            and all(parent is not root for parent in first_title.parents):
        container = heading_container(root, first_title, weights)
        content = {id(container)} if container is not root else {id(root), id(first_title)}
        if container is root:
            content.update(id(element) for element in text_between(first_title, root, weights))
            if (date_line := date_line_beside(first_title, content, weights)) is not None:
                content.add(id(date_line))
    title = id(first_title) if first_title is not None else None
    figures = list(figure_cards(soup, dropped))
    for figure in figures:
        dropped.update((id(url_text), URL_TEXT_RULE) for url_text in figure.url_texts)
    figure_anchors = {id(figure.anchor) for figure in figures}
    cards = [card for card in card_links(soup, dropped) if id(card.anchor) not in figure_anchors]
    dropped.update((id(part), URL_TEXT_RULE) for card in cards for part in card.host_parts)
    tables = list(table_cards(soup, dropped))
    dropped.update((id(label), FIELD_LABEL_RULE) for table in tables for label in table.other_labels)
    links_after = {id(figure.figure): figure.line for figure in figures}
    fields = [link_placed(card, links_after)
              for card in [*field_cards(soup, dropped), *(head for table in tables for head in table.heads),
                           *quote_cards(soup, dropped), *meta_first_cards(soup, dropped)]]
    taken = figure_anchors | {id(card.anchor) for card in cards} | {
        id(anchor) for card in fields for anchor in card.fields.find_all("a")}
    return _Plan(dropped, frozenset(content), frozenset(ad_cards), title,
                 {**{id(card.anchor): str(card.anchor["href"]).strip() for card in cards if not card.closed_by_page},
                  **{id(box): url for box, url in title_link_cards(soup, dropped, taken, ad_cards)}},
                 frozenset(id(part) for card in cards for part in card.parts),
                 frozenset(id(line) for card in cards for line in card.summary),
                 {id(card.fields): card for card in fields},
                 links_after,
                 _id_or_none(date_over_title(first_title) if first_title is not None else None),
                 summary_lists={id(card.anchor): id(card.summary_list) for card in cards
                                if card.summary_list is not None})


def _id_or_none(element: Tag | None) -> int | None:
    return id(element) if element is not None else None


def _is_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


# Boxes a card may be printed in; a <blockquote> quotes its source article as a card does.
_SINK_BOXES = BOXES | {"blockquote"}


def _walk(top: Tag, plan: _Plan, content: Sink, outside: Sink, *,
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
                      or id(node) in lines_end_after) \
                        and not is_field_label(node) and not is_marker_cell(node):
                    sink.end_line()
                if id(node) in plan.ad_cards:
                    sink.ad_depth -= 1  # after the card's link line, which an ad box's card ends with
                if node.name in _SINK_BOXES:
                    sink.close_box()
                sink.write_held_link(id(node))
                if node.name in BLOCKS:
                    sink.block_style = ""
                elif id(node) in outer_styles:
                    sink.block_style = outer_styles.pop(id(node))
                if (figure_link := plan.figure_links.get(id(node))) is not None:
                    # numbered as the figure's last line: the card's lines stay in page order
                    sink.text(figure_link, max(sink.lines[-1].number if sink.lines else 0, node.sourceline or 0))
                    sink.end_line()
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
            if id(node) == plan.title_date:
                sink.end_line()  # the article's date between names above its title: a line of its own
                lines_end_after.add(id(node))
            if machine_dates and (node.name == "time" or node.has_attr("itemprop")) \
                    and (date := machine_date(node)) is not None:
                sink.text(date, node.sourceline or 0)
                if id(node) in lines_end_after:
                    sink.end_line()
                yield node, MACHINE_DATE  # its visible text, written as the machine date
                continue
            if node.name in _SINK_BOXES:
                sink.open_box()
            if node.name in BLOCKS:
                sink.block_style = block_style(node)
            elif (line_style := whole_line_style(node)) is not None:
                outer_styles[id(node)] = sink.block_style
                sink.block_style = line_style
            _enter(node, sink, list_counters, plan.dropped, mark_item=mark_items and sink is content,
                   top=node is top)
            if id(node) in plan.card_summary and is_unmarked(node):
                sink.text("・", node.sourceline or 0)  # after the line break a block starts
            if id(node) in plan.ad_cards:
                sink.ad_depth += 1
            if id(node) == plan.title:
                sink.heading = True
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


def _enter(node: Tag, sink: Sink, list_counters: dict[int, int], dropped: dict[int, str], *,
           mark_item: bool, top: bool = False) -> None:
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
    elif node.name in BLOCKS and _ITEM_MARK.fullmatch(sink.current_text()):
        pass  # '<li><div>…</div></li>': the item's text, in a block of its own, goes on its bullet's line
    elif node.name in BLOCKS or node.name == "br":
        sink.end_line()
    elif opens_field(node, BLOCKS):
        sink.text(" ", node.sourceline or 0)  # '<span>2025.09.22</span><span>出典</span>': '2025.09.22 出典'
    if node.name in HEADINGS:
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
    elif mark_item and node.name == "li" and is_bullet_item(node):
        # A list item is a bullet by its markup; a text dump of the page shows a bullet mark.
        sink.text("・", node.sourceline or 0)
    if node.name == "img" and is_glyph_image(node):
        # An emoji drawn as an image ('<img alt="📌">') is the bullet a text dump of the page shows.
        sink.text(str(node["alt"]).strip() + " ", node.sourceline or 0)


def _element_lines(element: Tag, rule: str) -> list[Line]:
    """The text of a dropped element as the report shows it: its lines, or one line naming an embed."""
    if element.name in EMBEDS:
        source = element.get("src") or element.get("data") or ""
        size = sum(len(string) for string in element.strings)
        named = f"<{element.name}{' ' + str(source) if source else ''}>"
        return [Line(element.sourceline or 0, f"{named} ({size} characters)")]
    sink = Sink()
    embeds = {id(embed): rule for embed in element.find_all(list(EMBEDS))}
    embed_lines: list[Line] = []
    for embed, _ in _walk(element, _Plan(embeds, frozenset()), sink, sink, mark_items=False, machine_dates=False):
        embed_lines.extend(_element_lines(embed, rule))
    sink.end_line()
    return sink.lines + embed_lines
