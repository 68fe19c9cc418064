"""The article runs from its title: a lead and key points in a box of their own, between the
title's container and the container holding most of the text, are the article's."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_BODY = "".join(f"<p>朝市の歴史について、第{number}の話題を詳しく紹介します。市場の人たちに話を聞きました。</p>"
                for number in range(1, 13))

# A blog template printing the post as 'header' (its title), 'body' (the lead) and 'more' (the
# rest, most of the text), then the post's footer line.
_PAGE = f"""<html><body><div id="wrap"><div id="col">
<div class="entry">
<div class="entry-head"><h1>港町の朝市が100周年、記念式典に300人</h1><p class="by">文：編集部</p></div>
<div class="entry-text">
<div class="entry-body"><p>港町の朝市が今年で100周年を迎えました。</p>
<div class="box"><p>★ 朝市は今年で開設100周年</p><p>★ 記念式典には約300人が参加</p></div></div>
<div class="entry-more"><h2>100年の歩み</h2>{_BODY}</div>
</div>
<div class="entry-foot"><p>編集部 2025年05月10日 09:00 | コメント (0)</p></div>
</div>
</div><div id="side"><p>カテゴリ</p><p>くらし (12)</p></div></div></body></html>"""


def test_the_lead_and_key_points_above_the_body_container_are_read_and_the_footer_is_not() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(_PAGE, report)]
    assert lines[:5] == [
        "港町の朝市が100周年、記念式典に300人",
        "港町の朝市が今年で100周年を迎えました。",
        "★ 朝市は今年で開設100周年",
        "★ 記念式典には約300人が参加",
        "100年の歩み",
    ]
    assert "編集部 2025年05月10日 09:00 | コメント (0)" not in lines
    assert "文：編集部" not in lines

