"""A card's labelled date and labelled publisher printed on one line, in either order."""

from __future__ import annotations

import datetime as dt

import pytest

from kiku.importer.grammar.cards.card_meta import card_date

_DAY = dt.date(2024, 7, 19)


@pytest.mark.parametrize("text", [
    "掲載日：2024年7月19日 ｜ 配信元：北海道新聞", "投稿日 2024/07/19　提供：北海道新聞",
    "配信元：北海道新聞 / 掲載日：2024.7.19", "Posted on 2024-07-19 · 媒体: 北海道新聞",
    "投稿日：2024.07.19　（北海道新聞）", "北海道新聞　掲載：2024年7月19日",
])
def test_a_labelled_name_beside_a_labelled_date_is_the_publisher(text: str) -> None:
    found = card_date(text)
    assert found is not None and (found.date, found.publisher) == (_DAY, "北海道新聞")


@pytest.mark.parametrize("text", ["掲載日：2024年7月19日　国際", "更新 2024.7.19 スポーツ"])
def test_a_bare_word_after_a_labelled_date_is_no_publisher(text: str) -> None:
    found = card_date(text)
    assert found is not None and found.date == _DAY and found.publisher is None
