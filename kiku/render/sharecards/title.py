"""The title of a share card: its box, and its wrapping measured with the card's font.

The measuring is cached per character: shaping a whole line for every candidate wrapping would
cost milliseconds; only lines that end near the box's edge are shaped whole (``ink_width``).
"""

from __future__ import annotations

import functools
from dataclasses import replace

from kiku.render.planning.urls import CARD_WIDTH
from kiku.render.sharecards.fonts import CardFont, load_face
from kiku.render.sharecards.layout import Box, TitleLayout, layout_title

MARGIN = 80  # left and right, in pixels
TITLE_TOP, TITLE_BOTTOM = 150, 516
# The title's box and the sizes tried, largest first (shrink before cutting).
TITLE_BOX = Box(width=CARD_WIDTH - 2 * MARGIN, height=TITLE_BOTTOM - TITLE_TOP, sizes=(72, 66, 60, 56, 52, 48, 44))
_WRAP_ATTEMPTS = 4


# A character's (advance, ink past the advance) at a size, in pixels.
_Metrics = tuple[float, float]


@functools.lru_cache(maxsize=8)
def _glyph_metrics(font: CardFont) -> dict[int, dict[str, _Metrics]]:
    """By size, each character's metrics, filled as characters are met."""
    return {}


def _metrics(font: CardFont, size: int, known: dict[str, _Metrics], character: str) -> _Metrics:
    found = known.get(character)
    if found is None:
        face = load_face(font, size)
        advance = float(face.getlength(character))
        found = known[character] = (advance, max(0.0, face.getbbox(character, anchor="ls")[2] - advance))
    return found


def text_width(font: CardFont, text: str, size: int) -> float:
    """The width of ``text`` as the sum of its characters' advances (cached per character).

    Shaping a whole line for every candidate wrapping costs milliseconds a call; the sum of
    advances is what the line measures without kerning, which only narrows Latin pairs.
    """
    known = _glyph_metrics(font).setdefault(size, {})
    total = 0.0
    for character in text:
        total += (known.get(character) or _metrics(font, size, known, character))[0]
    return total


def ink_width(font: CardFont, text: str, size: int) -> float:
    """How far ``text``, shaped as drawn, reaches right of where it starts, ink included (its bbox)."""
    if not text:
        return 0.0
    return float(load_face(font, size).getbbox(text, anchor="ls")[2])


def _may_overhang(font: CardFont, line: str, size: int, width: float) -> bool:
    """Whether ``line``'s ink may reach past ``width``: its advances plus the most any of its glyphs
    reaches past its own advance, with a pixel to spare, stay inside otherwise (shaping the line is
    ten times dearer than this bound)."""
    known = _glyph_metrics(font).setdefault(size, {})
    metrics = [known.get(character) or _metrics(font, size, known, character) for character in line]
    return sum(advance for advance, _ in metrics) + max((ink for _, ink in metrics), default=0.0) + 1 > width


def title_layout(font: CardFont, title: str) -> TitleLayout:
    """``title`` wrapped for the card's title box with ``font``.

    The wrapping is checked line by line against the drawn text's bounding box; a line whose ink
    reaches past the box (a glyph overhanging its advance) narrows the box and wraps again.
    """
    box = TITLE_BOX
    for _ in range(_WRAP_ATTEMPTS):
        layout = layout_title(title, box, functools.partial(text_width, font))
        near_edge = [line for line in layout.lines if _may_overhang(font, line, layout.size, TITLE_BOX.width)]
        overflow = max((ink_width(font, line, layout.size) - TITLE_BOX.width for line in near_edge), default=0.0)
        if overflow <= 0:
            return layout
        box = replace(box, width=box.width - overflow - 1)
    return layout
