"""The HTML reader on small pages: which element is chrome, where lines end, what a line's number is."""

from __future__ import annotations

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.page import Line
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _read(body: str) -> tuple[list[Line], ImportReport]:
    report = ImportReport("page.html")
    lines = read_html(f"<html><body><main>\n<p>本文です。</p>\n{body}\n</main></body></html>", report)
    return lines, report


@pytest.mark.parametrize(("element", "rule"), [
    ('<div class="c-share-buttons">X</div>', "share-buttons"),
    ('<ul class="sns">X</ul>', "share-buttons"),
    ('<div id="cookie-notice">X</div>', "cookie-banner"),
    ('<div aria-label="Cookie consent">X</div>', "cookie-banner"),
    ('<nav aria-label="パンくずリスト">X</nav>', "breadcrumb"),
    ('<ol class="topicpath">X</ol>', "breadcrumb"),
    ('<div class="ez-toc-container">X</div>', "table-of-contents"),
    ('<div class="box"><p class="box-title">目次</p><p>X</p></div>', "table-of-contents"),
    ('<section><h2>関連記事</h2><p>X</p></section>', "related-articles"),
    ('<div class="yarpp-related">X</div>', "related-articles"),
    ('<div class="p-ranking__list">X</div>', "ranking"),
    ('<section><h3>人気記事ランキング</h3><p>X</p></section>', "ranking"),
    ('<div class="author-box">X</div>', "author-box"),
    ('<div><p>この記事を書いた人</p><p>X</p></div>', "author-box"),
    ('<div class="adsbygoogle">X</div>', "advertisement"),
    ('<div class="p-ad-area">X</div>', "advertisement"),
    ('<aside>X</aside>', "sidebar"),
    ('<div id="comments">X</div>', "comments"),
    ('<div hidden>X</div>', "hidden"),
    ('<p style="display: none">X</p>', "hidden"),
    ('<form><label>X</label></form>', "form"),
    ('<noscript>X</noscript>', "script"),
    ('<span class="mw-editsection">X</span>', "edit-link"),
    ('<div class="site-branding"><h1>X</h1></div>', "site-logo"),
    ('<div class="card"><p>X</p><a href="javascript:open()">さらに読む</a></div>', "script-link-card"),
    ('<div class="card"><p>X</p><a href=" JaVaScRiPt:open()">さらに読む</a></div>', "script-link-card"),
    ('<div class="card"><p>X</p><a href="data:text/html,hi">さらに読む</a></div>', "script-link-card"),
])
def test_chrome_is_dropped_by_its_rule(element: str, rule: str) -> None:
    lines, report = _read(element)
    assert [line.text for line in lines] == ["本文です。"]
    assert [item.rule for item in report.dropped if "X" in item.line.text] == [rule]


@pytest.mark.parametrize("element", [
    '<div class="entry-header"><p>X</p></div>',
    '<div class="page-header"><p>X</p></div>',
    '<div class="side-note"><p>X</p></div>',
    '<p class="comment">X</p>',
    '<p class="lead">X</p>',
    '<div class="shadow"><p>X</p></div>',
    '<div class="card"><p>X</p><a href="javascript:open()">a</a><a href="https://example.com/">b</a></div>',
])
def test_content_that_looks_a_little_like_chrome_is_kept(element: str) -> None:
    lines, report = _read(element)
    assert any("X" in line.text for line in lines)
    assert report.dropped == []


def test_blocks_end_lines_inline_elements_do_not_and_numbers_are_source_lines() -> None:
    lines, _ = _read('<p>一行目の<b>太字</b>と<a href="https://example.com/">リンク</a></p>\n'
                     '<div>二行目<br>三行目</div>\n<ul><li>項目</li></ul>\n<ol start="3"><li>番号</li></ol>')
    assert lines == [Line(2, "本文です。"), Line(3, "一行目の太字とリンク"), Line(4, "二行目"), Line(4, "三行目"),
                     Line(5, "・項目", list_item=True), Line(6, "3. 番号", list_item=True)]


def test_a_definition_list_card_reads_like_the_text_familys_card() -> None:
    lines, _ = _read('<dl class="news-card">\n<dt>卵卸値、2年ぶり300円台</dt>\n<dd class="date">配信日：2025/02/19</dd>\n'
                     '<dd><ul>\n<li>卸売価格が上昇した。</li>\n<li>&#9679; 需要は底堅い。</li>\n<li>🥚 供給が減った。</li>\n'
                     '</ul></dd>\n<dd><a href="https://www.jiji.com/a">記事を読む &raquo;</a> <cite>時事通信</cite></dd>\n</dl>')
    assert [line.text for line in lines] == [
        "本文です。", "卵卸値、2年ぶり300円台", "配信日：2025/02/19", "・卸売価格が上昇した。", "● 需要は底堅い。",
        "🥚 供給が減った。", "記事を読む » 時事通信 https://www.jiji.com/a"]


def test_whitespace_and_nbsp_collapse_but_the_ideographic_space_is_content() -> None:
    lines, _ = _read("<p>  東京\n   大阪&nbsp;&nbsp;名古屋　福岡 </p>")
    assert lines[1].text == "東京 大阪 名古屋　福岡"


@pytest.mark.parametrize(("link", "line"), [
    ('<a href="https://example.com/a">さらに読む ⇒</a>ロイター<span>出典/画像元: </span>',
     "さらに読む ⇒ロイター出典/画像元: https://example.com/a"),
    ('<a href="https://example.com/a">さらに読む ⇒ロイター</a>', "さらに読む ⇒ロイター https://example.com/a"),
    ('さらに読む ⇒<a href="https://example.com/a">出典/画像元: ロイター</a>',
     "さらに読む ⇒出典/画像元: ロイター https://example.com/a"),
    ('<a href="https://example.com/a">続きを読む ⇒ ロイター</a>', "続きを読む ⇒ ロイター https://example.com/a"),
    # The URL is visible: the line is left as it is.
    ('さらに読む ⇒ロイター出典/画像元: <a href="https://example.com/a">https://example.com/b</a>',
     "さらに読む ⇒ロイター出典/画像元: https://example.com/b"),
    # Only http(s) targets are ever written in.
    ('<a href="vbscript:run">さらに読む ⇒</a>ロイター', "さらに読む ⇒ロイター"),
    ('<a href="/relative/path">さらに読む ⇒</a>ロイター', "さらに読む ⇒ロイター"),
])
def test_href_only_card_link_becomes_the_line_the_card_parser_reads(link: str, line: str) -> None:
    lines, _ = _read(f"<p>{link}</p>")
    assert lines[1].text == line
    card_link = read_card_link(line)
    if "https://" in line:  # the card parser gets the publisher and the URL
        assert card_link is not None and card_link.publisher == "ロイター"
        assert card_link.url == line.rsplit(" ", 1)[-1].replace("出典/画像元:", "").strip()


def test_a_mirrors_source_line_and_licence_in_its_boxes_stay_in_page_order() -> None:
    report = ImportReport("page.html")
    lines = read_html('<html><body>\n<div class="from">出典: フリー百科事典『ウィキペディア（Wikipedia）』</div>\n'
                      '<main><h1>ラピダス</h1>\n<p>半導体製造企業である。</p></main>\n'
                      '<footer><p>この記事は、ウィキペディアの「ラピダス」を元にしており、クリエイティブ・コモンズ '
                      '表示-継承ライセンスの下で利用可能です。</p>\n<p>プライバシーポリシー</p></footer></body></html>', report)
    assert [line.text for line in lines][-1].endswith("ライセンスの下で利用可能です。")
    assert lines[0].text.startswith("出典: フリー百科事典")
    assert "プライバシーポリシー" in [item.line.text for item in report.dropped]


def test_a_licence_statement_naming_the_licence_before_wikipedia_is_kept_from_a_box_outside_the_content() -> None:
    statement = ("文章はGNU Free Documentation License 1.3 と CC BY-SA 4.0 の条件で公開しています。"
                 "もとになったのはウィキペディア日本語版の記事「潮見台灯台」です。")
    report = ImportReport("page.html")
    lines = read_html('<html><body><main><h1>潮見台灯台</h1>\n<p>海辺県にある灯台である。</p></main>\n'
                      f'<div class="credit-box"><p>ウィキペディア</p>\n<p>{statement}</p></div>\n'
                      '<footer><p>運営会社</p></footer></body></html>', report)
    assert [line.text for line in lines] == ["潮見台灯台", "海辺県にある灯台である。", statement]
    assert {item.line.text for item in report.dropped} >= {"ウィキペディア", "運営会社"}


def test_title_above_the_content_container_heads_the_lines() -> None:
    report = ImportReport("page.html")
    page = ('<html><body><div class="wrap"><div class="entry-head"><h1>記事の題名</h1></div>'
            '<div class="entry-body">' + "<p>本文の段落です。長い文章が続きます。</p>" * 20 + "</div>"
            '<div class="other">別の話題</div></div></body></html>')
    lines = read_html(page, report)
    assert lines[0].text == "記事の題名" and lines[1].text == "本文の段落です。長い文章が続きます。"
    assert [(item.rule, item.line.text) for item in report.dropped] == [("outside-content", "別の話題")]


def test_dropped_inline_element_does_not_split_its_line() -> None:
    lines, report = _read('<p>前半と<span style="display:none">隠し</span>後半</p>\n'
                          '<h2>概要<span class="mw-editsection">[編集]</span></h2>')
    assert [line.text for line in lines] == ["本文です。", "前半と後半", "概要"]
    assert [(item.rule, item.line.text) for item in report.dropped] == [("hidden", "隠し"), ("edit-link", "[編集]")]


def test_preformatted_text_keeps_its_lines() -> None:
    lines, _ = _read("<pre>一行目\n  二行目\n\n三行目</pre>")
    assert lines[1:] == [Line(3, "一行目"), Line(4, "二行目"), Line(6, "三行目")]


def test_a_logo_h1_is_not_taken_for_the_title() -> None:
    report = ImportReport("page.html")
    page = ('<html><body><div class="top"><h1 class="logo"><a href="/">深海ニュース</a></h1></div>'
            '<div class="wrap"><div class="body">' + "<p>本文の段落です。長い文章が続きます。</p>" * 20 + "</div>"
            "</div></body></html>")
    lines = read_html(page, report)
    assert lines[0].text == "本文の段落です。長い文章が続きます。"
    assert [(item.rule, item.line.text) for item in report.dropped] == [("site-logo", "深海ニュース")]


def test_a_wrapper_that_starts_with_a_related_box_is_not_dropped_for_it() -> None:
    lines, report = _read('<div class="wrap"><section><h2>関連記事</h2><ul><li>X</li></ul></section>'
                          '<div class="entry"><p>続きの本文です。</p></div></div>\n'
                          '<div class="toc"><div class="toc-title"><h2>目次</h2></div><ul><li>Y</li></ul></div>\n'
                          '<div><div class="head"><h3>人気記事</h3></div><div><p>Z</p></div></div>')
    assert [line.text for line in lines] == ["本文です。", "続きの本文です。"]
    assert [(item.rule, item.line.text) for item in report.dropped] == [
        ("related-articles", "関連記事"), ("related-articles", "X"),
        ("table-of-contents", "目次"), ("table-of-contents", "Y"),
        ("ranking", "人気記事"), ("ranking", "Z")]


def test_a_line_carries_its_heading_element_and_classes_and_whether_it_is_a_list_item() -> None:
    lines, _ = _read('<h2 class="sec big">見出し</h2>\n<ul><li>項目の<b>一文</b>です。</li></ul>\n<p>◆ 段落です。</p>'
                     '<section class="part"><h3 id="p2">次の見出し</h3><p>本文です。</p></section>')
    assert [(line.text, line.heading_markup, line.list_item) for line in lines[1:]] == [
        ("見出し", "main>h2.big.sec", False), ("・項目の一文です。", "", True), ("◆ 段落です。", "", False),
        ("次の見出し", "section.part>^h3#", False), ("本文です。", "", False)]
