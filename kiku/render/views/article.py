"""Views of an article page's body: a digest's sections and source cards, an encyclopedia
article's paragraphs, references and attribution."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kiku.content.model import Attribution, DigestArticle, EncyclopediaArticle, Reference, Section, SourceCard
from kiku.records import quick_init
from kiku.render.planning.lists.outlets import outlet_of
from kiku.render.planning.urls import domain_of, outlet_url, page_path
from kiku.render.text.reading_time import reading_time_label
from kiku.render.views.page import DateView, TagView, http_url, list_items, paragraphs


@quick_init
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
            summary=() if card.off_topic else list_items(card.summary),
            off_topic=card.off_topic,
            href=http_url(card.url),
            url_text=card.url,
            domain=domain,
            comments=card.comments,
            outlet_name=outlet.name,
            outlet_path=page_path(outlet_url(outlet.key)),
        )


@quick_init
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


@quick_init
@dataclass(frozen=True, slots=True)
class SourceLinkView:
    """One line of the 出典一覧 list."""

    title: str
    href: str | None
    url_text: str
    domain: str


@quick_init
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


@quick_init
@dataclass(frozen=True, slots=True)
class ParagraphView:
    """Markdown text plus the scope that keeps its footnote anchors unique on the page."""

    text: str
    anchor_scope: str


@quick_init
@dataclass(frozen=True, slots=True)
class EncyclopediaSectionView:
    anchor: str
    heading: str
    paragraphs: tuple[ParagraphView, ...]


@quick_init
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


@quick_init
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


@quick_init
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
        key_points=list_items(article.key_points),
        intro=article.intro,
        sections=tuple(SectionView.build(number, section) for number, section in _numbered(article.sections)),
        outro=article.outro,
        conclusion=list_items(article.conclusion),
        sources=tuple(sources),
    )


def build_encyclopedia_view(article: EncyclopediaArticle, tags: tuple[TagView, ...]) -> EncyclopediaView:
    lead = tuple(
        ParagraphView(text=text, anchor_scope=f"lead-{number}-")
        for number, text in enumerate(paragraphs(article.lead), 1)
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


def _numbered(sections: tuple[Section, ...]) -> Iterator[tuple[int, Section]]:
    return enumerate(sections, 1)
