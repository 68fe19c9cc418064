"""The article listings: the home pages (newest first, the newest as the lead story), the tag
index and each tag's pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.pagination import ListPage, numbered_title
from kiku.render.planning.urls import TAGS_URL, page_path, tag_feed_url
from kiku.render.views.listing import ArticleSummaryView
from kiku.render.views.metadata import FeedLinkView
from kiku.render.views.page import TagCountView, TagView

HOME_TITLE = "新着記事"


def tag_name(tag: TagView) -> str:
    """A tag's name as one line of text (titles, descriptions): ``ウクライナ · Ukraine``, ``NATO``."""
    return f"{tag.ja} · {tag.en_shown}" if tag.en_shown else tag.ja


def home_page(builder: PageBuilder, home: ListPage[ArticleSummaryView]) -> Page:
    """One home page (``home``: its entries and pagination). Its context, like every list page's,
    is made when the page is rendered (``LazyContext``): a build whose list is unchanged fingerprints
    the entries (each an article's content key) and never makes it."""
    return builder.lazy_page(home.url, "index.html", home_context, home, lastmod=home.lastmod)


def home_context(builder: PageBuilder, home: ListPage[ArticleSummaryView]) -> Mapping[str, object]:
    number, total = home.pagination.number, home.pagination.total
    lead, rest = (home.items[0], home.items[1:]) if number == 1 and home.items else (None, home.items)
    return builder.context(
        home.url, None if number == 1 else numbered_title(HOME_TITLE, number, total),
        nav="home", lead_article=lead, articles=rest, pagination=home.pagination,
    )


def tags_index_page(builder: PageBuilder, used_tags: Sequence[TagCountView], newest: dt.date | None) -> Page:
    """``tags/``: every tag in use with its count; ``newest``: the newest article's date."""
    return builder.page(TAGS_URL, "tags.html", "タグ一覧", nav="tags", lastmod=newest, tags=tuple(used_tags))


def tag_page(builder: PageBuilder, tag_count: TagCountView, listing: ListPage[ArticleSummaryView]) -> Page:
    """One page of a tag's articles (its context made when rendered, as ``home_page``'s)."""
    return builder.lazy_page(listing.url, "tag.html", tag_context, tag_count, listing, lastmod=listing.lastmod)


def tag_context(
    builder: PageBuilder, tag_count: TagCountView, listing: ListPage[ArticleSummaryView]
) -> Mapping[str, object]:
    tag = tag_count.tag
    name = tag_name(tag)
    feed = FeedLinkView(name, page_path(tag_feed_url(tag.key)))
    return builder.context(
        listing.url,
        numbered_title(name, listing.pagination.number, listing.pagination.total),
        nav="tags",
        description=f"「{name}」のタグが付いた記事（{tag_count.count}件）",
        feeds=(feed,),
        tag=tag,
        count=tag_count.count,
        feed_path=feed.path,
        articles=listing.items,
        pagination=listing.pagination,
    )
