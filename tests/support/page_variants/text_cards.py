"""Each source card of a text dump printed on one line, as a dense aggregator prints it: a pictogram, the
publisher, a bar, the headline and its date in brackets ('📰朝日新聞｜…（2025/5/1）'), the card's own line of
publisher and date removed (its URL, when that line printed it, left alone on it), and the publisher's
line over the title; its summary stays. Only cards whose truth gives a title,
a publisher and a date, each printed where it can be found, are rewritten."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Mapping
from typing import Any

from tests.support.page_variants.fields import cards

HEAD_GLYPHS = ("📰", "🗞", "📄", "📎")
BARS = ("｜", "|", " | ")
# What a title's line may print beside it (a glyph, a label, a number) and how far under it the meta line is.
MAX_BESIDE_TITLE = 8
META_REACH = 3
# A meta line is the publisher, the date and a label or two.
MAX_META_EXTRA = 30
_LINE = re.compile(r"[^\r\n]*(?:\r?\n|$)")


def one_line_cards(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
    lines = [line for line in _LINE.findall(text) if line]
    glyph, bar = rng.choice(HEAD_GLYPHS), rng.choice(BARS)
    changed = False
    for card in cards(truth):
        title, publisher, published = card.get("title"), card.get("publisher"), card.get("published")
        if not (isinstance(title, str) and isinstance(publisher, str) and isinstance(published, dt.date)):
            continue
        at = title_at(lines, title, publisher)
        meta = meta_at(lines, at, publisher) if at is not None else None
        if at is None or meta is None:
            continue
        ending = lines[at][len(lines[at].rstrip("\r\n")):]
        date = f"{published.year}/{published.month}/{published.day}"
        lines[at] = f"{glyph}{publisher}{bar}{title}（{date}）{ending}"
        url = re.search(r"https?://\S+", lines[meta])
        lines[meta] = url.group() + ending if url else ""  # a URL on the meta line keeps a line of its own
        above = [index for index in range(at) if lines[index].strip()][-1:]
        if above and lines[above[0]].strip() == publisher:
            lines[above[0]] = ""  # the publisher printed alone over the title is in the card's line now
        changed = True
    return "".join(lines) if changed else text


def title_at(lines: list[str], title: str, publisher: str) -> int | None:
    for index, line in enumerate(lines):
        at = line.find(title)
        if at < 0 or publisher in line or "http" in line:
            continue
        if len(line[:at].strip()) <= MAX_BESIDE_TITLE and len(line[at + len(title):].strip()) <= MAX_BESIDE_TITLE:
            return index
    return None


def meta_at(lines: list[str], title_at: int, publisher: str) -> int | None:
    """The first of the few printed lines under the title that gives the card's date (and perhaps its publisher
    and URL) and little else."""
    printed = [index for index in range(title_at + 1, len(lines)) if lines[index].strip()][:META_REACH]
    for index in printed:
        line = lines[index].strip()
        url = re.search(r"https?://\S+", line)
        rest = line.replace(url.group(), "") if url else line
        extra = len(rest) - (len(publisher) if publisher in rest else 0)
        if re.search(r"\d", rest) and extra <= MAX_META_EXTRA and (publisher in rest or _DATE_ONLY.fullmatch(rest)):
            return index
    return None


# A date and perhaps its label, nothing else: '更新日 2025.08.26', '2025年8月26日'.
_DATE_ONLY = re.compile(r"[^\d\s]{0,6}\s*[:：]?\s*\d{4}\s*[年./\-]\s*\d{1,2}\s*[月./\-]\s*\d{1,2}\s*日?.{0,8}")
