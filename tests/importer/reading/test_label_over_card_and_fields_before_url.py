"""A sponsor label standing over a card as an element of its own marks that card, not the section holding
both; and a card printed as labelled fields (a table of label rows, a <dl>) with no link among them, its
summary list and its bare URL after them, is one card whatever the labels say."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.page import Line
from kiku.importer.reading.cards.text.field_lines import read_field_lines
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def _fields(label_a: str, name: str, label_b: str, date: str, label_c: str, title: str) -> str:
    return (f"<table class='meta'><tr><th>{label_a}</th><td>{name}</td></tr>"
            + (f"<tr><th>{label_b}</th><td>{date}</td></tr>" if date else "")
            + f"<tr><th>{label_c}</th><td><b>{title}</b></td></tr></table>")


def _card(name: str, date: str, title: str, bullets: tuple[str, ...], url: str) -> str:
    items = "".join(f"<li>{bullet}</li>" for bullet in bullets)
    return (f"<div class='clip'>{_fields('出所', name, '日時', date, '見出し', title)}<ul>{items}</ul>"
            f"<p class='go'><a href='{url}'>{url}</a></p></div>")


_REAL = _card("北海新報", "2025/03/04", "流氷観光船、今季は運航日を拡大　予約も好調",
              ("網走の観光船が今季の運航日を2週間延ばすと発表した。", "平日の予約も昨年を上回っている。"),
              "https://hokkai.example.jp/n/311")
# Worded like the page (the sea ice, the boats): only the label over it says it is sold.
_AD = _card("流氷ホテル", "", "流氷観光船の港に近い宿、冬の宿泊プランのご案内",
            ("網走の観光船乗り場まで歩いて行ける客室で、流氷の朝を過ごせます。",), "https://hotel.example.jp/plan?ref=ice")


def _page(ad_label: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>流氷観光の今</title></head><body><main><article>"
            "<h1>流氷の季節、観光船は満員に　今年の見どころを整理</h1><p>公開日：2025/03/06</p>"
            "<p>オホーツク海の流氷が接岸し、観光船の予約が相次いでいます。今季の動きをまとめました。</p>"
            "<section class='part'><h2>運航日の拡大<a href='#p1'>#</a></h2><p>観光船はいつまで乗れる？</p>"
            "<p>3月下旬まで運航が延びた</p><p>流氷の接岸が遅れたことが背景にあります。</p>"
            + _REAL + "<p>地元の宿も予約が埋まり始めています。</p>" + ad_label + _AD
            + "<p>今季は海外からの旅行者も目立ち、港の周辺はにぎわっています。</p>"
              "<p>運航会社は臨時便の追加も検討しているとのことです。</p>"
              "<p>流氷の量は年によって大きく変わるため、早めの計画が勧められています。</p>"
              "<p>寒さ対策をしっかりして出かけたいですね。</p></section>"
              "</article></main></body></html>")


def _cards(tmp_path: Path, ad_label: str) -> list[tuple[str | None, str | None, bool]]:
    article = _digest(_import(tmp_path, "page.html", _page(ad_label)))
    return [(card.title, card.publisher, card.off_topic) for section in article.sections for card in section.sources]


def test_a_sponsor_label_over_a_card_marks_the_card_and_keeps_its_section() -> None:
    report = ImportReport("page.html")
    lines = read_field_lines(read_html(_page("<p class='tag'>広告</p>"), report), report)
    marked = [line.text for line in lines if line.ad]
    assert marked == ["流氷観光船の港に近い宿、冬の宿泊プランのご案内", "・網走の観光船乗り場まで歩いて行ける客室で、流氷の朝を過ごせます。",
                      "→ 流氷ホテル https://hotel.example.jp/plan?ref=ice"]
    assert "→ 北海新報 2025/03/04 https://hokkai.example.jp/n/311" in [line.text for line in lines]
    assert "広告" not in [line.text for line in lines]


def test_a_section_holding_a_sponsor_label_is_not_dropped_as_an_ad(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "page.html", _page("<span>Sponsored</span>")))
    assert [section.heading for section in article.sections] == ["運航日の拡大"]
    assert "運航会社は臨時便の追加も検討しているとのことです。" in repr(article.sections[0])


def test_labelled_lines_closed_by_a_bare_url_after_their_summary_are_one_card() -> None:
    lines = [Line(1, "出所：北海新報"), Line(2, "日時：2025/03/04"), Line(3, "見出し：流氷観光船、今季は運航日を拡大"),
             Line(4, "・網走の観光船が運航日を延ばす。"), Line(5, "https://hokkai.example.jp/n/311", ad=True)]
    assert [(line.text, line.ad) for line in read_field_lines(lines, ImportReport("page.txt"))] == [
        ("流氷観光船、今季は運航日を拡大", True), ("・網走の観光船が運航日を延ばす。", True),
        ("→ 北海新報 2025/03/04 https://hokkai.example.jp/n/311", True)]


def test_a_bare_url_after_labelled_lines_that_hold_one_is_not_taken_into_them() -> None:
    lines = [Line(1, "出所：北海新報"), Line(2, "日時：2025/03/04"), Line(3, "リンク：https://hokkai.example.jp/n/1"),
             Line(4, "https://hokkai.example.jp/n/2")]
    assert [line.text for line in read_field_lines(lines, ImportReport("page.txt"))][-1] == "https://hokkai.example.jp/n/2"
