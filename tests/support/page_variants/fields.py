"""Where a page prints one field of its truth (a question, a heading, a card's publisher or date): the
line of a text page, or the text node of an HTML page, that holds it, with what stands before and after
it there. The field mutations (``field_labels``, ``field_marks``) rewrite only those places."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tests.support.page_variants.mutation import PageKind

_HTML_RAW = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TEXT = re.compile(r"(?<=>)[^<>]+(?=<)")
_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True)
class Place:
    """A field printed in a segment (a line or a text node): ``before`` + value + ``after``, spaces
    around them left out; ``start``/``end`` are the value's span in the page."""

    segment_start: int
    segment_end: int
    start: int
    end: int
    before: str
    after: str


def segments(text: str, kind: PageKind) -> list[tuple[int, int]]:
    """The spans of a page's lines (text) or of its text nodes outside scripts and styles (HTML)."""
    if kind == "text":
        return [match.span() for match in _LINE.finditer(text)]
    hidden = [match.span() for match in _HTML_RAW.finditer(text)]
    return [match.span() for match in _HTML_TEXT.finditer(text)
            if match.group().strip() and not any(start <= match.start() < end for start, end in hidden)]


def places(text: str, spans: Sequence[tuple[int, int]], value: str, max_before: int, max_after: int = 0,
           ) -> Iterator[Place]:
    """Each segment that prints ``value`` with at most ``max_before``/``max_after`` characters of
    other text before/after it (a label, a glyph, a bracket)."""
    value = value.strip()
    if not value:
        return
    for start, end in spans:
        segment = text[start:end]
        at = segment.find(value)
        if at < 0:
            continue
        before, after = segment[:at].strip(), segment[at + len(value):].strip()
        if len(before) <= max_before and len(after) <= max_after:
            yield Place(start, end, start + at, start + at + len(value), before, after)


def rewritten(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with each span (start, end) replaced; overlapping edits after the first are dropped."""
    out: list[str] = []
    position = 0
    for start, end, new in sorted(edits):
        if start < position:
            continue
        out += [text[position:start], new]
        position = end
    return "".join(out) + text[position:]


def digest_sections(truth: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [section for section in truth.get("sections") or [] if isinstance(section, Mapping)]


def cards(truth: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [card for section in digest_sections(truth) for card in section.get("sources") or []
            if isinstance(card, Mapping)]


def previous_segment(text: str, spans: Sequence[tuple[int, int]], place: Place) -> str:
    """The text of the segment before the one holding ``place`` ('' when there is none)."""
    earlier = [text[start:end].strip() for start, end in spans if end <= place.segment_start]
    return earlier[-1] if earlier else ""
