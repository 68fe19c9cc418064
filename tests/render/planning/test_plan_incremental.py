"""The incremental planner: after any sequence of edits its plan is the plan of a fresh planner, page
for page, and an edit re-plans only the pages it reaches."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiku.content.loading.loader import load_site, newest_first
from kiku.content.model import Article, DigestArticle, Site, SourceCard
from kiku.render.pages.sitemap import SitemapLimits
from kiku.render.planning.plan import Page, plan_site
from kiku.render.planning.planner import SitePlanner
from kiku.render.planning.urls import PlanError
from tests.support.serve_site import copy_site_with_copies

Edit = Callable[[random.Random, list[Article], Site], None]


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The repository's site with every article copied four times (25 articles), five to a list page."""
    root = copy_site_with_copies(tmp_path_factory.mktemp("site") / "site", 4)
    site = load_site(root)
    return Site(dataclasses.replace(site.config, per_page=5), site.articles)


def _digest(random_: random.Random, articles: list[Article]) -> int:
    return random_.choice([number for number, article in enumerate(articles) if isinstance(article, DigestArticle)])


def _edit_body(random_: random.Random, articles: list[Article], _: Site) -> None:
    number = _digest(random_, articles)
    article = articles[number]
    assert isinstance(article, DigestArticle)
    first, *rest = article.sections
    edited = dataclasses.replace(first, body=(*first.body, f"追記{random_.randrange(10**6)}。"))
    articles[number] = dataclasses.replace(article, sections=(edited, *rest))


def _edit_title(random_: random.Random, articles: list[Article], _: Site) -> None:
    number = random_.randrange(len(articles))
    articles[number] = dataclasses.replace(articles[number], title=f"見出し{random_.randrange(10**6)}")


def _edit_lead(random_: random.Random, articles: list[Article], _: Site) -> None:
    number = random_.randrange(len(articles))
    articles[number] = dataclasses.replace(articles[number], lead=f"リード{random_.randrange(10**6)}")


def _edit_tags(random_: random.Random, articles: list[Article], site: Site) -> None:
    number = random_.randrange(len(articles))
    tags = tuple(random_.sample(sorted(site.config.tags), random_.randint(0, 4)))
    articles[number] = dataclasses.replace(articles[number], tags=tags)


def _edit_date(random_: random.Random, articles: list[Article], _: Site) -> None:
    number = random_.randrange(len(articles))
    date = dt.date(2025, 1, 1) + dt.timedelta(days=random_.randrange(120))
    articles[number] = dataclasses.replace(articles[number], date=date)


def _edit_card(random_: random.Random, articles: list[Article], _: Site) -> None:
    """A source card's outlet, URL or title changes (the sources and outlet pages, related articles)."""
    number = _digest(random_, articles)
    article = articles[number]
    assert isinstance(article, DigestArticle)
    sections = list(article.sections)
    place = random_.randrange(len(sections))
    card = SourceCard(
        url=f"https://news{random_.randrange(3)}.example/{random_.randrange(50)}",
        title=f"記事{random_.randrange(100)}",
        publisher=random_.choice([None, "朝日新聞", "ロイター", "BBC"]),
        published=dt.date(2025, 3, 1),
    )
    sections[place] = dataclasses.replace(sections[place], sources=(card,))
    articles[number] = dataclasses.replace(article, sections=tuple(sections))


def _add(random_: random.Random, articles: list[Article], _: Site) -> None:
    model = random_.choice(articles)
    articles.append(dataclasses.replace(model, slug=f"added-{random_.randrange(10**9)}", title="新しい記事"))


def _delete(random_: random.Random, articles: list[Article], _: Site) -> None:
    if len(articles) > 1:
        del articles[random_.randrange(len(articles))]


EDITS: tuple[Edit, ...] = (_edit_body, _edit_title, _edit_lead, _edit_tags, _edit_date, _edit_card, _add, _delete)


@pytest.mark.parametrize("seed", range(6))
def test_after_random_edits_the_plan_is_a_fresh_plan(many: Site, seed: int) -> None:
    random_ = random.Random(seed)
    planner = SitePlanner(share_cards=seed % 2 == 0)
    site = many
    assert planner.plan(site).pages == plan_site(site, share_cards=seed % 2 == 0)
    for _ in range(25):
        articles = list(site.articles)
        for edit in random_.sample(EDITS, random_.randint(1, 2)):
            edit(random_, articles, site)
        site = Site(site.config, newest_first(articles))
        plan = planner.plan(site)
        fresh = plan_site(site, share_cards=seed % 2 == 0)
        assert [page.url for page in plan.pages] == [page.url for page in fresh]
        assert plan.pages == fresh


@pytest.mark.parametrize("seed", range(3))
def test_a_split_sitemap_after_random_edits_is_a_fresh_plans(many: Site, seed: int) -> None:
    """Parts come and go as articles are added and deleted; the others are kept, not planned again."""
    random_ = random.Random(seed)
    limits = SitemapLimits(urls=9)
    planner = SitePlanner(sitemap_limits=limits)
    site = many
    parts = {len(_part_urls(planner.plan(site).pages))}
    for _ in range(25):
        articles = list(site.articles)
        for edit in random_.sample(EDITS, random_.randint(1, 2)):
            edit(random_, articles, site)
        site = Site(site.config, newest_first(articles))
        plan = planner.plan(site)
        assert plan.pages == SitePlanner(sitemap_limits=limits).plan(site).pages
        parts.add(len(_part_urls(plan.pages)))
    assert len(parts) > 1  # the edits made the sitemap grow or shrink by a part


def test_an_edit_plans_only_the_parts_of_a_split_sitemap_it_changes(many: Site) -> None:
    planner = SitePlanner(sitemap_limits=SitemapLimits(urls=9))
    first = {page.url: page for page in planner.plan(many).pages}
    article = next(article for article in many.articles if isinstance(article, DigestArticle))
    section = article.sections[0]
    edited = dataclasses.replace(section, body=(*section.body, "追記。"))
    assert _planned_paths(planner, _replaced(many, article.slug, sections=(edited, *article.sections[1:]))) == {
        f"articles/{article.slug}/index.html"
    }
    newest = many.articles[0]  # a day later, in the same month: still the newest, with a new lastmod
    plan = planner.plan(_replaced(many, newest.slug, date=newest.date + dt.timedelta(days=1)))
    planned = {page.url for page in plan.planned}
    kept, changed = [], []
    for page in plan.pages:
        if page.url.startswith("sitemap-"):
            assert (page is first[page.url]) == (page.context == first[page.url].context)
            (kept if page is first[page.url] else changed).append(page.url)
    assert kept and changed
    assert planned.issuperset(changed) and planned.isdisjoint(kept)


def _part_urls(pages: tuple[Page, ...]) -> list[str]:
    return [page.url for page in pages if page.url.startswith("sitemap-")]


def _planned_paths(planner: SitePlanner, site: Site) -> set[str]:
    return {page.output_path for page in planner.plan(site).planned}


def _replaced(site: Site, slug: str, **changes: Any) -> Site:
    articles = [dataclasses.replace(article, **changes) if article.slug == slug else article for article in site.articles]
    return Site(site.config, newest_first(articles))


def test_a_body_edit_replans_the_article_page_only(many: Site) -> None:
    planner = SitePlanner()
    planner.plan(many)
    article = next(article for article in many.articles if isinstance(article, DigestArticle))
    section = article.sections[0]
    edited = dataclasses.replace(section, body=(*section.body, "追記。"))
    assert _planned_paths(planner, _replaced(many, article.slug, sections=(edited, *article.sections[1:]))) == {
        f"articles/{article.slug}/index.html"
    }
    # The same file saved again: a new article object, equal to the last one: nothing to plan.
    assert _planned_paths(planner, _replaced(many, article.slug, sections=(edited, *article.sections[1:]))) == set()


def test_a_title_edit_replans_the_pages_that_show_the_title(many: Site) -> None:
    planner = SitePlanner()
    planner.plan(many)
    middle = many.articles[len(many.articles) // 2]
    planned = _planned_paths(planner, _replaced(many, middle.slug, title="新しい見出し"))
    assert f"articles/{middle.slug}/index.html" in planned
    number = many.articles.index(middle)
    for neighbour in (many.articles[number - 1], many.articles[number + 1]):  # their older / newer link
        assert f"articles/{neighbour.slug}/index.html" in planned
    article_pages = {path for path in planned if path.startswith("articles/")}
    assert len(article_pages) < len(many.articles) // 2
    assert "sitemap.xml" not in planned  # nothing a sitemap shows changed
    assert not any(path.startswith("archive/") and path.count("/") == 1 for path in planned)


def test_a_failed_plan_plans_everything_the_next_time(many: Site) -> None:
    planner = SitePlanner()
    planner.plan(many)
    with pytest.raises(PlanError, match="no-such-tag"):
        planner.plan(_replaced(many, many.articles[0].slug, tags=("no-such-tag",)))
    plan = planner.plan(many)
    assert len(plan.planned) == len(plan.pages)
    assert plan.pages == plan_site(many)


def test_unchanged_site_plans_nothing(many: Site, tmp_path: Path) -> None:
    planner = SitePlanner()
    first = planner.plan(many)
    again = planner.plan(Site(many.config, tuple(many.articles)))
    assert again.planned == ()
    assert all(new is old for new, old in zip(again.pages, first.pages, strict=True))


def test_a_forgotten_planner_keeps_its_pages_and_plans_everything_next(many: Site) -> None:
    """``forget`` (a build, once its planner is stored) lets go of what planning kept, not of the pages."""
    planner = SitePlanner(share_cards=True)
    plan = planner.plan(many)
    planner.forget()
    assert plan.pages == plan_site(many, share_cards=True)
    again = planner.plan(many)
    assert planner.share_cards
    assert len(again.planned) == len(again.pages)
    assert again.pages == plan.pages
