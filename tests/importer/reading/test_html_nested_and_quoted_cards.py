"""Card markup that reads as a card whatever its nesting: a link card wrapped several boxes deep, its
excerpt a box of paragraphs; a figure whose labelled fields print the whole card; a headline link
heading a paragraph whose summary is the quotation after it; a quotation that prints its URL, its
title in a <cite> and its source in a closing line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_HEAD = """<html><head><meta charset="utf-8"><title>駅前の再開発 | まちの記録</title></head><body><main>
<h1>駅前の再開発、商業棟の着工が決まる　市は2028年の開業を目指す</h1>
<p class="date">2026年2月3日</p>
<p>長く空き地だった駅前の再開発がようやく動き出します。市と事業者が商業棟の着工を決めました。</p>
<h2>着工までの経緯</h2>
<p>なぜ着工が遅れていたのか？</p>
<p>資材高で事業費が膨らんだため</p>
<p>市の説明会では、計画の見直しについて説明がありました。</p>
"""
_TAIL = """<p>開業まであと2年、楽しみに待ちたいですね。</p>
</main></body></html>"""


def _lines(body: str) -> list[str]:
    return [line.text for line in read_html(_HEAD + body + _TAIL, ImportReport("p.html"))]


_DEEP_LINK_CARD = """<a class="embed" href="https://kita.example.jp/news/20260201-ekimae">
<div class="embed-box"><div class="embed-inner"><dl><dt class="thumb"><img src="/noimage.png" alt=""></dt>
<dd><h5 class="embed-title">駅前再開発、商業棟が着工へ　事業費は1.3倍に</h5>
<div class="embed-excerpt"><p>市は駅前再開発の商業棟について、来月着工すると発表した。</p>
<p>資材価格の上昇で、事業費は当初の1.3倍に膨らんだ。</p></div></dd></dl></div></div></a>
<p class="embed-source">出典：北日報（2026/02/01）</p>
"""


def test_a_link_card_wrapped_boxes_deep_is_one_card_each_excerpt_paragraph_a_point(tmp_path: Path) -> None:
    lines = _lines(_DEEP_LINK_CARD)
    assert "→ https://kita.example.jp/news/20260201-ekimae" in lines
    assert "・資材価格の上昇で、事業費は当初の1.3倍に膨らんだ。" in lines
    section = digest_of(import_text(tmp_path, "deep.html", _HEAD + _DEEP_LINK_CARD + _TAIL)).sections[0]
    assert [(card.title, card.publisher, card.published, len(card.summary)) for card in section.sources] == [
        ("駅前再開発、商業棟が着工へ　事業費は1.3倍に", "北日報", dt.date(2026, 2, 1), 2)]


_FIGURE_OF_FIELDS = """<figure class="clip"><dl>
<dt>発信元</dt><dd>北日報</dd>
<dt>見出し</dt><dd>駅前再開発、商業棟が着工へ　事業費は1.3倍に</dd>
<dt>日時</dt><dd>2026.02.01</dd>
<dt>リンク</dt><dd><a href="https://kita.example.jp/news/20260201-ekimae">https://kita.example.jp/news/20260201-ekimae</a></dd>
</dl><ul><li>市は駅前再開発の商業棟について、来月着工すると発表した。</li>
<li>資材価格の上昇で、事業費は当初の1.3倍に膨らんだ。</li></ul></figure>
"""


def test_a_figure_whose_labelled_fields_print_the_whole_card_is_read_by_its_fields(tmp_path: Path) -> None:
    # The figure's link stands before its summary, as a figure card's does; its fields still name the
    # publisher and the date, which the figure's own reading would lose.
    lines = _lines(_FIGURE_OF_FIELDS)
    assert "→ 北日報 2026.02.01 https://kita.example.jp/news/20260201-ekimae" in lines
    section = digest_of(import_text(tmp_path, "figure.html", _HEAD + _FIGURE_OF_FIELDS + _TAIL)).sections[0]
    assert [(card.title, card.publisher, card.published) for card in section.sources] == [
        ("駅前再開発、商業棟が着工へ　事業費は1.3倍に", "北日報", dt.date(2026, 2, 1))]


_HEADLINE_OVER_QUOTE = """<p>🗞 <a href="https://kita.example.jp/news/20260201-ekimae">駅前再開発、商業棟が着工へ　事業費は1.3倍に</a><br>
北日報 | 2026-02-01</p>
<blockquote class="excerpt">
<p>市は駅前再開発の商業棟について、来月着工すると発表した。</p>
<p>資材価格の上昇で、事業費は当初の1.3倍に膨らんだ。</p>
</blockquote>
"""


def test_a_linked_headline_and_its_source_line_over_a_quoted_summary_is_one_card(tmp_path: Path) -> None:
    lines = _lines(_HEADLINE_OVER_QUOTE)
    start = lines.index("駅前再開発、商業棟が着工へ　事業費は1.3倍に")
    assert lines[start + 1:start + 4] == [
        "・市は駅前再開発の商業棟について、来月着工すると発表した。",
        "・資材価格の上昇で、事業費は当初の1.3倍に膨らんだ。",
        "→ 北日報 | 2026-02-01 https://kita.example.jp/news/20260201-ekimae"]
    section = digest_of(import_text(tmp_path, "quote.html", _HEAD + _HEADLINE_OVER_QUOTE + _TAIL)).sections[0]
    assert [(card.title, card.publisher, card.published, len(card.summary)) for card in section.sources] == [
        ("駅前再開発、商業棟が着工へ　事業費は1.3倍に", "北日報", dt.date(2026, 2, 1), 2)]


def test_the_head_and_the_quoted_summary_each_wrapped_in_boxes_are_still_one_card() -> None:
    # A component framework's extra <div> around every paragraph, the card's head and the quote's lines alike.
    wrapped = _HEADLINE_OVER_QUOTE.replace("<p>", "<div><div><p>").replace("</p>", "</p></div></div>")
    lines = _lines(wrapped)
    assert "・資材価格の上昇で、事業費は当初の1.3倍に膨らんだ。" in lines
    assert "→ 北日報 | 2026-02-01 https://kita.example.jp/news/20260201-ekimae" in lines


_QUOTES_WITH_SOURCE_LINES = """<blockquote class="clip" cite="https://kita.example.jp/news/20260201-ekimae">
<div class="clip-url"><a href="https://kita.example.jp/news/20260201-ekimae">https://kita.example.jp/news/20260201-ekimae</a></div>
<cite>駅前再開発、商業棟が着工へ　事業費は1.3倍に</cite>
<ol><li>市は駅前再開発の商業棟について、来月着工すると発表した。</li>
<li>資材価格の上昇で、事業費は当初の1.3倍に膨らんだ。</li></ol>
<footer class="clip-meta">― 北日報（2026年2月1日）</footer>
</blockquote>
<blockquote class="clip" cite="https://minami.example.com/articles/5521">
<div class="clip-url"><a href="https://minami.example.com/articles/5521">https://minami.example.com/articles/5521</a></div>
<ol><li>商業棟には食品スーパーと図書館の分館が入る予定だ。</li></ol>
<p class="clip-meta">― 南新聞（2026年1月28日）</p>
</blockquote>
"""


def test_a_quote_printing_its_url_and_closed_by_its_source_line_is_a_card(tmp_path: Path) -> None:
    # The title in a <cite> is the card's title, not its publisher; a quote without one is an untitled card.
    section = digest_of(import_text(tmp_path, "clips.html", _HEAD + _QUOTES_WITH_SOURCE_LINES + _TAIL)).sections[0]
    assert [(card.title, card.publisher, card.published, card.url) for card in section.sources] == [
        ("駅前再開発、商業棟が着工へ　事業費は1.3倍に", "北日報", dt.date(2026, 2, 1),
         "https://kita.example.jp/news/20260201-ekimae"),
        (None, "南新聞", dt.date(2026, 1, 28), "https://minami.example.com/articles/5521")]
    assert [len(card.summary) for card in section.sources] == [2, 1]


def test_a_quote_of_sentences_closed_by_no_source_line_stays_text(tmp_path: Path) -> None:
    quote = ("<blockquote><p>市は駅前再開発の商業棟について、来月着工すると発表した。</p>"
             "<p>資材価格の上昇で、事業費は当初の1.3倍に膨らんだ。</p></blockquote>")
    lines = _lines(quote)
    assert "市は駅前再開発の商業棟について、来月着工すると発表した。" in lines
