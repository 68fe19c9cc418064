"""Tokens as the build holds them: a Japanese token as one int, a word token as itself.

An article has hundreds of Japanese tokens (its bigrams and its runs' last characters, see
kiku.search.text.normalise); as strings they are the index build's main cost in time and memory. So a
Japanese token is a *key*: its first code point and its second (0 for a run's last character)
packed into 64 bits, the way the machine reads 8 bytes of UTF-32 text. The keys of a whole text
are then read by two C loops over a ``memoryview`` of its UTF-32 encoding (the pairs at even and
at odd offsets), no string made; an article's keys are kept as the bytes of an ``array('Q')``,
which pickle and cache as one object. Only the shards turn keys back into text (``key_text``).
"""

from __future__ import annotations

import operator
import sys
from array import array
from collections.abc import Iterable
from itertools import repeat
from typing import Final, Literal, TypeGuard

import numpy as np
import numpy.typing as npt

Key = int | str  # a Japanese token's key, or a word token

_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
# Where the first and the second character of a pair sit in the 64-bit value the machine reads.
FIRST_SHIFT, SECOND_SHIFT = (0, 32) if sys.byteorder == "little" else (32, 0)
_HALF = 0xFFFFFFFF
_NUL = "\x00".encode(_UTF32)
_first = operator.itemgetter(0)
KEY_ARRAY: Final[Literal["Q"]] = "Q"  # the array type of key lists: 64 bits on every platform Python runs on


def pair_key(first: int, second: int) -> int:
    """The key of the token of code points ``first`` and ``second`` (0: a one-character token)."""
    return first << FIRST_SHIFT | second << SECOND_SHIFT


def first_code(key: int) -> int:
    """The code point of a key's first character (which chooses its shard)."""
    return key >> FIRST_SHIFT & _HALF


def key_text(key: Key) -> str:
    """The token a key stands for."""
    if isinstance(key, str):
        return key
    second = key >> SECOND_SHIFT & _HALF
    return chr(key >> FIRST_SHIFT & _HALF) + chr(second) if second else chr(key >> FIRST_SHIFT & _HALF)


def japanese_keys(runs: list[str]) -> set[int]:
    """The keys of the tokens of the Japanese ``runs``: ``tokens`` of normalise, as keys.

    The runs joined by NUL: every pair of characters is a bigram, except "x NUL" (x ends a run:
    it is the key of x alone, a token too) and "NUL y" (y starts a run: dropped)."""
    if not runs:
        return set()
    encoded = "\x00".join(runs).encode(_UTF32) + _NUL
    keys = set(_pair_keys(encoded, 0))
    keys.update(_pair_keys(encoded, 1))
    # pair_key(0, first character) of each run, in C loops
    keys.difference_update(map(operator.lshift, map(ord, map(_first, runs)), repeat(SECOND_SHIFT)))
    return keys


def packed_japanese_keys(runs: list[str]) -> npt.NDArray[np.uint64]:
    """``japanese_keys(runs)`` as a sorted array (numpy): the 8-byte words of the runs' UTF-32
    (joined by NUL, a NUL after the last) at even and at odd offsets are every pair of neighbouring
    characters; those whose first character is NUL are dropped, the rest sorted and made unique.
    No int object is made per key: about twice as fast as the set on an article."""
    if not runs:
        return np.empty(0, dtype=np.uint64)
    encoded = ("\x00".join(runs) + "\x00").encode(_UTF32)
    even = np.frombuffer(encoded, dtype=np.uint64, count=len(encoded) // 8)
    odd = np.frombuffer(encoded, dtype=np.uint64, count=(len(encoded) - 4) // 8, offset=4)
    pairs = np.concatenate((even, odd))
    pairs = pairs[pairs >> np.uint64(FIRST_SHIFT) & np.uint64(_HALF) != 0]
    pairs.sort()
    unique: npt.NDArray[np.uint64] = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    return unique


def without(keys: npt.NDArray[np.uint64], removed: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The sorted ``keys`` not in the sorted ``removed``."""
    if not len(removed) or not len(keys):
        return keys
    places = np.searchsorted(removed, keys)
    places[places == len(removed)] = 0
    kept: npt.NDArray[np.uint64] = keys[removed[places] != keys]
    return kept


def pair_keys(text: str, parity: int) -> memoryview:
    """The keys of the pairs of characters of ``text`` at offsets ``parity``, ``parity`` + 2, …"""
    return _pair_keys(text.encode(_UTF32), parity)


def _pair_keys(encoded: bytes, parity: int) -> memoryview:
    start = 4 * parity
    return memoryview(encoded)[start : start + (len(encoded) - start) // 8 * 8].cast(KEY_ARRAY)


def is_bigram(key: Key) -> TypeGuard[int]:
    """Whether ``key`` stands for a Japanese bigram (not a one-character token or a word)."""
    return isinstance(key, int) and key >> SECOND_SHIFT & _HALF != 0


def pack_keys(keys: Iterable[int]) -> bytes:
    """Keys as the bytes of an ``array('Q')``, as entries hold and the cache stores them."""
    return array(KEY_ARRAY, list(keys)).tobytes()  # from a list: sized once (from a set: twice as slow)


def unpack_keys(packed: bytes) -> memoryview:
    """The keys ``pack_keys`` packed, read in place."""
    return memoryview(packed).cast(KEY_ARRAY)
