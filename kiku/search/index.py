"""The search index's files, built from the site and kept current article by article.

Written under ``search/`` beside the search page (docs/search.md describes every file):

* ``search/manifest.json``: format, tokenizer version, article and shard counts, the tag names;
* ``search/shards/<n>.json.gz``: token → posting string (kiku.search.shards);
* ``search/articles/<n>.json.gz``: article number n's record (kiku.search.postings).

``SearchIndex.update`` re-indexes only the articles whose content or tags changed; while the
articles keep their numbers (no article added, removed or moved in the date order) it rewrites
only their records and the shards of the tokens they gained or lost. ``build_search_index`` is
the same as a function of the site and the previous entries, for a build that caches them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict, deque
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import repeat
from operator import setitem

from kiku.content.model import Article, Site, SiteConfig
from kiku.render.views import TagView
from kiku.search.cache import EntryCache
from kiku.search.extensions import MIN_ARTICLES, Extension, extensions
from kiku.search.normalise import TOKENIZER_VERSION
from kiku.search.postings import ArticleEntry, gzip_json, index_article
from kiku.search.shards import shard_count, shard_of, shard_record

FORMAT = "kiku-search"
MANIFEST_PATH = "search/manifest.json"


def shard_path(number: int) -> str:
    return f"search/shards/{number}.json.gz"


def record_path(number: int) -> str:
    return f"search/articles/{number}.json.gz"


@dataclass(frozen=True, slots=True)
class IndexFiles:
    """Every file of an index (output path → bytes) and the entries it was built from, by slug."""

    files: Mapping[str, bytes]
    entries: Mapping[str, ArticleEntry]


@dataclass(frozen=True, slots=True)
class IndexChange:
    """What one update changed: files to write (path → bytes) and paths to delete."""

    written: Mapping[str, bytes]
    removed: tuple[str, ...]


def build_search_index(
    site: Site, previous: Mapping[str, ArticleEntry] | None = None, cache: EntryCache | None = None
) -> IndexFiles:
    """The index of ``site``; an entry of ``previous`` (slug → entry) is reused when still right,
    else one of ``cache`` (kiku.search.cache) when its key matches; ``cache`` then keeps this
    build's entries."""
    index = SearchIndex(previous, cache)
    index.update(site)
    if cache is not None:
        cache.save(index.entries.values())
    return IndexFiles(files=dict(index.files), entries=dict(index.entries))


class SearchIndex:
    """The index of the last site given to ``update``, with its files in memory."""

    def __init__(self, previous: Mapping[str, ArticleEntry] | None = None, cache: EntryCache | None = None) -> None:
        self.entries: dict[str, ArticleEntry] = dict(previous or {})
        self.files: dict[str, bytes] = {}
        self._cache = cache
        self._order: tuple[str, ...] | None = None
        self._shards = 0
        self._postings: dict[str, dict[int, bool]] = {}
        self._shard_of: dict[str, int] = {}
        self._shard_tokens: list[set[str]] = []
        self._run_articles: Counter[str] = Counter()  # distinct Japanese run → articles holding it
        self._extensions: dict[str, Extension] = {}

    def update(self, site: Site) -> IndexChange:
        """Bring the index up to ``site``; returns the files that changed."""
        tag_views = {key: TagView.build(tag) for key, tag in site.config.tags.items()}
        old_entries = self.entries
        new_entries: dict[str, ArticleEntry] = {}
        for article in site.articles:
            tags = tuple(tag_views[key] for key in dict.fromkeys(article.tags) if key in tag_views)
            kept = old_entries.get(article.slug)
            new_entries[article.slug] = kept if kept is not None and kept.is_for(article, tags) else self._entry(
                article, tags
            )
        order = tuple(new_entries)
        files: dict[str, bytes] = {MANIFEST_PATH: _manifest(site.config, len(order), shard_count(len(order)))}
        if order != self._order or shard_count(len(order)) != self._shards:
            files.update(self._rebuild(order, new_entries))
        else:
            files.update(self._patch(order, old_entries, new_entries))
        self.entries = new_entries
        self._order = order
        written = {path: data for path, data in files.items() if self.files.get(path) != data}
        expected = _expected_paths(len(order), self._shards)
        removed = tuple(sorted(path for path in self.files if path not in expected))
        for path in removed:
            del self.files[path]
        self.files.update(written)
        return IndexChange(written, removed)

    def _entry(self, article: Article, tags: tuple[TagView, ...]) -> ArticleEntry:
        if self._cache is None:
            return index_article(article, tags)
        return self._cache.entry(article, tags) or index_article(article, tags)

    def _rebuild(self, order: tuple[str, ...], entries: Mapping[str, ArticleEntry]) -> dict[str, bytes]:
        self._shards = shard_count(len(order))
        postings: defaultdict[str, dict[int, bool]] = defaultdict(dict)
        run_articles: Counter[str] = Counter()
        by_token = postings.__getitem__
        for number, slug in enumerate(order):
            entry = entries[slug]
            # postings[token][number] = head for every token, as C loops (the build's busiest lines)
            deque(map(setitem, map(by_token, entry.tokens), repeat(number), repeat(False)), maxlen=0)
            deque(map(setitem, map(by_token, entry.head_tokens), repeat(number), repeat(True)), maxlen=0)
            run_articles.update(entry.runs)
        self._postings = dict(postings)
        self._run_articles = run_articles
        self._extensions = self._shared_contexts()
        self._shard_of = {token: shard_of(token, self._shards) for token in postings}
        self._shard_tokens = [set() for _ in range(self._shards)]
        for token, shard in self._shard_of.items():
            self._shard_tokens[shard].add(token)
        files = {record_path(number): entries[slug].record for number, slug in enumerate(order)}
        files.update(self._shard_files(range(self._shards)))
        return files

    def _patch(
        self, order: tuple[str, ...], old: Mapping[str, ArticleEntry], new: Mapping[str, ArticleEntry]
    ) -> dict[str, bytes]:
        """Swap the postings of the articles whose entry changed; same numbers, same shard count."""
        files: dict[str, bytes] = {}
        dirty: set[int] = set()
        for number, slug in enumerate(order):
            before, after = old[slug], new[slug]
            if before is after:
                continue
            files[record_path(number)] = after.record
            self._run_articles.subtract(before.runs - after.runs)
            self._run_articles.update(after.runs - before.runs)
            for token in before.tokens - after.tokens:
                by_article = self._postings[token]
                del by_article[number]
                dirty.add(self._shard_of[token])
                if not by_article:
                    del self._postings[token]
                    self._shard_tokens[self._shard_of.pop(token)].discard(token)
            for token in after.tokens:
                head = token in after.head_tokens
                known = self._postings.get(token)
                if known is None:
                    self._postings[token] = known = {}
                    shard = self._shard_of[token] = shard_of(token, self._shards)
                    self._shard_tokens[shard].add(token)
                if known.get(number) != head:
                    known[number] = head
                    dirty.add(self._shard_of[token])
        if files:
            self._run_articles = +self._run_articles  # drops the runs no article holds any more
            contexts = self._shared_contexts()
            changed = set(contexts.items()) ^ set(self._extensions.items())
            dirty.update(self._shard_of[token] for token, _ in changed if token in self._shard_of)
            self._extensions = contexts
        files.update(self._shard_files(sorted(dirty)))
        return files

    def _shared_contexts(self) -> dict[str, Extension]:
        """The contexts of the bigrams of at least ``MIN_ARTICLES`` articles (kiku.search.extensions)."""
        wanted = {token for token, by_article in self._postings.items() if len(by_article) >= MIN_ARTICLES}
        return extensions(self._run_articles, wanted)

    def _shard_files(self, shards: range | list[int]) -> dict[str, bytes]:
        files = {}
        for shard in shards:
            tokens = self._shard_tokens[shard]
            postings = {token: self._postings[token] for token in tokens}
            contexts = {token: self._extensions[token] for token in tokens if token in self._extensions}
            files[shard_path(shard)] = gzip_json(shard_record(postings, contexts))
        return files


def _manifest(config: SiteConfig, articles: int, shards: int) -> bytes:
    tags = {key: [tag.ja, tag.en, TagView.build(tag).path] for key, tag in config.tags.items()}
    manifest = {
        "format": FORMAT,
        "tokenizer": TOKENIZER_VERSION,
        "articles": articles,
        "shards": shards,
        "tags": tags,
    }
    return (json.dumps(manifest, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


def _expected_paths(articles: int, shards: int) -> set[str]:
    paths = {MANIFEST_PATH}
    paths.update(record_path(number) for number in range(articles))
    paths.update(shard_path(number) for number in range(shards))
    return paths
