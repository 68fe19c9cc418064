"""The post's category printed over its date line, above the <h1>, is not the page's title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.importer.grammar.page.title import title_index
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO

_PAGE = """<html><body><article>
<div class="meta"><p>くらし</p><p>2025.05.10</p></div>
<h1>港町の朝市が100周年、記念式典に300人が集まる</h1>
<p>◆ 朝市は今年で開設100周年</p>
<p>◆ 記念式典には約300人が参加</p>
<p>港町の朝市が今年で100周年を迎えました。式典のようすをまとめます。</p>
<h2>記念式典に300人</h2>
<p>式典には誰が集まった？</p>
<p>市民や出店者など約300人</p>
<p>朝市が100周年、記念式典</p>
<p>2025年5月10日</p>
<p>・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</p>
<p><a href="https://minato.example.jp/news/100th">元記事を読む »</a> 港町新聞</p>
</article></body></html>"""


def test_a_word_over_the_date_line_does_not_outweigh_the_marked_headline(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_PAGE, encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.html", import_day=dt.date(2026, 3, 9))
    assert result.article.title == "港町の朝市が100周年、記念式典に300人が集まる"
    assert result.article.date == dt.date(2025, 5, 10)


def test_a_headline_over_the_date_line_is_still_the_title_of_a_text_dump() -> None:
    texts = ["まちかどニュース", "港町の朝市が100周年、記念式典に300人", "2025.05.10", "◆ 朝市は今年で開設100周年"]
    assert title_index(texts) == 1
