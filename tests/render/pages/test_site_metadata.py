"""What every page tells machines: description, OpenGraph, Twitter card, feed links, JSON-LD."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from kiku.build import render_site
from kiku.render.views.metadata import script_json
from tests.support.sample_site import (
    ASAHI_URL,
    BASE_URL,
    COURRIER_URL,
    ENCYCLOPEDIA,
    GFDL_URL,
    NIKKEI_URL,
    OFF_TOPIC_URL,
    PEACE_TALKS,
    PHONE_CALL,
    REPO_ROOT,
    REUTERS_URL,
    WIKIPEDIA_URL,
    sample_site,
    with_articles,
)

HOSTILE = '"</script><script>alert(1)</script>'
SITE_DESCRIPTION = "海外ニュースを日本語でまとめて読むダイジェスト。出典へのリンク付き。"
Pages = dict[str, BeautifulSoup]


def _read(out_dir: Path) -> Pages:
    return {
        path.relative_to(out_dir).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(out_dir.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    out_dir = tmp_path_factory.mktemp("meta") / "_site"
    render_site(sample_site(), REPO_ROOT, out_dir)
    return _read(out_dir)


def _meta(soup: BeautifulSoup, key: str) -> str:
    attribute = "property" if key.startswith(("og:", "article:")) else "name"
    found = soup.find_all("meta", attrs={attribute: key})
    assert len(found) == 1, f"{key}: {len(found)} tags"
    return str(found[0]["content"])


def _json_ld_all(soup: BeautifulSoup) -> list[dict[str, object]]:
    return [json.loads(script.get_text()) for script in soup.select('script[type="application/ld+json"]')]


def _json_ld(soup: BeautifulSoup) -> dict[str, object]:
    """The page's one JSON-LD object that is not its BreadcrumbList."""
    found = [data for data in _json_ld_all(soup) if data.get("@type") != "BreadcrumbList"]
    assert len(found) == 1
    return found[0]


def _article(slug: str) -> str:
    return f"articles/{slug}/index.html"


def test_every_page_has_opengraph_twitter_and_the_site_feed(pages: Pages) -> None:
    for path, soup in pages.items():
        title = soup.title.get_text() if soup.title else ""
        assert _meta(soup, "og:site_name") == "菊 Chrysanthemum Digest", path
        assert title.startswith(_meta(soup, "og:title")), path
        # X falls back to og:title and og:description: the page says each once
        assert not soup.find_all("meta", attrs={"name": ["twitter:title", "twitter:description"]}), path
        # a large picture: the page's share card (tests/render/sharecards/test_cards.py; "summary" without a font)
        assert _meta(soup, "twitter:card") in ("summary_large_image", "summary"), path
        assert (_meta(soup, "twitter:card") == "summary_large_image") == bool(soup.find("meta", property="og:image"))
        assert _meta(soup, "og:locale") == "ja_JP", path
        feeds = soup.select('link[rel="alternate"][type="application/atom+xml"]')
        assert feeds and feeds[0]["title"] == "菊 Chrysanthemum Digest", path
        if path not in ("404.html", "search/index.html"):
            canonical = soup.select_one('link[rel="canonical"]')
            assert isinstance(canonical, Tag) and _meta(soup, "og:url") == canonical["href"], path
            assert _meta(soup, "description") == _meta(soup, "og:description"), path


def test_list_pages_are_websites_described_by_the_site(pages: Pages) -> None:
    home = pages["index.html"]
    assert (_meta(home, "og:type"), _meta(home, "og:title"), _meta(home, "og:url")) == (
        "website",
        "菊 Chrysanthemum Digest",
        BASE_URL,
    )
    assert _meta(home, "description") == SITE_DESCRIPTION
    assert home.select('script[type="application/ld+json"]') == []
    tag = pages["tags/ukraine/index.html"]
    assert _meta(tag, "description") == "「ウクライナ · Ukraine」のタグが付いた記事（3件）"
    feeds = [(str(link["title"]), str(link["href"])) for link in tag.select('link[type="application/atom+xml"]')]
    assert feeds == [("菊 Chrysanthemum Digest", "../../feed.xml"), ("ウクライナ · Ukraine", "../../tags/ukraine/feed.xml")]


def test_digest_page_meta_and_news_article(pages: Pages) -> None:
    soup = pages[_article(PHONE_CALL.slug)]
    url = f"{BASE_URL}articles/{PHONE_CALL.slug}/"
    assert _meta(soup, "og:type") == "article"
    assert _meta(soup, "og:title") == PHONE_CALL.title
    assert _meta(soup, "description") == PHONE_CALL.lead
    assert _meta(soup, "article:published_time") == "2025-03-19T00:00:00+09:00"
    tags = [str(meta["content"]) for meta in soup.find_all("meta", attrs={"property": "article:tag"})]
    assert tags == ["ウクライナ / Ukraine", "ロシア / Russia", "アメリカ / United States", "停戦 / Ceasefire"]
    data = _json_ld(soup)
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert (data["headline"], data["url"], data["mainEntityOfPage"]) == (PHONE_CALL.title, url, url)
    assert data["datePublished"] == "2025-03-19T00:00:00+09:00"
    assert data["description"] == PHONE_CALL.lead
    assert data["inLanguage"] == "ja"
    assert data["publisher"] == {"@type": "Organization", "name": "菊 Chrysanthemum Digest", "url": BASE_URL}
    citations = data["citation"]
    assert isinstance(citations, list)
    assert [citation["url"] for citation in citations] == [REUTERS_URL, COURRIER_URL, NIKKEI_URL]
    assert citations[0]["name"] == PHONE_CALL.sections[0].sources[0].title


def test_off_topic_sources_are_not_cited(pages: Pages) -> None:
    data = _json_ld(pages[_article(PEACE_TALKS.slug)])
    citations = data["citation"]
    assert isinstance(citations, list)
    assert [citation["url"] for citation in citations] == [ASAHI_URL]
    assert OFF_TOPIC_URL not in json.dumps(data)


def test_encyclopedia_page_is_an_article_with_its_licence(pages: Pages) -> None:
    soup = pages[_article(ENCYCLOPEDIA.slug)]
    data = _json_ld(soup)
    assert data["@type"] == "Article"
    assert data["headline"] == ENCYCLOPEDIA.title
    assert data["license"] == GFDL_URL
    assert data["isBasedOn"] == {
        "@type": "CreativeWork",
        "name": ENCYCLOPEDIA.attribution.title,
        "url": WIKIPEDIA_URL,
        "version": ENCYCLOPEDIA.attribution.revision,
    }
    description = _meta(soup, "description")
    assert data["description"] == description
    assert "電話会談である。" in description and "[1]" not in description
    assert len(description) <= 160


def test_hostile_title_and_lead_stay_text_in_meta_and_json_ld(tmp_path: Path) -> None:
    card = replace(PHONE_CALL.sections[0].sources[0], title=HOSTILE)
    hostile = replace(
        PHONE_CALL, title=HOSTILE, lead=HOSTILE, sections=(replace(PHONE_CALL.sections[0], sources=(card,)),)
    )
    render_site(with_articles(sample_site(), hostile), REPO_ROOT, tmp_path / "_site")
    raw = (tmp_path / "_site" / _article(PHONE_CALL.slug)).read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "</script><script>" not in raw
    soup = BeautifulSoup(raw, "html.parser")
    assert [script.get("type") for script in soup.find_all("script")] == ["application/ld+json"] * 2
    for key in ("og:title", "description", "og:description"):
        assert _meta(soup, key) == HOSTILE, key
    data = _json_ld(soup)
    assert data["headline"] == data["description"] == HOSTILE
    assert data["citation"][0]["name"] == HOSTILE  # type: ignore[index]


def test_script_json_never_closes_its_element() -> None:
    text = str(script_json({"t": "</script><!-- & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}
