"""Postings files: which shard a token lives in, and how its list of articles is written.

A query fetches only the shards of its tokens. A Japanese token's shard depends on its first
character only, so that every token starting with a character is in one shard (a one-character
query reads them all from there); a word token's shard depends on the whole word. The shard is
FNV-1a (32 bits) of that key's UTF-8 bytes, modulo the shard count, a power of two.

A posting list is the article numbers (0 = newest) in increasing order, each written as
``(gap - 1) * 2 + head`` where ``gap`` is the distance from the previous number (the first
counts from -1) and ``head`` is 1 when the token is in the article's title, lead or a heading.
Each value is written in 5-bit groups, low group first, as characters of ``DIGITS``: a group
followed by more is one of the last 32, the final group one of the first 32. An article next to
the previous one costs one character.

A bigram whose occurrences all share a context (kiku.search.extensions) is stored with it:
``[posting string, left, right]``.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence

from kiku.search.extensions import Extension
from kiku.search.normalise import is_japanese_token

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193
_ARTICLES_PER_SHARD = 8  # about 20 KB of compressed postings per shard
_MAX_SHARDS = 4096


def shard_count(articles: int) -> int:
    """The number of shards for a site of ``articles``: a power of two, one per ~8 articles."""
    count = 1
    while count * _ARTICLES_PER_SHARD < articles and count < _MAX_SHARDS:
        count *= 2
    return count


def shard_key(token: str) -> str:
    return token[0] if is_japanese_token(token) else token


def fnv1a(text: str) -> int:
    """FNV-1a, 32 bits, of ``text``'s UTF-8 bytes."""
    value = _FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * _FNV_PRIME) & 0xFFFFFFFF
    return value


def shard_of(token: str, count: int) -> int:
    """The shard holding ``token`` among ``count`` (a power of two)."""
    return fnv1a(shard_key(token)) & (count - 1)


def _digits(value: int) -> str:
    groups = []
    while value >= 32:
        groups.append(DIGITS[32 + (value & 31)])
        value >>= 5
    groups.append(DIGITS[value])
    return "".join(groups)


@functools.cache
def _table(size: int) -> tuple[str, ...]:
    """The digits of every value below ``size`` (a power of two)."""
    return tuple(_digits(value) for value in range(size))


def encode_postings(postings: Iterable[tuple[int, bool]]) -> str:
    """``(article number, head)`` pairs in increasing order of number, as a posting string."""
    pairs = list(postings)
    return encode_columns([number for number, _ in pairs], [head for _, head in pairs])


def encode_columns(numbers: Sequence[int], heads: Iterable[bool]) -> str:
    """``encode_postings`` of the pairs of ``numbers`` (increasing) and ``heads``, all in C loops."""
    if not numbers:
        return ""
    table = _table(1 << (2 * numbers[-1] + 2).bit_length())  # every value is at most 2 × number + 1
    gaps_less_one = map(operator.sub, numbers, itertools.chain((0,), map((1).__add__, numbers)))
    values = map(operator.add, map(operator.lshift, gaps_less_one, itertools.repeat(1)), heads)
    return "".join(map(table.__getitem__, values))


def encode_values(values: Sequence[int]) -> str:
    """The posting string of ``values``, each ``article number × 2 + head``, increasing.

    The value written for each is ``(gap - 1) × 2 + head`` = value − (previous value | 1) − 1
    (the first: value itself), computed in C loops."""
    if not values:
        return ""
    table = _table(1 << (values[-1] + 1).bit_length())  # every value written is at most the last one
    bases = itertools.chain((0,), map((1).__add__, map(operator.or_, values, itertools.repeat(1))))
    return "".join(map(table.__getitem__, map(operator.sub, values, bases)))


def decode_postings(encoded: str) -> list[tuple[int, bool]]:
    """The pairs ``encode_postings`` wrote (the script's reading, in Python, for tests)."""
    pairs = []
    previous, value, shift = -1, 0, 0
    for character in encoded:
        digit = DIGITS.index(character)
        if digit >= 32:
            value |= (digit - 32) << shift
            shift += 5
            continue
        value |= digit << shift
        previous += (value >> 1) + 1
        pairs.append((previous, bool(value & 1)))
        value, shift = 0, 0
    return pairs


def shard_record(
    postings: Mapping[str, Mapping[int, bool]], extensions: Mapping[str, Extension]
) -> dict[str, str | list[str]]:
    """A shard's JSON object: token → posting string, or [posting string, left, right] for a bigram
    with a context all its occurrences share (kiku.search.extensions)."""
    record: dict[str, str | list[str]] = {}
    for token, by_article in sorted(postings.items()):
        numbers = sorted(by_article)
        encoded = encode_columns(numbers, map(by_article.__getitem__, numbers))
        context = extensions.get(token)
        record[token] = encoded if context is None else [encoded, *context]
    return record
