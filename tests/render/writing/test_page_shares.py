"""Which process renders which page (kiku/render/writing/shares.py): every page exactly once, each
kind of page shared out evenly, and the pages showing the same articles in the same process."""

from __future__ import annotations

from collections import Counter

import pytest

from kiku.render.planning.plan import Page
from kiku.render.writing.shares import page_shares


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
