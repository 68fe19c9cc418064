"""Two shapes of source card printed after a section's text, whose title must not head a section of its own:

- a definition list of cards, each a linked term over its summary (no bullet), a source or sponsor line and
  its printed address: the source line under the unbulleted summary is the card's, as under a bulleted one;
- a bookmark figure, one link around the card's title, summary and source, its date in the caption: the
  figure's link line closes the figure's box, so the box's first line is marked as the card's head."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_HEAD = ("<html><head><meta charset='utf-8'></head><body><article><h1>図書館の夜間開館、広がる？</h1>"
         "<p>2025年10月2日</p><p>仕事帰りに使える図書館が増えています。</p>"
         "<h2>夜の図書館の今</h2><p>Q：どこまで広がっているの？</p><p>A：県庁所在地の半数で始まった</p>"
         "<p>平日の夜8時まで開く館が増えました。</p><p>学生の自習室としても人気です。</p>")
_TAIL = ("<p>週末の朝に開く館も出てきています。</p>"
         "<h2>利用者の声</h2><p>Q：使った人の評判は？</p><p>A：おおむね好評だ</p>"
         "<p>帰りに寄れるのが助かるという声が多く聞かれます。</p></article></body></html>")


def test_a_sponsor_line_under_an_unbulleted_summary_closes_the_card(tmp_path: Path) -> None:
    cards = ("<dl>"
             "<dt><a href='https://shop.example.jp/lamp?ref=lib'>読書灯が今だけ半額　目にやさしい光</a></dt>"
             "<dd>目の疲れを抑えるLEDの読書灯が期間限定で半額になります。</dd><dd>提供：あかりショップ</dd>"
             "<dd><a href='https://shop.example.jp/lamp?ref=lib'>https://shop.example.jp/lamp?ref=lib</a></dd>"
             "<dt><a href='https://kenmin.example.jp/news/1001'>図書館の夜間開館、県内5館に拡大</a></dt>"
             "<dd>県は図書館の夜間開館を5館に広げると発表した。</dd><dd>出典：県民新聞（2025年10月1日）</dd>"
             "<dd><a href='https://kenmin.example.jp/news/1001'>https://kenmin.example.jp/news/1001</a></dd>"
             "</dl>")
    article = digest_of(import_text(tmp_path, "library.html", _HEAD + cards + _TAIL))
    section = article.sections[0]
    assert [card.title for card in section.sources] == ["読書灯が今だけ半額　目にやさしい光", "図書館の夜間開館、県内5館に拡大"]
    assert section.sources[0].off_topic


def test_a_bookmark_figures_first_line_heads_its_card() -> None:
    figure = ("<figure class='bookmark'><a href='https://kenmin.example.jp/news/1001'>"
              "<div>図書館の夜間開館、県内5館に拡大</div>"
              "<div>県は図書館の夜間開館を5館に広げると発表した。利用者の声を受けた対応だという。</div>"
              "<div><span>くらし</span><span>県民新聞</span></div></a>"
              "<figcaption>2025年10月1日</figcaption></figure>")
    lines = read_html(_HEAD + figure + _TAIL, ImportReport("library.html"))
    heads = [line.text for line in lines if line.heads_card_box]
    assert heads == ["図書館の夜間開館、県内5館に拡大"]
    texts = [line.text for line in lines]
    assert texts[texts.index("2025年10月1日") + 1] == "→ 県民新聞 https://kenmin.example.jp/news/1001"
