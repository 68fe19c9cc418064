"""What templates show: frozen views built from the content model, every value precomputed.

A view holds display strings, site-relative paths (``tags/ukraine/index.html``; a template
prefixes the page's ``root``) and Markdown source for the ``markdown`` filters. Templates
never derive anything from these: no date formatting, no URL building, no counting.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kiku.content.links import is_http_url
from kiku.content.model import (
    Article,
    Attribution,
    DigestArticle,
    EncyclopediaArticle,
    Reference,
    Section,
    SiteConfig,
    SourceCard,
    Tag,
)
from kiku.render.identity import IconsView
from kiku.render.outlets import outlet_of
from kiku.render.reading_time import reading_time_label
from kiku.render.urls import (
    FEED_URL,
    SEARCH_URL,
    TAGS_URL,
    archive_url,
    article_url,
    domain_of,
    home_url,
    outlet_url,
    page_path,
    sources_url,
    tag_url,
)

_FOOTNOTE_MARKER = re.compile(r"\[(\d{1,4})\](?!\()")
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


def _items(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_strip_item_marker(text) for text in texts)


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


@dataclass(frozen=True, slots=True)
class DateView:
    iso: str
    display: str

    @classmethod
    def build(cls, date: dt.date) -> DateView:
        return cls(iso=date.isoformat(), display=f"{date.year}年{date.month}月{date.day}日")


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


@dataclass(frozen=True, slots=True)
class TagCountView:
    tag: TagView
    count: int


@dataclass(frozen=True, slots=True)
class ArticleSummaryView:
    """One entry of a list (home, tag page): enough to choose what to read."""

    title: str
    path: str
    kind: str
    kind_label: str
    date: DateView
    lead: str | None
    tags: tuple[TagView, ...]
    # A list shows a few tags per entry, and how many more there are.
    shown_tags: tuple[TagView, ...]
    more_tags: int
    key_points: tuple[str, ...]


# Tag chips per entry of a list: more would push the next entry off a phone's screen.
LIST_TAGS = 3


@dataclass(frozen=True, slots=True)
class PageLinkView:
    """A numbered link of the pagination bar; a gap (``…``) stands for the pages left out."""

    number: int
    path: str
    current: bool
    gap: bool = False


@dataclass(frozen=True, slots=True)
class PaginationView:
    number: int
    total: int
    previous_path: str | None
    next_path: str | None
    pages: tuple[PageLinkView, ...]


@dataclass(frozen=True, slots=True)
class SourceCardView:
    title: str
    publisher: str | None
    published: DateView | None
    summary: tuple[str, ...]
    off_topic: bool
    href: str | None
    url_text: str
    domain: str
    # The writer's remarks on this card, shown right after it.
    comments: tuple[str, ...]
    outlet_name: str
    outlet_path: str

    @classmethod
    def build(cls, card: SourceCard) -> SourceCardView:
        domain = domain_of(card.url)
        outlet = outlet_of(card)
        return cls(
            title=card.title or domain,
            publisher=card.publisher,
            published=DateView.build(card.published) if card.published else None,
            # An off-topic card keeps its link; its bullets are about something else: never shown.
            summary=() if card.off_topic else _items(card.summary),
            off_topic=card.off_topic,
            href=http_url(card.url),
            url_text=card.url,
            domain=domain,
            comments=card.comments,
            outlet_name=outlet.name,
            outlet_path=page_path(outlet_url(outlet.key)),
        )


@dataclass(frozen=True, slots=True)
class SectionView:
    number: int
    anchor: str
    heading: str
    question: str | None
    answer: str | None
    comments: tuple[str, ...]
    sources: tuple[SourceCardView, ...]
    body: tuple[str, ...]
    reaction: tuple[str, ...]

    @classmethod
    def build(cls, number: int, section: Section) -> SectionView:
        return cls(
            number=number,
            anchor=f"section-{number}",
            heading=section.heading,
            question=section.question,
            answer=section.answer,
            comments=section.comments,
            sources=tuple(SourceCardView.build(card) for card in section.sources),
            body=section.body,
            reaction=section.reaction,
        )


@dataclass(frozen=True, slots=True)
class SourceLinkView:
    """One line of the 出典一覧 list."""

    title: str
    href: str | None
    url_text: str
    domain: str


@dataclass(frozen=True, slots=True)
class DigestView:
    title: str
    date: DateView
    reading_time: str
    tags: tuple[TagView, ...]
    lead: str | None
    key_points: tuple[str, ...]
    intro: str | None
    sections: tuple[SectionView, ...]
    outro: tuple[str, ...]
    conclusion: tuple[str, ...]
    sources: tuple[SourceLinkView, ...]


@dataclass(frozen=True, slots=True)
class ParagraphView:
    """Markdown text plus the scope that keeps its footnote anchors unique on the page."""

    text: str
    anchor_scope: str


@dataclass(frozen=True, slots=True)
class EncyclopediaSectionView:
    anchor: str
    heading: str
    paragraphs: tuple[ParagraphView, ...]


@dataclass(frozen=True, slots=True)
class ReferenceView:
    id: int
    anchor: str
    text: str
    href: str | None
    domain: str | None

    @classmethod
    def build(cls, reference: Reference) -> ReferenceView:
        href = http_url(reference.url)
        return cls(
            id=reference.id,
            anchor=f"ref-{reference.id}",
            text=reference.text,
            href=href,
            domain=domain_of(href) if href else None,
        )


@dataclass(frozen=True, slots=True)
class AttributionView:
    source: str
    title: str
    href: str | None
    url_text: str
    license: str
    license_href: str | None
    revision: str | None
    notice: str | None

    @classmethod
    def build(cls, attribution: Attribution) -> AttributionView:
        return cls(
            source=attribution.source,
            title=attribution.title,
            href=http_url(attribution.url),
            url_text=attribution.url,
            license=attribution.license,
            license_href=http_url(attribution.license_url),
            notice=attribution.notice,
            revision=attribution.revision,
        )


@dataclass(frozen=True, slots=True)
class EncyclopediaView:
    title: str
    date: DateView
    reading_time: str
    tags: tuple[TagView, ...]
    lead: tuple[ParagraphView, ...]
    sections: tuple[EncyclopediaSectionView, ...]
    references: tuple[ReferenceView, ...]
    reference_ids: frozenset[int]
    attribution: AttributionView


def build_digest_view(article: DigestArticle, tags: tuple[TagView, ...]) -> DigestView:
    sources: list[SourceLinkView] = []
    seen_urls: set[str] = set()
    for card in (card for section in article.sections for card in section.sources):
        if card.url in seen_urls:
            continue
        seen_urls.add(card.url)
        domain = domain_of(card.url)
        sources.append(SourceLinkView(card.title or domain, http_url(card.url), card.url, domain))
    return DigestView(
        title=article.title,
        date=DateView.build(article.date),
        reading_time=reading_time_label(article),
        tags=tags,
        lead=article.lead,
        key_points=_items(article.key_points),
        intro=article.intro,
        sections=tuple(SectionView.build(number, section) for number, section in _numbered(article.sections)),
        outro=article.outro,
        conclusion=_items(article.conclusion),
        sources=tuple(sources),
    )


def build_encyclopedia_view(article: EncyclopediaArticle, tags: tuple[TagView, ...]) -> EncyclopediaView:
    lead = tuple(
        ParagraphView(text=text, anchor_scope=f"lead-{number}-")
        for number, text in enumerate(_paragraphs(article.lead), 1)
    )
    sections = tuple(
        EncyclopediaSectionView(
            anchor=f"section-{section_number}",
            heading=section.heading,
            paragraphs=tuple(
                ParagraphView(text=text, anchor_scope=f"s{section_number}-{number}-")
                for number, text in enumerate(section.body, 1)
            ),
        )
        for section_number, section in enumerate(article.sections, 1)
    )
    return EncyclopediaView(
        title=article.title,
        date=DateView.build(article.date),
        reading_time=reading_time_label(article),
        tags=tags,
        lead=lead,
        sections=sections,
        references=tuple(ReferenceView.build(reference) for reference in article.references),
        reference_ids=frozenset(reference.id for reference in article.references),
        attribution=AttributionView.build(article.attribution),
    )


def build_summary_view(article: Article, tags: tuple[TagView, ...]) -> ArticleSummaryView:
    if isinstance(article, EncyclopediaArticle):
        kind_label = "百科"
        # A list shows the first paragraph only, without footnote markers (they link nowhere there).
        first = next(iter(_paragraphs(article.lead)), None)
        known_ids = {reference.id for reference in article.references}
        lead = _strip_footnote_markers(first, known_ids) if first else None
    else:
        kind_label = "ダイジェスト"
        lead = article.lead
    key_points = _items(article.key_points) if isinstance(article, DigestArticle) else ()
    return ArticleSummaryView(
        title=article.title,
        path=page_path(article_url(article.slug)),
        kind=article.kind,
        kind_label=kind_label,
        date=DateView.build(article.date),
        lead=lead,
        tags=tags,
        shown_tags=tags[:LIST_TAGS],
        more_tags=max(0, len(tags) - LIST_TAGS),
        key_points=key_points,
    )


def _numbered(sections: tuple[Section, ...]) -> Iterator[tuple[int, Section]]:
    return enumerate(sections, 1)


def _paragraphs(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(part.strip() for part in _PARAGRAPH_BREAK.split(text.strip()) if part.strip())


def _strip_footnote_markers(text: str, known_ids: set[int]) -> str:
    return _FOOTNOTE_MARKER.sub(lambda m: "" if int(m.group(1)) in known_ids else m.group(0), text)
