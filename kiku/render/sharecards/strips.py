"""A line of glyphs on rows of palette index 0 as PNG scanlines filtered "Up": its glyphs' tiles,
filtered once per build, copied into rows of 0s, not pasted into a copy of the frame's rows that
are filtered after (a card's title lines in 2/3 of the time).

A glyph's tile is its ink blended onto index 0 (``glyphs.paste_line``'s pixels), packed two pixels
a byte from an even or an odd pixel (``nibbles.tile``) and filtered "Up" between a row of 0s above
and below it: its rows, and the row below them, which the filter makes the last row's negative.
The filter subtracts from each byte the one above it, so on rows of 0s a line's filtered rows are
its glyphs' filtered tiles side by side, and its first row comes out unfiltered, as a piece of a
PNG starts (``png.deflate``). Two glyphs sharing a byte (one ends on the even pixel before the odd
one the next starts on) share it as a sum: their nibbles are apart, and the filter subtracts modulo 256.
"""

from __future__ import annotations

import numpy as np

from kiku.render.sharecards.glyphs import Glyph, Pixels, PlacedLine, blends
from kiku.render.sharecards.nibbles import Packed, tile
from kiku.render.sharecards.png import UP, Rows


def line_strip(line: PlacedLine, ink: int, width: int) -> Rows | None:
    """The scanlines of the rows ``line`` covers (``line.top`` to ``line.bottom``) of an image
    ``width`` pixels wide, ``line`` drawn in ``ink`` on index 0, filtered "Up" but for the first
    row; None when the line reaches outside the image."""
    if line.left < 0 or line.right > width:
        return None
    top, rows = line.top, line.bottom - line.top
    strip = np.zeros((rows + 1, width // 2 + 1), np.uint8)  # a row more: the one below the lowest glyph
    reach = -1
    for mask, x, y, glyph_width, _, glyph in line.glyphs:
        odd = x & 1
        filtered = glyph.strips.get((ink, odd)) if glyph is not None else None
        if filtered is None:
            filtered = _filtered_tile(glyph, mask, ink, odd)
        row, column = y - top, (x >> 1) + 1  # column 0 is the filter byte
        if odd and x == reach:  # its first byte is the last of the glyph before: their nibbles add up
            strip[row : row + filtered.shape[0], column] += filtered[:, 0]
            strip[row : row + filtered.shape[0], column + 1 : column + filtered.shape[1]] = filtered[:, 1:]
        else:
            strip[row : row + filtered.shape[0], column : column + filtered.shape[1]] = filtered
        reach = x + glyph_width
    scanlines = strip[:rows]
    scanlines[1:, 0] = UP
    return scanlines


def _filtered_tile(glyph: Glyph | None, mask: Pixels, ink: int, odd: int) -> Packed:
    """The glyph's filtered tile (see the module docstring), kept on the glyph; ``glyph`` None:
    glyphs blended together, whose ink is one line's alone."""
    packed = tile(blends(ink)[:256][mask], bool(odd), 0)
    padded = np.zeros((packed.shape[0] + 2, packed.shape[1]), np.uint8)
    padded[1:-1] = packed
    filtered = padded[1:] - padded[:-1]
    if glyph is not None:
        glyph.strips[(ink, odd)] = filtered
    return filtered
