"""HTML rewrites of the element tree that print the same text: extra wrappers, other container
tags, character references for symbols, dates marked up as <time>, the date above the title."""

from __future__ import annotations

import random
import re

from tests.support.page_variants.markup import TAG, body_of, outside_raw
from tests.support.page_variants.mutation import is_symbol

_BLOCK = re.compile(r"<(p|h[1-6])\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def wrap_blocks(page: str, rng: random.Random) -> str:
    """Every paragraph and heading inside one or two more <div>s (a component framework's output)."""
    def wrapped(match: re.Match[str]) -> str:
        depth = rng.choice((1, 2))
        return "<div>" * depth + match.group(0) + "</div>" * depth

    head, body, tail = body_of(page)
    return head + outside_raw(body, lambda stretch: _BLOCK.sub(wrapped, stretch)) + tail


def swap_containers(page: str, rng: random.Random) -> str:
    """Each <div> of the body becomes a <section> (its closing tag follows it). Not an <article>
    nor an <aside>: those say what their box is (the article, a card; a side box), and a site
    puts them only around such boxes, never around a date line or a menu."""
    stack: list[str] = []

    def renamed(match: re.Match[str]) -> str:
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name.lower() != "div":
            return match.group(0)
        if closing:
            return f"</{stack.pop() if stack else name}>"
        if attributes.rstrip().endswith("/"):
            return match.group(0)
        stack.append("section")
        return f"<section{attributes}>"

    head, body, tail = body_of(page)
    return head + outside_raw(body, lambda stretch: TAG.sub(renamed, stretch)) + tail


_TEXT = re.compile(r">([^<>]+)<")


def symbols_as_charrefs(page: str, rng: random.Random) -> str:
    """Every symbol character of the body's text (✅ ▶ 📌) written as a decimal character reference."""
    def text(match: re.Match[str]) -> str:
        return ">" + "".join(f"&#{ord(char)};" if is_symbol(char) else char for char in match.group(1)) + "<"

    head, body, tail = body_of(page)
    return head + outside_raw(body, lambda stretch: _TEXT.sub(text, stretch)) + tail


_DATE = re.compile(r"(20\d\d)(?:年(\d{1,2})月(\d{1,2})日|([/.\-])(\d{1,2})\4(\d{1,2}))")
# Only a short text is a date line ('公開日：2025/03/19', '2025年3月19日 読売新聞'), not prose.
_SHORT_TEXT = 40


def dates_in_time(page: str, rng: random.Random) -> str:
    """A date on a short line marked up as ``<time datetime="…">`` with its text unchanged."""
    def timed(date: re.Match[str]) -> str:
        month, day = int(date.group(2) or date.group(5)), int(date.group(3) or date.group(6))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return date.group(0)
        return f'<time datetime="{date.group(1)}-{month:02}-{day:02}">{date.group(0)}</time>'

    def text(match: re.Match[str]) -> str:
        inner = match.group(1)
        if len(inner.strip()) > _SHORT_TEXT or "<time" in inner:
            return match.group(0)
        return ">" + _DATE.sub(timed, inner) + "<"

    head, body, tail = body_of(page)
    if "<time" in body.lower():
        return page
    return head + outside_raw(body, lambda stretch: _TEXT.sub(text, stretch)) + tail


_H1 = re.compile(r"<h1\b[^>]*>.*?</h1\s*>", re.IGNORECASE | re.DOTALL)
_DATE_ELEMENT = re.compile(
    r"\s*<(p|div|span|time)\b[^>]*>((?:[^<]|</?(?:time|span|small|em|b|strong)\b[^>]*>){0,160})</\1\s*>",
    re.IGNORECASE)


def date_above_title(page: str, rng: random.Random) -> str:
    """The article's date line, printed right after the <h1>, printed right before it instead."""
    title = _H1.search(page)
    if title is None:
        return page
    date = _DATE_ELEMENT.match(page, title.end())
    text = re.sub(r"<[^>]*>", "", date.group(2)).strip() if date else ""
    if date is None or len(text) > _SHORT_TEXT or _DATE.search(text) is None:
        return page
    return page[:title.start()] + date.group(0).strip() + "\n" + title.group(0) + page[date.end():]


_LINK_CARD = re.compile(r"(<a\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>)(.*?)(</a\s*>)", re.IGNORECASE | re.DOTALL)
_BLOCK_INSIDE = re.compile(r"<(?:div|p|h[1-6]|dl|ul|ol|figure|section|header|footer)\b", re.IGNORECASE)


def wrap_link_cards(page: str, rng: random.Random) -> str:
    """The inside of every link that wraps blocks (a card that is one link) in two or three more
    <div>s, as a theme's card nests its title and excerpt (a > div.box > div.inner > dl > dd …)."""
    def wrapped(match: re.Match[str]) -> str:
        if _BLOCK_INSIDE.search(match.group(2)) is None:
            return match.group(0)
        depth = rng.choice((2, 3))
        return match.group(1) + "<div>" * depth + match.group(2) + "</div>" * depth + match.group(3)

    head, body, tail = body_of(page)
    return head + outside_raw(body, lambda stretch: _LINK_CARD.sub(wrapped, stretch)) + tail
