"""A bracketed phrase the page opens its questions with, or a word glued to an arrow it opens its answers with,
section after section, is their label: trimmed however long its words. Once on the page, it may be the line's own
words."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.layouts.digest.sections import recurring_labels
from tests.support.importing import digest_of, import_text


def _page(second_question: str, first_answer: str = "→ 平日は夜10時まで", second_answer: str = "→ 仕事帰りに寄れる") -> str:
    return "\n\n".join([
        "駅前の図書館、夜10時まで開館へ", "2025年5月8日",
        "駅前の図書館が開館時間を延ばします。知っておきたい点をまとめました。",
        "延長の中身", "【きょうの素朴な疑問】何時まで使えるのか？", first_answer,
        "市の発表を見てみましょう。",
        "図書館の開館時間を延長", "市民だより", "2025年5月1日", "https://shimin.example.jp/lib/22",
        "・ 平日の閉館を夜10時に延ばす。", "・ 土日は従来どおり夜6時に閉まる。",
        "利用者の声", second_question, second_answer,
        "利用者の話です。",
        "夜の図書館、会社員に人気", "駅前タイムス", "2025年5月3日", "https://ekimae.example.jp/n/5",
        "・ 試行期間の夜間利用者は1日200人だった。", "・ 学生の自習にも使われている。",
    ])


def test_a_bracketed_phrase_opening_every_question_is_their_label(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", _page("【きょうの素朴な疑問】誰が喜んでいるのか？")))
    assert [section.question for section in article.sections] == ["何時まで使えるのか？", "誰が喜んでいるのか？"]


def test_a_bracketed_phrase_opening_one_question_is_its_own(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", _page("誰が喜んでいるのか？")))
    assert article.sections[0].question == "【きょうの素朴な疑問】何時まで使えるのか？"
    assert recurring_labels(["（速報）何が変わるのか？", "（詳報）誰が使えるのか？"]) == frozenset()


def test_a_word_glued_to_an_arrow_opening_every_answer_is_their_label(tmp_path: Path) -> None:
    page = _page("誰が喜んでいるのか？", "こたえ→平日は夜10時まで", "こたえ→仕事帰りに寄れる")
    article = digest_of(import_text(tmp_path, "page.txt", page))
    assert [section.answer for section in article.sections] == ["平日は夜10時まで", "仕事帰りに寄れる"]
    page = _page("誰が喜んでいるのか？", "こたえ→平日は夜10時まで", "夜型→朝型の利用者が増えた")
    assert digest_of(import_text(tmp_path, "page.txt", page)).sections[1].answer == "夜型→朝型の利用者が増えた"
