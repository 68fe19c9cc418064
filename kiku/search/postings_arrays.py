"""A full build's postings, made over whole arrays (numpy): every token's posting string and shard.

``Postings`` (kiku.search.inverted) appends each article's tokens to a list per token, one token
at a time: millions of appends to lists scattered in memory. A full build needs no such lists:
every article's token keys (kiku.search.keys) are concatenated into one array, each beside its
value (article number × 2 + head), and one sort groups them, each group in article order (the
few word tokens are listed the plain way). Gaps, head places
and their Rice codes (kiku.search.rice_arrays) are then computed for all groups together. The
posting strings are ``encode_columns``' own (``tests/search/test_search_build.py`` compares the
index with the one ``Postings`` makes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kiku.search.extensions import MIN_ARTICLES
from kiku.search.keys import FIRST_SHIFT, SECOND_SHIFT
from kiku.search.postings import EntryData, lines
from kiku.search.rice_arrays import rice_strings
from kiku.search.shards import fnv1a, shard_of

Ints = npt.NDArray[np.int64]
Keys = npt.NDArray[np.uint64]
_HALF = 0xFFFFFFFF


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


@dataclass(frozen=True, slots=True)
class Groups:
    """Values grouped by a pair of codes: group i is ``values[starts[i]:starts[i + 1]]``, in
    increasing order, of the pair (``firsts[i]``, ``seconds[i]``); the groups in increasing pair order."""

    firsts: Ints
    seconds: Ints
    starts: Ints
    values: Ints


def group_pairs(firsts: Ints, seconds: Ints, values: Ints) -> Groups:
    """``values`` grouped by (``firsts``, ``seconds``), all ≥ 0. The three are packed into one
    64-bit number each and sorted (a plain sort of numbers is several times as fast as a stable
    sort of keys carrying their values), unless they do not fit: then sorted the slow way."""
    code_bits = int(max(firsts.max(initial=0), seconds.max(initial=0))).bit_length()
    value_bits = int(values.max(initial=0)).bit_length()
    if 2 * code_bits + value_bits <= 63:
        packed = np.sort(firsts << (code_bits + value_bits) | seconds << value_bits | values)
        pairs, values = packed >> value_bits, packed & ((1 << value_bits) - 1)
    else:
        order = np.lexsort((values, seconds, firsts))
        pairs, values = firsts[order] << 32 | seconds[order], values[order]  # code points: 21 bits
        code_bits = 32
    starts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1])))
    return Groups(pairs[starts] >> code_bits, pairs[starts] & ((1 << code_bits) - 1), starts, values)


def token_postings(entries: Sequence[EntryData], shard_count: int) -> TokenPostings:
    """The postings of ``entries`` (article number = place in ``entries``) in ``shard_count`` shards."""
    words: dict[str, list[int]] = {}
    parts: list[bytes] = []
    for number, data in enumerate(entries):
        parts += (data.japanese, data.japanese_head)  # part 2n + head holds values 2n + head
        for value, joined in ((number * 2, data.words), (number * 2 + 1, data.words_head)):
            for word in lines(joined):
                words.setdefault(word, []).append(value)
    sizes = np.array([len(part) // 8 for part in parts], dtype=np.int64)
    keys = np.frombuffer(b"".join(parts), dtype=np.uint64)
    japanese = group_pairs(
        (keys >> np.uint64(FIRST_SHIFT) & np.uint64(_HALF)).astype(np.int64),
        (keys >> np.uint64(SECOND_SHIFT) & np.uint64(_HALF)).astype(np.int64),
        np.repeat(np.arange(len(parts), dtype=np.int64), sizes),
    )
    word_sizes = np.array([len(values) for values in words.values()], dtype=np.int64)
    word_values = np.fromiter((value for values in words.values() for value in values), np.int64, word_sizes.sum())
    starts = np.concatenate((japanese.starts, len(japanese.values) + np.cumsum(word_sizes) - word_sizes))
    encoded = _posting_strings(np.concatenate((japanese.values, word_values)), starts)
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
    counts = np.diff(np.append(japanese.starts, len(japanese.values)))
    shared = (japanese.seconds != 0) & (counts >= MIN_ARTICLES)
    return TokenPostings(texts, encoded, shards, japanese.firsts[shared], japanese.seconds[shared])


def _posting_strings(values: Ints, starts: Ints) -> list[str]:
    """``encode_values`` of each group of ``values`` (article number × 2 + head, increasing in each
    group) starting at ``starts``."""
    numbers = values >> 1
    previous = np.empty_like(numbers)
    previous[1:] = numbers[:-1]
    previous[starts] = -1
    encoded = rice_strings(numbers - previous - 1, starts)
    heads = np.flatnonzero(values & 1)
    if not len(heads):
        return encoded
    group_of = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(values))))[heads]
    places = heads - starts[group_of]  # each head's place in its token's list
    head_starts = np.flatnonzero(np.concatenate(([True], group_of[1:] != group_of[:-1])))
    previous_places = np.empty_like(places)
    previous_places[1:] = places[:-1]
    previous_places[head_starts] = -1
    head_strings = rice_strings(places - previous_places - 1, head_starts)
    for group, head_string in zip(group_of[head_starts].tolist(), head_strings, strict=True):
        encoded[group] += "." + head_string
    return encoded
