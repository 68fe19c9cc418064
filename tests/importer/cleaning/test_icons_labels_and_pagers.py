"""Share rows printed with their buttons' icons, ad labels set off by a space, and a pager at the page's foot."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [(item.rule, item.line.text) for item in report.dropped]


@pytest.mark.parametrize("text", [
    # A frame mark around the call, then the services.
    "＼ この記事を共有する ／　X　LINE　Pocket　Facebook",
    # Each button after its icon: a glyph, a symbol, a service's letter.
    "✉ リンクをコピー　／　f シェア　／　𝕏 ポスト",
    "★ はてブ　☆ ツイート",
])
def test_a_row_of_share_buttons_with_their_icons_is_dropped(text: str) -> None:
    assert _strip("本文です。", text) == (["本文です。"], [("share-buttons", text)])


@pytest.mark.parametrize("text", [
    "→ シェア",  # one button: a heading may be a word
    "★ 保存 ★",
    "a b シェア",  # letters that are no icon of one button
])
def test_an_icon_beside_one_button_is_no_share_row(text: str) -> None:
    assert _strip("本文です。", text)[0] == ["本文です。", text]


@pytest.mark.parametrize("text", [
    "PR　お肌の乾燥に、薬用クリームが初回半額",
    "広告｜中古ピアノ、高く買い取ります",
    "ＰＲ 来月まで、英会話の入会金が無料",
    "Sponsored　旅行保険の比較はこちら",
])
def test_an_ad_label_set_off_by_a_space_or_a_bar_opens_an_ad_line(text: str) -> None:
    assert _strip("本文です。", text) == (["本文です。"], [("ad-line", text)])


@pytest.mark.parametrize("text", [
    "PR会社の調査では、回答者の半数が賛成でした。",
    "Ad hoc な対応が続いています。",
    "広告費は前年より1割増えました。",
])
def test_an_ad_word_that_opens_a_sentence_is_content(text: str) -> None:
    assert _strip("本文です。", text)[0] == ["本文です。", text]


def test_a_pager_link_with_an_arrow_and_the_next_title_under_it_are_dropped() -> None:
    body = ["本文です。", "続きの本文です。", "最後の本文です。"]
    kept, dropped = _strip(*body, "« 前の記事", "港の朝市、春から毎週開催に　観光客の呼び込み狙う")
    assert kept == body
    assert dropped == [("pager", "« 前の記事"), ("pager (teaser)", "港の朝市、春から毎週開催に　観光客の呼び込み狙う")]


def test_a_sentence_under_a_pager_link_is_kept() -> None:
    body = ["本文です。", "続きの本文です。", "最後の本文です。"]
    kept, dropped = _strip(*body, "次の記事へ →", "次回は港の朝市を取り上げます。")
    assert kept == [*body, "次回は港の朝市を取り上げます。"]
    assert dropped == [("pager", "次の記事へ →")]


def test_a_pager_link_above_the_title_leaves_the_title() -> None:
    kept, dropped = _strip("次の記事 ≫", "港の朝市、春から毎週開催に", "本文です。", "続きの本文です。", "最後の本文です。")
    assert kept == ["港の朝市、春から毎週開催に", "本文です。", "続きの本文です。", "最後の本文です。"]
    assert dropped == [("pager", "次の記事 ≫")]
