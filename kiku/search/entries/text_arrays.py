"""The tokens of a batch of articles' texts, over arrays (numpy): per article, what
``words_and_runs`` (kiku.search.text.normalise) and ``packed_japanese_keys`` (kiku.search.entries.keys)
compute for one text, for dozens of texts in a few calls.

Per article these were a dozen small numpy calls and four regular expression scans, most of an
article's cost besides its record. Here the texts of a batch are joined (each article's head
text, NUL, its other text, NUL) and encoded as UTF-32 once; a table gives every character its
class (the spec's: Japanese, word or neither, from the same ranges as the patterns); the word
runs and the Japanese runs are what ``str.split`` leaves of the text decoded with every other
character a space (per text, in C, not a slice a run); a Japanese token's key is read off each
Japanese character and the next (0 if that is not Japanese). The keys are sorted article by article
(a sort of the whole batch costs more: it does not fit the cache) and, for the common batch without
a Japanese character past U+FFFF, as 32-bit numbers: each BMP Japanese character has a number below
2¹⁵ in code point order, so two of them and the head flag fit, in the keys' order.
"""

from __future__ import annotations

import functools
import itertools
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from kiku.search.entries.keys import FIRST_SHIFT
from kiku.search.text.normalise import JAPANESE_RANGES, MAX_WORD, word_ranges

_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_OTHER, _JAPANESE, _WORD = 0, 1, 2
_HALF = 0xFFFFFFFF
_NUMBER_BITS = 15  # of a BMP Japanese character's number
_CODE_BITS = 18  # of any Japanese character's code point (below U+40000)

Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class TextTokens:
    """One article's tokens, as ``EntryData`` holds them (kiku.search.entries.article)."""

    japanese_head: bytes
    japanese: bytes
    words_head: str
    words: str
    runs: str


@functools.cache
def character_classes() -> npt.NDArray[np.uint8]:
    """Every code point's class: ``_JAPANESE``, ``_WORD`` or ``_OTHER``."""
    table = np.full(0x110000, _OTHER, dtype=np.uint8)
    for start, end in word_ranges():
        table[start : end + 1] = _WORD
    for start, end in JAPANESE_RANGES:
        table[start : end + 1] = _JAPANESE
    return table


@functools.cache
def _numbers() -> tuple[npt.NDArray[np.uint16], npt.NDArray[np.uint64]]:
    """Every code point's number (1, 2, … for the BMP Japanese ones in code point order, else 0:
    read for every character at once, with no clamping of the others first), and the code point of
    each number (0 for 0)."""
    points = np.flatnonzero(character_classes()[:0x10000] == _JAPANESE)
    if len(points) >= 1 << _NUMBER_BITS:  # pragma: no cover - the ranges are fixed
        raise AssertionError("too many BMP Japanese characters for 15-bit numbers")
    numbers = np.zeros(0x110000, dtype=np.uint16)
    numbers[points] = np.arange(1, len(points) + 1, dtype=np.uint16)
    return numbers, np.concatenate(([0], points)).astype(np.uint64)


def batch_tokens(texts: Sequence[tuple[str, str]]) -> list[TextTokens]:
    """The tokens of each (head, other) pair of normalised texts: the keys of the Japanese tokens of
    the head text and those of the other text not in it, the word tokens of each (the other's not
    in the head's), and the distinct Japanese runs of two or more characters, in order."""
    if not texts:
        return []
    joined = "".join(f"{head}\x00{other}\x00" for head, other in texts)
    lengths = [len(text) + 1 for pair in texts for text in pair]
    bounds = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))  # text g: bounds[g] to bounds[g + 1]
    points = np.frombuffer(joined.encode(_UTF32, "surrogatepass"), dtype=np.uint32)
    classes = character_classes().take(points)
    japanese = classes == _JAPANESE
    head_keys, other_keys = _keys(points, japanese, bounds, len(texts))
    beside_japanese = np.zeros(len(points), dtype=np.bool_)
    beside_japanese[1:] = japanese[:-1]
    beside_japanese[:-1] |= japanese[1:]
    in_long_run = japanese & beside_japanese  # a one-character run is in no entry's runs
    runs = _kept(points, in_long_run)
    words = _kept(points, classes == _WORD)
    cuts = bounds.tolist()
    found = []
    for article in range(len(texts)):
        start, middle, end = cuts[2 * article : 2 * article + 3]
        head_words = _word_set(words[start:middle])
        other_words = _word_set(words[middle:end])
        found.append(TextTokens(
            japanese_head=head_keys[article],
            japanese=other_keys[article],
            words_head="\n".join(head_words),
            words="\n".join(other_words - head_words),
            runs="\n".join(dict.fromkeys(runs[start:end].split())),
        ))
    return found


def _word_set(text: str) -> set[str]:
    """The word tokens of ``text`` (word runs between spaces), each its first ``MAX_WORD`` characters."""
    found = set(text.split())
    if found and max(map(len, found)) > MAX_WORD:  # rare: a long word is cut, one word at a time
        found = {word[:MAX_WORD] for word in found}
    return found


def _kept(points: npt.NDArray[np.uint32], kept: npt.NDArray[np.bool_]) -> str:
    """The text of ``points`` with every character not ``kept`` a space, which ``str.split`` cuts
    at: the runs of kept characters, split apart, and never split (no letter, number, mark or
    Japanese character is white space to Python: tests/search/test_search_build.py checks)."""
    return np.where(kept, points, 0x20).astype(np.uint32).tobytes().decode(_UTF32, "surrogatepass")


def _keys(
    points: npt.NDArray[np.uint32], japanese: npt.NDArray[np.bool_], bounds: Ints, articles: int
) -> tuple[list[bytes], list[bytes]]:
    """Each article's sorted keys (as ``array('Q')`` bytes) in its head text, and in its other text
    but not in the head's.

    Each Japanese character followed by another character is a pair; its value is the keys' order
    (the key's high 32 bits, then its low ones: its two characters) and a flag, 1 in the other text,
    so that after an article's values are sorted a key in both texts is kept once, as the head's."""
    characters: npt.NDArray[Any]  # 64-bit code points (wide) or 32-bit numbers, 0 if not Japanese
    wide = bool(len(points)) and int(points.max()) > 0xFFFF and bool(np.any(points[japanese] > 0xFFFF))
    if wide:
        bits, characters = _CODE_BITS, np.where(japanese, points, 0).astype(np.uint64)
    else:
        numbers, code_of = _numbers()
        bits, characters = _NUMBER_BITS, numbers.take(points).astype(np.uint32)
    # Every character and the next, kept where the first is Japanese (the last character is a NUL):
    # a pass over all of them and one mask, not a list of places and two reads through it.
    pair = characters != 0  # the last is not: a NUL
    firsts, seconds = characters[:-1], characters[1:]
    major, minor = (seconds, firsts) if FIRST_SHIFT == 0 else (firsts, seconds)  # the keys' order
    values = (major << (bits + 1) | minor << 1)[pair[:-1]]
    pairs_of_text = np.add.reduceat(pair, bounds[:-1], dtype=np.int64).tolist()  # no text is empty: each has its NUL
    cuts = list(itertools.accumulate(pairs_of_text, initial=0))  # text g's pairs: cuts[g] to cuts[g + 1]
    for text in range(1, len(cuts) - 1, 2):
        values[cuts[text] : cuts[text + 1]] |= 1
    article_cuts = cuts[::2]
    for start, end in itertools.pairwise(article_cuts):
        values[start:end].sort()
    kept = np.empty(len(values), dtype=np.bool_)
    np.greater(values[1:] ^ values[:-1], 1, out=kept[1:])  # another key than the one before
    kept[[cut for cut in article_cuts[:-1] if cut < len(values)]] = True
    kept_before = np.concatenate(([0], np.cumsum(kept))).take(article_cuts).tolist()
    values = values[kept]
    head = values & 1 == 0
    heads_before = np.concatenate(([0], np.cumsum(head))).take(kept_before).tolist()
    high: npt.NDArray[Any] = values >> (bits + 1)
    low: npt.NDArray[Any] = values >> 1 & (1 << bits) - 1
    if not wide:
        high, low = code_of.take(high), code_of.take(low)
    keys = high.astype(np.uint64, copy=False) << np.uint64(32) | low.astype(np.uint64, copy=False)
    head_keys, other_keys = keys[head], keys[~head]
    heads, others = [], []
    for article in range(articles):
        head_start, head_end = heads_before[article], heads_before[article + 1]
        heads.append(head_keys[head_start:head_end].tobytes())
        start, end = kept_before[article] - head_start, kept_before[article + 1] - head_end
        others.append(other_keys[start:end].tobytes())
    return heads, others
