"""Outlets: who published the sources the digest cites, and the key each outlet page lives at.

An outlet is named by its source cards: the card's ``publisher`` when it has one, else the
domain of the card's URL (``www.`` dropped). Names are compared NFKC-normalised, case-folded
and with runs of spaces made one, so ``ロイター`` and ``ロイター `` are one outlet.

The key rule (stable: a function of the name alone; ASCII; collision-free):

* the *slug* of the compared name is its lowercase ASCII letters, digits and dots, every other
  run of characters becoming one ``-`` (leading and trailing ``-``/``.`` removed);
* when the slug *is* the compared name (``courrier.jp``, ``bbc``, ``the-guardian``), the key is
  the slug;
* otherwise the key is the slug (``outlet`` when nothing is left) + ``_`` + the first 10 hex
  digits of the SHA-256 of the compared name in UTF-8: ``ロイター`` → ``outlet_0f4b…``,
  ``The Guardian`` → ``the-guardian_…``.

A key of the first kind never holds ``_``, so the two kinds never meet; two names of the second
kind share a key only if their hashes' first 40 bits agree, which the page plan still refuses
(``kiku.render.pages.sources``) rather than merging two outlets.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kiku.content.model import Article, DigestArticle, SourceCard
from kiku.render.planning.urls import domain_of

_NOT_SLUG = re.compile(r"[^a-z0-9.]+")
_SPACES = re.compile(r"\s+")
_HASH_DIGITS = 10


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet: its URL key, the name a reader sees and the name as compared (``identity``)."""

    key: str
    name: str
    identity: str


def outlet_name(card: SourceCard) -> str:
    """What a reader calls the outlet of ``card``: its publisher, else its URL's domain."""
    publisher = _SPACES.sub(" ", card.publisher).strip() if card.publisher else ""
    return publisher or domain_of(card.url)


def outlet_identity(name: str) -> str:
    """``name`` as outlets are compared: NFKC, case-folded, one space for every run of spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()


@functools.lru_cache(maxsize=65_536)  # a site cites a few hundred outlets thousands of times
def outlet_key(name: str) -> str:
    """The URL key of the outlet called ``name`` (see the module docstring for the rule)."""
    compared = outlet_identity(name)
    slug = _NOT_SLUG.sub("-", compared).strip("-.")
    if slug == compared and slug:
        return slug
    digest = hashlib.sha256(compared.encode("utf-8")).hexdigest()[:_HASH_DIGITS]
    return f"{slug or 'outlet'}_{digest}"


def outlet_of(card: SourceCard) -> Outlet:
    return _outlet(outlet_name(card))


@functools.lru_cache(maxsize=65_536)
def _outlet(name: str) -> Outlet:
    # One Outlet (and one copy of its names) per outlet, not per citation: a site cites a few hundred
    # outlets thousands of times, and the planner keeps every citation (2026-11-30, 5,000 articles:
    # 3,000 copies of each of the six commonest names).
    return Outlet(outlet_key(name), name, outlet_identity(name))


@dataclass(frozen=True, slots=True)
class Citation:
    """One source card of one article, with its outlet."""

    article: DigestArticle
    card: SourceCard
    outlet: Outlet


def citations(articles: Sequence[Article]) -> Iterator[Citation]:
    """Every source card of every digest article, in article order, each card URL once per article."""
    for article in articles:
        if not isinstance(article, DigestArticle):
            continue
        seen: set[str] = set()
        for card in (card for section in article.sections for card in section.sources):
            if card.url in seen:
                continue
            seen.add(card.url)
            yield Citation(article, card, outlet_of(card))
