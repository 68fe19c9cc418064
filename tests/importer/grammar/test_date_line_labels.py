"""A date line is a date with a short label or category: the label is measured by its words."""

from __future__ import annotations

import datetime as dt

from kiku.importer.grammar.dates import line_date


def test_the_spaces_left_around_the_date_do_not_lengthen_its_label() -> None:
    assert line_date("配信日 2025年11月20日 アート市場") == dt.date(2025, 11, 20)
    assert line_date("掲載日　2025/05/10　くらしと経済") == dt.date(2025, 5, 10)


def test_a_sentence_around_a_date_is_still_no_date_line() -> None:
    assert line_date("市は2025年11月20日、新しい計画を発表した。") is None
    assert line_date("配信日 2025年11月20日 アート市場と美術館のいま") is None
