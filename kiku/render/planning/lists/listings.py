"""A paginated list (the home pages, a tag's, a month's, an outlet's pages) kept between plans.

``replan`` cuts the new entries into pages and plans only the pages whose entries or dates are not
the very ones of the last plan (compared by identity: the facets of an unchanged article are the
same objects), or all of them when the page count or what every page shows (``header``) changed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
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
        if total != len(self.pages) or header != self.header or len(items) != len(self.items):
            stale: Iterable[int] = range(1, total + 1)
        else:
            # C-level scans: the places whose entry is another object, or whose date changed.
            changed = itertools.chain(
                itertools.compress(itertools.count(), map(operator.is_not, items, self.items)),
                itertools.compress(itertools.count(), map(operator.ne, dates, self.dates)),
            )
            stale = sorted({place // per_page + 1 for place in changed})
        pages: list[Page | None] = list(self.pages) if len(self.pages) == total else [None] * total
        planned: list[Page] = []
        for number in stale:
            page = make(list_page(items, dates, per_page, url_of, number, total))
            planned.append(page)
            pages[number - 1] = page
        self.items, self.dates, self.header = items, dates, header
        self.pages = [page for page in pages if page is not None]
        assert len(self.pages) == total
        return planned

    def patch(
        self,
        entries: Mapping[int, tuple[ItemT, dt.date | None]],
        per_page: int,
        url_of: Callable[[int], str],
        header: object,
        make: Callable[[ListPage[ItemT]], Page],
    ) -> list[Page]:
        """``replan`` for a list whose entries stay in place: ``entries`` maps a place to its new
        entry and date (the rest are the last plan's); only the pages holding a changed one are planned."""
        if header != self.header or not self.pages:
            items, dates = list(self.items), list(self.dates)
            for place, (item, date) in entries.items():
                items[place], dates[place] = item, date
            return self.replan(items, dates, per_page, url_of, header, make)
        items, dates = list(self.items), list(self.dates)
        stale: set[int] = set()
        for place, (item, date) in entries.items():
            if items[place] is not item or dates[place] != date:
                items[place], dates[place] = item, date
                stale.add(place // per_page + 1)
        self.items, self.dates = tuple(items), tuple(dates)
        planned = []
        for number in sorted(stale):
            page = make(list_page(self.items, self.dates, per_page, url_of, number, len(self.pages)))
            self.pages[number - 1] = page
            planned.append(page)
        return planned
