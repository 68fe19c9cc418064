"""A full build's postings, made over whole arrays (numpy): every token's posting string and shard.

``Postings`` (kiku.search.postings.inverted) appends each article's tokens to a list per token, one token
at a time: millions of appends to lists scattered in memory. A full build needs no such lists:
every article's token keys (kiku.search.entries.keys) are concatenated into one array, each beside its
value (article number × 2 + head), and one sort groups them, each group in article order (the
few word tokens are listed the plain way). Gaps, head places
and their Rice codes (kiku.search.encoding.rice_arrays) are then computed for all groups together. The
posting strings are ``encode_columns``' own (``tests/search/test_search_build.py`` compares the
index with the one ``Postings`` makes).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import numpy.typing as npt

from kiku.runtime import heap
from kiku.search.encoding.rice_arrays import batches, rice_strings
from kiku.search.encoding.shards import fnv1a, shard_of
from kiku.search.entries.article import EntryData, lines
from kiku.search.entries.keys import FIRST_SHIFT, SECOND_SHIFT
from kiku.search.postings.extensions import MIN_ARTICLES
from kiku.search.postings.grouping import Groups, group_packed

Ints = npt.NDArray[np.int64]
_HALF = 0xFFFFFFFF
_CODE_BITS = 21  # of a code point
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


@dataclass(frozen=True, slots=True)
class TokenPostings:
    """Every token of a site, in key order: its text and its posting string; the tokens of each
    of ``len(shards)`` shards (their places in ``texts``), and the Japanese bigrams held by at least
    ``MIN_ARTICLES`` articles (those that may have a shared context) as their two code points."""

    texts: list[str]
    encoded: list[str]
    shards: list[list[int]]
    shared_firsts: Ints
    shared_seconds: Ints


class _PartKeys:
    """The keys of ``parts`` (each part's 64-bit keys as bytes), read a range at a time in increasing
    order: only the parts a range touches are joined (not every key copied into one array first,
    which held the site's keys twice), and with ``release`` each part read to its end is let go
    (its place set to None), its memory given back to the system every ``_GIVE_BACK_EVERY`` keys, so
    that the array the keys are packed into grows while they shrink (kiku.runtime.heap)."""

    def __init__(self, parts: list[bytes | None], release: bool) -> None:
        self.parts = parts
        self.ends = np.cumsum([len(part) // 8 if part is not None else 0 for part in parts], dtype=np.int64)
        self.release = release
        self._released = 0  # parts before it are let go
        self._given_back_at = 0

    def between(self, start: int, end: int) -> npt.NDArray[np.uint64]:
        if start >= end:
            return np.empty(0, dtype=np.uint64)
        first = int(np.searchsorted(self.ends, start, side="right"))
        last = int(np.searchsorted(self.ends, end - 1, side="right"))
        offset = start - (int(self.ends[first - 1]) if first else 0)
        # (no part from ``first`` on has been let go: ranges are read in increasing order)
        joined = np.frombuffer(b"".join(cast(list[bytes], self.parts[first : last + 1])), dtype=np.uint64)
        keys = joined[offset : offset + end - start]
        if self.release:
            done = int(np.searchsorted(self.ends, end, side="right"))  # parts wholly read
            self.parts[self._released : done] = [None] * (done - self._released)
            self._released = max(self._released, done)
            if end - self._given_back_at >= _GIVE_BACK_EVERY or end == int(self.ends[-1]):
                heap.give_back()
                self._given_back_at = end
        return keys


_GIVE_BACK_EVERY = 1 << 21  # keys (16 MB of them) read between two heap.give_back calls


def _key_groups(parts: list[bytes | None], *, release: bool = False) -> Groups:
    """The values of the keys of ``parts`` (part p's keys have value p) grouped by key; with
    ``release``, ``parts`` is emptied as it is read (``_PartKeys``)."""
    keys = _PartKeys(parts, release)
    part_ends = keys.ends
    first_shift, second_shift, half = np.uint64(FIRST_SHIFT), np.uint64(SECOND_SHIFT), np.uint64(_HALF)

    def triples_of(start: int, end: int) -> tuple[Ints, Ints, Ints]:
        chunk = keys.between(start, end)
        firsts = (chunk >> first_shift & half).astype(np.int64)
        seconds = (chunk >> second_shift & half).astype(np.int64)
        return firsts, seconds, _part_numbers(part_ends, start, end)

    def pack(start: int, end: int, code_bits: int, value_bits: int) -> Ints:
        firsts, seconds, values = triples_of(start, end)
        packed: Ints = firsts << (code_bits + value_bits) | seconds << value_bits | values
        return packed

    # (11.7 million keys at 10,000 real-prose articles: their sort is group_packed's, which says why
    # it is no longer the merge sort that took each part's sorted stretch as it was)
    length = int(part_ends[-1]) if len(part_ends) else 0
    return group_packed(length, _CODE_BITS, max(1, (len(parts) - 1).bit_length()), pack, triples_of)


def _part_numbers(part_ends: Ints, start: int, end: int) -> Ints:
    """The part of each item ``start`` to ``end`` (parts ending at ``part_ends``): each part's number
    repeated over its items in the range (a binary search per item took a third of the grouping)."""
    if start >= end:
        return np.empty(0, dtype=np.int64)
    first = int(np.searchsorted(part_ends, start, side="right"))
    last = int(np.searchsorted(part_ends, end - 1, side="right"))
    sizes = np.diff(np.minimum(part_ends[first : last + 1], end), prepend=start)
    numbers: Ints = np.repeat(np.arange(first, last + 1, dtype=np.int64), sizes)
    return numbers


def token_postings(entries: Sequence[EntryData], shard_count: int, *, release: bool = False) -> TokenPostings:
    """The postings of ``entries`` (article number = place in ``entries``) in ``shard_count`` shards.
    ``release``: ``entries`` is a list this call may empty, and its keys are let go as they are
    packed (``_PartKeys``): with no other reference to the entries, the postings are built in the
    memory of one copy of the keys, not three."""
    parts: list[bytes | None] = []
    words: list[str] = []  # every entry's word tokens, the others then the head's, entry by entry
    word_parts: list[int] = []  # how many of them each part (2n + head) has
    for data in entries:
        parts += (data.japanese, data.japanese_head)  # part 2n + head holds values 2n + head
        others, heads = lines(data.words), lines(data.words_head)
        words += others
        words += heads
        word_parts += (len(others), len(heads))
    if release and isinstance(entries, list):
        entries.clear()  # their runs, records and words go: only the keys are left, in ``parts``
        heap.give_back()
    japanese = _key_groups(parts, release=release)
    del parts
    distinct_words, word_values, word_sizes = _word_groups(words, word_parts)
    counts = japanese.counts()
    encoded = _posting_strings(japanese.values, japanese.starts)
    encoded += _posting_strings(word_values, np.cumsum(word_sizes) - word_sizes)
    texts = _pair_texts(japanese.firsts, japanese.seconds) + distinct_words
    shards = _shard_places(japanese.firsts, distinct_words, shard_count)
    shared = (japanese.seconds != 0) & (counts >= MIN_ARTICLES)
    return TokenPostings(texts, encoded, shards, japanese.firsts[shared], japanese.seconds[shared])


def _word_groups(words: list[str], word_parts: list[int]) -> tuple[list[str], Ints, Ints]:
    """The distinct ``words`` (first seen first), the values of each (its parts, increasing: the
    parts of ``word_parts`` words each, in order), one word's after another's, and how many each
    has: in C loops and one stable sort, not a list appended to per word."""
    distinct = list(dict.fromkeys(words))
    number_of = {word: number for number, word in enumerate(distinct)}
    numbers = np.fromiter(map(number_of.__getitem__, words), np.int64, len(words))
    values = np.repeat(np.arange(len(word_parts), dtype=np.int64), word_parts)
    grouped: Ints = values[np.argsort(numbers, kind="stable")]
    sizes: Ints = np.bincount(numbers, minlength=len(distinct))
    return distinct, grouped, sizes


def _pair_texts(firsts: Ints, seconds: Ints) -> list[str]:
    """The text of each Japanese token (its first code point, and its second unless 0): the codes
    laid out with a newline after each token (in no token), decoded once and split."""
    codes = np.zeros((len(firsts), 3), dtype=np.uint32)
    codes[:, 0], codes[:, 1], codes[:, 2] = firsts, seconds, ord("\n")
    laid = codes.ravel()
    texts: list[str] = laid[laid != 0].tobytes().decode(_UTF32, "surrogatepass").split("\n")
    texts.pop()  # after the last newline
    return texts


def _shard_places(firsts: Ints, words: list[str], shard_count: int) -> list[list[int]]:
    """The places of the tokens of each of ``shard_count`` shards, increasing: the Japanese tokens
    of first code points ``firsts`` (their shard is their first character's), then ``words``."""
    codes, code_of_token = np.unique(firsts, return_inverse=True)
    shard_of_code = np.array([fnv1a(chr(code)) & (shard_count - 1) for code in codes.tolist()], dtype=np.int64)
    shard_of_word = np.array([shard_of(word, shard_count) for word in words], dtype=np.int64)
    shard_of_token = np.concatenate((shard_of_code[code_of_token], shard_of_word))
    places = np.argsort(shard_of_token, kind="stable")
    ends = np.cumsum(np.bincount(shard_of_token, minlength=shard_count))
    return [cast(list[int], group.tolist()) for group in np.split(places, ends[:-1])]


def _posting_strings(values: Ints, starts: Ints) -> list[str]:
    """``encode_values`` of each group of ``values`` (article number × 2 + head, increasing in each
    group) starting at ``starts``; a batch of groups at a time, which bounds the memory taken."""
    encoded: list[str] = []
    for first, last in batches(starts, len(values)):
        end = int(starts[last]) if last < len(starts) else len(values)
        encoded += _batch_strings(values[int(starts[first]) : end], starts[first:last] - starts[first])
    return encoded


def _batch_strings(values: Ints, starts: Ints) -> list[str]:
    heads = np.flatnonzero(values & 1)
    count = len(values)
    numbers = values >> 1
    gaps = numbers - 1
    gaps[1:] -= numbers[:-1]
    gaps[starts] = numbers[starts]  # a list's first gap counts from -1
    del numbers
    encoded = rice_strings(gaps, starts)
    del gaps
    if not len(heads):
        return encoded
    group_of = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, count)))[heads]
    places = heads - starts[group_of]  # each head's place in its token's list
    head_starts = np.flatnonzero(np.concatenate(([True], group_of[1:] != group_of[:-1])))
    previous_places = np.empty_like(places)
    previous_places[1:] = places[:-1]
    previous_places[head_starts] = -1
    head_strings = rice_strings(places - previous_places - 1, head_starts)
    for group, head_string in zip(group_of[head_starts].tolist(), head_strings, strict=True):
        encoded[group] += "." + head_string
    return encoded
