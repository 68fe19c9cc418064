"""Which process renders which page: pages that show the same articles go to the same process.

Each process keeps its own caches of what pages share (an article's phrases, its entry on the
lists, kiku/render/writing/templating/fragments.py), so a page rendered where the other pages showing its
articles are costs less. The articles are cut into runs by their order in the plan (newest first):
the first process owns the newest articles, the next the older ones, and so on. An article's page
goes to its owner; a list page (the home page's, a tag's, a month's, an outlet's, a feed) to the
owner of the middle one of the articles it shows, so each entry is rendered by one process but on
the few pages that straddle a cut. Cutting each series of pages by its own length instead (a
tag's first pages to one process, its later ones to another) put the older half of every month
and tag in the other process from the home pages listing the same articles: a third of the
entries, and half of the phrases, were made twice.

Pages that show no article (the tags index, the sitemap, …), and those whose articles are not
known (a context that is not a ``LazyContext``), are cut as before: a series of pages (a tag's
pages 1…n, the home page's) by its own length; pages alone in their series as one run per
template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from statistics import median_low

from kiku.render.pages.builder import LazyContext
from kiku.render.pages.pagination import ListPage
from kiku.render.planning.plan import Page
from kiku.render.planning.urls import article_url, page_path
from kiku.render.views.feeds import FeedItem

_LATER_PAGE = re.compile(r"page/\d+/$")  # ``…/page/2/``: the second page of the series ``…/``
_ARTICLE_PAGE = re.compile(r"articles/[^/]+/")  # kiku.render.planning.urls.article_url


def page_shares(pages: Sequence[Page], processes: int) -> list[list[int]]:
    """The indices of ``pages`` each of ``processes`` processes renders, in plan order in each."""
    shares: list[list[int]] = [[] for _ in range(processes)]
    if processes <= 1:
        shares[0].extend(range(len(pages)))
        return shares
    articles = [page_path(page.url) for page in pages if _ARTICLE_PAGE.fullmatch(page.url)]
    rank = {path: place for place, path in enumerate(articles)}
    owner: list[int | None] = []
    for page in pages:
        shown = [rank[path] for path in _shown_articles(page) if path in rank]
        owner.append(median_low(shown) * processes // len(articles) if shown else None)
    _share_series(pages, owner, processes)
    for index, share in enumerate(owner):
        shares[share if share is not None else 0].append(index)
    return shares


def _shown_articles(page: Page) -> Iterator[str]:
    """The paths (``page_path``) of the articles ``page`` shows: its own for an article's page,
    the entries of a list page. Only a page whose context is made from its inputs is looked into."""
    if _ARTICLE_PAGE.fullmatch(page.url):
        yield page_path(page.url)
        return
    context = page.context
    if not isinstance(context, LazyContext):
        return
    for value in context.inputs:
        if isinstance(value, ListPage):
            for item in value.items:
                path = getattr(item, "path", None)
                if isinstance(path, str):
                    yield path
                for link in getattr(item, "articles", ()):  # an outlet's cited page: the articles citing it
                    link_path = getattr(link, "path", None)
                    if isinstance(link_path, str):
                        yield link_path
        elif isinstance(value, tuple):  # a feed's items
            for item in value:
                if isinstance(item, FeedItem):
                    yield page_path(article_url(item.article.slug))


def _share_series(pages: Sequence[Page], owner: list[int | None], processes: int) -> None:
    """Give the pages without an owner one: each series of them cut by its length, the pages alone
    in their series as one run per template."""
    series: dict[tuple[str, str], list[int]] = {}
    for index, page in enumerate(pages):
        if owner[index] is None:
            series.setdefault((page.template, _LATER_PAGE.sub("", page.url)), []).append(index)
    runs: dict[str, list[int]] = {}  # by template: the pages alone in a series shorter than ``processes``
    for (template, _), members in series.items():
        if len(members) < processes:
            runs.setdefault(template, []).extend(members)
            continue
        for position, index in enumerate(members):
            owner[index] = position * processes // len(members)
    for members in runs.values():
        for position, index in enumerate(members):
            owner[index] = position * processes // len(members)
