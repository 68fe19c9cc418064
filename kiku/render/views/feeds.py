"""The Atom feeds (RFC 4287), the sitemap and robots.txt, as views for their templates.

Feed identity never depends on the build: an entry's ``id`` is the article's public URL, the
feed's ``id`` is the feed's own URL, and a feed is as new as its newest entry. Entry times follow
the article-date rule of :mod:`kiku.render.views.metadata` (midnight in Japan).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from kiku.content.model import Article, SiteConfig
from kiku.records import quick_init
from kiku.render.planning.urls import TAGS_URL, article_url, canonical_url
from kiku.render.text.plaintext import xml_safe
from kiku.render.views.metadata import article_time
from kiku.render.views.page import TagView

FEED_ENTRIES = 50  # newest articles in a feed; readers keep what they have already seen
# The time of a feed with no entry (a site with no article yet): fixed, never the build time.
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"


@quick_init
@dataclass(frozen=True, slots=True)
class FeedItem:
    """An article with what its feed entries show, prepared once for all the feeds it is in."""

    article: Article
    description: str | None
    tags: tuple[TagView, ...]


@quick_init
@dataclass(frozen=True, slots=True)
class FeedCategoryView:
    """``<category term="ukraine" label="ウクライナ / Ukraine" scheme="…/tags/">``."""

    term: str
    label: str
    scheme: str


@quick_init
@dataclass(frozen=True, slots=True)
class FeedEntryView:
    id: str
    title: str
    url: str
    published: str
    updated: str
    summary: str | None
    categories: tuple[FeedCategoryView, ...]


@quick_init
@dataclass(frozen=True, slots=True)
class FeedView:
    id: str
    title: str
    subtitle: str | None
    self_url: str
    html_url: str
    updated: str
    author: str
    language: str
    entries: tuple[FeedEntryView, ...]


@quick_init
@dataclass(frozen=True, slots=True)
class SitemapEntryView:
    loc: str
    lastmod: str | None


@quick_init
@dataclass(frozen=True, slots=True)
class SitemapPartView:
    """A sitemap index's ``<sitemap>``: a part's absolute URL and the newest ``lastmod`` of its entries."""

    loc: str
    lastmod: str | None


def build_feed(
    config: SiteConfig,
    *,
    feed_url: str,
    html_url: str,
    title: str,
    subtitle: str | None,
    items: Sequence[FeedItem],
) -> FeedView:
    """The feed at site-relative ``feed_url`` of ``items`` (newest first), the first 50 of them."""
    scheme = canonical_url(config.base_url, TAGS_URL)
    entries = tuple(_entry(config, item, scheme) for item in items[:FEED_ENTRIES])
    self_url = canonical_url(config.base_url, feed_url)
    return FeedView(
        id=self_url,
        title=xml_safe(title),
        subtitle=xml_safe(subtitle) if subtitle else None,
        self_url=self_url,
        html_url=canonical_url(config.base_url, html_url),
        updated=max((entry.updated for entry in entries), default=EMPTY_FEED_UPDATED),
        author=xml_safe(config.title),
        language=config.language,
        entries=entries,
    )


def sitemap_entry(config: SiteConfig, url: str, lastmod: dt.date | None) -> SitemapEntryView:
    """The sitemap line of the page at site-relative ``url``."""
    return SitemapEntryView(
        loc=canonical_url(config.base_url, url), lastmod=lastmod.isoformat() if lastmod is not None else None
    )


def category(tag: TagView, scheme: str) -> FeedCategoryView:
    label = f"{tag.ja} / {tag.en_shown}" if tag.en_shown else tag.ja
    return FeedCategoryView(term=tag.key, label=xml_safe(label), scheme=scheme)


def _entry(config: SiteConfig, item: FeedItem, scheme: str) -> FeedEntryView:
    article = item.article
    url = canonical_url(config.base_url, article_url(article.slug))
    time = article_time(article.date)
    return FeedEntryView(
        id=url,
        title=xml_safe(article.title),
        url=url,
        published=time,
        updated=time,
        summary=item.description,
        categories=tuple(category(tag, scheme) for tag in item.tags),
    )
