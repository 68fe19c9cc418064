"""What templates show: frozen views built from the content model, every value precomputed.

A view holds display strings, site-relative paths (``tags/ukraine/index.html``; a template
prefixes the page's ``root``) and Markdown source for the ``markdown`` filters. Templates
never derive anything from these: no date formatting, no URL building, no counting.

This module holds the views every kind of page shares (the site, dates, tags) and the text
helpers the others use; ``listing`` holds a list's entries and pagination,
``article`` an article page's body, ``browse`` the ways from page to page.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from kiku.content.checking.links import is_http_url
from kiku.content.model import SiteConfig, Tag
from kiku.records import quick_init
from kiku.render.planning.urls import (
    FEED_URL,
    SEARCH_URL,
    TAGS_URL,
    archive_url,
    home_url,
    page_path,
    sources_url,
    tag_url,
)
from kiku.render.writing.other_files.identity import IconsView

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Bullet glyphs the scraped pages put in front of items; the templates draw their own markers.
_ITEM_MARKERS = ("💡", "✅", "📘")


# A source URL is checked for its article's page, its outlet's page and its JSON-LD: once is enough.
@functools.lru_cache(maxsize=262_144)
def http_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL (the loader's rule), else None: never emit other schemes."""
    return url if url is not None and is_http_url(url) else None


def _strip_item_marker(text: str) -> str:
    stripped = text.lstrip()
    for marker in _ITEM_MARKERS:
        if stripped.startswith(marker):
            return stripped.removeprefix(marker).lstrip()
    return text


def list_items(texts: tuple[str, ...]) -> tuple[str, ...]:
    """``texts`` without the bullet glyphs scraped pages put in front of items."""
    return tuple(_strip_item_marker(text) for text in texts)


def paragraphs(text: str | None) -> tuple[str, ...]:
    """``text`` cut at its blank lines into trimmed paragraphs."""
    if not text:
        return ()
    return tuple(part.strip() for part in _PARAGRAPH_BREAK.split(text.strip()) if part.strip())


@quick_init
@dataclass(frozen=True, slots=True)
class SiteView:
    title: str
    # The header splits "菊 Chrysanthemum Digest" into the emblem and the English name.
    mark: str | None
    name: str
    name_lang: str
    description: str | None
    home_path: str
    tags_path: str
    sources_path: str
    archive_path: str
    stylesheet_path: str
    feed_path: str
    search_path: str
    icons: IconsView

    @classmethod
    def build(cls, config: SiteConfig) -> SiteView:
        mark, name, name_lang = None, config.title, config.language
        title_en = config.title_en
        if title_en and config.title.endswith(title_en) and config.title != title_en:
            mark, name, name_lang = config.title.removesuffix(title_en).strip(), title_en, "en"
        return cls(
            title=config.title,
            mark=mark,
            name=name,
            name_lang=name_lang,
            description=config.description,
            home_path=page_path(home_url(1)),
            tags_path=page_path(TAGS_URL),
            sources_path=page_path(sources_url()),
            archive_path=page_path(archive_url()),
            stylesheet_path="static/style.css",
            feed_path=page_path(FEED_URL),
            search_path=page_path(SEARCH_URL),
            icons=IconsView.build(),
        )


@quick_init
@dataclass(frozen=True, slots=True)
class DateView:
    iso: str
    display: str

    @classmethod
    def build(cls, date: dt.date) -> DateView:
        return _date_view(date) if cls is DateView else cls(iso=date.isoformat(), display=_display(date))


# One view per day, not one per article, link and card shown on it (frozen: shared safely): they
# were the plan's commonest object (2026-11-30, 5,000 articles: 80,000 of them, 5 MiB).
@functools.lru_cache(maxsize=65_536)
def _date_view(date: dt.date) -> DateView:
    return DateView(iso=date.isoformat(), display=_display(date))


def _display(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


@quick_init
@dataclass(frozen=True, slots=True)
class TagView:
    key: str
    ja: str
    en: str
    path: str
    # The English name when it says something the Japanese one does not (``NATO · NATO`` is one name).
    en_shown: str | None

    @classmethod
    def build(cls, tag: Tag) -> TagView:
        en_shown = None if tag.en.casefold() == tag.ja.casefold() else tag.en
        return cls(key=tag.key, ja=tag.ja, en=tag.en, path=page_path(tag_url(tag.key)), en_shown=en_shown)


@quick_init
@dataclass(frozen=True, slots=True)
class TagCountView:
    tag: TagView
    count: int
