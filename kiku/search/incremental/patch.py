"""The shards of an index after some articles changed, from the shards before and those articles only.

An edited article changes the postings of the tokens it gained or lost (or moved into or out of
its title, lead and headings), and the shared context (kiku.search.postings.extensions) of the bigrams of
the Japanese runs it gained or lost: every other bigram's occurrences are the same. So only the
shards of those tokens and bigrams are read (their previous bytes), changed and encoded again;
each changed bigram's context is computed anew from the runs of the articles holding it, which
the postings name. The result is the same, byte for byte, as building the whole index from the
articles (``tests/search/test_search_build.py`` builds both ways and compares).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Mapping, Sequence

from kiku.search.encoding.shards import decode_postings, encode_postings, gzip_json, shard_of
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
    for number, (before, after) in changes.items():
        old, new = _tokens(before), _tokens(after)
        for token in old.keys() - new.keys():
            postings.setdefault(token, {})[number] = None
        for token, head in new.items():
            if old.get(token) != head:
                postings.setdefault(token, {})[number] = head
        bigrams.update(map(key_text, changed_bigrams(before, after)))
    dirty: dict[int, tuple[list[str], list[str]]] = {}
    for token in postings:
        dirty.setdefault(shard_of(token, count), ([], []))[0].append(token)
    for bigram in bigrams:
        dirty.setdefault(shard_of(bigram, count), ([], []))[1].append(bigram)
    runs_of = [entry.runs for entry in entries]
    patched: dict[int, bytes] = {}
    for number, (tokens, shard_bigrams) in sorted(dirty.items()):
        record: ShardRecord = json.loads(gzip.decompress(shards[number]))
        for token in tokens:
            _patch_postings(record, token, postings[token])
        for bigram in shard_bigrams:
            _patch_context(record, bigram, runs_of)
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


def _patch_postings(record: ShardRecord, token: str, changed: Mapping[int, bool | None]) -> None:
    """Set the articles of ``changed`` (article → head, None: no longer holding it) in ``token``'s postings."""
    value = record.get(token)
    by_article = dict(decode_postings(_posting_string(value))) if value is not None else {}
    for article, head in changed.items():
        if head is None:
            by_article.pop(article, None)
        else:
            by_article[article] = head
    if not by_article:
        record.pop(token, None)
        return
    encoded = encode_postings(sorted(by_article.items()))
    record[token] = encoded if isinstance(value, str) or value is None else [encoded, *value[1:]]


def _patch_context(record: ShardRecord, bigram: str, runs_of: Sequence[str]) -> None:
    """Compute ``bigram``'s shared context again, from the runs of the articles holding it."""
    value = record.get(bigram)
    if value is None:
        return
    encoded = _posting_string(value)
    articles = [article for article, _ in decode_postings(encoded)]
    wanted = len(articles) >= MIN_ARTICLES
    context = bigram_context(bigram, (runs_of[article] for article in articles)) if wanted else None
    record[bigram] = encoded if context is None else [encoded, *context]


def bigram_context(bigram: str, run_lists: Iterable[str]) -> Extension | None:
    """The context all occurrences of ``bigram`` in ``run_lists`` (newline-joined runs) share, if any."""
    shared: Extension | None = None
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

