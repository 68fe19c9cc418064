"""HTML heading elements: the reader marks them, and a last heading over body text with no card is a section."""

from __future__ import annotations

import re
from pathlib import Path

from kiku.content.checking.text_fields import iter_text_fields
from kiku.content.model import DigestArticle
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import import_text as _import


def test_the_html_reader_says_which_lines_are_heading_elements() -> None:
    report = ImportReport("page.html")
    lines = read_html("<article><h1>題名</h1><p>本文です。</p><h2>見出し</h2><h3>小見出し<br>二行目</h3></article>", report)
    assert [(line.text, line.heading) for line in lines] == [
        ("題名", True), ("本文です。", False), ("見出し", True), ("小見出し", True), ("二行目", False)]


BLOG_PAGE = """<html><head><title>川の清掃に300人</title></head><body><article>
<h1>川の清掃に300人、ごみの量は減ったのか？</h1><p>公開日：2025/10/05</p>
<p>毎年秋に開かれる川の清掃活動に、今年は約300人が参加しました。活動の成果をまとめました。</p>
<h2>今年の清掃活動</h2><p>Q. 集まったごみはどれくらい？</p><p>A. 軽トラック5台分</p>
<div class="card"><p>川の一斉清掃、300人が参加</p><p>2025年10月4日</p><ul>
<li>◆ 市民団体の呼びかけで、河川敷のごみを集める活動が行われた。</li>
<li>◆ 集まったごみは軽トラック5台分で、昨年より少なかった。</li></ul>
<p><a href="https://city-news.example.jp/river/300">元記事を読む ⇒</a> 市民ニュース</p></div>
<p>ごみが減ったのは、うれしい変化ですね。</p>
<h2>これからの課題</h2>
<p>ただ、上流から流れてくるプラスチックごみは今も多いといいます。</p>
<p>流域の市町が一緒に取り組む仕組みづくりが求められています。</p>
<p>回収にかかる費用も、年々ふくらんでいるそうです。</p>
<p>川をきれいに保つには、ごみを出さない工夫も欠かせません。</p>
<div class="summary"><p>まとめ</p><ul><li>◎ 清掃活動に約300人が参加した。</li><li>◎ ごみの量は昨年より減った。</li></ul></div>
</article></body></html>"""


def test_a_last_heading_element_over_body_text_and_no_card_is_a_section(tmp_path: Path) -> None:
    article = _import(tmp_path, "page.html", BLOG_PAGE).article
    assert isinstance(article, DigestArticle)
    assert [(section.heading, section.question, len(section.sources)) for section in article.sections] == [
        ("今年の清掃活動", "集まったごみはどれくらい？", 1), ("これからの課題", None, 0)]
    # Without the markup the line's words alone read it as one more remark on the card before it.
    assert article.sections[1].body[:2] == ("ただ、上流から流れてくるプラスチックごみは今も多いといいます。",
                                            "流域の市町が一緒に取り組む仕組みづくりが求められています。")


def test_the_same_page_as_a_text_dump_keeps_its_text(tmp_path: Path) -> None:
    """Without the markup the same line has only its words to go by; nothing is lost either way."""
    page = BLOG_PAGE
    for tag in ("h1", "h2", "p", "li", "ul", "div", "article"):
        page = page.replace(f"</{tag}>", "\n")
    text = re.sub(r"<[^>]+>", "", page)
    article = _import(tmp_path, "page.txt", text).article
    assert isinstance(article, DigestArticle)
    texts = "\n".join(str(value) for _, value in iter_text_fields(article))
    assert "流域の市町が一緒に取り組む仕組みづくりが求められています。" in texts
    assert "これからの課題" in texts


_GLYPH_HEADING_PAGE = """<html><body><article>
<h1>図書館の開館時間、来月から夜9時までに</h1><p>公開日：2025/06/02</p>
<p>市立図書館が来月から開館時間を延ばします。変わる点をまとめました。</p>
<h2>開館時間の変更</h2><p>Q. いつから変わる？</p><p>A. 7月1日から</p>
<div class="card"><p>市立図書館、平日は夜9時まで開館へ</p><ul>
<li>◆ 市は平日の閉館時刻を午後9時に延ばすと発表した。</li></ul>
<p><a href="https://shiho.example.jp/lib/21">元記事を読む ⇒</a> 市報デジタル</p></div>
<p>仕事帰りに寄れるのは助かりますね。</p>
<h2>&#x1F50E; 最後にひとこと</h2>
<p>夜の開館は、まず一年間試しに行われます。</p>
<p>利用が多ければ、土日にも広げることが検討されるそうです。</p>
</article></body></html>"""


def test_a_heading_element_opening_with_a_glyph_is_no_point_of_a_list(tmp_path: Path) -> None:
    """'<h2>🔎 最後にひとこと</h2>' over paragraphs: the glyph decorates the heading; read as a bullet,
    it would end the page on a one-point conclusion and drop the paragraphs under it as the site's."""
    article = _import(tmp_path, "page.html", _GLYPH_HEADING_PAGE).article
    assert isinstance(article, DigestArticle)
    texts = "\n".join(str(value) for _, value in iter_text_fields(article))
    assert "利用が多ければ、土日にも広げることが検討されるそうです。" in texts
    assert not any("最後にひとこと" in point for point in article.conclusion)


def test_the_glyph_headed_close_as_a_text_dump_keeps_its_paragraphs(tmp_path: Path) -> None:
    """Without the heading element, the glyph's line over sentences is a label over the closing words
    (a list's point is followed by the next point, not by a paragraph): nothing is dropped as the site's."""
    page = _GLYPH_HEADING_PAGE.replace("&#x1F50E;", "🔎")
    for tag in ("h1", "h2", "p", "li", "ul", "div", "article"):
        page = page.replace(f"</{tag}>", "\n")
    text = re.sub(r"<[^>]+>", "", page)
    result = _import(tmp_path, "page.txt", text)
    texts = "\n".join(str(value) for _, value in iter_text_fields(result.article))
    assert "夜の開館は、まず一年間試しに行われます。" in texts
    assert "利用が多ければ、土日にも広げることが検討されるそうです。" in texts
