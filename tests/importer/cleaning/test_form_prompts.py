"""A form printed as a line of text: a field's prompt joined to its button, a button saying how it is done,
and the prompt gating a comment or the rest of an article behind an account."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _dropped(text: str) -> list[str]:
    report = ImportReport("page.html")
    strip_debris([Line(1, "見出しの行です"), Line(2, text), Line(3, "本文の文です。")], report)
    return [item.rule for item in report.dropped]


@pytest.mark.parametrize("text", ["お名前を入力 登録する", "アドレスを入力　送信する", "LINEで登録する"])
def test_a_fields_prompt_and_its_button_on_one_line_are_a_form(text: str) -> None:
    assert _dropped(text) == ["form"]


@pytest.mark.parametrize("text", ["続きを読むには会員登録が必要です。", "コメントを残すにはサインインしてください"])
def test_a_prompt_gating_the_page_behind_an_account_is_a_form(text: str) -> None:
    assert _dropped(text) == ["form"]


@pytest.mark.parametrize("text", ["制度を利用するには申請が必要です。", "マイナ保険証を使うには登録が必要です",
                                  "窓口で申請する 期限に注意"])
def test_a_sentence_about_registering_for_something_else_is_kept(text: str) -> None:
    assert _dropped(text) == []


def test_a_comment_heading_over_the_form_alone_is_an_empty_thread() -> None:
    report = ImportReport("page.html")
    lines = [Line(1, "本文の文です。"), Line(2, "読者のコメント"), Line(3, "コメントを残すにはサインインしてください"),
             Line(4, "© 森の新聞")]
    kept = strip_debris(lines, report)
    assert [line.text for line in kept] == ["本文の文です。"]
    assert [item.rule for item in report.dropped][:2] == ["comments", "comments"]
