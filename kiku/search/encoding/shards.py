"""Postings files: which shard a token lives in, and how its list of articles is written.

A query fetches only the shards of its tokens. A Japanese token's shard depends on its first
character only, so that every token starting with a character is in one shard (a one-character
query reads them all from there); a word token's shard depends on the whole word. The shard is
FNV-1a (32 bits) of that key's UTF-8 bytes, modulo the shard count, a power of two.

A posting list is the article numbers (0 = oldest) in increasing order, and which of them hold the
token in the title, lead or a heading (the *heads*). Its string is the numbers' gaps (each
number's distance from the previous one, less one; the first counts from -1), Rice-coded, then,
when there are heads, ``.`` and their places in the list, the same way. A Rice code of parameter
``k`` writes a value ``v`` as ``v >> k`` zeros, a one, and the low ``k`` bits of ``v``; the bits
are written six to a character of ``DIGITS`` (base64url's alphabet), the first character being
``DIGITS[k]`` (the ``k`` that makes the list shortest), trailing ``A``s (zero bits) left out: a
reader stops where no one follows. Deflate cannot shorten these bits much, but they are close to
the least a list of that density can take (the former five-bit groups, ``(gap - 1) × 2 + head``,
took 16 % more once gzipped, on bench/prose.py's text).

A bigram whose occurrences all share a context (kiku.search.postings.extensions) is stored with it:
``[posting string, left, right]``.
"""

from __future__ import annotations

import base64
import functools
import itertools
import json
import operator
import struct
from collections.abc import Iterable, Mapping, Sequence

from zlib_ng import zlib_ng

from kiku.search.postings.extensions import Extension
from kiku.search.text.normalise import is_japanese_token

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


class _RiceCodes(dict[int, str]):
    """value → its Rice code of parameter ``k``, as ``0`` and ``1`` characters, made when first asked."""

    def __init__(self, k: int) -> None:
        super().__init__()
        self.k = k

    def __missing__(self, value: int) -> str:
        low = format(value & ((1 << self.k) - 1), f"0{self.k}b") if self.k else ""
        code = self[value] = "0" * (value >> self.k) + "1" + low
        return code


@functools.cache
def _rice_codes(k: int) -> _RiceCodes:
    return _RiceCodes(k)


def _rice_bits(values: Sequence[int], k: int) -> int:
    high: int = sum(map(operator.rshift, values, itertools.repeat(k)))
    return high + len(values) * (k + 1)


def rice_string(values: Sequence[int]) -> str:
    """``values`` (each ≥ 0) Rice-coded with the parameter that makes them shortest, as characters."""
    mean = sum(values) // len(values)
    guess = max(0, (mean * 7 // 10).bit_length() - 1)
    k = min(range(max(0, guess - 1), guess + 2), key=lambda candidate: _rice_bits(values, candidate))
    bits = "".join(map(_rice_codes(k).__getitem__, values))
    bits += "0" * (-len(bits) % 24)  # whole groups of three bytes: four characters, no "=" padding
    packed = base64.urlsafe_b64encode(int(bits, 2).to_bytes(len(bits) // 8, "big"))
    return DIGITS[k] + packed.decode("ascii").rstrip("A")


def rice_values(text: str) -> list[int]:
    """The values ``rice_string`` wrote (the script's reading, in Python)."""
    k = DIGITS.index(text[0])
    bits = "".join(format(DIGITS.index(character), "06b") for character in text[1:]) + "0" * k
    values = []
    at = 0
    while (one := bits.find("1", at)) >= 0:
        low = int(bits[one + 1 : one + 1 + k], 2) if k else 0
        values.append(((one - at) << k) | low)
        at = one + 1 + k
    return values


def encode_postings(postings: Iterable[tuple[int, bool]]) -> str:
    """``(article number, head)`` pairs in increasing order of number, as a posting string."""
    pairs = list(postings)
    return encode_columns([number for number, _ in pairs], [head for _, head in pairs])


def encode_columns(numbers: Sequence[int], heads: Iterable[bool]) -> str:
    """``encode_postings`` of the pairs of ``numbers`` (increasing) and ``heads``, in C loops."""
    if not numbers:
        return ""
    gaps = list(map(operator.sub, numbers, itertools.chain((-1,), numbers)))
    encoded = rice_string(list(map(operator.sub, gaps, itertools.repeat(1))))
    places = list(itertools.compress(itertools.count(), heads))
    if not places:
        return encoded
    place_gaps = map(operator.sub, places, itertools.chain((-1,), places))
    return encoded + "." + rice_string(list(map(operator.sub, place_gaps, itertools.repeat(1))))


def encode_values(values: Sequence[int]) -> str:
    """The posting string of ``values``, each ``article number × 2 + head``, increasing."""
    numbers = list(map(operator.rshift, values, itertools.repeat(1)))
    return encode_columns(numbers, map(operator.and_, values, itertools.repeat(1)))


def decode_postings(encoded: str) -> list[tuple[int, bool]]:
    """The pairs ``encode_postings`` wrote (the script's reading, in Python)."""
    if not encoded:
        return []
    numbers_text, _, places_text = encoded.partition(".")
    numbers = list(itertools.accumulate((gap + 1 for gap in rice_values(numbers_text)), initial=-1))[1:]
    place_gaps = rice_values(places_text) if places_text else []
    places = set(itertools.accumulate((gap + 1 for gap in place_gaps), initial=-1))
    return [(number, place in places) for place, number in enumerate(numbers)]


def shard_record(
    postings: Mapping[str, Mapping[int, bool]], extensions: Mapping[str, Extension]
) -> dict[str, str | list[str]]:
    """A shard's JSON object: token → posting string, or [posting string, left, right] for a bigram
    with a context all its occurrences share (kiku.search.postings.extensions)."""
    record: dict[str, str | list[str]] = {}
    for token, by_article in sorted(postings.items()):
        numbers = sorted(by_article)
        encoded = encode_columns(numbers, map(by_article.__getitem__, numbers))
        context = extensions.get(token)
        record[token] = encoded if context is None else [encoded, *context]
    return record


def gzip_json(value: object) -> bytes:
    """``value`` as compact UTF-8 JSON, gzipped reproducibly (no file name, no time stamp).

    zlib-ng, not zlib: 2.4 times as fast at level 6 on the index's records, for files 2 % larger.
    Level 8: zlib-ng's level 9 (another match finder) made the shards of 10,000 real-prose
    articles 77 KB larger (8.59 MB, not 8.51) and took 0.41 s, not 0.29 (index version 8)."""
    return gzip_bytes(json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8"))


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzipped reproducibly (no file name, no time stamp), at level 8 (zlib-ng)."""
    deflated = zlib_ng.compress(data, _GZIP_LEVEL, -zlib_ng.MAX_WBITS)
    return _GZIP_HEADER + deflated + struct.pack("<II", zlib_ng.crc32(data), len(data) & 0xFFFFFFFF)


_GZIP_LEVEL = 8
# gzip (RFC 1952): deflate, no flags, no time stamp, no extra flags, operating system unknown.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
