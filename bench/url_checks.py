"""Benchmark: checking and naming the URLs of a corpus, with the plain-URL fast paths and by ``urlsplit``.

    .venv/bin/python bench/url_checks.py [ARTICLES] [ROUNDS]

Generates ARTICLES articles of ``bench/corpus.py`` (default 2000) in a temporary folder, collects
every http(s) URL of their content files (source cards and links in the text) and, ROUNDS times
(default 3), alternating, checks each (``kiku.content.checking.links.is_http_url``) and names its
site (``kiku.render.planning.urls.domain_of``, uncached) as the code does, then as it did before
the fast paths, by ``urllib.parse.urlsplit`` alone. Prints CPU µs per URL (medians) and the ratio;
exits 1 when an answer differs or a fast path is not faster.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import write_corpus
from kiku.content.checking.links import is_http_url, split_is_http_url
from kiku.render.planning.urls import domain_of, split_domain_of

_URL = re.compile(r"https?://[^\s)\]<>\"']+")




def cpu_per_url(task: Callable[[str], object], urls: list[str]) -> float:
    started = time.process_time()
    for url in urls:
        task(url)
    return (time.process_time() - started) / len(urls) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("articles", type=int, nargs="?", default=2000)
    parser.add_argument("rounds", type=int, nargs="?", default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiku-urls-") as temporary:
        write_corpus(Path(temporary), args.articles)
        urls = [url for path in sorted(Path(temporary, "content").glob("*.yaml"))
                for url in _URL.findall(path.read_text(encoding="utf-8"))]
    fast_domain = domain_of.__wrapped__
    pairs = (("is_http_url", is_http_url, split_is_http_url), ("domain_of", fast_domain, split_domain_of))
    failed = False
    for name, fast, split in pairs:
        if [fast(url) for url in urls] != [split(url) for url in urls]:
            print(f"{name}: an answer differs from urlsplit's")
            failed = True
        timings: dict[str, list[float]] = {"fast": [], "split": []}
        for _ in range(args.rounds):
            timings["fast"].append(cpu_per_url(fast, urls))
            timings["split"].append(cpu_per_url(split, urls))
        fast_us, split_us = statistics.median(timings["fast"]), statistics.median(timings["split"])
        ratio = split_us / fast_us
        print(f"{name}: {len(urls):,} URLs, {fast_us:.2f} µs each (by urlsplit {split_us:.2f}: ×{ratio:.1f})")
        failed |= fast_us >= split_us
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
