"""A card box whose source line prints the day the article was updated beside the day it was published
('(山並タイムズ 2025-06-02)　最終更新：2025-06-09') is a card all the same, dated by the first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of, import_text

_PAGE = """<html><head><title>峠の茶屋</title></head><body><div id="body">
<h1>峠の茶屋、50年ぶりに営業再開</h1><p>2025-06-10</p>
<p>峠の茶屋が半世紀ぶりに店を開けました。経緯をまとめました。</p>
<h3>再開までの道のり</h3>
<p>誰が店を開けたのですか?</p><p>地元の若者3人</p>
<ul><li><a href="https://touge.example.jp/n/12" rel="nofollow">峠の茶屋、若者3人で再開へ 空き家を改修</a><br />
町によると、空き家だった茶屋を地元出身の3人が半年かけて改修しました。<br />
名物の草だんごも、昔の作り方を聞き取って復活させたということです。<br />
(山並タイムズ 2025-06-02)　最終更新：2025-06-09</li></ul>
<p>懐かしい味が戻ってくるのはうれしいですね。</p>
<h3>これからの課題</h3>
<p>営業は続けられるのですか?</p><p>週末の営業から</p>
<ul><li><a href="https://touge-news.example.jp/a/3" rel="nofollow">茶屋、当面は土日祝日に営業 人手の確保が課題</a><br />
茶屋の営業は当面、土日祝日に限るということです。<br />
平日の営業には、手伝う人をあと2人ほど集める必要があるとしています。<br />
(峠ニュース 2025-06-05)</li></ul>
<p>無理のない形で続けてほしいものです。</p>
</div></body></html>
"""


def test_a_card_whose_source_line_prints_an_updated_date_is_read_as_a_card(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.html", _PAGE))
    cards = [(card.url, card.publisher, card.published) for section in article.sections for card in section.sources]
    assert cards == [("https://touge.example.jp/n/12", "山並タイムズ", dt.date(2025, 6, 2)),
                     ("https://touge-news.example.jp/a/3", "峠ニュース", dt.date(2025, 6, 5))]
