"""Cutting a list into numbered pages at ``url_of(1)``, ``url_of(2)``…, with their page-links bar."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from kiku.render.planning.urls import page_path
from kiku.render.views.listing import PageLinkView, PaginationView

ItemT = TypeVar("ItemT")

# Page links around the current one; the first and last are always shown. A window rather than
# every page keeps a list of n pages O(n) to plan, not O(n²).
_PAGE_WINDOW = 2


@dataclass(frozen=True, slots=True)
class ListPage(Generic[ItemT]):
    """One page of a paginated list."""

    url: str
    items: tuple[ItemT, ...]
    lastmod: dt.date | None
    pagination: PaginationView


def paginate(
    items: Sequence[ItemT],
    newest_dates: Sequence[dt.date | None],
    per_page: int,
    url_of: Callable[[int], str],
) -> list[ListPage[ItemT]]:
    """``items`` (``newest_dates[i]`` is the date of ``items[i]``, or of the newest thing it stands
    for) in pages of ``per_page``; a page's ``lastmod`` is the newest date on it."""
    total = page_count(len(items), per_page)
    return [list_page(items, newest_dates, per_page, url_of, number, total) for number in range(1, total + 1)]


def page_count(items: int, per_page: int) -> int:
    """How many pages ``items`` entries take (one, empty, when there is none)."""
    return max(1, math.ceil(items / per_page))


def list_page(
    items: Sequence[ItemT],
    newest_dates: Sequence[dt.date | None],
    per_page: int,
    url_of: Callable[[int], str],
    number: int,
    total: int,
) -> ListPage[ItemT]:
    """Page ``number`` of ``total`` of ``paginate(items, newest_dates, per_page, url_of)``, alone:
    an incremental plan re-plans only the pages whose entries changed."""
    url = url_of(number)
    pagination = PaginationView(
        number=number,
        total=total,
        previous_path=page_path(url_of(number - 1)) if number > 1 else None,
        next_path=page_path(url_of(number + 1)) if number < total else None,
        pages=_page_links(url_of, total, number),
    )
    start = (number - 1) * per_page
    shown = tuple(items[start : start + per_page])
    dates = [date for date in newest_dates[start : start + per_page] if date is not None]
    return ListPage(url, shown, max(dates) if dates else None, pagination)


def _page_links(url_of: Callable[[int], str], total: int, current: int) -> tuple[PageLinkView, ...]:
    shown = sorted({1, total, *range(max(1, current - _PAGE_WINDOW), min(total, current + _PAGE_WINDOW) + 1)})
    links: list[PageLinkView] = []
    for number in shown:
        if links and number > links[-1].number + 1:
            links.append(PageLinkView(number=number - 1, path="", current=False, gap=True))
        links.append(PageLinkView(number=number, path=page_path(url_of(number)), current=number == current))
    return tuple(links)


def numbered_title(title: str, number: int, total: int) -> str:
    return title if number == 1 else f"{title} {number}/{total}ページ"
