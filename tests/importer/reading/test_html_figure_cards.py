"""A figure quoting an article with its link first (title and URL) and its source, date and summary in the caption after it reads as a card; a widget-named box inside a figure is part of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _figure(url: str, title: str, publisher: str, date: str, bullets: tuple[str, ...]) -> str:
    items = "".join(f"<li>◇ {bullet}</li>" for bullet in bullets)
    return (f"<figure class='emb'><div class='link-card-widget'><a href='{url}'><b>{title}</b>"
            f"<em>{url}</em></a></div><figcaption><cite>{publisher}</cite> <span>{date}</span>"
            f"<ul>{items}</ul></figcaption></figure>")


def test_a_figure_whose_link_comes_first_is_closed_by_its_link_line_naming_the_cited_publisher() -> None:
    report = ImportReport("page.html")
    figure = _figure("https://minato.example.jp/n/1", "朝市、6月に再開へ", "港新聞", "2025/5/30",
                     ("漁協は朝市を6月に再開すると発表した。",))
    lines = [line.text for line in read_html(f"<html><body><main>{figure}</main></body></html>", report)]
    assert lines == ["朝市、6月に再開へ", "港新聞 2025/5/30", "◇ 漁協は朝市を6月に再開すると発表した。",
                     "→ 港新聞 https://minato.example.jp/n/1"]
    assert [(item.rule, item.line.text) for item in report.dropped] == [
        ("card-link-url", "https://minato.example.jp/n/1")]


def test_a_figure_closing_its_card_with_a_link_line_of_its_own_is_read_as_it_stands() -> None:
    figure = ("<figure><a href='https://minato.example.jp/n/1'>朝市、6月に再開へ</a><p>◇ 漁協は朝市を再開する。</p>"
              "<p><a href='https://minato.example.jp/n/1'>続きを読む</a> 港新聞</p></figure>")
    lines = [line.text for line in read_html(f"<html><body><main>{figure}</main></body></html>",
                                             ImportReport("page.html"))]
    assert lines == ["朝市、6月に再開へ", "◇ 漁協は朝市を再開する。", "続きを読む 港新聞 https://minato.example.jp/n/1"]


PAGE = """<html><head><meta charset="utf-8"><title>港町の朝市、再開へ｜港町だより</title></head><body>
<main><div class="head"><div class="info"><a href="/u/minato">港町だより</a>
<time datetime="2025-06-02T08:00:00+09:00">2025年6月2日 08:00</time> <a href="/m/1">連載：海辺の暮らし</a></div>
<h1>港町の朝市、再開へ　三年ぶりに</h1></div>
<div class="body">
<p>港町の朝市が三年ぶりに再開されることになりました。</p>
<h2>朝市はいつ始まる？</h2>
<p><b>再開の日はいつ？</b></p>
<p>6月の第一日曜日から</p>
{first}
<p>久しぶりのにぎわいが楽しみですね。</p>
{second}
<p>魚だけでなく野菜も並ぶそうです。</p>
</div></main></body></html>"""


def test_a_page_of_figure_cards_and_a_date_set_between_names_above_the_title(tmp_path: Path) -> None:
    first = _figure("https://minato.example.jp/n/1", "朝市、6月に再開へ", "港新聞", "2025/5/30",
                    ("漁協は朝市を6月の第一日曜日に再開すると発表した。", "出店は二十店ほどになる。"))
    second = _figure("https://umi.example.jp/a/7", "朝市に農家も出店　野菜や果物も", "海辺タイムス", "2025年5月31日",
                     ("地元の農家も朝市に出店する。",))
    result = import_text(tmp_path, "page.html", PAGE.format(first=first, second=second))
    article = digest_of(result)
    assert article.date == dt.date(2025, 6, 2)
    assert [(card.title, card.publisher, card.published, card.url) for card in article.sections[0].sources] == [
        ("朝市、6月に再開へ", "港新聞", dt.date(2025, 5, 30), "https://minato.example.jp/n/1"),
        ("朝市に農家も出店　野菜や果物も", "海辺タイムス", dt.date(2025, 5, 31), "https://umi.example.jp/a/7")]
    assert article.sections[0].sources[0].summary == (
        "漁協は朝市を6月の第一日曜日に再開すると発表した。", "出店は二十店ほどになる。")


def test_a_figure_whose_link_a_rule_dropped_gets_no_link_line() -> None:
    figure = ("<figure><div hidden><a href='https://minato.example.jp/n/1'><b>朝市、6月に再開へ</b></a></div>"
              "<figcaption><cite>港新聞</cite><ul><li>◇ 漁協は朝市を再開する。</li></ul></figcaption></figure>")
    lines = [line.text for line in read_html(f"<html><body><main>{figure}</main></body></html>",
                                             ImportReport("page.html"))]
    assert lines == ["港新聞", "◇ 漁協は朝市を再開する。"]


def test_a_bookmark_figure_without_a_cite_names_the_publisher_the_card_scorer_reads_beside_its_date() -> None:
    # A link around the whole bookmark: its headline, a sentence of summary, a metadata row of a category word
    # and the site's name, then the caption's date. The name beside the date is the publisher, not the category.
    figure = ("<figure><a href='https://hama.example.jp/r/9'><div><div>港の倉庫街がカフェの町に変わるまで</div>"
              "<div>古い倉庫を改装した店が十軒を超え、週末には行列もできている。</div>"
              "<div><span>まちづくり</span><span>浜辺経済ジャーナル</span></div></div></a>"
              "<figcaption>2025年3月4日</figcaption></figure>")
    lines = [line.text for line in read_html(f"<html><body><main>{figure}</main></body></html>",
                                             ImportReport("page.html"))]
    assert "→ 浜辺経済ジャーナル https://hama.example.jp/r/9" in lines
