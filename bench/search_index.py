"""Benchmark: building the search index against a full build, the index's size and what a first query downloads.

Generates a site of N articles with bench/corpus.py and builds it once (filling the share-card
cache, as an editor's site has it). Then each round runs three full ``kiku build``s into a fresh
output folder, each rendering every page (the build cache is removed but for the share cards, so
that no page is a cache hit and no build is skipped as unchanged): a *cold* one without the search
cache, a *warm* one with the entries and shards the cold one left, and an *edit* one after a
paragraph was added to one article (the index re-encodes only the shards that edit reaches).
The index's part of each build is timed inside it (``write_search_index``, wall and processor
time, its forked workers included). It prints the medians and the index's share of the build,
cold, warm and after the edit (target: at most 15 % of processor time), also of system and user
time apart (system time is mostly creating files, and swells when other jobs share the disk),
the processor time per article, and the build's peak memory (this process's maximum resident set).
Then the index's total size (its files are gzipped on disk: what is stored is what is sent) and
file counts, and, in Chromium, what a first query downloads for each query of
``bench/search_query.py`` (target: at most 200 KB typical, 25 MB total, per 10,000 articles).

Usage: .venv/bin/python bench/search_index.py [--articles 10000] [--rounds 3] [--no-browser] [--keep DIR] [--real-prose]
    [--corpus DIR]
(``--keep``: leave the built site in DIR, for ``bench/search_query.py --built DIR``; ``--corpus``: a
copy of the site ``bench/corpus.py DIR`` wrote is built instead of generating one, ``--articles``
and ``--real-prose`` then being its)
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from search_query import QUERIES, first_query_downloads, print_downloads

import kiku.render.site
from kiku.build import build
from kiku.content.cache.articles import CACHE_DIR
from kiku.content.loading.loader import load_site
from kiku.render.text.phrases import phrases
from kiku.search.encoding.records import LENGTHS_PATH, read_lengths
from kiku.search.index import build_search_index

TARGET_RATIO = 0.15
Timing = tuple[float, float, float]  # wall, processor, and of that system (kernel) seconds


def _cpu() -> tuple[float, float]:
    """Processor time of this process and its finished children (forked workers), and the system
    part of it (mostly creating files: on a machine whose disk other jobs share, the noisiest part)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    system = own.ru_stime + children.ru_stime
    return own.ru_utime + children.ru_utime + system, system


def _since(wall: float, cpu: tuple[float, float]) -> Timing:
    now = _cpu()
    return time.perf_counter() - wall, now[0] - cpu[0], now[1] - cpu[1]


def _timed(run: Callable[[], object]) -> Timing:
    """(wall, processor) seconds ``run`` took: on a shared machine the processor time varies less."""
    wall, cpu = time.perf_counter(), _cpu()
    run()
    return _since(wall, cpu)


def _drop_build_cache(site_root: Path, keep: set[str]) -> None:
    """Remove the build cache but the folders named in ``keep`` (``cards``, ``search``)."""
    cache = site_root / CACHE_DIR
    for entry in cache.iterdir() if cache.is_dir() else ():
        if entry.name not in keep and entry.name != ".gitignore":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _build_timing_index(root: Path, out: Path, keep: set[str]) -> tuple[Timing, Timing]:
    """A full build's (wall, cpu) and its index's, into a fresh ``out``."""
    _drop_build_cache(root, keep)
    shutil.rmtree(out, ignore_errors=True)
    phrases.cache_clear()  # each build segments its strings afresh, as a new `kiku build` process does
    original = kiku.render.site.write_search_index  # type: ignore[attr-defined]
    # The build writes the index in a forked process (kiku.forks.alongside), so its timing comes
    # back through a file rather than this process's memory.
    spent_file = Path(tempfile.mkstemp(prefix="kiku-index-timing-")[1])

    def timed_index(*arguments: Any, **keywords: Any) -> Any:
        # _cpu counts the index's own forked workers too (indexing, records, shards): they are
        # joined before it returns. The build's page processes are not its children.
        wall, cpu = time.perf_counter(), _cpu()
        written = original(*arguments, **keywords)
        spent_file.write_text(" ".join(map(str, _since(wall, cpu))))
        return written

    kiku.render.site.write_search_index = timed_index  # type: ignore[attr-defined]
    try:
        whole = _timed(lambda: build(root, out))
        index_wall, index_cpu, index_system = (float(value) for value in spent_file.read_text().split())
    finally:
        kiku.render.site.write_search_index = original  # type: ignore[attr-defined]
        spent_file.unlink(missing_ok=True)
    return whole, (index_wall, index_cpu, index_system)


def _clock(spent: Timing, which: int) -> float:
    """Wall, processor, system or (3) user seconds: processor time but the system's."""
    return spent[1] - spent[2] if which == 3 else spent[which]


def _edit_one_article(root: Path, round_number: int) -> None:
    """Add a body paragraph to the middle article (another one each round): an editor's edit."""
    files = sorted((root / "content").glob("*.yaml"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    paragraph = f"  - 編集で加えた{round_number + 1}番目の段落です。\n"
    path.write_text(text.replace("  body:\n", "  body:\n" + paragraph, 1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="skip the first-query downloads")
    parser.add_argument("--keep", type=Path, help="copy the built site to this folder")
    parser.add_argument("--real-prose", action="store_true",
                        help="summaries and body text learnt from real articles (bench/prose.py)")
    parser.add_argument("--corpus", type=Path, help="a site bench/corpus.py wrote, copied and built instead")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kiku-search-bench-") as scratch:
        root = Path(scratch) / "site"
        if arguments.corpus:
            shutil.copytree(arguments.corpus, root, ignore=shutil.ignore_patterns(CACHE_DIR))
            arguments.articles = len(list((root / "content").glob("*.yaml")))
        else:
            write_corpus(root, arguments.articles, real_prose=arguments.real_prose)
        out = Path(scratch) / "_site"
        build(root, out)  # fills the share-card cache: every timed build finds it
        times: dict[str, list[Timing]] = {
            "cold build": [], "cold index": [], "warm build": [], "warm index": [], "edit build": [], "edit index": [],
        }
        for round_number in range(arguments.rounds):
            for kind, keep in (("cold", {"cards"}), ("warm", {"cards", "search"}), ("edit", {"cards", "search"})):
                if kind == "edit":
                    _edit_one_article(root, round_number)
                whole, index = _build_timing_index(root, out, keep)
                times[f"{kind} build"].append(whole)
                times[f"{kind} index"].append(index)
            spent = ", ".join(f"{name} {runs[-1][0]:.2f} s ({runs[-1][1]:.2f} s cpu, {runs[-1][2]:.2f} s system)"
                              for name, runs in times.items())
            print(f"round {round_number + 1}: {spent}", flush=True)
        for kind in ("cold", "warm", "edit"):
            for clock, which in (("wall", 0), ("cpu", 1), ("system", 2), ("user", 3)):
                full = statistics.median(_clock(spent, which) for spent in times[f"{kind} build"])
                alone = statistics.median(_clock(spent, which) for spent in times[f"{kind} index"])
                ratio = alone / full
                verdict = "ok" if ratio <= TARGET_RATIO else f"over the {TARGET_RATIO:.0%} target"
                if clock != "cpu":
                    verdict = "the target is the cpu line's"
                print(f"{arguments.articles} articles, {kind} search cache, {clock} time: full build {full:.2f} s"
                      f" (index included), index {alone:.2f} s: {ratio:.1%} of the build ({verdict});"
                      f" index {alone / arguments.articles * 1000:.3f} ms {clock} per article")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory of this process (builds included): {peak:.0f} MiB")
        site = load_site(root)
        built = build_search_index(site)
        sizes = {path: len(data) for path, data in built.files.items()}
        total = sum(sizes.values())
        shards = [size for path, size in sizes.items() if "/shards/" in path]
        packs = [size for path, size in sizes.items() if path.startswith("search/records/") and path.endswith(".bin")]
        records = read_lengths(built.files[LENGTHS_PATH])
        print(f"index: {total / 1e6:.1f} MB in {len(sizes)} files ({total / arguments.articles / 1e3:.2f} KB"
              f" per article; {total / 1e6 * 10_000 / arguments.articles:.1f} MB per 10,000 articles)")
        print(f"  {len(shards)} shards: {sum(shards) / 1e6:.1f} MB, median {statistics.median(shards) / 1e3:.1f} KB,"
              f" largest {max(shards) / 1e3:.1f} KB")
        median_record = statistics.median(records) / 1e3
        print(f"  {len(records)} records in {len(packs)} packs: {sum(packs) / 1e6:.1f} MB, median record"
              f" {median_record:.1f} KB, median pack {statistics.median(packs) / 1e3:.1f} KB;"
              f" their lengths {sizes[LENGTHS_PATH] / 1e3:.1f} KB")
        if not arguments.no_browser:
            print_downloads(first_query_downloads(out, QUERIES))
        if arguments.keep:
            shutil.copytree(out, arguments.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
