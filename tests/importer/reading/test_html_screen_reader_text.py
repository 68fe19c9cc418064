"""Text written for screen readers only never glues onto a printed URL or a name: an inline element the
page hides visually (by a class of the visually hidden pattern, or the clip pattern's inline style), and
an icon's label ending an inline link after its own text, whatever its class. A favicon and the site's
name at the foot of a link around blocks is that card's publisher line, and stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_URL = "https://kouen-navi.example.org/reports/2025/bench-paint"


def _page(link_inside: str, url: str = _URL) -> str:
    return ("<html><head><meta charset='utf-8'><title>公園のベンチが塗り替えに</title></head><body><main>"
            "<h1>公園のベンチが塗り替えに 市民の投票で色を決定</h1><p>公開日：2025年8月4日</p>"
            "<p>市内の公園にある古いベンチが、市民の投票で選ばれた色に塗り替えられます。</p>"
            "<h2>どんな色になる?</h2><p>Q. ベンチは何色になる?</p><p>A. 若草色が最多得票</p>"
            "<div class='box'><p class='box-head'>ベンチの色、市民投票の結果を発表</p>"
            f"<p><a href='{url}' target='_blank'>{url}{link_inside}</a></p>"
            "<p>こうえんナビ ・ 2025-07-30</p>"
            "<ul><li>投票には約3千人が参加した。</li><li>塗り替えは秋までに終える。</li></ul></div>"
            "<p>塗り替えの費用は市の予算でまかなわれます。</p></main></body></html>")


@pytest.mark.parametrize("inside", [
    "<span class='u-screenreader-only'>（新しいタブで開きます）</span>",
    "<span class='text-visually-hidden'>external link</span>",
    "<span style='position:absolute;clip:rect(0 0 0 0);overflow:hidden'>外部サイトへ移動します</span>",
    "<span style='position:absolute;width:1px;height:1px;overflow:hidden'>opens a new tab</span>",
    # No class that says so: an icon and its label, ending the link after its URL.
    "<i class='k9x2'><img src='/ext.png' alt=''><b class='q7'>外部リンク</b></i>",
    " <span class='zz1'><svg viewBox='0 0 8 8'><path d='M0 0h8v8z'></path></svg><span class='zz2'>new window</span></span>",
    # The icon before the label, each an element of its own.
    "<i class='ic'><img src='/ext.png' alt=''></i><span class='lb'>別窓</span>",
])
def test_screen_reader_text_in_a_link_does_not_glue_onto_its_url(tmp_path: Path, inside: str) -> None:
    [section] = digest_of(import_text(tmp_path, "bench.html", _page(inside))).sections
    [card] = section.sources
    assert (str(card.url), card.publisher, card.title) == (_URL, "こうえんナビ", "ベンチの色、市民投票の結果を発表")


def test_a_visually_hidden_heading_stays_and_a_hidden_inline_note_is_reported() -> None:
    page = ("<html><body><main><h1>ベンチの話</h1><h2 class='sr-only'>要点</h2><p>本文です。"
            "<span class='sr-only'>（注釈）</span></p></main></body></html>")
    report = ImportReport("page.html")
    kept = [line.text for line in read_html(page, report)]
    assert "要点" in kept and "本文です。" in kept
    assert ("screen-reader-text", "（注釈）") in [(item.rule, item.line.text) for item in report.dropped]


def test_a_favicon_and_name_at_the_foot_of_a_card_link_stay() -> None:
    page = ("<html><body><main><h1>ベンチの話</h1>"
            f"<a href='{_URL}'><div><p>ベンチの色、市民投票の結果を発表</p></div>"
            "<span class='site'><img src='/favicon.png' alt=''>こうえんナビ</span></a></main></body></html>")
    kept = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert any("こうえんナビ" in text for text in kept)


def test_a_visible_word_in_a_link_without_an_icon_stays() -> None:
    page = ("<html><body><main><h1>ベンチの話</h1>"
            f"<p><a href='{_URL}'>市の発表<span class='em'>（速報）</span></a></p></main></body></html>")
    kept = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert any("（速報）" in text for text in kept)


def test_a_note_inside_a_title_link_does_not_break_the_card(tmp_path: Path) -> None:
    page = _page("").replace(
        f"<p><a href='{_URL}' target='_blank'>{_URL}</a></p>",
        f"<p><a href='{_URL}'>{_URL}</a></p>").replace(
        "<p class='box-head'>ベンチの色、市民投票の結果を発表</p>",
        f"<p class='box-head'><a href='{_URL}'>ベンチの色、市民投票の結果を発表<span class='sr-only'>（別ウィンドウ）</span></a></p>")
    [section] = digest_of(import_text(tmp_path, "bench.html", page)).sections
    [card] = section.sources
    assert (card.title, card.publisher) == ("ベンチの色、市民投票の結果を発表", "こうえんナビ")


def test_a_short_title_over_a_link_line_is_no_publisher_when_the_date_line_names_one(tmp_path: Path) -> None:
    page = _page("").replace("ベンチの色、市民投票の結果を発表", "ベンチ塗り替え計画")
    [section] = digest_of(import_text(tmp_path, "bench.html", page)).sections
    [card] = section.sources
    assert (card.title, card.publisher) == ("ベンチ塗り替え計画", "こうえんナビ")
