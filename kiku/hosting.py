"""The hosting budget: how big the built site is, against what GitHub Pages publishes.

GitHub Pages publishes sites of at most 1 GB (docs.github.com, "GitHub Pages limits"). A digest
that grows by a few articles a day reaches that after some years; the build says so before a
deploy fails, and says how to split the archive: which years to keep and which to move.
"""

from __future__ import annotations

import collections
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

GITHUB_PAGES_LIMIT_BYTES = 1_000_000_000
_WARN_FRACTION = 0.8  # warn while there is still room to plan the split; a split keeps this much
_SECOND_SITE = (
    "into a second site folder (a copy of site.yaml, templates/ and static/ with its own base_url,"
    " e.g. https://<user>.github.io/digest-<year>/) and repository, and build and publish each separately"
)


@dataclass(frozen=True, slots=True)
class OutputSize:
    files: int
    bytes: int

    def describe(self) -> str:
        return f"{self.bytes / 1e6:,.1f} MB in {self.files:,} files"


def measure_output(out_dir: Path) -> OutputSize:
    """Every file under ``out_dir``, counted once (hard links too: the host stores each name)."""
    files = size = 0
    for folder, _, names in os.walk(out_dir):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(folder, name)).st_size
    return OutputSize(files, size)


def articles_by_year(dates: Iterable[dt.date]) -> tuple[tuple[int, int], ...]:
    """How many of the articles dated ``dates`` each year holds, oldest year first."""
    return tuple(sorted(collections.Counter(date.year for date in dates).items()))


def budget_warning(size: OutputSize, years: Sequence[tuple[int, int]] = ()) -> str | None:
    """A warning when the output nears or passes GitHub Pages' 1 GB, with how to split it by year
    (``years``: the published articles by year, oldest first, as ``articles_by_year``); else None."""
    if size.bytes < GITHUB_PAGES_LIMIT_BYTES * _WARN_FRACTION:
        return None
    share = size.bytes / GITHUB_PAGES_LIMIT_BYTES
    state = "is over" if share > 1 else f"is at {share:.0%} of"
    advice = split_advice(size, years)
    return f"the site ({size.describe()}) {state} GitHub Pages' 1 GB limit for a published site; {advice}"


def split_advice(size: OutputSize, years: Sequence[tuple[int, int]]) -> str:
    """Which years to keep and which to move so that this site is back under 80 % of the limit,
    supposing that its bytes grow with its articles (lists and cards do; the few fixed files are
    counted in, so the estimate errs towards moving more)."""
    total = sum(count for _, count in years)
    if total == 0:
        return f"split it by year: move the older articles {_SECOND_SITE}"
    per_article = size.bytes / total
    room = int(GITHUB_PAGES_LIMIT_BYTES * _WARN_FRACTION / per_article)
    start, kept = len(years), 0  # years[start:] are kept
    while start > 0 and kept + years[start - 1][1] <= room:
        start -= 1
        kept += years[start][1]
    if start == 0:
        return f"split it by year: move the older articles {_SECOND_SITE}"
    estimate = (f"at about {per_article / 1e3:,.0f} kB an article, {_WARN_FRACTION:.0%} of the limit holds"
                f" about {room:,} articles")
    (oldest, _), (newest, newest_count) = years[0], years[-1]
    if start == len(years):
        return (f"{estimate}, fewer than {newest} alone ({newest_count:,}): split it by date within {newest},"
                f" moving its earlier months and the years before it {_SECOND_SITE}")
    last_moved = years[start - 1][0]
    those = "that year" if oldest == last_moved else "those years"
    return (f"{estimate}: split it by year, keeping {_span(years[start][0], newest)} ({kept:,} articles) here"
            f" and moving {_span(oldest, last_moved)} ({total - kept:,} articles: the content files whose"
            f" date: is in {those}) {_SECOND_SITE}")


def _span(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}–{last}"
