"""What a page's ``<head>`` tells machines: description, OpenGraph, Twitter card, feeds, JSON-LD.

Everything is prepared here as plain values; the template only writes them out. JSON-LD is
serialised once, in :func:`script_json`, into text that cannot end its ``<script>`` element.

Dates: an article has a day, not a time. Its RFC 3339 date-time is that day at midnight in
Japan (``2025-03-19T00:00:00+09:00``): the digest is written for, and dated in, Japan.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from kiku.content.model import DigestArticle, EncyclopediaArticle, SiteConfig
from kiku.records import quick_init
from kiku.render.text.plaintext import plain_text, shorten
from kiku.render.views.page import TagView, http_url

ARTICLE_TIME_ZONE = "+09:00"
DESCRIPTION_LIMIT = 160  # characters: what search results and cards show of a description
_SCHEMA_ORG = "https://schema.org"
# Inside <script>, "</script" or "<!--" would end or confuse the element; JSON may spell any
# character as \uXXXX, so these never appear literally. U+2028/9 are escaped for old JS parsers.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def article_time(date: dt.date) -> str:
    """The RFC 3339 date-time of an article dated ``date`` (midnight in Japan; see the module doc)."""
    return f"{date.isoformat()}T00:00:00{ARTICLE_TIME_ZONE}"


def description_of(markdown: str | None) -> str | None:
    """A one-line plain-text description from Markdown (an article's lead), at most 160 characters."""
    if not markdown:
        return None
    return shorten(plain_text(markdown), DESCRIPTION_LIMIT) or None


def og_locale(language: str) -> str:
    """The OpenGraph locale of a page language: ``ja`` → ``ja_JP``, ``en-US`` → ``en_US``."""
    if language.lower() == "ja":
        return "ja_JP"
    return language.replace("-", "_")


@quick_init
@dataclass(frozen=True, slots=True)
class FeedLinkView:
    """A ``<link rel="alternate" type="application/atom+xml">``: title and path from the site root."""

    title: str
    path: str


@quick_init
@dataclass(frozen=True, slots=True)
class ArticleMetaView:
    """The ``article:*`` OpenGraph properties of an article page."""

    published_time: str
    tags: tuple[str, ...]


@quick_init
@dataclass(frozen=True, slots=True)
class ImageView:
    """A page's share card (``og:image``): absolute URL, size in pixels, and what it shows."""

    url: str
    width: int
    height: int
    alt: str


@quick_init
@dataclass(frozen=True, slots=True)
class MetaView:
    """Everything ``<head>`` says about one page besides its title and stylesheet."""

    title: str
    description: str | None
    # The page's public URL (og:url, canonical); None for a page with no address of its own (404).
    url: str | None
    og_type: str
    site_name: str
    locale: str
    twitter_card: str
    feeds: tuple[FeedLinkView, ...]
    article: ArticleMetaView | None
    json_ld: tuple[Markup, ...]  # one <script type="application/ld+json"> each
    noindex: bool
    image: ImageView | None = None


def script_json(data: Mapping[str, object]) -> Markup:
    """``data`` as JSON that is safe as the whole content of a ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c`` and so on: scraped text holding
    ``</script><script>…`` stays a string of the JSON and never closes the element.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_ESCAPES.items():  # str.replace: ~50× faster than str.translate here
        if character in text:
            text = text.replace(character, escaped)
    return Markup(text)  # escaped just above, for this context


def digest_json_ld(
    article: DigestArticle, url: str, description: str | None, config: SiteConfig
) -> dict[str, object]:
    """A schema.org ``NewsArticle``; ``citation`` lists the sources whose summary is on the page."""
    citations: list[dict[str, object]] = []
    seen: set[str] = set()
    for card in (card for section in article.sections for card in section.sources):
        # An off-topic card's link is shown, but its content is not what the article cites.
        if card.off_topic or card.url in seen or http_url(card.url) is None:
            continue
        seen.add(card.url)
        citation: dict[str, object] = {"@type": "CreativeWork", "url": card.url}
        if card.title:
            citation["name"] = card.title
        if card.publisher:
            citation["publisher"] = {"@type": "Organization", "name": card.publisher}
        if card.published:
            citation["datePublished"] = card.published.isoformat()
        citations.append(citation)
    data = _article_json_ld("NewsArticle", article.title, article.date, url, description, config)
    if citations:
        data["citation"] = citations
    return data


def encyclopedia_json_ld(
    article: EncyclopediaArticle, url: str, description: str | None, config: SiteConfig
) -> dict[str, object]:
    """A schema.org ``Article`` with its licence and the work it reproduces (``isBasedOn``)."""
    attribution = article.attribution
    data = _article_json_ld("Article", article.title, article.date, url, description, config)
    data["license"] = http_url(attribution.license_url) or attribution.license
    based_on: dict[str, object] = {"@type": "CreativeWork", "name": attribution.title}
    if http_url(attribution.url):
        based_on["url"] = attribution.url
    if attribution.revision:
        based_on["version"] = attribution.revision
    data["isBasedOn"] = based_on
    data["creditText"] = f"{attribution.source}: {attribution.title} ({attribution.license})"
    return data


def article_meta(date: dt.date, tags: tuple[TagView, ...]) -> ArticleMetaView:
    names = tuple(f"{tag.ja} / {tag.en_shown}" if tag.en_shown else tag.ja for tag in tags)
    return ArticleMetaView(published_time=article_time(date), tags=names)


def _article_json_ld(
    kind: str, title: str, date: dt.date, url: str, description: str | None, config: SiteConfig
) -> dict[str, object]:
    data: dict[str, object] = {
        "@context": _SCHEMA_ORG,
        "@type": kind,
        "headline": title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article_time(date),
        "inLanguage": config.language,
        "publisher": {"@type": "Organization", "name": config.title, "url": config.base_url},
    }
    if description:
        data["description"] = description
    return data


def breadcrumb_json_ld(trail: Sequence[tuple[str, str]]) -> dict[str, object]:
    """A schema.org ``BreadcrumbList`` of (name, absolute URL) steps, the site's home first."""
    return {
        "@context": _SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, 1)
        ],
    }
