"""The Atom feeds: the site's and one per tag in use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.listing import tag_name
from kiku.render.planning.urls import FEED_URL, home_url, tag_feed_url, tag_url
from kiku.render.views.feeds import FEED_ENTRIES, FeedItem, build_feed
from kiku.render.views.page import TagView


def site_feed(builder: PageBuilder, items: Sequence[FeedItem]) -> Page:
    """The site's Atom feed of ``items`` (every article's, newest first; the newest are shown)."""
    config = builder.config
    return feed_page(builder, FEED_URL, home_url(1), config.title, config.description, tuple(items))


def tag_feed(builder: PageBuilder, tag: TagView, items: Sequence[FeedItem]) -> Page:
    """The Atom feed of ``tag`` (``items``: its articles', newest first)."""
    title = f"{builder.config.title}: {tag_name(tag)}"
    return feed_page(builder, tag_feed_url(tag.key), tag_url(tag.key), title, None, tuple(items))


def feed_page(
    builder: PageBuilder, feed_url: str, html_url: str, title: str, subtitle: str | None, items: tuple[FeedItem, ...]
) -> Page:
    """The feed at ``feed_url`` of the newest of ``items``; its entries are made when it is rendered."""
    return builder.lazy_page(
        feed_url, "feed.xml", _feed_context, feed_url, html_url, title, subtitle, items[:FEED_ENTRIES], in_sitemap=False
    )


def _feed_context(
    builder: PageBuilder, feed_url: str, html_url: str, title: str, subtitle: str | None, items: tuple[FeedItem, ...]
) -> Mapping[str, object]:
    feed = build_feed(
        builder.config, feed_url=feed_url, html_url=html_url, title=title, subtitle=subtitle, items=items
    )
    return MappingProxyType({"feed": feed})
