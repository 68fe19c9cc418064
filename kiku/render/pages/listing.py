"""The article listings: the home pages (newest first, the newest as the lead story), the tag
index and each tag's pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

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
    """One home page (``home``: its entries and pagination)."""
    number, total = home.pagination.number, home.pagination.total
    lead, rest = (home.items[0], home.items[1:]) if number == 1 and home.items else (None, home.items)
    return builder.page(
        home.url, "index.html", None if number == 1 else numbered_title(HOME_TITLE, number, total),
        nav="home", lastmod=home.lastmod, lead_article=lead, articles=rest, pagination=home.pagination,
    )


def tags_index_page(builder: PageBuilder, used_tags: Sequence[TagCountView], newest: dt.date | None) -> Page:
    """``tags/``: every tag in use with its count; ``newest``: the newest article's date."""
    return builder.page(TAGS_URL, "tags.html", "タグ一覧", nav="tags", lastmod=newest, tags=tuple(used_tags))


def tag_page(builder: PageBuilder, tag_count: TagCountView, listing: ListPage[ArticleSummaryView]) -> Page:
    """One page of a tag's articles."""
    tag = tag_count.tag
    name = tag_name(tag)
    feed = FeedLinkView(name, page_path(tag_feed_url(tag.key)))
    return builder.page(
        listing.url,
        "tag.html",
        numbered_title(name, listing.pagination.number, listing.pagination.total),
        nav="tags",
        description=f"「{name}」のタグが付いた記事（{tag_count.count}件）",
        lastmod=listing.lastmod,
        feeds=(feed,),
        tag=tag,
        count=tag_count.count,
        feed_path=feed.path,
        articles=listing.items,
        pagination=listing.pagination,
    )
