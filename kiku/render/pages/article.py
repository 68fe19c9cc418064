"""Article pages: the article, its breadcrumb (home › first tag › article), the older and newer
article by date and the related articles."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from kiku.content.model import Article, DigestArticle, SiteConfig
from kiku.content.open_warnings import OpenWarning
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.planning.urls import article_url, canonical_url, home_url, page_path, tag_url
from kiku.render.views.article import DigestView, EncyclopediaView, build_digest_view, build_encyclopedia_view
from kiku.render.views.browse import ArticleNavView, CrumbView
from kiku.render.views.listing import ArticleSummaryView
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
    """What an article page shows of the article alone, computed once per article object
    (``kiku serve`` reuses it while the file is unchanged)."""

    template: str
    view: DigestView | EncyclopediaView
    description: str | None
    meta: ArticleMetaView
    breadcrumb: tuple[CrumbView, ...]
    json_ld: tuple[Markup, ...]


def article_parts(
    article: Article, tags: tuple[TagView, ...], config: SiteConfig, summary: ArticleSummaryView
) -> ArticleParts:
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
    trail = _trail(article, tags)
    # Every step links to its page but the last, the page itself.
    breadcrumb = (*(CrumbView(name, page_path(url)) for name, url in trail[:-1]), CrumbView(article.title, None))
    public_trail = [(name, canonical_url(config.base_url, url)) for name, url in trail]
    return ArticleParts(
        template=template,
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
    parts: ArticleParts,
    navigation: ArticleNavView,
    editor_warnings: tuple[OpenWarning, ...],
) -> Page:
    """The page of ``article``."""
    return builder.page(
        article_url(article.slug),
        parts.template,
        article.title,
        description=parts.description,
        lastmod=article.date,
        article_meta=parts.meta,
        json_ld=parts.json_ld,
        image=builder.article_card(article, parts.view.date.display),
        article=parts.view,
        breadcrumb=parts.breadcrumb,
        navigation=navigation,
        editor_warnings=editor_warnings,
    )
