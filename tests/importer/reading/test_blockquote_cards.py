"""A saved page that quotes each source article in a <blockquote>: title, a meta line (publisher and
date), bullet lines, and a link that is only a label ('元記事を読む →')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)

_BLOCKQUOTE_CARDS = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>港町の朝市 | まちのノート</title></head>
<body><main><article>
<h1>港町の朝市が100周年、なぜ今また人気なのか</h1>
<p><time datetime="2025-05-12">2025年5月12日</time></p>
<p>港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。</p>
<h2>朝市の歩み</h2>
<p>いつから続いている？</p>
<p>大正時代から</p>
<p>長く続く朝市には、町の歴史が詰まっています。</p>
<blockquote class="quote" cite="https://minato.example.jp/news/100th">
<p>朝市が100周年、記念式典に300人</p>
<p><cite>港町新聞</cite> <time datetime="2025-05-10">2025年5月10日</time></p>
<ul>
<li>朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</li>
<li>市長は「港町の台所を次の100年へ」と述べた。</li>
</ul>
<footer><a href="https://minato.example.jp/news/100th">元記事を読む →</a></footer>
</blockquote>
<p>にぎわいが戻ってきたのはうれしいですね。</p>
<blockquote class="quote" cite="https://wangan.example.jp/articles/3021">
<p>朝市の観光客、前年の1.5倍に</p>
<p><cite>湾岸タイムズ</cite> <time datetime="2025-05-11">2025.05.11</time></p>
<ul>
<li>週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。</li>
</ul>
<footer><a href="https://wangan.example.jp/articles/3021">元記事を読む →</a></footer>
</blockquote>
<p>海外からの団体客も目立つそうです。</p>
</article></main></body></html>"""


def test_a_blockquote_card_reads_its_publisher_and_date_from_the_meta_line_under_its_title(
        tmp_path: Path) -> None:
    page = tmp_path / "asaichi.html"
    page.write_text(_BLOCKQUOTE_CARDS, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="asaichi.html", import_day=IMPORT_DAY).article
    assert isinstance(article, DigestArticle)
    assert [section.heading for section in article.sections] == ["朝市の歩み"]
    assert [(card.title, card.publisher, card.published, card.url) for card in article.sections[0].sources] == [
        ("朝市が100周年、記念式典に300人", "港町新聞", dt.date(2025, 5, 10), "https://minato.example.jp/news/100th"),
        ("朝市の観光客、前年の1.5倍に", "湾岸タイムズ", dt.date(2025, 5, 11), "https://wangan.example.jp/articles/3021"),
    ]
    assert [card.summary for card in article.sections[0].sources] == [
        ("朝市の開設100周年を祝う式典が開かれ、約300人が参加した。", "市長は「港町の台所を次の100年へ」と述べた。"),
        ("週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。",),
    ]
