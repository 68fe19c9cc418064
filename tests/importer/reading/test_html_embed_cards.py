"""A card embedded as one link whose parts sit in wrappers (title, summary, the site's host, a picture)
reads as its text dump's card, and the host alone names no publisher; a link line the page prints
under the embed for the same URL is the card's one link line."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_EMBED = ("<div class='zz'><a href='https://www.minato-nippo.example.jp/n/5'><div class='w1'><div class='w2'>"
          "<h2>港の朝市、日曜も開催へ</h2><div class='w3'><h3>◇ 組合は日曜の朝市を7月から始める。</h3>"
          "<h3>◇ 観光客は去年の1.5倍に増えた。</h3></div><div class='w4'><p>minato-nippo.example.jp</p></div></div>"
          "<div class='w5'><img src='x.jpg' alt=''></div></div></a></div>")


def _lines(body: str, report: ImportReport | None = None) -> list[str]:
    return [line.text for line in read_html(f"<html><body><main>{body}</main></body></html>",
                                            report or ImportReport("page.html"))]


def test_an_embedded_card_in_wrappers_reads_as_title_summary_and_link_line_without_its_host() -> None:
    assert _lines(f"<p>朝市が変わります。</p>{_EMBED}<p>うれしいですね。</p>") == [
        "朝市が変わります。", "港の朝市、日曜も開催へ", "◇ 組合は日曜の朝市を7月から始める。", "◇ 観光客は去年の1.5倍に増えた。",
        "→ https://www.minato-nippo.example.jp/n/5", "うれしいですね。"]


def test_the_pages_own_link_line_under_the_embed_is_the_cards_link_line() -> None:
    lines = _lines(f"{_EMBED}<p>続きを読む → みなと日報 <a href='https://www.minato-nippo.example.jp/n/5'>"
                   "https://www.minato-nippo.example.jp/n/5</a></p>")
    assert lines[-2:] == ["◇ 観光客は去年の1.5倍に増えた。", "続きを読む → みなと日報 https://www.minato-nippo.example.jp/n/5"]
