"""The sources: ``sources/`` lists every outlet the digest cites with its article count;
``sources/<key>/`` lists that outlet's cited pages, each with the articles citing it.

Both are built from one pass over every source card (:func:`kiku.render.planning.lists.outlets.citations`),
newest article first, and paginated: time and pages grow linearly with the cards.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kiku.content.model import Article, DigestArticle, SourceCard
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.feeds import feed_page
from kiku.render.pages.pagination import ListPage, numbered_title, paginate
from kiku.render.planning.lists.outlets import Citation, Outlet, citations
from kiku.render.planning.urls import PlanError, outlet_feed_url, outlet_url, page_path, sources_url
from kiku.render.views.browse import ArticleLinkView, CitedCardView, OutletCountView
from kiku.render.views.feeds import FeedItem
from kiku.render.views.metadata import FeedLinkView
from kiku.render.views.page import DateView, http_url

# Entries per page of the dense lists (outlets, cited pages): short lines, so more than articles.
OUTLETS_PER_PAGE = 100
CARDS_PER_PAGE = 30
SOURCES_TITLE = "出典メディア一覧"


@dataclass(slots=True)
class CitedCard:
    """One cited page of an outlet and the articles citing it, newest first."""

    card: SourceCard
    articles: list[DigestArticle] = field(default_factory=list)


@dataclass(slots=True)
class OutletCitations:
    """One outlet, its cited pages and the articles citing it."""

    outlet: Outlet
    cards: dict[str, CitedCard] = field(default_factory=dict)  # by URL, in order of first citation
    articles: list[DigestArticle] = field(default_factory=list)  # newest first, each once

    @property
    def article_count(self) -> int:
        return len(self.articles)


def outlet_index(every_citation: Iterable[Citation]) -> list[OutletCitations]:
    """Outlets in order of their newest citing article, each with its cited pages; ``cited``: every
    citation of every article, newest article first (:func:`kiku.render.planning.lists.outlets.citations`)."""
    outlets: dict[str, OutletCitations] = {}
    for citation in every_citation:
        key = citation.outlet.key
        cited = outlets.get(key)
        if cited is None:
            cited = outlets[key] = OutletCitations(citation.outlet)
        elif cited.outlet.identity != citation.outlet.identity:
            raise PlanError(
                f"outlets {cited.outlet.name!r} and {citation.outlet.name!r} have the same key {key!r}:"
                " rename one publisher in its source card"
            )
        card = cited.cards.setdefault(citation.card.url, CitedCard(citation.card))
        card.articles.append(citation.article)
        # An article's citations come one after another: comparing with the last one is enough.
        if not cited.articles or cited.articles[-1] is not citation.article:
            cited.articles.append(citation.article)
    return list(outlets.values())


def card_view(cited: CitedCard, links: Mapping[str, ArticleLinkView]) -> CitedCardView:
    card = cited.card
    return CitedCardView(
        title=card.title or card.url,
        title_is_url=not card.title,
        href=http_url(card.url),
        url_text=card.url,
        published=DateView.build(card.published) if card.published else None,
        articles=tuple(links[article.slug] for article in cited.articles),
    )


def sources_pages(
    builder: PageBuilder,
    articles: Sequence[Article],
    links: Mapping[str, ArticleLinkView],
    feed_items: Mapping[str, FeedItem],
) -> list[Page]:
    """``sources/`` (most-cited outlet first), every outlet's pages and its Atom feed of the
    articles citing it (``links`` and ``feed_items``: every article's, by slug)."""
    outlets = outlet_index(citations(articles))
    pages = sources_index_pages(builder, outlets)
    for cited in outlets:
        pages.extend(outlet_pages(builder, cited, links))
        pages.append(outlet_feed(builder, cited, [feed_items[article.slug] for article in cited.articles]))
    return pages


def sources_index_pages(builder: PageBuilder, outlets: Sequence[OutletCitations]) -> list[Page]:
    """``sources/`` and its further pages: most cited outlet first; among equals, the one cited
    most recently (``outlets`` is in that order)."""
    by_count = sorted(outlets, key=lambda cited: -cited.article_count)
    counts = [
        OutletCountView(
            name=cited.outlet.name,
            path=page_path(outlet_url(cited.outlet.key)),
            articles=cited.article_count,
            cards=len(cited.cards),
        )
        for cited in by_count
    ]
    newest_dates = [next(iter(cited.cards.values())).articles[0].date for cited in by_count]
    pages = []
    for listing in paginate(counts, newest_dates, OUTLETS_PER_PAGE, sources_url):
        pagination = listing.pagination
        pages.append(
            builder.page(
                listing.url, "sources.html", numbered_title(SOURCES_TITLE, pagination.number, pagination.total),
                nav="sources",
                description=f"このダイジェストが引用した出典メディア（{len(counts)}件）と引用した記事の数",
                lastmod=listing.lastmod, outlets=listing.items, outlet_total=len(counts), pagination=pagination,
            )
        )
    return pages


def outlet_feed(builder: PageBuilder, cited: OutletCitations, items: Sequence[FeedItem]) -> Page:
    """The Atom feed of the articles citing ``cited``'s outlet (``items``: theirs, newest first)."""
    outlet = cited.outlet
    title = f"{builder.config.title}: {outlet.name}を出典とする記事"
    return feed_page(builder, outlet_feed_url(outlet.key), outlet_url(outlet.key), title, None, tuple(items))


def outlet_pages(builder: PageBuilder, cited: OutletCitations, links: Mapping[str, ArticleLinkView]) -> list[Page]:
    """Every page of ``cited``'s outlet."""
    cards = list(cited.cards.values())
    return [
        outlet_page(builder, cited, listing)
        for listing in paginate(
            [card_view(card, links) for card in cards], [card.articles[0].date for card in cards],
            CARDS_PER_PAGE, functools.partial(outlet_url, cited.outlet.key),
        )
    ]


def outlet_page(builder: PageBuilder, cited: OutletCitations, listing: ListPage[CitedCardView]) -> Page:
    """One page of an outlet's cited pages; its context is made when rendered (``LazyContext``)."""
    return builder.lazy_page(
        listing.url, "outlet.html", outlet_context, cited.outlet, cited.article_count, len(cited.cards), listing,
        lastmod=listing.lastmod,
    )


def outlet_context(
    builder: PageBuilder, outlet: Outlet, article_count: int, card_count: int, listing: ListPage[CitedCardView]
) -> Mapping[str, object]:
    feed = FeedLinkView(f"{outlet.name}を出典とする記事", page_path(outlet_feed_url(outlet.key)))
    pagination = listing.pagination
    return builder.context(
        listing.url, numbered_title(f"出典: {outlet.name}", pagination.number, pagination.total),
        nav="sources", description=f"{outlet.name}を出典とする記事（{article_count}件）",
        feeds=(feed,), feed_path=feed.path, outlet_name=outlet.name,
        article_count=article_count, card_count=card_count, cards=listing.items, pagination=pagination,
    )
