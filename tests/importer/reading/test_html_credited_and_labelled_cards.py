"""Cards a page prints in boxes the readers did not know: a quotation credited in its <footer> (no
<cite>), a box whose label stands over its linked headline, a figure whose caption sets its lines
apart with <br> or prints the URL it links to. Each reads as its text dump's card: title, summary
bullets, link line."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_URL = "https://www.minato-nippo.example.jp/n/5"


def _lines(body: str) -> list[str]:
    return [line.text for line in read_html(f"<html><body><main><p>港の話題です。</p>{body}<p>以上です。</p></main>"
                                            "</body></html>", ImportReport("page.html"))]


def test_a_quotation_credited_in_its_footer_is_a_card() -> None:
    lines = _lines(f"<blockquote cite='{_URL}'><p>港の朝市、日曜も開催へ</p><p>組合は日曜の朝市を7月から始める。</p>"
                   f"<footer>— 港日報 2025/03/04 <a href='{_URL}'>{_URL}</a></footer></blockquote>")
    assert lines[1:4] == ["港の朝市、日曜も開催へ", "・組合は日曜の朝市を7月から始める。", f"→ — 港日報 2025/03/04 {_URL}"]


def test_a_box_label_over_a_linked_headline_stays_a_line_and_the_summary_is_bulleted() -> None:
    lines = _lines(f"<section class='src'><p>出典記事</p><h4><a href='{_URL}'>港の朝市、日曜も開催へ</a></h4>"
                   "<p>組合は日曜の朝市を7月から始める。</p><p>港日報 | 2025.03.04</p></section>")
    assert lines[1:5] == ["出典記事", "港の朝市、日曜も開催へ", "・組合は日曜の朝市を7月から始める。",
                          f"→ 港日報 | 2025.03.04 {_URL}"]


def test_a_figure_caption_of_broken_lines_with_a_web_link_is_a_card_not_a_photo_caption() -> None:
    lines = _lines(f"<figure><img src='a.jpg' alt=''><figcaption><b><a href='{_URL}'>港の朝市、日曜も開催へ</a></b><br>"
                   "組合は日曜の朝市を7月から始める。<br>港日報 2025.03.04</figcaption></figure>")
    # Its summary sentence reads as the card's bullet, as a text dump prints it.
    assert lines[1:4] == ["港の朝市、日曜も開催へ", "・組合は日曜の朝市を7月から始める。", f"→ 港日報 2025.03.04 {_URL}"]


def test_a_figure_caption_printing_its_link_is_a_source_not_a_photo_caption() -> None:
    lines = _lines(f"<figure><figcaption><a href='{_URL}'>{_URL}</a>(港日報)</figcaption></figure>")
    assert f"{_URL}(港日報)" in lines


def test_a_photo_credit_is_still_a_caption() -> None:
    lines = _lines("<figure><img src='a.jpg' alt=''><figcaption>朝市のにぎわい(撮影:編集部)</figcaption></figure>")
    assert "朝市のにぎわい(撮影:編集部)" not in lines


def test_an_ad_box_of_a_linked_headline_and_its_pitch_is_a_card_with_no_source() -> None:
    ad = "https://click.adnet.example.com/c?id=42"
    report = ImportReport("page.html")
    lines = read_html(f"<html><body><main><p>港の話題です。</p><div class='ad-box'><span>広告</span>"
                      f"<a href='{ad}'><img src='b.jpg' alt=''><span>冬の温泉宿が今なら半額でご予約可能</span></a>"
                      "<p>人気の温泉宿を特別価格でご案内。ご予約はお早めに。</p></div><p>以上です。</p></main></body></html>",
                      report)
    texts = [line.text for line in lines]
    assert texts[1:4] == ["冬の温泉宿が今なら半額でご予約可能", "・人気の温泉宿を特別価格でご案内。ご予約はお早めに。", f"→ {ad}"]
    assert all(line.ad for line in lines[1:4])


def test_a_labelled_card_box_reads_as_a_titled_card_not_a_heading(tmp_path: Path) -> None:
    page = ("<html><head><meta charset='utf-8'><title>港の朝市｜みなと便り</title></head><body><article>"
            "<h1>港の朝市が日曜も開催へ</h1><p>公開日：2025年3月5日</p><p>港の朝市が日曜にも開かれます。</p>"
            "<h2>いつから?</h2><p>Q. 日曜の朝市はいつから?</p><p>A. 7月から</p>"
            f"<aside class='ref'><p>出典記事</p><p><a href='{_URL}'>港の朝市、日曜も開催へ</a></p>"
            "<p>組合は日曜の朝市を7月から始める。</p><p>港日報 | 2025.03.04</p></aside>"
            "<p>観光客の増加が背景にあるそうです。</p></article></body></html>")
    [section] = digest_of(import_text(tmp_path, "asaichi.html", page)).sections
    assert section.heading == "いつから?"
    [card] = section.sources
    assert (card.title, card.publisher, str(card.url)) == ("港の朝市、日曜も開催へ", "港日報", _URL)


def test_a_title_link_card_whose_parts_are_wrapped_twice_is_still_a_card() -> None:
    def wrapped(block: str) -> str:
        return f"<div><div>{block}</div></div>"
    lines = _lines("<section class='src'>" + wrapped(f"<h4><a href='{_URL}'>港の朝市、日曜も開催へ</a></h4>")
                   + wrapped("<p>組合は日曜の朝市を7月から始める。</p>") + wrapped("<p>港日報 | 2025.03.04</p>")
                   + "</section>")
    assert lines[1:4] == ["港の朝市、日曜も開催へ", "・組合は日曜の朝市を7月から始める。", f"→ 港日報 | 2025.03.04 {_URL}"]
