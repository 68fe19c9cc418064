"""Article views reused from one plan to the next, for ``kiku serve``'s re-plan on every save.

Views are pure functions of a frozen article and its tag views, so a view built for an article
object stays right for as long as the same object comes back with equal tags. The preview
keeps the objects of unchanged files, so planning 1,000 articles after one save builds one
article's views, and unchanged pages compare equal by identity, fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from kiku.content.model import Article
from kiku.render.views import TagView

ArticleT = TypeVar("ArticleT", bound=Article)
ViewT = TypeVar("ViewT")


class ArticleViews:
    """The last view each builder made for each article slug."""

    def __init__(self) -> None:
        self._built: dict[tuple[object, str], tuple[Article, tuple[TagView, ...], object]] = {}

    def view(
        self, builder: Callable[[ArticleT, tuple[TagView, ...]], ViewT], article: ArticleT, tags: tuple[TagView, ...]
    ) -> ViewT:
        """``builder(article, tags)``, or the view it returned for this very article object before."""
        key = (builder, article.slug)
        last = self._built.get(key)
        if last is not None and last[0] is article and last[1] == tags:
            return cast(ViewT, last[2])
        built = builder(article, tags)
        self._built[key] = (article, tags, built)
        return built
