"""A card's link that names its site before the read-more phrase ('毎日新聞で全文を読む ›'), or a phrase
with another verb ('元記事を開く »'): the card's link line, its site the card's publisher."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import DigestArticle
from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.reading.html.lines.links import Anchor, with_link_targets
from tests.support.importing import import_text as _import

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>渡し船が100年</title></head><body>
<h1>川の渡し船が運航100年、なぜ続けられた？</h1><div class="entry"><p>町の渡し船が、今年で運航100年を迎えました。</p>
<h2>続いてきた理由</h2><p>橋があるのになぜ残った？</p><p>通学の近道だったから</p>
<p>対岸の高校へ通う生徒にとって、橋まで回ると30分かかります。</p>
<div class="box"><p><b>渡し船が運航100年、記念の式典</b></p><p>2025.04.12</p>
<p>◆ 町営の渡し船が運航100年を迎え、船着き場で式典が開かれた。</p>
<p>◆ 一日の利用者は今も約80人にのぼる。</p>
<p><a href="https://mainichi.example.jp/a/100-watashi">川辺日報で全文を読む ›</a></p></div>
<p>生活の足として今も現役なのは驚きです。</p>
<h2>これからの運航</h2><p>この先も続けられる？</p><p>船頭の後継者が課題</p>
<p>船頭は現在2人で、どちらも70代です。</p>
<div class="box"><p><b>渡し船の船頭、後継者を募集へ</b></p><p>2025年4月20日</p>
<p>◆ 町は渡し船の船頭を目指す人の募集を始めると発表した。</p>
<p><a href="https://kawabe.example.com/news/8812">元記事を開く »</a></p></div>
<p>若い人が手を挙げてくれるといいですね。</p>
</div></body></html>
"""


def test_a_link_naming_its_site_before_the_phrase_is_a_link_line() -> None:
    anchors = [Anchor("https://x.example.jp/1", "川辺日報で全文を読む ›")]
    assert with_link_targets("川辺日報で全文を読む ›", ["https://x.example.jp/1"], anchors) == \
        "川辺日報で全文を読む › https://x.example.jp/1"
    link = read_card_link("川辺日報で全文を読む › https://x.example.jp/1")
    assert link is not None and (link.publisher, link.url) == ("川辺日報", "https://x.example.jp/1")
    # A sentence with 'で' is no link label.
    sentence = [Anchor("https://x.example.jp/2", "川辺で船に乗る")]
    title = [Anchor("https://x.example.jp/3", "渡し船の歴史を写真で見る")]
    assert with_link_targets("渡し船の歴史を写真で見る", ["https://x.example.jp/3"], title) == "渡し船の歴史を写真で見る"
    assert with_link_targets("川辺で船に乗る", ["https://x.example.jp/2"], sentence) == "川辺で船に乗る"


def test_each_box_closed_by_such_a_link_is_a_card(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.html", PAGE)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert [section.heading for section in article.sections] == ["続いてきた理由", "これからの運航"]
    assert [[(card.title, card.url) for card in section.sources] for section in article.sections] == [
        [("渡し船が運航100年、記念の式典", "https://mainichi.example.jp/a/100-watashi")],
        [("渡し船の船頭、後継者を募集へ", "https://kawabe.example.com/news/8812")],
    ]
    assert article.sections[0].sources[0].publisher == "川辺日報"


def test_a_reference_line_whose_title_is_the_link_gets_its_url_written_after_it() -> None:
    # '参考資料：<a>title</a>（publisher）': the page prints the card on one line, its URL only as href.
    from kiku.importer.reading.html.page import read_html
    from kiku.importer.report import ImportReport
    page = ("<html><body><main><p>本文です。</p><p>参考資料：<a href='https://city.example.lg.jp/stat'>"
            "潮見市の観光統計 2024年版</a>（潮見市役所）</p></main></body></html>")
    lines = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert lines[-1] == "参考資料：潮見市の観光統計 2024年版（潮見市役所） https://city.example.lg.jp/stat"
    link = read_card_link(lines[-1])
    assert link is not None and (link.publisher, link.title) == ("潮見市役所", "潮見市の観光統計 2024年版")
