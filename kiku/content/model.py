"""The content model: what an article is, once loaded and validated.

Every class is frozen; lists are tuples. Text fields hold Markdown source (raw HTML is
disabled when rendered); ``title``, ``heading``, ``question``, ``answer``, ``publisher`` and
source titles are plain text. Field names match the YAML keys documented in
``docs/content-format.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kiku.records import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class Tag:
    """One entry of the bilingual tag vocabulary in ``site.yaml``."""

    key: str
    ja: str
    en: str
    terms: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class SourceCard:
    """A cited source: the card a digest section quotes."""

    url: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    summary: tuple[str, ...] = ()
    # The scraped summary bullets are about something else than the title: keep the link,
    # never publish the bullets.
    off_topic: bool = False
    # The writer's remarks on this card, shown right after it (before the next card).
    comments: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class Section:
    """One digest section: a question, its short answer, remarks, the cited cards and the body."""

    heading: str
    question: str | None = None
    answer: str | None = None
    comments: tuple[str, ...] = ()
    # The cited source cards in reading order, each with the remarks that follow it.
    sources: tuple[SourceCard, ...] = ()
    body: tuple[str, ...] = ()
    reaction: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class DigestArticle:
    """A news-digest article (the two digest layouts)."""

    slug: str
    title: str
    date: dt.date
    lead: str | None = None
    tags: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()
    intro: str | None = None
    sections: tuple[Section, ...] = ()
    outro: tuple[str, ...] = ()
    conclusion: tuple[str, ...] = ()
    scraped_from: str | None = None
    kind: Literal["digest"] = "digest"

    @property
    def source_urls(self) -> tuple[str, ...]:
        """Every cited source URL, in reading order."""
        return tuple(card.url for section in self.sections for card in section.sources)


@quick_init
@dataclass(frozen=True, slots=True)
class SlimDigestArticle(DigestArticle):
    """A digest article without its text, as a build plans a large site (kiku.content.cache.slim):
    the whole article is the article cache's entry under ``text_key``. Never equal to a whole one,
    and equal to another only with the same key: an edit of the text alone is a change."""

    text_key: bytes = b""


@quick_init
@dataclass(frozen=True, slots=True)
class EncyclopediaSection:
    heading: str
    body: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class Reference:
    """A footnote of an encyclopedia article; ``[id]`` markers in the text link to it."""

    id: int
    text: str
    url: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class Attribution:
    """Where an encyclopedia article comes from and under which licence."""

    source: str
    title: str
    url: str
    license: str
    revision: str | None = None
    license_url: str | None = None
    # The source page's own licence statement, word for word ('この記事は、ウィキペディアの… の下で提供されています。').
    notice: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class EncyclopediaArticle:
    """An encyclopedia article (a Wikipedia article as wrapped by a dictionary site)."""

    slug: str
    title: str
    date: dt.date
    attribution: Attribution
    lead: str | None = None
    tags: tuple[str, ...] = ()
    sections: tuple[EncyclopediaSection, ...] = ()
    references: tuple[Reference, ...] = ()
    scraped_from: str | None = None
    kind: Literal["encyclopedia"] = "encyclopedia"

    @property
    def source_urls(self) -> tuple[str, ...]:
        urls = [self.attribution.url]
        urls.extend(reference.url for reference in self.references if reference.url)
        return tuple(urls)


Article = DigestArticle | EncyclopediaArticle


@quick_init
@dataclass(frozen=True, slots=True)
class Limits:
    """``limits`` in ``site.yaml``: the largest input kiku reads (see docs/content-format.md)."""

    content_file_mb: int = 2
    import_page_mb: int = 50
    text_field_chars: int = 100_000


DEFAULT_LIMITS = Limits()


@quick_init
@dataclass(frozen=True, slots=True)
class SiteConfig:
    """``site.yaml``, validated."""

    title: str
    base_url: str
    tags: dict[str, Tag]
    title_en: str | None = None
    description: str | None = None
    language: str = "ja"
    per_page: int = 10
    # The custom domain GitHub Pages serves the site at: written to CNAME.
    cname: str | None = None
    limits: Limits = DEFAULT_LIMITS
    # The font file share cards are drawn with (absolute, checked to be a readable font);
    # None: look for a Japanese font on this machine.
    card_font: Path | None = None


@dataclass(frozen=True, slots=True)
class Site:
    """Everything a build needs, loaded once: the config and every article, newest first."""

    config: SiteConfig
    articles: tuple[Article, ...]
    # slug → a hash of what the article was loaded from (its file's bytes, the vocabulary and limits
    # it was checked against, the loader's code; kiku.content.cache.articles): equal keys, equal articles.
    # Only a build with the article cache has them; page fingerprints use them (kiku.render.writing).
    content_keys: Mapping[str, bytes] = field(default_factory=dict, compare=False, repr=False)
