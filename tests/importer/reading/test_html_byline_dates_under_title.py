"""The article's date in a ``<time>`` right under the title, set beside a byline ('投稿者 yamada_kenji <time>…</time>')
or printed in words the date grammar does not read ('May 3, 2025'): it is the article's date, not a card's
date further down the page."""

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

BYLINE = f"""<html><body><article>
<header><h1><span>廃校の宿、週末はにぎわう</span></h1>
<div class="meta"><span>投稿者 <span>yamada_kenji</span></span>
<span><time datetime="2025-05-03T09:00:00+09:00">2025年5月3日（土曜日） - 09:00</time></span></div></header>
{_BODY}</article></body></html>"""

WORDS = f"""<html><head><title>廃校の宿、週末はにぎわう｜山の手帖</title></head><body>
<h1><a href="/">山の手帖</a></h1><article>
<h2 class="entry-title">廃校の宿、週末はにぎわう</h2>
<time class="published" datetime="2025-05-03T00:00:00Z">May 3, 2025</time>
<div class="entry-body">{_BODY}</div></article></body></html>"""


@pytest.mark.parametrize("page", [BYLINE, WORDS], ids=["byline", "date-in-words"])
def test_the_time_under_the_title_dates_the_article(tmp_path: Path, page: str) -> None:
    article = digest_of(_import(tmp_path, "page.html", page))
    assert article.date == dt.date(2025, 5, 3)
    assert article.sections[0].sources[0].published == dt.date(2025, 4, 20)
