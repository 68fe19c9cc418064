"""The search index's files, built from the site and kept current article by article.

Written under ``search/`` beside the search page (docs/search.md describes every file):

* ``search/manifest.json``: format, tokenizer version, article and shard counts, the tag names;
* ``search/shards/<n>.json.gz``: token → posting string (kiku.search.encoding.shards);
* ``search/records/<p>.bin``: the records (kiku.search.entries.article) of 16 articles, four at
  a time compressed against ``search/codebook.bin`` (kiku.search.encoding.codebook), and
  ``search/records/lengths.bin.gz`` where each four lie (kiku.search.encoding.records).

``write_search_index`` is the build's: it streams, writing each record as its article is added to
the postings and each shard as soon as it is encoded (by worker processes when there are many),
so that only the compact postings (kiku.search.postings.inverted) and the site's distinct Japanese runs
are held at once. ``build_search_index`` is the same index as a mapping of files.
The articles are numbered oldest first (0 = the oldest), so that a new article takes the next
number and every other keeps its own. ``SearchIndex.update`` (``kiku serve``) re-indexes only the
articles whose content or tags changed; while the last update's articles keep their numbers (none
removed or moved in the date order; new ones after them) it rewrites only the changed and added
articles' records' units' packs and the shards of the tokens they gained or lost.
"""

from __future__ import annotations

import functools
import itertools
import json
import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from kiku.content.model import Site, SiteConfig
from kiku.render.views.page import TagView
from kiku.runtime import forks
from kiku.search.encoding.codebook import codebook_file
from kiku.search.encoding.records import (
    LENGTHS_PATH,
    PACK,
    UNIT,
    deflated_units,
    lengths_file,
    pack_files,
    record_paths,
    unit_count,
)
from kiku.search.encoding.shards import gzip_json, shard_count
from kiku.search.entries.article import ArticleEntry, EntryData, lines, tag_field, tag_numbers
from kiku.search.entries.keys import Key, key_text
from kiku.search.entries.site import index_entries
from kiku.search.incremental.cache import EntryCache
from kiku.search.incremental.patch import bigram_context, changed_bigrams, patched_shards
from kiku.search.incremental.state import IndexState, read_state, write_state
from kiku.search.postings.arrays import TokenPostings, token_postings
from kiku.search.postings.context_arrays import array_contexts
from kiku.search.postings.extensions import MIN_ARTICLES, Extension, shared_contexts
from kiku.search.postings.inverted import Postings, shard_of_key
from kiku.search.text.normalise import TOKENIZER_VERSION

FORMAT = "kiku-search"
MANIFEST_PATH = "search/manifest.json"
CODEBOOK_PATH = "search/codebook.bin"
MIN_SHARDS_SHARE = 64  # shards per extra writing process
MAX_PATCHED_SHARE = 8  # the last build's shards are patched when at most 1 article in 8 changed or is new
_NO_ENTRY = EntryData(b"", b"", "", "", "", b"")  # an added article's entry "before": no token, no run

Write = Callable[[str, bytes], None]  # writes one file of the index (path under the output → bytes)
_split_lines = operator.methodcaller("split", "\n")  # an entry's newline-joined runs, as a list


def shard_path(number: int) -> str:
    return f"search/shards/{number}.json.gz"


@dataclass(frozen=True, slots=True)
class IndexFiles:
    """Every file of an index: output path → bytes."""

    files: Mapping[str, bytes]


@dataclass(frozen=True, slots=True)
class IndexWritten:
    """What ``write_search_index`` wrote: how many files, how many bytes."""

    files: int
    bytes: int


@dataclass(frozen=True, slots=True)
class IndexChange:
    """What one update changed: files to write (path → bytes) and paths to delete."""

    written: Mapping[str, bytes]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Assembled:
    """An index whose postings are complete (kiku.search.postings.arrays) with its bigrams' shared
    contexts (kiku.search.postings.context_arrays): its shards can be encoded, a share at a time."""

    tokens: TokenPostings
    contexts: Mapping[str, Extension]

    def shard_files(self, numbers: Sequence[int]) -> Iterator[tuple[str, bytes]]:
        """The files of shards ``numbers``, one after another."""
        texts, encoded, contexts = self.tokens.texts, self.tokens.encoded, self.contexts
        for number in numbers:
            record: dict[str, str | list[str]] = {}
            for place in self.tokens.shards[number]:
                text = texts[place]
                context = contexts.get(text)
                record[text] = encoded[place] if context is None else [encoded[place], *context]
            yield shard_path(number), gzip_json(record)


def write_search_index(
    site: Site, write: Write, cache: EntryCache | None = None, *, fork: bool = True
) -> IndexWritten:
    """Write the index of ``site`` through ``write``, reusing ``cache``'s entries (kiku.search.incremental.cache)
    and the last build's shards (kiku.search.incremental.state) and keeping this build's there. ``write`` is
    also called in forked workers, so it must do its work itself (write a file), not collect.
    ``fork``: whether the index is made by several processes when it pays (the articles indexed
    (kiku.search.entries.site), the records written beside the postings, the shards encoded):
    not in a build, whose pages' processes already take every core."""
    entries = _oldest_first(index_entries(site, cache=cache, fork=fork))
    keys = [cache.key_of(entry) for entry in entries] if cache is not None else []
    state = read_state(cache.folder) if cache is not None else None
    shards = _patched(state, keys, entries, cache) if state is not None and cache is not None else None

    def keep_records(entries: Sequence[ArticleEntry]) -> tuple[int, int, list[bytes]]:
        """Write the manifest and the records, keep the entries: (files, bytes) written, and the units."""
        sizes: list[int] = []

        def counted(path: str, data: bytes) -> None:
            sizes.append(len(data))
            write(path, data)

        units = _write_records(site.config, entries, counted, _kept_units(state, keys))
        if cache is not None:
            cache.save(entries)
        return len(sizes), sum(sizes), units

    if shards is None:
        count = shard_count(len(entries))
        if fork:
            # The records and the entry pack are written by a forked process meanwhile, when one can be.
            data = [entry.data for entry in entries]
            assembled, (files, size, units) = forks.alongside(
                functools.partial(_assemble, data, count), functools.partial(keep_records, entries)
            )
            del data, entries
        else:
            # The records and the entry pack first: then the entries are let go while their keys
            # are packed into the postings (the one large array of a full build: kiku.search.postings.arrays).
            files, size, units = keep_records(entries)
            data = [entry.data for entry in entries]
            del entries
            assembled = _assemble(data, count, release=True)
        # from here on only the postings and the runs' contexts are needed

        def write_shards(numbers: Sequence[int]) -> list[bytes]:
            written = []
            for path, shard in assembled.shard_files(numbers):
                write(path, shard)  # at once: no shard waits in the worker for the others
                written.append(shard)
            return written

        processes = forks.process_count(count, MIN_SHARDS_SHARE) if fork else 1
        shards = forks.interleave(forks.map_shares(write_shards, range(count), processes))
    else:
        files, size, units = keep_records(entries)
        for number, shard in enumerate(shards):
            write(shard_path(number), shard)
    if cache is not None and (
        state is None or state.entry_keys != tuple(keys) or state.shards != tuple(shards) or state.units != tuple(units)
    ):
        write_state(cache.folder, keys, shards, units)
    return IndexWritten(files=files + len(shards), bytes=size + sum(map(len, shards)))


def build_search_index(site: Site, cache: EntryCache | None = None) -> IndexFiles:
    """The index of ``site`` as files in memory (``write_search_index`` collected)."""
    files: dict[str, bytes] = {}
    entries = _oldest_first(index_entries(site, cache=cache))
    _write_records(site.config, entries, files.__setitem__)
    if cache is not None:
        cache.save(entries)
    assembled = _assemble([entry.data for entry in entries], shard_count(len(entries)))
    files.update(assembled.shard_files(range(len(assembled.tokens.shards))))
    return IndexFiles(files)


def _oldest_first(entries: list[ArticleEntry]) -> list[ArticleEntry]:
    """The site's entries (newest first, as the site lists its articles) in the index's order, oldest
    first: article n is the n-th oldest, and a new newest article takes the next number."""
    entries.reverse()
    return entries


def _write_records(
    config: SiteConfig, entries: Sequence[ArticleEntry], write: Write, kept: Mapping[int, bytes] | None = None
) -> list[bytes]:
    """Write the manifest, the codebook and every article's record (in units in packs, and their
    lengths); ``kept``: units still right (by number), not deflated again. Returns the units."""
    write(MANIFEST_PATH, _manifest(config, len(entries), shard_count(len(entries))))
    write(CODEBOOK_PATH, codebook_file())
    records = [entry.data.record for entry in entries]
    units = [b""] * unit_count(len(records))
    kept = kept or {}
    missing = [number for number in range(len(units)) if number not in kept]
    for number, data in zip(missing, deflated_units(records, missing), strict=True):
        units[number] = data
    for number, data in kept.items():
        units[number] = data
    write(LENGTHS_PATH, lengths_file(units))
    for path, data in pack_files(units):
        write(path, data)
    return units


def _kept_units(state: IndexState | None, keys: Sequence[str]) -> dict[int, bytes]:
    """The last build's units (kiku.search.incremental.state) whose articles are the same entries
    at the same places: the same records, the same bytes."""
    if state is None or not keys:
        return {}
    old = state.entry_keys
    return {
        number: unit
        for number, unit in enumerate(state.units[: unit_count(len(keys))])
        if keys[number * UNIT : (number + 1) * UNIT] == list(old[number * UNIT : (number + 1) * UNIT])
    }


def _assemble(data: Sequence[EntryData], count: int, *, release: bool = False) -> _Assembled:
    """The postings of the entries' ``data`` in ``count`` shards, and their bigrams' shared contexts.
    ``release``: ``data`` is a list of the only references to the entries' data, which is let go
    as the postings are built (``token_postings``)."""
    # Each entry's runs split and added in C loops (twice as fast as splitting them all joined, whose
    # list of every run is made first); an entry without runs adds "". Read first: the postings may
    # let the entries go.
    runs = set(itertools.chain.from_iterable(map(_split_lines, [entry.runs for entry in data])))
    runs.discard("")
    tokens = token_postings(data, count, release=release)
    return _Assembled(tokens, array_contexts(runs, tokens.shared_firsts, tokens.shared_seconds, release=release))


def _patched(
    state: IndexState, keys: Sequence[str], entries: Sequence[ArticleEntry], cache: EntryCache
) -> list[bytes] | None:
    """Every shard of the index of ``entries`` (their keys: ``keys``), from ``state`` and the entries
    that changed or were added since (kiku.search.incremental.patch: an added article changes from no
    entry); None when the state cannot serve: an article was removed or moved (the last build's are
    not the first of this one's), the shard count changed, too many articles changed, or a changed
    article's entry before is not stored."""
    old = state.entry_keys
    if len(old) > len(keys) or len(state.shards) != shard_count(len(keys)):
        return None
    changed = [number for number, before in enumerate(old) if before != keys[number]]
    added = range(len(old), len(keys))
    if (len(changed) + len(added)) * MAX_PATCHED_SHARE > len(keys):
        return None
    changes: dict[int, tuple[EntryData, EntryData]] = {}
    for number in changed:
        before = cache.stored(old[number])
        if before is None:
            return None
        changes[number] = (before, entries[number].data)
    changes.update((number, (_NO_ENTRY, entries[number].data)) for number in added)
    patched = patched_shards(state.shards, changes, [entry.data for entry in entries]) if changes else {}
    return [patched.get(number, data) for number, data in enumerate(state.shards)]


class SearchIndex:
    """The index of the last site given to ``update``, with its files in memory (``kiku serve``)."""

    def __init__(self, cache: EntryCache | None = None) -> None:
        self.entries: dict[str, ArticleEntry] = {}
        self.files: dict[str, bytes] = {}
        self._cache = cache
        self._order: tuple[str, ...] | None = None
        self._postings = Postings()
        self._shard_keys: list[set[Key]] = []
        self._extensions: Mapping[str, Extension] = {}
        self._units: list[bytes] = []  # the records deflated, a unit at a time (kiku.search.encoding.records)

    def update(self, site: Site) -> IndexChange:
        """Bring the index up to ``site``; returns the files that changed."""
        old_entries = self.entries
        indexed = _oldest_first(index_entries(site, old_entries, self._cache))
        new_entries = {entry.article.slug: entry for entry in indexed}
        order = tuple(new_entries)
        files: dict[str, bytes] = {
            MANIFEST_PATH: _manifest(site.config, len(order), shard_count(len(order))),
            CODEBOOK_PATH: codebook_file(),
        }
        last = self._order
        if last is None or order[: len(last)] != last or shard_count(len(order)) != len(self._shard_keys):
            files.update(self._rebuild(order, new_entries))
        else:
            files.update(self._patch(order, old_entries, new_entries))
        self.entries = new_entries
        self._order = order
        written = {path: data for path, data in files.items() if self.files.get(path) != data}
        expected = _expected_paths(len(order), len(self._shard_keys))
        removed = tuple(sorted(path for path in self.files if path not in expected))
        for path in removed:
            del self.files[path]
        self.files.update(written)
        return IndexChange(written, removed)

    def _rebuild(self, order: tuple[str, ...], entries: Mapping[str, ArticleEntry]) -> Iterator[tuple[str, bytes]]:
        self._postings = Postings()
        runs: set[str] = set()
        for number, slug in enumerate(order):
            data = entries[slug].data
            self._postings.add(number, data)
            runs.update(lines(data.runs))
        self._units = deflated_units([entries[slug].data.record for slug in order])
        yield LENGTHS_PATH, lengths_file(self._units)
        yield from pack_files(self._units)
        self._extensions = shared_contexts(runs, self._postings.shared_bigrams(MIN_ARTICLES))
        self._shard_keys = self._postings.by_shard(shard_count(len(order)))
        yield from self._shard_files(range(len(self._shard_keys)))

    def _patch(
        self, order: tuple[str, ...], old: Mapping[str, ArticleEntry], new: Mapping[str, ArticleEntry]
    ) -> dict[str, bytes]:
        """Swap the postings of the articles whose entry changed, and add those after the last
        update's (from no entry); the others keep their numbers, the shard count is the same.
        Only the bigrams of the runs they gained or lost can change context (kiku.search.incremental.patch)."""
        files: dict[str, bytes] = {}
        dirty: set[int] = set()
        units: set[int] = set()
        bigrams: set[int] = set()
        count = len(self._shard_keys)
        for number, slug in enumerate(order):
            before, after = old[slug].data if slug in old else _NO_ENTRY, new[slug].data
            if old.get(slug) is new[slug]:
                continue
            units.add(number // UNIT)
            bigrams.update(changed_bigrams(before, after))
            for key in self._postings.replace(number, before.tokens(), after.tokens()):
                shard = shard_of_key(key, count)
                dirty.add(shard)
                if key in self._postings:
                    self._shard_keys[shard].add(key)
                else:
                    self._shard_keys[shard].discard(key)
        if bigrams:
            runs_of = [new[slug].data.runs for slug in order]
            contexts = dict(self._extensions)
            for key in bigrams:
                articles = self._postings.articles(key)
                bigram = key_text(key)
                wanted = len(articles) >= MIN_ARTICLES
                context = bigram_context(bigram, (runs_of[article] for article in articles)) if wanted else None
                if contexts.get(bigram) != context:
                    dirty.add(shard_of_key(key, count))
                    if context is None:
                        del contexts[bigram]
                    else:
                        contexts[bigram] = context
            self._extensions = contexts
        if units:
            records = [new[slug].data.record for slug in order]
            self._units.extend([b""] * (unit_count(len(records)) - len(self._units)))
            for unit, data in zip(sorted(units), deflated_units(records, sorted(units)), strict=True):
                self._units[unit] = data
            files[LENGTHS_PATH] = lengths_file(self._units)
            files.update(pack_files(self._units, sorted({unit * UNIT // PACK for unit in units})))
        files.update(self._shard_files(sorted(dirty)))
        return files

    def _shard_files(self, shards: Sequence[int]) -> Iterator[tuple[str, bytes]]:
        for shard in shards:
            yield shard_path(shard), self._postings.shard_file(self._shard_keys[shard], self._extensions)


def _manifest(config: SiteConfig, articles: int, shards: int) -> bytes:
    views = {key: TagView.build(config.tags[key]) for key in tag_numbers(config)}  # in the records' numbering
    tags = [[key, view.ja, view.en, view.path, tag_field(view)] for key, view in views.items()]
    manifest = {
        "format": FORMAT,
        "tokenizer": TOKENIZER_VERSION,
        "articles": articles,
        "pack": PACK,
        "unit": UNIT,
        "shards": shards,
        "tags": tags,
    }
    return (json.dumps(manifest, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


def _expected_paths(articles: int, shards: int) -> set[str]:
    paths = {MANIFEST_PATH, CODEBOOK_PATH, *record_paths(articles)}
    paths.update(shard_path(number) for number in range(shards))
    return paths
