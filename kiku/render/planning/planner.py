"""The site's plan, kept from one site to the next: only the pages a change reaches are planned again.

``SitePlanner.plan(site)`` returns every page, as ``plan_site`` always did, in the same order. The
first call plans everything. A later call finds the articles whose object changed (the loaders keep
the objects of unchanged files), derives their facets (:mod:`kiku.render.planning.facets`) and
compares each with the last one, then plans again:

* an article whose own page shows something else (its body, its title…), and the pages showing
  its link where that changed: the older and newer article, the articles listing it as related,
  its outlets' pages;
* the lists showing its summary: the home page(s), its tags' pages, its month's pages;
* the feeds listing it among their newest entries;
* and for a change of place or grouping (an article added or removed, a date, tags or sources
  changed): the tag, month and outlet indexes again, with the related articles of just the
  articles that change can reach (:class:`kiku.render.planning.lists.related.RelatedIndex`).

Inside a list only the pages whose entries are not the very same objects are planned again
(:mod:`kiku.render.planning.lists.listings`), and the sitemap is put together from every page's entry
(split into an index and parts past one file's limits: :mod:`kiku.render.pages.sitemap`).
A new site configuration, or a plan that failed, plans everything again the next time.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from kiku.content.model import Article, Site, SiteConfig
from kiku.content.reading.open_warnings import OpenWarning
from kiku.render.pages.article import article_page
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.feeds import site_feed
from kiku.render.pages.search import search_page
from kiku.render.pages.sitemap import DEFAULT_LIMITS, SitemapLimits, sitemap_pages
from kiku.render.planning.changes import other_objects, renumbered, same_items, stand_ins, touched
from kiku.render.planning.collisions import check_collisions, refuse_twins
from kiku.render.planning.facets import ArticleFacets, article_facets
from kiku.render.planning.lists.groups import SiteGroups
from kiku.render.planning.lists.related import RelatedIndex
from kiku.render.planning.store.related_store import RelatedStore
from kiku.render.planning.urls import (
    NOT_FOUND_URL,
    ROBOTS_URL,
    SITEMAP_URL,
    PlanError,
    base_path,
    canonical_url,
)
from kiku.render.views.browse import ArticleNavView
from kiku.render.views.feeds import FEED_ENTRIES, FeedItem, SitemapEntryView
from kiku.render.views.page import SiteView, TagView


@dataclass(frozen=True, slots=True)
class Plan:
    """Every page of a site, and which of them this plan made anew (the others are the last plan's
    very objects)."""

    pages: tuple[Page, ...]
    planned: tuple[Page, ...]  # the pages planned anew (among them every page not in the last plan)
    # What stands for an article and the views made of it alone in a page's fingerprint: its content
    # key (``Site.content_keys``), by the object's id (the object is kept, so that the id stays its).
    stand_ins: Mapping[int, tuple[object, bytes]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _ArticlePageInput:
    facets: ArticleFacets
    navigation: ArticleNavView
    warnings: tuple[OpenWarning, ...]


class SitePlanner:
    """Plans sites one after another, each time re-planning what changed since the last one."""

    def __init__(
        self,
        *,
        share_cards: bool = False,
        related_store: RelatedStore | None = None,
        sitemap_limits: SitemapLimits | None = None,
    ) -> None:
        """``share_cards``: every page names a share card as its ``og:image`` (see ``plan_site``);
        ``related_store``: where the related articles of the last build are kept (``kiku build``);
        ``sitemap_limits``: what one sitemap file may hold (``DEFAULT_LIMITS``, the protocol's, unless given)."""
        self._share_cards = share_cards
        self._related_store = related_store
        self._sitemap_limits = sitemap_limits if sitemap_limits is not None else DEFAULT_LIMITS
        self._config: SiteConfig | None = None

    @property
    def share_cards(self) -> bool:
        """Whether every page names a share card (a planner kept for a site with or without them
        plans for that site only)."""
        return self._share_cards

    def parts(self) -> Iterator[object]:
        """What a store writes before the planner itself (:mod:`kiku.render.planning.store.plan_pickle`),
        a few at a time: every article's facets, then every page (what the rest of it refers to most)."""
        if self._config is not None:
            yield from self._facets.values()
            yield from self._pages

    def forget(self) -> None:
        """Let go of everything the last plan was made from (its pages stay whole): a build's
        planner, once stored, before the pages' processes fork. The next plan is whole."""
        for name in [name for name in vars(self) if name not in _SETTINGS]:
            delattr(self, name)  # the lists' planner refers back to this one: the cycle is cut here
        self._config = None

    def plan(self, site: Site, editor_warnings: Mapping[str, tuple[OpenWarning, ...]] | None = None) -> Plan:
        """Every page of ``site``; raises PlanError as ``plan_site`` does (the next plan is then whole)."""
        try:
            return self._plan(site, editor_warnings or {})
        except BaseException:
            self._config = None
            raise

    def _start(self, config: SiteConfig) -> None:
        if config.per_page < 1:
            raise PlanError(f"site.yaml: per_page must be at least 1, not {config.per_page}")
        self._config = config
        self._builder = PageBuilder(config, SiteView.build(config), share_cards=self._share_cards)
        self._tag_views = {key: TagView.build(tag) for key, tag in config.tags.items()}
        self._facets: dict[str, ArticleFacets] = {}
        self._articles: Sequence[Article] | None = None  # the last site's, in its order
        self._order: tuple[str, ...] = ()
        self._index: dict[str, int] = {}  # slug → its place in the order
        self._warnings: dict[str, tuple[OpenWarning, ...]] = {}
        self._article_inputs: dict[str, _ArticlePageInput] = {}
        self._article_pages: dict[str, Page] = {}
        self._related = RelatedIndex()
        self._listed_by: dict[str, set[str]] = {}  # slug → the slugs listing it as related
        self._groups = SiteGroups(self._builder, self._record_all)
        self._entries: dict[str, SitemapEntryView | None] = {}  # url → its sitemap entry
        self._sitemap_dirty = True  # an entry changed, or pages came, went or moved
        self._relayout = True  # pages came, went or moved: the plan's order is made again
        self._pages: list[Page] = []  # the last plan, in order
        self._place: dict[str, int] = {}  # url → its page's place in _pages
        self._planned: list[Page] = []
        builder = self._builder
        self._search = self._record(lambda: search_page(builder))
        self._not_found = self._record(lambda: builder.page(
            NOT_FOUND_URL, "404.html", "ページが見つかりません", public=False, root=base_path(config.base_url)
        ))
        robots = {"sitemap_url": canonical_url(config.base_url, SITEMAP_URL)}
        self._robots = self._record(lambda: Page(ROBOTS_URL, "robots.txt", MappingProxyType(robots)))
        self._fresh = True
        self._site_feed_items: tuple[FeedItem, ...] | None = None
        self._site_feed: Page | None = None
        # sitemap.xml, or the index and its parts; stand-ins until the first plan is laid out
        self._sitemaps: tuple[Page, ...] = ()
        self._sitemap_entries: tuple[SitemapEntryView, ...] | None = None

    def _record(self, make: Callable[[], Page]) -> Page:
        """``make()``, with the sitemap entry the builder made for it (if any) kept by its URL."""
        return self._record_all(lambda: [make()])[0]

    def _record_all(self, make: Callable[[], list[Page]]) -> list[Page]:
        """``make()``, each page with the sitemap entry the builder made for it (if any) kept by its URL."""
        sitemap = self._builder.sitemap
        before = len(sitemap)
        pages = make()
        made = {entry.loc: entry for entry in sitemap[before:]}
        del sitemap[before:]
        base_url = self._builder.config.base_url
        for page in pages:
            entry = made.get(canonical_url(base_url, page.url)) if made else None
            if page.url not in self._entries or self._entries[page.url] != entry:
                self._entries[page.url] = entry
                self._sitemap_dirty = True
        self._planned.extend(pages)
        return pages

    def _plan(self, site: Site, warnings: Mapping[str, tuple[OpenWarning, ...]]) -> Plan:
        config = site.config
        self._planned = []
        if config is not self._config and config != self._config:
            self._start(config)
        articles = site.articles
        old_order = self._order
        places = other_objects(self._articles, articles)
        if places is not None and all(articles[place].slug == old_order[place] for place in places):
            # The same slugs in the same order (a save of a few files): only those are looked at.
            changed = [articles[place].slug for place in places]
            previous = {slug: self._facets[slug] for slug in changed}
            for place in places:
                article = articles[place]
                self._facets[article.slug] = article_facets(article, self._tag_views, previous[article.slug])
            removed: list[ArticleFacets] = []
        else:
            changed, previous, removed = self._refacet(articles)
        self._articles = articles
        if changed or removed or self._fresh:
            self._fresh = False
            self._replan(changed, removed, previous, old_order, warnings)
        return Plan(self._assemble(), tuple(self._planned), stand_ins(site, self._facets, self._tag_views))

    def _refacet(self, articles: Sequence[Article]) -> tuple[list[str], dict[str, ArticleFacets], list[ArticleFacets]]:
        """Every article looked up by slug (articles came, went or moved): the changed slugs, their
        last facets and the last facets of the removed articles."""
        old_facets = self._facets
        facets: dict[str, ArticleFacets] = {}
        changed: list[str] = []
        for article in articles:
            last = old_facets.get(article.slug)
            if last is not None and last.article is article:
                facets[article.slug] = last
            else:
                facets[article.slug] = article_facets(article, self._tag_views, last)
                changed.append(article.slug)
        if len(facets) != len(articles):
            refuse_twins(articles)
        order = tuple(facets)
        removed = [old_facets[slug] for slug in old_facets.keys() - facets.keys()] if order != self._order else []
        self._facets, self._order = facets, order
        return changed, {slug: old_facets[slug] for slug in changed if slug in old_facets}, removed

    def _replan(
        self,
        changed: list[str],
        removed: list[ArticleFacets],
        old_facets: Mapping[str, ArticleFacets],
        old_order: tuple[str, ...],
        warnings: Mapping[str, tuple[OpenWarning, ...]],
    ) -> None:
        facets, order = self._facets, self._order
        before = [old_facets[slug] for slug in changed if slug in old_facets]
        moved = order != old_order or any(old.date != facets[old.article.slug].date for old in before)
        regrouped = moved or any(old.tags is not facets[old.article.slug].tags for old in before)
        recited = moved or bool(removed) or any(old.cited is not facets[old.article.slug].cited for old in before)
        self._relayout |= moved or regrouped or recited or any(slug not in old_facets for slug in changed)
        related_changed: set[str] = set()
        if order != old_order or any(old.features is not facets[old.article.slug].features for old in before):
            related_changed = self._update_related()
        listed, cited = touched(old_facets, [facets[slug] for slug in changed], removed)
        self._groups.replan(facets, listed, cited, regrouped=regrouped, recited=recited, moved=moved)
        self._replan_site_feed(order)
        changed_slugs = set(changed)  # asked once per article below: a list would make planning quadratic
        dirty = changed_slugs | related_changed
        link_changed = [
            facets[slug] for slug in changed if slug not in old_facets or facets[slug].link is not old_facets[slug].link
        ]
        for facet in (*link_changed, *removed):
            dirty.update(self._listed_by.get(facet.article.slug, ()))
        index = {slug: number for number, slug in enumerate(order)} if order != old_order else self._index
        self._index = index
        if order != old_order:  # the articles whose older or newer neighbour is another one
            dirty.update(renumbered(old_order, order))
        for facet in link_changed:
            number = index[facet.article.slug]
            dirty.update(order[max(0, number - 1) : number + 2])
        for slug in dirty:
            if slug in facets:
                shown = warnings.get(slug, ()) if slug in changed_slugs else self._warnings.get(slug, ())
                self._replan_article(slug, shown)
        for facet in removed:
            slug = facet.article.slug
            self._article_pages.pop(slug, None)
            self._article_inputs.pop(slug, None)
            self._warnings.pop(slug, None)

    def _update_related(self) -> set[str]:
        old = dict(self._related.related)
        features = {slug: facet.features for slug, facet in self._facets.items()}
        store, self._related_store = self._related_store, None  # only a first, whole plan is stored
        if store is None:
            changed = self._related.update(self._order, features)
        else:
            key = store.key(self._order, features)
            found = store.get(key, self._order)
            if found is None:
                changed = self._related.update(self._order, features)
                store.put(key, self._related.related)
            else:
                changed = self._related.restore(found)
        for slug in changed | (old.keys() - self._related.related.keys()):
            for other in old.get(slug, ()):
                self._listed_by.get(other, set()).discard(slug)
            for other in self._related.related.get(slug, ()):
                self._listed_by.setdefault(other, set()).add(slug)
        return changed

    def _replan_article(self, slug: str, warnings: tuple[OpenWarning, ...]) -> None:
        facets, order, number = self._facets, self._order, self._index[slug]
        navigation = ArticleNavView(
            older=facets[order[number + 1]].link if number + 1 < len(order) else None,
            newer=facets[order[number - 1]].link if number > 0 else None,
            related=tuple(facets[other].link for other in self._related.related.get(slug, ())),
        )
        facet = facets[slug]
        page_input = _ArticlePageInput(facet, navigation, warnings)
        if self._article_inputs.get(slug) == page_input and slug in self._article_pages:
            return
        self._article_inputs[slug] = page_input
        self._warnings[slug] = warnings
        self._article_pages[slug] = self._record(
            lambda: article_page(self._builder, facet.article, facet.tags, navigation, warnings)
        )

    def _replan_site_feed(self, order: tuple[str, ...]) -> None:
        items = tuple(self._facets[slug].feed_item for slug in order[:FEED_ENTRIES])
        if self._site_feed is not None and same_items(items, self._site_feed_items):
            return
        self._site_feed_items = items
        builder = self._builder
        self._site_feed = self._record(lambda: site_feed(builder, items))

    def _assemble(self) -> tuple[Page, ...]:
        """Every page in plan order: laid out again when pages came, went or moved, else the last
        plan with the pages planned anew put in their places."""
        planned = self._planned
        if self._relayout or any(page.url not in self._place for page in planned):
            self._lay_out()
        else:
            pages = self._pages
            for page in planned:
                pages[self._place[page.url]] = page
        if self._sitemap_dirty:
            entries = tuple(filter(None, map(self._entries.get, map(_URL, self._pages))))
            if self._sitemap_entries != entries:
                self._sitemap_entries = entries
                self._replace_sitemaps(sitemap_pages(self._builder.config.base_url, entries, self._sitemap_limits))
            self._sitemap_dirty = False
        return tuple(self._pages)

    def _replace_sitemaps(self, sitemaps: tuple[Page, ...]) -> None:
        """Put ``sitemaps`` in the last ones' place, keeping each last page whose content is the same
        (the others are planned anew); when their number changed, the pages after them move."""
        last = {page.url: page for page in self._sitemaps}
        kept = []
        for page in sitemaps:
            old = last.get(page.url)
            if old is not None and old.template == page.template and old.context == page.context:
                kept.append(old)
            else:
                kept.append(page)
                self._planned.append(page)
        start = self._place[SITEMAP_URL]
        self._pages[start : start + len(self._sitemaps)] = kept
        if len(kept) != len(self._sitemaps):
            for page in self._sitemaps:
                del self._place[page.url]
            for number in range(start, len(self._pages)):
                self._place[self._pages[number].url] = number
        self._sitemaps = tuple(kept)

    def _lay_out(self) -> None:
        groups = self._groups
        assert self._site_feed is not None
        if not self._sitemaps:  # a stand-in, replaced by _assemble (its entries equal no sitemap's)
            self._sitemaps = (Page(SITEMAP_URL, "sitemap.xml", MappingProxyType({"entries": None})),)
        pages = [
            *groups.home.pages,
            *(self._article_pages[slug] for slug in self._order),
            *groups.tag_pages(),
            *groups.source_pages(),
            *groups.archive_pages(),
            self._search,
            self._site_feed,
            *groups.tag_feeds(),
            self._not_found,
            *self._sitemaps,
            self._robots,
        ]
        check_collisions(pages)
        self._pages = pages
        self._place = {page.url: number for number, page in enumerate(pages)}
        self._relayout, self._sitemap_dirty = False, True

    def __getstate__(self) -> dict[str, object]:
        # Stored (kiku.render.planning.store) without what the rest of it gives again when read.
        return {name: value for name, value in self.__dict__.items() if name not in _DERIVED}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        if self._config is None:
            return
        self._index = {slug: number for number, slug in enumerate(self._order)}
        self._place = {page.url: number for number, page in enumerate(self._pages)}
        self._listed_by = {}
        for slug, others in self._related.related.items():
            for other in others:
                self._listed_by.setdefault(other, set()).add(slug)


_URL = operator.attrgetter("url")
_SETTINGS = frozenset({"_share_cards", "_related_store", "_sitemap_limits"})  # kept by ``forget``
_DERIVED = frozenset({"_index", "_place", "_listed_by"})  # made again from the rest when read
