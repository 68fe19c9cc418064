"""A saved page whose card boxes print the source line right under the linked headline, the summary
after it (no link line of its own): each box is one card, its source line read for publisher and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)

_META_FIRST_CARDS = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>雪まつりの準備 | 北のくらし帖</title></head>
<body><div id="page"><div class="post-body">
<h1>雪像づくりが本番へ、今年の雪まつりはどう変わる？</h1>
<div class="post-date">2026.01.20</div>
<p>冬の恒例行事、雪まつりの準備が本格的に始まりました。今年は会場が一つ増えます。</p>
<h2>会場が増える理由</h2>
<p>なぜ会場を増やすの？</p>
<p>来場者の混雑を分散するため</p>
<p>昨年は週末の混雑がひどく、市に多くの意見が寄せられていました。</p>
<section class="src">
<h4><a href="https://hokkoku.example.jp/local/2026/0118-snow">雪まつり、第3会場を新設　混雑緩和へ</a></h4>
<span class="src-line">北国新報 / 2026年1月18日</span>
<p>● 市は雪まつりの会場を一つ増やし、三会場で開くと発表した。</p>
<p>● 昨年の来場者は過去最多の約250万人だった。</p>
</section>
<p>会場が分かれると歩く距離も増えそうですね。</p>
<section class="src">
<h4><a href="https://yukiguni.example.com/news/88012">雪像の制作、自衛隊と市民が協力</a></h4>
<span class="src-line">ゆきぐにタイムス 2026.01.19</span>
<p>● 大雪像の制作が始まり、自衛隊員と市民ボランティアが作業にあたっている。</p>
</section>
<p>完成が今から楽しみです。</p>
</div></div></body></html>"""


def test_a_box_with_its_source_line_under_the_linked_headline_is_one_card(tmp_path: Path) -> None:
    page = tmp_path / "yukimatsuri.html"
    page.write_text(_META_FIRST_CARDS, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="yukimatsuri.html", import_day=IMPORT_DAY).article
    assert isinstance(article, DigestArticle)
    assert [section.heading for section in article.sections] == ["会場が増える理由"]
    sources = article.sections[0].sources
    assert [(card.title, card.publisher, card.published, card.url) for card in sources] == [
        ("雪まつり、第3会場を新設　混雑緩和へ", "北国新報", dt.date(2026, 1, 18),
         "https://hokkoku.example.jp/local/2026/0118-snow"),
        ("雪像の制作、自衛隊と市民が協力", "ゆきぐにタイムス", dt.date(2026, 1, 19),
         "https://yukiguni.example.com/news/88012"),
    ]
    assert [len(card.summary) for card in sources] == [2, 1]
