"""A mirror's '最終更新 …' line after the footnotes dates the page and is dropped as the site's
line (debris, as the same line above the article is), not kept as if it were structure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loader import load_config
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO

_PAGE = """港町朝市
出典: フリー百科事典『ウィキペディア（Wikipedia）』
港町朝市は、港町にある朝市である[1]。
歴史[編集]
1925年に始まった[1]。
脚注[編集]
↑ 港町朝市組合「朝市について」
最終更新 2025年5月3日 (土) 09:12 （UTC）
この記事は、ウィキペディアの港町朝市 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseの下で提供されています。
"""


def test_the_last_edited_line_after_the_footnotes_dates_the_page_and_is_dropped_as_debris(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(_PAGE, encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.txt", import_day=dt.date(2026, 3, 9))
    assert result.article.date == dt.date(2025, 5, 3)
    [edited] = [item for item in result.report.dropped if item.line.number == 8]
    assert (edited.rule, edited.read_into, edited.debris) == ("wikipedia-last-edited", "date", True)
    assert "page.txt:8: dropped [wikipedia-last-edited] (read into date) 最終更新 2025年5月3日 (土) 09:12 （UTC）" \
        in result.report.format().splitlines()
