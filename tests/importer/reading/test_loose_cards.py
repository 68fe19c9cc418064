"""A block of lines read as a card by its fields alone (``reading.cards.text.loose_cards``): one web address, a
headline-like title and a publisher or a date; prose with a link in it is no card."""

from __future__ import annotations

import datetime as dt

from kiku.importer.page import Line
from kiku.importer.reading.cards.text.loose_cards import loose_card


def _block(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=40)]


def test_title_publisher_and_date_over_a_bare_address_read_as_a_card() -> None:
    card = loose_card(_block("漁港の朝市、観光客向けに日曜も開催へ", "しおかぜ新報 2025-03-02",
                             "https://shiokaze.example.jp/local/2025/0302-asaichi"))
    assert card is not None
    assert (card.title, card.reading.publisher and card.reading.publisher.text, card.reading.published, card.url) \
        == ("漁港の朝市、観光客向けに日曜も開催へ", "しおかぜ新報", dt.date(2025, 3, 2),
            "https://shiokaze.example.jp/local/2025/0302-asaichi")
    # Written as a text dump prints a card: the title, then the link line at the address's line.
    assert card.card.lines == (("漁港の朝市、観光客向けに日曜も開催へ", 40),
                               ("→ しおかぜ新報 2025-03-02 https://shiokaze.example.jp/local/2025/0302-asaichi", 42))


def test_fields_on_one_line_in_another_order_with_a_label_read_as_a_card() -> None:
    card = loose_card(_block("2025/1/9 ｜ 〈参照〉https://hikari.example.com/n/1188 ｜ 県立図書館、夜9時まで開館を延長 ｜ "
                             "ひかり日日"))
    assert card is not None
    assert (card.title, card.reading.published) == ("県立図書館、夜9時まで開館を延長", dt.date(2025, 1, 9))


def test_summary_sentences_under_the_title_stay_the_cards() -> None:
    card = loose_card(_block("駅前の駐輪場、有料化の方針", "北浜タイムズ 2025年4月1日",
                             "市は駅前の駐輪場を来年度から有料にする方針を示した。",
                             "https://kitahama.example.jp/a/5521"))
    assert card is not None
    assert [field.text for field in card.reading.summary] == ["市は駅前の駐輪場を来年度から有料にする方針を示した。"]


def test_prose_with_one_link_in_it_is_no_card() -> None:
    assert loose_card(_block("申し込みの方法は市のサイト https://city.example.lg.jp/apply に載っていて、"
                             "2025年5月10日まで受け付けるそうです。")) is None
    assert loose_card(_block("会場の地図はこちらです。", "https://city.example.lg.jp/map")) is None


def test_a_sentence_over_the_title_or_a_second_address_is_no_card() -> None:
    assert loose_card(_block("先週から話題になっていました。", "漁港の朝市、観光客向けに日曜も開催へ",
                             "しおかぜ新報 2025-03-02", "https://shiokaze.example.jp/a/1")) is None
    assert loose_card(_block("漁港の朝市、観光客向けに日曜も開催へ", "しおかぜ新報 2025-03-02",
                             "https://shiokaze.example.jp/a/1", "https://shiokaze.example.jp/a/2")) is None


def test_a_list_items_number_is_no_publisher_and_a_name_with_a_date_is_an_untitled_card() -> None:
    card = loose_card(_block("3. https://kyokai.example.or.jp/report/0412（出典元：全国里山保全協会、令和７年４月１２日）"))
    assert card is not None
    assert (card.title, card.reading.publisher and card.reading.publisher.text, card.reading.published) \
        == (None, "全国里山保全協会", dt.date(2025, 4, 12))
    # The bracket the note closed is not left on the link line.
    assert card.card.lines == (("→ 全国里山保全協会 令和７年４月１２日 https://kyokai.example.or.jp/report/0412", 40),)


def test_a_short_line_reading_as_much_as_a_name_titles_no_card() -> None:
    assert loose_card(_block("関連記事 リンク枠", "提供元：みなと観光協会", "2025年3月22日",
                             "https://minato-kanko.example.or.jp/info/bus")) is None
