"""``shared_contexts`` (kiku.search.postings.extensions) of a whole site at once, over arrays (numpy).

A full build computes the shared context of every bigram of at least ``MIN_ARTICLES`` articles
from the site's distinct Japanese runs: millions of characters. Here every pair of characters is
grouped with the others of its bigram by one sort, the groups of those bigrams kept, and a
context grows one character a step for all bigrams together: at step d, a bigram's right context
(left context) still grows while every occurrence has the same character, not a run's end, d
characters after (before) it. That is ``extensions``' longest common prefix (suffix) of all the
occurrences' contexts, so the result is the same (``tests/search/test_search_build.py`` compares).

``joined_contexts``, the build's, finds each pair's bigram by a table look-up instead of that sort
(and reads every article's runs as they are, not the site's distinct runs as a set): 1.3-1.6 s
→ 0.4-0.6 s with the set at 10,000 real-prose articles. ``array_contexts`` remains for a site of
so many distinct characters that the table would not fit.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

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
    positions = groups.values[np.repeat(wanted, counts)]
    del groups  # its values (every pair's offset) are as large as the positions kept
    counts = counts[wanted]
    right = _context_lengths(codes, positions, counts, 2)
    left = _context_lengths(codes, positions, counts, -1)
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


def _context_lengths(codes: npt.NDArray[np.uint32], positions: Ints, counts: Ints, first: int) -> Ints:
    """Each group's context length on one side: the characters at ``position + first``, then
    onwards (``first`` > 0: the right side) or backwards (``first`` < 0: the left side), while they
    are the same in all the group's occurrences (the ``positions``, in groups of ``counts``) and no
    run's end, ``CONTEXT`` at most.

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
        groups, members, counts = groups[same], members[np.repeat(same, counts)], counts[same]
        lengths[groups] = depth + 1
    return lengths


_MAX_TABLE = 1 << 26  # bigram cells of ``joined_contexts``' table (256 MB as int32): more, and it sorts instead
_PAIRS_AT_ONCE = 1 << 20  # pairs looked up at once: a few MB of temporaries


def joined_contexts(joined: str, wanted_firsts: Ints, wanted_seconds: Ints) -> dict[str, Extension]:
    """``array_contexts`` of the runs in ``joined`` (every article's runs, newline-separated: a run
    repeated in many articles is read as often, which changes no shared context), without sorting.

    Every character of the runs gets a small number (the site has a few thousand distinct ones), so
    a bigram is a cell of a table of (number of characters)², which holds its place among the wanted
    bigrams: each pair of characters finds its bigram by one look-up, not a sort of every pair (the
    sort, and the set of distinct runs it needed, were most of the contexts' time). A context then
    grows one character a step for all wanted bigrams together, as in ``array_contexts``: a bigram
    keeps growing while every one of its occurrences has the character its first occurrence has
    there, and no run's end (each occurrence compared with its bigram's first, not a min and max
    per group)."""
    padding = "\n" * (CONTEXT + 1)  # a context read from any occurrence stays inside the text
    text = padding + joined + padding
    codes = np.frombuffer(text.encode(_UTF32), dtype=np.uint32)
    present = np.zeros(0x110000, dtype=np.bool_)
    present[codes] = True
    present[ord("\n")] = False
    size = int(np.count_nonzero(present)) + 1  # character numbers 1 to size - 1; 0 is a run's end
    if size * size > _MAX_TABLE:  # some 8,000 distinct Japanese characters
        return array_contexts(set(joined.split("\n")) - {""}, wanted_firsts, wanted_seconds)
    kind = np.uint16 if size < 1 << 16 else np.int32
    number_of = np.where(present, np.cumsum(present, dtype=np.int32), 0).astype(kind)
    del present
    numbers = number_of[codes]
    del codes
    firsts, seconds = number_of[wanted_firsts].astype(np.int64), number_of[wanted_seconds].astype(np.int64)
    occurring = (firsts != 0) & (seconds != 0)  # (a bigram of a character in no run is nowhere)
    wanted_cells = (firsts * size + seconds)[occurring]
    kind = np.uint16 if len(wanted_cells) < 1 << 16 else np.int32  # a smaller table stays in the cache more
    table = np.zeros(size * size, dtype=kind)
    table[wanted_cells] = np.arange(1, len(wanted_cells) + 1, dtype=kind)  # 0: not wanted
    found = _pair_groups(numbers, table, size)
    del table
    left, right, occurrence = _grown(numbers, found, len(wanted_cells) + 1)
    shared: dict[str, Extension] = {}
    some = np.flatnonzero((left > 0) | (right > 0))
    for at, left_length, right_length in zip(
        occurrence[some].tolist(), left[some].tolist(), right[some].tolist(), strict=True
    ):
        at += CONTEXT + 1  # (places count from the padding's end)
        shared[text[at : at + 2]] = (text[at - left_length : at], text[at + 2 : at + 2 + right_length])
    return shared


def _pair_groups(numbers: npt.NDArray[Any], table: npt.NDArray[Any], size: int) -> npt.NDArray[Any]:
    """For each pair of characters of ``numbers`` but the padding's (the pair at ``CONTEXT`` + 1 + i
    is item i, so that a character k places from it is ``numbers[CONTEXT + 1 + k + i]``), its
    wanted bigram (1, 2, …) or 0, looked up a stretch of pairs at a time."""
    length = max(0, len(numbers) - 2 * CONTEXT - 3)
    found = np.empty(length, dtype=table.dtype)
    for start in range(0, length, _PAIRS_AT_ONCE):
        end = min(length, start + _PAIRS_AT_ONCE)
        first = numbers[CONTEXT + 1 + start : CONTEXT + 1 + end].astype(np.int32)
        # a pair with a run's end is a cell below size or a multiple of it: never wanted
        found[start:end] = table[first * size + numbers[CONTEXT + 2 + start : CONTEXT + 2 + end]]
    return found


def _grown(numbers: npt.NDArray[Any], found: npt.NDArray[Any], count: int) -> tuple[Ints, Ints, Ints]:
    """Each bigram's left and right context lengths (``found``: each pair's bigram, ``_pair_groups``),
    and the item of one of its occurrences, for those with a context.

    The character after and before every pair is compared first, reading ``numbers`` in order
    (not through a list of places); most occurrences are of bigrams that share neither (the
    frequent ones), and only the others are listed and read further."""
    length = len(found)
    held = np.zeros(count, dtype=np.bool_)
    held[found] = True
    held[0] = False  # (not a bigram: the pairs of no wanted bigram)
    sides = []
    for shift in (CONTEXT + 3, CONTEXT):  # the character after the bigram, the one before
        sides.append(held & ~_disagreeing(numbers[shift : shift + length], found, count))
    places = np.flatnonzero((sides[0] | sides[1])[found])
    groups = found[places].astype(np.int64)
    occurrence = np.zeros(count, dtype=np.int64)
    occurrence[groups] = places  # any occurrence: a shared context is every one's
    lengths = [side.astype(np.int64) for side in sides]
    for growing, grown, (shift, direction) in zip(sides, lengths, ((CONTEXT + 3, 1), (CONTEXT, -1)), strict=True):
        kept = growing[groups]
        members, member_groups = places[kept], groups[kept]
        for depth in range(1, CONTEXT):
            if not len(members):
                break
            growing &= ~_disagreeing(numbers[shift + direction * depth :][members], member_groups, count)
            kept = growing[member_groups]
            members, member_groups = members[kept], member_groups[kept]
            grown[growing] = depth + 1
    return lengths[1], lengths[0], occurrence


def _disagreeing(characters: npt.NDArray[Any], groups: npt.NDArray[Any], count: int) -> npt.NDArray[np.bool_]:
    """The groups (of ``count``) where ``characters`` (one per member of ``groups``) are not all
    the same, or some is a run's end (0): each compared with the one some member wrote."""
    reference = np.zeros(count, dtype=characters.dtype)
    reference[groups] = characters
    failed = np.zeros(count, dtype=np.bool_)
    failed[groups[(characters != reference[groups]) | (characters == 0)]] = True
    return failed
