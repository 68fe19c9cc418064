"""The related articles a build keeps in its cache: used only for the very order and features they
were scored from; a store that is stale, foreign or damaged is scored again, never trusted."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_site
from kiku.content.model import DigestArticle, Site
from kiku.render.planning.lists.related import RelatedIndex, related_articles
from kiku.render.planning.plan import plan_pages
from kiku.render.planning.store.related_store import STORE_FILE, RelatedStore
from kiku.render.views.browse import ArticleLinkView, ArticleNavView
from tests.support.paths import REPO


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(REPO)


def _related(site: Site, cache_dir: Path | None) -> dict[str, tuple[ArticleLinkView, ...]]:
    """Every article page's related links, by URL."""
    plan = plan_pages(site, cache_dir=cache_dir)
    navigation = {page.url: page.context["navigation"] for page in plan.pages if page.url.startswith("articles/")}
    return {url: shown.related for url, shown in navigation.items() if isinstance(shown, ArticleNavView)}


def _scored(site: Site) -> dict[str, tuple[str, ...]]:
    return {slug: tuple(other.slug for other in others) for slug, others in related_articles(site.articles).items()}


def test_a_plan_stores_the_related_articles_and_the_next_plan_reads_them(site: Site, tmp_path: Path) -> None:
    expected = _related(site, None)
    assert any(expected.values())
    assert _related(site, tmp_path) == expected
    key, stored = pickle.loads((tmp_path / STORE_FILE).read_bytes())
    assert stored == _scored(site)
    # The second plan reads the store: an answer planted under the right key is what it shows.
    first, second = site.articles[0].slug, site.articles[1].slug
    planted = {slug: () for slug in stored} | {first: (second,)}
    (tmp_path / STORE_FILE).write_bytes(pickle.dumps((key, planted)))
    shown = _related(site, tmp_path)
    assert len(shown[f"articles/{first}/"]) == 1
    assert shown[f"articles/{first}/"][0].title == site.articles[1].title


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other key", "missing slug", "unknown slug", "not tuples"])
def test_a_damaged_or_stale_store_is_scored_again(site: Site, tmp_path: Path, damage: str) -> None:
    expected = _related(site, None)
    _related(site, tmp_path)
    path = tmp_path / STORE_FILE
    key, stored = pickle.loads(path.read_bytes())
    first = site.articles[0].slug
    damaged: dict[str, bytes] = {
        "garbage": b"not a pickle",
        "truncated": path.read_bytes()[:40],
        "other key": pickle.dumps((b"0" * 16, {slug: () for slug in stored})),
        "missing slug": pickle.dumps((key, {slug: others for slug, others in stored.items() if slug != first})),
        "unknown slug": pickle.dumps((key, stored | {first: ("no-such-article",)})),
        "not tuples": pickle.dumps((key, {slug: list(others) for slug, others in stored.items()})),
    }
    path.write_bytes(damaged[damage])
    assert _related(site, tmp_path) == expected
    assert pickle.loads(path.read_bytes()) == (key, stored)  # scored again, and stored again


def test_the_key_follows_the_order_and_every_feature(site: Site) -> None:
    order = tuple(article.slug for article in site.articles)
    features = {slug: (("tag", "ukraine"),) for slug in order}
    key = RelatedStore.key(order, features)
    assert RelatedStore.key(order, dict(features)) == key
    assert RelatedStore.key(order[::-1], features) != key
    assert RelatedStore.key(order, features | {order[3]: (("tag", "russia"),)}) != key


def test_restored_lists_are_scored_again_by_the_next_update(site: Site) -> None:
    # kiku serve never restores; an index that did is still right after the next change.
    articles = [article for article in site.articles if isinstance(article, DigestArticle)]
    order = tuple(article.slug for article in articles)
    features = {article.slug: tuple(("tag", key) for key in article.tags) for article in articles}
    index = RelatedIndex()
    index.restore({slug: () for slug in order})
    index.update(order, features)
    fresh = RelatedIndex()
    fresh.update(order, features)
    assert index.related == fresh.related
