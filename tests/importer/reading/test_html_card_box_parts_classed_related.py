"""A source card a page classes by a related-articles block name ('p-related-item'): the box is spared as one
source card (it links out to one page and prints a date and a summary), and so are its parts, which carry the
block's name with their own ('p-related-item__head'). A box of the site's own related posts is still dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of
from tests.support.importing import import_text as _import

_CARD = """<div class="p-related-item">
<h4 class="p-related-item__head">{title}</h4>
<ul class="p-related-item__points"><li>{summary}</li></ul>
<p class="p-related-item__meta"><span class="p-related-item__name">{publisher}</span> ｜ <span class="p-related-item__when">{date}</span></p>
<p class="p-related-item__more"><a class="p-related-item__link" href="{url}">記事を読む</a></p>
</div>"""

PAGE = f"""<html><body><main><article>
<h1>港の朝市、冬の人出が戻る</h1>
<p class="when">2025年12月20日</p>
<p>港の朝市に、冬の観光客が戻ってきました。</p>
<h2>朝市に人が戻ったのはなぜ？</h2>
<p>どうして人出が戻った？</p>
<p>観光船の運航が再開したから</p>
<p>久しぶりのにぎわいです。</p>
{_CARD.format(title="観光船が運航再開　朝市の来場者も増加", summary="運休していた観光船が再開し、朝市の来場者が前年の倍になった。",
              publisher="港町タイムズ", date="2025.12.02", url="https://minato-times.example.jp/2025/12/02/ship")}
<p>地元の店も活気づいています。</p>
{_CARD.format(title="朝市の名物汁、今季は値上げせず", summary="朝市の名物の汁物が、原料の高騰のなかでも値段を据え置いた。",
              publisher="海辺経済ウェブ", date="2025.12.10", url="https://umibe-keizai.example.jp/news/1210")}
<aside class="p-related-inline"><p class="p-related-inline__label">関連記事</p><a href="/news/88">朝市の駐車場、拡張へ</a></aside>
<p>週末はさらに混み合いそうです。</p>
<p>朝市は毎朝6時に始まり、地元の漁師や農家が店を並べます。</p>
<p>観光船の運航が止まっていた間は、来場者が例年の半分ほどに落ち込んでいました。</p>
<p>再開後は県外からの団体客も増え、駐車場が満車になる日も出ています。</p>
<p>市は臨時の駐車場を設け、シャトルバスを走らせる計画です。</p>
<p>出店者の間では、売り切れが早くなったという声も聞かれます。</p>
<p>名物の汁物は、朝の冷え込みが厳しい日ほどよく売れるそうです。</p>
<p>市は春までに案内板を増やし、外国人客への対応も進めるとしています。</p>
</article></main></body></html>"""


def test_a_card_classed_as_related_keeps_its_parts(tmp_path: Path) -> None:
    section = digest_of(_import(tmp_path, "page.html", PAGE)).sections[0]
    assert [(card.title, card.publisher, card.published, card.url) for card in section.sources] == [
        ("観光船が運航再開　朝市の来場者も増加", "港町タイムズ", dt.date(2025, 12, 2),
         "https://minato-times.example.jp/2025/12/02/ship"),
        ("朝市の名物汁、今季は値上げせず", "海辺経済ウェブ", dt.date(2025, 12, 10), "https://umibe-keizai.example.jp/news/1210"),
    ]


def test_the_related_posts_box_beside_them_is_still_dropped(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.html", PAGE)
    dropped = {(drop.rule, drop.line.text) for drop in result.report.dropped}
    assert ("related-articles", "朝市の駐車場、拡張へ") in dropped
