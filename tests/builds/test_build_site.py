"""The built sample site, read back with BeautifulSoup: every page, every link, every promise."""

from __future__ import annotations

import posixpath
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from kiku.build import BuildReport, render_site
from kiku.render.planning.plan import plan_site
from kiku.render.writing.other_files.identity import IDENTITY_URLS
from tests.support.sample_site import (
    BASE_URL,
    COURRIER_URL,
    ENCYCLOPEDIA,
    GFDL_URL,
    JAVASCRIPT_LINK,
    NIKKEI_URL,
    OFF_TOPIC_BULLET,
    OFF_TOPIC_URL,
    PEACE_TALKS,
    PHONE_CALL,
    REPO_ROOT,
    REUTERS_URL,
    SCRIPT_TEXT,
    TAGS,
    WIKIPEDIA_URL,
    sample_site,
)

Pages = dict[str, BeautifulSoup]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    out_dir = tmp_path_factory.mktemp("build") / "_site"
    return out_dir, render_site(sample_site(), REPO_ROOT, out_dir)


@pytest.fixture(scope="module")
def pages(built: tuple[Path, BuildReport]) -> Pages:
    out_dir, _ = built
    return {
        path.relative_to(out_dir).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(out_dir.rglob("*.html"))
    }


def _public(pages: Pages) -> Pages:
    """Every page but 404.html, which has no address of its own (tested in test_site_files), and the
    search page, which shows nothing of its own and is kept out of search engines."""
    return {path: soup for path, soup in pages.items() if path not in ("404.html", "search/index.html")}


def _article_path(slug: str) -> str:
    return f"articles/{slug}/index.html"


def _one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} matches"
    return found[0]


def _first_class(element: Tag) -> str:
    classes = element.get_attribute_list("class")
    return str(classes[0]) if classes else ""


def test_every_planned_page_is_written_and_nothing_else(
    built: tuple[Path, BuildReport], pages: Pages
) -> None:
    out_dir, report = built
    planned = {page.output_path for page in plan_site(sample_site())}
    assert set(pages) == {path for path in planned if path.endswith(".html")}
    written = {path.relative_to(out_dir).as_posix() for path in out_dir.rglob("*") if path.is_file()}
    index = {
        "search/manifest.json", "search/codebook.bin", "search/shards/0.json.gz",
        "search/records/0.bin", "search/records/lengths.bin.gz",
    }
    cards = {"card.png"} | {f"articles/{article.slug}/card.png" for article in sample_site().articles}
    if report.share_cards is None:  # no Japanese font on this machine
        cards = set()
    static = {"static/style.css", "static/search-spec.js", "static/search-records.js", "static/search-index.js",
              "static/search.js"}
    assert written == planned | index | static | {".nojekyll", *IDENTITY_URLS} | cards
    assert report.search_files == len(index)
    assert report.pages_written == report.pages == len(planned)
    assert (report.digest_articles, report.encyclopedia_articles, report.home_pages) == (2, 1, 1)
    assert report.tag_pages == 5
    assert (out_dir / "static" / "style.css").read_bytes() == (
        REPO_ROOT / "static" / "style.css"
    ).read_bytes()
    assert report.static_files >= 1


def test_every_page_has_the_document_basics(pages: Pages) -> None:
    for path, soup in _public(pages).items():
        html = soup.find("html")
        assert isinstance(html, Tag) and html.get("lang") == "ja", path
        assert soup.find("meta", charset=True) is not None, path
        assert soup.find("meta", attrs={"name": "viewport"}) is not None, path
        title = soup.find("title")
        assert title is not None and title.get_text().strip(), path
        canonical = _one(soup, 'link[rel="canonical"]')["href"]
        assert isinstance(canonical, str) and canonical.startswith(BASE_URL), path
        assert canonical == BASE_URL + path.removesuffix("index.html"), path


def test_no_script_element_anywhere_and_content_script_is_text(pages: Pages) -> None:
    for path, soup in pages.items():
        # The only script is JSON-LD data, which no browser runs (checked in test_site_metadata),
        # and on the search page the site's own search script.
        scripts = soup.find_all("script")
        if path == "search/index.html":
            assert [(script.get("src"), script.get_text()) for script in scripts] == [
                ("../static/search-spec.js", ""), ("../static/search-records.js", ""),
                ("../static/search-index.js", ""), ("../static/search.js", ""),
            ]
        else:
            assert {script.get("type") for script in scripts} <= {"application/ld+json"}, path
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on"), (path, name)
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not text.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (
                    path,
                    name,
                )
    article = pages[_article_path(PHONE_CALL.slug)]
    assert SCRIPT_TEXT in article.get_text()
    assert JAVASCRIPT_LINK in article.get_text()


def _internal_targets(page_path: str, soup: BeautifulSoup) -> list[tuple[str, str, str]]:
    """(href, target file, fragment) for every link to something inside the site."""
    targets = []
    for element in soup.select("a[href], link[href]"):
        href = str(element["href"])
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # external (and the absolute canonical URL)
        if parts.path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
            if href.endswith("/"):
                target += "/index.html"
        else:
            target = page_path
        targets.append((href, target, parts.fragment))
    return targets


def test_every_internal_link_resolves(built: tuple[Path, BuildReport], pages: Pages) -> None:
    """Generic link checker: each relative href names a file of the build, and its #fragment an id."""
    out_dir, _ = built
    checked = 0
    for page_path, soup in _public(pages).items():
        for href, target, fragment in _internal_targets(page_path, soup):
            assert not target.startswith("../"), f"{page_path}: {href} leaves the site"
            assert (out_dir / target).is_file(), f"{page_path}: {href} → {target} does not exist"
            if fragment:
                target_soup = pages[target] if target.endswith(".html") else None
                assert target_soup is not None and target_soup.find(id=unquote(fragment)) is not None, (
                    f"{page_path}: {href} → no element with id {fragment!r}"
                )
            checked += 1
    assert checked > 50


def test_ids_are_unique_on_every_page(pages: Pages) -> None:
    for path, soup in pages.items():
        ids = Counter(str(element["id"]) for element in soup.find_all(id=True))
        assert [name for name, count in ids.items() if count > 1] == [], path


def test_home_lists_articles_newest_first(pages: Pages) -> None:
    home = pages["index.html"]
    links = [str(a["href"]) for a in home.select(".entry-title a")]
    assert links == [_article_path(article.slug) for article in sample_site().articles]
    times = [str(t["datetime"]) for t in home.select(".entry time")]
    assert times == sorted(times, reverse=True)
    first = home.select(".entry")[0]
    assert _one(first, "time").get_text() == "2025年3月19日"
    encyclopedia_lead = home.select(".entry")[1].select_one(".entry-lead")
    assert encyclopedia_lead is not None and "電話会談である。" in encyclopedia_lead.get_text()
    assert "[1]" not in encyclopedia_lead.get_text()


def test_tags_show_both_names_with_english_marked(pages: Pages) -> None:
    seen = 0
    for path, soup in pages.items():
        for tag_link in soup.select("a.tag"):
            key = str(tag_link["href"]).rstrip("/").split("/")[-2]
            # The Japanese name is in the page's language; the English one is marked as English
            assert tag_link.get_text() == f"{TAGS[key].ja} · {TAGS[key].en}", path
            assert _one(tag_link, '[lang]') == _one(tag_link, 'span[lang="en"]'), path
            assert _one(tag_link, 'span[lang="en"]').get_text() == TAGS[key].en, path
            assert tag_link.find_parent(attrs={"lang": True}) is soup.html and soup.html["lang"] == "ja", path
            seen += 1
    assert seen > 10


def test_tag_pages_list_exactly_their_articles(pages: Pages) -> None:
    site = sample_site()
    for key, tag in TAGS.items():
        expected = [_article_path(article.slug) for article in site.articles if key in article.tags]
        path = f"tags/{key}/index.html"
        if not expected:
            assert path not in pages
            continue
        soup = pages[path]
        links = [
            posixpath.normpath(posixpath.join("tags/x", str(a["href"])))
            for a in soup.select(".entry-title a")
        ]
        assert links == expected, key
        heading = _one(soup, "h1")
        assert heading.get_text() == f"{tag.ja} · {tag.en}"
        assert _one(heading, '[lang]').get_text() == tag.en


def test_tags_index_counts(pages: Pages) -> None:
    soup = pages["tags/index.html"]
    counts = {
        str(_one(item, "a.tag")["href"]).split("/")[-2]: _one(item, ".count").get_text()
        for item in soup.select(".tag-index li")
    }
    assert counts == {
        "ukraine": "3件",
        "russia": "2件",
        "united-states": "2件",
        "ceasefire": "2件",
        "saudi-arabia": "1件",
    }


def test_digest_article_reading_order(pages: Pages) -> None:
    soup = pages[_article_path(PHONE_CALL.slug)]
    article = _one(soup, "article")
    order = [
        "h1" if element.name == "h1" else _first_class(element)
        for element in article.select(
            "h1, .lead, .key-points, .intro, .digest-section, .outro, .conclusion, .sources"
        )
    ]
    assert order == [
        "h1",
        "lead",
        "key-points",
        "intro",
        "digest-section",
        "digest-section",
        "outro",
        "conclusion",
        "sources",
    ]
    key_points = _one(soup, ".key-points")
    assert "この記事で分かる事" in key_points.get_text()
    first_point = key_points.select("li")[0].get_text()
    assert first_point == "米ロ首脳がウクライナ情勢をめぐり電話会談を実施"
    section = soup.select(".digest-section")[0]
    assert _one(section, "h2").get_text() == PHONE_CALL.sections[0].heading
    parts = [_first_class(element) for element in section.select(".qa, .remark, .source-card, .section-body")]
    assert parts == ["qa", "remark", "source-card", "remark", "section-body", "remark"]
    remarks = section.select("aside.remark")
    assert [" ".join(map(str, r["class"])) for r in remarks] == [
        "remark remark-comment",
        "remark remark-source-comment",
        "remark remark-reaction",
    ]
    # Remarks are asides with a label, never inside the body.
    assert section.select(".section-body .remark") == []
    assert all(r.select_one(".remark-label") for r in remarks)
    assert "💡" not in _one(soup, ".conclusion").get_text()


def test_a_section_shows_each_card_followed_by_its_remarks(pages: Pages) -> None:
    soup = pages[_article_path(PHONE_CALL.slug)]
    section = soup.select(".digest-section")[1]
    parts = section.select(".remark, .source-card")
    assert [_first_class(element) for element in parts] == [
        "remark", "source-card", "remark", "source-card", "remark"]
    first, second = PHONE_CALL.sections[1].sources
    assert _one(parts[1], ".source-title").get_text() == first.title
    assert first.comments[0] in parts[2].get_text() and "remark-source-comment" in parts[2]["class"]
    assert _one(parts[3], ".source-title").get_text() == second.title
    assert second.comments[0] in parts[4].get_text() and "remark-source-comment" in parts[4]["class"]
    listed = [str(a["href"]) for a in soup.select(".sources a")]
    assert listed == [REUTERS_URL, COURRIER_URL, NIKKEI_URL]


def test_source_card(pages: Pages) -> None:
    soup = pages[_article_path(PHONE_CALL.slug)]
    card = soup.select(".source-card")[0]
    link = _one(card, ".source-link a")
    assert link["href"] == REUTERS_URL
    assert link["rel"] == ["noopener", "noreferrer"]
    assert "元記事を読む" in link.get_text() and "jp.reuters.com" in link.get_text()
    assert _one(card, "time")["datetime"] == "2025-03-19"
    assert len(card.select(".source-summary li")) == 3
    assert _one(card, ".source-title").get_text() == PHONE_CALL.sections[0].sources[0].title


def test_every_external_link_has_rel_noopener(pages: Pages) -> None:
    for path, soup in pages.items():
        for link in soup.select("a[href]"):
            if urlsplit(str(link["href"])).scheme in ("http", "https"):
                assert link.get("rel") == ["noopener", "noreferrer"], (path, link["href"])
                assert not link.has_attr("target")


def test_off_topic_card_keeps_link_but_not_bullets(pages: Pages) -> None:
    soup = pages[_article_path(PEACE_TALKS.slug)]
    assert OFF_TOPIC_BULLET not in str(soup)
    card = _one(soup, ".source-card-off-topic")
    assert card.select(".source-summary") == []
    assert _one(card, ".source-link a")["href"] == OFF_TOPIC_URL
    assert "見出しと無関係な内容だったため表示していません" in card.get_text()
    assert _one(card, "time")["datetime"] == "2025-02-18"


def test_sources_list_has_every_cited_url(pages: Pages) -> None:
    for article in (PHONE_CALL, PEACE_TALKS):
        soup = pages[_article_path(article.slug)]
        listed = [str(a["href"]) for a in soup.select(".sources a")]
        assert listed == list(dict.fromkeys(article.source_urls))
    assert COURRIER_URL in [
        str(a["href"]) for a in pages[_article_path(PHONE_CALL.slug)].select(".section-body a")
    ]


def test_encyclopedia_footnotes_and_attribution(pages: Pages) -> None:
    soup = pages[_article_path(ENCYCLOPEDIA.slug)]
    first = soup.select("sup.fn a")[0]
    assert first["href"] == "#ref-1" and first.get_text() == "[1]"
    reference = soup.find(id="ref-1")
    assert isinstance(reference, Tag) and reference.name == "li"
    assert [str(li["id"]) for li in soup.select(".reference-list li")] == ["ref-1", "ref-2", "ref-3", "ref-4"]
    assert _one(reference, "a")["rel"] == ["noopener", "noreferrer"]
    without_url = soup.find(id="ref-2")
    assert isinstance(without_url, Tag) and without_url.select("a") == []
    assert "存在しない脚注[99]はそのまま" in soup.get_text()
    attribution = _one(soup, ".attribution")
    assert _one(attribution, ".license-notice").get_text() == ENCYCLOPEDIA.attribution.notice
    links = {str(a["href"]): a.get_text() for a in attribution.select("a")}
    assert links[WIKIPEDIA_URL] == ENCYCLOPEDIA.attribution.title
    assert links[GFDL_URL] == "GNU Free Documentation License"
    text = " ".join(attribution.get_text().split())
    assert "この記事は Wikipedia の「プーチン・トランプ電話会談」（2025/03/21 04:36 UTC 版）を" in text
    assert "GNU Free Documentation License の下で複製したものです" in text


def test_dates_use_time_elements(pages: Pages) -> None:
    soup = pages[_article_path(PHONE_CALL.slug)]
    time = _one(soup, ".article-meta time")
    assert (time["datetime"], time.get_text()) == ("2025-03-19", "2025年3月19日")


def test_pagination_with_one_article_per_page(tmp_path: Path) -> None:
    out_dir = tmp_path / "_site"
    report = render_site(sample_site(per_page=1), REPO_ROOT, out_dir)
    assert report.home_pages == 3
    homes = ["index.html", "page/2/index.html", "page/3/index.html"]
    expected = [_article_path(article.slug) for article in sample_site().articles]
    for number, (home, article_path) in enumerate(zip(homes, expected, strict=True), 1):
        soup = BeautifulSoup((out_dir / home).read_text(encoding="utf-8"), "html.parser")
        links = [
            posixpath.normpath(posixpath.join(posixpath.dirname(home), str(a["href"])))
            for a in soup.select(".entry-title a")
        ]
        assert links == [article_path]
        assert _one(soup, '.pagination-pages [aria-current="page"]').get_text() == str(number)
        prev, next_ = soup.select_one('a[rel="prev"]'), soup.select_one('a[rel="next"]')
        assert (prev is None) == (number == 1) and (next_ is None) == (number == 3)
        for link in soup.select(".pagination a"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(home), str(link["href"])))
            assert (out_dir / target).is_file()
