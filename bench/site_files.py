"""Benchmark: a large site's build, with the feeds, sitemap and metadata of every page.

    .venv/bin/python bench/site_files.py [ARTICLES]

Builds ARTICLES (default 2000) digest and encyclopedia articles spread over 40 tags, prints the
time of planning and of the whole build and the sizes of feed.xml and the sitemap files, and exits 1
when the build misses its target: under 10 ms per article on a developer machine, i.e. the
feeds, sitemap and per-page metadata stay linear in the number of articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiku.build import render_site
from kiku.content.model import Article, Site, Tag
from kiku.render.planning.plan import plan_site
from tests.support.sample_site import ENCYCLOPEDIA, PEACE_TALKS, PHONE_CALL, REPO_ROOT, sample_site

TARGET_SECONDS_PER_ARTICLE = 0.010
TAG_COUNT = 40


def large_site(count: int) -> Site:
    base = sample_site()
    tags = {f"t{n}": Tag(f"t{n}", f"タグ{n}", f"Tag {n}") for n in range(TAG_COUNT)}
    templates: tuple[Article, ...] = (PHONE_CALL, ENCYCLOPEDIA, PEACE_TALKS)
    first = dt.date(2025, 3, 31)
    articles = tuple(
        dataclasses.replace(
            templates[n % 3],
            slug=f"article-{n:05d}",
            date=first - dt.timedelta(days=n // 5),
            tags=(f"t{n % TAG_COUNT}", f"t{(n * 7 + 1) % TAG_COUNT}"),
        )
        for n in range(count)
    )
    return Site(config=dataclasses.replace(base.config, tags=tags), articles=articles)


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    site = large_site(count)
    started = time.perf_counter()
    pages = plan_site(site)
    planned = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as scratch:
        out_dir = Path(scratch) / "_site"
        started = time.perf_counter()
        report = render_site(site, REPO_ROOT, out_dir)
        built = time.perf_counter() - started
        feed_bytes = (out_dir / "feed.xml").stat().st_size
        sitemaps = sorted(out_dir.glob("sitemap*.xml"))  # sitemap.xml, and its parts past 50,000 URLs
        sitemap_bytes = sum(path.stat().st_size for path in sitemaps)
    per_article = built / count
    print(f"{count} articles, {len(pages)} pages ({report.bytes_written / 1e6:.1f} MB)")
    print(f"plan  {planned:.2f} s")
    target_ms = TARGET_SECONDS_PER_ARTICLE * 1000
    print(f"build {built:.2f} s  ({per_article * 1000:.2f} ms per article, target {target_ms:.0f})")
    print(f"feed.xml {feed_bytes / 1024:.0f} KiB (newest 50),"
          f" sitemaps {sitemap_bytes / 1024:.0f} KiB in {len(sitemaps)} files")
    return 0 if per_article <= TARGET_SECONDS_PER_ARTICLE else 1


if __name__ == "__main__":
    sys.exit(main())
