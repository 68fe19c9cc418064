"""The archive: ``archive/`` lists the months that have articles, newest first, with their counts;
``archive/YYYY/MM/`` lists one month's articles, paginated like the home pages.

Articles come newest first, so a month's articles are one run of the list: one pass groups them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from kiku.content.model import Article
from kiku.render.browse_views import MonthView
from kiku.render.listing_views import ArticleSummaryView
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.pagination import numbered_title, paginate
from kiku.render.urls import archive_url, month_url, page_path

MONTHS_PER_PAGE = 120  # ten years of months on one page
ARCHIVE_TITLE = "月別アーカイブ"


def _months(articles: Sequence[Article]) -> list[tuple[int, int, list[Article]]]:
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
    months = _months(articles)
    month_views = [
        MonthView(label=month_label(year, month), path=page_path(month_url(year, month)), count=len(in_month))
        for year, month, in_month in months
    ]
    pages = []
    for listing in paginate(month_views, [in_month[0].date for _, _, in_month in months], MONTHS_PER_PAGE, archive_url):
        pagination = listing.pagination
        pages.append(
            builder.page(
                listing.url, "archive.html", numbered_title(ARCHIVE_TITLE, pagination.number, pagination.total),
                nav="archive", description=f"月ごとの記事一覧（{len(articles)}件の記事）", lastmod=listing.lastmod,
                months=listing.items, pagination=pagination,
            )
        )
    for year, month, in_month in months:
        label = month_label(year, month)
        for month_listing in paginate(
            [summaries[article.slug] for article in in_month], [article.date for article in in_month],
            builder.config.per_page, functools.partial(month_url, year, month),
        ):
            pagination = month_listing.pagination
            pages.append(
                builder.page(
                    month_listing.url,
                    "month.html",
                    numbered_title(f"{label}の記事", pagination.number, pagination.total),
                    nav="archive", description=f"{label}の記事（{len(in_month)}件）", lastmod=month_listing.lastmod,
                    month_label=label, count=len(in_month), articles=month_listing.items, pagination=pagination,
                )
            )
    return pages
