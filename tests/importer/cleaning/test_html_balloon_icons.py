"""A line beside a picture the page shows again nearby (a speaker's icon in each speech balloon) is the
speaker's words, not a caption, whether or not it is one sentence; a photo's one caption is still dropped."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def test_lines_beside_a_speakers_icon_shown_in_each_balloon_are_kept() -> None:
    balloon = "<div class='talk'><img src='/img/guide.png' alt=''><p>{}</p></div>"
    page = ("<html><body><article><h1>港の朝市が再開</h1><p>朝市は毎週日曜に開かれます。</p>"
            + balloon.format("久しぶりの朝市、にぎわっていて安心しました。")
            + "<p>出店は40を数えました。</p>"
            + balloon.format("来週はもっと早く行ってみたいですね。")
            + "<div><img src='/photo/market.jpg' alt=''><span>再開した朝市（5日朝）</span></div>"
            + "</article></body></html>")
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(page, report)]
    assert "久しぶりの朝市、にぎわっていて安心しました。" in lines
    assert "来週はもっと早く行ってみたいですね。" in lines
    assert ("media-caption", "再開した朝市（5日朝）") in [(item.rule, item.line.text) for item in report.dropped]
