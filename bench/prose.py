"""Real-looking Japanese prose for the bench corpus: a character chain learnt from real articles.

The generated corpus (bench/corpus.py) repeats a few dozen phrases, so its articles share most of
their Japanese runs; real articles share few. The search index's shared-contexts step costs in
proportion to the site's *distinct* runs, so a benchmark on the generated text alone hides it.
This module learns, from the content strings of the importer's expected and truth files
(``tests/fixtures/import/*.expected.yaml``, ``*.truth.yaml``) and ``content/*.yaml``, which
character follows each pair of characters (an order-2 Markov chain), and writes new sentences of
the same character statistics: realistic bigram frequencies, run lengths and punctuation, and runs
that are nearly all distinct. Deterministic for a given random stream.
"""

from __future__ import annotations

import functools
import random
from collections import defaultdict

from kiku.search.encoding._generate_codebook import source_texts

_START = "\x02"  # before a text's first character
_END = "\x03"  # after its last
_ORDER = 2


def real_texts() -> list[str]:
    """The distinct Japanese prose strings (eight characters or more) of the source files, sorted."""
    return [
        text for text in source_texts()
        if len(text) >= 8 and "\n" not in text and _is_japanese_prose(text)
    ]


def _is_japanese_prose(text: str) -> bool:
    """Whether at least half of ``text``'s characters are kana or kanji (no URL, file name, English)."""
    return sum("\u3041" <= character <= "\u9fff" for character in text) * 2 >= len(text)


@functools.cache
def _chain() -> dict[str, tuple[str, ...]]:
    """Two characters → every character that followed them in the real texts (repeats kept: the
    tuple's counts are the chain's probabilities)."""
    followers: defaultdict[str, list[str]] = defaultdict(list)
    for text in real_texts():
        padded = _START * _ORDER + text + _END
        for at in range(len(padded) - _ORDER):
            followers[padded[at : at + _ORDER]].append(padded[at + _ORDER])
    return {state: tuple(characters) for state, characters in followers.items()}


def sentence(rng: random.Random, min_length: int = 20, max_length: int = 160) -> str:
    """One text of the chain, at least ``min_length`` characters (it stops at the first ending
    after that) and at most ``max_length``."""
    chain = _chain()
    state, written = _START * _ORDER, []
    while len(written) < max_length:
        followers = chain[state]
        character = followers[rng.randrange(len(followers))]
        if character == _END:
            if len(written) >= min_length:
                break
            state = _START * _ORDER  # too short: start another sentence after it
            continue
        written.append(character)
        state = state[1:] + character
    return "".join(written).strip() or "。"
