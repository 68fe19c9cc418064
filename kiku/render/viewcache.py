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
        self._built: dict[tuple[object, str], tuple[Article, tuple[TagView, ...], tuple[object, ...], object]] = {}

    def view(
        self,
        builder: Callable[..., ViewT],
        article: ArticleT,
        tags: tuple[TagView, ...],
        *context: object,
    ) -> ViewT:
        """``builder(article, tags, *context)``, or what it returned for this very article object before.

        ``context`` (the site config, a view built from the same article) is compared by identity:
        the preview keeps those objects while nothing they come from changes.
        """
        key = (builder, article.slug)
        last = self._built.get(key)
        if (
            last is not None
            and last[0] is article
            and last[1] == tags
            and len(last[2]) == len(context)
            and all(old is new for old, new in zip(last[2], context, strict=True))
        ):
            return cast(ViewT, last[3])
        built = builder(article, tags, *context)
        self._built[key] = (article, tags, context, built)
        return built
