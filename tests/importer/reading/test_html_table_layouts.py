"""Old table layouts: the title in <font><b> named by <title>, a headline worded otherwise, a row whose first cell is only a bullet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.paths import REPO


def _import(tmp_path: Path, name: str, text: str) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name)


OLD_CMS = """<html><head><meta charset="utf-8">
<title>路線バスの減便、地方で相次ぐ　通院の足をどう守るか - 地域ニュース倶楽部</title></head>
<body><table><tr><td class="header">地域ニュース倶楽部</td></tr>
<tr><td><table>
<tr><td><font size="2">掲載日：2025/04/18　カテゴリ：交通</font></td></tr>
<tr><td><font size="4"><b>路線バスの減便、地方で相次ぐ　通院の足をどう守るか</b></font></td></tr>
<tr><td>
<p>運転手不足で路線バスの減便が続いています。通院や通学への影響を整理しました。</p>
<p><b>この記事のポイント</b><br>
◎運転手不足で全国の路線バスが減便している<br>
◎病院への便が1日2本に減った町もある</p>
<h2>減便の広がり</h2>
<p>Ｑ．路線バスの減便はどこまで広がっている？</p>
<p>Ａ．全国の事業者の多くが減便</p>
<p>運転手の確保が難しくなっています。運転手の不足は深刻で、減便の動きは全国の路線に広がり、地方では通院や通学の足が細っています。</p>
<table><tr><td><font size="2">公開日：2025年4月16日</font></td></tr>
<tr><td>○運転手不足を理由に、全国のバス事業者の多くが路線の減便や廃止に踏み切った。<br>
○病院への便が1日2本に減り、帰りのバスまで3時間待つ高齢者もいる。</td></tr>
<tr><td>続きを読む ⇒ <a href="https://www.chunichi.co.jp/article/1058213">中日新聞　元記事：https://www.chunichi.co.jp/article/1058213</a></td></tr>
</table>
<p>通院の足をどう守るかが課題です。</p>
</td></tr></table></td></tr>
<tr><td class="footer">会社概要｜お問い合わせ</td></tr></table></body></html>
"""


def test_an_old_table_layouts_title_is_the_bold_line_named_by_the_title_element(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.html", OLD_CMS)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.title == "路線バスの減便、地方で相次ぐ\u3000通院の足をどう守るか"
    assert article.date == dt.date(2025, 4, 18)
    assert article.lead == "運転手不足で路線バスの減便が続いています。通院や通学への影響を整理しました。"
    assert article.key_points == ("運転手不足で全国の路線バスが減便している", "病院への便が1日2本に減った町もある")
    card = article.sections[0].sources[0]
    assert (card.publisher, card.url, card.published) == (
        "中日新聞", "https://www.chunichi.co.jp/article/1058213", dt.date(2025, 4, 16))


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


def _lines(markup: str) -> list[str]:
    return [line.text for line in read_html(markup, ImportReport("page.html"))]


_MARKER_CELL_ROWS = """<html><body><table>
<tr><td colspan="2"><b>朝市が100周年、記念式典に300人</b></td></tr>
<tr><td>■</td><td>朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</td></tr>
<tr><td>●</td><td>市長は式典で今後の支援を約束した。</td></tr>
<tr><td>開催日</td><td>5月10日</td></tr>
</table></body></html>"""


def test_a_table_cell_holding_only_a_bullet_mark_starts_the_line_of_the_cell_after_it() -> None:
    assert _lines(_MARKER_CELL_ROWS) == [
        "朝市が100周年、記念式典に300人",
        "■朝市の開設100周年を祝う式典が開かれ、約300人が参加した。",
        "●市長は式典で今後の支援を約束した。",
        "開催日",
        "5月10日",
    ]
