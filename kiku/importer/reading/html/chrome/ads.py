"""Ads inside a saved page's article: the boxes the page itself marks as advertising.

An ad box outside the article, or one that is a banner or an ad slot, is chrome
(``html_chrome``'s ``advertisement`` rule). An ad box inside the article that holds a link and
a card's worth of text is a source card the site sells: its lines stay, marked as an ad (the
off-topic check takes that as evidence a text dump does not give), and only its sponsor label
('広告', 'スポンサー', 'Sponsored', 'PR') is dropped. A box is marked by its class, a data-ad
attribute, a label as its first text (``html_chrome``), or a label as one of its parts.
"""

from __future__ import annotations

import re

from bs4 import Tag

from kiku.importer.reading.html.chrome.rules import CHROME_RULES, ChromeRule
from kiku.importer.reading.html.chrome.shapes.elements import BOXES, is_unsafe_link

AD_RULE = "advertisement"
AD_CHROME_RULE: ChromeRule = next(rule for rule in CHROME_RULES if rule.name == AD_RULE)
# How many of a box's children are looked at for a sponsor label (bounded: linear on any page).
MAX_LABEL_CHILDREN = 16
AD_LABEL_RULE = "ad-label"
# A card's worth of text: a title and a summary line, more than a banner's slogan.
MIN_AD_CARD_TEXT = 30
# How many links an ad card may hold (a card links to one page; a link farm is a widget).
MAX_AD_CARD_LINKS = 2
# A card's worth of text at most: a box around a whole article holds more.
MAX_AD_CARD_TEXT = 400
AD_LABEL = re.compile(r"(?i)[\[［【(（]?\s*(?:広告|スポンサー(?:リンク|ード)?|PR|Sponsored|Advertisement|Ad)"
                      r"\s*[\]］】)）]?")


def is_ad_card(element: Tag) -> bool:
    """An ad box that reads as a source card: a web link or two and a card's worth of text."""
    links = [element] if element.name == "a" else element.find_all("a", href=True, limit=MAX_AD_CARD_LINKS + 1)
    web = [link for link in links if str(link.get("href") or "").lower().startswith(("http://", "https://"))
           and not is_unsafe_link(str(link.get("href")))]
    if not web or len(links) > MAX_AD_CARD_LINKS:
        return False
    return len(element.get_text(strip=True)) >= MIN_AD_CARD_TEXT


def is_ad_label(element: Tag) -> bool:
    """An element whose whole text is a sponsor label ('広告', '[PR]', 'Sponsored')."""
    text = element.string
    return text is not None and AD_LABEL.fullmatch(str(text).strip()) is not None


def card_sized(box: Tag) -> bool:
    """At most a card's worth of text: a section holding a labelled card among its paragraphs is no ad."""
    return len(box.get_text(strip=True)) <= MAX_AD_CARD_TEXT


def card_under_label(element: Tag) -> Tag | None:
    """The card box a sponsor label stands over as its own element ('<p>PR</p><div>title, summary, link</div>'),
    else None: the label marks the box right after it, not the box around both."""
    if not is_ad_label(element):
        return None
    following = element.find_next_sibling(True)
    between = element.next_sibling
    while between is not None and between is not following:
        if str(between).strip():
            return None  # text between the label and the box: the label is part of a line
        between = between.next_sibling
    if following is None or following.name not in BOXES or not is_ad_card(following) or not card_sized(following):
        return None
    return following


def has_ad_label(box: Tag) -> bool:
    """A card's box one of whose parts is a sponsor label alone ('<span>PR</span>' after its title), not one
    standing over a card box of its own (``card_under_label``: that box is the ad, not the one around both). A
    box holding more than a card's worth of text (or most of the page's and no card's link, ``walk_plan``) is
    not one card: its label part is an ad slot of its own (a mirror's 'スポンサーリンク' slot over the
    article's column), dropped by itself."""
    return card_sized(box) and any(is_ad_label(child) and card_under_label(child) is None
                                   for child in box.find_all(True, recursive=False, limit=MAX_LABEL_CHILDREN))


def ad_card_above(box: Tag) -> Tag | None:
    """The card holding ``box``, a part of it carrying the sponsor label beside other text ('<div><span>Sponsored
    </span> <span>publisher</span></div>' over the card's title and link): its parent when that reads as an ad
    card of a card's size, else None (the box alone is an ad slot)."""
    parent = box.parent
    if parent is None or parent.name in ("body", "html", "[document]", "main") \
            or (parent.name == "article" and parent.find("h1") is not None):
        return None  # the page itself, or its article around its title (a card is an <article> element too)
    return parent if is_ad_card(parent) and len(parent.get_text(strip=True)) <= MAX_AD_CARD_TEXT else None
