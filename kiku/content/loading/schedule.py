"""Scheduled articles: an article dated after today is published on its date, not before.

"Today" is the date in Japan, where the digest is dated (see ``kiku.render.views.metadata``): an
article dated 2027-01-05 goes live at 2027-01-05 00:00 JST. With ``SOURCE_DATE_EPOCH`` set, today
is the date of that moment, not of the clock: the same sources and the same SOURCE_DATE_EPOCH
give the same site on any day (reproducible-builds.org), and tests pick their "today" that way.
A scheduled workflow must therefore leave SOURCE_DATE_EPOCH unset (or set it to the time of the
run), or a scheduled article would never appear.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, replace

from kiku.content.model import Article, Site

JAPAN = dt.timezone(dt.timedelta(hours=9), "JST")  # Japan has no daylight saving time
TYPO_HORIZON = dt.timedelta(days=366)
_DATE = operator.attrgetter("date")


@dataclass(frozen=True, slots=True)
class Scheduled:
    """The site as published today, and the articles left for later (soonest first)."""

    site: Site
    later: tuple[Article, ...]


def today_in_japan(epoch: int | None) -> dt.date:
    """The date in Japan at ``epoch`` (seconds since 1970), or now when it is None."""
    moment = dt.datetime.now(JAPAN) if epoch is None else dt.datetime.fromtimestamp(epoch, JAPAN)
    return moment.date()


def published_on(site: Site, today: dt.date) -> Scheduled:
    """``site`` without the articles dated after ``today``."""
    if not any(map(today.__lt__, map(_DATE, site.articles))):  # C-level: the preview asks on every save
        return Scheduled(site, ())
    later = tuple(sorted((article for article in site.articles if article.date > today),
                         key=lambda article: (article.date, article.slug)))
    if not later:
        return Scheduled(site, ())
    return Scheduled(replace(site, articles=tuple(a for a in site.articles if a.date <= today)), later)


def far_future(site: Site, today: dt.date) -> tuple[Article, ...]:
    """The articles dated more than a year after ``today``: most likely a typo in the year."""
    return tuple(article for article in site.articles if article.date - today > TYPO_HORIZON)
