"""Each source card's fields SHUFFLED into an order and a grouping no reader was written for, HTML and text:
all on one line between a separator the card does not print itself, or one per table cell; the date glued to
the publisher in brackets ('publisher（2025/5/1）'); a label word in a new bracket before the link ('〔参照〕');
the headline printed plain and the link printing its URL. The summary lines stay under the fields; the truth
(title, publisher, date, URL) is unchanged."""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from collections.abc import Mapping
from typing import Any

from tests.support.page_variants.card_regions import CardRegion
from tests.support.page_variants.card_rows import card_fields
from tests.support.page_variants.fields import cards
from tests.support.page_variants.text_cards import meta_at, title_at

SEPARATORS = (" ｜ ", " | ", " ／ ", " · ", " — ", " / ")
LINK_LABELS = ("〔参照〕", "《出典》", "［Source］", "〈リンク〉")


def _fields(title: str | None, publisher: str | None, date: str | None, rng: random.Random) -> list[str]:
    """The card's plain fields in a shuffled order, the date glued to the publisher in brackets half the time."""
    if publisher and date and rng.random() < 0.5:
        parts = [f"{publisher}（{date}）"]
    else:
        parts = [part for part in (publisher, date) if part]
    parts += [title] if title else []
    rng.shuffle(parts)
    return parts


def _separator(texts: list[str], rng: random.Random) -> str:
    unused = [separator for separator in SEPARATORS if not any(separator.strip() in text for text in texts)]
    return rng.choice(unused or [" ｜ "])


def as_shuffled(region: CardRegion, rng: random.Random) -> tuple[str, str] | None:
    """The card's fields on one line, or one per cell of a row, the link among them after a bracketed label."""
    fields = card_fields(region)
    if fields is None:
        return None
    plain = _fields(fields.title, fields.publisher, fields.date, rng)
    link = f'{rng.choice(LINK_LABELS)}<a href="{html.escape(fields.url)}">{html.escape(fields.url, quote=False)}</a>'
    parts = [html.escape(text, quote=False) for text in plain]
    parts.insert(rng.randrange(len(parts) + 1), link)
    summary = "".join(f"<p>{line}</p>" for line in fields.summary)
    if rng.random() < 0.5:
        return "div", f"<p>{_separator(plain, rng).join(parts)}</p>{summary}"
    cells = "".join(f"<td>{part}</td>" for part in parts)
    rows = "".join(f"<tr><td colspan=\"{len(parts)}\">{line}</td></tr>" for line in fields.summary)
    return "table", f"<tbody><tr>{cells}</tr>{rows}</tbody>"


def text_shuffled(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
    """Each card of a text dump whose title, source and link lines can be found printed as one line of shuffled
    fields, its URL among them after a bracketed label; the source and link lines removed."""
    lines = [line for line in re.findall(r"[^\r\n]*(?:\r?\n|$)", text) if line]
    changed = False
    for card in cards(truth):
        title, publisher, published, url = (card.get(key) for key in ("title", "publisher", "published", "url"))
        if not (isinstance(title, str) and isinstance(publisher, str) and isinstance(published, dt.date)
                and isinstance(url, str)):
            continue
        at = title_at(lines, title, publisher)
        meta = meta_at(lines, at, publisher) if at is not None else None
        link = _url_line(lines, at, url) if at is not None else None
        if at is None or meta is None or link is None:
            continue
        ending = lines[at][len(lines[at].rstrip("\r\n")):]
        date = f"{published.year}/{published.month}/{published.day}"
        plain = _fields(title, publisher, date, rng)
        parts = [*plain]
        parts.insert(rng.randrange(len(parts) + 1), f"{rng.choice(LINK_LABELS)}{url}")
        lines[at] = _separator(plain, rng).join(parts) + ending
        lines[meta] = lines[link] = ""
        changed = True
    return "".join(lines) if changed else text


# How far under the title a card prints the line holding its link.
LINK_REACH = 6


def _url_line(lines: list[str], title_at: int, url: str) -> int | None:
    """The first line of the few under the title that prints the card's URL with little else (a link phrase, a
    publisher and a date), else None."""
    for index in range(title_at + 1, min(title_at + 1 + LINK_REACH, len(lines))):
        line = lines[index].strip()
        if url in line and len(line) - len(url) <= MAX_BESIDE_URL:
            return index
    return None


MAX_BESIDE_URL = 40
