"""The article listings: the home pages (newest first, the newest as the lead story), the tag
index and each tag's pages."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence

from kiku.content.model import Article
from kiku.render.listing_views import ArticleSummaryView
from kiku.render.metadata import FeedLinkView
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.pagination import numbered_title, paginate
from kiku.render.urls import TAGS_URL, home_url, page_path, tag_feed_url, tag_url
from kiku.render.views import TagCountView, TagView

HOME_TITLE = "新着記事"


def tag_name(tag: TagView) -> str:
    """A tag's name as one line of text (titles, descriptions): ``ウクライナ · Ukraine``, ``NATO``."""
    return f"{tag.ja} · {tag.en_shown}" if tag.en_shown else tag.ja


def home_pages(builder: PageBuilder, summaries: Sequence[ArticleSummaryView], dates: Sequence[dt.date]) -> list[Page]:
    """The home pages; the first shows the newest article as the lead story, with its key points."""
    pages = []
    for home in paginate(summaries, dates, builder.config.per_page, home_url):
        number, total = home.pagination.number, home.pagination.total
        lead, rest = (home.items[0], home.items[1:]) if number == 1 and home.items else (None, home.items)
        pages.append(
            builder.page(
                home.url, "index.html", None if number == 1 else numbered_title(HOME_TITLE, number, total),
                nav="home", lastmod=home.lastmod, lead_article=lead, articles=rest, pagination=home.pagination,
            )
        )
    return pages


def tag_pages(
    builder: PageBuilder,
    used_tags: Sequence[TagCountView],
    articles_by_tag: Mapping[str, Sequence[Article]],
    summaries: Mapping[str, ArticleSummaryView],
    newest: dt.date | None,
) -> list[Page]:
    """``tags/`` and, for every tag in use, its pages of articles (newest first)."""
    pages = [builder.page(TAGS_URL, "tags.html", "タグ一覧", nav="tags", lastmod=newest, tags=tuple(used_tags))]
    for tag_count in used_tags:
        tag = tag_count.tag
        tagged = articles_by_tag[tag.key]
        name = tag_name(tag)
        feed = FeedLinkView(name, page_path(tag_feed_url(tag.key)))
        for listing in paginate(
            [summaries[article.slug] for article in tagged], [article.date for article in tagged],
            builder.config.per_page, functools.partial(tag_url, tag.key),
        ):
            pages.append(
                builder.page(
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
            )
    return pages
