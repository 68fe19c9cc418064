"""A whole card printed as a table of labelled fields (its URL one of them, its summary a field or the
list right after the table), and a card printed as a quotation whose footer cites its source, read
as a text dump prints a card: the title, the summary bullets, the link line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text

_URL = "https://hokuriku-times.example.jp/np/2025/1104?id=88&amp;p=2"
_HREF = "https://hokuriku-times.example.jp/np/2025/1104?id=88&p=2"


def _lines(body: str) -> list[str]:
    return [line.text for line in read_html(f"<html><body><main>{body}</main></body></html>", ImportReport("p.html"))]


def _fields_table(*rows: tuple[str, str]) -> str:
    return "<table class='srcbox'>" + "".join(f"<tr><td class='k'>{label}</td><td>{value}</td></tr>"
                                              for label, value in rows) + "</table>"


_PRINTED_URL = f"<a href='{_URL}'>{_URL}</a>"


def test_a_table_of_labelled_fields_with_its_printed_url_and_a_summary_field_is_a_card() -> None:
    table = _fields_table(("題", "雪下ろし中の転落事故が相次ぐ　県が注意呼びかけ"), ("発行", "北陸タイムス"),
                          ("更新", "2025/11/04"), ("あらまし", "屋根からの転落事故が今月だけで5件起きた。<br>県は命綱の使用を呼びかけている。"),
                          ("リンク先", _PRINTED_URL))
    assert _lines(table) == ["雪下ろし中の転落事故が相次ぐ　県が注意呼びかけ",
                             "・屋根からの転落事故が今月だけで5件起きた。", "・県は命綱の使用を呼びかけている。",
                             f"→ 北陸タイムス 2025/11/04 {_HREF}"]


def test_the_summary_list_printed_after_a_card_table_comes_before_its_link_line() -> None:
    table = _fields_table(("題", "雪下ろし中の転落事故が相次ぐ　県が注意呼びかけ"), ("更新", "2025年11月4日"),
                          ("発行", "北陸タイムス"), ("リンク先", _PRINTED_URL))
    summary = "<ol class='pts'><li>屋根からの転落事故が今月だけで5件起きた。</li><li>県は命綱の使用を呼びかけている。</li></ol>"
    lines = _lines(table + summary + "<p>毎年のことですが、気をつけたいですね。</p>")
    assert lines == ["雪下ろし中の転落事故が相次ぐ　県が注意呼びかけ",
                     "1. 屋根からの転落事故が今月だけで5件起きた。", "2. 県は命綱の使用を呼びかけている。",
                     f"→ 北陸タイムス 2025年11月4日 {_HREF}", "毎年のことですが、気をつけたいですね。"]


def test_a_list_after_a_card_table_with_a_summary_field_is_the_pages_own() -> None:
    table = _fields_table(("題", "雪下ろし中の転落事故が相次ぐ　県が注意呼びかけ"), ("更新", "2025年11月4日"),
                          ("あらまし", "屋根からの転落事故が今月だけで5件起きた。"), ("リンク先", _PRINTED_URL))
    points = "<ul><li>命綱をつける。</li><li>二人以上で作業する。</li></ul>"
    assert _lines(table + points) == ["雪下ろし中の転落事故が相次ぐ　県が注意呼びかけ", "・屋根からの転落事故が今月だけで5件起きた。",
                                      f"→ 2025年11月4日 {_HREF}", "・命綱をつける。", "・二人以上で作業する。"]


def test_a_table_of_facts_with_a_web_link_but_no_date_or_summary_stays_as_it_is() -> None:
    facts = _fields_table(("所在地", "雪見町3-1"), ("営業時間", "午前10時から午後6時まで"),
                          ("公式", "<a href='https://yukimi.example.jp/'>https://yukimi.example.jp/</a>"))
    assert _lines(facts)[:2] == ["所在地", "雪見町3-1"]


_QUOTE_WITH_PRINTED_URL = f"""<blockquote class="q">
<p class="q-head">冬季の通行止め区間、今年は延長へ　峠道の除雪体制見直し</p>
<p>県は峠道の冬季通行止め区間を、今季から約3キロ延長すると発表した。</p>
<p>除雪車の運転手不足が続き、体制の見直しを迫られた。</p>
<footer>― <cite>北陸タイムス</cite>［2025年11月2日］<br><a href="{_URL}">{_URL}</a></footer>
</blockquote>"""

_QUOTE_CITING_ITS_TITLE = f"""<blockquote>
<p>県は峠道の冬季通行止め区間を、今季から約3キロ延長すると発表した。</p>
<footer><cite><a href="{_URL}">冬季の通行止め区間、今年は延長へ</a></cite> (北陸タイムス 2025/11/02)</footer>
</blockquote>"""


def test_a_quote_whose_footer_cites_its_source_and_prints_the_url_is_a_card() -> None:
    assert _lines(_QUOTE_WITH_PRINTED_URL) == [
        "冬季の通行止め区間、今年は延長へ　峠道の除雪体制見直し",
        "・県は峠道の冬季通行止め区間を、今季から約3キロ延長すると発表した。", "・除雪車の運転手不足が続き、体制の見直しを迫られた。",
        f"→ ― 北陸タイムス ［2025年11月2日］ {_HREF}"]


def test_a_quote_whose_cite_is_the_linked_title_is_a_card_with_the_rest_of_the_footer_its_source() -> None:
    assert _lines(_QUOTE_CITING_ITS_TITLE) == [
        "冬季の通行止め区間、今年は延長へ", "・県は峠道の冬季通行止め区間を、今季から約3キロ延長すると発表した。",
        f"→ (北陸タイムス 2025/11/02) {_HREF}"]


def test_a_quote_block_ending_in_a_cite_of_publisher_date_and_printed_url_is_a_card() -> None:
    quote = ("<blockquote class='wp-block-quote'><p>除雪車の運転手、県内で2割不足</p>"
             "<p>県内の除雪業者のうち、運転手が足りないと答えた業者が2割にのぼった。</p>"
             f"<cite>北陸タイムス 2025/11/01 <a href='{_URL}'>{_URL}</a></cite></blockquote>")
    assert _lines(quote) == ["除雪車の運転手、県内で2割不足", "・県内の除雪業者のうち、運転手が足りないと答えた業者が2割にのぼった。",
                             f"→ 北陸タイムス 2025/11/01 {_HREF}"]


def test_a_figure_of_a_quote_and_its_cited_source_in_the_caption_is_a_card() -> None:
    figure = ("<figure class='src'><blockquote><p>除雪車の運転手、県内で2割不足</p>"
              "<p>県内の除雪業者のうち、運転手が足りないと答えた業者が2割にのぼった。</p></blockquote>"
              f"<figcaption>— <cite>北陸タイムス</cite>、2025年11月1日 <a href='{_URL}'>{_URL}</a></figcaption></figure>")
    assert _lines(figure) == ["除雪車の運転手、県内で2割不足", "・県内の除雪業者のうち、運転手が足りないと答えた業者が2割にのぼった。",
                              f"→ — 北陸タイムス 、2025年11月1日 {_HREF}"]


def test_a_quoted_passage_citing_a_book_without_a_link_stays_as_it_is() -> None:
    passage = ("<blockquote><p>雪は天から送られた手紙である。</p><footer>― <cite>中谷宇吉郎『雪』</cite></footer>"
               "</blockquote>")
    assert _lines(passage) == ["雪は天から送られた手紙である。", "― 中谷宇吉郎『雪』"]


_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>峠道の冬支度 | ゆきぐにメモ</title></head>
<body><main><article>
<h1>峠道の冬支度、今年は何が変わる？</h1>
<p class="date">2025年11月6日</p>
<p>冬が近づき、峠道の通行止めや雪下ろしの話題が増えてきました。</p>
<h2>通行止めの延長</h2>
<p>どこが変わるの？</p>
<p>峠道の通行止め区間が延びる</p>
{_QUOTE_WITH_PRINTED_URL}
<p>除雪の担い手不足は深刻なようです。</p>
<h2>雪下ろしの事故</h2>
<p>事故は増えているの？</p>
<p>今月だけで5件</p>
{_fields_table(("題", "雪下ろし中の転落事故が相次ぐ　県が注意呼びかけ"), ("発行", "北陸ニュース"), ("更新", "2025/11/04"),
               ("リンク先", "<a href='https://hokuriku-news.example.jp/a/5521'>https://hokuriku-news.example.jp/a/5521</a>"))}
<ul><li>屋根からの転落事故が今月だけで5件起きた。</li><li>県は命綱の使用を呼びかけている。</li></ul>
<p>一人での作業は避けたいですね。</p>
</article></main></body></html>"""


def test_a_page_of_a_quote_card_and_a_card_table_imports_each_card_with_its_source(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "touge.html", _PAGE))
    cards = [[(card.title, card.publisher, card.published, card.url, len(card.summary)) for card in section.sources]
             for section in article.sections]
    assert cards == [
        [("冬季の通行止め区間、今年は延長へ　峠道の除雪体制見直し", "北陸タイムス", dt.date(2025, 11, 2), _HREF, 2)],
        [("雪下ろし中の転落事故が相次ぐ　県が注意呼びかけ", "北陸ニュース", dt.date(2025, 11, 4),
          "https://hokuriku-news.example.jp/a/5521", 2)]]
