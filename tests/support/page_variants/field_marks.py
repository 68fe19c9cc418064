"""Marks around a field that say nothing of it: a heading's anchor glyph after it or its number before
it ('急拡大するスキマバイト †', '2. 直前キャンセルと休業手当'), and an updated date printed beside a
published one ('公開日：2025/03/19（更新日：2025/04/02）'). The truth says which line holds the field."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator, Mapping
from typing import Any

from tests.support.page_variants.fields import Place, cards, digest_sections, places, rewritten, segments
from tests.support.page_variants.mutation import PageKind, TruthRewrite

# What a wiki or a CMS prints after a heading as its permalink.
ANCHORS = ("†", "¶", "#", "§", "🔗")
# How a heading's number is printed ('{n}' the section's number), in brackets of any shape after a counting word too.
NUMBERS = ("{n}. ", "{n}）", "（{n}）", "{circled} ", "{n}．", "＜その{n}＞", "〈第{n}〉", "«{n}» ")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# What may already stand before a heading on its line: a glyph or a markdown mark.
_BEFORE_HEADING = re.compile(r"^(?:[^\w\s]{1,3})?$")


def section_headings(truth: Mapping[str, Any]) -> Iterator[tuple[int, str]]:
    """Each section's number and heading, but a heading the title also holds (its places are the title's)."""
    title = str(truth.get("title") or "").strip()
    for number, section in enumerate(digest_sections(truth), start=1):
        heading = str(section.get("heading") or "").strip()
        if heading and heading not in title:
            yield number, heading


def mark_headings(kind: PageKind) -> TruthRewrite:
    def rewrite(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
        style = rng.choice(ANCHORS + NUMBERS)
        spans = segments(text, kind)
        edits: list[tuple[int, int, str]] = []
        for number, heading in section_headings(truth):
            for place in places(text, spans, heading, max_before=3):
                if _BEFORE_HEADING.match(place.before):
                    edits.append(_marked(text, place, style, number))
        return rewritten(text, edits)

    return rewrite


def _marked(text: str, place: Place, style: str, number: int) -> tuple[int, int, str]:
    heading = text[place.start:place.end]
    if style in ANCHORS:
        return place.start, place.end, f"{heading} {style}"
    circled = _CIRCLED[number - 1] if number <= len(_CIRCLED) else str(number)
    return place.start, place.end, style.format(n=number, circled=circled) + heading


# A chapter's or step's number in an element of its own, glued before the heading's text ('{n}' its number,
# '{nn}' zero-padded): another site's numbering of the same sections.
KICKERS = ("CHAPTER {nn}", "STEP {n}", "Part.{n}", "第{n}章", "{nn}", "POINT {n}")
_HEADING_OPEN = re.compile(r"<h[1-6]\b[^>]*>\s*$", re.IGNORECASE)


def kick_headings(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
    """Each section heading printed alone in a heading element gets a kicker element opening it."""
    kicker = rng.choice(KICKERS)
    element = rng.choice(("span", "em", "small", "b"))
    spans = segments(text, "html")
    edits: list[tuple[int, int, str]] = []
    for number, heading in section_headings(truth):
        for place in places(text, spans, heading, max_before=0):
            if _HEADING_OPEN.search(text[max(0, place.segment_start - 200):place.segment_start]):
                label = kicker.format(n=number, nn=f"{number:02}")
                edits.append((place.start, place.start, f'<{element} class="kicker">{label}</{element}>'))
    return rewritten(text, edits)


_DATE = re.compile(r"(?P<year>20\d\d)\s*[/.\-年]\s*(?P<month>\d{1,2})\s*[/.\-月]\s*(?P<day>\d{1,2})(?:\s*日)?(?!\d)")
_UPDATED = re.compile(r"更新|[Uu]pdated|最終")
UPDATED_FORMS = ("（更新日：{date}）", "　更新：{date}", " / 最終更新 {date}", "（{date} 更新）")


def add_updated_dates(kind: PageKind) -> TruthRewrite:
    """The page's date line and each card's date line with a later updated date after the date."""
    def rewrite(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
        form = rng.choice(UPDATED_FORMS)
        dates = [truth.get("date"), *(card.get("published") for card in cards(truth))]
        edits: list[tuple[int, int, str]] = []
        spans = segments(text, kind)
        for published in {date for date in dates if isinstance(date, dt.date)}:
            for start, end in spans:
                found = _only_date(text[start:end], published)
                if found is not None:
                    # After all the segment says of the date (its weekday, its time), not inside it.
                    at = start + len(text[start:end].rstrip())
                    later = published + dt.timedelta(days=rng.randint(2, 20))
                    edits.append((at, at, form.format(date=_written_like(found.group(), later))))
        return rewritten(text, edits)

    return rewrite


# The day the article changed, on a line of its own over the line of the day it was published.
UPDATED_LINES = ("更新：{date}", "最終更新日 {date}", "{date} 更新")


def add_updated_date_lines(kind: PageKind) -> TruthRewrite:
    """The page's own date line under a line of a later updated date (a text dump: '更新：…' · '公開日：…')."""
    def rewrite(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
        published = truth.get("date")
        if not isinstance(published, dt.date):
            return text
        form = rng.choice(UPDATED_LINES)
        edits: list[tuple[int, int, str]] = []
        for start, end in segments(text, kind)[:_HEAD_SEGMENTS]:
            found = _only_date(text[start:end], published)
            if found is not None:
                later = published + dt.timedelta(days=rng.randint(2, 20))
                lead = text[start:end][:len(text[start:end]) - len(text[start:end].lstrip())]
                newline = "\r\n" if "\r\n" in text else "\n"
                edits.append((start, start, f"{lead}{form.format(date=_written_like(found.group(), later))}{newline}"))
                break
        return rewritten(text, edits)

    return rewrite


# The page's own date line is among its first lines (a card's date further down is no page's).
_HEAD_SEGMENTS = 12


def _only_date(segment: str, published: dt.date) -> re.Match[str] | None:
    """The date in a segment that prints ``published`` as its only date, not as an updated one."""
    if len(segment.strip()) > 40 or _UPDATED.search(segment):
        return None
    found = list(_DATE.finditer(segment))
    if len(found) != 1:
        return None
    match = found[0]
    day = (int(match["year"]), int(match["month"]), int(match["day"]))
    return match if day == (published.year, published.month, published.day) else None


def _written_like(original: str, date: dt.date) -> str:
    """``date`` in the format of ``original`` ('2025/03/19', '2025年3月19日', '2025.3.19')."""
    if "年" in original:
        return f"{date.year}年{date.month}月{date.day}日"
    separator = next(char for char in original[4:] if char in "/.-")
    padded = "-" in original or re.search(r"[/.]0\d", original) is not None
    month, day = (f"{date.month:02}", f"{date.day:02}") if padded else (str(date.month), str(date.day))
    return f"{date.year}{separator}{month}{separator}{day}"
