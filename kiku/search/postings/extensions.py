"""What always surrounds a bigram: the context every one of its occurrences in the site shares.

A query word of three or more Japanese characters is found by intersecting its bigrams' postings,
which only says that an article holds each bigram somewhere; the script then confirms the word
in each candidate's text. But when every occurrence of one of its bigrams, anywhere in the site,
sits inside that very word (``ゼレ`` only ever in ``ゼレンスキー``), the articles holding the bigram
are exactly the articles holding the word: no text needs fetching. The index stores, for each
bigram of at least ``MIN_ARTICLES`` articles, the longest left and right context (up to
``CONTEXT`` characters each, within the Japanese run) shared by all its occurrences, when there
is one. A query word is implied by a bigram at offset i when the word's first i characters end
its left context and the characters after the bigram begin its right context.

Computed over the site's distinct Japanese runs, so a run repeated in many articles costs once.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from itertools import compress, count

from kiku.search.entries.keys import pair_key, pair_keys

CONTEXT = 12  # characters kept on each side: words longer than the bigram plus 2 × 12 are confirmed in the text
MIN_ARTICLES = 2  # a bigram of one article is confirmed by fetching that one article's record

Extension = tuple[str, str]


def extensions(runs: Iterable[str], wanted: Container[str]) -> dict[str, Extension]:
    """bigram → (left, right) context common to all its occurrences in ``runs``, for the bigrams of
    ``wanted`` that have one (``runs``: every distinct Japanese run of the site, in normalised form)."""
    shared: dict[str, Extension] = {}
    none: set[str] = set()  # bigrams known to share no context
    for run in runs:
        for offset in range(len(run) - 1):
            bigram = run[offset : offset + 2]
            if bigram in none or bigram not in wanted:
                continue
            left = run[max(0, offset - CONTEXT) : offset]
            right = run[offset + 2 : offset + 2 + CONTEXT]
            known = shared.get(bigram)
            if known is not None:
                # Mostly the context seen before recurs: endswith/startswith settle it in C.
                left = known[0] if left.endswith(known[0]) else _common_suffix(known[0], left)
                right = known[1] if right.startswith(known[1]) else right[: _common_length(known[1], right)]
            if left or right:
                shared[bigram] = (left, right)
            else:
                none.add(bigram)
                shared.pop(bigram, None)
    return shared


def shared_contexts(runs: Iterable[str], wanted: set[int], block: int = 1 << 15) -> dict[str, Extension]:
    """``extensions(runs, wanted)`` for ``wanted`` given as keys (kiku.search.entries.keys): the same contexts.

    The runs are joined by NUL and read ``block`` characters at a time as pair keys; C loops pick
    out the offsets of the bigrams still *live* (wanted, and sharing a context so far), so that a
    process computing the contexts of some bigrams only (a build's shard workers each compute
    those of their own shards) skips the others' offsets at C speed. The rest is ``extensions``'
    own work on those offsets; the result does not depend on the order occurrences are met in
    (the common parts only shrink)."""
    text = "\x00".join(runs) + "\x00"
    live = set(wanted)
    shared: dict[str, Extension] = {}
    step = block + block % 2
    for start in range(0, len(text) - 1, step):
        chunk = text[start : start + step + 1]
        for parity in (0, 1):
            for at in compress(count(start + parity, 2), map(live.__contains__, pair_keys(chunk, parity))):
                bigram = text[at : at + 2]
                known = shared.get(bigram)
                # Mostly the context seen before recurs: checked in place, no slice made (neither
                # side of a context holds NUL, so a match never reaches into another run).
                if known is not None and text.startswith(known[1], at + 2) and text.endswith(known[0], 0, at):
                    continue
                left = text[max(0, at - CONTEXT) : at].rpartition("\x00")[2]
                right = text[at + 2 : at + 2 + CONTEXT].partition("\x00")[0]
                if known is not None:
                    left = known[0] if left.endswith(known[0]) else _common_suffix(known[0], left)
                    right = known[1] if right.startswith(known[1]) else right[: _common_length(known[1], right)]
                if left or right:
                    shared[bigram] = (left, right)
                else:
                    live.discard(pair_key(ord(bigram[0]), ord(bigram[1])))
                    shared.pop(bigram, None)
    return shared


def merge_context(known: Extension, left: str, right: str) -> Extension:
    """The context ``known`` shares with an occurrence between ``left`` and ``right``."""
    return (
        known[0] if left.endswith(known[0]) else _common_suffix(known[0], left),
        known[1] if right.startswith(known[1]) else right[: _common_length(known[1], right)],
    )


def _common_suffix(first: str, second: str) -> str:
    length = _common_length(first[::-1], second[::-1])
    return first[len(first) - length :]


def _common_length(first: str, second: str) -> int:
    """The length of the longest common prefix of two short strings."""
    length = 0
    for one, other in zip(first, second, strict=False):
        if one != other:
            break
        length += 1
    return length
