"""An ad card built as bait: a title written from the page's own words over a summary that sells
another thing, sharing only generic words (今年, 料金, 比較) with the page and its section."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO

_PAGE = """市営プールが3年ぶり再開!料金はいくら?近くの施設と比べてみた

公開日：2025.07.01

改修工事で閉まっていた市営プールが、3年ぶりに営業を再開しました。料金は上がったのか、混雑はどうか、近くの施設とあわせて調べました。

どこで泳ぐのが安い?

一番安く泳げるのは？

平日の午前なら市営プール

料金比較サイトの集計をもとに、今年の夏に安く泳げるプランを比べました。

市営プール、3年ぶりに再開　初日は家族連れでにぎわう

公開日：2025.06.30

・改修を終えた市営プールが営業を再開し、初日は約500人が訪れた。

・大人の利用料は2時間400円で、改修前から50円上がった。

続きを読む ⇒ 港町新聞 出典: https://minato.example.jp/news/pool-reopen

{ad_card}

思ったより値上げ幅は小さく、ほっとしました。

市営プールは夏休み中も朝9時から営業します。
"""

_BAIT = """市営プールの料金はいくら？再開で近くの施設と比べてみた

公開日：2025.06.28

市営プールの料金はいくら？再開で近くの施設と比べてみた

・今年の夏に向けたスポーツジムの料金比較では、大手ジムの月会費よりも、新規店のセットプランが月2000円以上安くなるケースがある。

・ヨガやサウナとのまとめ契約で割引を受けられるプランも増えている。

続きを読む ⇒ 出典: https://gym.example.jp/campaign/summer"""

# The same card shape, its summary about the pool (its topic), one offer word: a real card.
_REAL = """市営プールの料金はいくら？再開で近くの施設と比べてみた

公開日：2025.06.28

市営プールの料金はいくら？再開で近くの施設と比べてみた

・市営プールの大人料金は2時間400円で、近隣の民間施設の半分以下にとどまる。

・市は、夏休み中の平日午前に限って子どもの利用料を無料にする。

続きを読む ⇒ 港町新聞 出典: https://minato.example.jp/news/pool-fees"""


def _import(tmp_path: Path, ad_card: str) -> ImportResult:
    page = tmp_path / "pool.txt"
    page.write_text(_PAGE.format(ad_card=ad_card), encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from="pool.txt", import_day=dt.date(2026, 3, 9))


def test_a_title_about_the_page_over_a_summary_selling_another_thing_is_an_ad(tmp_path: Path) -> None:
    result = _import(tmp_path, _BAIT)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert [(card.title, card.off_topic) for card in article.sections[0].sources] == [
        ("市営プール、3年ぶりに再開　初日は家族連れでにぎわう", False),
        ("市営プールの料金はいくら？再開で近くの施設と比べてみた", True),
    ]
    warning = next(warning for warning in result.report.warnings if warning.startswith("sections[0].sources[1]"))
    assert "its title is about the page, its summary sells another thing +2.5" in warning


def test_the_same_title_over_a_summary_about_the_page_is_a_real_card(tmp_path: Path) -> None:
    article = _import(tmp_path, _REAL).article
    assert isinstance(article, DigestArticle)
    assert [card.off_topic for card in article.sections[0].sources] == [False, False]
