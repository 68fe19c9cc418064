"""Benchmark: what a site's output weighs, by kind of file, per article.

    .venv/bin/python bench/output_size.py [ARTICLES]

Writes the generated corpus of ``bench/corpus.py`` (ARTICLES digest articles, default 2000), builds
it with ``kiku build`` (share cards included when a Japanese font is installed) and prints, for each
kind of file (article pages, share cards, the search index, tag, source, archive and home pages,
feeds, sitemaps, the rest), the number of files, their size and their size per article, then the
mean article page and card, and the article count at which the output would reach GitHub Pages'
1 GB limit if it grew as it does per article here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import write_corpus
from kiku.build import build

PAGES_LIMIT = 10**9  # GitHub Pages: published sites may be no larger than 1 GB
KINDS = ("article pages", "share cards", "search index", "tag pages", "source pages", "archive pages",
         "home pages", "feeds", "sitemaps", "other")


def kind_of(path: PurePosixPath) -> str:
    """Which of ``KINDS`` the output file at ``path`` (relative to the site's root) is."""
    top = path.parts[0] if len(path.parts) > 1 else ""
    if path.name == "card.png":
        return "share cards"
    if path.name == "feed.xml":
        return "feeds"
    if path.name.startswith("sitemap") and path.suffix == ".xml":
        return "sitemaps"
    if top == "search":
        return "search index"
    if path.suffix != ".html":
        return "other"
    if top == "articles":
        return "article pages"
    sections = {"tags": "tag pages", "sources": "source pages", "archive": "archive pages", "page": "home pages"}
    if top in sections:
        return sections[top]
    return "home pages" if str(path) == "index.html" else "other"


def weigh(out_dir: Path) -> tuple[Counter[str], Counter[str]]:
    """Files and bytes of the output under ``out_dir``, by kind."""
    files: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    for folder, _, names in os.walk(out_dir):
        for name in names:
            path = Path(folder, name)
            kind = kind_of(PurePosixPath(path.relative_to(out_dir).as_posix()))
            files[kind] += 1
            sizes[kind] += path.stat().st_size
    return files, sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("articles", nargs="?", type=int, default=2000)
    count = parser.parse_args().articles
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    with tempfile.TemporaryDirectory(prefix="kiku-output-size-") as scratch:
        root, out_dir = Path(scratch) / "site", Path(scratch) / "out"
        write_corpus(root, count)
        build(root, out_dir)
        files, sizes = weigh(out_dir)
    total_files, total_bytes = sum(files.values()), sum(sizes.values())
    print(f"{count:,} articles: {total_files:,} files, {total_bytes / 2**20:.1f} MiB")
    print("| kind | files | MiB | bytes per article | share |\n|---|---|---|---|---|")
    for kind in KINDS:
        if files[kind]:
            print(f"| {kind} | {files[kind]:,} | {sizes[kind] / 2**20:.2f} | {sizes[kind] / count:,.0f}"
                  f" | {sizes[kind] / total_bytes:.0%} |")
    for kind, label in (("article pages", "article page"), ("share cards", "card")):
        if files[kind]:
            print(f"mean {label}: {sizes[kind] / files[kind] / 1024:.1f} KiB")
    print(f"GitHub Pages' 1 GB is reached near {PAGES_LIMIT / (total_bytes / count):,.0f} articles"
          " (at this size per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
