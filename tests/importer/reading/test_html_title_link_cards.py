"""A card printed in a list item broken into lines by <br> keeps each line's own mark; a card whose
headline is its only link, with a summary and its source under it, gets its link line from that link."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_DATED_ITEM = ("<ul class='n-list'><li class='n-item'><span>配信：2024年10月2日 21時40分</span><br>"
               "<span>港の朝市、日曜も開催へ</span><br><span>◇ 組合は日曜の朝市を7月から始める。</span><br>"
               "<span>続きを読む → みなと日報 <a href='https://minato.example.jp/n/5'>https://minato.example.jp/n/5</a>"
               "</span></li></ul>")


def test_a_list_item_broken_into_lines_is_a_box_of_lines_not_one_bullet() -> None:
    lines = [line.text for line in read_html(f"<html><body><main>{_DATED_ITEM}</main></body></html>",
                                             ImportReport("page.html"))]
    assert lines == ["配信：2024年10月2日 21時40分", "港の朝市、日曜も開催へ", "◇ 組合は日曜の朝市を7月から始める。",
                     "続きを読む → みなと日報 https://minato.example.jp/n/5"]


def _headline_box(tag: str, label: str = "") -> str:
    return (f"<{tag} class='pick'>{label}<p><a href='https://tabi.example.com/lp?id=3'>冬の島旅、いまなら宿泊が半額に</a></p>"
            "<p>◇ 予約はかんたん1分で終わります。</p><p>◇ 先着100名さまに限ります。</p><p>たびナビ</p></{tag}>")


def test_a_box_whose_headline_is_its_only_link_reads_as_a_card_with_its_source_on_the_link_line() -> None:
    for box in (_headline_box("div"), _headline_box("section", "<span class='tag'>広告</span>")):
        lines = [line.text for line in read_html(f"<html><body><main><p>本文です。</p>{box}</main></body></html>",
                                                 ImportReport("page.html"))]
        assert lines[-4:] == ["冬の島旅、いまなら宿泊が半額に", "◇ 予約はかんたん1分で終わります。", "◇ 先着100名さまに限ります。",
                              "→ たびナビ https://tabi.example.com/lp?id=3"]


def test_a_card_whose_date_line_stands_over_its_headline_link_reads_as_one() -> None:
    item = ("<ul><li><span>配信：2024年10月2日</span><br><span><a href='https://minato.example.jp/n/5'>"
            "港の朝市、日曜も開催へ　観光客増で</a></span><br><span>◇ 組合は日曜の朝市を7月から始める。</span><br>"
            "<span>みなと日報</span></li></ul>")
    lines = [line.text for line in read_html(f"<html><body><main>{item}</main></body></html>", ImportReport("p"))]
    assert lines == ["配信：2024年10月2日", "港の朝市、日曜も開催へ　観光客増で", "◇ 組合は日曜の朝市を7月から始める。",
                     "→ みなと日報 https://minato.example.jp/n/5"]


def test_a_list_of_headline_links_with_dates_is_no_card() -> None:
    entries = "".join(f"<li><a href='https://news.example.jp/{number}'>港町の朝市、{number}回目の日曜開催</a>"
                      f"<span>2024.10.{number}</span></li>" for number in (1, 2, 3))
    lines = [line.text for line in read_html(f"<html><body><main><ul>{entries}</ul></main></body></html>",
                                             ImportReport("page.html"))]
    assert not any(line.startswith("→") for line in lines)


def test_a_link_previews_unmarked_summary_under_its_headline_reads_as_the_cards_bullet() -> None:
    # A link preview: the headline is the link, the summary a paragraph of its own with no mark, the
    # source last. A text dump marks the summary as a bullet, so it is the card's, not the page's text.
    preview = ("<section class='embed'><h4><a href='https://umi.example.org/r/88'>沿岸の海水温、平年より2度高く</a></h4>"
               "<div class='embed-text'>気象台によると、沿岸の海水温は平年を2度上回った。漁への影響が心配されている。</div>"
               "<div class='embed-src'>うみ日報｜2024年8月3日</div></section>")
    lines = [line.text for line in read_html(f"<html><body><main><p>本文です。</p>{preview}<p>次の段落です。</p>"
                                             "</main></body></html>", ImportReport("page.html"))]
    assert lines[1:4] == ["沿岸の海水温、平年より2度高く",
                          "・気象台によると、沿岸の海水温は平年を2度上回った。漁への影響が心配されている。",
                          "→ うみ日報｜2024年8月3日 https://umi.example.org/r/88"]


def test_a_definition_list_whose_term_is_the_headline_link_is_a_card() -> None:
    card = ("<dl class='pick'><dt><a href='https://umi.example.org/r/91'>漁港の新しい競り場が完成、見学も可能に</a></dt>"
            "<dd>漁協は新しい競り場の完成を発表した。週末は見学もできる。</dd><dd>うみ日報 2024/9/14</dd></dl>")
    lines = [line.text for line in read_html(f"<html><body><main><p>本文です。</p>{card}</main></body></html>",
                                             ImportReport("page.html"))]
    assert lines[1:] == ["漁港の新しい競り場が完成、見学も可能に", "・漁協は新しい競り場の完成を発表した。週末は見学もできる。",
                         "→ うみ日報 2024/9/14 https://umi.example.org/r/91"]
