"""A title line made as a strip of filtered rows is the line pasted into rows of index 0 and
filtered "Up" (``png.deflate``'s filtering), whatever pixel it starts on and whatever its glyphs."""

from __future__ import annotations

import numpy as np
import pytest

from kiku.render.sharecards import draw
from kiku.render.sharecards.fonts import CardFont
from kiku.render.sharecards.glyphs import PlacedLine, paste_line, place_line
from kiku.render.sharecards.png import Rows, up_filtered
from kiku.render.sharecards.strips import line_strip
from kiku.render.sharecards.title import MARGIN
from tests.render.sharecards.test_pixels import TITLES

LINES = [TITLES["meeting Latin glyphs"], TITLES["Latin and digits"][:22], TITLES["brackets"][:14],
         TITLES["long Japanese"][:14], TITLES["starts with digits"], "「まだ早い」", "  ", "・"]


def pasted_and_filtered(placed: PlacedLine) -> Rows:
    """The rows ``placed`` covers, pasted glyph by glyph on index 0, then filtered."""
    rows = np.zeros((placed.bottom - placed.top, draw.WIDTH // 2 + 1), np.uint8)
    paste_line(rows[:, 1:], placed, draw.INK_RAMP_END, (0, placed.top))
    return up_filtered(rows)


@pytest.mark.parametrize("left", [MARGIN, MARGIN + 1, MARGIN + 3])
@pytest.mark.parametrize(("size", "baseline"), [(72, 250.0), (56, 300.4), (44, 180.6)])
def test_a_strip_is_the_line_pasted_and_filtered(font: CardFont, left: int, size: int, baseline: float) -> None:
    for line in LINES:
        placed = place_line(font, size, line, left, baseline)
        assert placed is not None
        strip = line_strip(placed, draw.INK_RAMP_END, draw.WIDTH)
        if placed.right > draw.WIDTH:  # the long Latin line at the largest size
            assert strip is None
            continue
        if not placed.glyphs:
            assert strip is not None and strip.shape[0] == 0
            continue
        assert strip is not None, line
        expected = pasted_and_filtered(placed)
        assert strip.shape == expected.shape, line
        assert np.array_equal(strip, expected), line
        assert strip.flags.c_contiguous  # deflated as it is


def test_a_line_reaching_outside_the_image_is_left_to_pasting(font: CardFont) -> None:
    placed = place_line(font, 72, "米ロ首脳が電話会談", draw.WIDTH - 300, 250.0)
    assert placed is not None and placed.right > draw.WIDTH
    assert line_strip(placed, draw.INK_RAMP_END, draw.WIDTH) is None
