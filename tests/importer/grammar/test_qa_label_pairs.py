"""A question's and an answer's labels in words no rule lists ('質）', '〔たずね〕', 'Ｑ．' over '⇒ '): the page
prints the same two labels one over the other section after section, the first line asking (even without a
question mark). The pairing and its place decide, not the words; a card's chain of labelled fields is no pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.grammar.qa_labels import labelled_questions, printed_label
from tests.support.importing import digest_of, import_text

_PAGE = """商店街にシェアオフィス　空き店舗を生かす試み
2026年2月3日
駅前の商店街で、空き店舗をシェアオフィスに変える取り組みが始まりました。
▍空き店舗の使い道
{q}空き店舗はどのように使われるのか
{a}二階を仕事場として貸し出す
🔗 https://ekimae.example.jp/news/share-office
空き店舗、仕事場に　商店会が改装
・商店会は空き店舗の二階を改装し、仕事場として貸し出すと発表した。
・一階は地元の店が入る予定だ。
商店街の人通りが戻るきっかけになりそうです。
▍利用する人
{q}どんな人が借りているのか
{a}近くに住む在宅勤務の会社員
🔗 https://ekimae.example.jp/news/share-office-users
シェアオフィス、利用者の多くは近隣の会社員
・利用者の多くは近くに住み、在宅で働く会社員だという。
・月ごとの契約で借りられる。
家の近くで集中できる場所は貴重ですね。
"""


@pytest.mark.parametrize(("question_label", "answer_label"), [("質）", "応）"), ("〔たずね〕", "〔こたえる〕"),
                                                              ("ききたい：", "おこたえ："), ("Ｑ．", "⇒ "),
                                                              ("Ask ", "Reply "), ("Ｑ\u3000", "Ａ\u3000")])
def test_a_recurring_pair_of_labels_marks_the_question_and_its_answer(
        tmp_path: Path, question_label: str, answer_label: str) -> None:
    page = _PAGE.format(q=question_label, a=answer_label)
    sections = digest_of(import_text(tmp_path, "page.txt", page)).sections
    assert [(section.heading, section.question, section.answer) for section in sections] == [
        ("空き店舗の使い道", "空き店舗はどのように使われるのか", "二階を仕事場として貸し出す"),
        ("利用する人", "どんな人が借りているのか", "近くに住む在宅勤務の会社員")]
    assert [len(section.sources) for section in sections] == [1, 1]


def test_pairs_are_read_by_shape_and_recurrence() -> None:
    texts = ["見出し", "質）なぜ増えたのか", "応）値下げの効果", "本文。", "見出し2", "質）次はどうなるのか", "応）横ばい"]
    assert labelled_questions(texts) == {1: "Q", 2: "A", 5: "Q", 6: "A"}
    # Printed once, the pair is no page's habit: the lines' other features decide.
    assert labelled_questions(texts[:4]) == {}
    # The first line of the pair must ask.
    assert labelled_questions([text.replace("のか", "") for text in texts]) == {}


def test_a_chain_of_labelled_card_fields_is_no_question_and_answer() -> None:
    card = ["題：値上げは続くのか", "元：港町新聞", "日：2026年1月5日"]
    assert labelled_questions(["見出し", *card, "本文。", *card]) == {}


@pytest.mark.parametrize(("question_label", "answer_label"), [("〔たずね〕", "〔こたえる〕"), ("質問", "回答"),
                                                              ("ききたい：", "おこたえ：")])
def test_a_pair_of_labels_each_alone_over_its_line_is_read_into_it(
        tmp_path: Path, question_label: str, answer_label: str) -> None:
    page = _PAGE.format(q=question_label + "\n", a=answer_label + "\n")
    result = import_text(tmp_path, "page.txt", page)
    sections = digest_of(result).sections
    assert [(section.heading, section.question, section.answer) for section in sections] == [
        ("空き店舗の使い道", "空き店舗はどのように使われるのか", "二階を仕事場として貸し出す"),
        ("利用する人", "どんな人が借りているのか", "近くに住む在宅勤務の会社員")]
    assert [item.line.text for item in result.report.dropped if item.rule == "qa-label"][:2] == [
        question_label, answer_label]


@pytest.mark.parametrize(("text", "label"), [
    ("Ｑ．雪はいつまで続く？", "Ｑ．"), ("A2: 週末まで", "A2: "), ("たずね：雪はいつまで続く？", "たずね："),
    ("問）雪はいつまで？", "問）"), ("こたえ → 週末まで", "こたえ → "), ("〔問い〕雪はいつまで？", "〔問い〕"),
])
def test_a_label_that_says_what_it_is_by_its_shape_is_printed(text: str, label: str) -> None:
    match = printed_label(text)
    assert match is not None
    assert match.group() == label


@pytest.mark.parametrize("text", ["約 3割が雪", "▶ 週末まで", "Snow まで", "2025年：雪の年"])
def test_a_word_or_a_glyph_before_a_space_is_a_label_only_by_its_pairing(text: str) -> None:
    assert printed_label(text) is None
