"""Which process renders which page (kiku/render/writing/parallel/shares.py): every page exactly once, each
kind of page shared out evenly, and the pages showing the same articles in the same process."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_site
from kiku.render.pages.builder import LazyContext
from kiku.render.pages.pagination import ListPage
from kiku.render.planning.plan import Page, plan_site
from kiku.render.planning.urls import page_path
from kiku.render.views.listing import ArticleSummaryView
from kiku.render.writing.parallel.shares import page_shares
from tests.support.paths import REPO


def _pages(count: int, template: str, url: str) -> list[Page]:
    return [Page(url.format(number), template, {}) for number in range(1, count + 1)]


def _site() -> list[Page]:
    home = [Page("", "index.html", {}), *_pages(9, "index.html", "page/{}/")[1:]]
    articles = _pages(10, "article.html", "articles/a{}/")
    tags = [
        *(Page(f"tags/{tag}/" if number == 1 else f"tags/{tag}/page/{number}/", "tag.html", {})
          for tag, count in (("long", 6), ("pair", 2)) for number in range(1, count + 1)),
        *_pages(3, "tag.html", "tags/single{}/"),
    ]
    return [*home, *articles, *tags, Page("sitemap.xml", "sitemap.xml", {})]


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_every_page_once_and_each_kind_evenly(processes: int) -> None:
    pages = _site()
    shares = page_shares(pages, processes)
    assert len(shares) == processes
    assert sorted(index for share in shares for index in share) == list(range(len(pages)))
    assert all(share == sorted(share) for share in shares)  # plan order within a share
    for template in ("index.html", "article.html"):
        counts = Counter(sum(pages[index].template == template for index in share) for share in shares)
        assert max(counts) - min(counts) <= 1, (template, counts)


def test_runs_of_articles_and_of_each_series_stay_together() -> None:
    pages = _site()
    first, second = ([pages[index].url for index in share] for share in page_shares(pages, 2))
    # The newer half of the articles (and the home pages listing them) in one process, the older in the other.
    assert [url for url in first if url.startswith("articles/")] == [f"articles/a{n}/" for n in range(1, 6)]
    assert [url for url in second if url.startswith("articles/")] == [f"articles/a{n}/" for n in range(6, 11)]
    assert [url for url in first if url.startswith("page/") or url == ""] == ["", "page/2/", "page/3/", "page/4/", "page/5/"]
    # A tag's first pages (its newer articles) with the newer articles, its later ones with the older.
    assert [url for url in first if url.startswith("tags/long/")] == ["tags/long/", "tags/long/page/2/",
                                                                       "tags/long/page/3/"]
    assert [url for url in first if url.startswith("tags/pair/")] == ["tags/pair/"]
    # Tags of a single page are shared out as one run.
    assert [url for url in first if url.startswith("tags/single")] == ["tags/single1/", "tags/single2/"]


def _corpus_pages(tmp_path: Path, articles: int) -> list[Page]:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # its dataclasses look their module up there
    spec.loader.exec_module(corpus)
    corpus.write_corpus(tmp_path, articles)
    return list(plan_site(load_site(tmp_path)))


def _entries(page: Page) -> list[str]:
    """The articles whose entries ``page`` shows (home, tag, month pages)."""
    context = page.context
    assert isinstance(context, LazyContext)
    listings = [value for value in context.inputs if isinstance(value, ListPage)]
    return [item.path for listing in listings for item in listing.items if isinstance(item, ArticleSummaryView)]


def test_an_articles_entry_is_rendered_by_the_process_rendering_its_page(tmp_path: Path) -> None:
    pages = _corpus_pages(tmp_path, 240)
    shares = page_shares(pages, 2)
    process = {pages[index].url: number for number, share in enumerate(shares) for index in share}
    owner = {page_path(page.url): process[page.url] for page in pages if page.template == "article.html"}
    assert Counter(owner.values()) == {0: 120, 1: 120}
    lists = [page for page in pages if page.template in ("index.html", "tag.html", "month.html")]
    rendered_by: dict[str, set[int]] = {path: {number} for path, number in owner.items()}
    for page in lists:
        for path in _entries(page):
            rendered_by[path].add(process[page.url])
    twice = sorted(path for path, numbers in rendered_by.items() if len(numbers) > 1)
    # Only the articles on pages straddling the cut between the newer and the older half are shown
    # in both processes: here 75 of 240 (a tag of 2 pages spans months), 125 of 2,000 on the bench's
    # corpus. Cut by each series' own length (the older half of every month and tag to the other
    # process from the home pages listing the same articles), 148 of 240, and 1,075 of 2,000.
    assert len(twice) <= len(owner) // 3, twice
