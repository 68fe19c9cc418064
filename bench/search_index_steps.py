"""Profile: the processor time of each step of a cold search index, on its own.

    .venv/bin/python bench/search_index_steps.py --corpus DIR [--keep OUT]

Loads the site ``DIR`` (one ``bench/corpus.py`` wrote, say with ``--real-prose``, built once so
that its article cache is warm) as ``kiku build`` does (slim articles, the collector frozen), then
writes its index with ``write_search_index`` in a forked child, with no entry cache (every article
indexed), as a cold build's index process does. Each step is timed around its call (processor
time, nested steps inside their callers' figures); the child's user and system time, page faults
and peak resident set are printed too. The machine's load inflates every figure: compare runs made
one after the other. ``--keep OUT``: the index's files are left in ``OUT`` (to compare with
``diff -rq``), else in a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kiku.search.entries.article as article_module
import kiku.search.index as index_module
from kiku.content.loading.loader import load_site
from kiku.runtime import heap
from kiku.search.incremental.cache import EntryCache

SPENT: collections.Counter[str] = collections.Counter()
STEPS: tuple[tuple[Any, str], ...] = (
    (index_module, "index_entries"),
    (article_module, "_article_texts"),
    (article_module, "full_article"),
    (article_module, "searchable_text"),
    (article_module, "_displayed"),
    (article_module, "_head_and_other"),
    (article_module, "batch_tokens"),
    (article_module, "code_records"),
    (index_module, "deflated_units"),
    (EntryCache, "save"),
    (index_module, "_assemble"),
    (index_module, "token_postings"),
    (index_module, "array_contexts"),
    (index_module, "write_state"),
)


def timed(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*arguments: Any, **keywords: Any) -> Any:
        start = time.process_time()
        try:
            return function(*arguments, **keywords)
        finally:
            SPENT[name] += time.process_time() - start

    return wrapper


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, required=True, help="a site bench/corpus.py wrote, built once")
    parser.add_argument("--keep", type=Path, help="leave the index's files here")
    args = parser.parse_args()
    gc.disable()
    site = load_site(args.corpus, cache=True, slim=True)
    gc.freeze()
    gc.enable()
    for owner, name in STEPS:
        setattr(owner, name, timed(getattr(owner, name), name))
    with tempfile.TemporaryDirectory(prefix="kiku-index-steps-") as scratch:
        out = args.keep or Path(scratch) / "out"

        def write(path: str, data: bytes) -> None:
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

        child = os.fork()
        if child == 0:
            heap.reuse_freed_arrays()  # as the build's index process does (kiku.render.site)
            before = resource.getrusage(resource.RUSAGE_SELF)
            index_module.write_search_index(site, write, EntryCache(Path(scratch) / "cache"), fork=False)
            after = resource.getrusage(resource.RUSAGE_SELF)
            print(f"{len(site.articles):,} articles, load {os.getloadavg()[0]:.1f}: user "
                  f"{after.ru_utime - before.ru_utime:.2f} s, system {after.ru_stime - before.ru_stime:.2f} s, "
                  f"{after.ru_minflt - before.ru_minflt:,} page faults, peak {after.ru_maxrss / 1024:.0f} MiB")
            for name, seconds in SPENT.most_common():
                print(f"  {seconds:6.2f} s  {name}")
            sys.stdout.flush()
            os._exit(0)
        os.waitpid(child, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
