"""A row of share buttons a site prints its own way: a button's exclamation mark, the services after a label."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _dropped(text: str) -> list[str]:
    report = ImportReport("page.html")
    strip_debris([Line(1, "見出しの行です"), Line(2, text), Line(3, "本文の文です。")], report)
    return [item.rule for item in report.dropped]


@pytest.mark.parametrize("text", ["ポスト！　はてブ　シェア！", "いいね! ｜ Pocket ｜ リンクをコピー"])
def test_a_buttons_exclamation_mark_is_no_word_of_its_own(text: str) -> None:
    assert _dropped(text) == ["share-buttons"]


def test_a_buttons_count_beside_its_exclaimed_word_is_the_buttons() -> None:
    assert _dropped("いいね！ 3,402") == ["counted-button"]


@pytest.mark.parametrize("text", ["この記事をシェアする Threads Bluesky Mastodon", "シェアする WhatsApp Reddit"])
def test_a_share_label_then_the_services_it_hands_the_page_to_is_a_share_row(text: str) -> None:
    assert _dropped(text) == ["share-buttons"]


@pytest.mark.parametrize("text", ["この記事をシェアする 東京 大阪", "シェアする Tokyo", "いいね！ 今日の天気"])
def test_a_label_before_other_words_is_no_share_row(text: str) -> None:
    assert _dropped(text) == []


@pytest.mark.parametrize("text", ["シェア 41 ｜ クリップ ｜ ポスト", "いいね！ 7 | 応援する | リンクをコピー"])
def test_a_bar_of_mostly_share_buttons_takes_the_sites_own_button_with_it(text: str) -> None:
    assert _dropped(text) == ["share-buttons"]


@pytest.mark.parametrize("text", ["東京 ｜ 大阪 ｜ シェア", "シェア ｜ 値上げの理由 ｜ 家計への影響", "このページを共有"])
def test_a_bar_of_other_words_beside_one_share_button_is_no_share_bar(text: str) -> None:
    assert ("share-buttons" in _dropped(text)) == ("｜" not in text)  # a bar of words may be the site's links


def test_a_share_word_with_a_colon_over_its_buttons_is_their_label() -> None:
    assert _dropped("シェア：") == ["share-buttons"]
