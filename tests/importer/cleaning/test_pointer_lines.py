"""A line framed by the same arrow at both ends points the reader on ('▼ 記事の続きは下へ ▼'): the
site's line, dropped. An arrow before a heading, or a list's label framed so, stays."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def test_an_arrow_framed_pointer_is_dropped_and_framed_labels_and_arrowed_headings_stay() -> None:
    texts = ["朝市は今年で100周年を迎えました。", "↓ 続きはスクロールして ↓", "⬇ 詳しい内容は次の段落で ⬇",
             "▼ 記念式典に300人", "▼ この記事のまとめ ▼", "◆ 朝市は今年で開設100周年"]
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    assert [line.text for line in kept] == ["朝市は今年で100周年を迎えました。", "▼ 記念式典に300人",
                                            "▼ この記事のまとめ ▼", "◆ 朝市は今年で開設100周年"]
    assert [(item.rule, item.line.number) for item in report.dropped] == [("pointer-line", 2), ("pointer-line", 3)]
