"""Wrapping a Japanese title into the lines of a share card: pure functions, no drawing.

The title is cut into phrases (``kiku.render.text.phrases``: BudouX plus the rules that keep numbers with
their counters and Latin words whole, and never start a line with closing punctuation). Lines break
only between phrases. Of all the ways to do that at a font size, the one with the fewest lines and
then the most even line lengths wins, so the last line is never a stub. When the title does not fit
the box, the font shrinks one step at a time; only at the smallest size are over-long phrases
broken inside (still never before closing punctuation), and only when even that does not fit is
the last line cut and ended with an ellipsis.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kiku.render.text.phrases import CLOSING, LATIN_RUN, OPENING, phrases

ELLIPSIS = "…"
_SPACE = re.compile(r"\s")  # what str.strip strips (and str.isspace finds)
# The width of ``text`` drawn at font size ``size``, in the card's pixels.
Measure = Callable[[str, int], float]
# The advance of each character of ``text`` at font size ``size``, for a measure that is their sum.
Advances = Callable[[str, int], Sequence[float]]
_Width = TypeVar("_Width")
# The width of the line made of units ``start`` to ``end`` (excluded).
SpanWidth = Callable[[int, int], float]


@dataclass(frozen=True, slots=True)
class Box:
    """Where the title goes: its width and height in pixels, and the sizes to try, largest first."""

    width: float
    height: float
    sizes: tuple[int, ...]
    line_height: float = 1.4  # times the font size

    def max_lines(self, size: int) -> int:
        return max(1, int(self.height // (size * self.line_height)))


@dataclass(frozen=True, slots=True)
class TitleLayout:
    """The lines to draw at ``size``; ``truncated`` when the title was cut (ellipsis)."""

    size: int
    lines: tuple[str, ...]
    truncated: bool = False


def layout_title(title: str, box: Box, measure: Measure, advances: Advances | None = None) -> TitleLayout:
    """``title`` wrapped into ``box`` (see the module docstring for the rules, in order). When
    ``measure`` is the sum of its characters' ``advances``, candidate lines are measured from sums
    of them (the same figures: see ``span_widths``)."""
    units = phrases(" ".join(title.split()))
    if not units:
        return TitleLayout(box.sizes[0], ())
    for size in box.sizes:
        width_of = functools.partial(_at, measure, size)
        spans = span_widths(units, width_of, None if advances is None else functools.partial(_at, advances, size))
        lines = balanced_lines(units, box.width, box.max_lines(size), spans)
        if lines is not None:
            return TitleLayout(size, lines)
    smallest = box.sizes[-1]
    width_of = functools.partial(_at, measure, smallest)
    pieces = _split_wide_units(units, box.width, width_of)
    max_lines = box.max_lines(smallest)
    lines = balanced_lines(pieces, box.width, max_lines, span_widths(pieces, width_of, None))
    if lines is not None:
        return TitleLayout(smallest, lines)
    return TitleLayout(smallest, _cut_with_ellipsis(pieces, box.width, max_lines, width_of), truncated=True)


def _at(measure: Callable[[str, int], _Width], size: int, text: str) -> _Width:
    return measure(text, size)


def line_text(units: Sequence[str]) -> str:
    """The text of a line made of ``units``: spaces at either end are not drawn."""
    return "".join(units).strip()


def span_widths(
    units: Sequence[str], width_of: Callable[[str], float], advances: Callable[[str], Sequence[float]] | None
) -> SpanWidth:
    """The width of a line of ``units`` (``line_text``): ``width_of`` it, or, given the
    ``advances`` whose sum ``width_of`` is, a difference of their running sums. Advances are whole
    1/64 pixels, so every sum is exact and the difference is the sum ``width_of`` would give."""
    if advances is None:
        return lambda start, end: width_of(line_text(units[start:end]))
    text = "".join(units)
    sums = list(itertools.accumulate(advances(text), initial=0.0))
    offsets = list(itertools.accumulate(map(len, units), initial=0))
    # Where a line starting or ending at each unit's start begins and ends once its spaces are stripped
    # (most Japanese titles have no space).
    spaced = _SPACE.search(text) is not None
    firsts = [_ink_start(text, offset) for offset in offsets] if spaced else offsets
    lasts = [_ink_end(text, offset) for offset in offsets] if spaced else offsets

    def span(start: int, end: int) -> float:
        first, last = firsts[start], lasts[end]
        return sums[last] - sums[first] if last > first else 0.0

    return span


def _ink_start(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _ink_end(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def balanced_lines(units: Sequence[str], width: float, max_lines: int, span_width: SpanWidth) -> tuple[str, ...] | None:
    """``units`` in at most ``max_lines`` lines no wider than ``width`` (``span_width``): the fewest
    lines, then the smallest sum of squared free space (even lines); None when no such wrapping
    exists."""
    count = len(units)
    # best[i]: (lines, raggedness, end of the first line) for units[i:], None when they cannot fit.
    best: list[tuple[int, float, int] | None] = [None] * (count + 1)
    best[count] = (0, 0.0, count)
    for start in range(count - 1, -1, -1):
        choice: tuple[int, float, int] | None = None
        for end in range(start + 1, count + 1):
            used = span_width(start, end)
            if used > width:
                break  # longer lines only get wider
            rest = best[end]
            if rest is None:
                continue
            line_count, ragged = rest[0] + 1, rest[1] + (width - used) ** 2
            # Below the choice's (lines, raggedness), compared as tuples are, without making one.
            if choice is None or line_count < choice[0] or (line_count == choice[0] and ragged < choice[1]):
                choice = (line_count, ragged, end)
        best[start] = choice
    first = best[0]
    if first is None or first[0] > max_lines:
        return None
    lines: list[str] = []
    start = 0
    while start < count:
        step = best[start]
        assert step is not None  # every start on the chosen path has a wrapping
        lines.append(line_text(units[start : step[2]]))
        start = step[2]
    return tuple(lines)


def _split_wide_units(units: Sequence[str], width: float, width_of: Callable[[str], float]) -> list[str]:
    """``units`` with each one wider than the line cut into pieces that fit.

    A Latin word or number stays whole unless it alone is wider than the line. A piece never starts
    with closing punctuation nor ends with opening punctuation: the character before such a mark
    moves to the next piece with it (追い出し).
    """
    pieces: list[str] = []
    for unit in units:
        if width_of(unit.strip()) <= width:
            pieces.append(unit)
            continue
        piece: list[str] = []  # atoms
        for atom in _atoms(unit, width, width_of):
            if piece and width_of("".join([*piece, atom]).strip()) > width:
                carried = 1 if atom in CLOSING or piece[-1] in OPENING else 0
                if carried < len(piece):
                    pieces.append("".join(piece[: len(piece) - carried]))
                    piece = piece[len(piece) - carried :]
            piece.append(atom)
        pieces.append("".join(piece))
    return pieces


def _atoms(unit: str, width: float, width_of: Callable[[str], float]) -> list[str]:
    """``unit`` as Latin words (whole, unless one is wider than the line) and single characters."""
    atoms: list[str] = []
    position = 0
    for match in LATIN_RUN.finditer(unit):
        atoms.extend(unit[position : match.start()])
        word = match.group()
        atoms.extend([word] if width_of(word) <= width else list(word))
        position = match.end()
    atoms.extend(unit[position:])
    return atoms


def _cut_with_ellipsis(
    pieces: Sequence[str], width: float, max_lines: int, width_of: Callable[[str], float]
) -> tuple[str, ...]:
    """The first lines filled greedily; the last one cut to leave room for the ellipsis."""
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if current and width_of((current + piece).strip()) > width:
            lines.append(current.strip())
            current = ""
            if len(lines) == max_lines:
                break
        current += piece
    kept = lines[:max_lines] if len(lines) == max_lines else [*lines, current.strip()][:max_lines]
    last = kept[-1]
    while last and width_of(last + ELLIPSIS) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return tuple(kept)
