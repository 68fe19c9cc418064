"""A page whose text gives no date line may print its date in boxes dropped as chrome: a sidebar's
metadata list beside the post, a byline box under the title. That date line, above the article's
text, dates the article; the cards' dates date other articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.support.importing import digest_of
from tests.support.importing import import_text as _import

_BODY = """
<p>山あいの町で、古い校舎を使った宿泊施設が開業しました。週末には家族連れでにぎわっています。</p>
<h2>校舎が宿に生まれ変わった</h2>
<p>どんな宿になった？</p>
<p>教室を客室にした素泊まりの宿</p>
<p>黒板や机はそのまま残されています。</p>
<div class="ref">
  <p>廃校を宿泊施設に　町が改修費を補助</p>
  <p>山里新報 2025/04/20</p>
  <ul><li>町は旧小学校の校舎を宿泊施設に改修する事業者に、費用の一部を補助した。</li></ul>
  <p>続きを読む → https://yamazato.example.jp/news/0420</p>
</div>
<p>懐かしい雰囲気が人気のようです。</p>
"""

SIDEBAR = f"""<html><body><div class="layout">
<div class="sidebar"><ul class="post-meta"><li><time datetime="2025-05-03">2025年5月3日</time></li>
<li>5 分で読めます</li></ul></div>
<div class="content"><article><h1>廃校の宿、週末はにぎわう</h1>{_BODY}</article></div></div></body></html>"""

BYLINE_BOX = f"""<html><body><article><h1>廃校の宿、週末はにぎわう</h1>
<div class="author-byline"><span class="name">観光課 広報係</span><span class="when">掲載日 2025年5月3日</span></div>
{_BODY}</article></body></html>"""


@pytest.mark.parametrize("page", [SIDEBAR, BYLINE_BOX], ids=["sidebar-time", "byline-box"])
def test_a_date_line_dropped_above_the_text_dates_the_article(tmp_path: Path, page: str) -> None:
    article = digest_of(_import(tmp_path, "page.html", page))
    assert article.date == dt.date(2025, 5, 3)
    assert article.sections[0].sources[0].published == dt.date(2025, 4, 20)
