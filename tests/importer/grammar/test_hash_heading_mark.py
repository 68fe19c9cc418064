"""A text dump's heading mark ('＃', '##') is the heading's decoration, trimmed as a glyph before it is."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

PAGE = """図書館の夜間開館、来月から試行へ
2025年4月3日
市立図書館が平日の夜間開館を試行します。仕事帰りの利用を見込みます。
＃夜間開館の中身
問い：何時まで開いている？
答え：平日は午後9時までです。
## 利用者の声
問い：どんな声がある？
答え：学生や会社員から歓迎の声が出ています。
"""


def test_a_hash_mark_before_a_heading_is_trimmed(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", PAGE)
    headings = [section.heading for section in _digest(result).sections]
    assert headings == ["夜間開館の中身", "利用者の声"]
    assert [dropped.removed for dropped in result.report.dropped if dropped.rule == "heading-mark"] == ["＃", "##"]
