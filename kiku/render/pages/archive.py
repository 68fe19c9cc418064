"""The archive: ``archive/`` lists the months that have articles, newest first, with their counts;
``archive/YYYY/MM/`` lists one month's articles, paginated like the home pages.

Articles come newest first, so a month's articles are one run of the list: one pass groups them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence

from kiku.content.model import Article
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.pagination import ListPage, numbered_title, paginate
from kiku.render.planning.urls import archive_url, month_url, page_path
from kiku.render.views.browse import MonthView
from kiku.render.views.listing import ArticleSummaryView

MONTHS_PER_PAGE = 120  # ten years of months on one page
ARCHIVE_TITLE = "月別アーカイブ"


def months_of(articles: Sequence[Article]) -> list[tuple[int, int, list[Article]]]:
    """(year, month, its articles) for every month with articles, newest first; ``articles`` newest first."""
    months: list[tuple[int, int, list[Article]]] = []
    for article in articles:
        year, month = article.date.year, article.date.month
        if not months or months[-1][:2] != (year, month):
            months.append((year, month, []))
        months[-1][2].append(article)
    return months


def month_label(year: int, month: int) -> str:
    return f"{year}年{month}月"


def archive_pages(
    builder: PageBuilder, articles: Sequence[Article], summaries: Mapping[str, ArticleSummaryView]
) -> list[Page]:
    """``archive/`` and each month's pages; ``articles`` newest first."""
    months = months_of(articles)
    counts = [(year, month, len(in_month), in_month[0].date) for year, month, in_month in months]
    pages = archive_index_pages(builder, counts, len(articles))
    for year, month, in_month in months:
        pages.extend(
            month_page(builder, year, month, len(in_month), listing)
            for listing in paginate(
                [summaries[article.slug] for article in in_month], [article.date for article in in_month],
                builder.config.per_page, functools.partial(month_url, year, month),
            )
        )
    return pages


def archive_index_pages(
    builder: PageBuilder, months: Sequence[tuple[int, int, int, dt.date]], article_count: int
) -> list[Page]:
    """``archive/`` (and its further pages): ``months`` as (year, month, article count, newest
    article's date), newest first."""
    month_views = [
        MonthView(label=month_label(year, month), path=page_path(month_url(year, month)), count=count)
        for year, month, count, _ in months
    ]
    pages = []
    for listing in paginate(month_views, [newest for *_, newest in months], MONTHS_PER_PAGE, archive_url):
        pagination = listing.pagination
        pages.append(
            builder.page(
                listing.url, "archive.html", numbered_title(ARCHIVE_TITLE, pagination.number, pagination.total),
                nav="archive", description=f"月ごとの記事一覧（{article_count}件の記事）", lastmod=listing.lastmod,
                months=listing.items, pagination=pagination,
            )
        )
    return pages


def month_page(
    builder: PageBuilder, year: int, month: int, count: int, listing: ListPage[ArticleSummaryView]
) -> Page:
    """One page of the articles of ``year``/``month`` (``count`` of them in all); its context is
    made when rendered (``LazyContext``, as the home pages')."""
    return builder.lazy_page(listing.url, "month.html", month_context, year, month, count, listing,
                             lastmod=listing.lastmod)


def month_context(
    builder: PageBuilder, year: int, month: int, count: int, listing: ListPage[ArticleSummaryView]
) -> Mapping[str, object]:
    label = month_label(year, month)
    pagination = listing.pagination
    return builder.context(
        listing.url,
        numbered_title(f"{label}の記事", pagination.number, pagination.total),
        nav="archive", description=f"{label}の記事（{count}件）",
        month_label=label, count=count, articles=listing.items, pagination=pagination,
    )
