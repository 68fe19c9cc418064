"""Views of a list of articles (home, tag, month pages): its entries and its pagination bar."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiku.content.model import Article, DigestArticle, EncyclopediaArticle
from kiku.records import quick_init
from kiku.render.planning.urls import article_url, page_path
from kiku.render.views.page import DateView, TagView, list_items, paragraphs

_FOOTNOTE_MARKER = re.compile(r"\[(\d{1,4})\](?!\()")


@quick_init
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


@quick_init
@dataclass(frozen=True, slots=True)
class PageLinkView:
    """A numbered link of the pagination bar; a gap (``…``) stands for the pages left out."""

    number: int
    path: str
    current: bool
    gap: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class PaginationView:
    number: int
    total: int
    previous_path: str | None
    next_path: str | None
    pages: tuple[PageLinkView, ...]


def build_summary_view(article: Article, tags: tuple[TagView, ...]) -> ArticleSummaryView:
    if isinstance(article, EncyclopediaArticle):
        kind_label = "百科"
        # A list shows the first paragraph only, without footnote markers (they link nowhere there).
        first = next(iter(paragraphs(article.lead)), None)
        known_ids = {reference.id for reference in article.references}
        lead = _strip_footnote_markers(first, known_ids) if first else None
    else:
        kind_label = "ダイジェスト"
        lead = article.lead
    key_points = list_items(article.key_points) if isinstance(article, DigestArticle) else ()
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


def _strip_footnote_markers(text: str, known_ids: set[int]) -> str:
    return _FOOTNOTE_MARKER.sub(lambda m: "" if int(m.group(1)) in known_ids else m.group(0), text)
