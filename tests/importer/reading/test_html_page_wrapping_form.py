"""A page wrapped in one <form> (an ASP.NET or a Lotus Domino page posts itself back) is read: the form holding
most of the page's text is the page, not a form, and only its controls are dropped; a small form beside the
article is still dropped. The line a saved page prints its title in (the <title>'s text in heading markup) is
the title even below a long head of the site's and the document's fields (a database's banner, its action
links, a table of labelled fields over the subject), when no line above it is prose."""

from __future__ import annotations

from kiku.importer.grammar.page.title import title_index
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _read(page: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(page, report)]
    return lines, [(item.rule, item.line.text) for item in report.dropped]


def test_a_form_around_the_whole_page_is_read_and_its_controls_dropped() -> None:
    page = ("<html><head><title>市民プールの営業を9月まで延長</title></head><body>"
            "<form method='post' action='./detail.aspx?id=88' id='aspnetForm'>"
            "<input type='hidden' name='__VIEWSTATE' value='dDwtMTA4'>"
            "<h1>市民プールの営業を9月まで延長</h1>"
            "<p>厳しい暑さが続いているため、市民プールの営業期間を延ばします。</p>"
            "<p>営業時間はこれまでと同じ、午前9時から午後5時までです。</p>"
            "<p>混雑する週末は、公共交通機関でお越しください。</p>"
            "<input type='submit' value='送信'><button type='button'>印刷する</button>"
            "</form></body></html>")
    lines, dropped = _read(page)
    assert lines == ["市民プールの営業を9月まで延長", "厳しい暑さが続いているため、市民プールの営業期間を延ばします。",
                     "営業時間はこれまでと同じ、午前9時から午後5時までです。", "混雑する週末は、公共交通機関でお越しください。"]
    assert ("form", "印刷する") in dropped


def test_a_small_form_beside_the_article_is_still_dropped() -> None:
    page = ("<html><body><div><h1>市民プールの営業を9月まで延長</h1>"
            "<p>厳しい暑さが続いているため、市民プールの営業期間を延ばします。</p>"
            "<p>営業時間はこれまでと同じ、午前9時から午後5時までです。</p></div>"
            "<form action='/search'><p>サイト内を検索する</p><input type='text' name='q'></form></body></html>")
    lines, dropped = _read(page)
    assert "サイト内を検索する" not in lines
    assert ("form", "サイト内を検索する") in dropped


_HEAD = ["文書管理システム", "一覧へ", "前の文書", "次の文書", "分類", "連絡", "担当", "管財課", "題名"]
_TITLE = "庁舎西側の駐車場が一部使えなくなります"


def test_the_line_a_page_prints_its_title_in_is_marked_as_the_title() -> None:
    page = (f"<html><head><title>{_TITLE}</title></head><body><div><font size='4'><b>文書管理システム</b></font></div>"
            f"<table><tr><td>題名</td><td><font size='3'><b>{_TITLE}</b></font></td></tr></table>"
            "<p>工事のため、11月から西側の駐車場を閉鎖します。</p></body></html>")
    lines = read_html(page, ImportReport("page.html"))
    assert [line.text for line in lines if line.title] == [_TITLE]


def test_a_marked_title_below_a_head_of_fields_is_the_title() -> None:
    texts = [*_HEAD, _TITLE, "工事のため、11月から西側の駐車場を閉鎖します。"]
    assert title_index(texts, frozenset({9}), page_title=9) == 9


def test_a_marked_title_below_prose_is_not_taken_so() -> None:
    texts = ["文書管理システム", "工事のため、11月から西側の駐車場を閉鎖します。", *_HEAD[1:], _TITLE]
    assert title_index(texts, frozenset({9}), page_title=9) != 9
