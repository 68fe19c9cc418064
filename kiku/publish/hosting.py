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
_FOLDER = ("a copy of site.yaml, templates/ and static/ with its own base_url, such as"
           " https://<user>.github.io/digest-<year>/, and repository")
_GENERAL = f"split it by year: move the older articles into a second site folder ({_FOLDER}); build and publish each"


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
    """Which years to keep and which to move, into how many more sites, so that each is under 80 %
    of the limit, supposing that a site's bytes grow with its articles (lists and cards do; the few
    fixed files are counted in, so the estimate errs towards moving more)."""
    total = sum(count for _, count in years)
    if total == 0:
        return _GENERAL
    per_article = size.bytes / total
    room = int(GITHUB_PAGES_LIMIT_BYTES * _WARN_FRACTION / per_article)
    sites = _sites_by_year(years, room)
    estimate = (f"at about {per_article / 1e3:,.0f} kB an article, {_WARN_FRACTION:.0%} of the limit holds"
                f" about {room:,} articles")
    too_big = [site[0] for site in sites if len(site) == 1 and site[0][1] > room]
    if len(sites) == 1:
        if not too_big:
            return _GENERAL
        year, count = too_big[0]
        return (f"{estimate}, fewer than {year}'s {count:,}: split it by month into site folders"
                f" ({_FOLDER}); build and publish each")
    kept, *moved = (_described(site) for site in sites)
    where = (f"{moved[0]} into a second site folder" if len(moved) == 1 else
             f"the rest into {len(moved)} more site folders, one each for {', '.join(moved)}")
    advice = (f"{estimate}: split it by year (by the content files' date:), keeping {kept} here and"
              f" moving {where} ({_FOLDER}); build and publish each")
    if too_big:
        named = ", ".join(str(year) for year, _ in too_big)
        advice += f"; {named} alone {'is' if len(too_big) == 1 else 'are each'} more than a site holds: split by month"
    return advice


def _sites_by_year(years: Sequence[tuple[int, int]], room: int) -> list[list[tuple[int, int]]]:
    """``years`` cut into sites of consecutive years, newest first, each holding at most ``room``
    articles unless one year alone holds more."""
    sites: list[list[tuple[int, int]]] = [[]]
    held = 0
    for year, count in reversed(years):
        if sites[-1] and held + count > room:
            sites.append([])
            held = 0
        sites[-1].append((year, count))
        held += count
    return sites


def _described(site: list[tuple[int, int]]) -> str:
    """A site's years, oldest to newest, and its articles: '2019–2026 (13,235 articles)'."""
    return f"{_span(site[-1][0], site[0][0])} ({sum(count for _, count in site):,} articles)"


def _span(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}–{last}"
