"""The Atom feeds: the site's and one per tag in use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from kiku.content.model import Article, SiteConfig
from kiku.render.feeds import FeedItem, build_feed
from kiku.render.pages.builder import Page
from kiku.render.pages.listing import tag_name
from kiku.render.urls import FEED_URL, home_url, tag_feed_url, tag_url
from kiku.render.views import TagCountView


def feed_pages(
    config: SiteConfig,
    items: Sequence[FeedItem],
    articles_by_tag: Mapping[str, Sequence[Article]],
    used_tags: Sequence[TagCountView],
) -> list[Page]:
    """The site's Atom feed and one per tag in use; ``items`` are every article's, newest first."""
    by_slug = {item.article.slug: item for item in items}
    site_feed = build_feed(
        config,
        feed_url=FEED_URL,
        html_url=home_url(1),
        title=config.title,
        subtitle=config.description,
        items=items,
    )
    pages = [Page(FEED_URL, "feed.xml", MappingProxyType({"feed": site_feed}))]
    for tag_count in used_tags:
        tag = tag_count.tag
        feed = build_feed(
            config,
            feed_url=tag_feed_url(tag.key),
            html_url=tag_url(tag.key),
            title=f"{config.title}: {tag_name(tag)}",
            subtitle=None,
            items=[by_slug[article.slug] for article in articles_by_tag[tag.key]],
        )
        pages.append(Page(tag_feed_url(tag.key), "feed.xml", MappingProxyType({"feed": feed})))
    return pages
