"""A card's link line that prints the source's name and date in brackets glued to the URL: a URL's
own brackets close within it ('…/Foo_(bar)'); one that does not opens the name and date after it."""

from __future__ import annotations

import datetime as dt

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link


@pytest.mark.parametrize(("line", "url", "publisher", "published"), [
    ("引用元:https://www.umibe-nippo.example.jp/local/20250304.html(うみべ日報、2025年3月4日)",
     "https://www.umibe-nippo.example.jp/local/20250304.html", "うみべ日報", dt.date(2025, 3, 4)),
    ("出典：https://news.example-tv.jp/a/7788(テレビみなと 2025/11/02)",
     "https://news.example-tv.jp/a/7788", "テレビみなと", dt.date(2025, 11, 2)),
    ("出典：https://www.example-mura.lg.jp/kurashi/(村役場)", "https://www.example-mura.lg.jp/kurashi/", "村役場", None),
])
def test_a_bracket_the_url_does_not_close_holds_the_name_and_date(
        line: str, url: str, publisher: str, published: dt.date | None) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.url, link.publisher, link.published) == (url, publisher, published)
    assert link.glued_text == ""


def test_a_urls_own_brackets_stay_in_it() -> None:
    link = read_card_link("出典：https://en.example.org/wiki/Minato_(novel)(図書新報)")
    assert link is not None
    assert (link.url, link.publisher) == ("https://en.example.org/wiki/Minato_(novel)", "図書新報")


@pytest.mark.parametrize(("line", "url", "publisher", "published"), [
    # A quotation's credit line, led by a dash.
    ("— 港日報 2025.3.4 https://www.minato-nippo.example.jp/n/5", "https://www.minato-nippo.example.jp/n/5",
     "港日報", dt.date(2025, 3, 4)),
    # The name and its bracketed date after the URL, a space between.
    ("https://www.minato-nippo.example.jp/n/6 みなと新聞(2025年8月3日)", "https://www.minato-nippo.example.jp/n/6",
     "みなと新聞", dt.date(2025, 8, 3)),
    # A URL alone on its line but for the source's name glued to it in brackets.
    ("https://www.pref-kyoiku.example.lg.jp/shien/(県教育委員会)", "https://www.pref-kyoiku.example.lg.jp/shien/",
     "県教育委員会", None),
])
def test_a_credit_line_names_its_source_around_the_url(
        line: str, url: str, publisher: str, published: dt.date | None) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.url, link.publisher, link.published) == (url, publisher, published)


@pytest.mark.parametrize(("line", "publisher"), [
    ("→ スポンサードリンク https://click.adnet.example.com/c?id=7", "スポンサードリンク"),  # the word ends the name
    ("続きを読む → 港日報 リンク https://www.minato-nippo.example.jp/n/5", "港日報"),  # set apart: the link's word
])
def test_link_as_a_word_apart_is_the_links_and_glued_on_is_the_names(line: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None and link.publisher == publisher
