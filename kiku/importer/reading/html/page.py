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

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from kiku.importer.page import Line
from kiku.importer.reading.cards.text.indented_runs import box_indented_cards
from kiku.importer.reading.html.chrome.hidden_text import link_icons, screen_reader_texts
from kiku.importer.reading.html.chrome.rules import CHROME_RULES, CLASS_BLIND_RULES, attribution_lines
from kiku.importer.reading.html.chrome.shapes.elements import EMBEDS
from kiku.importer.reading.html.lines.sink import Sink
from kiku.importer.reading.html.outline_rows import box_outline_rows
from kiku.importer.reading.html.walk import walk
from kiku.importer.reading.html.walk_plan import UNSAFE_LINK_CARD, Plan, plan_page
from kiku.importer.report import ImportReport

OUTSIDE_CONTENT = "outside-content"
PRINTED_URL = "printed-link-url"
CITED_PUBLISHER = "cited-publisher"
SCREEN_READER_TEXT = "screen-reader-text"
LINK_ICON = "link-icon"


def read_html(text: str, report: ImportReport, *, class_blind: bool = False) -> list[Line]:
    """The content lines of a decoded HTML page; everything else is reported with its rule.
    ``class_blind``: no element is chrome by its class or id alone (``chrome.rules.CLASS_BLIND_RULES``)."""
    with warnings.catch_warnings():
        # A short page of text "looks like a filename" to bs4; it is the page itself.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "html.parser")
    content = Sink()
    outside = Sink()
    kept_from_boxes: list[Line] = []
    # Taken out first: no card reader reads a screen reader's note as part of a link, a URL or a name.
    for hidden in screen_reader_texts(soup):
        for line in _element_lines(hidden.extract(), SCREEN_READER_TEXT):
            report.drop(line, SCREEN_READER_TEXT)
    for icon in link_icons(soup):
        for line in _element_lines(icon.extract(), LINK_ICON):
            report.drop(line, LINK_ICON)
    box_indented_cards(soup)
    box_outline_rows(soup)
    plan = plan_page(soup, CLASS_BLIND_RULES if class_blind else CHROME_RULES)
    for element, rule in walk(soup, plan, content, outside):
        _drop_or_keep(_element_lines(element, rule), rule, report, kept_from_boxes)
    content.end_line()
    outside.end_line()
    for printed in content.printed_urls:
        report.consume(printed, PRINTED_URL, "the link line above it")
    for printed in content.as_printed:
        report.consume(printed, CITED_PUBLISHER, "the link line, its cited publisher before its URL")
    _drop_or_keep(outside.lines, OUTSIDE_CONTENT, report, kept_from_boxes)
    if not kept_from_boxes:
        return content.lines
    return sorted(content.lines + kept_from_boxes, key=lambda line: line.number)


def _drop_or_keep(lines: list[Line], rule: str, report: ImportReport, kept: list[Line]) -> None:
    """The lines of a chrome box are dropped, except the article's attribution, which mirrors print in
    their header or footer (``html_chrome.is_attribution``): it stays, in page order."""
    attributions = set() if rule == UNSAFE_LINK_CARD else attribution_lines([line.text for line in lines])
    for index, line in enumerate(lines):
        if index in attributions:
            kept.append(line)
        else:
            report.drop(line, rule)



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
    for embed, _ in walk(element, Plan(embeds, frozenset()), sink, sink, mark_items=False, machine_dates=False):
        embed_lines.extend(_element_lines(embed, rule))
    sink.end_line()
    return sink.lines + embed_lines
