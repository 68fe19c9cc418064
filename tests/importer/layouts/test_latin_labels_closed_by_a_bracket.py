"""A question and its answer labelled by a Latin word closed by a bracket ('Question》…', 'Response》…'): the labels
are trimmed off as a spaced Latin word's are, when the question and the answer both open so."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """駅前の再開発、完成は2030年に　商業施設と住宅が一体に
2025年10月2日
駅前の再開発計画がまとまりました。商業施設と住宅を一体で整備し、完成は2030年の予定です。
〔1〕計画の中身
Question》どんな建物ができるの?
Response》商業施設と住宅が入る高層ビル
駅とは歩行者デッキで直結します。
〔2〕工事の影響
Question》工事中はどうなるの?
Response》バス乗り場が一時的に移る
仮設の乗り場は駅の北側に置かれます。
"""


def test_the_latin_labels_are_trimmed(tmp_path: Path) -> None:
    sections = digest_of(import_text(tmp_path, "app.txt", PAGE)).sections
    assert [(section.question, section.answer) for section in sections] == [
        ("どんな建物ができるの?", "商業施設と住宅が入る高層ビル"), ("工事中はどうなるの?", "バス乗り場が一時的に移る")]
