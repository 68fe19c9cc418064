"""The plan store's stream (kiku/render/planning/store/plan_pickle.py): a planner read back holds
one object for each object of kiku's own the stored one held, so the next plan finds what changed
by identity, as it would in the process that planned; and each pickle of the stream is small."""

from __future__ import annotations

import gc
import io
import pickletools
import types
from collections import Counter

import pytest

from kiku.content.loading.loader import load_site
from kiku.content.model import Site
from kiku.render.planning.planner import SitePlanner
from kiku.render.planning.store import plan_pickle
from kiku.render.planning.store.article_objects import stored_objects
from tests.support.paths import REPO


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(REPO)


def _own_objects(root: object) -> Counter[str]:
    """The distinct objects of kiku's own classes reachable from ``root``, counted by class."""
    seen: set[int] = set()
    counts: Counter[str] = Counter()
    pending = [root]
    while pending:
        value = pending.pop()
        if id(value) in seen or isinstance(value, (type, types.FunctionType, types.ModuleType)):
            continue
        seen.add(id(value))
        if type(value).__module__.startswith("kiku."):
            counts[type(value).__qualname__] += 1
        pending.extend(gc.get_referents(value))
    return counts


def _stored(site: Site, planner: SitePlanner, parts: bool = True) -> bytes:
    """``planner`` written as the plan store writes it, its articles by reference (their slugs)."""
    articles = [(article, (article.slug, b"key")) for article in site.articles]
    written = io.BytesIO()
    plan_pickle.dump(planner, written.write, stored_objects(articles), planner.parts() if parts else ())
    return written.getvalue()


@pytest.mark.parametrize("parts", [True, False])
def test_a_planner_read_back_holds_one_object_for_each_it_held_and_plans_nothing_anew(
    site: Site, parts: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_pickle, "_PART_SIZE", 4)  # the site is small: many pickles, the memo
    monkeypatch.setattr(plan_pickle, "_MEMO_BYTES", 1000)  # cleared often, objects named across them
    planner = SitePlanner()
    planner.plan(site)
    by_slug = {article.slug: article for article in site.articles}
    restored = plan_pickle.loads(_stored(site, planner, parts), lambda slug, key: by_slug[slug])
    assert isinstance(restored, SitePlanner)
    assert _own_objects(restored) == _own_objects(planner)
    assert restored.plan(site).planned == ()  # the same articles: every page as the last plan left it


def test_the_planner_is_written_a_few_objects_to_a_pickle(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_pickle, "_PART_SIZE", 4)  # the site is small
    monkeypatch.setattr(plan_pickle, "_MEMO_BYTES", 1000)
    planner = SitePlanner()
    planner.plan(site)
    data = _stored(site, planner)
    stream = io.BytesIO(data)
    sizes = []
    while stream.tell() < len(data):
        start = stream.tell()
        for _ in pickletools.genops(stream):
            pass
        sizes.append(stream.tell() - start)
    assert len(sizes) > len(site.articles) / plan_pickle._PART_SIZE
    assert max(sizes) < len(data) / 3  # none near the whole
