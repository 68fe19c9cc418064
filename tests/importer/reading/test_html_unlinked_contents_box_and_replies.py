"""Two boxes a theme's class names misname or a thread nests in the article:

- a box classed as the table of contents whose lines link nowhere, under another heading ('要点まとめ' · '・…'),
  is the article's own summary: a contents box links each entry to its heading;
- a post inside the article's post headed 'Re: <subject>' is a reader's reply in the thread, not the article."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _read(body: str) -> tuple[list[str], ImportReport]:
    report = ImportReport("page.html")
    lines = read_html(f"<html><body>{body}</body></html>", report)
    return [line.text for line in lines], report


_ARTICLE = "<h1>市立図書館が夜9時まで開館へ</h1><p>市立図書館の開館時間が延びます。仕事帰りにも立ち寄りやすくなります。</p>"


def test_an_unlinked_box_classed_as_contents_is_the_article_s() -> None:
    box = ('<div class="entry-toc-box"><p class="ttl">要点まとめ</p><ul><li>平日は夜9時まで開館</li>'
           '<li>日曜の開館時間は変わらない</li></ul></div>')
    lines, _ = _read(f"<article>{_ARTICLE}{box}<p>詳しくは市の発表を見てみましょう。</p></article>")
    assert "平日は夜9時まで開館" in " ".join(lines)


def test_a_linked_contents_box_is_still_dropped() -> None:
    box = ('<div class="entry-toc-box"><p class="ttl">要点まとめ</p><ul><li><a href="#s1">開館時間</a></li>'
           '<li><a href="#s2">利用の注意</a></li></ul></div>')
    lines, report = _read(f"<article>{_ARTICLE}{box}<h2 id=s1>開館時間</h2><p>平日は夜9時までです。</p></article>")
    assert lines.count("開館時間") == 1
    assert any(item.rule == "table-of-contents" for item in report.dropped)


def test_a_reply_nested_in_the_post_is_dropped() -> None:
    reply = ('<div class="replies"><article class="post"><h4>RE：市立図書館が夜9時まで開館へ</h4>'
             '<p>投稿者: 山下 - 2025年4月3日 10:12</p><p>自習室も夜まで使えるとうれしいです。</p></article></div>')
    lines, report = _read(f'<article class="post">{_ARTICLE}<p>開館は4月からです。</p>{reply}</article>')
    assert "自習室も夜まで使えるとうれしいです。" not in lines
    assert {item.line.text for item in report.dropped if item.rule == "reply-post"} >= {
        "自習室も夜まで使えるとうれしいです。"}


def test_a_page_that_is_itself_a_reply_keeps_it() -> None:
    lines, _ = _read('<article class="post"><h1>Re: 図書館の開館時間</h1><p>夜まで開いているのは助かります。</p></article>')
    assert "夜まで開いているのは助かります。" in lines


def test_an_unlinked_box_headed_as_contents_is_still_dropped() -> None:
    box = ('<div class="toc"><div class="toc-title">目次 <span>[閉じる]</span></div><ul><li>1 開館時間</li>'
           '<li>2 利用の注意</li></ul></div>')
    _, report = _read(f"<article>{_ARTICLE}{box}<h2>開館時間</h2><p>平日は夜9時までです。</p></article>")
    assert "1 開館時間" in {item.line.text for item in report.dropped if item.rule == "table-of-contents"}
