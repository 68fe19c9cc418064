"""Two pages that would be one file: refused before anything is written."""

from __future__ import annotations

from collections.abc import Sequence

from kiku.content.model import Article
from kiku.render.pages.article import article_template
from kiku.render.pages.builder import Page
from kiku.render.planning.urls import PlanError, article_url


def refuse_twins(articles: Sequence[Article]) -> None:
    """Two articles with one slug would be one page: a URL collision, said as ``check_collisions`` says it."""
    seen: dict[str, Article] = {}
    for article in articles:
        other = seen.get(article.slug)
        if other is not None:  # the same article listed twice too
            url = article_url(article.slug)
            raise PlanError(
                f"URL collision: {url!r} ({article_template(article)}) and {url!r} ({article_template(other)})"
                " would be written to the same file"
            )
        seen[article.slug] = article


def check_collisions(pages: Sequence[Page]) -> None:
    """Refuse two pages whose URLs would be one file."""
    # Compared case-folded: on macOS and Windows file systems ``Foo/`` and ``foo/`` are one folder.
    claimed: dict[str, Page] = {}
    for page in pages:
        key = page.url.casefold()
        if key in claimed:
            other = claimed[key]
            raise PlanError(
                f"URL collision: {page.url!r} ({page.template}) and {other.url!r} ({other.template})"
                " would be written to the same file"
            )
        claimed[key] = page
