"""A card's head and meta lines: its date line (an age, a publisher before or after the date), a publisher printed before its title, the variants on a whole page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.cards.card_meta import CardDate, card_date, in_year_of
from kiku.importer.grammar.cards.card_titles import date_before_title, publisher_before_title
from kiku.importer.grammar.lines.features import line_features
from kiku.importer.grammar.lines.publisher_passes import with_card_publishers
from kiku.importer.layouts.labels import fold
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def test_a_card_date_line_may_be_an_age_or_carry_the_publisher_before_the_date() -> None:
    assert card_date("川辺新聞・2025年4月3日") == CardDate(dt.date(2025, 4, 3), "川辺新聞")
    assert card_date("川辺新聞・2日前") == CardDate(None, "川辺新聞")
    assert card_date("3時間前") == CardDate(None, None)
    assert card_date("昨日 18:02") == CardDate(None, None)
    assert card_date("(2025/3/19 15:30)") == CardDate(dt.date(2025, 3, 19), None)
    assert card_date("雨は3日前から降り続いている。") is None
    assert card_date("ああ、いい・2025年4月3日") is None


def test_a_publisher_printed_before_the_title_is_split_from_it() -> None:
    assert publisher_before_title("川辺新聞｜橋の架け替え、来春に着工") == ("川辺新聞", "橋の架け替え、来春に着工")
    assert publisher_before_title("橋の架け替え、来春に着工") is None


_CARD_VARIANTS_PAGE = """川辺の町、橋の架け替えへ
2025年4月5日
町を流れる川の古い橋が、来春から架け替えられます。
1．いつから工事？
工事はいつ始まる？
来年の春から
川辺新聞｜橋の架け替え、来春に着工
3時間前
・町は来年4月に古い橋の架け替え工事を始めると発表した。
・工事の間は仮の橋を使う。
続きを読む ⇒ 出典/画像元:
https://kawabe.example.jp/news/100
通学路が変わるので注意が必要ですね。
2．費用はどのくらい？
いくらかかる？
総額12億円
山里日報・2025年4月2日
・総事業費は12億円で、国が半分を補助する。
https://yamazato.example.jp/a/200
大きな事業になりそうです。
"""


def test_card_variants_read_into_cards_on_a_whole_page(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "hashi.txt", _CARD_VARIANTS_PAGE))
    assert [section.heading for section in article.sections] == ["いつから工事？", "費用はどのくらい？"]
    first, second = (section.sources[0] for section in article.sections)
    assert (first.title, first.publisher, first.url, first.published) == (
        "橋の架け替え、来春に着工", "川辺新聞", "https://kawabe.example.jp/news/100", None)
    assert (second.title, second.publisher, second.url, second.published) == (
        None, "山里日報", "https://yamazato.example.jp/a/200", dt.date(2025, 4, 2))


def test_a_card_date_may_name_the_publisher_after_it_or_give_no_year() -> None:
    assert card_date("2025年4月3日・川辺新聞") == CardDate(dt.date(2025, 4, 3), "川辺新聞")
    assert card_date("2025/04/03 | 川辺新聞") == CardDate(dt.date(2025, 4, 3), "川辺新聞")
    assert card_date("3/19(水) 15:30") == CardDate(None, None, (3, 19))
    assert card_date("3月19日 15:30配信") == CardDate(None, None, (3, 19))
    assert card_date("3/19") is None  # a bare month and day may be anything: a score, a ratio
    # A date's label before the month and day marks the line as a date line as well.
    assert card_date("掲載 12/28(土)") == CardDate(None, None, (12, 28))
    assert card_date("公開日：4/2") == CardDate(None, None, (4, 2))
    assert card_date("公開 4/2 の予定") is None


def test_a_card_dated_by_month_and_day_is_dated_in_the_pages_year_or_the_year_before() -> None:
    assert in_year_of((4, 2), dt.date(2025, 4, 5)) == dt.date(2025, 4, 2)
    assert in_year_of((12, 28), dt.date(2026, 1, 5)) == dt.date(2025, 12, 28)
    assert in_year_of((2, 30), dt.date(2026, 1, 5)) is None


_YEARLESS_CARD_DATES_PAGE = """峠のバス、冬ダイヤへ
掲載日 2026年1月5日
峠を越える路線バスが、冬のダイヤに切り替わりました。
減便はどのくらい？
何本減る？
1日4本
峠線、冬は1日4本に減便
掲載 12/28(土)
・峠を越える路線バスは、1月から3月まで1日4本に減る。
続きを読む ⇒ 高原日報 出典：https://kougen.example.jp/n/51
通学の足が心配です。
"""


def test_a_card_date_with_no_year_reads_the_year_from_the_pages_date(tmp_path: Path) -> None:
    result = _import(tmp_path, "touge.txt", _YEARLESS_CARD_DATES_PAGE)
    card = _digest(result).sections[0].sources[0]
    assert (card.title, card.published) == ("峠線、冬は1日4本に減便", dt.date(2025, 12, 28))
    assert ("line 8: the card's date prints no year (掲載 12/28(土)); read as 2025-12-28 by the page's date: "
            "check it") in result.report.warnings


_SHORT_TITLE_OVER_DATE = """川辺の町、橋の架け替えへ
2025年4月5日
町を流れる川の古い橋が、来春から架け替えられます。
1．いつから工事？
工事はいつ始まる？
来年の春から
仮橋を来月から歩行者に開放
掲載：2025年4月4日
・町は来月から仮の橋を歩行者に開放する。
・車は迂回路を通る。
続きを読む ⇒ https://kawabe.example.jp/news/101
通学路が変わるので注意が必要ですね。
"""


def test_a_short_headline_over_the_cards_date_line_is_its_title_not_its_publisher(tmp_path: Path) -> None:
    card = _digest(_import(tmp_path, "karihashi.txt", _SHORT_TITLE_OVER_DATE)).sections[0].sources[0]
    assert (card.title, card.publisher, card.published, card.url) == (
        "仮橋を来月から歩行者に開放", None, dt.date(2025, 4, 4), "https://kawabe.example.jp/news/101")


def test_a_name_shaped_line_is_a_cards_publisher_over_its_title_but_not_over_its_date_line() -> None:
    def publishers(texts: list[str]) -> list[str | None]:
        keys = [fold(text) for text in texts]
        features = with_card_publishers([line_features(texts, keys, index, keys[0]) for index in range(len(texts))])
        return [feature.card_date.publisher if feature.card_date else None for feature in features]

    link = ["・町は来月から仮の橋を歩行者に開放する。", "続きを読む ⇒ https://kawabe.example.jp/news/101"]
    assert publishers(["題", "川辺新聞", "仮橋を来月から歩行者に開放", *link])[1] == "川辺新聞"
    assert publishers(["題", "仮橋を来月から歩行者に開放", "掲載：2025年4月4日", *link])[1] is None


def test_a_publisher_set_off_its_date_by_a_space_is_the_cards_publisher() -> None:
    assert card_date("山並タイムズ 2024年11月2日") == CardDate(dt.date(2024, 11, 2), "山並タイムズ")
    assert card_date("2024/11/02 引用元 Mountain Post") == CardDate(dt.date(2024, 11, 2), "Mountain Post")
    assert card_date("2024/11/02 出典：峠の里ニュース") == CardDate(dt.date(2024, 11, 2), "峠の里ニュース")


def test_a_dates_label_or_category_beside_it_names_no_publisher() -> None:
    assert card_date("更新 2024/11/02") == CardDate(dt.date(2024, 11, 2), None)
    assert card_date("掲載日 2024/11/02") == CardDate(dt.date(2024, 11, 2), None)
    assert card_date("2024/11/02 【地域】") == CardDate(dt.date(2024, 11, 2), None)
    # glued to the date, the word may be the date's own or a name that begins with a label's word
    assert card_date("2024/11/02出典ナビ") != CardDate(dt.date(2024, 11, 2), "ナビ")
    assert card_date("2024年11月2日 峠道は夜から雪の予報で通行止め") is None


def test_a_sponsor_label_before_a_card_title_is_no_publisher() -> None:
    assert publisher_before_title("PR｜川辺の土地、いまいくら？") is None
    assert publisher_before_title("広告 | 川辺の土地、いまいくら？") is None


def test_a_cards_title_printed_after_its_date_is_split_from_it(tmp_path: Path) -> None:
    assert date_before_title("掲載日：令和7年3月2日 峠線、冬は1日4本に減便") == (
        "掲載日：令和7年3月2日", dt.date(2025, 3, 2), "峠線、冬は1日4本に減便")
    assert date_before_title("2025年3月2日 町は峠線の減便を決めた。") is None  # a sentence after a date is text
    page = _YEARLESS_CARD_DATES_PAGE.replace("峠線、冬は1日4本に減便\n掲載 12/28(土)\n",
                                             "掲載 2025/12/27 峠線、冬は1日4本に減便\n")
    result = _import(tmp_path, "touge.txt", page)
    card = _digest(result).sections[0].sources[0]
    assert (card.title, card.published) == ("峠線、冬は1日4本に減便", dt.date(2025, 12, 27))
    trimmed = [(item.rule, item.removed) for item in result.report.dropped if item.line.number == 7]
    assert trimmed == [("date-before-title", "掲載 2025/12/27")]


def test_a_name_opening_with_the_day_kanji_beside_a_slashed_date_keeps_it() -> None:
    # '日' after a slashed date and a space starts the name ('日向タイムス'), it is not the date's day mark
    assert card_date("2024/11/02\u3000日向タイムス") == CardDate(dt.date(2024, 11, 2), "日向タイムス")
    assert card_date("日向タイムス 2024.11.02") == CardDate(dt.date(2024, 11, 2), "日向タイムス")
    # after a month written with 月, a spaced 日 is still the date's, and a weekday after the day stays one
    assert card_date("2024年11月2 日") == CardDate(dt.date(2024, 11, 2), None)
    assert card_date("2024/11/02 日曜") == CardDate(dt.date(2024, 11, 2), None)


def test_a_source_label_shaped_as_a_noun_and_its_origin_names_the_publisher_beside_a_date() -> None:
    assert card_date("2024/11/02 配信元：峠の里ニュース") == CardDate(dt.date(2024, 11, 2), "峠の里ニュース")


def test_a_source_label_before_a_publisher_set_off_its_date_by_a_separator_is_no_part_of_the_name() -> None:
    assert card_date("引用元: 川辺タイムス / 2025.3.4") == CardDate(dt.date(2025, 3, 4), "川辺タイムス")
    assert card_date("情報源：山並み放送｜2025年5月6日") == CardDate(dt.date(2025, 5, 6), "山並み放送")


def test_a_separator_glyph_between_a_publisher_and_a_slashed_date_is_no_part_of_the_name() -> None:
    # The date's own slashes keep the publisher-separator-date pattern from matching; the name beside the
    # date then kept the separator, and a name longer than a date label's words was not read at all.
    assert card_date("港町タイムズ ／ 2024/11/08") == CardDate(dt.date(2024, 11, 8), "港町タイムズ")
    assert card_date("北陸地域交通研究センター ｜ 2024/11/08") == CardDate(dt.date(2024, 11, 8), "北陸地域交通研究センター")
    assert card_date("港町タイムズ／2024/11/08") == CardDate(dt.date(2024, 11, 8), "港町タイムズ")
    assert card_date("2024/11/08 ／ 港町タイムズ") == CardDate(dt.date(2024, 11, 8), "港町タイムズ")
    assert card_date("雨は、夜まで続く ／ 2024/11/08") is None
