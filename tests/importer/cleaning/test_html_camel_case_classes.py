"""Chrome named in camelCase class names ('c-shareBtns', 'p-adBox') is recognised as its words."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_PAGE = """<html><body><article>
<h1>港町の朝市が100周年、記念式典に300人</h1>
<div class="c-shareBtns"><ul><li><a href="#" role="button">ポスト</a></li><li><a href="#" role="button">シェア</a></li></ul></div>
<div class="postBody"><p>港町の朝市が今年で100周年を迎えました。</p></div>
<div class="relatedPosts"><p>港町の花火大会、今年は2日間</p></div>
</article></body></html>"""


def test_camel_case_share_and_related_boxes_are_dropped_by_their_rules() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(_PAGE, report)]
    assert lines == ["港町の朝市が100周年、記念式典に300人", "港町の朝市が今年で100周年を迎えました。"]
    assert [(dropped.rule, dropped.line.text) for dropped in report.dropped] == [
        ("share-buttons", "ポスト"), ("share-buttons", "シェア"), ("related-articles", "港町の花火大会、今年は2日間")]
