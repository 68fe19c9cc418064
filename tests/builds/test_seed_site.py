"""The seed site end to end: import the five scraped pages with the CLI, build, read the output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from kiku.cli import main
from tests.support.paths import REPO

# Scraped debris that must not survive anywhere in the built site. The dictionary site's name is
# not debris where the page's own licence line says it ('…Weblio辞書に掲載されているウィキペディアの
# 記事も、全てGNU Free Documentation Licenseの元に…', kept word for word as the whole line): its
# chrome lines are named instead.
DEBRIS = (
    "Logo Menu opener", "📘", "次のページを読む", "トランプ氏、ウクライナ停戦案で米ロ接近加速", "トランプVSプーチン",
    "公開日:", "さらに読む", "出典/画像元", "経済、株価、ビジネス、国際、政治ニュース", "世界のいまを伝えるウェブメディア",
    "わかりやすく解説", "Weblio 辞書", "Weblio翻訳", "英和和英テキスト翻訳", "辞書ショートカット", "すべての辞書の索引", "関連用語",
    "お隣キーワード", "検索ランキング", "GRAS Group", "ウィキペディアウィキペディア", "^ a b", "激せまアパート",
)


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seed-site")
    for name in ("site.yaml",):
        shutil.copy(REPO / name, root / name)
    for folder in ("templates", "static"):
        shutil.copytree(REPO / folder, root / folder)
    assert main(["import", str(REPO / "scraped"), "--site", str(root)]) == 0
    assert main(["build", "--site", str(root)]) == 0
    return root


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _articles(root: Path) -> dict[str, dict[str, object]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (root / "content").glob("*.yaml")}


def test_no_debris_survives_anywhere_in_the_built_site(seed_site: Path) -> None:
    pages = list((seed_site / "_site").rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        leaked = [debris for debris in DEBRIS if debris in text]
        assert not leaked, f"{page.relative_to(seed_site)}: {leaked}"


def test_the_repeated_digest_title_is_gone(seed_site: Path) -> None:
    digests = {slug: article for slug, article in _articles(seed_site).items() if "kind" not in article}
    assert len(digests) == 4
    for slug, article in digests.items():
        soup = _soup(seed_site / "_site" / "articles" / slug / "index.html")
        main_text = soup.find("article").get_text()  # the breadcrumb and the article links name it too
        assert main_text.count(str(article["title"])) == 1, slug


def test_every_cited_source_is_linked_from_its_article(seed_site: Path) -> None:
    for slug, article in _articles(seed_site).items():
        soup = _soup(seed_site / "_site" / "articles" / slug / "index.html")
        links = {anchor["href"]: anchor for anchor in soup.find_all("a", href=True)}
        urls = [card["url"] for section in article.get("sections", []) for card in section.get("sources", [])]
        urls += [reference["url"] for reference in article.get("references", []) if "url" in reference]
        assert urls, slug
        for url in urls:
            assert url in links, (slug, url)
            assert set(links[url]["rel"]) >= {"noopener", "noreferrer"}


def test_off_topic_card_shows_its_link_and_not_its_bullets(seed_site: Path) -> None:
    (slug,) = [slug for slug, article in _articles(seed_site).items()
               if any(card.get("off_topic") for section in article.get("sections", [])
                      for card in section.get("sources", []))]
    html = (seed_site / "_site" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert "https://newsdig.tbs.co.jp/articles/-/1788901" in html
    assert "入居率99.9%" not in html
    assert "プーチン大統領、ロシアとウクライナの一時停戦案に" in html.replace("<wbr>", "")  # the title, phrase-broken


def test_encyclopedia_page_has_references_footnotes_and_the_licence(seed_site: Path) -> None:
    (slug,) = [slug for slug, article in _articles(seed_site).items() if article.get("kind") == "encyclopedia"]
    soup = _soup(seed_site / "_site" / "articles" / slug / "index.html")
    assert len(soup.select("[id^=ref-]")) == 26
    footnote = soup.find("a", href="#ref-1")
    assert footnote is not None and footnote.get_text() == "[1]"
    wikipedia = soup.find("a", href=re.compile(r"^https://ja\.wikipedia\.org/wiki/"))
    assert wikipedia is not None and wikipedia.get_text() == "プーチン・トランプ電話会談"
    assert "GNU Free Documentation License" in soup.get_text()


def test_tag_pages_show_both_names_and_list_their_articles(seed_site: Path) -> None:
    articles = _articles(seed_site)
    for key in ("ukraine", "ceasefire", "saudi-arabia"):
        soup = _soup(seed_site / "_site" / "tags" / key / "index.html")
        heading = soup.find("h1")
        assert heading is not None
        english = heading.find(attrs={"lang": "en"})
        assert english is not None
        expected = sorted(slug for slug, article in articles.items() if key in article["tags"])
        linked = sorted({href.split("/")[-2] for href in (a["href"] for a in soup.select("main a[href*='articles/']"))})
        assert linked == expected, key
    tags_index = _soup(seed_site / "_site" / "tags" / "index.html").get_text()
    assert "ウクライナ" in tags_index and "Ukraine" in tags_index
