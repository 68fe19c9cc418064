"""A card box printed as a component framework prints it: a badge and the publisher on a top row, the summary
list, the headline's link, then the date line closing the box with its own label word after the date
('── 2025-06-02 配信'). The list's end ends its last line; the name over the card is its publisher when the date
line names no one; a badge made of a source label ('出典カード', '参考記事') is no name; a sponsor's mark on
the top row makes the box an ad card, even when the box is an <article> element."""

from __future__ import annotations

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_SUMMARY = ("<ul><li>港と対岸の集落を結ぶ渡し船が、週末に限って運航を再開する。</li>"
            "<li>運賃は大人200円で、自転車も載せられる。</li></ul>")


def _box(top: str, *, dated: bool = True, tag: str = "section") -> str:
    date = "<p>── 2025-06-02 配信</p>" if dated else ""
    return (f"<{tag} class='x7'><div>{top}</div>{_SUMMARY}"
            f"<a href='https://kaigan.example.jp/n/7731'>渡し船が40年ぶりに復活、週末に運航</a>{date}</{tag}>")


def _lines(box: str, report: ImportReport | None = None) -> list[str]:
    page = (f"<html><body><main><h1>渡し船の話</h1><p>渡し船が戻ります。週末だけの運航です。</p>{box}"
            "<p>港の人たちは再開を喜んでいます。</p></main></body></html>")
    return [line.text for line in read_html(page, report or ImportReport("page.html"))]


def test_the_headline_after_the_summary_list_is_a_line_of_its_own() -> None:
    lines = _lines(_box("<span>海岸日報</span>"))
    assert "渡し船が40年ぶりに復活、週末に運航" in lines
    assert "・運賃は大人200円で、自転車も載せられる。" in lines


def test_the_name_over_the_card_is_its_publisher_when_the_date_line_names_no_one() -> None:
    lines = _lines(_box("<span>参考記事</span><span>海岸日報</span>"))
    assert lines[-2] == "→ 海岸日報 2025-06-02 配信 https://kaigan.example.jp/n/7731"
    assert "参考記事" not in lines


def test_a_source_badge_alone_over_the_card_names_no_publisher() -> None:
    report = ImportReport("page.html")
    lines = _lines(_box("<span>出典カード</span>"), report)
    assert lines[-2] == "→ 2025-06-02 配信 https://kaigan.example.jp/n/7731"
    assert "出典カード" in [item.line.text for item in report.dropped]
    assert read_card_link(lines[-2]).publisher is None


def test_a_sponsors_mark_beside_the_name_in_an_article_box_makes_an_undated_ad_card() -> None:
    report = ImportReport("page.html")
    lines = _lines(_box("<span>スポンサー</span><span>みなと保険</span>", dated=False, tag="article"), report)
    assert "→ みなと保険 https://kaigan.example.jp/n/7731" in lines
    assert "渡し船が40年ぶりに復活、週末に運航" in lines
    assert [item.line.text for item in report.dropped if item.rule == "ad-label"] == ["スポンサー"]


@pytest.mark.parametrize(("line", "publisher"), [
    ("→ —— 2025-06-02 掲載 https://kaigan.example.jp/n/7731", None),
    ("→ 2025/6/2 配信 https://kaigan.example.jp/n/7731", None),
    ("→ 公開日：2025.06.02 https://kaigan.example.jp/n/7731", None),
    ("→ 海岸日報 2025-06-02 更新 https://kaigan.example.jp/n/7731", "海岸日報"),
])
def test_a_dates_own_label_word_beside_the_date_is_no_publisher(line: str, publisher: str | None) -> None:
    link = read_card_link(line)
    assert link is not None
    assert link.publisher == publisher
