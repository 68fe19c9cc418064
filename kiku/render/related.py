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

import heapq
import math
from collections.abc import Iterator, Sequence

from kiku.content.model import Article
from kiku.render.outlets import citations

RELATED_LIMIT = 5
NEIGHBOURS = 12
TAG_WEIGHT = 1.0
URL_WEIGHT = 2.0
OUTLET_WEIGHT = 0.5

_Feature = tuple[str, str]
_TIE = 1e-9  # scores closer than this are equal


def related_articles(articles: Sequence[Article]) -> dict[str, tuple[Article, ...]]:
    """Slug → up to ``RELATED_LIMIT`` related articles, best first; ``articles`` newest first."""
    features = _features(articles)
    postings: dict[_Feature, list[int]] = {}
    # Where each article stands in each of its features' lists: found while the lists are built.
    positions: list[list[tuple[_Feature, int]]] = [[] for _ in articles]
    for index, article_features in enumerate(features):
        for feature in article_features:
            posting = postings.setdefault(feature, [])
            positions[index].append((feature, len(posting)))
            posting.append(index)
    total = len(articles)
    weights = {feature: _weight(feature, len(posting), total) for feature, posting in postings.items()}
    related: dict[str, tuple[Article, ...]] = {}
    for index, article in enumerate(articles):
        scores: dict[int, float] = {}
        get = scores.get
        for feature, position in positions[index]:
            posting = postings[feature]
            weight = weights[feature]
            for other in posting[max(0, position - NEIGHBOURS) : position]:
                scores[other] = get(other, 0.0) + weight
            for other in posting[position + 1 : position + NEIGHBOURS + 1]:
                scores[other] = get(other, 0.0) + weight
        related[article.slug] = tuple(articles[other] for other in _best(scores, index))
    return related


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


def _features(articles: Sequence[Article]) -> list[list[_Feature]]:
    # Ordered sets: a feature counts once per article, in a fixed order.
    features = [dict.fromkeys(_plain_features(article)) for article in articles]
    index_of = {article.slug: index for index, article in enumerate(articles)}
    for citation in citations(articles):
        features[index_of[citation.article.slug]][("outlet", citation.outlet.key)] = None
    return [list(article_features) for article_features in features]


def _plain_features(article: Article) -> Iterator[_Feature]:
    for key in article.tags:
        yield ("tag", key)
    for url in article.source_urls:
        yield ("url", url)


_KIND_WEIGHTS = {"tag": TAG_WEIGHT, "url": URL_WEIGHT, "outlet": OUTLET_WEIGHT}


def _weight(feature: _Feature, frequency: int, total: int) -> float:
    return _KIND_WEIGHTS[feature[0]] * math.log((total + 1) / frequency)
