"""A writer credited by another role word ('筆者：…', '投稿者／…'), a blog's theme line ('テーマ：…'), and a
wiki's note telling the article from a like name ('「…」とは異なります。'), a link to edit the page's source."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _dropped(text: str) -> list[str]:
    report = ImportReport("page.html")
    strip_debris([Line(1, "見出しの行です"), Line(2, text), Line(3, "本文の文です。")], report)
    return [item.rule for item in report.dropped]


@pytest.mark.parametrize("text", ["筆者：森の小道編集室", "投稿者／北川 はるか", "ライター・撮影：南 一郎",
                                  "・執筆者： 森の小道編集室"])
def test_a_writers_role_and_name_is_a_credit_line(text: str) -> None:
    assert _dropped(text) == ["credit-line"]


def test_a_blogs_theme_line_is_a_taxonomy_line() -> None:
    assert _dropped("テーマ：街の話題") == ["taxonomy-line"]


@pytest.mark.parametrize("text", ["筆者：この制度は見直すべきだと考えます。", "テーマ：なぜ今、値上げが続くのか？",
                                  "投稿者: 広報課 投稿日: 令和7年2月3日"])
def test_a_sentence_after_the_label_is_kept(text: str) -> None:
    assert _dropped(text) == []


@pytest.mark.parametrize("text", ["「北浜駅」とは異なります。", "「大沼公園」と混同しないでください。"])
def test_a_note_telling_the_article_from_a_like_name_is_a_hatnote(text: str) -> None:
    assert _dropped(text) == ["wiki-hatnote"]


def test_a_sentence_going_on_after_the_difference_is_kept() -> None:
    assert _dropped("「北浜駅」とは異なり、この駅には快速が止まります。") == []


@pytest.mark.parametrize("text", ["この記事を Codeberg で編集する", "Edit this page on Bitbucket", "ページを編集"])
def test_a_link_to_edit_the_pages_source_is_chrome(text: str) -> None:
    assert _dropped(text) == ["edit-link"]


def test_a_sentence_about_editing_is_kept() -> None:
    assert _dropped("このページを編集した人は、市の職員です。") == []
