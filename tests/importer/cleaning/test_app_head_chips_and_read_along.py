"""An app's head and feed: a back button ('＜ 戻る'), topic chips (a pictograph and a word, each on its own line),
and a 'read along' heading in any tense ('あわせて読まれています') over the site's other articles."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _kept(*texts: str) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    return [line.text for line in strip_debris(lines, ImportReport("page.txt"))]


@pytest.mark.parametrize("button", ["＜ 戻る", "← もどる", "‹ Back"])
def test_a_back_button_is_dropped(button: str) -> None:
    assert _kept(button, "市の図書館が夜間開館を始めます。") == ["市の図書館が夜間開館を始めます。"]


def test_the_verb_of_going_back_in_a_sentence_is_kept() -> None:
    assert _kept("旅先から家に戻る人が増えています。") == ["旅先から家に戻る人が増えています。"]


def test_a_run_of_topic_chips_is_dropped() -> None:
    kept = _kept("🏫教育", "🌸春日部", "新学期の給食に地元の野菜", "市内の小学校で今月から、地元産の野菜を使った給食が始まりました。")
    assert kept == ["新学期の給食に地元の野菜", "市内の小学校で今月から、地元産の野菜を使った給食が始まりました。"]


def test_short_key_points_bulleted_by_a_shape_are_kept() -> None:
    assert _kept("◇ 駅前に新図書館", "◇ 夜9時まで開館") == ["◇ 駅前に新図書館", "◇ 夜9時まで開館"]


def test_a_single_pictograph_label_is_kept() -> None:
    kept = _kept("📌まとめ", "給食の地産地消は今後も広がりそうです。")
    assert kept == ["📌まとめ", "給食の地産地消は今後も広がりそうです。"]


def test_a_read_along_heading_takes_the_listed_articles() -> None:
    kept = _kept("値上げは来月から始まる見通しです。", "▽ 合わせて読まれている記事", "駅前の再開発、来春に着工",
                 "市バスの運賃、10円値上げへ", "値上げの理由は、燃料費の高騰です。")
    assert kept == ["値上げは来月から始まる見通しです。", "値上げの理由は、燃料費の高騰です。"]
