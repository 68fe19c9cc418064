"""Every article's search entry: kept from the last update, from the build cache, or indexed anew.

Indexing is the same work for every article, so the articles to index are shared between forked
processes (kiku.runtime.forks): each child indexes every n-th one and pickles back only the compact
``EntryData`` (a few strings per article), never the article.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kiku.content.model import Article, Site
from kiku.render.views.page import TagView
from kiku.runtime import forks
from kiku.search.entries import article as article_entry
from kiku.search.entries.article import ArticleEntry, EntryData, NumberedTag, tag_numbers
from kiku.search.incremental.cache import EntryCache, content_entry_key, entry_key, vocabulary_key

MIN_SHARE = 200  # articles per extra process: fewer are indexed sooner than a process starts
MIN_KEYS_SHARE = 1000  # articles per extra process hashing cache keys (~0.1 ms each)

_Job = tuple[Article, tuple[NumberedTag, ...]]


def index_entries(
    site: Site, kept: Mapping[str, ArticleEntry] | None = None, cache: EntryCache | None = None, *, fork: bool = True
) -> list[ArticleEntry]:
    """The entries of ``site``'s articles, in order: an entry of ``kept`` (slug → entry) when still
    right, else ``cache``'s when its key matches, else indexed (in worker processes when many and
    ``fork``)."""
    numbers = tag_numbers(site.config)
    tag_views = {key: (numbers[key], TagView.build(tag)) for key, tag in site.config.tags.items()}
    shown = [(article, tuple(tag_views[key] for key in dict.fromkeys(article.tags) if key in tag_views))
             for article in site.articles]
    keys = _cache_keys(shown, site.content_keys, tag_views) if cache is not None and not kept else None
    found: list[ArticleEntry | None] = []
    missing: list[int] = []
    jobs: list[_Job] = []
    for position, (article, tags) in enumerate(shown):
        entry = kept.get(article.slug) if kept else None
        if entry is None or not entry.is_for(article, tags):
            data = cache.entry(article, tags, keys[position] if keys else None) if cache is not None else None
            entry = ArticleEntry(article, tags, data) if data is not None else None
        if entry is None:
            missing.append(len(found))
            jobs.append((article, tags))
        found.append(entry)
    processes = forks.process_count(len(jobs), MIN_SHARE) if fork else 1
    fresh = forks.interleave(forks.map_shares(_index_share, jobs, processes))
    for position, (article, tags), data in zip(missing, jobs, fresh, strict=True):
        found[position] = ArticleEntry(article, tags, data)
    return [entry for entry in found if entry is not None]


def _cache_keys(
    shown: Sequence[_Job], content_keys: Mapping[str, bytes], tag_views: Mapping[str, NumberedTag]
) -> list[str]:
    """The cache key of each article shown with its tags (kiku.search.incremental.cache): from its
    content key when the loader gave one, else from its whole text, hashed on every core when there
    are many (hashing an article's whole text was a build's main cost when every entry came from the cache)."""
    if all(article.slug in content_keys for article, _ in shown):
        vocabulary = vocabulary_key(tag_views)
        return [content_entry_key(content_keys[article.slug], vocabulary) for article, _ in shown]
    processes = forks.process_count(len(shown), MIN_KEYS_SHARE)
    return forks.interleave(forks.map_shares(_keys_share, shown, processes))


def _keys_share(shown: Sequence[_Job]) -> list[str]:
    return [entry_key(article, tags) for article, tags in shown]


def _index_share(jobs: Sequence[_Job]) -> list[EntryData]:
    # Looked up on each call, not imported: a test counts the articles indexed by replacing it.
    return article_entry.index_articles(jobs)
