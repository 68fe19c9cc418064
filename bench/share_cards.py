"""Benchmark: what share cards and phrase segmentation cost a large site's build.

    .venv/bin/python bench/share_cards.py [ARTICLES] [ROUNDS]
    .venv/bin/python bench/share_cards.py --steps [ARTICLES]

``--steps``: what each step of a card costs, cold and warm, as a build's worker draws and writes
its share of the corpus's cards (``bench/share_card_steps.py``); no build is run.

Writes the generated corpus of ``bench/corpus.py`` (ARTICLES digest articles, default 1000, each
with its own title) and runs ``kiku build`` on it ROUNDS times (default 1) in this order, in one
process:

* without cards (as on a machine with no Japanese font), with no ``.kiku-cache/``,
* with cards, cold (no ``.kiku-cache/``: every card drawn, in forked processes, one per core),
* with cards, warm (only the card cache of the cold build is kept: every page is rendered again as
  in the first build, but no card is drawn, each is hard-linked),

and prints each time and its ratio to the build without cards, in wall-clock seconds and in CPU
seconds of this process and its forked card workers (on a loaded machine the CPU figures move less;
the wall-clock ones show what the forks save), and what one drawn card costs in CPU (the cold
build's CPU less the build's without cards, per card), what drawing alone costs in this process (every
card drawn again, glyphs and frame already at hand) and the cards' size in bytes. It also times BudouX on every
phrased string of the site with an empty phrase cache (what a build pays once per distinct string).
Exits 1 when a cold build costs more than 1.5× a build without cards, or a warm one more than 1.1×:
an unchanged article's card must cost next to nothing.
"""

from __future__ import annotations

import argparse
import logging
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kiku.build
import kiku.render.site
from bench.corpus import write_corpus
from bench.share_card_steps import print_steps
from kiku.build import CACHE_DIR, build
from kiku.content.loading.loader import load_site
from kiku.content.model import DigestArticle, Site
from kiku.render.sharecards.draw import draw_card
from kiku.render.sharecards.fonts import CardFont, find_card_font
from kiku.render.sharecards.render import card_jobs
from kiku.render.text.phrases import phrases

COLD_TARGET_RATIO = 1.5
WARM_TARGET_RATIO = 1.1


def phrased_strings(site: Site) -> Iterator[str]:
    """What the templates segment: titles, leads, key points, headings, questions, answers."""
    for article in site.articles:
        yield article.title
        yield article.lead or ""
        if isinstance(article, DigestArticle):
            yield from article.key_points
            yield from article.conclusion
            for section in article.sections:
                yield section.heading
                yield section.question or ""
                yield section.answer or ""


@dataclass(frozen=True, slots=True)
class Timing:
    wall: float
    cpu: float  # user + system, this process and its waited-for children


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _drop_build_cache(site_root: Path, *, keep_cards: bool) -> None:
    """Every build here renders every page: the article and page caches (issue 12's) would turn a
    second build into a no-op and hide what the cards cost; only the card cache may survive."""
    cache = site_root / CACHE_DIR
    if not keep_cards:
        shutil.rmtree(cache, ignore_errors=True)
        return
    for entry in cache.iterdir() if cache.is_dir() else ():
        if entry.name != "cards":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def timed_build(site_root: Path, out_dir: Path, *, with_cards: bool, cold: bool) -> Timing:
    # The build asks for the font in two places: whether anything changed, and when it renders.
    modules = (kiku.build, kiku.render.site)
    originals = [getattr(module, "find_card_font") for module in modules]  # noqa: B009
    if not with_cards:
        for module in modules:
            setattr(module, "find_card_font", lambda configured: None)  # noqa: B010
    _drop_build_cache(site_root, keep_cards=not cold)
    try:
        phrases.cache_clear()  # each build segments its strings afresh, as a new `kiku build` process does
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        build(site_root, out_dir)
        return Timing(time.perf_counter() - started, _cpu_seconds() - cpu_started)
    finally:
        for module, original in zip(modules, originals, strict=True):
            setattr(module, "find_card_font", original)  # noqa: B010


@dataclass(frozen=True, slots=True)
class CardFigures:
    cards: int
    total_bytes: int
    largest_bytes: int
    draw_cpu: float  # seconds per card, drawing and encoding only


def card_figures(site: Site, font: CardFont, out_dir: Path) -> CardFigures:
    """The written cards' sizes, and each card drawn again here (its glyphs rendered by a first pass)."""
    sizes = [path.stat().st_size for path in out_dir.rglob("card.png")]
    jobs = card_jobs(site)
    for job in jobs:
        draw_card(font, job.text)
    started = time.process_time()
    for job in jobs:
        draw_card(font, job.text)
    return CardFigures(len(sizes), sum(sizes), max(sizes, default=0), (time.process_time() - started) / len(jobs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=1000)
    parser.add_argument("rounds", nargs="?", type=int, default=1)
    parser.add_argument("--steps", action="store_true", help="each step of a card, cold and warm; no build")
    arguments = parser.parse_args()
    count, rounds = arguments.articles, arguments.rounds
    font = find_card_font(None)
    if font is None:
        print("no Japanese font for share cards: apt-get install fonts-noto-cjk")
        return 1
    if arguments.steps:
        with tempfile.TemporaryDirectory() as scratch:
            write_corpus(Path(scratch) / "site", count)
            print_steps(font, [job.text for job in card_jobs(load_site(Path(scratch) / "site"))])
        return 0
    logging.getLogger("kiku.build").setLevel(logging.ERROR)  # the no-font warning of every plain build
    times: dict[str, list[Timing]] = {"without cards": [], "cards, cold": [], "cards, warm": []}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "site"
        write_corpus(root, count)
        site = load_site(root)
        strings = list(phrased_strings(site))
        phrases.cache_clear()
        started = time.perf_counter()
        for text in strings:
            phrases(text)
        segmenting = time.perf_counter() - started
        distinct = set(strings)
        timed_build(root, Path(scratch) / "warm-up", with_cards=False, cold=True)  # imports, templates
        for _ in range(rounds):
            times["without cards"].append(timed_build(root, Path(scratch) / "out", with_cards=False, cold=True))
            times["cards, cold"].append(timed_build(root, Path(scratch) / "out", with_cards=True, cold=True))
            times["cards, warm"].append(timed_build(root, Path(scratch) / "out", with_cards=True, cold=False))
        cards = card_figures(site, font, Path(scratch) / "out")

    baseline = times["without cards"]
    print(f"{count} articles, {count + 1} cards, {rounds} round(s), medians of `kiku build`"
          " (ratios: median of each round's ratio to its own build without cards):")
    ratios: dict[str, tuple[float, float]] = {}
    for name, timings in times.items():
        wall = statistics.median(timing.wall for timing in timings)
        cpu = statistics.median(timing.cpu for timing in timings)
        ratios[name] = (
            statistics.median(timing.wall / peer.wall for timing, peer in zip(timings, baseline, strict=True)),
            statistics.median(timing.cpu / peer.cpu for timing, peer in zip(timings, baseline, strict=True)),
        )
        print(f"  {name:14} wall {wall:7.2f} s ({wall / count * 1000:6.2f} ms per article, {ratios[name][0]:4.2f}×)"
              f"   CPU {cpu:7.2f} s ({ratios[name][1]:4.2f}×)")
    drawn_cpu = statistics.median(cold.cpu - plain_run.cpu for cold, plain_run in zip(times["cards, cold"], baseline,
                                                                                        strict=True))
    print(f"  a drawn card costs {drawn_cpu / (count + 1) * 1000:.2f} ms CPU (cold build minus the build without cards,"
          " per card, workers included)")
    per_card = cards.total_bytes / max(1, cards.cards) / 1024
    print(f"  cards: {cards.cards:,} PNGs, {cards.total_bytes / 2**20:.1f} MiB, {per_card:.1f} KiB per card"
          f" (largest {cards.largest_bytes / 1024:.1f} KiB); drawing and encoding alone"
          f" {cards.draw_cpu * 1000:.2f} ms CPU per card (one process, glyphs already rendered)")
    characters = sum(len(text) for text in distinct)
    plain = statistics.median(timing.wall for timing in baseline)
    print(
        f"BudouX: {len(strings):,} phrased strings ({len(distinct):,} distinct, {characters:,} characters)"
        f" segmented in {segmenting:.2f} s with an empty cache = {segmenting / plain:.0%} of a build without cards"
    )
    return 0 if ratios["cards, cold"][0] <= COLD_TARGET_RATIO and ratios["cards, warm"][0] <= WARM_TARGET_RATIO else 1

if __name__ == "__main__":
    sys.exit(main())
