"""A card printed as a table of labelled rows: its caption, when a headline and no field is one, is the card's title (the rows
then its source and summary); a row labelled as the source ('発行元', '提供者', '出典') is a name of the
source, never the title, and a card of a labelled name, a date, a summary and a link has no title."""

from __future__ import annotations

import pytest

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_URL = "https://yamabiko-times.example.jp/news/2025/0612-bridge"


def _table(caption: str, label: str) -> str:
    head = f"<caption>{caption}</caption>" if caption else ""
    return (f"<table class='c'>{head}<tbody><tr><th>{label}</th><td>山びこタイムズ編集部</td></tr>"
            "<tr><th>日付</th><td>2025年6月12日</td></tr>"
            f"<tr><th>URL</th><td><a href='{_URL}'>{_URL}</a></td></tr>"
            "<tr><th>要旨</th><td>老朽化した吊り橋の架け替えが決まった。<br>工事は来春に始まる。</td></tr></tbody></table>")


def _lines(table: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{table}</main></body></html>", report)]
    return lines, [(item.rule, item.line.text) for item in report.dropped]


def test_a_headline_caption_is_the_cards_title() -> None:
    lines, dropped = _lines(_table("渓谷の吊り橋が架け替えへ", "配信元"))
    assert lines == ["渓谷の吊り橋が架け替えへ", "・老朽化した吊り橋の架け替えが決まった。", "・工事は来春に始まる。",
                     f"→ 山びこタイムズ編集部 2025年6月12日 {_URL}"]
    assert ("card-field-label", "渓谷の吊り橋が架け替えへ") not in dropped


@pytest.mark.parametrize("label", ["発行元", "提供者", "出典"])
def test_a_row_labelled_as_the_source_is_no_title(label: str) -> None:
    lines, _ = _lines(_table("", label))
    assert lines == ["・老朽化した吊り橋の架け替えが決まった。", "・工事は来春に始まる。",
                     f"→ 山びこタイムズ編集部 2025年6月12日 {_URL}"]
