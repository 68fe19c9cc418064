"""Rows of 4-bit pixels: packing is undone by unpacking, and a span filled or a tile copied into
packed rows changes those pixels and no other, whichever pixel they start and end at."""

from __future__ import annotations

import numpy as np
import pytest

from kiku.render.sharecards import nibbles


def random_pixels(height: int, width: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, nibbles.COLOURS, (height, width), dtype=np.uint8)


def test_unpacking_undoes_packing() -> None:
    pixels = random_pixels(3, 10, 1)
    packed = nibbles.pack(pixels)
    assert packed.shape == (3, 5)
    assert packed[0, 0] == pixels[0, 0] << 4 | pixels[0, 1]  # the first pixel in the high nibble
    assert np.array_equal(nibbles.unpack(packed), pixels)
    assert np.array_equal(nibbles.unpack(nibbles.pack(pixels[:, :9])), np.pad(pixels[:, :9], ((0, 0), (0, 1))))


@pytest.mark.parametrize("start", range(5))
@pytest.mark.parametrize("length", range(6))
def test_a_filled_span_is_those_pixels(start: int, length: int) -> None:
    pixels = random_pixels(2, 12, start * 7 + length)
    packed = nibbles.pack(pixels)
    nibbles.fill(packed, start, start + length, 9)
    pixels[:, start : start + length] = 9
    assert np.array_equal(nibbles.unpack(packed), pixels)


@pytest.mark.parametrize("odd", [False, True])
@pytest.mark.parametrize("width", [1, 2, 5])
def test_a_tile_copied_in_is_its_pixels_on_the_background(odd: bool, width: int) -> None:
    ink = random_pixels(2, width, width)
    rows = np.full((2, 12), 6, np.uint8)
    packed = nibbles.pack(rows)
    tile = nibbles.tile(ink, odd, 6)
    packed[:, 2 : 2 + tile.shape[1]] = tile
    rows[:, 4 + odd : 4 + odd + width] = ink
    assert np.array_equal(nibbles.unpack(packed), rows)
