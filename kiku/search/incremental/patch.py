"""The shards of an index after some articles changed, from the shards before and those articles only.

An edited article changes the postings of the tokens it gained or lost (or moved into or out of
its title, lead and headings), and the shared context (kiku.search.postings.extensions) of the bigrams of
the Japanese runs it gained or lost: every other bigram's occurrences are the same. So only the
shards of those tokens and bigrams are read (their previous bytes), changed and encoded again;
each changed bigram's context is computed anew from the runs of the articles holding it, which
the postings name, but for a bigram that only gained occurrences (an added article's, most of
them) and was held by two articles or more: its context is the last one narrowed by the new
occurrences, as a shared context only shrinks when occurrences are added. The result is the same,
byte for byte, as building the whole index from the articles (``tests/search/test_search_patch.py``
builds both ways and compares).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from kiku.search.encoding.rice_arrays import Ints, rice_decoded
from kiku.search.encoding.shards import encode_columns, gzip_json, shard_of
from kiku.search.entries.article import EntryData
from kiku.search.entries.keys import is_bigram, japanese_keys, key_text
from kiku.search.postings.extensions import CONTEXT, MIN_ARTICLES, Extension, merge_context

ShardRecord = dict[str, str | list[str]]  # a shard's JSON object: token → posting string or [string, left, right]


def patched_shards(
    shards: Sequence[bytes], changes: Mapping[int, tuple[EntryData, EntryData]], entries: Sequence[EntryData]
) -> dict[int, bytes]:
    """The shards (number → new bytes) that change when the articles of ``changes`` (article number →
    (entry before, entry after)) change; ``shards``: every shard before; ``entries``: every article's
    entry after, in order."""
    count = len(shards)
    postings: dict[str, dict[int, bool | None]] = {}  # token → article → head after (None: gone)
    bigrams: set[str] = set()
    lost: set[str] = set()  # the bigrams of the runs an article lost: their contexts may grow
    gained: list[str] = []  # the runs articles gained
    for number, (before, after) in changes.items():
        old, new = _tokens(before), _tokens(after)
        for token in old.keys() - new.keys():
            postings.setdefault(token, {})[number] = None
        for token, head in new.items():
            if old.get(token) != head:
                postings.setdefault(token, {})[number] = head
        bigrams.update(map(key_text, changed_bigrams(before, after)))
        runs_before, runs_after = set(before.run_list()), set(after.run_list())
        lost.update(key_text(key) for key in japanese_keys(sorted(runs_before - runs_after)) if is_bigram(key))
        gained.extend(sorted(runs_after - runs_before))
    dirty: dict[int, tuple[list[str], list[str]]] = {}
    for token in postings:
        dirty.setdefault(shard_of(token, count), ([], []))[0].append(token)
    for bigram in bigrams:
        dirty.setdefault(shard_of(bigram, count), ([], []))[1].append(bigram)
    runs_of = [entry.runs for entry in entries]
    new_runs = "\n".join(gained)
    patched: dict[int, bytes] = {}
    for number, (tokens, shard_bigrams) in sorted(dirty.items()):
        record: ShardRecord = json.loads(gzip.decompress(shards[number]))
        held_before = {token: _patch_postings(record, token, postings[token]) for token in tokens}
        for bigram in shard_bigrams:
            if bigram in lost or held_before.get(bigram, MIN_ARTICLES) < MIN_ARTICLES:
                _patch_context(record, bigram, runs_of)
            else:
                _narrow_context(record, bigram, new_runs)
        patched[number] = gzip_json(record)
    return patched


def changed_bigrams(before: EntryData, after: EntryData) -> set[int]:
    """The keys of the bigrams of the Japanese runs an article lost or gained: the only bigrams whose
    occurrences, so whose shared context, an edit can change."""
    runs = sorted(set(before.run_list()) ^ set(after.run_list()))
    return {key for key in japanese_keys(runs) if is_bigram(key)}


def _tokens(entry: EntryData) -> dict[str, bool]:
    return {key_text(key): head for key, head in entry.tokens().items()}


def _posting_string(value: str | list[str]) -> str:
    return value if isinstance(value, str) else value[0]


_NO_POSTINGS = (np.zeros(0, np.int64), np.zeros(0, np.bool_))


def _decoded(encoded: str) -> tuple[Ints, npt.NDArray[np.bool_]]:
    """A posting string's article numbers (increasing) and heads (kiku.search.encoding.shards)."""
    numbers_text, _, places_text = encoded.partition(".")
    numbers: Ints = np.cumsum(rice_decoded(numbers_text) + 1) - 1
    heads = np.zeros(len(numbers), np.bool_)
    if places_text:
        heads[np.cumsum(rice_decoded(places_text) + 1) - 1] = True
    return numbers, heads


def _patch_postings(record: ShardRecord, token: str, changed: Mapping[int, bool | None]) -> int:
    """Set the articles of ``changed`` (article → head, None: no longer holding it) in ``token``'s
    postings; returns how many articles held it before."""
    value = record.get(token)
    numbers, heads = _decoded(_posting_string(value)) if value is not None else _NO_POSTINGS
    kept = ~np.isin(numbers, np.fromiter(changed, np.int64, len(changed)))
    added = sorted((article, head) for article, head in changed.items() if head is not None)
    all_numbers = np.concatenate([numbers[kept], np.array([article for article, _ in added], np.int64)])
    all_heads = np.concatenate([heads[kept], np.array([head for _, head in added], np.bool_)])
    if not len(all_numbers):
        record.pop(token, None)
        return len(numbers)
    order = np.argsort(all_numbers, kind="stable")
    encoded = encode_columns(all_numbers[order].tolist(), all_heads[order].tolist())
    record[token] = encoded if isinstance(value, str) or value is None else [encoded, *value[1:]]
    return len(numbers)


def _patch_context(record: ShardRecord, bigram: str, runs_of: Sequence[str]) -> None:
    """Compute ``bigram``'s shared context again, from the runs of the articles holding it."""
    value = record.get(bigram)
    if value is None:
        return
    encoded = _posting_string(value)
    articles = _decoded(encoded)[0].tolist()
    wanted = len(articles) >= MIN_ARTICLES
    context = bigram_context(bigram, (runs_of[article] for article in articles)) if wanted else None
    record[bigram] = encoded if context is None else [encoded, *context]


def _narrow_context(record: ShardRecord, bigram: str, new_runs: str) -> None:
    """Narrow ``bigram``'s shared context, held by two articles or more before, by its occurrences
    in ``new_runs`` (newline-joined): none before stays none."""
    value = record.get(bigram)
    if value is None or isinstance(value, str):
        return
    context = bigram_context(bigram, [new_runs], (value[1], value[2]))
    record[bigram] = value[0] if context is None else [value[0], *context]


def bigram_context(bigram: str, run_lists: Iterable[str], shared: Extension | None = None) -> Extension | None:
    """The context all occurrences of ``bigram`` in ``run_lists`` (newline-joined runs) share, if
    any; ``shared``: the context of its other occurrences, if there are any."""
    for runs in run_lists:
        at = runs.find(bigram)
        while at >= 0:
            left = runs[max(0, at - CONTEXT) : at].rpartition("\n")[2]
            right = runs[at + 2 : at + 2 + CONTEXT].partition("\n")[0]
            shared = (left, right) if shared is None else merge_context(shared, left, right)
            if shared == ("", ""):
                return None
            at = runs.find(bigram, at + 1)
    return shared

