"""The site's lists, kept between plans: the home pages, the tags, the outlets and the archive.

``SiteGroups.replan`` is told which articles' facets changed (their last and new facets, and those
of removed articles) and whether anything moved in the date order (``moved``), changed its tags
(``regrouped``) or its source cards (``recited``). The indexes (tag → slugs, month → slugs, the
outlets' citations) are built again only then; the lists re-planned are those of the tags,
months and outlets the changed articles are (or were) in, and a list plans only its pages
whose entries changed (:mod:`kiku.render.planning.lists.listings`).

The indexes hold slugs, or (the outlets') the citations of the last time they were built: an
article whose date, tags and cards did not change has the same place in each of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Generic, TypeVar

from kiku.render.pages.archive import archive_index_pages, month_page
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.feeds import tag_feed
from kiku.render.pages.listing import home_page, tag_page, tags_index_page
from kiku.render.pages.pagination import ListPage
from kiku.render.pages.sources import (
    CARDS_PER_PAGE,
    OutletCitations,
    card_view,
    outlet_feed,
    outlet_index,
    outlet_page,
    sources_index_pages,
)
from kiku.render.planning.facets import ArticleFacets
from kiku.render.planning.lists.listings import Listing
from kiku.render.planning.urls import home_url, month_url, outlet_url, tag_url
from kiku.render.views.browse import ArticleLinkView, CitedCardView
from kiku.render.views.feeds import FEED_ENTRIES, FeedItem
from kiku.render.views.listing import ArticleSummaryView
from kiku.render.views.page import TagCountView

KeyT = TypeVar("KeyT")
_SUMMARY = operator.attrgetter("summary")
_DATE = operator.attrgetter("date")
_Month = tuple[int, int]


class _Kept(Generic[KeyT]):
    """A page (or pages) kept with what it was planned from; planned again when that differs."""

    def __init__(self) -> None:
        self.inputs: dict[KeyT, object] = {}
        self.pages: dict[KeyT, list[Page]] = {}

    def get(self, key: KeyT, inputs: object, plan: Callable[[], list[Page]]) -> list[Page]:
        if key not in self.pages or not _same(self.inputs[key], inputs):
            self.inputs[key], self.pages[key] = inputs, plan()
        return self.pages[key]

    def keep_only(self, keys: Iterable[KeyT]) -> None:
        kept = set(keys)
        for key in self.pages.keys() - kept:
            del self.pages[key], self.inputs[key]


class _Links(Mapping[str, ArticleLinkView]):
    """Slug → the article's link view, read from the facets."""

    def __init__(self, facets: Mapping[str, ArticleFacets]) -> None:
        self._facets = facets

    def __getitem__(self, slug: str) -> ArticleLinkView:
        return self._facets[slug].link

    def __iter__(self) -> Iterator[str]:
        return iter(self._facets)

    def __len__(self) -> int:
        return len(self._facets)


class ArticleListing(Listing[ArticleSummaryView]):
    """A list of articles, with the place of each in it."""

    def __init__(self) -> None:
        super().__init__()
        self.places: dict[str, int] = {}  # slug → its place in the list

    def refill(
        self,
        facets: Mapping[str, ArticleFacets],
        slugs: Sequence[str],
        touched: Sequence[ArticleFacets],
        rebuild: bool,
        per_page: int,
        url_of: Callable[[int], str],
        header: object,
        make: Callable[[ListPage[ArticleSummaryView]], Page],
    ) -> None:
        """Plan the list of ``slugs`` again: the whole list when ``rebuild`` (articles came, went or
        moved), else only the entries of the ``touched`` articles, in their places."""
        if rebuild or not self.pages:
            chosen = list(map(facets.__getitem__, slugs))
            self.places = {slug: place for place, slug in enumerate(slugs)}
            self.replan(list(map(_SUMMARY, chosen)), list(map(_DATE, chosen)), per_page, url_of, header, make)
            return
        entries = {}
        for facet in touched:
            slug = facet.article.slug
            place = self.places.get(slug)
            if place is not None and slug in facets:
                entries[place] = (facets[slug].summary, facets[slug].date)
        self.patch(entries, per_page, url_of, header, make)


class SiteGroups:
    """The lists of the last site planned (see the module docstring)."""

    def __init__(self, builder: PageBuilder, record: Callable[[Callable[[], list[Page]]], list[Page]]) -> None:
        """``record``: how the planner makes pages (it keeps each page's sitemap entry)."""
        self._builder = builder
        self._record = record
        self.home = ArticleListing()
        self._fresh = True
        self._tagged: dict[str, list[str]] = {}
        self._used_tags: tuple[TagCountView, ...] = ()
        self._tag_lists: dict[str, ArticleListing] = {}
        self._tags_index: _Kept[str] = _Kept()
        self._tag_feeds: _Kept[str] = _Kept()
        self._months: dict[_Month, list[str]] = {}
        self._month_lists: dict[_Month, ArticleListing] = {}
        self._archive_index: _Kept[str] = _Kept()
        self._outlets: list[OutletCitations] = []
        self._card_places: dict[str, dict[str, list[int]]] = {}  # slug → outlet key → its cards' places
        self._outlet_lists: dict[str, Listing[CitedCardView]] = {}
        self._outlet_feeds: _Kept[str] = _Kept()
        self._sources_index: _Kept[str] = _Kept()

    def replan(
        self,
        facets: Mapping[str, ArticleFacets],
        listed: Sequence[ArticleFacets],
        cited: Sequence[ArticleFacets],
        *,
        regrouped: bool,
        recited: bool,
        moved: bool,
    ) -> None:
        """Plan again what the changed articles reach: ``listed`` are the last and new facets (and
        those of removed articles) that article lists show, ``cited`` those the outlet pages show;
        ``facets``: every article's, newest first."""
        fresh, self._fresh = self._fresh, False
        builder = self._builder
        config = builder.config
        if listed or fresh:
            self.home.refill(
                facets, list(facets), listed, moved or fresh, config.per_page, home_url, None, self._home_page
            )
        self._replan_tags(facets, listed, regrouped or fresh, fresh)
        self._replan_archive(facets, listed, moved or fresh, fresh)
        self._replan_outlets(facets, cited, recited or fresh, fresh)

    def _replan_tags(
        self, facets: Mapping[str, ArticleFacets], touched: Sequence[ArticleFacets], regroup: bool, everything: bool
    ) -> None:
        builder = self._builder
        if regroup:
            tagged: dict[str, list[str]] = {key: [] for key in builder.config.tags}
            for slug, facet in facets.items():
                for tag in facet.tags:
                    tagged[tag.key].append(slug)
            self._tagged = tagged
            tag_views = {tag.key: tag for facet in facets.values() for tag in facet.tags}
            self._used_tags = tuple(
                TagCountView(tag=tag_views[key], count=len(slugs)) for key, slugs in tagged.items() if slugs
            )
        newest = next(iter(facets.values())).date if facets else None
        used_tags = self._used_tags
        self._tags_index.get(
            "", (used_tags, newest), lambda: self._record(lambda: [tags_index_page(builder, used_tags, newest)])
        )
        keys = {tag.key for facet in touched for tag in facet.tags}
        for tag_count in self._used_tags:
            key = tag_count.tag.key
            if not everything and key not in keys:
                continue
            slugs = self._tagged[key]
            listing = self._tag_lists.setdefault(key, ArticleListing())
            listing.refill(
                facets, slugs, touched, regroup, builder.config.per_page, functools.partial(tag_url, key), tag_count,
                functools.partial(self._tag_page, tag_count),
            )
            items = tuple(facets[slug].feed_item for slug in slugs[:FEED_ENTRIES])
            self._tag_feeds.get(key, items, functools.partial(self._tag_feed, tag_count, items))
        used = [tag_count.tag.key for tag_count in self._used_tags]
        for key in self._tag_lists.keys() - set(used):
            del self._tag_lists[key]
        self._tag_feeds.keep_only(used)

    def _one(self, make: Callable[[], Page]) -> Page:
        return self._record(lambda: [make()])[0]

    def _home_page(self, listing: ListPage[ArticleSummaryView]) -> Page:
        return self._one(lambda: home_page(self._builder, listing))

    def _tag_page(self, tag_count: TagCountView, listing: ListPage[ArticleSummaryView]) -> Page:
        return self._one(lambda: tag_page(self._builder, tag_count, listing))

    def _tag_feed(self, tag_count: TagCountView, items: tuple[FeedItem, ...]) -> list[Page]:
        return [self._one(lambda: tag_feed(self._builder, tag_count.tag, items))]

    def _month_page(self, year: int, month: int, count: int, listing: ListPage[ArticleSummaryView]) -> Page:
        return self._one(lambda: month_page(self._builder, year, month, count, listing))

    def _outlet_page(self, cited: OutletCitations, listing: ListPage[CitedCardView]) -> Page:
        return self._one(lambda: outlet_page(self._builder, cited, listing))

    def _outlet_feed(self, cited: OutletCitations, items: tuple[FeedItem, ...]) -> list[Page]:
        return [self._one(lambda: outlet_feed(self._builder, cited, items))]

    def _replan_archive(
        self, facets: Mapping[str, ArticleFacets], touched: Sequence[ArticleFacets], regroup: bool, everything: bool
    ) -> None:
        builder = self._builder
        if regroup:
            months: dict[_Month, list[str]] = {}
            for slug, facet in facets.items():
                months.setdefault((facet.date.year, facet.date.month), []).append(slug)
            self._months = months
        counts = tuple(
            (year, month, len(slugs), facets[slugs[0]].date) for (year, month), slugs in self._months.items()
        )
        article_count = len(facets)
        self._archive_index.get(
            "", (counts, article_count),
            functools.partial(self._record, lambda: archive_index_pages(builder, counts, article_count)),
        )
        keys = {(facet.date.year, facet.date.month) for facet in touched}
        for key, slugs in self._months.items():
            if not everything and key not in keys:
                continue
            listing = self._month_lists.setdefault(key, ArticleListing())
            year, month = key
            count = len(slugs)
            listing.refill(
                facets, slugs, touched, regroup, builder.config.per_page, functools.partial(month_url, year, month),
                count, functools.partial(self._month_page, year, month, count),
            )
        for key in self._month_lists.keys() - self._months.keys():
            del self._month_lists[key]

    def _replan_outlets(
        self,
        facets: Mapping[str, ArticleFacets],
        touched: Sequence[ArticleFacets],
        reindex: bool,
        everything: bool,
    ) -> None:
        builder = self._builder
        if reindex:
            self._outlets = outlet_index(citation for facet in facets.values() for citation in facet.cited)
            counts = tuple(
                (cited.outlet, cited.article_count, len(cited.cards), next(iter(cited.cards.values())).articles[0].date)
                for cited in self._outlets
            )
            self._sources_index.get(
                "", counts, functools.partial(self._record, lambda: sources_index_pages(builder, self._outlets))
            )
            self._card_places = _card_places(self._outlets)
        keys = {citation.outlet.key for facet in touched for citation in facet.cited}
        touched_slugs = {facet.article.slug for facet in touched}
        links = _Links(facets)
        for cited in self._outlets:
            key = cited.outlet.key
            if not everything and key not in keys:
                continue
            listing = self._outlet_lists.setdefault(key, Listing())
            cards = list(cited.cards.values())
            if reindex or not listing.pages:
                last_views = {view.url_text: view for view in listing.items}
                views = [_same_view(card_view(card, links), last_views.get(card.card.url)) for card in cards]
                dates: Sequence[dt.date | None] = [card.articles[0].date for card in cards]
            else:  # the same cards in the same order: the views of the touched articles' cards change
                views, dates = list(listing.items), listing.dates
                for slug in touched_slugs:
                    for number in self._card_places.get(slug, {}).get(key, ()):
                        views[number] = _same_view(card_view(cards[number], links), views[number])
            listing.replan(
                views, dates, CARDS_PER_PAGE,
                functools.partial(outlet_url, key), (cited.outlet, cited.article_count, len(cards)),
                functools.partial(self._outlet_page, cited),
            )
            items = tuple(facets[article.slug].feed_item for article in cited.articles[:FEED_ENTRIES])
            self._outlet_feeds.get(key, items, functools.partial(self._outlet_feed, cited, items))
        present = [cited.outlet.key for cited in self._outlets]
        for key in self._outlet_lists.keys() - set(present):
            del self._outlet_lists[key]
        self._outlet_feeds.keep_only(present)

    def tag_pages(self) -> list[Page]:
        """``tags/`` and every tag's pages, in the vocabulary's order."""
        pages = list(self._tags_index.pages[""])
        for tag_count in self._used_tags:
            pages.extend(self._tag_lists[tag_count.tag.key].pages)
        return pages

    def tag_feeds(self) -> list[Page]:
        return [page for tag_count in self._used_tags for page in self._tag_feeds.pages[tag_count.tag.key]]

    def source_pages(self) -> list[Page]:
        """``sources/``, and every outlet's pages followed by its feed, most recently cited first."""
        pages = list(self._sources_index.pages[""])
        for cited in self._outlets:
            key = cited.outlet.key
            pages.extend(self._outlet_lists[key].pages)
            pages.extend(self._outlet_feeds.pages[key])
        return pages

    def archive_pages(self) -> list[Page]:
        pages = list(self._archive_index.pages[""])
        for key in self._months:
            pages.extend(self._month_lists[key].pages)
        return pages


def _same(old: object, new: object) -> bool:
    """Inputs compared item by item by identity when they are tuples of objects, else by equality."""
    if isinstance(old, tuple) and isinstance(new, tuple):
        return len(old) == len(new) and all(a is b or a == b for a, b in zip(old, new, strict=True))
    return old == new


def _card_places(outlets: Sequence[OutletCitations]) -> dict[str, dict[str, list[int]]]:
    """Slug → outlet key → the places, in the outlet's list of cited pages, of the cards the article cites."""
    places: dict[str, dict[str, list[int]]] = {}
    for cited in outlets:
        key = cited.outlet.key
        for number, card in enumerate(cited.cards.values()):
            for article in card.articles:
                places.setdefault(article.slug, {}).setdefault(key, []).append(number)
    return places


def _same_view(view: CitedCardView, old: CitedCardView | None) -> CitedCardView:
    return old if old is not None and old == view else view

