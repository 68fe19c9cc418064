"""Benchmark: what compressing a share card's own rows costs, by compressor, against its floor.

    .venv/bin/python bench/share_card_deflate.py [--articles 2000] [--rounds 3]

A card's PNG joins the frame's rows, compressed once per build, with the rows its title covers,
compressed per card (``kiku.render.sharecards.png``): most of a cold build's share-card deflate
(2.4 of its 8.6 CPU-s at 10,000 articles, 2026-11-30; a day's date is compressed once a day).
This draws every second card of ``bench/corpus.py``'s corpus, keeps the title rows each card
compresses itself, and compresses them again with each candidate, a full flush after each piece
as a card does: CPU microseconds and bytes a card, best of ROUNDS. The floor is the same rows
with every pixel blank (the filter bytes kept): what a compressor costs for the rows alone; the
difference is what their glyph edges cost (the printed count of bytes not 0 once filtered "Up").
Candidates that are not installed (``isal``) are left out. CPU time: the figures hold on a loaded
machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
from zlib_ng import zlib_ng

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402
from kiku.content.loading.loader import load_site  # noqa: E402
from kiku.render.sharecards import draw, png  # noqa: E402
from kiku.render.sharecards.fonts import find_card_font  # noqa: E402
from kiku.render.sharecards.render import card_jobs  # noqa: E402

Rows = png.Rows
Compress = Callable[[Rows], bytes]


def own_rows(articles: int) -> tuple[int, list[Rows]]:
    """How many cards were drawn, and the rows they compressed themselves (unfiltered)."""
    font = find_card_font(None)
    if font is None:
        raise SystemExit("no Japanese font for share cards: apt-get install fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as scratch:
        write_corpus(Path(scratch) / "site", articles)
        texts = [job.text for job in card_jobs(load_site(Path(scratch) / "site"))][::2]
    kept: list[Rows] = []
    deflate = png.deflate

    def keeping(scanlines: Rows, *, shared: bool = False, level: int = 6) -> png.Piece:
        if not shared:
            kept.append(scanlines.copy())
        return deflate(scanlines, shared=shared, level=level)

    deflate_filtered = png.deflate_filtered

    def keeping_filtered(filtered: Rows) -> png.Piece:
        unfiltered = np.cumsum(filtered, axis=0, dtype=np.uint8)  # "Up" undone
        unfiltered[:, 0] = 0
        kept.append(unfiltered)
        return deflate_filtered(filtered)

    # The draw module's names for png.deflate and png.deflate_filtered (a title line's rows).
    draw.deflate, draw.deflate_filtered = keeping, keeping_filtered  # type: ignore[attr-defined]
    try:
        for text in texts:
            draw.draw_card(font, text)
    finally:
        draw.deflate, draw.deflate_filtered = deflate, deflate_filtered  # type: ignore[attr-defined]
    return len(texts), kept


def candidates() -> dict[str, Compress]:
    """Each compressor as a card uses it: one object for piece after piece, a full flush after each."""
    made: dict[str, Compress] = {}

    def add(name: str, compressor: object, flush: int) -> None:
        made[name] = lambda data: compressor.compress(data) + compressor.flush(flush)  # type: ignore[attr-defined]

    add("zlib-ng run-length (kiku's)", zlib_ng.compressobj(6, zlib_ng.DEFLATED, -15, 9, zlib_ng.Z_RLE),
        zlib_ng.Z_FULL_FLUSH)
    for level in (1, 2, 4):
        add(f"zlib-ng level {level}", zlib_ng.compressobj(level, zlib_ng.DEFLATED, -15, 9), zlib_ng.Z_FULL_FLUSH)
    for level in (1, 6):
        add(f"zlib-ng filtered level {level}", zlib_ng.compressobj(level, zlib_ng.DEFLATED, -15, 9, zlib_ng.Z_FILTERED),
            zlib_ng.Z_FULL_FLUSH)
    add("zlib-ng Huffman only", zlib_ng.compressobj(6, zlib_ng.DEFLATED, -15, 9, zlib_ng.Z_HUFFMAN_ONLY),
        zlib_ng.Z_FULL_FLUSH)
    add("zlib-ng run-length 512 B", zlib_ng.compressobj(6, zlib_ng.DEFLATED, -9, 9, zlib_ng.Z_RLE),
        zlib_ng.Z_FULL_FLUSH)
    add("zlib run-length", zlib.compressobj(6, zlib.DEFLATED, -15, 9, zlib.Z_RLE), zlib.Z_FULL_FLUSH)
    try:
        from isal import isal_zlib
    except ImportError:
        return made
    for level in (0, 1):
        add(f"isal level {level}", isal_zlib.compressobj(level, isal_zlib.DEFLATED, -15, 9), isal_zlib.Z_FULL_FLUSH)
    return made


def timed(compress: Compress, pieces: list[Rows], rounds: int) -> tuple[float, int]:
    """The best CPU seconds of ``rounds`` compressing ``pieces``, and the bytes they make."""
    best, size = float("inf"), 0
    for _ in range(rounds):
        started = time.process_time()
        size = sum(len(compress(piece)) for piece in pieces)
        best = min(best, time.process_time() - started)
    return best, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    cards, rows = own_rows(arguments.articles)
    filtered = [png.up_filtered(piece) for piece in rows]
    blank = [np.where(np.arange(piece.shape[1]) == 0, piece[:, :1], 0).astype(np.uint8) for piece in filtered]
    edges = sum(int(np.count_nonzero(piece[:, 1:])) for piece in filtered)
    print(f"{cards:,} cards, {sum(piece.nbytes for piece in rows) / cards:,.0f} bytes of their own rows a card,"
          f" {edges / cards:,.0f} of them not 0 once filtered; CPU µs and compressed bytes a card:")
    for name, compress in candidates().items():
        seconds, size = timed(compress, filtered, arguments.rounds)
        floor, _ = timed(compress, blank, arguments.rounds)
        print(f"  {name:28} {seconds / cards * 1e6:6.1f} µs ({floor / cards * 1e6:5.1f} µs blank),"
              f" {size / cards:7,.0f} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
