"""A footnote whose URL a saved page shows only as the href of its title: the URL is written into
the footnote's line whatever mark leads it ('1. ^', '↑', '[3]'), so each reference keeps its own."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_REFERENCES = """<html><body><article><h1>港町朝市</h1><p>港町朝市は港町にある朝市である。</p>
<h2>脚注</h2><ol class="refs">
<li>↑ 「<a href="https://minato.example.jp/about/">朝市について</a>」港町朝市組合。2025年5月1日閲覧。</li>
<li>↑ 『港町の百年』港町出版、1999年、12頁。</li>
<li>↑ “朝市が100周年”. 港町新聞. <a href="https://news.example.jp/100th">https://news.example.jp/100th</a> 2025年5月1日閲覧。</li>
</ol><ul><li>[4] <a href="https://city.example.jp/ichi">市の朝市案内</a> 港町市。</li></ul></article></body></html>"""


def test_each_footnote_gets_the_url_of_its_own_link() -> None:
    lines = [line.text for line in read_html(_REFERENCES, ImportReport("page.html"))]
    assert lines[3:] == [
        "1. ↑ 「朝市について」港町朝市組合。2025年5月1日閲覧。 https://minato.example.jp/about/",
        "2. ↑ 『港町の百年』港町出版、1999年、12頁。",
        "3. ↑ “朝市が100周年”. 港町新聞. https://news.example.jp/100th 2025年5月1日閲覧。",
        "[4] 市の朝市案内 港町市。 https://city.example.jp/ichi",
    ]


def test_a_numbered_line_without_a_footnote_mark_gets_no_url_written_in() -> None:
    markup = ('<html><body><article><h1>港町朝市</h1><ol><li><a href="https://minato.example.jp/a">朝市の歩み</a></li>'
              '</ol></article></body></html>')
    assert [line.text for line in read_html(markup, ImportReport("page.html"))][1:] == ["1. 朝市の歩み"]
