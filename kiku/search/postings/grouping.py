"""Values grouped by a pair of code points, over arrays (numpy): the full build's one big step.

Both the postings (each token key with its article values, kiku.search.postings.arrays) and the
shared contexts (each pair of characters with its offset, kiku.search.postings.context_arrays) are a sort
of millions of (first, second, value) triples. Each triple is packed into one 64-bit number,
``first << (code_bits + value_bits) | second << value_bits | value``, and the numbers are sorted
in place: a plain sort of numbers is several times as fast as a stable sort of keys carrying
their values, and the numbers are made and read a chunk at a time, so that the build holds one
array of the triples' size beside its input, not several. Triples that do not fit in 63 bits
(a site of a million articles) are sorted the slow way (``group_pairs``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
CHUNK = 1 << 16  # triples packed or compared at once: their temporary arrays take a few MB
MAX_BITS = 63


@dataclass(frozen=True, slots=True)
class Groups:
    """Values grouped by a pair of codes: group i is ``values[starts[i]:starts[i + 1]]``, in
    increasing order, of the pair (``firsts[i]``, ``seconds[i]``); the groups in increasing pair order."""

    firsts: Ints
    seconds: Ints
    starts: Ints
    values: Ints

    def counts(self) -> Ints:
        """Each group's number of values."""
        counts: Ints = np.diff(np.append(self.starts, len(self.values)))
        return counts


Pack = Callable[[int, int, int, int], Ints]  # (start, end, code bits, value bits) → those triples packed
Triples = Callable[[int, int], tuple[Ints, Ints, Ints]]  # (start, end) → their firsts, seconds, values


def group_packed(
    length: int, code_bits: int, value_bits: int, pack: Pack, triples: Triples
) -> Groups:
    """The groups of ``length`` triples, packed by ``pack`` a chunk at a time (codes below
    ``2 ** code_bits``, values below ``2 ** value_bits``); ``triples(0, length)`` gives them as
    arrays instead when they do not fit in ``MAX_BITS``. ``pack`` and ``triples`` may leave out
    some of a range's triples (the same ones): those are in no group.

    The packed numbers are sorted by numpy's default sort (quicksort): since numpy 2.0 it is a SIMD
    sort on x86 with AVX2 (x86-simd-sort), four times as fast as the ``stable`` merge sort that
    took each article's stretch of sorted keys as it was. At 10,000 real-prose articles (numpy
    2.4, AVX2, 2026-12-01): the postings' 11.7 million 0.19-0.22 s, not 0.82-1.18; the contexts'
    10.2 million 0.19 s, not 0.95 (without that SIMD sort, as numpy 1.26 had it, the merge sort measured
    faster: 0.62 s, not 0.77). The numbers are distinct (a key once in a part, a pair once
    at an offset): any sort gives the same order."""
    if 2 * code_bits + value_bits > MAX_BITS:
        return group_pairs(*triples(0, length))
    packed = np.empty(length, dtype=np.int64)
    filled = 0
    for start in range(0, length, CHUNK):
        chunk = pack(start, min(length, start + CHUNK), code_bits, value_bits)
        packed[filled : filled + len(chunk)] = chunk
        filled += len(chunk)
    if filled < length:
        packed = packed[:filled]  # a view: the rest of the array is never read
        length = filled
    packed.sort()
    starts = [np.zeros(min(length, 1), dtype=np.int64)]
    for start in range(0, length - 1, CHUNK):
        end = min(length - 1, start + CHUNK)
        changed = packed[start + 1 : end + 1] >> value_bits != packed[start:end] >> value_bits
        starts.append(np.flatnonzero(changed) + start + 1)
    group_starts = np.concatenate(starts)
    pairs = packed[group_starts] >> value_bits
    packed &= (1 << value_bits) - 1
    return Groups(pairs >> code_bits, pairs & ((1 << code_bits) - 1), group_starts, packed)


def group_pairs(firsts: Ints, seconds: Ints, values: Ints) -> Groups:
    """``values`` grouped by (``firsts``, ``seconds``), all ≥ 0, by a stable sort of each key."""
    order = np.lexsort((values, seconds, firsts))
    pairs, values = firsts[order] << 32 | seconds[order], values[order]  # code points: 21 bits
    starts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1]))) if len(pairs) else order[:0]
    return Groups(pairs[starts] >> 32, pairs[starts] & 0xFFFFFFFF, starts, values)
