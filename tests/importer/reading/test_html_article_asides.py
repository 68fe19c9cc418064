"""An <aside> inside the <article> is the article's own box (its key points); beside it, a sidebar."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_PAGE = """<html><body><main>
<article>
<h1>港町の朝市が100周年、記念式典に300人</h1>
<p>港町の朝市が今年で100周年を迎え、記念の式典が開かれました。</p>
<aside class="points"><p>この記事のポイント</p>
<p>◆ 朝市は今年で開設100周年</p>
<p>◆ 記念式典には約300人が参加</p></aside>
<p>まずは式典の様子から見ていきましょう。</p>
</article>
<aside class="column"><p>月間アーカイブ</p><p>2025年4月 (12)</p></aside>
</main></body></html>"""


def test_an_aside_inside_the_article_is_read_where_it_stands_and_one_beside_it_is_dropped() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(_PAGE, report)]
    assert lines == [
        "港町の朝市が100周年、記念式典に300人",
        "港町の朝市が今年で100周年を迎え、記念の式典が開かれました。",
        "この記事のポイント",
        "◆ 朝市は今年で開設100周年",
        "◆ 記念式典には約300人が参加",
        "まずは式典の様子から見ていきましょう。",
    ]
    assert [(dropped.rule, dropped.line.text) for dropped in report.dropped] == [
        ("sidebar", "月間アーカイブ"), ("sidebar", "2025年4月 (12)")]
