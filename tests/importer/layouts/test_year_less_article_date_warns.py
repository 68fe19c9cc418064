"""An article dated by a line printing no year says so: the year is a guess the editor should check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import import_text

PAGE = """市営バス、来月から運賃改定
10/3(金) 18:20配信
市営バスの運賃が来月から改定されます。

📌 ポイント
・大人運賃は230円に
・ICカードの割引は続く

■ 運賃はいくらになる?
Q. 大人の運賃はいくらに?
A. 230円になります
市は2025年9月30日の審議会で改定を決めました。
さらに読む ⇒ 市営バス運賃改定へ 出典:みなと新聞 https://example.jp/news/bus-fare-2025
"""


def test_a_year_less_head_date_is_read_and_warned_about(tmp_path: Path) -> None:
    result = import_text(tmp_path, "bus.txt", PAGE)
    assert result.article.date == dt.date(2025, 10, 3)
    assert any("the article's date prints no year (10/3(金) 18:20配信)" in warning and "check it" in warning
               for warning in result.report.warnings)


def test_a_dated_head_line_gives_no_such_warning(tmp_path: Path) -> None:
    result = import_text(tmp_path, "bus.txt", PAGE.replace("10/3(金) 18:20配信", "2025/10/3(金) 18:20配信"))
    assert result.article.date == dt.date(2025, 10, 3)
    assert not any("prints no year" in warning and "article's date" in warning for warning in result.report.warnings)
