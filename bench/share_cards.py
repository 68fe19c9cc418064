"""Benchmark: what share cards and phrase segmentation cost a large site's build.

    .venv/bin/python bench/share_cards.py [ARTICLES] [ROUNDS]

Builds ARTICLES (default 1000) articles, each with its own title and lead, ROUNDS times (default 1)
in this order, alternating, in one process:

* without cards (as on a machine with no Japanese font),
* with cards, cold (an empty card cache: every card drawn, in parallel worker processes),
* with cards, warm (the cache of the cold build: no card drawn, each copied).

and prints each time and its ratio to the build without cards. It also times BudouX on every
phrased string of the site with an empty phrase cache (what the per-string cache saves when a
string repeats, and what a build pays once per string). Exits 1 when a warm build costs more than
1.5× a build without cards: an unchanged article's card must cost next to nothing.
"""

from __future__ import annotations

import dataclasses
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kiku.build
from bench.site_files import large_site
from kiku.build import render_site
from kiku.content.model import DigestArticle, Site
from kiku.render.phrases import phrases
from kiku.render.sharecards.fonts import find_card_font
from tests.sample_site import REPO_ROOT

WARM_TARGET_RATIO = 1.5


def unique_site(count: int) -> Site:
    """``large_site`` with a different title and lead on every article, as a real site has."""
    site = large_site(count)
    articles = tuple(
        dataclasses.replace(article, title=f"第{n}報 {article.title}", lead=f"{n}件目の記事。{article.lead or ''}")
        for n, article in enumerate(site.articles)
    )
    return dataclasses.replace(site, articles=articles)


def phrased_strings(site: Site) -> Iterator[str]:
    """What the templates segment: titles, leads, key points, headings, questions, answers."""
    for article in site.articles:
        yield article.title
        yield article.lead or ""
        if isinstance(article, DigestArticle):
            yield from article.key_points
            for section in article.sections:
                yield section.heading
                yield section.question or ""
                yield section.answer or ""


def timed_build(site: Site, out_dir: Path, cache: Path | None, with_cards: bool) -> float:
    original = kiku.build.find_card_font
    if not with_cards:
        kiku.build.find_card_font = lambda configured: None  # type: ignore[assignment]
    try:
        phrases.cache_clear()  # each build segments its strings afresh, as a new `kiku build` process does
        started = time.perf_counter()
        render_site(site, REPO_ROOT, out_dir, card_cache=cache)
        return time.perf_counter() - started
    finally:
        kiku.build.find_card_font = original


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    if find_card_font(None) is None:
        print("no Japanese font for share cards: apt-get install fonts-noto-cjk")
        return 1
    site = unique_site(count)
    strings = list(phrased_strings(site))
    phrases.cache_clear()
    started = time.perf_counter()
    for text in strings:
        phrases(text)
    segmenting = time.perf_counter() - started
    unique = len(set(strings))
    characters = sum(len(text) for text in set(strings))

    times: dict[str, list[float]] = {"without cards": [], "cards, cold": [], "cards, warm": []}
    logging.getLogger("kiku.build").setLevel(logging.ERROR)  # the no-font warning, once per round
    with tempfile.TemporaryDirectory() as scratch:  # warm-up: templates compiled, fonts and caches loaded
        warm_up = dataclasses.replace(site, articles=site.articles[:20])
        timed_build(warm_up, Path(scratch) / "plain", None, with_cards=False)
        timed_build(warm_up, Path(scratch) / "cards", None, with_cards=True)
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            cache = root / "cache"
            times["without cards"].append(timed_build(site, root / "plain", None, with_cards=False))
            times["cards, cold"].append(timed_build(site, root / "cold", cache, with_cards=True))
            times["cards, warm"].append(timed_build(site, root / "warm", cache, with_cards=True))

    baseline = statistics.median(times["without cards"])
    print(f"{count} articles, {count + 1} cards, {rounds} round(s), median build times:")
    for name, seconds in times.items():
        median = statistics.median(seconds)
        print(f"  {name:14} {median:7.2f} s  ({median / count * 1000:6.2f} ms per article, {median / baseline:4.2f}×)")
    print(
        f"BudouX: {len(strings)} phrased strings ({unique} distinct, {characters:,} characters) segmented in"
        f" {segmenting:.2f} s with an empty cache = {segmenting / baseline:.0%} of a build without cards"
    )
    warm_ratio = statistics.median(times["cards, warm"]) / baseline
    return 0 if warm_ratio <= WARM_TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
