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

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kiku.search.encoding.rice_arrays import batches, rice_strings
from kiku.search.encoding.shards import fnv1a, shard_of
from kiku.search.entries.article import EntryData, lines
from kiku.search.entries.keys import FIRST_SHIFT, SECOND_SHIFT
from kiku.search.postings.extensions import MIN_ARTICLES
from kiku.search.postings.grouping import Groups, group_packed

Ints = npt.NDArray[np.int64]
_HALF = 0xFFFFFFFF
_CODE_BITS = 21  # of a code point


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


def _key_groups(parts: list[bytes]) -> Groups:
    """The values of the keys of ``parts`` (part p's keys have value p) grouped by key."""
    part_ends = np.cumsum([len(part) // 8 for part in parts], dtype=np.int64)
    keys = np.frombuffer(b"".join(parts), dtype=np.uint64)
    first_shift, second_shift, half = np.uint64(FIRST_SHIFT), np.uint64(SECOND_SHIFT), np.uint64(_HALF)

    def triples_of(start: int, end: int) -> tuple[Ints, Ints, Ints]:
        chunk = keys[start:end]
        firsts = (chunk >> first_shift & half).astype(np.int64)
        seconds = (chunk >> second_shift & half).astype(np.int64)
        return firsts, seconds, _part_numbers(part_ends, start, end)

    def pack(start: int, end: int, code_bits: int, value_bits: int) -> Ints:
        firsts, seconds, values = triples_of(start, end)
        packed: Ints = firsts << (code_bits + value_bits) | seconds << value_bits | values
        return packed

    # Each part's keys are sorted (by second character, then first: stretches in the packed order
    # too): a merge sort of them took 0.66-0.69 s, not 0.84, at 10,000 real-prose articles (11.7
    # million keys; generated 5.8 million, 0.27-0.30 s, not 0.37-0.43).
    return group_packed(
        len(keys), _CODE_BITS, max(1, (len(parts) - 1).bit_length()), pack, triples_of, in_runs=True
    )


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


def token_postings(entries: Sequence[EntryData], shard_count: int) -> TokenPostings:
    """The postings of ``entries`` (article number = place in ``entries``) in ``shard_count`` shards."""
    words: dict[str, list[int]] = {}
    parts: list[bytes] = []
    for number, data in enumerate(entries):
        parts += (data.japanese, data.japanese_head)  # part 2n + head holds values 2n + head
        for value, joined in ((number * 2, data.words), (number * 2 + 1, data.words_head)):
            for word in lines(joined):
                words.setdefault(word, []).append(value)
    japanese = _key_groups(parts)
    del parts
    word_sizes = np.array([len(values) for values in words.values()], dtype=np.int64)
    word_values = np.fromiter((value for values in words.values() for value in values), np.int64, word_sizes.sum())
    counts = japanese.counts()
    encoded = _posting_strings(japanese.values, japanese.starts)
    encoded += _posting_strings(word_values, np.cumsum(word_sizes) - word_sizes)
    texts: list[str] = []
    shards: list[list[int]] = [[] for _ in range(shard_count)]
    shard_of_code: dict[int, int] = {}  # a Japanese token's shard is its first character's
    for place, (first, second) in enumerate(zip(japanese.firsts.tolist(), japanese.seconds.tolist(), strict=True)):
        texts.append(chr(first) + chr(second) if second else chr(first))
        shard = shard_of_code.get(first, -1)
        if shard < 0:
            shard = shard_of_code[first] = fnv1a(chr(first)) & (shard_count - 1)
        shards[shard].append(place)
    for place, word in enumerate(words, start=len(texts)):
        texts.append(word)
        shards[shard_of(word, shard_count)].append(place)
    shared = (japanese.seconds != 0) & (counts >= MIN_ARTICLES)
    return TokenPostings(texts, encoded, shards, japanese.firsts[shared], japanese.seconds[shared])


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
