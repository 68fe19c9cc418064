"""The one specification of how search text is normalised and cut into tokens (docs/search.md).

``static/search-spec.js`` implements the same steps for the query; ``tests/search/test_search_tokens.py``
runs both on the same strings in Chromium and asserts identical results. Change one side, change
the other and bump ``TOKENIZER_VERSION``: the script refuses an index of another version.

1. ``display_form``: NFKC (full-width → half-width ASCII, half-width kana → full-width, ｶﾞ → ガ,
   ㈱ → (株), ① → 1, the ideographic space → a space), with U+0130 İ written as ``i`` + U+0307 so
   that lower-casing never changes the text's length. This is what the index stores to confirm hits
   and cut snippets from.
2. ``fold``: lower-case, then final sigma ς → σ. ``normalise = fold ∘ display_form``; a position in
   the folded text is the same position in the stored text (both are UTF-16 length-preserving).
3. ``runs``: the normalised text split into maximal runs of Japanese characters (kanji, kana, the
   long-vowel mark, 々 〆 〇) and of word characters (any other letter, number or mark); everything
   else (spaces, punctuation, symbols, emoji) separates runs.
4. ``tokens``: a word run is one token (its first ``MAX_WORD`` characters); a Japanese run of n
   characters gives its n − 1 overlapping bigrams and its last character alone, so that a
   one-character query finds every occurrence through the tokens starting with that character.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kiku.search.text.letters import LETTER_RANGES

TOKENIZER_VERSION = 9
MAX_WORD = 64  # characters of a word token; longer words are still confirmed whole against the text

# Japanese characters, as code point ranges (the same list is in static/search-spec.js).
JAPANESE_RANGES: tuple[tuple[int, int], ...] = (
    (0x3005, 0x3007),  # 々 〆 〇
    (0x303B, 0x303C),  # 〻 〼
    (0x3041, 0x3096),  # hiragana
    (0x3099, 0x309F),  # combining (semi-)voiced marks, ゝ ゞ ゟ
    (0x30A1, 0x30FA),  # katakana (not ・ U+30FB, a separator)
    (0x30FC, 0x30FF),  # ー ヽ ヾ ヿ
    (0x31F0, 0x31FF),  # small katakana for Ainu
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3FFFF),  # CJK extensions B and later (surrogate pairs in UTF-16)
)

RunKind = Literal["ja", "word"]


@dataclass(frozen=True, slots=True)
class Run:
    """A maximal run of Japanese (``ja``) or word characters in normalised text."""

    kind: RunKind
    text: str


# Characters common in Japanese prose that NFKC changes (full-width ASCII, the ideographic space, …),
# each → its full compatibility decomposition (NFKD). Writing them so first leaves the text's NFKC
# unchanged (NFKC decomposes every character that far before composing), and mostly the result is
# then NFKC already: a quick check in C instead of a full normalisation, several times slower.
_PREDECOMPOSED = {
    chr(code): unicodedata.normalize("NFKD", chr(code)) for code in (*range(0xFF01, 0xFF5F), 0x3000, 0x2026)
}
_PREDECOMPOSE = re.compile(f"[{''.join(map(re.escape, _PREDECOMPOSED))}]")


def _nfkc(text: str) -> str:
    if unicodedata.is_normalized("NFKC", text):  # then it holds none of the characters above (NFKC changes each)
        return text
    text = _PREDECOMPOSE.sub(lambda found: _PREDECOMPOSED[found.group()], text)
    if unicodedata.is_normalized("NFKC", text):
        return text
    if "\x00" not in text:
        return unicodedata.normalize("NFKC", text)
    # An article's fields are joined by NUL, a starter that composes with nothing: each piece is
    # normalised alone, and only the pieces that need it (the full normalisation costs ~0.3 µs a
    # character, a millisecond for an article's ~3,000: 4 % of real-prose articles needed it, for
    # a character or two).
    return "\x00".join(
        piece if unicodedata.is_normalized("NFKC", piece) else unicodedata.normalize("NFKC", piece)
        for piece in text.split("\x00")
    )


def display_form(text: str) -> str:
    """NFKC, with İ decomposed so that ``fold`` keeps the length (the stored, shown form)."""
    return _nfkc(text).replace("\u0130", "i\u0307")


def fold(text: str) -> str:
    """Lower-case and final sigma to sigma; never changes the length of a ``display_form`` text."""
    return text.lower().replace("\u03c2", "\u03c3")


def normalise(text: str) -> str:
    """``fold(display_form(text))``: what both the index and the query are made of."""
    return fold(display_form(text))


def _class_pattern(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(_range_pattern(start, end) for start, end in ranges)


def _range_pattern(start: int, end: int) -> str:
    return re.escape(chr(start)) if start == end else f"{re.escape(chr(start))}-{re.escape(chr(end))}"


def _letter_ranges() -> tuple[tuple[int, int], ...]:
    ranges = []
    for item in LETTER_RANGES.split(","):
        start, _, end = item.partition("-")
        ranges.append((int(start, 16), int(end or start, 16)))
    return tuple(ranges)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def word_ranges() -> tuple[tuple[int, int], ...]:
    """The code point ranges of word characters (letters, numbers and marks not Japanese), sorted."""
    return _without(_letter_ranges(), JAPANESE_RANGES)


@functools.cache
def _run_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The run pattern for any text, and an equivalent one for text without astral characters.

    ``re`` tests a character against a class's ranges above U+FFFF one by one, and the word
    class has hundreds of them: text without such characters (nearly all) uses the class
    without them, several times faster.
    """
    japanese = _class_pattern(JAPANESE_RANGES)
    words = word_ranges()
    bmp_words = tuple((start, min(end, 0xFFFF)) for start, end in words if start <= 0xFFFF)
    full = re.compile(f"(?P<ja>[{japanese}]+)|(?P<word>[{_class_pattern(words)}]+)")
    fast = re.compile(f"(?P<ja>[{japanese}]+)|(?P<word>[{_class_pattern(bmp_words)}]+)")
    return full, fast


@functools.cache
def _astral_word_starts() -> tuple[tuple[int, ...], tuple[int, ...]]:
    words = [(start, end) for start, end in word_ranges() if end > 0xFFFF]
    return tuple(start for start, _ in words), tuple(end for _, end in words)


def _is_astral_word_character(character: str) -> bool:
    starts, ends = _astral_word_starts()
    position = bisect.bisect_right(starts, ord(character)) - 1
    return position >= 0 and ord(character) <= ends[position]


_PAIRS = re.compile("..", re.DOTALL)


@functools.cache
def _separate_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Japanese runs; word runs; word runs without astral characters (see ``_run_patterns``)."""
    words = word_ranges()
    bmp_words = tuple((start, min(end, 0xFFFF)) for start, end in words if start <= 0xFFFF)
    return (
        re.compile(f"[{_class_pattern(JAPANESE_RANGES)}]+"),
        re.compile(f"[{_class_pattern(words)}]+"),
        re.compile(f"[{_class_pattern(bmp_words)}]+"),
    )


def _class_patterns(text: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    japanese, words, bmp_words = _separate_patterns()
    if _ASTRAL.search(text) is None:  # nearly always: one scan that finds nothing
        return japanese, bmp_words
    astral_word = any(_is_astral_word_character(found) for found in _ASTRAL.findall(text))
    return japanese, words if astral_word else bmp_words


def _run_pattern(text: str) -> re.Pattern[str]:
    full, fast = _run_patterns()
    # Emoji are astral but no word characters: only an astral letter needs the slow pattern.
    return full if any(_is_astral_word_character(found) for found in _ASTRAL.findall(text)) else fast


def _without(ranges: tuple[tuple[int, int], ...], removed: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``ranges`` minus the code points of ``removed`` (both sorted, non-overlapping)."""
    kept: list[tuple[int, int]] = []
    for start, end in ranges:
        pieces = [(start, end)]
        for cut_start, cut_end in removed:
            pieces = [
                piece
                for low, high in pieces
                for piece in ((low, min(high, cut_start - 1)), (max(low, cut_end + 1), high))
                if piece[0] <= piece[1]
            ]
        kept.extend(pieces)
    return tuple(kept)


def runs(normalised: str) -> Iterator[Run]:
    """The Japanese and word runs of ``normalised`` text, in order."""
    for match in _run_pattern(normalised).finditer(normalised):
        kind: RunKind = "ja" if match.lastgroup == "ja" else "word"
        yield Run(kind, match.group())


def run_tokens(run: Run) -> Iterator[str]:
    """The index tokens of one run (see the module docstring, step 4)."""
    if run.kind == "word":
        yield run.text[:MAX_WORD]
        return
    text = run.text
    for index in range(len(text) - 1):
        yield text[index : index + 2]
    yield text[-1]


def tokens(normalised: str) -> Iterator[str]:
    """Every index token of ``normalised`` text, in order, repeats included."""
    for run in runs(normalised):
        yield from run_tokens(run)


def is_japanese_token(token: str) -> bool:
    """Whether ``token`` comes from a Japanese run (its shard is chosen by its first character)."""
    code = ord(token[0])
    return any(start <= code <= end for start, end in JAPANESE_RANGES)


def token_set(normalised: str) -> set[str]:
    """``set(tokens(normalised))``, computed by the regular expression engine, not character by character."""
    return tokens_and_runs(normalised)[0]


def words_and_runs(normalised: str) -> tuple[set[str], list[str]]:
    """The word tokens of ``normalised`` text and its distinct Japanese runs, in order."""
    japanese_pattern, word_pattern = _class_patterns(normalised)
    found = {word if len(word) <= MAX_WORD else word[:MAX_WORD] for word in word_pattern.findall(normalised)}
    return found, list(dict.fromkeys(japanese_pattern.findall(normalised)))  # a repeated run adds nothing


def tokens_and_runs(normalised: str) -> tuple[set[str], list[str]]:
    """``token_set(normalised)`` and the distinct Japanese runs of ``normalised``, in order."""
    found, japanese = words_and_runs(normalised)
    if not japanese:
        return found, japanese
    # The runs joined by NUL (in no run): every overlapping pair is a bigram, except "x\0" (x ends a
    # run: its unigram is a token) and "\0y" (y starts the next run). The pairs at even and at odd
    # offsets are two non-overlapping scans, much faster than one overlapping scan.
    joined = "\x00".join(japanese) + "\x00"
    pairs = set(_PAIRS.findall(joined))
    pairs.update(_PAIRS.findall(joined, 1))
    pairs.difference_update([run[-1] + "\x00" for run in japanese])
    pairs.difference_update(["\x00" + run[0] for run in japanese])
    found.update(pairs)
    found.update(run[-1] for run in japanese)
    return found, japanese
