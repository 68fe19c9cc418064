"""A word processor or a mail editor prints a table's header row as data cells whose whole text is bold
('<td><p><b>媒体</b></p></td>'), not as <th>: under such a row, each row that prints a whole card is read as
the column-headed card tables are (``cards.tables._column_cards``), the heads reported as labels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_ROW = """<tr><td><p class=Body>{publisher}<o:p></o:p></p></td><td><p class=Body>{date}<o:p></o:p></p></td>
<td><p class=Body><a href="{url}"><span style='color:blue'>{title}</span></a><o:p></o:p></p>
<p class=Body><span style='font-size:9pt'>{summary}<o:p></o:p></span></p></td></tr>"""
_HEAD = """<tr><td style='background:#EEE'><p class=Body><strong>配信元<o:p></o:p></strong></p></td>
<td style='background:#EEE'><p class=Body><strong>掲載日<o:p></o:p></strong></p></td>
<td style='background:#EEE'><p class=Body><strong>記事と要点<o:p></o:p></strong></p></td></tr>"""
_ROWS = (_ROW.format(publisher="湖畔日報", date="2025/06/02", url="https://kohan.example.jp/n/602",
                     title="湖の遊覧船が運航再開　3年ぶりに全航路で",
                     summary="運航会社は桟橋の改修を終え、6月から全3航路で遊覧船の運航を再開した。")
         + _ROW.format(publisher="県観光課", date="2025/05/28", url="https://pref.example.lg.jp/kanko/boat",
                       title="遊覧船の運航再開に合わせた周遊きっぷの発売について",
                       summary="県は遊覧船と路線バスを組み合わせた周遊きっぷを7月末まで販売する。"))


def test_rows_under_a_bold_header_row_are_cards() -> None:
    report = ImportReport("mail.htm")
    table = f"<table class=Grid border=1>{_HEAD}{_ROWS}</table>"
    lines = [line.text for line in read_html(f"<html><body><div class=Section1>{table}</div></body></html>", report)]
    assert "→ 湖畔日報 2025/06/02 https://kohan.example.jp/n/602" in lines
    assert "→ 県観光課 2025/05/28 https://pref.example.lg.jp/kanko/boat" in lines
    assert "配信元" not in lines and "記事と要点" not in lines
    assert {item.line.text for item in report.dropped if item.rule == "card-field-label"} >= {"配信元", "記事と要点"}


PAGE = f"""<html><body><div class=Section1>
<p class=MsoTitle>湖の遊覧船が戻ってくる　夏の観光シーズンを前に</p>
<p class=Body>2025年6月4日</p>
<p class=Body>湖の遊覧船が3年ぶりに全航路で動き始めました。観光地の人出が戻ると期待されています。</p>
<p class=Body><b>■ 遊覧船の再開</b></p>
<p class=Body>いつから乗れるの？</p>
<p class=Body>6月から毎日運航</p>
<p class=Body>桟橋の改修が終わり、ようやく全航路がそろいました。</p>
<table class=Grid border=1>{_HEAD}{_ROWS}</table>
<p class=Body>週末に乗りに行く人も多そうです。</p>
</div></body></html>"""


def test_the_cards_keep_their_publishers_and_dates_in_one_section(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "mail.htm", PAGE))
    assert len(article.sections) == 1
    cards = [(card.publisher, card.published) for card in article.sections[0].sources]
    assert cards == [("湖畔日報", dt.date(2025, 6, 2)), ("県観光課", dt.date(2025, 5, 28))]
