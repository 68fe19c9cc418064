"""The page plan: URL scheme, shared context, tag index, pagination, collisions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from kiku.content.model import Article, DigestArticle, Site, Tag
from kiku.render.planning.plan import Page, PlanError, plan_site
from kiku.render.views.article import DigestView, EncyclopediaView
from kiku.render.views.listing import ArticleSummaryView
from kiku.render.views.page import DateView, TagCountView
from tests.support.sample_site import BASE_URL, ENCYCLOPEDIA, PEACE_TALKS, PHONE_CALL, sample_site, with_articles


def _by_url(pages: tuple[Page, ...]) -> dict[str, Page]:
    return {page.url: page for page in pages}


def test_url_scheme_and_templates() -> None:
    pages = _by_url(plan_site(sample_site()))
    assert {url: page.template for url, page in pages.items()} == {
        "": "index.html",
        f"articles/{PHONE_CALL.slug}/": "article.html",
        f"articles/{ENCYCLOPEDIA.slug}/": "encyclopedia.html",
        f"articles/{PEACE_TALKS.slug}/": "article.html",
        "tags/": "tags.html",
        "search/": "search.html",
        "tags/ukraine/": "tag.html",
        "tags/russia/": "tag.html",
        "tags/united-states/": "tag.html",
        "tags/ceasefire/": "tag.html",
        "tags/saudi-arabia/": "tag.html",
        "feed.xml": "feed.xml",
        "tags/ukraine/feed.xml": "feed.xml",
        "tags/russia/feed.xml": "feed.xml",
        "tags/united-states/feed.xml": "feed.xml",
        "tags/ceasefire/feed.xml": "feed.xml",
        "tags/saudi-arabia/feed.xml": "feed.xml",
        "sources/": "sources.html",
        "sources/outlet_abf79caa4f/": "outlet.html",
        "sources/outlet_4710aec6fc/": "outlet.html",
        "sources/outlet_2d281522ac/": "outlet.html",  # 日本経済新聞, the phone call's second card in a section
        "sources/globe_a44c04a583/": "outlet.html",
        "sources/outlet_438e9c7934/": "outlet.html",
        "sources/outlet_abf79caa4f/feed.xml": "feed.xml",
        "sources/outlet_4710aec6fc/feed.xml": "feed.xml",
        "sources/outlet_2d281522ac/feed.xml": "feed.xml",
        "sources/globe_a44c04a583/feed.xml": "feed.xml",
        "sources/outlet_438e9c7934/feed.xml": "feed.xml",
        "archive/": "archive.html",
        "archive/2025/03/": "month.html",
        "archive/2025/02/": "month.html",
        "404.html": "404.html",
        "sitemap.xml": "sitemap.xml",
        "robots.txt": "robots.txt",
    }
    assert pages["tags/ukraine/"].output_path == "tags/ukraine/index.html"
    assert pages[""].output_path == "index.html"
    assert pages["tags/ukraine/feed.xml"].output_path == "tags/ukraine/feed.xml"
    assert pages["404.html"].output_path == "404.html"


@pytest.mark.parametrize(
    ("url", "root"),
    [("", ""), ("tags/", "../"), ("tags/ukraine/", "../../"), (f"articles/{PHONE_CALL.slug}/", "../../")],
)
def test_root_and_canonical_url(url: str, root: str) -> None:
    page = _by_url(plan_site(sample_site()))[url]
    assert page.context["root"] == root
    assert page.context["canonical_url"] == BASE_URL + url


def test_titles() -> None:
    pages = _by_url(plan_site(sample_site()))
    assert pages[""].context["document_title"] == "菊 Chrysanthemum Digest"
    ukraine = pages["tags/ukraine/"]
    assert ukraine.context["document_title"] == "ウクライナ · Ukraine · 菊 Chrysanthemum Digest"
    assert pages[f"articles/{PHONE_CALL.slug}/"].context["page_title"] == PHONE_CALL.title


def test_contexts_hold_views_not_model_objects() -> None:
    pages = _by_url(plan_site(sample_site()))
    digest = pages[f"articles/{PHONE_CALL.slug}/"].context["article"]
    assert isinstance(digest, DigestView)
    assert digest.date == DateView(iso="2025-03-19", display="2025年3月19日")
    assert [tag.key for tag in digest.tags] == list(PHONE_CALL.tags)
    assert digest.tags[0].path == "tags/ukraine/index.html"
    # The importer's bullet glyphs are drawn by CSS, never doubled.
    assert digest.key_points[0] == "米ロ首脳がウクライナ情勢をめぐり電話会談を実施"
    assert not digest.sections[0].sources[0].summary[0].startswith("✅")
    encyclopedia = pages[f"articles/{ENCYCLOPEDIA.slug}/"].context["article"]
    assert isinstance(encyclopedia, EncyclopediaView)
    assert encyclopedia.reference_ids == frozenset({1, 2, 3, 4})
    assert len(encyclopedia.lead) == 2


def test_off_topic_card_view_has_no_bullets() -> None:
    pages = _by_url(plan_site(sample_site()))
    digest = pages[f"articles/{PEACE_TALKS.slug}/"].context["article"]
    assert isinstance(digest, DigestView)
    (card,) = digest.sections[1].sources
    assert card.off_topic and card.summary == () and card.href is not None


def test_encyclopedia_summary_is_first_paragraph_without_markers() -> None:
    home = _by_url(plan_site(sample_site()))[""]
    assert home.context["lead_article"] == _by_url(plan_site(sample_site()))["tags/ukraine/"].context["articles"][0]  # type: ignore[index]
    articles = home.context["articles"]
    assert isinstance(articles, tuple)
    summary = articles[0]
    assert isinstance(summary, ArticleSummaryView)
    assert summary.kind == "encyclopedia" and summary.lead is not None
    assert summary.lead.endswith("電話会談である。") and "[1]" not in summary.lead


def test_tag_pages_list_their_articles_newest_first_and_tags_index_counts() -> None:
    pages = _by_url(plan_site(sample_site()))
    ukraine = pages["tags/ukraine/"].context["articles"]
    assert isinstance(ukraine, tuple)
    assert [summary.title for summary in ukraine] == [PHONE_CALL.title, ENCYCLOPEDIA.title, PEACE_TALKS.title]
    tags = pages["tags/"].context["tags"]
    assert isinstance(tags, tuple) and all(isinstance(item, TagCountView) for item in tags)
    # Vocabulary order; "energy" has no article and is left out.
    assert [(item.tag.key, item.count) for item in tags] == [
        ("ukraine", 3),
        ("russia", 2),
        ("united-states", 2),
        ("ceasefire", 2),
        ("saudi-arabia", 1),
    ]
    assert "tags/energy/" not in pages


class _CountingArticles(tuple[Article, ...]):
    """A tuple that counts how often it is iterated."""

    iterations = 0

    def __iter__(self) -> Iterator[Article]:
        type(self).iterations += 1
        return super().__iter__()


def test_tag_index_scans_the_articles_a_fixed_number_of_times() -> None:
    site = sample_site()
    many_tags = {f"t{n}": Tag(f"t{n}", f"タグ{n}", f"Tag {n}") for n in range(40)}
    tagged = tuple(
        dataclasses.replace(PHONE_CALL, slug=f"a{n}", tags=(f"t{n % 40}", f"t{(n + 1) % 40}"))
        for n in range(200)
    )
    articles = _CountingArticles(tagged)
    site = Site(config=dataclasses.replace(site.config, tags=many_tags), articles=articles)
    _CountingArticles.iterations = 0
    pages = plan_site(site)
    assert sum(page.template == "tag.html" for page in pages) == 40
    assert _CountingArticles.iterations <= 5  # not once per tag page


def test_pagination_per_page_one() -> None:
    pages = plan_site(sample_site(per_page=1))
    homes = [page for page in pages if page.template == "index.html"]
    assert [page.url for page in homes] == ["", "page/2/", "page/3/"]
    second = homes[1].context["pagination"]
    assert second.number == 2 and second.total == 3  # type: ignore[attr-defined]
    assert second.previous_path == "index.html" and second.next_path == "page/3/index.html"  # type: ignore[attr-defined]
    assert homes[1].context["root"] == "../../"


def test_the_pagination_bar_shows_a_window_around_the_current_page() -> None:
    site = sample_site(per_page=1)
    many = tuple(dataclasses.replace(PHONE_CALL, slug=f"copy-{number:02d}") for number in range(12))
    homes = [page for page in plan_site(with_articles(site, *many)) if page.template == "index.html"]
    assert len(homes) == 12
    bar = homes[5].context["pagination"].pages  # type: ignore[attr-defined]
    assert [("…" if link.gap else link.number) for link in bar] == [1, "…", 4, 5, 6, 7, 8, "…", 12]
    assert [link.number for link in bar if link.current] == [6]
    assert bar[2].path == "page/4/index.html"
    first_bar = homes[0].context["pagination"].pages  # type: ignore[attr-defined]
    assert [("…" if link.gap else link.number) for link in first_bar] == [1, 2, 3, "…", 12]


def test_tag_pages_are_paginated_like_the_home_pages() -> None:
    site = sample_site(per_page=1)
    pages = plan_site(site)
    ukraine = [page for page in pages if page.template == "tag.html" and page.url.startswith("tags/ukraine/")]
    assert [page.url for page in ukraine] == ["tags/ukraine/", "tags/ukraine/page/2/", "tags/ukraine/page/3/"]
    newest_first = [[article.title] for article in site.articles if "ukraine" in article.tags]
    assert len(newest_first) == 3
    assert [[summary.title for summary in page.context["articles"]] for page in ukraine] == newest_first  # type: ignore[attr-defined]
    second = ukraine[1].context["pagination"]
    assert second.number == 2 and second.total == 3  # type: ignore[attr-defined]
    # Paths are relative to the site root; the page's own ``root`` leads there.
    assert second.previous_path == "tags/ukraine/index.html"  # type: ignore[attr-defined]
    assert second.next_path == "tags/ukraine/page/3/index.html"  # type: ignore[attr-defined]
    assert ukraine[1].context["root"] == "../../../../"
    assert ukraine[1].context["document_title"].startswith("ウクライナ · Ukraine 2/3ページ")  # type: ignore[attr-defined]
    assert ukraine[1].context["count"] == 3


def test_empty_site_has_a_home_and_a_tags_page() -> None:
    pages = plan_site(with_articles(sample_site()))
    assert [page.url for page in pages] == [
        "", "tags/", "sources/", "archive/", "search/", "feed.xml", "404.html", "sitemap.xml", "robots.txt",
    ]


def test_duplicate_slug_is_a_collision() -> None:
    twin = dataclasses.replace(PEACE_TALKS, title="別の記事")
    with pytest.raises(PlanError, match="collision"):
        plan_site(with_articles(sample_site(), PHONE_CALL, PEACE_TALKS, twin))


def test_slugs_differing_only_by_case_collide() -> None:
    upper = dataclasses.replace(PEACE_TALKS, slug=PEACE_TALKS.slug.upper())
    with pytest.raises(PlanError, match="collision"):
        plan_site(with_articles(sample_site(), PEACE_TALKS, upper))


@pytest.mark.parametrize("slug", ["../escape", "a/b", "..", ".", "", "a?b", "a#b", "a\\b"])
def test_unsafe_slugs_are_refused(slug: str) -> None:
    article: DigestArticle = dataclasses.replace(PEACE_TALKS, slug=slug)
    with pytest.raises(PlanError):
        plan_site(with_articles(sample_site(), article))


def test_unknown_tag_is_refused() -> None:
    article = dataclasses.replace(PEACE_TALKS, tags=("no-such-tag",))
    with pytest.raises(PlanError, match="no-such-tag"):
        plan_site(with_articles(sample_site(), article))


def test_per_page_must_be_positive() -> None:
    with pytest.raises(PlanError, match="per_page"):
        plan_site(sample_site(per_page=0))


def test_contexts_are_read_only() -> None:
    page = plan_site(sample_site())[0]
    with pytest.raises(TypeError):
        page.context["root"] = "x"  # type: ignore[index]
