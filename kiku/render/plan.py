"""Plan every page of the site before anything is rendered.

A page is (url, template, context). The URL scheme, all site-relative:

* ``''`` (home, page 1) and ``page/<n>/`` (n ≥ 2): ``index.html``, newest first,
  ``config.per_page`` articles each;
* ``articles/<slug>/``: ``article.html`` (digest) or ``encyclopedia.html``;
* ``tags/``: ``tags.html``, every tag in use, in vocabulary order, with counts;
* ``tags/<key>/`` and ``tags/<key>/page/<n>/``: ``tag.html``, the articles of one tag, newest
  first, paginated like the home pages.

* ``feed.xml`` and ``tags/<key>/feed.xml``: ``feed.xml``, the Atom feeds of the site and of a tag;
* ``search/``: ``search.html``, the search page; its scripts (``static/search*.js``) fill it from the index
  files written beside it (kiku.search.index);
* ``404.html``: ``404.html``, served by GitHub Pages for any missing path, so its links start
  from the base URL's path (``/digest/``) instead of being relative to where it is shown;
* ``sitemap.xml`` (every page above but 404 and the feeds) and ``robots.txt``.

The output file of a page is its URL, or ``url + "index.html"`` for a folder URL. Each HTML
context carries ``site``, ``root`` (relative prefix from the page to the site root: ``''`` on
home, ``'../../'`` two levels down), ``canonical_url``, ``page_title``, ``document_title`` and
``meta`` (description, OpenGraph, feeds, JSON-LD), plus the page's own views.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from markupsafe import Markup

from kiku.content.model import Article, DigestArticle, Site, SiteConfig
from kiku.render.feeds import FeedItem, SitemapEntryView, build_feed, sitemap_entry
from kiku.render.metadata import (
    ArticleMetaView,
    FeedLinkView,
    MetaView,
    article_meta,
    description_of,
    digest_json_ld,
    encyclopedia_json_ld,
    og_locale,
    script_json,
)
from kiku.render.urls import (
    FEED_URL,
    NOT_FOUND_URL,
    ROBOTS_URL,
    SEARCH_URL,
    SITEMAP_URL,
    TAGS_URL,
    PlanError,
    article_url,
    base_path,
    canonical_url,
    home_url,
    output_path,
    page_path,
    root_of,
    tag_feed_url,
    tag_url,
)
from kiku.render.viewcache import ArticleViews
from kiku.render.views import (
    ArticleSummaryView,
    DigestView,
    EncyclopediaView,
    PageLinkView,
    PaginationView,
    SiteView,
    TagCountView,
    TagView,
    build_digest_view,
    build_encyclopedia_view,
    build_summary_view,
)
from kiku.search.index import MANIFEST_PATH

__all__ = ["Page", "PlanError", "plan_site"]


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


def plan_site(site: Site, views: ArticleViews | None = None) -> tuple[Page, ...]:
    """Every page of ``site``, home pages first; raises ``PlanError`` when two pages share a URL.

    ``views`` reuses the article views of a previous plan (``kiku serve`` re-plans on every save).
    """
    article_views = views if views is not None else ArticleViews()
    config = site.config
    if config.per_page < 1:
        raise PlanError(f"site.yaml: per_page must be at least 1, not {config.per_page}")
    site_view = SiteView.build(config)
    tag_views = {key: TagView.build(tag) for key, tag in config.tags.items()}
    articles_by_tag = _index_tags(site.articles, config)
    summaries = {
        article.slug: article_views.view(build_summary_view, article, _tags_of(article, tag_views))
        for article in site.articles
    }
    builder = _PageBuilder(config, site_view)

    pages: list[Page] = []
    newest_first = [summaries[article.slug] for article in site.articles]
    ordered = list(site.articles)  # one more pass over the articles; what follows reuses this list
    dates = [article.date for article in ordered]
    for home in _paginate(newest_first, dates, config.per_page, home_url):
        number, total = home.pagination.number, home.pagination.total
        pages.append(
            builder.page(
                home.url, "index.html", None if number == 1 else _numbered_title("新着記事", number, total),
                nav="home", lastmod=home.lastmod, articles=home.articles, pagination=home.pagination,
            )
        )
    feed_items: dict[str, FeedItem] = {}
    for article in site.articles:
        tags = _tags_of(article, tag_views)
        parts = article_views.view(_article_parts, article, tags, config, summaries[article.slug])
        feed_items[article.slug] = FeedItem(article, parts.description, tags)
        pages.append(
            builder.page(
                article_url(article.slug),
                parts.template,
                article.title,
                description=parts.description,
                lastmod=article.date,
                article_meta=parts.meta,
                json_ld=parts.json_ld,
                article=parts.view,
            )
        )

    used_tags = tuple(
        TagCountView(tag=tag_views[key], count=len(articles_by_tag[key]))
        for key in config.tags
        if articles_by_tag[key]
    )
    newest = dates[0] if dates else None
    pages.append(builder.page(TAGS_URL, "tags.html", "タグ一覧", nav="tags", lastmod=newest, tags=used_tags))
    for tag_count in used_tags:
        tag = tag_count.tag
        tagged = articles_by_tag[tag.key]
        name = f"{tag.ja} · {tag.en}"
        for listing in _paginate(
            [summaries[article.slug] for article in tagged], [article.date for article in tagged],
            config.per_page, functools.partial(tag_url, tag.key),
        ):
            pages.append(
                builder.page(
                    listing.url,
                    "tag.html",
                    _numbered_title(name, listing.pagination.number, listing.pagination.total),
                    nav="tags",
                    description=f"「{name}」のタグが付いた記事（{tag_count.count}件）",
                    lastmod=listing.lastmod,
                    feeds=(FeedLinkView(name, page_path(tag_feed_url(tag.key))),),
                    tag=tag,
                    count=tag_count.count,
                    articles=listing.articles,
                    pagination=listing.pagination,
                )
            )
    # The search page has no content of its own: out of the sitemap and search engines.
    pages.append(
        builder.page(SEARCH_URL, "search.html", "検索", nav="search", public=False, search=SEARCH_PAGE)
    )
    pages.extend(_feed_pages(config, [feed_items[article.slug] for article in ordered], articles_by_tag, used_tags))
    pages.append(
        builder.page(NOT_FOUND_URL, "404.html", "ページが見つかりません", public=False, root=base_path(config.base_url))
    )
    pages.append(Page(SITEMAP_URL, "sitemap.xml", MappingProxyType({"entries": tuple(builder.sitemap)})))
    robots = {"sitemap_url": canonical_url(config.base_url, SITEMAP_URL)}
    pages.append(Page(ROBOTS_URL, "robots.txt", MappingProxyType(robots)))
    _check_collisions(pages)
    return tuple(pages)


def _feed_pages(
    config: SiteConfig,
    items: Sequence[FeedItem],
    articles_by_tag: Mapping[str, Sequence[Article]],
    used_tags: Sequence[TagCountView],
) -> list[Page]:
    """The site's Atom feed and one per tag in use; ``items`` are every article's, newest first."""
    by_slug = {item.article.slug: item for item in items}
    site_feed = build_feed(
        config,
        feed_url=FEED_URL,
        html_url=home_url(1),
        title=config.title,
        subtitle=config.description,
        items=items,
    )
    pages = [Page(FEED_URL, "feed.xml", MappingProxyType({"feed": site_feed}))]
    for tag_count in used_tags:
        tag = tag_count.tag
        feed = build_feed(
            config,
            feed_url=tag_feed_url(tag.key),
            html_url=tag_url(tag.key),
            title=f"{config.title}: {tag.ja} · {tag.en}",
            subtitle=None,
            items=[by_slug[article.slug] for article in articles_by_tag[tag.key]],
        )
        pages.append(Page(tag_feed_url(tag.key), "feed.xml", MappingProxyType({"feed": feed})))
    return pages


@dataclass(frozen=True, slots=True)
class SearchPageView:
    """Where the search page's scripts (in order) and the index they read are, relative to the site root."""

    script_paths: tuple[str, ...]
    manifest_path: str


SEARCH_PAGE = SearchPageView(
    script_paths=("static/search-spec.js", "static/search-index.js", "static/search.js"), manifest_path=MANIFEST_PATH
)


@dataclass(frozen=True, slots=True)
class _ArticleParts:
    """What an article page shows, computed once per article object (``kiku serve`` reuses it)."""

    template: str
    view: DigestView | EncyclopediaView
    description: str | None
    meta: ArticleMetaView
    json_ld: Markup


def _article_parts(
    article: Article, tags: tuple[TagView, ...], config: SiteConfig, summary: ArticleSummaryView
) -> _ArticleParts:
    public_url = canonical_url(config.base_url, article_url(article.slug))
    # The list summary's lead: an encyclopedia article's first paragraph, footnote markers removed.
    description = description_of(summary.lead)
    view: DigestView | EncyclopediaView
    if isinstance(article, DigestArticle):
        template, view = "article.html", build_digest_view(article, tags)
        json_ld = digest_json_ld(article, public_url, description, config)
    else:
        template, view = "encyclopedia.html", build_encyclopedia_view(article, tags)
        json_ld = encyclopedia_json_ld(article, public_url, description, config)
    return _ArticleParts(template, view, description, article_meta(article.date, tags), script_json(json_ld))


class _PageBuilder:
    """Adds the context every page shares (site, root, canonical URL, titles, meta).

    Every public page it builds is also listed in ``sitemap``, in plan order.
    """

    def __init__(self, config: SiteConfig, site_view: SiteView) -> None:
        self._config = config
        self._base_url = config.base_url
        self._site_view = site_view
        self._site_feed = FeedLinkView(config.title, page_path(FEED_URL))
        self.sitemap: list[SitemapEntryView] = []

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
        json_ld: Markup | None = None,
        public: bool = True,
        root: str | None = None,
        **views: object,
    ) -> Page:
        """A page; ``public=False`` keeps it out of the sitemap and search engines (no canonical URL)."""
        site_title = self._site_view.title
        public_url = canonical_url(self._base_url, url) if public else None
        meta = MetaView(
            title=page_title or site_title,
            description=description or self._config.description,
            url=public_url,
            og_type="article" if article_meta else "website",
            site_name=site_title,
            locale=og_locale(self._config.language),
            twitter_card="summary",
            feeds=(self._site_feed, *feeds),
            article=article_meta,
            json_ld=json_ld,
            noindex=not public,
        )
        context: dict[str, object] = {
            "site": self._site_view,
            "root": root_of(url) if root is None else root,
            "canonical_url": public_url,
            "page_title": page_title,
            "document_title": f"{page_title} · {site_title}" if page_title else site_title,
            "nav": nav,
            "meta": meta,
            **views,
        }
        if public:
            self.sitemap.append(sitemap_entry(self._config, url, lastmod))
        return Page(url=url, template=template, context=MappingProxyType(context))


def _index_tags(articles: Sequence[Article], config: SiteConfig) -> dict[str, list[Article]]:
    """Tag key → its articles, newest first: one pass over articles × their tags."""
    index: dict[str, list[Article]] = {key: [] for key in config.tags}
    for article in articles:
        for key in dict.fromkeys(article.tags):  # a tag listed twice still counts once
            if key not in index:
                raise PlanError(f"article {article.slug!r}: tag {key!r} is not in the site.yaml vocabulary")
            index[key].append(article)
    return index


def _tags_of(article: Article, tag_views: Mapping[str, TagView]) -> tuple[TagView, ...]:
    try:
        return tuple(tag_views[key] for key in dict.fromkeys(article.tags))
    except KeyError as error:
        raise PlanError(f"article {article.slug!r}: tag {error} is not in the site.yaml vocabulary") from None


@dataclass(frozen=True, slots=True)
class _ListPage:
    """One page of a paginated list of articles."""

    url: str
    articles: tuple[ArticleSummaryView, ...]
    lastmod: dt.date | None
    pagination: PaginationView


def _paginate(
    summaries: Sequence[ArticleSummaryView],
    newest_dates: Sequence[dt.date],
    per_page: int,
    url_of: Callable[[int], str],
) -> list[_ListPage]:
    """Articles, newest first, in pages of ``per_page`` at ``url_of(1)``, ``url_of(2)``…"""
    total = max(1, math.ceil(len(summaries) / per_page))
    urls = [url_of(number) for number in range(1, total + 1)]
    pages = []
    for number, url in enumerate(urls, 1):
        pagination = PaginationView(
            number=number,
            total=total,
            previous_path=page_path(urls[number - 2]) if number > 1 else None,
            next_path=page_path(urls[number]) if number < total else None,
            pages=_page_links(urls, number),
        )
        start = (number - 1) * per_page
        shown = tuple(summaries[start : start + per_page])
        pages.append(_ListPage(url, shown, newest_dates[start] if shown else None, pagination))
    return pages


# Page links around the current one; the first and last are always shown. A window rather than
# every page keeps a list of n pages O(n) to plan, not O(n²).
_PAGE_WINDOW = 2


def _page_links(urls: Sequence[str], current: int) -> tuple[PageLinkView, ...]:
    total = len(urls)
    shown = sorted({1, total, *range(max(1, current - _PAGE_WINDOW), min(total, current + _PAGE_WINDOW) + 1)})
    links: list[PageLinkView] = []
    for number in shown:
        if links and number > links[-1].number + 1:
            links.append(PageLinkView(number=number - 1, path="", current=False, gap=True))
        links.append(PageLinkView(number=number, path=page_path(urls[number - 1]), current=number == current))
    return tuple(links)


def _numbered_title(title: str, number: int, total: int) -> str:
    return title if number == 1 else f"{title} {number}/{total}ページ"


def _check_collisions(pages: Sequence[Page]) -> None:
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
