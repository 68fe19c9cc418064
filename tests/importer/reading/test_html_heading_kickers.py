"""A chapter's or step's number in an element of its own opening a heading ('<span>STEP 1</span>…') is the
page's numbering of its sections: dropped when the page's other headings of the same tag open so too, with
other numbers. One heading alone opening with a word and a number keeps it (a name, 'Windows 11')."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_HEADINGS = ("申し込みの前に用意するもの", "窓口で手続きをする", "カードを受け取る")


def _page(kickers: tuple[str, ...]) -> str:
    sections = "".join(
        f"<h2>{kicker}{heading}</h2><p>Q. {heading}には何が必要?</p><p>A. 本人確認書類</p>"
        f"<p>{heading}について、市の窓口で詳しく案内しています。</p>"
        for kicker, heading in zip(kickers, _HEADINGS, strict=True))
    return ("<html><head><meta charset='utf-8'><title>図書館カードの作り方</title></head><body><main>"
            "<h1>図書館カードの作り方 3つの手順で解説</h1><p>公開日：2025年5月12日</p>"
            f"<p>市立図書館のカードは、誰でも無料で作れます。</p>{sections}</main></body></html>")


@pytest.mark.parametrize("kickers", [
    ("<span class='no'>STEP 1</span>", "<span class='no'>STEP 2</span>", "<span class='no'>STEP 3</span>"),
    ("<em>Part.1</em>", "<em>Part.2</em>", "<em>Part.3</em>"),
    ("<b>第1章</b>", "<b>第2章</b>", "<b>第3章</b>"),
    ("<i>01</i> ", "<i>02</i> ", "<i>03</i> "),
])
def test_a_kicker_in_its_own_element_is_no_part_of_the_heading(tmp_path: Path, kickers: tuple[str, ...]) -> None:
    article = digest_of(import_text(tmp_path, "card.html", _page(kickers)))
    assert [section.heading for section in article.sections] == list(_HEADINGS)


def test_a_word_and_number_opening_one_heading_alone_stays() -> None:
    page = ("<html><body><main><h1>端末の話</h1><h2><span>Windows 11</span>のサポート期間</h2><p>本文です。</p>"
            "<h2>買い替えの目安</h2><p>本文です。</p></main></body></html>")
    kept = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert "Windows 11のサポート期間" in kept


def test_a_lone_heading_numbered_first_drops_its_kicker() -> None:
    page = ("<html><body><main><h1>端末の話</h1><h2><small>第一章</small>買い替えの目安</h2><p>本文です。</p>"
            "</main></body></html>")
    report = ImportReport("page.html")
    kept = [line.text for line in read_html(page, report)]
    assert "買い替えの目安" in kept
    assert ("heading-kicker", "第一章") in [(item.rule, item.line.text) for item in report.dropped]
