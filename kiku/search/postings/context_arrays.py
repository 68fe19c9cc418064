"""``shared_contexts`` (kiku.search.postings.extensions) of a whole site at once, over arrays (numpy).

A full build computes the shared context of every bigram of at least ``MIN_ARTICLES`` articles
from the site's distinct Japanese runs: millions of characters. Here every pair of characters is
grouped with the others of its bigram by one sort, the groups of those bigrams kept, and a
context grows one character a step for all bigrams together: at step d, a bigram's right context
(left context) still grows while every occurrence has the same character, not a run's end, d
characters after (before) it. That is ``extensions``' longest common prefix (suffix) of all the
occurrences' contexts, so the result is the same (``tests/search/test_search_build.py`` compares).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from kiku.search.postings.extensions import CONTEXT, Extension
from kiku.search.postings.grouping import group_packed

Ints = npt.NDArray[np.int64]
_CODE_BITS = 21  # of a code point
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def array_contexts(
    runs: Iterable[str], wanted_firsts: Ints, wanted_seconds: Ints, *, release: bool = False
) -> dict[str, Extension]:
    """``shared_contexts``: bigram → (left, right) for the bigrams wanted (given by their code
    points) that share a context in ``runs`` (distinct normalised runs). ``release``: ``runs`` is a
    set this call empties once it has read it (its strings are as large as the codes read from them)."""
    padding = "\x00" * (CONTEXT + 1)  # a context read from any occurrence stays inside the text
    codes = np.frombuffer((padding + "\x00".join(runs) + padding).encode(_UTF32), dtype=np.uint32)
    if release and isinstance(runs, set):
        runs.clear()

    def triples_of(start: int, end: int) -> tuple[Ints, Ints, Ints]:
        # Only the pairs of two characters of a run: a pair with a run's end (NUL) is no bigram
        # (one in eight of real prose's pairs, whose sort and grouping were for nothing).
        firsts, seconds = codes[start:end], codes[start + 1 : end + 1]
        inside = np.flatnonzero((firsts != 0) & (seconds != 0))
        return firsts[inside].astype(np.int64), seconds[inside].astype(np.int64), inside + start

    def pack(start: int, end: int, code_bits: int, value_bits: int) -> Ints:
        firsts, seconds, offsets = triples_of(start, end)
        packed: Ints = firsts << (code_bits + value_bits) | seconds << value_bits | offsets
        return packed

    code_bits = int(codes.max()).bit_length()
    groups = group_packed(len(codes) - 1, code_bits, (len(codes) - 2).bit_length(), pack, triples_of)
    counts = groups.counts()
    wanted = _among(groups.firsts << _CODE_BITS | groups.seconds, wanted_firsts << _CODE_BITS | wanted_seconds)
    # Nearly every pair is of a wanted bigram: the others' groups are dropped at the first step of
    # each side, not their positions copied apart first (0.15-0.2 s at 10,000 real-prose articles).
    positions = groups.values
    del groups
    right = _context_lengths(codes, positions, counts, wanted, 2)
    left = _context_lengths(codes, positions, counts, wanted, -1)
    shared: dict[str, Extension] = {}
    some = (left > 0) | (right > 0)  # most bigrams share nothing: only the others are made into strings
    firsts = positions[(np.cumsum(counts) - counts)[some]]
    for at, left_length, right_length in zip(firsts.tolist(), left[some].tolist(), right[some].tolist(), strict=True):
        # Read back from the codes (the text is not kept beside them: as large again, or half)
        around = codes[at - left_length : at + 2 + right_length].tobytes().decode(_UTF32)
        shared[around[left_length : left_length + 2]] = (around[:left_length], around[left_length + 2 :])
    return shared


def _among(values: Ints, wanted: Ints) -> npt.NDArray[np.bool_]:
    """Whether each of ``values`` (increasing) is in ``wanted``: ``np.isin``, sorting only ``wanted``."""
    if not len(wanted):
        return np.zeros(len(values), dtype=np.bool_)
    wanted = np.sort(wanted)
    places = np.minimum(np.searchsorted(wanted, values), len(wanted) - 1)
    found: npt.NDArray[np.bool_] = wanted[places] == values
    return found


def _context_lengths(
    codes: npt.NDArray[np.uint32], positions: Ints, counts: Ints, wanted: npt.NDArray[np.bool_], first: int
) -> Ints:
    """Each group's context length on one side: the characters at ``position + first``, then
    onwards (``first`` > 0: the right side) or backwards (``first`` < 0: the left side), while they
    are the same in all the group's occurrences (the ``positions``, in groups of ``counts``) and no
    run's end, ``CONTEXT`` at most; 0 for the groups not ``wanted``.

    The character d places on is read through a view of ``codes`` starting that far from its
    start (``take``), not by adding d to every position first: an array of the positions' size
    less, made and read at every step (every position is at least ``CONTEXT`` + 1 into ``codes``)."""
    lengths = np.zeros(len(counts), dtype=np.int64)
    groups = np.arange(len(counts))  # the groups still growing
    members = positions if first > 0 else positions - (CONTEXT + 1)
    for depth in range(CONTEXT):
        if not len(groups):
            break
        shift = first + depth if first > 0 else CONTEXT + 1 + first - depth
        characters = codes[shift:].take(members)
        group_starts = np.cumsum(counts) - counts
        lowest = np.minimum.reduceat(characters, group_starts)
        same = (lowest == np.maximum.reduceat(characters, group_starts)) & (lowest != 0)
        if depth == 0:
            same &= wanted
        groups, members, counts = groups[same], members[np.repeat(same, counts)], counts[same]
        lengths[groups] = depth + 1
    return lengths
