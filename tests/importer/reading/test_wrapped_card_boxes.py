"""A card box whose headline and source line sit in wrappers of their own (a component framework's
extra <div>s) is the same card: a wrapper holding nothing but what it wraps does not count as a level
between the headline's link and its box."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_CARD = ('<aside><div><div><p><a href="https://kaigan.example.jp/n/7731">渡し船が40年ぶりに復活、週末に運航</a>'
         "<br>海岸日報 / 2025.04.02</p></div></div>"
         "<ol><li>対岸の集落と港を結ぶ渡し船が、週末に限って運航を再開する。</li>"
         "<li>運賃は大人200円で、自転車も載せられる。</li></ol></aside>")


def test_a_headline_and_source_wrapped_twice_head_their_card() -> None:
    lines = [line.text for line in read_html(f"<html><body><article><h1>渡し船の話</h1>{_CARD}</article></body></html>",
                                             ImportReport("page.html"))]
    assert lines[1:] == ["渡し船が40年ぶりに復活、週末に運航",
                         "・対岸の集落と港を結ぶ渡し船が、週末に限って運航を再開する。",
                         "・運賃は大人200円で、自転車も載せられる。",
                         "→ 海岸日報 / 2025.04.02 https://kaigan.example.jp/n/7731"]


def test_a_wrapper_holding_a_label_beside_the_card_keeps_the_label_over_it() -> None:
    # Past the headline reader's levels, the card is still read by its shape (``cards.link_boxes``): the
    # box's label stays a line of its own over the card.
    padded = _CARD.replace("<div><div><p>", "<div><span>特集</span><div><p>", 1)
    lines = [line.text for line in read_html(f"<html><body><article><h1>渡し船の話</h1>{padded}</article></body></html>",
                                             ImportReport("page.html"))]
    assert lines[1:] == ["特集", "渡し船が40年ぶりに復活、週末に運航",
                         "・対岸の集落と港を結ぶ渡し船が、週末に限って運航を再開する。",
                         "・運賃は大人200円で、自転車も載せられる。",
                         "→ 海岸日報 / 2025.04.02 https://kaigan.example.jp/n/7731"]


def test_a_quoted_cards_title_and_date_broken_by_br_are_two_lines() -> None:
    quote = ("<blockquote><p>渡し船が40年ぶりに復活<br>2025年4月2日</p>"
             "<ul><li>対岸の集落と港を結ぶ渡し船が、週末に運航を再開する。</li></ul>"
             '<p>出典：<cite>海岸日報</cite> <a href="https://kaigan.example.jp/n/7731">https://kaigan.example.jp/n/7731</a>'
             "</p></blockquote>")
    lines = [line.text for line in read_html(f"<html><body><article><h1>渡し船の話</h1>{quote}</article></body></html>",
                                             ImportReport("page.html"))]
    assert lines[1:3] == ["渡し船が40年ぶりに復活", "2025年4月2日"]
    assert lines[-1].endswith("https://kaigan.example.jp/n/7731")


_PASSAGE = "".join(f"<p>週末の{day}曜日にも、渡し船は港と集落を結びます。</p>" for day in "月火水木金土日")


def test_a_tables_header_row_names_its_columns_and_is_no_field() -> None:
    table = ("<table><thead><tr><th>掲載日</th><th>媒体</th><th>見出し</th></tr></thead><tbody><tr>"
             "<td>2025.04.02</td><td>海岸日報</td><td><a href='https://kaigan.example.jp/n/7731'>"
             "渡し船が40年ぶりに復活、週末に運航</a><br>対岸の集落と港を結ぶ渡し船が、週末に運航を再開する。</td>"
             "</tr></tbody></table>")
    lines = [line.text for line in read_html(f"<html><body><article><h1>渡し船の話</h1><p>渡し船が戻ります。</p>{table}"
                                             f"{_PASSAGE}</article></body></html>",
                                             ImportReport("page.html"))]
    assert "→ 2025.04.02 海岸日報 https://kaigan.example.jp/n/7731" in lines


def test_an_undated_row_of_a_header_table_of_dated_cards_is_a_card_too() -> None:
    # The table's template prints every row a card; a sponsor's row leaves its date cell a dash.
    rows = ("<tr><td>海岸日報</td><td>渡し船が40年ぶりに復活、週末に運航</td><td>2025.04.02</td>"
            "<td><a href='https://kaigan.example.jp/n/7731'>https://kaigan.example.jp/n/7731</a></td></tr>"
            "<tr><td>しおかぜ旅行</td><td>【PR】週末の島めぐりツアー、今なら早割</td><td>―</td>"
            "<td><a href='https://shiokaze.example.com/tour?ref=k'>https://shiokaze.example.com/tour?ref=k</a></td></tr>")
    table = f"<table><thead><tr><th>媒体</th><th>見出し</th><th>掲載日</th><th>URL</th></tr></thead><tbody>{rows}</tbody></table>"
    lines = [line.text for line in read_html(f"<html><body><article><h1>渡し船の話</h1><p>渡し船が戻ります。</p>{table}"
                                             f"{_PASSAGE}</article></body></html>", ImportReport("page.html"))]
    assert "→ しおかぜ旅行 https://shiokaze.example.com/tour?ref=k" in lines
    assert "【PR】週末の島めぐりツアー、今なら早割" in lines
