"""What the HTML reader's walk does with each element of a saved page, decided before it walks.

Each element is dropped (with the chrome rule that names it), kept as content (the content root,
``html_root``, and the title printed above it), or read as part of a card built from markup (a link
around the card, a figure, a table or list of labelled fields, a quote): the plan records which, by
the element's id, so the walk (``walk``) only writes lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from kiku.importer.reading.cards.markup.card_links import card_links
from kiku.importer.reading.cards.markup.field_lists import FIELD_LABEL_RULE, FieldCard, field_cards, link_placed
from kiku.importer.reading.cards.markup.figures import URL_TEXT_RULE, figure_cards
from kiku.importer.reading.cards.markup.link_boxes import link_box_cards
from kiku.importer.reading.cards.markup.link_previews import link_preview_cards
from kiku.importer.reading.cards.markup.quotes import quote_cards
from kiku.importer.reading.cards.markup.tables import table_cards
from kiku.importer.reading.cards.markup.title_links import meta_first_cards, title_link_cards
from kiku.importer.reading.cards.text.labelled_fields import quoted_summary, summary_after
from kiku.importer.reading.html.article.labelled_title import labelled_title
from kiku.importer.reading.html.article.root import MainColumn, content_root, marks_its_root, text_weights
from kiku.importer.reading.html.article.sized_title import MASTHEAD_RULE, clipped_masthead, sized_title
from kiku.importer.reading.html.article.title import (
    TITLE_ACTION_RULE,
    actions_beside_title,
    date_line_beside,
    heading_container,
    marked_up_title,
    site_name,
    text_between,
)
from kiku.importer.reading.html.chrome.ads import (
    AD_CHROME_RULE,
    AD_LABEL_RULE,
    AD_RULE,
    ad_card_above,
    card_under_label,
    has_ad_label,
    is_ad_card,
    is_ad_label,
)
from kiku.importer.reading.html.chrome.boxes import CONTENT_ROOTS, box_heading, unsafe_link_cards
from kiku.importer.reading.html.chrome.rules import CHROME_RULES, ChromeRule, chrome_rule
from kiku.importer.reading.html.chrome.shapes.elements import BOXES, EMBEDS
from kiku.importer.reading.html.lines.date_fields import date_over_title
from kiku.importer.reading.html.lines.positioned import PrintedLines, printed_lines

UNSAFE_LINK_CARD = "script-link-card"


@dataclass(frozen=True, slots=True)
class Plan:
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
    # ``cards.field_lists.link_placed``): the link line written at each one's end.
    figure_links: dict[int, str] = field(default_factory=dict)
    # The article's date printed between names above its title, read as a line of its own.
    title_date: int | None = None
    # A card's link whose line is written after the list that follows the card (its summary).
    summary_lists: dict[int, int] = field(default_factory=dict)
    # Elements that each print a line placed by coordinates, or a run of one (``lines.positioned``).
    printed_lines: PrintedLines = field(default_factory=PrintedLines)



def plan_page(soup: BeautifulSoup, rules: tuple[ChromeRule, ...] = CHROME_RULES) -> Plan:
    """Which elements of the page the walk drops (and by which rule, of ``rules``), keeps, or reads as cards."""
    dropped: dict[int, str] = {}
    ad_cards: set[int] = set()
    labelled_ads: set[int] = set()  # card boxes a sponsor label stands over, as their sibling
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
            if rule is None and may_hold_cards and not inside_ad and element.name in BOXES and (
                    id(element) in labelled_ads or (has_ad_label(element) and (
                        is_ad_card(element) or not main_column.holds_most_text(element)))):
                rule = AD_CHROME_RULE  # a card box carrying a sponsor label among its parts, or over it
            if may_hold_cards and not inside_ad and (under := card_under_label(element)) is not None:
                labelled_ads.add(id(under))
                dropped[id(element)] = AD_LABEL_RULE
                continue
            kept_ad = rule is not None and rule.name == AD_RULE and may_hold_cards and (
                inside_ad or is_ad_card(element))
            if rule is not None and rule.name == AD_RULE and may_hold_cards and not kept_ad \
                    and (card := ad_card_above(element)) is not None:
                ad_cards.add(id(card))  # the label opens the card's source line ('Sponsored 〇〇社'): keep the line
                inside_ad, rule = True, None
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
    if first_title is None:
        # Nor one the <title> names: a record's print view prints it as a field labelled the title.
        first_title = labelled_title(soup, dropped)
    if first_title is None and (first_title := sized_title(soup, dropped)) is not None:
        # Nor a <title>: a note app's or a word processor's export sets its title larger than any other text; the
        # site's masthead it clipped with the page stands under it.
        dropped.update((id(block), MASTHEAD_RULE) for block in clipped_masthead(first_title))
        weights = text_weights(soup, dropped)
    if first_title is not None:
        # A print or share button set in the headline's markup is not the headline's text.
        for action in actions_beside_title(first_title):
            dropped.setdefault(id(action), TITLE_ACTION_RULE)
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
    previews = list(link_preview_cards(soup, dropped, figure_anchors | {
        id(box) for card in cards for box in (card.anchor, *card.parts)}))
    for preview in previews:
        for part in preview.header:
            dropped.pop(id(part), None)  # a preview's header names its source: read into its card
    tables = list(table_cards(soup, dropped))
    dropped.update((id(label), FIELD_LABEL_RULE) for table in tables for label in table.other_labels)
    links_after = {id(figure.figure): figure.line for figure in figures}
    # A preview's box read by another reader too is the preview's card (the last of one box wins).
    unplaced = [*field_cards(soup, dropped), *(head for table in tables for head in table.heads),
                *quote_cards(soup, dropped), *meta_first_cards(soup, dropped), *(preview.card for preview in previews)]
    # A quotation printed after a card's fields is its summary: each sentence a bullet, as a text dump prints it.
    quoted = {id(line) for card in unplaced if card.link is not None and (summary := summary_after(card.fields))
              for line in quoted_summary(summary)}
    fields = [link_placed(card, links_after) for card in unplaced]
    taken = figure_anchors | {id(card.anchor) for card in cards} | {
        id(anchor) for card in fields for anchor in card.fields.find_all("a")}
    titled = list(title_link_cards(soup, dropped, taken, ad_cards))
    claimed = {id(card.fields) for card in fields} | {id(box) for box, _, _ in titled} | figure_anchors | {
        id(figure.figure) for figure in figures} | {id(part) for card in cards for part in (card.anchor, *card.parts)}
    boxes = list(link_box_cards(soup, dropped, taken, claimed))
    # A label outside its card's box (the header row over a card that is a table's row) is dropped where it stands.
    dropped.update((id(label), FIELD_LABEL_RULE) for card in boxes for label in card.labels
                   if card.fields not in label.parents)
    fields += boxes
    return Plan(dropped, frozenset(content), frozenset(ad_cards), title,
                 {**{id(card.anchor): str(card.anchor["href"]).strip() for card in cards if not card.closed_by_page},
                  **{id(box): url for box, url, _ in titled}},
                 frozenset(id(part) for card in cards for part in card.parts),
                 frozenset({*(id(line) for card in cards for line in card.summary),
                            *(id(line) for _, _, summary in titled for line in summary), *quoted}),
                 {id(card.fields): card for card in fields},
                 links_after,
                 _id_or_none(date_over_title(first_title) if first_title is not None else None),
                 summary_lists={id(card.anchor): id(card.summary_list) for card in cards
                                if card.summary_list is not None},
                 printed_lines=printed_lines(soup))


def _id_or_none(element: Tag | None) -> int | None:
    return id(element) if element is not None else None
