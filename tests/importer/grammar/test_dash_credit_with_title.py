"""A quotation's credit led by a dash may name the quoted work before its source: '— title、publisher（date）'.
The name after the last comma is the publisher, the text before it the card's title; in a saved page the
credit closes a figure with a link label after it, and however long the title, it is the card's link line."""

from __future__ import annotations

import datetime as dt

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def test_the_name_after_the_credits_last_comma_is_the_publisher() -> None:
    card = read_card_link("全文 → ― 港湾物流の脱炭素化に向けた検討会、報告書の概要、北海港湾局（2025年3月14日） https://port.example.jp/r/314")
    assert card is not None
    assert (card.publisher, card.title, card.published) == (
        "北海港湾局", "港湾物流の脱炭素化に向けた検討会、報告書の概要", dt.date(2025, 3, 14))


def test_a_comma_between_two_short_names_is_no_credit() -> None:
    card = read_card_link("全文 → 北海港湾局、市港湾課 https://port.example.jp/r/314")
    assert card is not None
    assert card.title is None


def test_a_long_dashed_credit_before_a_link_label_is_the_cards_link_line() -> None:
    figure = ("<figure><blockquote><p>湾内の水温は平年より二度高かった。</p></blockquote><figcaption>— "
              "<cite>Sea surface temperature anomalies along the northern coast in late summer</cite>、"
              "Bulletin of Example Ocean Studies（2025年9月2日）　"
              "<a href=\"https://doi.example.org/10.1/ocean.2025\">原文を読む</a></figcaption></figure>")
    lines = [line.text for line in read_html(f"<html><body><main>{figure}</main></body></html>", ImportReport("p"))]
    card = read_card_link(lines[-1])
    assert card is not None
    assert (card.url, card.publisher) == ("https://doi.example.org/10.1/ocean.2025", "Bulletin of Example Ocean Studies")
