"""A bracketed phrase the page opens its questions with, section after section, is their label: trimmed
from every question, however long its words. Once on the page, it may be the question's own words."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.layouts.digest.sections import recurring_labels
from tests.support.importing import digest_of, import_text


def _page(second_question: str) -> str:
    return "\n\n".join([
        "駅前の図書館、夜10時まで開館へ", "2025年5月8日",
        "駅前の図書館が開館時間を延ばします。知っておきたい点をまとめました。",
        "延長の中身", "【きょうの素朴な疑問】何時まで使えるのか？", "→ 平日は夜10時まで",
        "市の発表を見てみましょう。",
        "図書館の開館時間を延長", "市民だより", "2025年5月1日", "https://shimin.example.jp/lib/22",
        "・ 平日の閉館を夜10時に延ばす。", "・ 土日は従来どおり夜6時に閉まる。",
        "利用者の声", second_question, "→ 仕事帰りに寄れる",
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
