"""A post's date line printing its label, the date and how long the post takes to read ('投稿日 <date> · 約4分で読めます'):
the date line, read for the article's date; the reading time is the site's estimate, no word of the date's label."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.lines.dates import line_date
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize("text", ["投稿日 2025.10.08 · 約4分で読めます", "更新日：2025年10月8日 ｜ 読了時間：4分",
                                  "Posted 2025-10-08 · 4 min read", "公開 2025/10/08 ・ 所要時間 約4分"])
def test_a_labelled_date_beside_a_reading_time_is_a_date_line(text: str) -> None:
    assert line_date(text) == dt.date(2025, 10, 8)


@pytest.mark.parametrize("text", ["2025年10月8日 市の担当者は、この資料は約4分で読めますと話した",
                                  "投稿日 2025.10.08 · 約4分で読めます。ぜひ最後までお付き合いください"])
def test_a_sentence_about_reading_beside_a_date_is_no_date_line(text: str) -> None:
    assert line_date(text) is None


_PAGE = """まちの図書館だより
図書館の自習席、予約制に！平日夕方の混雑はどう変わる
投稿日 2025.10.08 · 約4分で読めます
市立図書館の自習席が、11月から予約制になります。混雑の理由と、予約の方法を整理しました。

■ 自習席が予約制になるのはなぜ？
Q. 市が予約制を決めた一番の理由は？
A. 平日夕方に席を探して歩く人が多く、閲覧の妨げになっていたため
2025年8月に1500人規模の調査をした結果です。
・図書館、自習席を予約制に　11月から試行
・市立図書館は、自習席を11月から予約制にすると発表した。
みなと市報 2025.09.30
https://minato-shiho.example.jp/2025/09/30/library-seats
席を探さずに済むのは助かりますね。
"""


def test_the_article_is_dated_by_its_labelled_date_line_beside_the_reading_time(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "post.txt", _PAGE))
    assert article.date == dt.date(2025, 10, 8)
