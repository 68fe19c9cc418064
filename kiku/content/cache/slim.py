"""Digest articles held without their text while a build plans a large site: their text is read
again from the article cache (``kiku.content.cache.articles``) by the page that shows it.

A loaded article's text (its intro, its sections' questions, answers, remarks and bodies, its
cards' summaries and remarks, its outro and conclusion) was two thirds of its memory: at 10,000
articles 73 of 107 MB, held from loading to the end of the build by the main process and every
process forked from it, though only the article's own page and its search entry show it. Planning
needs what lists, links, feeds and outlet pages show: slug, title, date, lead, tags, key points and
the cards' links. The build loads its site slim (``kiku.content.loading.loader.load_site``,
``slim=True``): every digest article is stored in the article cache's packs under its key, and
held as a ``SlimDigestArticle`` naming that key; ``full_article`` reads the whole article back
when and where its page or its search entry is made, and it is let go after.

The packs are opened once the loader has stored and merged them, before the build forks, so that
its processes share the index (read with ``os.pread``: no shared file position). An entry that can
no longer be read is the content file read again (``reread``), if it still holds what was planned
(its key is checked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiku.content.cache.articles import StoredArticles
from kiku.content.model import Article, DigestArticle, Section, SlimDigestArticle, SourceCard
from kiku.errors import KikuError

# The whole article of a content file name, read and checked again, if the file still has the key
# given; else None.
Reread = Callable[[str, bytes], Article | None]


class ArticleGone(KikuError):
    """A slim article's text can no longer be had as it was planned."""


def slim_article(article: Article, key: bytes) -> Article:
    """``article`` without what planning does not read, its whole self stored under ``key``: a
    digest article's text emptied, each section and card kept in its place (the plan store names a
    card by its path); an encyclopedia article (rare, and its references are links) is kept whole."""
    if not isinstance(article, DigestArticle):
        return article
    return SlimDigestArticle(
        slug=article.slug,
        title=article.title,
        date=article.date,
        lead=article.lead,
        tags=article.tags,
        key_points=article.key_points,
        sections=tuple(Section("", sources=tuple(map(_slim_card, section.sources))) for section in article.sections),
        scraped_from=article.scraped_from,
        text_key=key,
    )


def _slim_card(card: SourceCard) -> SourceCard:
    return SourceCard(card.url, card.title, card.publisher, card.published, off_topic=card.off_topic)


@dataclass(slots=True)
class _Source:
    """Where whole articles are read from: the packs (opened by ``open_packs``), or the files."""

    folder: Path
    reread: Reread
    stored: StoredArticles | None = None


_source: _Source | None = None


def read_whole_from(folder: Path, reread: Reread) -> None:
    """Read whole articles from the article cache's packs in ``folder`` (or by ``reread``) from now on."""
    global _source
    stop_reading_whole()
    _source = _Source(folder, reread)


def open_packs() -> None:
    """Open the packs now (the loader, once it has stored every article: before the build forks)."""
    if _source is not None:
        if _source.stored is not None:
            _source.stored.close()
        _source.stored = StoredArticles(_source.folder)


def full_article(article: Article) -> Article:
    """The whole of ``article``: itself unless it is slim."""
    if not isinstance(article, SlimDigestArticle):
        return article
    if _source is None:
        raise ArticleGone(f"content/{article.slug}.yaml: a slim article, with no article cache to read it from")
    if _source.stored is None:
        open_packs()
    assert _source.stored is not None
    file_name = f"{article.slug}.yaml"
    whole = _source.stored.get(file_name, article.text_key) or _source.reread(file_name, article.text_key)
    if whole is None:
        raise ArticleGone(f"content/{file_name} changed while the site was built: build again")
    return whole


def stop_reading_whole() -> None:
    """Close the packs (a build starts, or a load)."""
    global _source
    if _source is not None and _source.stored is not None:
        _source.stored.close()
    _source = None
