"""A paginated list (the home pages, a tag's, a month's, an outlet's pages) kept between plans.

``replan`` cuts the new entries into pages and plans only the pages whose entries or dates are not
the very ones of the last plan (compared by identity: the facets of an unchanged article are the
same objects), or all of them when the page count or what every page shows (``header``) changed.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kiku.render.pages.builder import Page
from kiku.render.pages.pagination import ListPage, list_page, page_count

ItemT = TypeVar("ItemT")


@dataclass(slots=True)
class Listing(Generic[ItemT]):
    """The entries, dates and pages of one paginated list as last planned."""

    items: tuple[ItemT, ...] = ()
    dates: tuple[dt.date | None, ...] = ()
    header: object = None
    pages: list[Page] = field(default_factory=list)

    def replan(
        self,
        items: Sequence[ItemT],
        dates: Sequence[dt.date | None],
        per_page: int,
        url_of: Callable[[int], str],
        header: object,
        make: Callable[[ListPage[ItemT]], Page],
    ) -> list[Page]:
        """Plan the list of ``items`` (``dates``: theirs) again with ``make``; returns the pages
        planned anew, the others are kept."""
        items, dates = tuple(items), tuple(dates)
        total = page_count(len(items), per_page)
        everything = total != len(self.pages) or header != self.header
        pages: list[Page] = []
        planned: list[Page] = []
        for number in range(1, total + 1):
            start, end = (number - 1) * per_page, number * per_page
            if everything or not (
                _same(self.items[start:end], items[start:end]) and self.dates[start:end] == dates[start:end]
            ):
                page = make(list_page(items, dates, per_page, url_of, number, total))
                planned.append(page)
            else:
                page = self.pages[number - 1]
            pages.append(page)
        self.items, self.dates, self.header, self.pages = items, dates, header, pages
        return planned


def _same(old: Sequence[object], new: Sequence[object]) -> bool:
    return len(old) == len(new) and all(map(operator.is_, old, new))
