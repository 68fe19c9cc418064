"""Plan every page of the site before anything is rendered.

A page is (url, template, context). The URL scheme, all site-relative:

* ``''`` (home, page 1) and ``page/<n>/`` (n ≥ 2): ``index.html``, newest first,
  ``config.per_page`` articles each;
* ``articles/<slug>/``: ``article.html`` (digest) or ``encyclopedia.html``;
* ``tags/``: ``tags.html``, every tag in use, in vocabulary order, with counts;
* ``tags/<key>/`` and ``tags/<key>/page/<n>/``: ``tag.html``, the articles of one tag, newest
  first, paginated like the home pages;
* ``sources/`` (``sources/page/<n>/``): ``sources.html``, every outlet the articles cite, with
  counts; ``sources/<outlet key>/`` (``…/page/<n>/``): ``outlet.html``, the outlet's cited pages
  and the articles citing them (the key rule: :mod:`kiku.render.outlets`);
* ``archive/`` (``archive/page/<n>/``): ``archive.html``, the months with articles;
  ``archive/YYYY/MM/`` (``…/page/<n>/``): ``month.html``, one month's articles.

* ``feed.xml``, ``tags/<key>/feed.xml`` and ``sources/<outlet key>/feed.xml``: ``feed.xml``, the
  Atom feeds of the site, of a tag and of the articles citing an outlet;
* ``search/``: ``search.html``, the search page; its scripts (``static/search*.js``) fill it from the index
  files written beside it (kiku.search.index);
* ``404.html``: ``404.html``, served by GitHub Pages for any missing path, so its links start
  from the base URL's path (``/digest/``) instead of being relative to where it is shown;
* ``sitemap.xml`` (every page above but 404 and the feeds) and ``robots.txt``.

The output file of a page is its URL, or ``url + "index.html"`` for a folder URL. Each HTML
context carries ``site``, ``root`` (relative prefix from the page to the site root: ``''`` on
home, ``'../../'`` two levels down), ``canonical_url``, ``page_title``, ``document_title`` and
``meta`` (description, OpenGraph, feeds, JSON-LD), plus the page's own views. Each kind of page
is planned by its module in :mod:`kiku.render.pages`; every step is linear in the site's size.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from kiku.content.model import Article, Site, SiteConfig
from kiku.content.open_warnings import OpenWarning
from kiku.render.browse_views import ArticleLinkView
from kiku.render.listing_views import build_summary_view
from kiku.render.pages.archive import archive_pages
from kiku.render.pages.article import article_pages
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.pages.feeds import feed_pages
from kiku.render.pages.listing import home_pages, tag_pages
from kiku.render.pages.search import search_page
from kiku.render.pages.sources import sources_pages
from kiku.render.urls import NOT_FOUND_URL, ROBOTS_URL, SITEMAP_URL, PlanError, base_path, canonical_url
from kiku.render.viewcache import ArticleViews
from kiku.render.views import SiteView, TagCountView, TagView

__all__ = ["Page", "PlanError", "plan_site"]


def plan_site(
    site: Site,
    views: ArticleViews | None = None,
    editor_warnings: Mapping[str, tuple[OpenWarning, ...]] | None = None,
    *,
    share_cards: bool = False,
) -> tuple[Page, ...]:
    """Every page of ``site``, home pages first; raises ``PlanError`` when two pages share a URL.

    ``views`` reuses the article views of a previous plan (``kiku serve`` re-plans on every save).
    ``editor_warnings`` (slug → the file's open importer warnings) are shown on those articles'
    pages: only ``kiku serve`` passes them, so a build never shows them.
    ``share_cards``: the build writes share cards (``kiku.render.sharecards``), so every page
    names one as its ``og:image`` — an article its own, any other page the site's.
    """
    article_views = views if views is not None else ArticleViews()
    config = site.config
    if config.per_page < 1:
        raise PlanError(f"site.yaml: per_page must be at least 1, not {config.per_page}")
    tag_views = {key: TagView.build(tag) for key, tag in config.tags.items()}
    articles = list(site.articles)  # one pass over the articles; every planner reuses this list
    articles_by_tag = _index_tags(articles, config)
    tags_of = {article.slug: _tags_of(article, tag_views) for article in articles}
    summaries = {
        article.slug: article_views.view(build_summary_view, article, tags_of[article.slug]) for article in articles
    }
    builder = PageBuilder(config, SiteView.build(config), share_cards=share_cards)
    dates = [article.date for article in articles]

    pages = home_pages(builder, [summaries[article.slug] for article in articles], dates)
    links = {article.slug: ArticleLinkView.build(article) for article in articles}
    articles_planned, feed_items = article_pages(
        builder, articles, tags_of, summaries, article_views, links, editor_warnings or {}
    )
    pages.extend(articles_planned)
    used_tags = tuple(
        TagCountView(tag=tag_views[key], count=len(articles_by_tag[key])) for key in config.tags if articles_by_tag[key]
    )
    pages.extend(tag_pages(builder, used_tags, articles_by_tag, summaries, dates[0] if dates else None))
    pages.extend(sources_pages(builder, articles, links, {item.article.slug: item for item in feed_items}))
    pages.extend(archive_pages(builder, articles, summaries))
    pages.append(search_page(builder))
    pages.extend(feed_pages(config, feed_items, articles_by_tag, used_tags))
    pages.append(
        builder.page(NOT_FOUND_URL, "404.html", "ページが見つかりません", public=False, root=base_path(config.base_url))
    )
    pages.append(Page(SITEMAP_URL, "sitemap.xml", MappingProxyType({"entries": tuple(builder.sitemap)})))
    robots = {"sitemap_url": canonical_url(config.base_url, SITEMAP_URL)}
    pages.append(Page(ROBOTS_URL, "robots.txt", MappingProxyType(robots)))
    _check_collisions(pages)
    return tuple(pages)


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
