"""What every kind of page shows of one article, derived once per article object.

An edited article gets new facets; each one equal to the last is replaced by the last one, so
that the planner finds what changed by identity (``is``) and the pages showing an unchanged facet
are not planned again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from kiku.content.model import Article
from kiku.render.pages.article import article_description
from kiku.render.planning.lists.outlets import Citation, citations
from kiku.render.planning.lists.related import Feature, article_features
from kiku.render.planning.urls import PlanError
from kiku.render.views.browse import ArticleLinkView
from kiku.render.views.feeds import FeedItem
from kiku.render.views.listing import ArticleSummaryView, build_summary_view
from kiku.render.views.page import TagView

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ArticleFacets:
    """One article and what pages show of it."""

    article: Article
    date: dt.date  # the article's (a field, not a property: lists read it with C-level attrgetter)
    tags: tuple[TagView, ...]  # in the article's order, each once
    summary: ArticleSummaryView  # its entry in the home, tag and month lists
    link: ArticleLinkView  # a link to it: older/newer, related, the outlet pages citing it
    description: str | None  # its page's and feed entries' description
    feed_item: FeedItem  # its entry in the feeds
    cited: tuple[Citation, ...]  # its source cards with their outlets
    features: tuple[Feature, ...]  # what related articles are found by


def tags_of(article: Article, tag_views: Mapping[str, TagView]) -> tuple[TagView, ...]:
    """The views of ``article``'s tags; a tag outside the vocabulary is a PlanError."""
    try:
        return tuple(tag_views[key] for key in dict.fromkeys(article.tags))
    except KeyError as error:
        raise PlanError(f"article {article.slug!r}: tag {error} is not in the site.yaml vocabulary") from None


def article_facets(
    article: Article, tag_views: Mapping[str, TagView], last: ArticleFacets | None
) -> ArticleFacets:
    """The facets of ``article``, each one equal to ``last``'s (the same slug's) being ``last``'s."""
    tags = _same(tags_of(article, tag_views), last.tags if last else None)
    summary = _same(build_summary_view(article, tags), last.summary if last else None)
    description = article_description(summary)
    feed_item = FeedItem(article, description, tags)
    # A feed entry shows the article's slug, title and date, its description and tags.
    if last is not None and _feed_key(feed_item) == _feed_key(last.feed_item):
        feed_item = last.feed_item
    cited = tuple(citations((article,)))
    if last is not None and article.date == last.date and _cards(cited) == _cards(last.cited):
        # The same cards, outlets and date: the outlet index, which holds the old citations, stays right.
        cited = last.cited
    return ArticleFacets(
        article=article,
        date=article.date,
        tags=tags,
        summary=summary,
        link=_same(ArticleLinkView.build(article), last.link if last else None),
        description=description,
        feed_item=feed_item,
        cited=cited,
        features=_same(article_features(article, cited), last.features if last else None),
    )


def _same(new: T, old: T | None) -> T:
    return old if old is not None and old == new else new


def _feed_key(item: FeedItem) -> tuple[object, ...]:
    article = item.article
    return article.slug, article.title, article.date, item.description, item.tags


def _cards(cited: tuple[Citation, ...]) -> tuple[object, ...]:
    return tuple((citation.card, citation.outlet) for citation in cited)
