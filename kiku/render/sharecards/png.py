"""Writing a palette PNG whose rows are mostly those of a frame shared by many images.

Its pixels are 4-bit palette indices, two a byte (``nibbles``): the palette has at most 16 colours.
A PNG's pixels are one zlib stream of its rows (each after a filter byte: 0, none, or 2, "Up";
see ``deflate``). The rows are numpy arrays, drawn on and compressed without a copy. Deflate
output cut with a full flush ends on a byte boundary and refers to nothing before it, so pieces
compressed apart concatenate into one valid stream: the frame's rows between the changed bands are
compressed once per build (``PngFrame.kept``) and only the bands are compressed per image.
The stream's Adler-32 is combined from the pieces' checksums, so no image's rows are read twice.
"""

from __future__ import annotations

import functools
import struct
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from PIL import Image
from zlib_ng import zlib_ng as zlib

from kiku.render.sharecards import nibbles

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KiB window, fastest level (informative only), no dictionary
_ADLER_BASE = 65521
# Deflate's run-length strategy suits a card's long flat runs: three times as fast as the default
# strategy at level 6, for files about 15 % larger. zlib-ng runs it 2.5 times as fast as zlib, into
# files of the same size (a card's title rows: 0.46 against 1.16 ms). The level does not change
# run-length coding (levels 1 and 6 give the same bytes in the same time), nor does memLevel 8 or 9.
_LEVEL, _STRATEGY = 6, zlib.Z_RLE
# Rows compressed once for many images (the frame's) are worth deflate's matching: a card 1.9 KiB
# smaller than with the run-length strategy. Level 9 saves 0.3 KiB more for four times the time.
_SHARED_LEVEL, _SHARED_STRATEGY = 6, zlib.Z_DEFAULT_STRATEGY
# Rows kept while they recur (a day's date) are compressed once per day and process, as a card's own
# rows are: a build's worker meets a day's date on two or three cards (five articles a day, two
# workers), so its compression is a card's cost too; run-length coding takes 0.05 ms a date where
# level 5's matching took 0.12, for 0.5 KiB more (2.6 against 2.1 KiB).
_RECENT = 64
UP = 2  # PNG's filter type "Up": each byte less the byte above it
# Scanlines: a row of bytes per image row, column 0 the row's filter byte, then its palette indices
# two a byte (``nibbles``): column 1 + x // 2 holds pixel x, in its high nibble when x is even.
Rows = npt.NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class Piece:
    """Some rows as PNG scanlines, deflated on their own (ending in a full flush): the compressed
    bytes, how many bytes and rows they hold, and the bytes' Adler-32."""

    deflated: bytes
    length: int
    rows: int
    adler: int


@dataclass(frozen=True, slots=True)
class PngFrame:
    """The rows and palette every image of a kind starts from. ``scanlines`` (see ``Rows``) are
    unfiltered: column 0 is 0."""

    scanlines: Rows
    palette: bytes
    head: bytes  # every image's signature, header and palette chunks
    _kept: dict[object, Piece] = field(default_factory=dict, compare=False, repr=False)
    _recent: OrderedDict[object, Piece] = field(default_factory=OrderedDict, compare=False, repr=False)

    @classmethod
    def of(cls, indices: Image.Image, palette: bytes) -> PngFrame:
        """The frame of palette ``indices`` (an ``L`` image of an even width) and ``palette`` (RGB
        triplets, at most 16)."""
        if len(palette) > 3 * nibbles.COLOURS or indices.width % 2:
            raise ValueError("a frame has an even width and at most 16 colours")
        scanlines = np.zeros((indices.height, indices.width // 2 + 1), np.uint8)
        scanlines[:, 1:] = nibbles.pack(np.asarray(indices))
        header = struct.pack(">IIBBBBB", indices.width, indices.height, 4, 3, 0, 0, 0)  # 4-bit palette indices
        return cls(scanlines, palette, b"".join([_SIGNATURE, _chunk(b"IHDR", header), _chunk(b"PLTE", palette)]))

    def indices(self) -> nibbles.Pixels:
        """The frame's palette indices, a byte a pixel."""
        return nibbles.unpack(self.scanlines[:, 1:])

    def band(self, top: int, bottom: int) -> Rows:
        """A copy of the frame's rows ``top`` to ``bottom`` (excluded) as scanlines, to draw on."""
        return self.scanlines[top:bottom].copy()

    def kept(
        self, key: object, top: int, bottom: int, draw: Callable[[Rows, int, bool], None] | None = None
    ) -> Piece:
        """The frame's rows ``top`` to ``bottom`` with ``draw(band, top, True)`` drawn on them,
        deflated the first time ``key`` is asked for and kept (``key`` names what is drawn, rows
        included)."""
        found = self._kept.get(key)
        if found is None:
            band = self.band(top, bottom)
            if draw is not None:
                draw(band, top, True)
            found = self._kept[key] = deflate(band, shared=True)
        return found


    def kept_while_recent(
        self, key: object, top: int, bottom: int, draw: Callable[[Rows, int, bool], None] | None = None
    ) -> Piece:
        """``kept``, for rows that recur on a run of images: only the last ``_RECENT`` keys are kept."""
        found = self._recent.get(key)
        if found is None:
            band = self.band(top, bottom)
            if draw is not None:
                draw(band, top, True)
            found = self._recent[key] = deflate(band)
            if len(self._recent) > _RECENT:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(key)
        return found


def deflate(scanlines: Rows, *, shared: bool = False, level: int = _SHARED_LEVEL) -> Piece:
    """``scanlines`` (unfiltered) deflated on their own; ``shared`` rows, compressed once for many
    images, more densely (at ``level``). An image's own rows are filtered "Up" after the first (so a piece depends
    on no row outside it): run-length coding then finds a glyph's vertical strokes as runs of 0s
    (a card 1.7 KiB smaller, 17.1 → 15.4 KiB); deflate's matching finds them without the filter, and
    finds less with it (a card 1.4 KiB larger), so shared rows stay unfiltered."""
    if shared:
        return _deflated(np.ascontiguousarray(scanlines), (level, _SHARED_STRATEGY))
    return deflate_filtered(up_filtered(scanlines))


def deflate_filtered(filtered: Rows) -> Piece:
    """An image's own rows already filtered as ``deflate`` filters them (``strips``), deflated as it does."""
    return _deflated(filtered, (_LEVEL, _STRATEGY))


def _deflated(rows: Rows, settings: tuple[int, int]) -> Piece:
    compressors: dict[tuple[int, int], zlib._Compress] = _THREAD.__dict__.setdefault("compressors", {})
    compressor = compressors.get(settings)
    if compressor is None:
        compressor = compressors[settings] = _compressor(*settings)
    try:
        deflated = compressor.compress(rows) + compressor.flush(zlib.Z_FULL_FLUSH)
    except BaseException:
        del compressors[settings]  # it may hold part of these rows
        raise
    return Piece(deflated, rows.nbytes, len(rows), zlib.adler32(rows))


# Each thread's compressors: a compressor serves piece after piece (``_compressor``), never two at once.
_THREAD = threading.local()


def _compressor(level: int, strategy: int) -> zlib._Compress:
    """A compressor for pieces one after another: a full flush ends each piece on a byte boundary
    and forgets what came before, so the next one refers to nothing before it (and setting up a
    compressor costs about a tenth of compressing a title's rows)."""
    return zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS, 9, strategy)


def up_filtered(scanlines: Rows) -> Rows:
    """``scanlines`` with every row after the first one filtered "Up" (its pixels less those above)."""
    filtered = np.empty_like(scanlines)
    filtered[:1] = scanlines[:1]
    np.subtract(scanlines[1:], scanlines[:-1], out=filtered[1:])
    filtered[1:, 0] = UP
    return filtered


def png_bytes(frame: PngFrame, pieces: list[tuple[int, Piece]]) -> bytes:
    """The PNG of ``frame`` with some of its rows replaced by ``pieces`` ((first row, rows), top
    down and apart from one another)."""
    height = frame.scanlines.shape[0]
    stream: list[Piece] = []
    row = 0
    for top, piece in pieces:
        if top > row:
            stream.append(frame.kept(("rows", row, top), row, top))
        stream.append(piece)
        row = top + piece.rows
    if row < height:
        stream.append(frame.kept(("rows", row, height), row, height))
    adler = 1
    for piece in stream:
        adler = _adler32_combine(adler, piece.adler, piece.length)
    # The IDAT chunk is joined with the file in one copy: its length and CRC are taken from the parts.
    idat = [_ZLIB_HEADER, *(piece.deflated for piece in stream), _final_block(), struct.pack(">I", adler)]
    crc = _IDAT_CRC
    for part in idat:
        crc = zlib.crc32(part, crc)
    length = struct.pack(">I", sum(map(len, idat)))
    return b"".join([frame.head, length, b"IDAT", *idat, struct.pack(">I", crc), _IEND])


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


_IEND = _chunk(b"IEND", b"")
_IDAT_CRC = zlib.crc32(b"IDAT")


@functools.cache
def _final_block() -> bytes:
    """An empty last deflate block: what ends the stream after the flushed pieces."""
    return zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS).flush(zlib.Z_FINISH)


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two byte strings one after the other, from theirs and the second's length."""
    low = ((first & 0xFFFF) + (second & 0xFFFF) - 1) % _ADLER_BASE
    high = ((first >> 16) + (second >> 16) + second_length * ((first & 0xFFFF) - 1)) % _ADLER_BASE
    return (high << 16) | low
