"""Related articles: for every article, up to five others that share its rarer tags and sources.

Each article has *features*: its tags, its source URLs and the outlets of its source cards. Two
articles are scored by the features they share, each weighted by its kind (a shared source URL
says most, a shared outlet least) times its rarity, ``log((N + 1) / df)`` for a feature that
``df`` of the ``N`` articles have: a tag on every article says almost nothing, a tag on two says
a lot.

The whole site is scored through inverted indexes (feature → its articles, newest first), never by
comparing every pair: an article meets, in each of its features' lists, only the
``NEIGHBOURS`` articles on either side of it by date. A rare feature's list is short, so all of
its articles meet; a common tag's list is long, and only articles near in time meet through it.
That bounds the work per article by (its features × 2 × ``NEIGHBOURS``): the site costs time
linear in articles × features.

Ties go to the article nearer in the date order, then the newer one.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence

from kiku.content.model import Article
from kiku.render.planning.lists.outlets import Citation, citations

RELATED_LIMIT = 5
NEIGHBOURS = 12
TAG_WEIGHT = 1.0
URL_WEIGHT = 2.0
OUTLET_WEIGHT = 0.5

Feature = tuple[str, str]
_TIE = 1e-9  # scores closer than this are equal


def related_articles(articles: Sequence[Article]) -> dict[str, tuple[Article, ...]]:
    """Slug → up to ``RELATED_LIMIT`` related articles, best first; ``articles`` newest first."""
    by_slug = {article.slug: article for article in articles}
    features = {article.slug: article_features(article, ()) for article in articles}
    for citation in citations(articles):
        features[citation.article.slug] = (*features[citation.article.slug], ("outlet", citation.outlet.key))
    index = RelatedIndex()
    index.update(tuple(by_slug), {slug: tuple(dict.fromkeys(found)) for slug, found in features.items()})
    return {slug: tuple(by_slug[other] for other in related) for slug, related in index.related.items()}


def article_features(article: Article, cited: Iterable[Citation]) -> tuple[Feature, ...]:
    """What ``article`` is scored by, each once: its tags, source URLs and the outlets of ``cited``
    (its citations, :func:`kiku.render.planning.lists.outlets.citations`)."""
    found = dict.fromkeys(_plain_features(article))
    for citation in cited:
        found[("outlet", citation.outlet.key)] = None
    return tuple(found)


class RelatedIndex:
    """Every article's related articles, kept up to date from one site to the next.

    ``update`` recomputes only the articles whose list a change can alter: with the same number
    of articles, weights change only for the features gained or lost (their every article is
    scored again), and a move in the date order changes the meetings and the distances of the
    articles it shifts and of those within ``NEIGHBOURS`` of them in a feature's list. Another
    number of articles changes every weight: every article is scored again.
    """

    def __init__(self) -> None:
        self.related: dict[str, tuple[str, ...]] = {}  # slug → related slugs, best first
        self._order: tuple[str, ...] = ()
        self._features: dict[str, tuple[Feature, ...]] = {}
        self._postings: dict[Feature, list[int]] = {}  # feature → its articles' numbers, ascending
        self._weights: dict[Feature, float] = {}

    def __getstate__(self) -> dict[str, object]:
        # Stored (kiku.render.planning.store) without what the order and features give again.
        return {"related": self.related, "_order": self._order, "_features": self._features}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._index()

    def update(self, order: tuple[str, ...], features: Mapping[str, tuple[Feature, ...]]) -> set[str]:
        """Bring the lists up to the articles ``order`` (slugs, newest first) with ``features``
        (slug → its features); returns the slugs whose related list changed (or is new)."""
        old_order, old_features, old_postings = self._order, self._features, self._postings
        old_index = {slug: number for number, slug in enumerate(old_order)} if old_order != order else None
        self._order, self._features = order, dict(features)
        self._index()
        if len(order) != len(old_order) or (old_index is not None and not old_index.keys() >= set(order)):
            affected: Iterable[str] = order  # another set of articles: every weight changed
        else:
            affected = self._affected(old_order, old_index, old_features, old_postings)
        changed: set[str] = set()
        for slug in affected:
            related = tuple(order[other] for other in self._score(self._number[slug]))
            if self.related.get(slug) != related:
                self.related[slug] = related
                changed.add(slug)
        for slug in self.related.keys() - self._number.keys():
            del self.related[slug]
        return changed

    def restore(self, found: Mapping[str, tuple[str, ...]]) -> set[str]:
        """Take ``found`` (what ``update`` found for the articles and features given now, from
        ``kiku.render.planning.store.related_store``) as every article's related list; the next ``update``
        scores every article. Returns the slugs whose related list changed, as ``update`` does."""
        changed = {slug for slug, others in found.items() if self.related.get(slug) != others}
        self.related = dict(found)
        self._order, self._features, self._postings, self._weights = (), {}, {}, {}
        return changed

    def _index(self) -> None:
        self._number = {slug: number for number, slug in enumerate(self._order)}
        postings: dict[Feature, list[int]] = {}
        for number, slug in enumerate(self._order):
            for feature in self._features[slug]:
                postings.setdefault(feature, []).append(number)
        total = len(self._order)
        self._postings = postings
        self._weights = {feature: _weight(feature, len(posting), total) for feature, posting in postings.items()}

    def _affected(
        self,
        old_order: tuple[str, ...],
        old_index: Mapping[str, int] | None,
        old_features: Mapping[str, tuple[Feature, ...]],
        old_postings: Mapping[Feature, list[int]],
    ) -> set[str]:
        order = self._order
        affected: set[str] = set()
        for slug in order:  # same articles: a changed feature set reweighs its features' every article
            before, after = old_features[slug], self._features[slug]
            if before is after or before == after:
                continue
            for feature in set(before) ^ set(after):
                affected.update(old_order[other] for other in old_postings.get(feature, ()))
                affected.update(order[other] for other in self._postings.get(feature, ()))
        if old_index is not None:  # moved in the date order: the shifted run and its neighbours
            shifted = [slug for number, slug in enumerate(order) if old_order[number] != slug]
            for slug in shifted:
                affected.add(slug)
                affected.update(_meeting(old_index[slug], old_features[slug], old_postings, old_order))
                affected.update(_meeting(self._number[slug], self._features[slug], self._postings, order))
        return affected

    def _score(self, index: int) -> list[int]:
        scores: dict[int, float] = {}
        get = scores.get
        # Where the article stands in each of its features' lists is looked up, not kept: a pair per
        # article and feature was a fifth of the planner's related index (2026-11-30).
        for feature in self._features[self._order[index]]:
            posting = self._postings[feature]
            position = bisect.bisect_left(posting, index)
            weight = self._weights[feature]
            for other in posting[max(0, position - NEIGHBOURS) : position]:
                scores[other] = get(other, 0.0) + weight
            for other in posting[position + 1 : position + NEIGHBOURS + 1]:
                scores[other] = get(other, 0.0) + weight
        return _best(scores, index)


def _meeting(
    number: int, features: tuple[Feature, ...], postings: Mapping[Feature, list[int]], order: tuple[str, ...]
) -> Iterator[str]:
    """The articles that meet article ``number`` in one of its features' lists, and the next one
    out on either side (it meets the article's neighbour once the article is gone)."""
    for feature in features:
        posting = postings[feature]
        position = bisect.bisect_left(posting, number)
        for other in posting[max(0, position - NEIGHBOURS - 1) : position + NEIGHBOURS + 2]:
            yield order[other]


def _best(scores: dict[int, float], index: int) -> list[int]:
    """The ``RELATED_LIMIT`` best-scored others of article ``index``: highest score, then nearest."""
    if not scores:
        return []
    # The limit-th best score, found by C code; only the few candidates at or above it are sorted
    # with the full key. Scores are rounded there so that equal sums added in another order tie.
    threshold = max(heapq.nlargest(RELATED_LIMIT, scores.values())[-1] - _TIE, _TIE)
    finalists = [other for other, score in scores.items() if score >= threshold]
    finalists.sort(key=lambda other: (-round(scores[other], 9), abs(other - index), other))
    return finalists[:RELATED_LIMIT]


def _plain_features(article: Article) -> Iterator[Feature]:
    yield from map(_tag_feature, article.tags)
    for url in article.source_urls:
        yield ("url", url)


# One feature per tag, not one per article and tag: a site has some tens of tags, each on thousands of articles.
_tag_feature = functools.lru_cache(maxsize=4096)(lambda key: ("tag", key))

_KIND_WEIGHTS = {"tag": TAG_WEIGHT, "url": URL_WEIGHT, "outlet": OUTLET_WEIGHT}


def _weight(feature: Feature, frequency: int, total: int) -> float:
    return _KIND_WEIGHTS[feature[0]] * math.log((total + 1) / frequency)
