"""A date line is a date with a short label or category (the label measured by its words), or with a
few short fields set apart by bars."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.lines.dates import line_date
from tests.importer.grammar.test_dates import UNDATED_DIGEST
from tests.support.importing import import_text


def test_the_spaces_left_around_the_date_do_not_lengthen_its_label() -> None:
    assert line_date("配信日 2025年11月20日 アート市場") == dt.date(2025, 11, 20)
    assert line_date("掲載日　2025/05/10　くらしと経済") == dt.date(2025, 5, 10)


def test_a_sentence_around_a_date_is_still_no_date_line() -> None:
    assert line_date("市は2025年11月20日、新しい計画を発表した。") is None
    assert line_date("配信日 2025年11月20日 アート市場と美術館のいま") is None


def test_a_date_line_of_short_fields_set_apart_by_bars_is_a_date_line() -> None:
    assert line_date("2024/07/05 更新 | 連載：まちの台所事情") == dt.date(2024, 7, 5)
    assert line_date("第32号 ｜ 2024年7月5日発行 ｜ 夏の増刊号") == dt.date(2024, 7, 5)


def test_bars_do_not_make_a_line_of_many_or_long_fields_a_date_line() -> None:
    assert line_date("2024/07/05 | 台所 | 市場 | 食卓 | 季節") is None
    assert line_date("2024/07/05 | 町の台所を支えてきた八百屋さんの話") is None


def test_a_date_line_of_bar_fields_above_the_title_dates_the_article(tmp_path: Path) -> None:
    page = "2025/09/02 発行 ｜ 連載：商店街のいま\n" + UNDATED_DIGEST.replace(
        "さらに読む ⇒", "2025年09月04日\nさらに読む ⇒")
    result = import_text(tmp_path, "page.txt", page)
    assert (result.article.title, result.article.date) == ("商店街に戻ったにぎわい", dt.date(2025, 9, 2))
