"""BudouX's phrase breaks, scored for a whole string at once instead of one character at a time.

``budoux.Parser.parse`` walks the string in Python: at every position it adds the model's scores of
13 features (the characters, bigrams and trigrams around the position that lie inside the string),
~40 Python operations per character. This module gives the same breaks from the same model file,
features and threshold (tests/render/text/test_phrase_segmenter.py compares both on every text of the repository
and a generated corpus) with three dictionary look-ups per character, everything else done in C:

* A character (or bigram, trigram) feeds several features at once: the character at position j is
  UW4 of position j, UW3 of j + 1, …, UW6 of j - 2. Its scores for all of them are looked up once,
  packed as adjacent 32-bit fields of a ``bytes`` value (``_packed``).
* Joined end to end, the packed values of every ``span``-th gram tile a row of fields, one field
  per position; ``int.from_bytes`` turns the row into one big integer and shifting it by the gram's
  phase aligns it. Adding the 13 shifted rows (6 + 3 + 4 phases) adds every position's 13 scores at
  once: each score is stored with a bias that keeps it non-negative, so no field carries into the next.
* Positions past either end are handled by padding the string with a character in no key of the
  model: a feature reaching past an end then scores 0, as BudouX's range tests skip it.
"""

from __future__ import annotations

import array
import functools
import itertools
import operator
import sys
from collections.abc import Iterable, Mapping

import budoux

FIELD_BYTES = 4
_FIELD_BITS = FIELD_BYTES * 8
_FIELD_TYPE = next(code for code in "HILQ" if array.array(code).itemsize == FIELD_BYTES)
_FEATURES = 13
_PAD_WIDTH = 3  # the farthest a feature reaches before or after the position (UW1, TW1)
# The features a gram starting at index j feeds, in field order: field k scores position j + k + start.
# BudouX's names: UW1…UW6 are the characters at i-3…i+2 of a break before position i, BW1…BW3 the
# bigrams starting at i-2…i, TW1…TW4 the trigrams starting at i-3…i.
_UNIGRAM_FIELDS = ("UW6", "UW5", "UW4", "UW3", "UW2", "UW1")  # positions j-2 … j+3
_BIGRAM_FIELDS = ("BW3", "BW2", "BW1")  # positions j … j+2
_TRIGRAM_FIELDS = ("TW4", "TW3", "TW2", "TW1")  # positions j … j+3


class PhraseSegmenter:
    """Where BudouX's ``parse`` with the same model would start a new chunk."""

    def __init__(self, model: Mapping[str, Mapping[str, int]]) -> None:
        largest = max((abs(score) for scores in model.values() for score in scores.values()), default=0)
        self._bias = largest
        if _FEATURES * 2 * largest >= 1 << _FIELD_BITS:
            raise ValueError(f"BudouX model scores up to {largest} do not fit {_FIELD_BITS}-bit fields")
        self._unigrams = self._packed(model, _UNIGRAM_FIELDS)
        self._bigrams = self._packed(model, _BIGRAM_FIELDS)
        self._trigrams = self._packed(model, _TRIGRAM_FIELDS)
        total = sum(sum(scores.values()) for scores in model.values())
        # BudouX breaks where -total/2 + score > 0 (in floats, exact at these sizes). Scores are
        # integers, so that is score > total // 2: for an odd total, score > k + 1/2 means score > k.
        self._threshold = total // 2 + _FEATURES * self._bias
        self._pad = _unused_character(model) * _PAD_WIDTH

    def _packed(self, model: Mapping[str, Mapping[str, int]], fields: tuple[str, ...]) -> _PackedTable:
        tables = [model.get(name, {}) for name in fields]
        keys = {key for table in tables for key in table}
        packed = {key: _fields(table.get(key, 0) + self._bias for table in tables) for key in keys}
        return _PackedTable(packed, _fields(self._bias for _ in tables), len(fields))

    def breaks(self, sentence: str) -> list[int]:
        """The offsets 0 < i < len(sentence) before which BudouX starts a new chunk, ascending."""
        length = len(sentence)
        if length < 2:
            return []
        padded = self._pad + sentence + self._pad
        bigrams = list(map(operator.add, padded, padded[1:]))  # bigrams[j] == padded[j:j + 2]
        trigrams = list(map(operator.add, bigrams, padded[2:]))  # trigrams[j] == padded[j:j + 3]
        # Field f of the sum scores padded index f - 2 (the unigram rows start at j - 2).
        scores = (
            self._unigrams.row(padded, 0) + self._bigrams.row(bigrams, 2) + self._trigrams.row(trigrams, 2)
        )
        # The sentence's positions 1 … length - 1 are padded indices 4 … length + 2: fields 6 … length + 4.
        first, end = 6, length + 5
        wanted = scores.to_bytes(-(-scores.bit_length() // 8), "little")[first * FIELD_BYTES : end * FIELD_BYTES]
        fields = array.array(_FIELD_TYPE, wanted)
        if sys.byteorder == "big":
            fields.byteswap()
        threshold = self._threshold
        return [at for at, score in enumerate(fields, 1) if score > threshold]


class _PackedTable:
    """One kind of gram's model scores: a gram → its biased scores for ``span`` positions, packed."""

    def __init__(self, packed: dict[str, bytes], missing: bytes, span: int) -> None:
        self._packed = packed
        self._missing = missing
        self._span = span

    def row(self, grams: list[str] | str, first_field: int) -> int:
        """Every gram's packed scores added at field ``index + first_field`` onwards, as one integer."""
        get, missing, span = self._packed.get, itertools.repeat(self._missing), self._span
        total = 0
        for phase in range(span):
            tiles = b"".join(map(get, grams[phase::span], missing))
            total += int.from_bytes(tiles, "little") << ((phase + first_field) * _FIELD_BITS)
        return total


def _fields(values: Iterable[int]) -> bytes:
    return b"".join(value.to_bytes(FIELD_BYTES, "little") for value in values)


def _unused_character(model: Mapping[str, Mapping[str, int]]) -> str:
    used = {character for scores in model.values() for key in scores for character in key}
    return next(chr(code) for code in itertools.count() if chr(code) not in used)


@functools.cache
def japanese_segmenter() -> PhraseSegmenter:
    """The segmenter for the Japanese model shipped with the installed ``budoux``."""
    return PhraseSegmenter(budoux.load_default_japanese_parser().model)
