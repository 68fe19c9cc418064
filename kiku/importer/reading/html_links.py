"""Link targets that a saved page shows only as ``href``, written where a text dump prints them.

A card's link is often ``<a href="URL">さらに読む ⇒</a>`` with the URL nowhere in the
visible text; a reference's URL is often the ``href`` of its title. The rules below are
data: a line shape, and how the line's first http(s) target is written into it so the
text layout rules read it as they read a text dump. Only http(s) targets are ever used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kiku.importer.grammar.card_link import LINK_OPENING
from kiku.importer.layouts.labels import URL

_REFERENCE = re.compile(r"^\d{1,4}[.．]\s*\^")
_HTTP = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LinkRule:
    name: str
    description: str
    shape: re.Pattern[str]
    write: Callable[[str, str], str]


def _appended(text: str, url: str) -> str:
    return f"{text} {url}"


LINK_RULES: tuple[LinkRule, ...] = (
    LinkRule("card-link-href", "a card's link ('さらに読む ⇒ ロイター', '続きを読む ⇒ 総務省消防庁', "
             "'≫元記事を読む（朝日新聞）'): its URL goes at the end of the line as printed", LINK_OPENING, _appended),
    LinkRule("reference-href", "a numbered reference ('1. ^ …'): its first web link's URL goes at the end",
             _REFERENCE, _appended),
)


def with_link_targets(text: str, hrefs: list[str], rules: tuple[LinkRule, ...] = LINK_RULES) -> str:
    """``text`` with its first http(s) link target written in, when a rule's line shows no URL."""
    if not hrefs or URL.search(text):
        return text
    url = next((href for href in hrefs if _HTTP.match(href)), None)
    if url is None:
        return text
    rule = next((rule for rule in rules if rule.shape.match(text)), None)
    return rule.write(text, url) if rule else text
