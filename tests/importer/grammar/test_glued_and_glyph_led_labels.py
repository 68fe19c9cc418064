"""Labels a page repeats in each unit, set off otherwise than by brackets: a word glued before every question and
every answer ('たずね…？' · 'おこたえ…'), and a glyph-led word before every card's publisher ('◆出所 <name>')."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.recurring import glued_labels, recurring_prefixes
from tests.support.importing import digest_of, import_text

PAGE = """港の朝市が再開　観光客の姿も戻る
公開 2025年10月20日
漁港の朝市が、改修工事を終えて再開しました。
朝市の再開
？ たずね朝市はいつ開かれるのですか？
→ おこたえ毎週土曜と日曜の朝です。
漁港の朝市、半年ぶりに再開　新しい屋根も
→ ◆出所 しおかぜ新聞 2025年10月18日 https://shiokaze.example.jp/n/501
・改修で雨の日も開けるようになった。
雨の日でも開けるのはうれしい変化です。
観光客の戻り
？ たずね観光客は戻ってきたのですか？
→ おこたえ週末は県外からの来場者も増えています。
朝市に県外客、週末のにぎわい戻る
→ ◆出所 みなと放送 2025年10月19日 https://minato-tv.example.jp/n/88
・駐車場が満車になる日もあるという。
にぎわいが続くとよいですね。
"""


def test_glued_and_glyph_led_labels_recurring_in_each_unit_are_trimmed(tmp_path: Path) -> None:
    sections = digest_of(import_text(tmp_path, "page.txt", PAGE)).sections
    assert [(section.question, section.answer) for section in sections] == [
        ("朝市はいつ開かれるのですか？", "毎週土曜と日曜の朝です。"),
        ("観光客は戻ってきたのですか？", "週末は県外からの来場者も増えています。")]
    assert [card.publisher for section in sections for card in section.sources] == ["しおかぜ新聞", "みなと放送"]


def test_questions_asked_alike_are_no_glued_label_without_answers_opening_alike() -> None:
    questions = ["なぜ朝市は休んでいたの？", "なぜ屋根を新しくしたの？"]
    assert glued_labels(questions, ["改修工事のためです。", "雨の日も開くためです。"]) == frozenset()
    assert glued_labels(["たずね朝市はなぜ休んでいたの？", "たずね屋根はなぜ新しくしたの？"],
                        ["おこたえ改修工事のためです。", "おこたえ雨の日も開くためです。"]) == {"たずね", "おこたえ"}


def test_a_glyph_led_word_recurring_before_different_names_is_a_label() -> None:
    texts = ["◆出所 しおかぜ新聞", "・改修で雨の日も開ける。", "雨の日でも開ける。", "◆出所 みなと放送"]
    assert recurring_prefixes(texts) == {"出所"}
    assert recurring_prefixes(["◆出所 しおかぜ新聞", "◆出所 みなと放送"]) == frozenset()  # side by side: one unit
