"""The title of a share card: its box, and its wrapping measured with the card's font.

The measuring is cached per character: shaping a whole line for every candidate wrapping would
cost milliseconds; only lines that end near the box's edge are shaped whole (``ink_width``).
"""

from __future__ import annotations

import functools
from dataclasses import replace

from kiku.render.planning.urls import CARD_WIDTH
from kiku.render.sharecards.fonts import CardFont, load_face, text_length
from kiku.render.sharecards.layout import Box, TitleLayout, layout_title

MARGIN = 80  # left and right, in pixels
TITLE_TOP, TITLE_BOTTOM = 150, 516
# The title's box and the sizes tried, largest first (shrink before cutting).
TITLE_BOX = Box(width=CARD_WIDTH - 2 * MARGIN, height=TITLE_BOTTOM - TITLE_TOP, sizes=(72, 66, 60, 56, 52, 48, 44))
_WRAP_ATTEMPTS = 4


class _Metrics:
    """A font's characters measured at each size, as they are met: their advance, and how far their
    ink reaches past it, in pixels."""

    def __init__(self, font: CardFont) -> None:
        self.font = font
        self.advances: dict[int, dict[str, float]] = {}
        self.overhangs: dict[int, dict[str, float]] = {}

    def text_width(self, text: str, size: int) -> float:
        """The width of ``text`` as the sum of its characters' advances (see ``text_width``)."""
        advances = self.advances.get(size)
        if advances is not None:
            try:
                # The C loop of sum adds in the same order as a Python loop would, and advances are
                # whole 1/64 pixels, so every partial sum is exact either way.
                return sum(map(advances.__getitem__, text))
            except KeyError:
                pass
        self.measure(text, size)
        return sum(map(self.advances[size].__getitem__, text))

    def advances_of(self, text: str, size: int) -> list[float]:
        """The advance of each character of ``text`` (what ``text_width`` adds up)."""
        advances = self.advances.get(size)
        if advances is not None:
            try:
                return list(map(advances.__getitem__, text))
            except KeyError:
                pass
        self.measure(text, size)
        return list(map(self.advances[size].__getitem__, text))

    def measure(self, text: str, size: int) -> None:
        """Measure the characters of ``text`` not measured yet at ``size``."""
        advances = self.advances.setdefault(size, {})
        overhangs = self.overhangs.setdefault(size, {})
        for character in text:
            if character not in advances:
                face = load_face(self.font, size)
                advance = text_length(self.font, size, character)
                advances[character] = advance
                overhangs[character] = max(0.0, face.getbbox(character, anchor="ls")[2] - advance)


@functools.lru_cache(maxsize=8)
def _metrics(font: CardFont) -> _Metrics:
    return _Metrics(font)


def text_width(font: CardFont, text: str, size: int) -> float:
    """The width of ``text`` as the sum of its characters' advances (cached per character).

    Shaping a whole line for every candidate wrapping costs milliseconds a call; the sum of
    advances is what the line measures without kerning, which only narrows Latin pairs.
    """
    return _metrics(font).text_width(text, size)


def ink_width(font: CardFont, text: str, size: int) -> float:
    """How far ``text``, shaped as drawn, reaches right of where it starts, ink included (its bbox)."""
    if not text:
        return 0.0
    return float(load_face(font, size).getbbox(text, anchor="ls")[2])


def _may_overhang(metrics: _Metrics, line: str, size: int, width: float) -> bool:
    """Whether ``line``'s ink may reach past ``width``: its advances plus the most any of its glyphs
    reaches past its own advance, with a pixel to spare, stay inside otherwise (shaping the line is
    ten times dearer than this bound)."""
    try:
        reach = max(map(metrics.overhangs[size].__getitem__, line), default=0.0)
    except KeyError:  # a character not measured yet at this size
        metrics.measure(line, size)
        reach = max(map(metrics.overhangs[size].__getitem__, line), default=0.0)
    return metrics.text_width(line, size) + reach + 1 > width


def title_layout(font: CardFont, title: str) -> TitleLayout:
    """``title`` wrapped for the card's title box with ``font``.

    The wrapping is checked line by line against the drawn text's bounding box; a line whose ink
    reaches past the box (a glyph overhanging its advance) narrows the box and wraps again.
    """
    box = TITLE_BOX
    metrics = _metrics(font)
    for _ in range(_WRAP_ATTEMPTS):
        layout = layout_title(title, box, metrics.text_width, metrics.advances_of)
        near_edge = [line for line in layout.lines if _may_overhang(metrics, line, layout.size, TITLE_BOX.width)]
        overflow = max((ink_width(font, line, layout.size) - TITLE_BOX.width for line in near_edge), default=0.0)
        if overflow <= 0:
            return layout
        box = replace(box, width=box.width - overflow - 1)
    return layout
