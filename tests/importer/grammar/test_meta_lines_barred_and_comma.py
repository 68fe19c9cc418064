"""A card's head printed as fields set apart by bars on its title line ('〈出所〉name｜date｜title'), a meta line
led by a dash with its fields set apart by a comma ('— name, 2025.9.12'), a sponsor's mark where that line's date
goes ('— name, PR'), and the page's date in a byline under the article ('Posted on <date> by <name>')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.card_fields.reading import read_barred_line
from kiku.importer.grammar.card_meta import card_date
from tests.support.importing import digest_of, import_text

BARRED = """港の朝市が再開　観光客の姿も戻る
公開 2025年10月20日
漁港の朝市が、改修工事を終えて再開しました。
何が変わった？
朝市はいつ開かれるの？
毎週土曜と日曜の朝です。
〈出所〉しおかぜ新聞｜2025/10/18｜漁港の朝市、半年ぶりに再開　新しい屋根も
https://shiokaze.example.jp/n/501
・改修で雨の日も開けるようになった。
〈出所〉みなと物産館｜PR｜朝市帰りに寄りたい！干物セットが今だけ半額
https://minato-bussan.example.com/lp?ref=asaichi
・送料無料キャンペーン実施中。
・今だけのお得なセットをお見逃しなく。
雨の日でも開けるのはうれしい変化です。
"""


def test_a_title_line_printing_the_cards_head_between_bars_gives_its_publisher_and_date(tmp_path: Path) -> None:
    [section] = digest_of(import_text(tmp_path, "page.txt", BARRED)).sections
    real, ad = section.sources
    assert (real.title, real.publisher, real.published) == (
        "漁港の朝市、半年ぶりに再開　新しい屋根も", "しおかぜ新聞", dt.date(2025, 10, 18))
    assert (ad.publisher, ad.off_topic) == ("みなと物産館", True)


def test_a_barred_line_with_a_sentence_in_it_is_no_cards_head() -> None:
    assert read_barred_line("しおかぜ新聞｜2025/10/18｜朝市は半年ぶりに再開した。雨の日も開ける。") is None
    assert read_barred_line("しおかぜ新聞｜漁港の朝市、半年ぶりに再開") is None  # two fields: 'name｜title' reads it


def test_a_dash_led_meta_line_sets_its_fields_apart_by_a_comma() -> None:
    dated = card_date("— しおかぜ新聞, 2025.10.18")
    assert dated is not None and (dated.publisher, dated.date) == ("しおかぜ新聞", dt.date(2025, 10, 18))
    sponsored = card_date("— みなと物産館, PR")
    assert sponsored is not None and (sponsored.publisher, sponsored.date, sponsored.sponsored) == (
        "みなと物産館", None, True)


DASHED = """港の朝市が再開　観光客の姿も戻る
漁港の朝市が、改修工事を終えて再開しました。
朝市の今
朝市はいつ開かれるの？
毎週土曜と日曜の朝です。
〔参照〕「漁港の朝市、半年ぶりに再開　新しい屋根も」
— しおかぜ新聞, 2025.10.18
→ https://shiokaze.example.jp/n/501
・改修で雨の日も開けるようになった。
雨の日でも開けるのはうれしい変化です。
まとめ
朝市は港町の顔です。
Posted on 2025年10月20日 by 港町通信
"""


def test_a_byline_under_the_article_dates_it_over_its_cards(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", DASHED))
    [card] = article.sections[0].sources
    assert (card.publisher, card.published) == ("しおかぜ新聞", dt.date(2025, 10, 18))
    assert article.date == dt.date(2025, 10, 20)
