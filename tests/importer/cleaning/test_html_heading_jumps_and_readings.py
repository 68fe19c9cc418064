"""A heading of a mirrored reference page may hold a jump back to the top in words ('↑目次へ戻る') or close with
the word's kana reading in an element of its own: glued to the heading as text, either changes the heading."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _read(body: str) -> tuple[list[str], ImportReport]:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{body}</main></body></html>", report)]
    return lines, report


def test_a_jump_link_in_words_inside_a_heading_is_dropped() -> None:
    lines, report = _read("<h2 id='k2'>沿革<small><a href='#contents'>↑目次へ戻る</a></small></h2><p>村は明治に生まれた。</p>"
                          "<h3>名物 <a href='#k2'>¶</a></h3><p>栗が名物である。</p>"
                          "<p>詳しくは<a href='#notes'>注記を参照</a>のこと。</p>")
    assert lines == ["沿革", "村は明治に生まれた。", "名物", "栗が名物である。", "詳しくは注記を参照のこと。"]
    assert [(item.rule, item.line.text) for item in report.dropped if item.rule == "heading-jump-link"] == [
        ("heading-jump-link", "↑目次へ戻る")]


def test_a_heading_that_is_only_an_in_page_link_stays() -> None:
    lines, _ = _read("<h2><a href='#k3'>産業と暮らし</a></h2><p>林業が盛んである。</p>")
    assert lines[0] == "産業と暮らし"


def test_a_kana_reading_closing_the_title_is_dropped_when_the_text_says_it_again() -> None:
    lines, report = _read("<h1>栗金団<em class='yomi'>くりきんとん</em></h1><p>栗金団（くりきんとん）は正月の料理である。</p>")
    assert lines == ["栗金団", "栗金団（くりきんとん）は正月の料理である。"]
    assert any(item.rule == "heading-reading" and item.line.text == "くりきんとん" for item in report.dropped)


def test_a_kana_reading_the_text_never_says_again_stays() -> None:
    lines, _ = _read("<h1>栗金団<em>くりきんとん</em></h1><p>正月の料理である。</p>")
    assert lines[0] == "栗金団くりきんとん"


def test_a_box_holding_only_a_heading_that_counts_nothing_is_dropped() -> None:
    lines, report = _read("<h1>栗の里</h1><p>栗が名物である。</p><div class='files'><h5>Attachments [0]</h5></div>"
                          "<div class='files'><h5>関連資料（2件）</h5><p>栗の歴史.pdf</p></div>")
    assert lines == ["栗の里", "栗が名物である。", "関連資料（2件）", "栗の歴史.pdf"]
    assert any(item.rule == "empty-list-box" and item.line.text == "Attachments [0]" for item in report.dropped)
