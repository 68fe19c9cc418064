"""Views of the reader's ways around the site: breadcrumbs, previous/next and related articles,
the outlets index and pages, the monthly archive. Like the other views (:mod:`kiku.render.views.page`), every value is
precomputed: paths are site-relative (templates prefix ``root``), dates are ``DateView``."""

from __future__ import annotations

from dataclasses import dataclass

from kiku.content.model import Article
from kiku.records import quick_init
from kiku.render.planning.urls import article_url, page_path
from kiku.render.views.page import DateView


@quick_init
@dataclass(frozen=True, slots=True)
class ArticleLinkView:
    """A link to an article with its date: previous/next, related, the articles citing a card."""

    title: str
    path: str
    date: DateView

    @classmethod
    def build(cls, article: Article) -> ArticleLinkView:
        return cls(title=article.title, path=page_path(article_url(article.slug)), date=DateView.build(article.date))


@quick_init
@dataclass(frozen=True, slots=True)
class CrumbView:
    """One step of a breadcrumb; the last one (the page itself) has no path."""

    name: str
    path: str | None


@quick_init
@dataclass(frozen=True, slots=True)
class ArticleNavView:
    """The ways on from an article: ``older`` and ``newer`` by date, and the related articles."""

    older: ArticleLinkView | None
    newer: ArticleLinkView | None
    related: tuple[ArticleLinkView, ...]


@quick_init
@dataclass(frozen=True, slots=True)
class OutletCountView:
    """One line of /sources/: the outlet, how many articles cite it, how many of its pages they cite."""

    name: str
    path: str
    articles: int
    cards: int


@quick_init
@dataclass(frozen=True, slots=True)
class CitedCardView:
    """One page of an outlet cited by the digest, with the articles that cite it (newest first)."""

    title: str  # the card's title, or its URL when it has none (``title_is_url``)
    title_is_url: bool
    href: str | None
    url_text: str
    published: DateView | None
    articles: tuple[ArticleLinkView, ...]


@quick_init
@dataclass(frozen=True, slots=True)
class MonthView:
    """One line of /archive/: a month and how many articles it has."""

    label: str
    path: str
    count: int
