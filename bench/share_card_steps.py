"""What each step of a share card costs, as a build's worker draws and writes its share
(``bench/share_cards.py --steps``).

The cards of ``bench/corpus.py``'s corpus are drawn the way one worker of a two-core build draws
them (every second card, the frame drawn first, each title phrased already by its page), into a
fresh output folder with a card cache, through ``CardWriter.write`` and the record a build makes
of each card drawn (``content_digest``, ``written_page``): once "cold" (glyphs, kerning and title
measures met for the first time, in this process), then again "warm" into another folder. Each
step is timed in CPU microseconds a card by wrapping the function that does it; nested steps
("of which") are part of the step above them, and "other" is what no step holds (the calls
between them). CPU time, so the figures hold on a loaded machine, though a timed call costs
about 0.3 µs more.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiku.render.sharecards import draw, glyphs, render, title
from kiku.render.sharecards.draw import CardText
from kiku.render.sharecards.fonts import CardFont
from kiku.render.sharecards.render import CardJob, CardWriter
from kiku.render.text.phrases import phrases
from kiku.render.writing.memo.pagememo import written_page
from kiku.render.writing.other_files.extras import content_digest

# (label, module or class, attribute, depth): depth 1 steps are inside a depth 0 one.
STEPS: tuple[tuple[str, Any, str, int], ...] = (
    ("cache key", render, "_cache_key", 0),
    ("draw_card", render, "draw_card", 0),
    ("title layout (line breaking)", draw, "title_layout", 1),
    ("measuring characters (Pillow)", title._Metrics, "measure", 2),
    ("shaping lines near the edge (Pillow)", title, "ink_width", 2),
    ("placing glyphs", draw, "place_line", 1),
    ("rasterising glyphs (Pillow)", glyphs, "_render", 2),
    ("measuring kerning (Pillow)", glyphs, "_kerning", 2),
    ("title line strips", draw, "line_strip", 1),
    ("pasting glyphs (dates, other lines)", draw, "paste_line", 1),
    ("deflating own rows", draw, "deflate_filtered", 1),
    ("deflating pasted rows", draw, "deflate", 1),
    ("PNG assembly", draw, "png_bytes", 1),
    ("writing the file", render, "_write_new", 0),
    ("linking it into the cache", render, "_keep", 0),
    ("the build's record of it", None, "record", 0),
)


class Timers:
    """CPU nanoseconds spent in each step."""

    def __init__(self) -> None:
        self.spent: dict[str, int] = {}

    def timed(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def step(*arguments: Any, **keywords: Any) -> Any:
            started = time.process_time_ns()
            try:
                return function(*arguments, **keywords)
            finally:
                self.spent[label] = self.spent.get(label, 0) + time.process_time_ns() - started

        return step


@contextmanager
def steps_timed(timers: Timers) -> Iterator[None]:
    # A step another checkout of kiku has no function for is left out (``--steps`` run with its ``kiku/``).
    originals = [(owner, name, getattr(owner, name)) for _, owner, name, _ in STEPS if hasattr(owner, name)]
    for label, owner, name, _ in STEPS:
        if hasattr(owner, name):
            setattr(owner, name, timers.timed(label, getattr(owner, name)))
    try:
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def write_share(font: CardFont, jobs: Sequence[CardJob], folder: Path, timers: Timers) -> int:
    """Write the cards of ``jobs`` under ``folder`` as a build's worker does: CPU ns in all."""
    out_dir, cache_dir = folder / "site", folder / "cards"
    for job in jobs:  # the pages' folders, made by the pages before their cards
        (out_dir / job.url).parent.mkdir(parents=True, exist_ok=True)
    record = timers.timed("the build's record of it",
                          lambda png, status: written_page(content_digest(png), status, None))
    started = time.process_time_ns()
    CardWriter.prepare(font, jobs, out_dir, cache_dir).write(jobs, lambda url, png, status: record(png, status))
    return time.process_time_ns() - started


def print_steps(font: CardFont, texts: Sequence[CardText]) -> None:
    """Draw and write a worker's share of ``texts`` cold, then warm, and print each step's cost."""
    share = [CardJob(f"articles/{number}/card.png", text) for number, text in enumerate(texts[::2])]
    first = share[0].text
    draw.card_frame(font, first.site_name, first.mark, first.footer_right)  # before a build's workers fork
    for job in share:
        phrases(" ".join(job.text.title.split()))  # the worker rendered the card's page
    results: list[tuple[int, dict[str, int]]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for run in ("cold", "warm"):
            timers = Timers()
            with steps_timed(timers):
                total = write_share(font, share, Path(scratch) / run, timers)
            results.append((total, timers.spent))
    print(f"{len(share):,} cards (every second one), CPU µs a card:        cold     warm")
    for (label, _, _, depth) in STEPS:
        figures = [spent.get(label, 0) / len(share) / 1000 for _, spent in results]
        print(f"  {'  ' * depth + label:44} {figures[0]:7.1f}  {figures[1]:7.1f}")
    outer = [label for label, _, _, depth in STEPS if depth == 0]
    other = [(total - sum(spent.get(label, 0) for label in outer)) / len(share) / 1000 for total, spent in results]
    totals = [total / len(share) / 1000 for total, _ in results]
    print(f"  {'other':44} {other[0]:7.1f}  {other[1]:7.1f}")
    print(f"  {'a card in all':44} {totals[0]:7.1f}  {totals[1]:7.1f}   (process {os.getpid()})")
