"""Plan every page of the site before anything is rendered.

A page is (url, template, context). The URL scheme, all site-relative:

* ``''`` (home, page 1) and ``page/<n>/`` (n ≥ 2): ``index.html``, newest first,
  ``config.per_page`` articles each;
* ``articles/<slug>/``: ``article.html`` (digest) or ``encyclopedia.html``;
* ``tags/``: ``tags.html``, every tag in use, in vocabulary order, with counts;
* ``tags/<key>/``: ``tag.html``, the articles of one tag, newest first.

The output file of a page is ``url + "index.html"``. Each context carries ``site``, ``root``
(relative prefix from the page to the site root: ``''`` on home, ``'../../'`` two levels down),
``canonical_url``, ``page_title`` and ``document_title``, plus the page's own views.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from kiku.content.model import Article, DigestArticle, Site, SiteConfig
from kiku.render.urls import (
    TAGS_URL,
    PlanError,
    article_url,
    canonical_url,
    home_url,
    page_path,
    root_of,
    tag_url,
)
from kiku.render.viewcache import ArticleViews
from kiku.render.views import (
    ArticleSummaryView,
    PageLinkView,
    PaginationView,
    SiteView,
    TagCountView,
    TagView,
    build_digest_view,
    build_encyclopedia_view,
    build_summary_view,
)

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
        return self.url + "index.html"


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
    pages.extend(_home_pages(builder, newest_first, config.per_page))
    for article in site.articles:
        tags = _tags_of(article, tag_views)
        if isinstance(article, DigestArticle):
            pages.append(
                builder.page(
                    article_url(article.slug),
                    "article.html",
                    article.title,
                    article=article_views.view(build_digest_view, article, tags),
                )
            )
        else:
            pages.append(
                builder.page(
                    article_url(article.slug),
                    "encyclopedia.html",
                    article.title,
                    article=article_views.view(build_encyclopedia_view, article, tags),
                )
            )

    used_tags = tuple(
        TagCountView(tag=tag_views[key], count=len(articles_by_tag[key]))
        for key in config.tags
        if articles_by_tag[key]
    )
    pages.append(builder.page(TAGS_URL, "tags.html", "タグ一覧", nav="tags", tags=used_tags))
    for tag_count in used_tags:
        tag = tag_count.tag
        pages.append(
            builder.page(
                tag_url(tag.key),
                "tag.html",
                f"{tag.ja} · {tag.en}",
                nav="tags",
                tag=tag,
                count=tag_count.count,
                articles=tuple(summaries[article.slug] for article in articles_by_tag[tag.key]),
            )
        )
    _check_collisions(pages)
    return tuple(pages)


class _PageBuilder:
    """Adds the context every page shares (site, root, canonical URL, titles)."""

    def __init__(self, config: SiteConfig, site_view: SiteView) -> None:
        self._base_url = config.base_url
        self._site_view = site_view

    def page(
        self, url: str, template: str, page_title: str | None, nav: str | None = None, **views: object
    ) -> Page:
        site_title = self._site_view.title
        context: dict[str, object] = {
            "site": self._site_view,
            "root": root_of(url),
            "canonical_url": canonical_url(self._base_url, url),
            "page_title": page_title,
            "document_title": f"{page_title} · {site_title}" if page_title else site_title,
            "nav": nav,
            **views,
        }
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


def _home_pages(builder: _PageBuilder, summaries: Sequence[ArticleSummaryView], per_page: int) -> list[Page]:
    total = max(1, math.ceil(len(summaries) / per_page))
    urls = [home_url(number) for number in range(1, total + 1)]
    pages = []
    for number, url in enumerate(urls, 1):
        pagination = PaginationView(
            number=number,
            total=total,
            previous_path=page_path(urls[number - 2]) if number > 1 else None,
            next_path=page_path(urls[number]) if number < total else None,
            pages=tuple(
                PageLinkView(number=other, path=page_path(other_url), current=other == number)
                for other, other_url in enumerate(urls, 1)
            ),
        )
        start = (number - 1) * per_page
        pages.append(
            builder.page(
                url,
                "index.html",
                None if number == 1 else f"新着記事 {number}/{total}ページ",
                nav="home",
                articles=tuple(summaries[start : start + per_page]),
                pagination=pagination,
            )
        )
    return pages


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
