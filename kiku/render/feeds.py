"""The Atom feeds (RFC 4287), the sitemap and robots.txt, as views for their templates.

Feed identity never depends on the build: an entry's ``id`` is the article's public URL, the
feed's ``id`` is the feed's own URL, and a feed is as new as its newest entry. Entry times follow
the article-date rule of :mod:`kiku.render.metadata` (midnight in Japan).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from kiku.content.model import Article, SiteConfig
from kiku.render.metadata import article_time, description_of
from kiku.render.plaintext import xml_safe
from kiku.render.urls import TAGS_URL, article_url, canonical_url
from kiku.render.views import ArticleSummaryView, TagView

FEED_ENTRIES = 50  # newest articles in a feed; readers keep what they have already seen
# The time of a feed with no entry (a site with no article yet): fixed, never the build time.
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"


@dataclass(frozen=True, slots=True)
class FeedCategoryView:
    """``<category term="ukraine" label="ウクライナ / Ukraine" scheme="…/tags/">``."""

    term: str
    label: str
    scheme: str


@dataclass(frozen=True, slots=True)
class FeedEntryView:
    id: str
    title: str
    url: str
    published: str
    updated: str
    summary: str | None
    categories: tuple[FeedCategoryView, ...]


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


@dataclass(frozen=True, slots=True)
class SitemapEntryView:
    loc: str
    lastmod: str | None


def build_feed(
    config: SiteConfig,
    *,
    feed_url: str,
    html_url: str,
    title: str,
    subtitle: str | None,
    articles: Sequence[tuple[Article, ArticleSummaryView]],
) -> FeedView:
    """The feed at site-relative ``feed_url`` of ``articles`` (newest first), the first 50 of them.

    Each article comes with its list summary, whose lead (footnote markers removed) is the entry's.
    """
    scheme = canonical_url(config.base_url, TAGS_URL)
    entries = tuple(_entry(config, article, summary, scheme) for article, summary in articles[:FEED_ENTRIES])
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
    return FeedCategoryView(term=tag.key, label=xml_safe(f"{tag.ja} / {tag.en}"), scheme=scheme)


def _entry(config: SiteConfig, article: Article, summary: ArticleSummaryView, scheme: str) -> FeedEntryView:
    url = canonical_url(config.base_url, article_url(article.slug))
    time = article_time(article.date)
    return FeedEntryView(
        id=url,
        title=xml_safe(article.title),
        url=url,
        published=time,
        updated=time,
        summary=description_of(summary.lead),
        categories=tuple(category(tag, scheme) for tag in summary.tags),
    )
