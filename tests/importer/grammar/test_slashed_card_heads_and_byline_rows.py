"""A card's whole head on its title line, its fields set apart by slashes printed without spaces and in any order
('〈記事〉name／2024.11.3／title'); a byline row printing the article's date between the byline and the reading time
('name｜<date>（日）｜4分で読めます'), which dates the article over its cards; and a newsletter's delivery notice
naming the newsletter by its title in quotes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.checking.text_fields import iter_text_fields
from kiku.importer.cleaning.lines.site_lines import is_mail_notice
from kiku.importer.grammar.cards.fields.reading import read_barred_line
from kiku.importer.grammar.lines.dates import line_date
from tests.support.importing import digest_of, import_text

SLASHED = """図書館が全面改装　自習席と子ども向けの部屋が広がる
2024年11月8日
市立図書館の改装が終わり、再び開館しました。
新しい図書館の姿
どこが変わったのですか？
自習席が倍になりました
改装の中身をまとめます。
〈記事〉みなと日報／2024.11.3／市立図書館が再開館　自習席を倍増
https://minato-nippo.example.jp/local/4410
・改装で自習席が120席に増えた。
・子ども向けの読み聞かせ部屋も設けた。
2024.11.5／読み聞かせ部屋、週末は予約制に／北浜タイムズ
https://kitahama.example.com/n/2291
・週末の読み聞かせは予約制で行う。
静かに勉強できる場所が増えるのはうれしいことです。
"""


def test_a_title_line_cut_by_glued_slashes_gives_the_cards_publisher_and_date_in_any_order(tmp_path: Path) -> None:
    [section] = digest_of(import_text(tmp_path, "library.txt", SLASHED)).sections
    first, second = section.sources
    assert (first.title, first.publisher, first.published) == (
        "市立図書館が再開館　自習席を倍増", "みなと日報", dt.date(2024, 11, 3))
    assert (second.title, second.publisher, second.published) == (
        "読み聞かせ部屋、週末は予約制に", "北浜タイムズ", dt.date(2024, 11, 5))


def test_a_headline_joining_words_by_a_slash_is_no_slashed_head() -> None:
    assert read_barred_line("大阪／神戸／京都で紅葉が見ごろに") is None
    assert read_barred_line("みなと日報／市立図書館が再開館") is None  # no date: 'name／title' is read elsewhere
    reading = read_barred_line("みなと日報/2024/11/3/市立図書館が再開館　自習席を倍増")
    assert reading is not None and reading.published == dt.date(2024, 11, 3)  # the date's own slashes stay its


BYLINE = """図書館の改装から1か月　利用者はどう変わった？

みなと通信編集部｜2024年12月8日（日）｜4分で読めます

改装した市立図書館の利用者が増えています。

利用者の変化

どれくらい増えたのですか？

前の年の1.5倍です

みなと日報｜2024年12月12日
市立図書館、利用者1.5倍に
https://minato-nippo.example.jp/local/4502
・改装後の1か月で利用者が前年の1.5倍になった。

学生の利用が特に増えたそうです。

メールマガジン「みなと通信」は毎月第1日曜日にお届けしています。
"""


def test_a_byline_row_with_the_reading_time_after_the_date_dates_the_article(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "byline.txt", BYLINE))
    assert article.date == dt.date(2024, 12, 8)
    assert article.sections[0].sources[0].published == dt.date(2024, 12, 12)
    assert line_date("みなと通信編集部｜2024年12月8日（日）｜4分で読めます") == dt.date(2024, 12, 8)


def test_a_newsletters_delivery_notice_naming_it_in_quotes_is_the_sites(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "byline.txt", BYLINE))
    texts = [text for _, text in iter_text_fields(article)]
    assert any("学生の利用" in text for text in texts)
    assert not any("お届けしています" in text for text in texts)
    assert is_mail_notice("ニュースレター『港のこよみ』は隔週金曜に配信します。")
    assert not is_mail_notice("メールマガジン「港のこよみ」の創刊号を紹介します。")  # no word of its delivery
