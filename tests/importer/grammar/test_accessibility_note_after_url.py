"""A link's hidden note read out after its URL ('（別ウィンドウで開きます）', '外部リンク', '(opens in a new tab)')
is no part of the remark glued after it."""

from __future__ import annotations

import pytest

from kiku.importer.layouts.digest.cards import split_url_and_remark


@pytest.mark.parametrize("line", [
    "https://example.jp/a/b（別ウィンドウで開きます）駅から近くて助かります。",
    "https://example.jp/a/b外部リンク駅から近くて助かります。",
    "https://example.jp/a/b (opens in a new tab) 駅から近くて助かります。",
])
def test_the_note_after_the_url_is_dropped_and_the_remark_kept(line: str) -> None:
    split = split_url_and_remark(line)
    assert (split.url, split.remark) == ("https://example.jp/a/b", "駅から近くて助かります。")


def test_a_remark_that_only_mentions_a_window_stays() -> None:
    split = split_url_and_remark("https://example.jp/a/b 窓口は新しい庁舎に移りました。")
    assert split.remark == "窓口は新しい庁舎に移りました。"
