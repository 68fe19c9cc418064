"""Text for screen readers only inside a card's link: a note that the link opens a new window or leaves
the site, in a visually hidden span (by a class of that pattern, or the clip pattern's inline style), or
an icon and its label ending the link, classed with opaque names. A reader sees none of it; the card's
URL, title and publisher are the same."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from typing import Any

from tests.support.page_variants.fields import cards
from tests.support.page_variants.markup import body_of, outside_raw

_ICON = "<svg viewBox='0 0 10 10' aria-hidden='true'><path d='M0 0h10v10z'></path></svg>"
NOTES = (
    "<span class='sr-only'>（新しいウィンドウで開きます）</span>",
    "<span class='u-visually-hidden'>open in new window</span>",
    "<span style='position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden'>外部サイトへ移動します</span>",
    "<span class='k3x9'>" + _ICON + "<span class='q8v2'>外部リンク</span></span>",
    "<i class='m1z7'><img src='/icons/ext.svg' alt=''></i><span class='m1z8'>new tab</span>",
)
_BLOCK_INSIDE = re.compile(r"<(?:div|p|h[1-6]|dl|ul|ol|li|figure|section|header|footer|table)\b", re.IGNORECASE)


def note_card_links(page: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
    """Every inline link to a card's URL gets a screen reader's note before its end."""
    note = rng.choice(NOTES)
    urls = {str(card.get("url")) for card in cards(truth) if card.get("url")}
    if not urls:
        return page
    link = re.compile(r"(<a\b[^>]*\bhref=([\"'])(?P<url>[^\"']*)\2[^>]*>)(?P<inner>(?:(?!</?a\b).)*?)(</a\s*>)",
                      re.IGNORECASE | re.DOTALL)

    def noted(match: re.Match[str]) -> str:
        if match["url"].strip() not in urls or not match["inner"].strip() or _BLOCK_INSIDE.search(match["inner"]):
            return match.group(0)
        return match.group(1) + match["inner"] + note + match.group(5)

    head, body, tail = body_of(page)
    return head + outside_raw(body, lambda stretch: link.sub(noted, stretch)) + tail
