"""A box headed like a related-articles list ('関連ニュース') that links out to one page, with the
page's date and a sentence of summary, is that article's source card, not site chrome."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_URL = "https://minato-shinpo.example.jp/n/5521"
_BOX = (f'<table><tr><th>関連ニュース</th><td><a href="{_URL}">港の朝市、4年ぶりに再開へ</a></td></tr>'
        "<tr><th>掲載</th><td>2024年5月12日</td></tr><tr><th>内容</th><td>漁協は毎週日曜に朝市を開くと決めた。</td></tr></table>")


def _lines(box: str) -> list[str]:
    page = (f'<html><body><div id="contents"><h1>港の朝市が再開</h1><p>朝市が戻ってきました。</p>{box}'
            "<p>楽しみです。</p></div></body></html>")
    return [line.text for line in read_html(page, ImportReport("page.html"))]


def test_a_related_box_holding_one_dated_summarised_card_is_the_card() -> None:
    assert _lines(_BOX)[2:5] == ["港の朝市、4年ぶりに再開へ", "・漁協は毎週日曜に朝市を開くと決めた。",
                                 f"→ 2024年5月12日 {_URL}"]


def test_a_related_box_of_a_dated_link_with_no_summary_stays_chrome() -> None:
    teaser = _BOX.replace("<tr><th>内容</th><td>漁協は毎週日曜に朝市を開くと決めた。</td></tr>", "")
    assert _lines(teaser) == ["港の朝市が再開", "朝市が戻ってきました。", "楽しみです。"]


def test_the_title_of_a_box_holding_a_header_row_card_table_is_no_section_heading() -> None:
    # A list web part: its title over a table whose first row names the fields, a card a row.
    part = ('<div class="part"><div><span role="heading" aria-level="3">読んだ記事</span></div>'
            "<table><thead><tr><th>媒体</th><th>掲載</th><th>記事</th><th>URL</th></tr></thead><tbody><tr>"
            f'<td>港新報</td><td>2024/05/12</td><td>港の朝市、4年ぶりに再開へ</td><td><a href="{_URL}">{_URL}</a></td>'
            "</tr></tbody></table></div>")
    assert _lines(part)[2:4] == ["港の朝市、4年ぶりに再開へ", f"→ 港新報 2024/05/12 {_URL}"]
