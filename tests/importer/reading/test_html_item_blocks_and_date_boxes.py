"""A list item whose text sits in a block of its own reads on its bullet's line; a box of two
elements, a date's label and the date, reads as one date line, as its text dump prints it."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _lines(body: str) -> list[str]:
    return [line.text for line in read_html(f"<html><body><main>{body}</main></body></html>", ImportReport("p.html"))]


def test_an_items_text_in_a_block_stays_on_its_bullets_line() -> None:
    assert _lines("<p>ポイント</p><ul><li><p>朝市は日曜も開かれる</p></li><li><div>駐車場は無料</div></li></ul>") == [
        "ポイント", "・朝市は日曜も開かれる", "・駐車場は無料"]
    assert _lines("<ol><li><span class='n'></span><p>受付は9時から</p></li></ol>") == ["1. 受付は9時から"]


def test_a_box_of_a_date_label_and_a_date_is_one_date_line() -> None:
    lines = _lines("<p>朝市の話題でした。</p><div class='meta'><div class='k'>更新日</div><div class='v'>2024/12/01</div></div>")
    assert lines == ["朝市の話題でした。", "更新日：2024/12/01"]


def test_a_box_of_a_label_and_other_text_is_not_joined() -> None:
    lines = _lines("<div><div>担当</div><div>港町観光課</div></div>")
    assert lines == ["担当", "港町観光課"]
