"""A card table printing each card's date as a month and a day with the weekday and no year ('9月14日（日）')
dates its cards in the year of the newest date the page mentions, as a text card's year-less date is read
(``dates.month_day_line_date``): the date is the card's, never a label left unread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of, import_text

_ROW = """<tr><td>{publisher}</td><td>{date}</td>
<td><a href="{url}">{title}</a><br>{summary}</td></tr>"""

PAGE = f"""<html><body>
<h1>港町の朝市が過去最多のにぎわい　連休の人出まとめ</h1>
<div class="meta">2024年9月16日 発行</div>
<p>連休中、港町の朝市には多くの観光客が訪れました。市は出店の数を増やす考えです。</p>
<h2>■ 朝市のいま</h2>
<p>どれくらいの人が来た？</p>
<p>3日間で延べ2万人</p>
<table border="1"><thead><tr><th>媒体</th><th>日付</th><th>見出しと要旨</th></tr></thead><tbody>
{_ROW.format(publisher="みなと日報", date="9月14日（土）", url="https://minato.example.jp/n/914",
             title="朝市に2万人、連休で過去最多", summary="市の集計で、来場者が過去最多となった。")}
{_ROW.format(publisher="うみかぜ通信", date="9/15(日)", url="https://umikaze.example.jp/local/915",
             title="朝市の干物、新商品が人気", summary="地元の漁師が新しい干物を並べ、昼前に売り切れた。")}
</tbody></table>
<p>来年は駐車場の拡張も検討されています。</p>
</body></html>"""


def test_year_less_dates_in_a_card_table_take_the_pages_year(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "asaichi.html", PAGE))
    cards = [(card.publisher, card.published) for section in article.sections for card in section.sources]
    assert cards == [("みなと日報", dt.date(2024, 9, 14)), ("うみかぜ通信", dt.date(2024, 9, 15))]
