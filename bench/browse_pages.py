"""Benchmark: the ways around the site (related articles, sources, outlets, archive) stay linear.

    .venv/bin/python bench/browse_pages.py [ARTICLES] [--rounds 3]

Plans the generated corpus of ``bench/corpus.py`` at ARTICLES (default 1000) and at four times as
many, alternating the two sizes round by round, and prints the best time per article of: related
articles for the whole site, the sources and outlet pages, the archive pages, and the whole plan;
then the ratio of the larger size's time per article to the smaller's. A step linear in the site
keeps its ratio near 1; one that compared every pair of articles would show about 4. It also
prints how many pages the new kinds add, which must grow no faster than the articles.
Exits 1 when a ratio exceeds 1.6. The garbage collector is paused while a step runs, as timeit does.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import TAGS, generate
from kiku.content.model import Article, DigestArticle, Section, Site, SourceCard, Tag
from kiku.render.pages.archive import archive_pages
from kiku.render.pages.builder import PageBuilder
from kiku.render.pages.sources import sources_pages
from kiku.render.planning.lists.related import related_articles
from kiku.render.planning.plan import plan_site
from kiku.render.views.browse import ArticleLinkView
from kiku.render.views.feeds import FeedItem
from kiku.render.views.listing import build_summary_view
from kiku.render.views.page import SiteView, TagView
from tests.support.sample_site import sample_config

LINEAR_RATIO_LIMIT = 1.6


def corpus_site(count: int) -> Site:
    config = sample_config()
    tags = {key: Tag(key, ja, en, terms) for key, ja, en, terms in TAGS}
    articles = tuple(
        DigestArticle(
            slug=article.slug, title=article.title, date=article.date, lead=article.lead, tags=article.tags,
            key_points=article.key_points, intro=article.intro, outro=article.outro, conclusion=article.conclusion,
            sections=tuple(
                Section(
                    heading=section.heading, question=section.question, answer=section.answer,
                    comments=section.comments, body=section.body, reaction=section.reaction,
                    sources=(
                        SourceCard(
                            url=section.source.url, title=section.source.title, publisher=section.source.publisher,
                            published=section.source.published, summary=section.source.summary,
                            off_topic=section.source.off_topic, comments=section.source_comments,
                        ),
                    ),
                )
                for section in article.sections
            ),
        )
        for article in generate(count)
    )
    return Site(config=dataclasses.replace(config, tags=tags), articles=articles)


def _steps(site: Site) -> dict[str, Callable[[], object]]:
    articles: list[Article] = list(site.articles)
    tag_views = {key: TagView.build(tag) for key, tag in site.config.tags.items()}
    summaries = {
        article.slug: build_summary_view(article, tuple(tag_views[key] for key in article.tags)) for article in articles
    }
    feed_items = {article.slug: FeedItem(article, None, summaries[article.slug].tags) for article in articles}
    links = {article.slug: ArticleLinkView.build(article) for article in articles}

    def builder() -> PageBuilder:
        return PageBuilder(site.config, SiteView.build(site.config))

    return {
        "related articles": lambda: related_articles(articles),
        "sources + outlet pages": lambda: sources_pages(builder(), articles, links, feed_items),
        "archive + month pages": lambda: archive_pages(builder(), articles, summaries),
        "whole plan": lambda: plan_site(site),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = (args.articles, args.articles * 4)
    sites = {size: corpus_site(size) for size in sizes}
    steps = {size: _steps(site) for size, site in sites.items()}
    best: dict[tuple[int, str], float] = {}
    for _ in range(args.rounds):
        for size in sizes:  # alternating: both sizes see the same machine load
            for name, step in steps[size].items():
                # As timeit does: the collector's passes over a larger heap are not the step's cost.
                gc.collect()
                gc.disable()
                start = time.perf_counter()
                step()
                elapsed = time.perf_counter() - start
                gc.enable()
                key = (size, name)
                best[key] = min(best.get(key, elapsed), elapsed)
    failed = False
    small, large = sizes
    print(f"{'step':<24}{'µs/article @' + str(small):>18}{'µs/article @' + str(large):>18}{'ratio':>8}")
    for name in steps[small]:
        per_small = best[(small, name)] / small * 1e6
        per_large = best[(large, name)] / large * 1e6
        ratio = per_large / per_small
        failed |= ratio > LINEAR_RATIO_LIMIT and name != "whole plan"
        print(f"{name:<24}{per_small:>18.1f}{per_large:>18.1f}{ratio:>8.2f}")
    for size, site in sites.items():
        pages = plan_site(site)
        new = sum(page.template in ("sources.html", "outlet.html", "archive.html", "month.html") for page in pages)
        print(f"{size} articles: {len(pages)} pages, of which {new} sources/outlet/archive/month pages")
    if failed:
        print(f"a step grew faster than linearly (ratio above {LINEAR_RATIO_LIMIT})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
