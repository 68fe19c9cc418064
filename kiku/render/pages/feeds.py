"""The Atom feeds: the site's and one per tag in use."""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from kiku.content.model import SiteConfig
from kiku.render.pages.builder import Page
from kiku.render.pages.listing import tag_name
from kiku.render.planning.urls import FEED_URL, home_url, tag_feed_url, tag_url
from kiku.render.views.feeds import FeedItem, build_feed
from kiku.render.views.page import TagView


def site_feed(config: SiteConfig, items: Sequence[FeedItem]) -> Page:
    """The site's Atom feed of ``items`` (every article's, newest first; the newest are shown)."""
    feed = build_feed(
        config, feed_url=FEED_URL, html_url=home_url(1), title=config.title, subtitle=config.description, items=items
    )
    return Page(FEED_URL, "feed.xml", MappingProxyType({"feed": feed}))


def tag_feed(config: SiteConfig, tag: TagView, items: Sequence[FeedItem]) -> Page:
    """The Atom feed of ``tag`` (``items``: its articles', newest first)."""
    feed = build_feed(
        config,
        feed_url=tag_feed_url(tag.key),
        html_url=tag_url(tag.key),
        title=f"{config.title}: {tag_name(tag)}",
        subtitle=None,
        items=items,
    )
    return Page(tag_feed_url(tag.key), "feed.xml", MappingProxyType({"feed": feed}))
