"""Finding your way: breadcrumbs, older/newer and related articles, sources, outlets and the archive."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import posixpath
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4 import Tag as HtmlTag

from kiku.build import render_site
from kiku.cli import main
from kiku.content.model import DigestArticle, Section, Site, SourceCard, Tag
from kiku.render.planning.lists.outlets import outlet_key, outlet_name
from kiku.render.planning.lists.related import related_articles
from kiku.render.planning.plan import plan_site
from kiku.serve.incremental import Change, PreviewBuilder
from tests.support.paths import REPO
from tests.support.sample_site import (
    BASE_URL,
    ENCYCLOPEDIA,
    PEACE_TALKS,
    PHONE_CALL,
    REPO_ROOT,
    REUTERS_URL,
    sample_config,
    sample_site,
)

Pages = dict[str, BeautifulSoup]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    out_dir = tmp_path_factory.mktemp("browse") / "_site"
    render_site(sample_site(), REPO_ROOT, out_dir)
    return {
        path.relative_to(out_dir).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(out_dir.rglob("*.html"))
    }


def _resolve(page: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


def _links(pages: Pages, page: str, selector: str) -> list[str]:
    return [_resolve(page, str(a["href"])) for a in pages[page].select(selector)]


def _texts(pages: Pages, page: str, selector: str) -> list[str]:
    return [" ".join(element.get_text().split()) for element in pages[page].select(selector)]


def _article(slug: str) -> str:
    return f"articles/{slug}/index.html"


# ── Outlet keys ──────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("courrier.jp", "courrier.jp"),
        ("BBC", "bbc"),
        ("ＢＢＣ", "bbc"),  # NFKC: full-width letters are the same outlet
        ("ロイター", "outlet_abf79caa4f"),
        ("ロイター ", "outlet_abf79caa4f"),
        ("The Guardian", "the-guardian_ad28013200"),
        ("朝日新聞GLOBE+", "globe_a44c04a583"),
    ],
)
def test_outlet_keys_are_stable_ascii_and_exact(name: str, key: str) -> None:
    assert outlet_key(name) == key
    assert key.isascii()


def test_outlet_keys_of_the_two_kinds_never_meet() -> None:
    # A name that is already a key keeps it; a name that is not gets a hashed key with "_".
    assert "_" not in outlet_key("the-guardian")
    assert outlet_key("the-guardian") != outlet_key("The Guardian")
    assert outlet_key("nhk") != outlet_key("NHK ニュース")


def test_outlet_is_the_publisher_else_the_domain() -> None:
    assert outlet_name(SourceCard(url="https://www.example.com/a", publisher="  ロイター  ")) == "ロイター"
    assert outlet_name(SourceCard(url="https://www.example.com/a")) == "example.com"


# ── Article pages ────────────────────────────────────────────────────────


def test_breadcrumb_goes_home_then_first_tag_then_the_article(pages: Pages) -> None:
    page = _article(PHONE_CALL.slug)
    nav = pages[page].select_one('nav.breadcrumb[aria-label="パンくずリスト"]')
    assert nav is not None
    assert _links(pages, page, "nav.breadcrumb a") == ["index.html", "tags/ukraine/index.html"]
    assert _texts(pages, page, "nav.breadcrumb li") == ["ホーム", "ウクライナ", PHONE_CALL.title]
    assert _texts(pages, page, 'nav.breadcrumb [aria-current="page"]') == [PHONE_CALL.title]


def test_breadcrumb_list_json_ld(pages: Pages) -> None:
    scripts = [json.loads(s.get_text()) for s in pages[_article(PHONE_CALL.slug)].select('script[type="application/ld+json"]')]
    (breadcrumb,) = [data for data in scripts if data["@type"] == "BreadcrumbList"]
    assert breadcrumb == {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "ホーム", "item": BASE_URL},
            {"@type": "ListItem", "position": 2, "name": "ウクライナ", "item": BASE_URL + "tags/ukraine/"},
            {
                "@type": "ListItem", "position": 3, "name": PHONE_CALL.title,
                "item": BASE_URL + f"articles/{PHONE_CALL.slug}/",
            },
        ],
    }


def test_older_and_newer_article_by_date(pages: Pages) -> None:
    newest, middle, oldest = (_article(a.slug) for a in (PHONE_CALL, ENCYCLOPEDIA, PEACE_TALKS))
    assert _links(pages, newest, 'a[rel="prev"]') == [middle]
    assert _links(pages, newest, 'a[rel="next"]') == []
    assert _links(pages, middle, 'a[rel="prev"]') == [oldest]
    assert _links(pages, middle, 'a[rel="next"]') == [newest]
    assert _links(pages, oldest, 'a[rel="next"]') == [middle]
    assert _texts(pages, newest, ".article-nav-older time") == ["2025年3月10日"]
    assert pages[newest].select_one('nav.article-nav[aria-label="前後の記事"]') is not None


def test_related_articles_have_title_date_and_working_links(pages: Pages) -> None:
    page = _article(PEACE_TALKS.slug)
    assert _links(pages, page, ".related a") == [_article(PHONE_CALL.slug), _article(ENCYCLOPEDIA.slug)]
    assert _texts(pages, page, ".related li") == [f"{PHONE_CALL.title} 2025年3月19日", f"{ENCYCLOPEDIA.title} 2025年3月10日"]
    for link in _links(pages, page, ".related a"):
        assert link in pages


def test_every_source_card_links_to_its_outlet_page(pages: Pages) -> None:
    page = _article(PHONE_CALL.slug)
    assert _links(pages, page, ".source-card a.publisher") == [
        f"sources/{outlet_key('ロイター')}/index.html",
        f"sources/{outlet_key('クーリエ・ジャポン')}/index.html",
        f"sources/{outlet_key('日本経済新聞')}/index.html",  # the section's second card
    ]
    for link in _links(pages, page, ".source-card a.publisher"):
        assert link in pages


# ── Related articles on a crafted site ──────────────────────────────────


def _crafted(tags: dict[str, tuple[str, ...]], urls: dict[str, str] | None = None) -> list[DigestArticle]:
    articles = []
    for number, (slug, keys) in enumerate(tags.items()):
        url = (urls or {}).get(slug)
        sections = (Section(heading="h", sources=(SourceCard(url=url, publisher="通信社"),)),) if url else ()
        articles.append(
            DigestArticle(slug=slug, title=slug.upper(), date=dt.date(2025, 1, 30) - dt.timedelta(days=number),
                          tags=keys, sections=sections)
        )
    return articles


def test_related_prefers_shared_source_then_rare_tags_then_nearness() -> None:
    articles = _crafted(
        {"a": ("common", "rare"), "b": ("common",), "c": ("common", "rare"), "d": ("common", "mid"),
         "e": ("common", "mid"), "f": ("common",)},
        urls={"a": "https://news.example/1", "d": "https://news.example/1"},
    )
    related = related_articles(articles)
    # d shares a's source URL and outlet; c shares the rare tag; the rest only the tag every article has.
    assert [article.slug for article in related["a"]] == ["d", "c", "b", "e", "f"]
    assert [article.slug for article in related["e"]] == ["d", "f", "c", "b", "a"]


def test_related_meets_rare_tags_across_the_whole_site_and_keeps_five() -> None:
    tags = {f"n{number:02d}": ("common",) for number in range(60)}
    tags["n00"] = ("common", "rare")
    tags["n59"] = ("common", "rare")
    related = related_articles(_crafted(tags))
    # n59 is 59 articles away, beyond the window of the common tag, but the rare tag's list is short.
    assert [article.slug for article in related["n00"]] == ["n59", "n01", "n02", "n03", "n04"]
    assert [article.slug for article in related["n30"]] == ["n29", "n31", "n28", "n32", "n27"]


# ── Sources ──────────────────────────────────────────────────────────────


def test_sources_index_lists_every_outlet_with_its_article_count(pages: Pages) -> None:
    # All cited once: the most recently cited first, in the order the articles cite them.
    assert _texts(pages, "sources/index.html", ".outlet-index li") == [
        "ロイター 1件の記事", "クーリエ・ジャポン 1件の記事", "日本経済新聞 1件の記事", "朝日新聞GLOBE+ 1件の記事",
        "例示ニュース 1件の記事",
    ]
    for link in _links(pages, "sources/index.html", ".outlet-index a"):
        assert link in pages
    assert _texts(pages, "sources/index.html", ".page-count") == ["5件のメディア · 引用した記事の多い順"]


def test_outlet_page_lists_cards_with_their_original_and_the_articles_citing_them(pages: Pages) -> None:
    page = f"sources/{outlet_key('ロイター')}/index.html"
    soup = pages[page]
    assert [str(a["href"]) for a in soup.select(".cited-title a")] == [REUTERS_URL]
    assert _texts(pages, page, ".cited-meta time") == ["公開日 2025年3月19日"]
    assert _links(pages, page, ".cited .link-list a") == [_article(PHONE_CALL.slug)]
    assert _texts(pages, page, "h1") == ["ロイター"]


def test_outlet_feed_lists_the_articles_citing_it(tmp_path: Path) -> None:
    render_site(sample_site(), REPO_ROOT, tmp_path / "_site")
    key = outlet_key("ロイター")
    feed = (tmp_path / "_site" / "sources" / key / "feed.xml").read_text(encoding="utf-8")
    assert "<title>菊 Chrysanthemum Digest: ロイターを出典とする記事</title>" in feed
    assert feed.count("<entry>") == 1 and f"<id>{BASE_URL}articles/{PHONE_CALL.slug}/</id>" in feed
    page = BeautifulSoup((tmp_path / "_site" / "sources" / key / "index.html").read_text(encoding="utf-8"), "html.parser")
    feed_href = f"../../sources/{key}/feed.xml"
    assert [str(a["href"]) for a in page.select("a.feed-link")] == [feed_href]
    assert page.select_one(f'link[rel="alternate"][href="{feed_href}"]') is not None


def test_an_outlet_cited_by_many_articles_counts_each_article_once_and_paginates() -> None:
    cards = [SourceCard(url=f"https://www.reuters.example/{n}", publisher="ロイター") for n in range(40)]
    articles = tuple(
        DigestArticle(slug=f"a{n:02d}", title=f"記事{n}", date=dt.date(2025, 1, 1) + dt.timedelta(days=60 - n),
                      # two cards of the same outlet in one article, and one URL cited by two articles
                      sections=(Section(heading="h", sources=(cards[n],)), Section(heading="i", sources=(cards[n + 1],))))
        for n in range(39)
    )
    plan = {page.url: page for page in plan_site(Site(config=sample_config(), articles=articles))}
    key = outlet_key("ロイター")
    first = plan[f"sources/{key}/"].context
    assert first["article_count"] == 39 and first["card_count"] == 40
    assert [page for page in plan if page.startswith(f"sources/{key}/")] == [
        f"sources/{key}/", f"sources/{key}/page/2/", f"sources/{key}/feed.xml",
    ]
    cited = first["cards"]
    assert isinstance(cited, tuple) and len(cited) == 30
    assert [link.title for link in cited[1].articles] == ["記事0", "記事1"]  # newest first
    (outlet,) = plan["sources/"].context["outlets"]  # type: ignore[misc]
    assert (outlet.name, outlet.articles, outlet.cards) == ("ロイター", 39, 40)


# ── Archive ──────────────────────────────────────────────────────────────


def test_archive_lists_months_with_counts_and_each_month_its_articles(pages: Pages) -> None:
    assert _texts(pages, "archive/index.html", ".month-index li") == ["2025年3月 2件", "2025年2月 1件"]
    assert _links(pages, "archive/index.html", ".month-index a") == [
        "archive/2025/03/index.html", "archive/2025/02/index.html",
    ]
    assert _links(pages, "archive/2025/03/index.html", ".entry-title a") == [
        _article(PHONE_CALL.slug), _article(ENCYCLOPEDIA.slug),
    ]
    assert _texts(pages, "archive/2025/03/index.html", ".page-count") == ["2件の記事"]
    assert _links(pages, "archive/2025/02/index.html", ".entry-title a") == [_article(PEACE_TALKS.slug)]


def test_month_pages_paginate() -> None:
    articles = tuple(
        DigestArticle(slug=f"m{n:02d}", title=f"記事{n}", date=dt.date(2025, 5, 31) - dt.timedelta(days=n))
        for n in range(25)
    )
    plan = {page.url: page for page in plan_site(Site(config=sample_config(per_page=10), articles=articles))}
    assert [url for url in plan if url.startswith("archive/2025/05/")] == [
        "archive/2025/05/", "archive/2025/05/page/2/", "archive/2025/05/page/3/",
    ]
    assert len(plan["archive/2025/05/page/3/"].context["articles"]) == 5  # type: ignore[arg-type]
    assert [month.count for month in plan["archive/"].context["months"]] == [25]  # type: ignore[attr-defined]


def test_sitemap_lists_the_new_pages(tmp_path: Path) -> None:
    render_site(sample_site(), REPO_ROOT, tmp_path / "_site")
    sitemap = (tmp_path / "_site" / "sitemap.xml").read_text(encoding="utf-8")
    for url in ("sources/", f"sources/{outlet_key('ロイター')}/", "archive/", "archive/2025/02/", "archive/2025/03/"):
        assert f"<loc>{BASE_URL}{url}</loc>" in sitemap, url


# ── Listings ─────────────────────────────────────────────────────────────


def test_home_leads_with_the_newest_article_and_its_key_points(pages: Pages) -> None:
    lead = pages["index.html"].select_one(".lead-story")
    assert isinstance(lead, HtmlTag)
    assert lead.select_one(".lead-story-title a") is not None
    assert " ".join(lead.select_one(".lead-story-title").get_text().split()) == PHONE_CALL.title  # type: ignore[union-attr]
    assert [li.get_text() for li in lead.select(".lead-story-points li")] == [
        "米ロ首脳がウクライナ情勢をめぐり電話会談を実施", "停戦や人道支援、捕虜交換で合意", "米ロ関係正常化に向けた動きも示唆",
    ]
    assert len(pages["index.html"].select(".entries-grid .entry")) == 2


def test_listings_show_at_most_three_tags_and_count_the_rest(pages: Pages) -> None:
    lead = pages["index.html"].select_one(".lead-story")
    assert isinstance(lead, HtmlTag)
    assert [" ".join(a.get_text().split()) for a in lead.select("a.tag")] == [
        "ウクライナ · Ukraine", "ロシア · Russia", "アメリカ · United States",
    ]
    assert [span.get_text() for span in lead.select(".tag-more")] == ["+1"]
    for entry in pages["tags/ukraine/index.html"].select(".entry"):
        assert len(entry.select("a.tag")) <= 3


def test_a_tag_whose_two_names_are_the_same_shows_one(tmp_path: Path) -> None:
    site = sample_site()
    tags = {**site.config.tags, "nato": Tag("nato", "NATO", "NATO")}
    article = dataclasses.replace(PEACE_TALKS, tags=("nato",))
    site = Site(config=dataclasses.replace(site.config, tags=tags), articles=(article,))
    render_site(site, REPO_ROOT, tmp_path / "_site")
    html = (tmp_path / "_site" / "tags" / "nato" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert " ".join(soup.select_one("h1").get_text().split()) == "NATO"  # type: ignore[union-attr]
    assert "NATO · NATO" not in html
    assert soup.select_one("title").get_text().startswith("NATO · 菊")  # type: ignore[union-attr]
    feed = (tmp_path / "_site" / "tags" / "nato" / "feed.xml").read_text(encoding="utf-8")
    assert 'label="NATO"' in feed and "NATO / NATO" not in feed
    article_page = (tmp_path / "_site" / "articles" / PEACE_TALKS.slug / "index.html").read_text(encoding="utf-8")
    assert '<meta property="article:tag" content="NATO">' in article_page
    assert "NATO · NATO" not in article_page


def test_tag_page_shows_its_count_and_its_feed(pages: Pages) -> None:
    page = "tags/ceasefire/index.html"
    assert _texts(pages, page, ".page-count")[0].startswith("2件の記事")
    assert _links(pages, page, "a.feed-link") == ["tags/ceasefire/feed.xml"]


def test_every_internal_link_of_the_new_pages_resolves(pages: Pages, tmp_path: Path) -> None:
    checked = 0
    for page in pages:
        if not page.startswith(("sources/", "archive/", "articles/", "index.html")):
            continue
        for anchor in pages[page].select("a[href]"):
            href = str(anchor["href"])
            if href.startswith(("http://", "https://", "#")) or href.endswith(".xml"):
                continue
            assert _resolve(page, href.split("#")[0]) in pages, (page, href)
            checked += 1
    assert checked > 50


# ── The importer's warnings, for the editor ─────────────────────────────

WARNED = """# Imported by kiku from scraped/x.txt.
# warning: sections[0].source.title: '日間' has no number before it
# resolved: title: a line the editor has already dealt with
# warning: tags: no tag found
title: 停戦合意
date: 2025-03-01
tags: [ukraine]
# warning: this comment is below the first field: the editor's own, not the importer's
"""


@pytest.fixture()
def warned_site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    (root / "content").mkdir()
    (root / "content" / "warned.yaml").write_text(WARNED, encoding="utf-8")
    (root / "content" / "clean.yaml").write_text("title: 別の記事\ndate: 2025-03-02\n", encoding="utf-8")
    return root


def test_check_lists_open_warnings_and_exits_0(warned_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--site", str(warned_site)]) == 0
    out, err = capsys.readouterr()
    assert out == "ok: site.yaml and 2 article(s) are valid\n"
    assert err.splitlines() == [
        "content/warned.yaml:2: warning: sections[0].source.title: '日間' has no number before it",
        "content/warned.yaml:4: warning: tags: no tag found",
        "kiku: 2 open importer warning(s) in 1 file(s) (fix each, then delete its '# warning:' line"
        " or make it '# resolved:')",
    ]


def test_check_strict_fails_on_open_warnings(warned_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict", "--site", str(warned_site)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "content/warned.yaml:2: warning: sections[0].source.title: '日間' has no number before it",
        "content/warned.yaml:4: warning: tags: no tag found",
        "kiku: 2 open importer warning(s) in 1 file(s) (fix each, then delete its '# warning:' line"
        " or make it '# resolved:'); --strict makes them errors",
    ]


def test_check_strict_passes_once_every_warning_is_resolved(
    warned_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = warned_site / "content" / "warned.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("# warning: sections[0]", "# resolved: sections[0]").replace("# warning: tags: no tag found\n", "")
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--strict", "--site", str(warned_site)]) == 0
    assert capsys.readouterr() == ("ok: site.yaml and 2 article(s) are valid\n", "")


def test_serve_shows_the_warnings_on_that_article_only_and_build_never(warned_site: Path, tmp_path: Path) -> None:
    builder = PreviewBuilder(warned_site, tmp_path / "preview")
    assert builder.rebuild().error is None
    preview = BeautifulSoup((tmp_path / "preview" / "articles" / "warned" / "index.html").read_text(encoding="utf-8"),
                            "html.parser")
    banner = preview.select_one("aside.editor-warnings")
    assert banner is not None
    assert [" ".join(li.get_text().split()) for li in banner.select("li")] == [
        "content/warned.yaml:2 sections[0].source.title: '日間' has no number before it",
        "content/warned.yaml:4 tags: no tag found",
    ]
    for other in ("articles/clean/index.html", "index.html", "archive/2025/03/index.html"):
        assert "editor-warnings" not in (tmp_path / "preview" / other).read_text(encoding="utf-8"), other

    assert main(["build", "--site", str(warned_site), "--out", str(tmp_path / "_site")]) == 0
    for built in (tmp_path / "_site").rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        assert "editor-warnings" not in text and "no tag found" not in text, built


def test_a_resolved_warning_leaves_the_preview_on_the_next_save(warned_site: Path, tmp_path: Path) -> None:
    builder = PreviewBuilder(warned_site, tmp_path / "preview")
    builder.rebuild()
    path = warned_site / "content" / "warned.yaml"
    text = path.read_text(encoding="utf-8").replace("# warning: tags: no tag found\n", "")
    path.write_text(text.replace("# warning: sections[0]", "# resolved: sections[0]"), encoding="utf-8")
    outcome = builder.rebuild(Change.of(warned_site, [path]))
    assert outcome.written == ("articles/warned/index.html",)
    assert "editor-warnings" not in (tmp_path / "preview" / "articles" / "warned" / "index.html").read_text(
        encoding="utf-8"
    )
