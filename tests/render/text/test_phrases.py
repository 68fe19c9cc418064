"""Japanese typography: phrase breaks marked at build time, and where they must never appear."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from kiku.build import render_site
from kiku.content.model import DigestArticle, Section
from kiku.render.text.markdown import WORD_JOINER, render_block, render_inline
from kiku.render.text.phrases import phrase_markup, phrases
from kiku.render.text.reading_time import NOT_READ, reading_minutes, reading_time_label, visible_characters
from tests.support.sample_site import PHONE_CALL, REPO_ROOT, sample_site, with_articles
from tests.support.site_tree import readable_tree, site_tree

HOSTILE_TITLE = '<script>alert("x")</script>米ロ首脳が30日間の停戦で合意、NATOは「まだ早い」と反発'


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("インフラ攻撃を30日間停止することで合意", "30日間"),
        ("NATO加盟国のうち2カ国が反対した", "2カ国が"),
        ("100万人の雇用を生み出した経済政策", "100万人の"),
        ("成長率は3.5％に達したと発表された", "3.5％に"),
        ("U.S.経済は回復基調にあると専門家", "U.S.経済は"),
        ("Chrysanthemum Digestの新しい記事が公開された", "Chrysanthemum "),
    ],
)
def test_numbers_counters_and_latin_words_stay_whole(text: str, whole: str) -> None:
    cut = phrases(text)
    assert "".join(cut) == text
    assert whole in cut or any(phrase.startswith(whole) or phrase.endswith(whole) for phrase in cut), cut


def test_no_phrase_starts_with_closing_punctuation_or_ends_with_an_opening_one() -> None:
    text = "トランプ氏は「停戦は近い」と述べ、ロシアは（条件付きで）合意した。ウクライナは反発!さらに協議へ。"
    cut = phrases(text)
    assert "".join(cut) == text
    assert len(cut) > 5
    for phrase in cut[1:]:
        assert phrase[0] not in "、。」）!", cut
    for phrase in cut[:-1]:
        assert phrase[-1] not in "「（", cut


def test_phrase_markup_escapes_text_between_breaks() -> None:
    html = str(phrase_markup(HOSTILE_TITLE))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<wbr>" in html
    assert html.replace("<wbr>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"') == HOSTILE_TITLE


def test_phrased_markdown_keeps_escaping_and_links() -> None:
    html = str(render_block("停戦交渉は<b>容易</b>ではなく、[出典](https://example.com/a)を参照。", phrased=True))
    assert "<b>" not in html
    assert "&lt;b&gt;容易" in html
    assert '<a href="https://example.com/a" rel="noopener noreferrer">出典</a>' in html
    assert "<wbr>" in html
    assert "<wbr>" not in str(render_inline("停戦交渉は容易ではなく、緊張が続く"))


def test_footnote_marker_is_glued_to_the_word_before_it() -> None:
    html = str(render_inline("電話会談である[1]。", frozenset({1})))
    assert f"である{WORD_JOINER}<sup class=\"fn\">" in html


def test_reading_time_counts_visible_characters_at_500_a_minute() -> None:
    assert visible_characters(["[出典](https://example.com/very/long/path) **強調** です"]) == len("出典強調です")
    assert reading_minutes(1) == 1
    assert reading_minutes(500) == 1
    assert reading_minutes(501) == 2
    article = DigestArticle(slug="a", title="見出し", date=PHONE_CALL.date, lead="あ" * 997)
    assert reading_time_label(article) == "約2分（1,000字）"


# Texts cut where a link, an emphasis or a space would straddle two of them.
_PIECES = st.lists(st.one_of(
    st.sampled_from(["[", "]", "(", ")", "](", "x", "語", " ", "\n", "\u3000", "\x85", "*", "_", "https://a.jp/b", "#", ">", "`"]),
    st.text(max_size=3),
))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.builds("".join, _PIECES), max_size=6))
def test_reading_time_counts_each_text_on_its_own(texts: list[str]) -> None:
    """Texts are counted in one pass without the regular expression; the count is the sum of what it leaves of each."""
    one_pass = visible_characters(texts)
    assert one_pass == sum(len(NOT_READ.sub("", text)) for text in texts)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hostile = replace(
        PHONE_CALL,
        title=HOSTILE_TITLE,
        sections=(replace(PHONE_CALL.sections[0], heading="見出しの30日間停止と新たな協力の可能性"), *PHONE_CALL.sections[1:]),
    )
    assert isinstance(hostile.sections[0], Section)
    out_dir = tmp_path_factory.mktemp("phrases") / "_site"
    render_site(with_articles(sample_site(), hostile), REPO_ROOT, out_dir)
    return out_dir


def _article_html(out_dir: Path) -> str:
    return (out_dir / "articles" / PHONE_CALL.slug / "index.html").read_text(encoding="utf-8")


def test_headline_lead_points_and_qa_carry_phrase_breaks(built: Path) -> None:
    soup = BeautifulSoup(_article_html(built), "html.parser")
    for selector in ("h1.article-title", ".lead p", ".key-points li", ".section-heading", ".qa-question dd"):
        element = soup.select_one(selector)
        assert element is not None, selector
        assert element.find("wbr") is not None, selector
    title = soup.select_one("h1.article-title")
    assert title is not None
    assert title.get_text() == HOSTILE_TITLE  # text intact, script shown as text
    assert soup.select("h1 script") == []
    home = BeautifulSoup((built / "index.html").read_text(encoding="utf-8"), "html.parser")
    entry_title = home.select_one(".entry-title a")
    assert entry_title is not None
    assert entry_title.find("wbr") is not None
    assert entry_title.get_text() == HOSTILE_TITLE


def test_phrase_marks_never_reach_title_meta_feeds_json_ld_sitemap_or_search(built: Path) -> None:
    html = _article_html(built)
    head = html.split("</head>", 1)[0]
    assert "<wbr>" not in head  # <title>, OpenGraph, Twitter card, JSON-LD
    assert "\\u003cwbr" not in head and "&lt;wbr" not in head
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title is not None
    assert soup.title.get_text().startswith(HOSTILE_TITLE)
    og_title = soup.find("meta", attrs={"property": "og:title"})
    assert og_title is not None and og_title["content"] == HOSTILE_TITLE
    for name in ("feed.xml", "sitemap.xml", "tags/ukraine/feed.xml"):
        text = (built / name).read_text(encoding="utf-8")
        assert "wbr" not in text, name
    # The index's files decoded (gzip, the records' code): what the script reads.
    search_files = {path: data for path, data in readable_tree(site_tree(built)).items() if path.startswith("search/")}
    assert any(path.startswith("search/records/") for path in search_files)
    for path, data in search_files.items():
        assert "wbr" not in data.decode("utf-8"), path
    feed = ElementTree.parse(built / "feed.xml").getroot()
    titles = [element.text for element in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert HOSTILE_TITLE in titles
