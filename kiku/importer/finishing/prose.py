"""How much of a page's prose a reading kept: the measure that picks the fuller of two readings.

A reading that takes one box for chrome (an ad slot's label over the article's column, a class that
names a wrapper as a widget) may lose the whole article; another reading of the same page that keeps
far more of its sentences is the better one, whatever either took for the title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kiku.importer.page import Line

# A reading that keeps at least this many times the prose of another is the fuller one (far more: a side
# column of prose beside a short article must not make the reading that drops it lose).
FULLER_READING = 3
# A line of prose: a sentence's length at least, with a sentence's end inside or after it.
MIN_PROSE_LINE = 20
_SENTENCE_END = re.compile(r"[。．！？!?]")


def prose_weight(lines: Iterable[Line]) -> int:
    """Characters in the lines that read as sentences (menus, titles and labels count nothing)."""
    return sum(len(line.text) for line in lines
               if len(line.text) >= MIN_PROSE_LINE and _SENTENCE_END.search(line.text) is not None)
