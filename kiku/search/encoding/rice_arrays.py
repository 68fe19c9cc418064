"""``rice_string`` (kiku.search.encoding.shards) of many lists at once, over whole arrays (numpy).

A full build encodes every token's posting list: tens of thousands of lists, millions of values.
One list at a time, in Python, that was a third of the index's cost; here each step (choosing
each list's parameter, placing each code's bits, packing them into bytes and base64) is one
array operation over a whole batch of lists. The strings are the same, character for character
(``tests/search/test_search_arrays.py`` compares them with ``rice_string``'s).

Each list's bits start at a multiple of 24 in one byte string (``rice_string`` pads each list to
whole groups of three bytes): the batch is base64-coded at once, and each list's characters are a
slice of the result.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

from kiku.search.encoding.shards import DIGITS

Ints = npt.NDArray[np.int64]
BATCH_VALUES = 1 << 18  # values coded at once: bounds the memory a batch takes (~100 bytes a value)


def rice_strings(values: Ints, starts: Ints) -> list[str]:
    """``rice_string(values[starts[i]:starts[i + 1]])`` for each i (the last list runs to the end);
    every list is non-empty and every value ≥ 0."""
    strings: list[str] = []
    for first, last in batches(starts, len(values)):
        end = int(starts[last]) if last < len(starts) else len(values)
        batch_starts = starts[first:last] - starts[first]
        strings.extend(_batch(values[int(starts[first]) : end], batch_starts))
    return strings


def batches(starts: Ints, total: int) -> Iterator[tuple[int, int]]:
    """(first, last) list numbers (of lists starting at ``starts``) of batches of about
    ``BATCH_VALUES`` values (at least one list each)."""
    first = 0
    while first < len(starts):
        last = int(np.searchsorted(starts, starts[first] + BATCH_VALUES, side="right"))
        last = max(last, first + 1)
        yield first, last
        first = last


def _bit_length(values: Ints) -> Ints:
    """``int.bit_length`` of each value (≥ 0, below 2 ** 53: exact in a float's exponent)."""
    return np.frexp(values.astype(np.float64))[1].astype(np.int64)


def _parameters(values: Ints, starts: Ints, counts: Ints, list_of: Ints) -> Ints:
    """Each list's ``k``, as ``rice_string`` chooses it: among ``guess - 1 … guess + 1`` (not below
    0), the one making the list shortest, the least on a tie."""
    means = np.add.reduceat(values, starts) // counts
    guesses = np.maximum(0, _bit_length(means * 7 // 10) - 1)
    lowest = np.maximum(0, guesses - 1)
    best_k: Ints = lowest
    best_bits = _bits(values, starts, counts, list_of, lowest)
    for step in (1, 2):
        candidate = lowest + step
        bits = _bits(values, starts, counts, list_of, candidate)
        better = (bits < best_bits) & (candidate <= guesses + 1)
        best_k = np.where(better, candidate, best_k)
        best_bits = np.where(better, bits, best_bits)
    return best_k


def _bits(values: Ints, starts: Ints, counts: Ints, list_of: Ints, k: Ints) -> Ints:
    high: Ints = np.add.reduceat(values >> k[list_of], starts)
    bits: Ints = high + counts * (k + 1)
    return bits


def _batch(values: Ints, starts: Ints) -> list[str]:
    counts = np.diff(np.append(starts, len(values)))
    list_of = np.repeat(np.arange(len(starts)), counts)
    k_of_list = _parameters(values, starts, counts, list_of)
    del list_of
    k = np.repeat(k_of_list, counts)  # (a repeat, not a gather through each value's list)
    quotients = values >> k
    widths = quotients + 1 + k
    before = np.cumsum(widths)
    before -= widths  # bits before each code, counted from the batch's first list
    list_bits = np.add.reduceat(widths, starts)
    del widths
    padded = (list_bits + 23) // 24 * 24
    list_starts = np.cumsum(padded) - padded
    ones = before  # each code's "1": its list's start, and its bits before it in its list
    ones += np.repeat(list_starts - before[starts], counts)
    ones += quotients
    del quotients
    # Each code, its "1" and its k low bits, is set into the stream's 64-bit words (the bits read
    # from the high end): into the word of its "1", and the next one when it passes that word's end.
    # The codes come in order and never overlap, so those starting in one word are neighbours,
    # or-ed together by one ``reduceat`` over such stretches, each word set once: twice as fast
    # as adding every code's bytes into a byte stream (``np.add.at``).
    size = int(padded.sum()) // 8
    words = np.zeros(size // 8 + 2, dtype=np.uint64)
    code = (np.uint64(1) << k.astype(np.uint64)) | (values & ((1 << k) - 1)).astype(np.uint64)
    word = ones >> 6
    room = 64 - (ones & 63) - k - 1  # the bits of its word after the code's; < 0 when it passes the word
    del k
    inside = room >= 0
    shifts = np.abs(room).astype(np.uint64)
    placed = np.where(inside, code << shifts, code >> shifts)  # (its high bits, when it passes the word)
    stretches = np.flatnonzero(np.concatenate(([True], word[1:] != word[:-1])))
    words[word[stretches]] |= np.bitwise_or.reduceat(placed, stretches)
    spilling = np.flatnonzero(~inside)  # at most one a word: the last code starting in it
    words[word[spilling] + 1] |= code[spilling] << (64 + room[spilling]).astype(np.uint64)
    stream = words.astype(">u8").view(np.uint8)
    text = base64.urlsafe_b64encode(stream[:size].tobytes()).decode("ascii")
    return [
        DIGITS[parameter] + text[start // 6 : (start + length) // 6].rstrip("A")
        for parameter, start, length in zip(k_of_list.tolist(), list_starts.tolist(), padded.tolist(), strict=True)
    ]


def rice_decoded(text: str) -> Ints:
    """The values ``rice_string`` wrote (``rice_values``' reading, over arrays): patching a shard
    decodes the long posting lists of an added article's common tokens, bit by bit in Python the
    most of a patch's time. A code's one bit ends its run of zeros; the ``k`` bits after it are its
    low bits, whose ones are skipped: each code's end is the first one at least ``k`` + 1 bits past
    the one before (a chain followed in Python, one step a value)."""
    k = DIGITS.index(text[0])
    body = text[1:] + "A" * (-(len(text) - 1) % 4)  # the trailing zero bits rice_string left out
    bits = np.unpackbits(np.frombuffer(base64.urlsafe_b64decode(body), np.uint8))
    ones = np.flatnonzero(np.concatenate([bits, np.zeros(k, np.uint8)])).astype(np.int64)
    if k == 0:
        return np.diff(ones, prepend=-1) - 1
    following = np.searchsorted(ones, ones + 1 + k).tolist()
    chain, at = [], 0
    while at < len(following):
        chain.append(at)
        at = following[at]
    ends = ones[chain]
    starts = np.concatenate([np.zeros(1, np.int64), ends[:-1] + 1 + k])
    padded = np.concatenate([bits, np.zeros(k, np.uint8)]).astype(np.int64)
    low = padded[ends[:, None] + 1 + np.arange(k)] @ (1 << np.arange(k - 1, -1, -1, dtype=np.int64))
    result: Ints = ((ends - starts) << k) | low
    return result
