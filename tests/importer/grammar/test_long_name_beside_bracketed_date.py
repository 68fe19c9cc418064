"""A card's meta line 'name（date）': the brackets set the date apart from the name as a bar does, so the name
may be as long as any publisher's ('北海道ローカルITニュース（2025年3月2日）'), not only as short as a date's
label. A headline's phrase before a bracketed date (ending in kana) names no publisher."""

from __future__ import annotations

import datetime as dt

from kiku.importer.grammar.cards.card_meta import CardDate, card_date


def test_a_long_name_before_a_bracketed_date_is_the_publisher() -> None:
    assert card_date("北海道ローカルITニュース（2025年3月2日）") == CardDate(dt.date(2025, 3, 2), "北海道ローカルITニュース")
    assert card_date("北海道ローカルITニュース (2025/03/02)") == CardDate(dt.date(2025, 3, 2), "北海道ローカルITニュース")


def test_a_phrase_before_a_bracketed_date_names_no_publisher() -> None:
    assert card_date("春の雪崩が起きやすくなっている（2025年3月2日）") is None
