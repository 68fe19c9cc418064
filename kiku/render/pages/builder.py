"""What every page shares: ``Page`` itself, and the builder that adds the common context."""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from markupsafe import Markup

from kiku.content.model import Article, SiteConfig
from kiku.render.planning.urls import (
    CARD_HEIGHT,
    CARD_WIDTH,
    FEED_URL,
    SITE_CARD_URL,
    article_card_url,
    canonical_url,
    output_path,
    page_path,
    root_of,
)
from kiku.render.views.feeds import SitemapEntryView, sitemap_entry
from kiku.render.views.metadata import ArticleMetaView, FeedLinkView, ImageView, MetaView, og_locale
from kiku.render.views.page import SiteView


@dataclass(frozen=True, slots=True)
class Page:
    """One page to render: where it goes, with which template, showing what."""

    url: str
    template: str
    context: Mapping[str, object]

    @property
    def output_path(self) -> str:
        """The file to write, relative to the output directory."""
        return output_path(self.url)


class LazyContext(Mapping[str, object]):
    """A page's context made when it is first read, by ``make(builder, *inputs)``.

    ``make`` is a module-level function of its arguments alone (and of kiku's code): equal
    ``inputs`` with one builder mean an equal context. So a page whose inputs did not change
    since the last build need not have its context made at all (kiku.render.writing.memo.pagememo
    fingerprints the inputs), and the context of a page that is rendered is made in the process
    that renders it (kiku.runtime.forks), not in the planner.
    """

    __slots__ = ("_built", "builder", "inputs", "make")

    def __init__(
        self, make: Callable[..., Mapping[str, object]], builder: PageBuilder, inputs: tuple[Any, ...]
    ) -> None:
        self.make = make
        self.builder = builder
        self.inputs = inputs
        self._built: Mapping[str, object] | None = None

    def _context(self) -> Mapping[str, object]:
        if self._built is None:
            self._built = self.make(self.builder, *self.inputs)
        return self._built

    def made(self) -> Mapping[str, object]:
        """The context, made now unless it was already, and not kept: a page rendered once need
        not hold its views to the end of the build (at 2,000 articles, 20 MiB of article views)."""
        return self._built if self._built is not None else self.make(self.builder, *self.inputs)

    def __getitem__(self, key: str) -> object:
        return self._context()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._context())

    def __len__(self) -> int:
        return len(self._context())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyContext) and (self.make, self.builder) == (other.make, other.builder) and (
            self.inputs == other.inputs
        ):
            return True  # made alike from equal inputs: no need to make either
        return Mapping.__eq__(self, other)

    __hash__ = None  # type: ignore[assignment]  # a mapping: unhashable, as dict is


class PageBuilder:
    """Adds the context every page shares (site, root, canonical URL, titles, meta).

    Every public page it builds is also listed in ``sitemap``, in plan order.
    """

    def __init__(self, config: SiteConfig, site_view: SiteView, *, share_cards: bool = False) -> None:
        self.config = config
        self._base_url = config.base_url
        self._site_view = site_view
        self._site_feed = FeedLinkView(config.title, page_path(FEED_URL))
        self._share_cards = share_cards
        site_card_alt = f"{config.title}: {config.description}" if config.description else config.title
        self._site_card = self._card(SITE_CARD_URL, site_card_alt)
        self.sitemap: list[SitemapEntryView] = []
        self._identity: bytes | None = None

    def identity(self) -> bytes:
        """A hash of what the builder adds to every context (the configuration, share cards or not):
        how a page fingerprint (kiku.render.writing.memo.pagememo) stands for the builder."""
        if self._identity is None:
            state = pickle.dumps((self.config, self._share_cards), protocol=pickle.HIGHEST_PROTOCOL)
            self._identity = hashlib.blake2b(state, digest_size=16).digest()
        return self._identity

    def _card(self, url: str, alt: str) -> ImageView | None:
        if not self._share_cards:
            return None
        return ImageView(canonical_url(self._base_url, url), CARD_WIDTH, CARD_HEIGHT, alt)

    def article_card(self, article: Article, date: str) -> ImageView | None:
        """The article's own share card: its title, the site's name and its date."""
        return self._card(article_card_url(article.slug), f"{article.title}（{self._site_view.title}、{date}）")

    def page(
        self,
        url: str,
        template: str,
        page_title: str | None,
        nav: str | None = None,
        *,
        description: str | None = None,
        lastmod: dt.date | None = None,
        feeds: tuple[FeedLinkView, ...] = (),
        article_meta: ArticleMetaView | None = None,
        json_ld: tuple[Markup, ...] = (),
        public: bool = True,
        in_sitemap: bool = True,
        root: str | None = None,
        image: ImageView | None = None,
        **views: object,
    ) -> Page:
        """A page; ``public=False`` keeps it out of the sitemap and search engines (no canonical URL),
        ``in_sitemap=False`` out of the sitemap only."""
        context = self.context(
            url, page_title, nav, description=description, feeds=feeds, article_meta=article_meta, json_ld=json_ld,
            public=public, root=root, image=image, **views,
        )
        if public and in_sitemap:
            self.sitemap.append(sitemap_entry(self.config, url, lastmod))
        return Page(url=url, template=template, context=context)

    def lazy_page(
        self,
        url: str,
        template: str,
        make: Callable[..., Mapping[str, object]],
        *inputs: object,
        lastmod: dt.date | None = None,
        in_sitemap: bool = True,
    ) -> Page:
        """A public page whose context is ``make(self, *inputs)``, made when first read (see
        ``LazyContext``); ``in_sitemap`` False keeps it out of the sitemap (a feed)."""
        if in_sitemap:
            self.sitemap.append(sitemap_entry(self.config, url, lastmod))
        return Page(url=url, template=template, context=LazyContext(make, self, inputs))

    def context(
        self,
        url: str,
        page_title: str | None,
        nav: str | None = None,
        *,
        description: str | None = None,
        feeds: tuple[FeedLinkView, ...] = (),
        article_meta: ArticleMetaView | None = None,
        json_ld: tuple[Markup, ...] = (),
        public: bool = True,
        root: str | None = None,
        image: ImageView | None = None,
        **views: object,
    ) -> Mapping[str, object]:
        """The context of a page (see ``page``), without listing it in the sitemap."""
        site_title = self._site_view.title
        public_url = canonical_url(self._base_url, url) if public else None
        card = image or self._site_card
        meta = MetaView(
            title=page_title or site_title,
            description=description or self.config.description,
            url=public_url,
            og_type="article" if article_meta else "website",
            site_name=site_title,
            locale=og_locale(self.config.language),
            twitter_card="summary_large_image" if card else "summary",
            feeds=(self._site_feed, *feeds),
            article=article_meta,
            json_ld=json_ld,
            noindex=not public,
            image=card,
        )
        context: dict[str, object] = {
            "site": self._site_view,
            "root": root_of(url) if root is None else root,
            "canonical_url": public_url,
            "page_title": page_title,
            "document_title": f"{page_title} · {site_title}" if page_title else site_title,
            "nav": nav,
            "meta": meta,
            "editor_warnings": (),  # only ``kiku serve``'s article previews show any
            **views,
        }
        return MappingProxyType(context)
