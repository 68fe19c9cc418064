"""What a site planned after another changed, as ``SitePlanner`` (:mod:`kiku.render.planning.planner`)
asks it: which articles are other objects, which facets the lists and outlet pages show changed,
whose neighbours moved, and what stands for an article in a page's fingerprint."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence

from kiku.content.model import Article, Site
from kiku.render.planning.facets import ArticleFacets
from kiku.render.views.page import TagView


def stand_ins(
    site: Site, facets: Mapping[str, ArticleFacets], tag_views: Mapping[str, TagView]
) -> Mapping[int, tuple[object, bytes]]:
    """Each article with a content key, and its views made of it (and the configuration) alone;
    the views of the vocabulary's tags (made of the configuration alone), by their keys."""
    keys = site.content_keys
    stand_ins: dict[int, tuple[object, bytes]] = {
        id(view): (view, key.encode()) for key, view in tag_views.items()
    } if keys else {}
    for slug, key in keys.items():
        facet = facets.get(slug)
        if facet is None:
            continue  # not published (dated later)
        for made_of_it in (facet.article, facet.summary, facet.link, facet.feed_item):
            stand_ins[id(made_of_it)] = (made_of_it, key)
    return stand_ins


def other_objects(old: Sequence[Article] | None, new: Sequence[Article]) -> list[int] | None:
    """The places where ``new`` holds another object than ``old`` (a C-level scan), or None when
    the two differ in length."""
    if old is None or len(old) != len(new):
        return None
    return list(itertools.compress(itertools.count(), map(operator.is_not, new, old)))


def touched(
    old_facets: Mapping[str, ArticleFacets], changed: Sequence[ArticleFacets], removed: Sequence[ArticleFacets]
) -> tuple[list[ArticleFacets], list[ArticleFacets]]:
    """The last and new facets of the changed articles (and the last of the removed ones) that the
    lists of articles show (summary, feed entry, tags, date), and those the outlet pages show
    (link, citations, feed entry)."""
    listed, cited = list(removed), list(removed)
    for new in changed:
        old = old_facets.get(new.article.slug)
        if old is None:
            listed.append(new)
            cited.append(new)
            continue
        if old.summary is not new.summary or old.feed_item is not new.feed_item or old.tags is not new.tags or (
            old.date != new.date
        ):
            listed.extend((old, new))
        if old.link is not new.link or old.cited is not new.cited or old.feed_item is not new.feed_item:
            cited.extend((old, new))
    return listed, cited


def same_items(new: Sequence[object], old: Sequence[object] | None) -> bool:
    return old is not None and len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))


def renumbered(old_order: Sequence[str], order: Sequence[str]) -> Iterable[str]:
    """The articles whose neighbours may differ: those at a place that holds another article now,
    and the ones beside them."""
    old_neighbours = {slug: (old_order[number - 1] if number else None,
                             old_order[number + 1] if number + 1 < len(old_order) else None)
                      for number, slug in enumerate(old_order)}
    for number, slug in enumerate(order):
        now = (order[number - 1] if number else None, order[number + 1] if number + 1 < len(order) else None)
        if old_neighbours.get(slug) != now:
            yield slug
