"""Article pages: the article, its breadcrumb (home › first tag › article), the older and newer
article by date and the related articles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from kiku.content.cache.slim import full_article
from kiku.content.model import Article, DigestArticle, SiteConfig
from kiku.content.reading.open_warnings import OpenWarning
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.planning.urls import article_url, canonical_url, home_url, page_path, tag_url
from kiku.render.views.article import DigestView, EncyclopediaView, build_digest_view, build_encyclopedia_view
from kiku.render.views.browse import ArticleNavView, CrumbView
from kiku.render.views.listing import ArticleSummaryView, build_summary_view
from kiku.render.views.metadata import (
    ArticleMetaView,
    article_meta,
    breadcrumb_json_ld,
    description_of,
    digest_json_ld,
    encyclopedia_json_ld,
    script_json,
)
from kiku.render.views.page import TagView

HOME_CRUMB = "ホーム"


@dataclass(frozen=True, slots=True)
class ArticleParts:
    """What an article page shows of the article alone."""

    template: str
    view: DigestView | EncyclopediaView
    description: str | None
    meta: ArticleMetaView
    breadcrumb: tuple[CrumbView, ...]
    json_ld: tuple[Markup, ...]


def article_template(article: Article) -> str:
    return "article.html" if isinstance(article, DigestArticle) else "encyclopedia.html"


def article_description(summary: ArticleSummaryView) -> str | None:
    """The page's description: the list summary's lead (an encyclopedia article's first
    paragraph), footnote markers removed, as one line."""
    return description_of(summary.lead)


def article_parts(article: Article, tags: tuple[TagView, ...], config: SiteConfig) -> ArticleParts:
    public_url = canonical_url(config.base_url, article_url(article.slug))
    description = article_description(build_summary_view(article, tags))
    view: DigestView | EncyclopediaView
    if isinstance(article, DigestArticle):
        view = build_digest_view(article, tags)
        json_ld = digest_json_ld(article, public_url, description, config)
    else:
        view = build_encyclopedia_view(article, tags)
        json_ld = encyclopedia_json_ld(article, public_url, description, config)
    trail = _trail(article, tags)
    # Every step links to its page but the last, the page itself.
    breadcrumb = (*(CrumbView(name, page_path(url)) for name, url in trail[:-1]), CrumbView(article.title, None))
    public_trail = [(name, canonical_url(config.base_url, url)) for name, url in trail]
    return ArticleParts(
        template=article_template(article),
        view=view,
        description=description,
        meta=article_meta(article.date, tags),
        breadcrumb=breadcrumb,
        json_ld=(script_json(json_ld), script_json(breadcrumb_json_ld(public_trail))),
    )


def _trail(article: Article, tags: tuple[TagView, ...]) -> list[tuple[str, str]]:
    """The breadcrumb as (name, site-relative URL): home › the article's first tag › the article."""
    trail = [(HOME_CRUMB, home_url(1))]
    if tags:
        trail.append((tags[0].ja, tag_url(tags[0].key)))
    trail.append((article.title, article_url(article.slug)))
    return trail


def article_page(
    builder: PageBuilder,
    article: Article,
    tags: tuple[TagView, ...],
    navigation: ArticleNavView,
    editor_warnings: tuple[OpenWarning, ...],
) -> Page:
    """The page of ``article`` (``tags``: its tags' views). Its context is made when the page is
    rendered (``LazyContext``): the views of an article's body are the largest part of planning."""
    return builder.lazy_page(
        article_url(article.slug), article_template(article), article_context, article, tags, navigation,
        editor_warnings, lastmod=article.date,
    )


def article_context(
    builder: PageBuilder,
    article: Article,
    tags: tuple[TagView, ...],
    navigation: ArticleNavView,
    editor_warnings: tuple[OpenWarning, ...],
) -> Mapping[str, object]:
    """The context of ``article``'s page: of the whole article, when a build planned it slim."""
    article = full_article(article)
    parts = article_parts(article, tags, builder.config)
    return builder.context(
        article_url(article.slug),
        article.title,
        description=parts.description,
        article_meta=parts.meta,
        json_ld=parts.json_ld,
        image=builder.article_card(article, parts.view.date.display),
        article=parts.view,
        breadcrumb=parts.breadcrumb,
        navigation=navigation,
        editor_warnings=editor_warnings,
    )
