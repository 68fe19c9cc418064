"""A short line alone under a picture in its box is the picture's caption, whatever the page classes either
('<div><img><br><span>…</span></div>'); a paragraph beside a picture, or a line with a link, is not."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _read(body: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><article><h1>港の朝市が再開</h1>{body}"
                                             "<p>朝市は毎週日曜に開かれます。</p></article></body></html>", report)]
    return lines, [(item.rule, item.line.text) for item in report.dropped]


def test_a_short_line_under_a_picture_in_its_box_is_its_caption() -> None:
    lines, dropped = _read("<div><img src='/p/1.jpg' alt=''><br><small>再開初日の朝市（5日朝）</small></div>")
    assert lines == ["港の朝市が再開", "朝市は毎週日曜に開かれます。"]
    assert dropped == [("media-caption", "再開初日の朝市（5日朝）")]


def test_a_paragraph_of_sentences_or_a_linked_line_beside_a_picture_stays() -> None:
    body = ("<div><img src='/p/1.jpg' alt=''><p>漁協によると、初日は約3千人が訪れました。出店は40を数えます。</p></div>"
            "<div><img src='/p/2.jpg' alt=''><span><a href='https://example.jp/map'>会場の地図</a></span></div>"
            "<div><a href='https://example.jp/tour'><img src='/p/3.jpg' alt=''><span>港めぐりツアー</span></a></div>")
    lines, _ = _read(body)
    assert "漁協によると、初日は約3千人が訪れました。出店は40を数えます。" in lines and "会場の地図" in lines
    assert any("港めぐりツアー" in line for line in lines)
