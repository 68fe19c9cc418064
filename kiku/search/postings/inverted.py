"""The site's postings: each token key → the articles holding it, as one ``array('I')``.

A value is ``article number × 2 + head`` (head: the token is in the article's title, lead or a
heading), in increasing order. Four bytes a posting, and an article's postings are appended by C
loops (``map`` of ``array.append``): this is the index build's busiest step.
"""

from __future__ import annotations

import functools
from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from itertools import repeat

from kiku.search.encoding.shards import encode_values, fnv1a, gzip_json, shard_of
from kiku.search.entries.article import EntryData, lines
from kiku.search.entries.keys import Key, first_code, is_bigram, key_text, unpack_keys
from kiku.search.postings.extensions import Extension

_new_list = functools.partial(array, "I")
_append = array.append
_drain: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend  # runs a map for its effect, in C


class Postings:
    """token key → its articles; articles are added in increasing number (``add``) or patched."""

    def __init__(self) -> None:
        self._lists: defaultdict[Key, array[int]] = defaultdict(_new_list)

    def add(self, number: int, data: EntryData) -> None:
        """Append article ``number`` (greater than every number added before) with its tokens."""
        get = self._lists.__getitem__
        for keys, value in (
            (unpack_keys(data.japanese), number * 2),
            (lines(data.words), number * 2),
            (unpack_keys(data.japanese_head), number * 2 + 1),
            (lines(data.words_head), number * 2 + 1),
        ):
            _drain(map(_append, map(get, keys), repeat(value)))

    def replace(self, number: int, before: Mapping[Key, bool], after: Mapping[Key, bool]) -> set[Key]:
        """Swap article ``number``'s tokens (key → head) ``before`` for ``after``; returns the keys
        whose postings changed."""
        changed: set[Key] = set()
        for key in before.keys() - after.keys():
            values = self._lists[key]
            del values[bisect_left(values, number * 2)]
            if not values:
                del self._lists[key]
            changed.add(key)
        for key, head in after.items():
            if before.get(key) == head:
                continue
            values = self._lists[key]
            at = bisect_left(values, number * 2)
            if at < len(values) and values[at] >> 1 == number:
                values[at] = number * 2 + head
            else:
                values.insert(at, number * 2 + head)
            changed.add(key)
        return changed

    def __contains__(self, key: Key) -> bool:
        return key in self._lists

    def articles(self, key: Key) -> list[int]:
        """The numbers of the articles holding ``key``, in increasing order."""
        values = self._lists.get(key)
        return [value >> 1 for value in values] if values is not None else []

    def keys(self) -> Iterable[Key]:
        return self._lists.keys()

    def shared_bigrams(self, min_articles: int, keys: Iterable[Key] | None = None) -> set[int]:
        """The keys of the Japanese bigrams (among ``keys``, else all) held by at least
        ``min_articles`` articles."""
        lists = self._lists
        return {key for key in (lists if keys is None else keys) if is_bigram(key) and len(lists[key]) >= min_articles}

    def by_shard(self, count: int) -> list[set[Key]]:
        """The keys of each of ``count`` shards."""
        shards: list[set[Key]] = [set() for _ in range(count)]
        of_code: dict[int, int] = {}  # a Japanese key's shard is its first character's
        for key in self._lists:
            if isinstance(key, str):
                shards[shard_of(key, count)].add(key)
                continue
            code = first_code(key)
            shard = of_code.get(code)
            if shard is None:
                shard = of_code[code] = fnv1a(chr(code)) & (count - 1)
            shards[shard].add(key)
        return shards

    def shard_file(self, keys: Iterable[Key], contexts: Mapping[str, Extension]) -> bytes:
        """A shard's gzipped JSON: token → posting string, or [posting string, left, right] for a
        bigram with a context all its occurrences share (kiku.search.postings.extensions)."""
        record: dict[str, str | list[str]] = {}
        for key in keys:
            text = key_text(key)
            encoded = encode_values(self._lists[key])
            context = contexts.get(text)
            record[text] = encoded if context is None else [encoded, *context]
        return gzip_json(record)


def shard_of_key(key: Key, count: int) -> int:
    """The shard holding ``key`` among ``count`` (kiku.search.encoding.shards.shard_of)."""
    return shard_of(key_text(key), count)


def runs_of(entries: Iterable[EntryData]) -> list[str]:
    """The Japanese runs of ``entries``, repeats included."""
    found: list[str] = []
    for data in entries:
        found.extend(lines(data.runs))
    return found
