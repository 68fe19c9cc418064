"""General rules of the page family that held-out batch 6 showed missing, each on a crafted page."""

from __future__ import annotations

from kiku.importer.grammar.title import title_index
from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport

# --- Titles: the <title> worded differently from the printed headline; never a bulleted line ------


def test_a_table_layouts_headline_worded_differently_from_the_title_element_heads_the_lines() -> None:
    report = ImportReport("page.html")
    page = ('<html><head><title>能登半島地震から2年 復興はどこまで進んだか：防災ニュース速報</title></head><body>'
            '<table><tr><td><font size="4"><b>防災ニュース速報</b></font></td></tr>'
            '<tr><td><font size="2">2025/12/28 (日) 09:15</font><br>'
            '<font size="5"><b>能登半島地震から2年、復興はどこまで進んだ？仮設住宅の今</b></font><br>'
            '<table>' + "<tr><td>◇本文の段落です。長い文章が続きます。</td></tr>" * 20 + '</table>'
            '</td></tr></table></body></html>')
    lines = read_html(page, report)
    assert [line.text for line in lines[:3]] == [
        "2025/12/28 (日) 09:15", "能登半島地震から2年、復興はどこまで進んだ？仮設住宅の今", "◇本文の段落です。長い文章が続きます。"]
    assert [item.line.text for item in report.dropped] == ["能登半島地震から2年 復興はどこまで進んだか：防災ニュース速報",
                                                        "防災ニュース速報"]


def test_a_bulleted_line_is_never_the_title() -> None:
    assert title_index(["◇公費解体は9割を超えたが、仮設住宅には約1万5000人が暮らす", "2025/12/28",
                        "能登半島地震から2年、復興はどこまで進んだ？", "地震から間もなく2年。課題をまとめました。"]) == 2
