"""A table whose first row labels its columns ('媒体', '記事', '日付', 'リンク') and whose every other row is
a whole card reads as a text dump prints its cards: each row's title, then its link line naming the
publisher and the date. The column heads and the caption are labels, reported, never a publisher."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_TABLE = """<table class="refs"><caption>出典一覧</caption>
<thead><tr><th>媒体</th><th>記事</th><th>日付</th><th>リンク</th></tr></thead>
<tbody>
<tr><td>北浜新報</td><td>路面電車に新型車両　来春から運行</td><td>2025.08.02</td>
<td><a href="https://kitahama.example.jp/a/802">https://kitahama.example.jp/a/802</a></td></tr>
<tr><td>市交通局</td><td>新型低床車両の導入について</td><td>2025.07.30</td>
<td><a href="https://city.example.lg.jp/kotsu/teisho">https://city.example.lg.jp/kotsu/teisho</a></td></tr>
</tbody></table>"""

PAGE = f"""<html><body><article>
<h1>路面電車が新しくなる</h1>
<p>2025年8月5日</p>
<p>市内を走る路面電車に、段差の少ない新しい車両が加わります。</p>
<h2>新型車両の特徴</h2>
<p>何が変わる？</p>
<p>乗り降りの段差がなくなる</p>
<p>車いすやベビーカーでも乗りやすくなります。</p>
{_TABLE}
<p>来年の春が楽しみです。</p>
</article></body></html>"""


def test_each_row_under_the_column_heads_is_a_card() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{_TABLE}</main></body></html>", report)]
    assert lines == ["路面電車に新型車両　来春から運行", "→ 北浜新報 2025.08.02 https://kitahama.example.jp/a/802",
                     "新型低床車両の導入について", "→ 市交通局 2025.07.30 https://city.example.lg.jp/kotsu/teisho"]
    assert {item.line.text for item in report.dropped if item.rule == "card-field-label"} >= {
        "媒体", "記事", "日付", "リンク", "出典一覧"}


def test_the_rows_cards_keep_their_publishers_and_dates(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.html", PAGE))
    cards = [(card.publisher, card.title, card.published) for card in article.sections[0].sources]
    assert cards == [("北浜新報", "路面電車に新型車両　来春から運行", dt.date(2025, 8, 2)),
                     ("市交通局", "新型低床車両の導入について", dt.date(2025, 7, 30))]


# A row whose title cell the template left marked empty ('—'): the card is its name and its date, untitled.
_UNTITLED = """<table>
<tr><th>発行</th><th>表題</th><th>掲載</th><th>URL</th></tr>
<tr><td>県水産課</td><td>—</td><td>2025-06-18</td>
<td><a href="https://pref.example.lg.jp/suisan/0618">https://pref.example.lg.jp/suisan/0618</a></td></tr>
</table>
<ul><li>・サンマの水揚げ量は昨年の二倍に増えた。</li></ul>"""


def test_a_row_whose_title_cell_is_marked_empty_is_an_untitled_card() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{_UNTITLED}</main></body></html>", report)]
    assert "→ 県水産課 2025-06-18 https://pref.example.lg.jp/suisan/0618" in lines
    assert "発行" not in " ".join(lines)
    assert "—" in {item.line.text for item in report.dropped}
