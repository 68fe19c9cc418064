"""Atomic or minified class lists ('xq ad zt') name nothing: a short token there is no sponsor's or
menu's box. A React site's test id ('data-testid="writerName"') names an element as a class would."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_PAGE = """<html><body><article>
<h1 class="kx mv qa">山あいの温泉街、冬のライトアップ始まる</h1>
<div class="ga hb"><span data-testid="writerName"><a href="https://blog.example.com/@yuki">ゆき</a></span></div>
<p class="kx mv qa">温泉街の通りが、12月から毎晩ライトアップされます。</p>
<blockquote class="rm ad zt"><p>寒い夜でも歩きたくなりますね。</p></blockquote>
<div class="ad pr"><p>温泉宿の予約はこちら</p></div>
</article></body></html>"""


def test_short_tokens_of_a_generated_class_list_name_no_chrome_but_a_hand_written_ad_class_does() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(_PAGE, report)]
    assert lines == ["山あいの温泉街、冬のライトアップ始まる", "温泉街の通りが、12月から毎晩ライトアップされます。",
                     "寒い夜でも歩きたくなりますね。"]
    assert [(item.rule, item.line.text) for item in report.dropped] == [
        ("author-box", "ゆき"), ("advertisement", "温泉宿の予約はこちら")]
