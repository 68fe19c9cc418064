"""A table of cards under column heads may print each card on two rows: the fields row, then a row under no
column of its own (a blank first cell, one cell spanning the rest) holding the summary and the address again.
A column holding each row's number ('No.' over '1', '2') is the rows' order, no field; a head closed by an
abbreviation's dot is still a label."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _card(number: int, title: str, name: str, date: str, summary: str) -> str:
    url = f"https://minato.example.jp/news/{number}"
    return (f"<tr><td>{number}</td><td><a href='{url}'>{title}</a></td><td>{name}</td><td>{date}</td></tr>"
            f"<tr><td>&nbsp;</td><td colspan='3'><font size='2'>◇ {summary}<br>"
            f"<font color='gray'>{url}</font></font></td></tr>")


_TABLE = ("<table border='1'><tr><td><b>Nr.</b></td><td><b>見出し</b></td><td><b>媒体</b></td><td><b>日付</b></td></tr>"
          + _card(1, "港の朝市が再開　三年ぶり", "港町タイムズ", "2025.06.01", "朝市は週末ごとに開かれ、地元の魚が並ぶ。")
          + _card(2, "朝市に観光客の列", "湾岸日報", "2025.06.08", "開店前から観光客が列を作った。")
          + "</table>")


def test_each_card_of_two_rows_is_read_whole() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{_TABLE}</main></body></html>", report)]
    assert lines == ["港の朝市が再開　三年ぶり", "◇ 朝市は週末ごとに開かれ、地元の魚が並ぶ。",
                     "→ 港町タイムズ 2025.06.01 https://minato.example.jp/news/1",
                     "朝市に観光客の列", "◇ 開店前から観光客が列を作った。",
                     "→ 湾岸日報 2025.06.08 https://minato.example.jp/news/2"]
    assert {item.line.text for item in report.dropped} >= {"Nr.", "見出し", "媒体", "日付", "1", "2"}


def test_a_card_whose_date_is_left_unread_keeps_its_title_and_publisher() -> None:
    # A date without its year ('6/1(日)') is left unread: with the row's number and its address printed again
    # also read as remarks, the row would be no card.
    table = _TABLE.replace("2025.06.01", "6/1(日)").replace("2025.06.08", "6/8(日)")
    lines = [line.text for line in read_html(f"<html><body><main>{table}</main></body></html>", ImportReport("p.html"))]
    assert [line for line in lines if line.startswith("→")] == [
        "→ 港町タイムズ https://minato.example.jp/news/1", "→ 湾岸日報 https://minato.example.jp/news/2"]
