"""Wrapping a title for a share card, with a stand-in font: a full-width character is one unit wide
at size 1, anything else half a unit (as Latin letters and digits roughly are)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiku.render.sharecards.layout import ELLIPSIS, Box, layout_title, line_text, span_widths


def width(text: str, size: int) -> float:
    return size * sum(0.5 if character.isascii() else 1.0 for character in text)


def lines_of(title: str, box: Box) -> tuple[str, ...]:
    layout = layout_title(title, box, width)
    for line in layout.lines:
        assert width(line, layout.size) <= box.width, (line, layout.size)
    assert len(layout.lines) * layout.size * box.line_height <= box.height
    return layout.lines


def test_a_short_title_is_one_line_at_the_largest_size() -> None:
    layout = layout_title("停戦合意", Box(width=100, height=100, sizes=(10, 8)), width)
    assert layout.lines == ("停戦合意",)
    assert layout.size == 10
    assert not layout.truncated


def test_lines_break_between_phrases_and_the_last_line_is_balanced() -> None:
    # 34 characters in lines of at most 20: greedy filling would leave a stub; balanced gives ~17 + 17.
    title = "米ロ首脳電話会談でウクライナ停戦に向けた合意と関係改善の可能性を探る"
    lines = lines_of(title, Box(width=20, height=100, sizes=(1,)))
    assert "".join(lines) == title
    assert len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 6, lines


def test_a_number_stays_with_its_counter_and_latin_words_stay_whole() -> None:
    title = "NATO首脳会議でTrump大統領が防衛費の増額を要求し欧州30カ国が反発"
    lines = lines_of(title, Box(width=14, height=100, sizes=(1,)))
    assert "".join(lines) == title
    assert any("30カ国" in line for line in lines)
    assert any("NATO" in line for line in lines)
    assert any("Trump" in line for line in lines)


def test_no_line_starts_with_closing_punctuation() -> None:
    title = "ロシアは「停戦は近い」と述べた。ウクライナは（条件付きで）反発、協議は続く。"
    for line_width in range(6, 20):
        lines = lines_of(title, Box(width=line_width, height=1000, sizes=(1,)))
        assert "".join(lines) == title
        for line in lines[1:]:
            assert line[0] not in "、。」）", (line_width, lines)


def test_the_font_shrinks_before_anything_is_cut() -> None:
    title = "ウクライナ紛争、和平への道は?米ロ高官会談の行方と各国の思惑"
    layout = layout_title(title, Box(width=20, height=30, sizes=(10, 8, 6, 4, 2)), width)
    assert not layout.truncated
    assert layout.size < 10
    assert "".join(layout.lines) == title


def test_an_unbreakable_run_is_cut_inside_only_at_the_smallest_size() -> None:
    title = "あ" * 30
    layout = layout_title(title, Box(width=10, height=100, sizes=(2, 1)), width)
    assert layout.size == 1
    assert not layout.truncated
    assert "".join(layout.lines) == title
    assert all(len(line) <= 10 for line in layout.lines)


def test_the_ellipsis_is_the_last_resort() -> None:
    title = "停戦交渉の行方" * 20
    layout = layout_title(title, Box(width=10, height=3, sizes=(2, 1)), width)
    assert layout.truncated
    assert layout.size == 1
    assert len(layout.lines) == 2
    assert layout.lines[-1].endswith(ELLIPSIS)
    assert all(width(line, 1) <= 10 for line in layout.lines)


@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_title_has_no_lines(title: str) -> None:
    assert layout_title(title, Box(width=10, height=10, sizes=(1,)), width).lines == ()


def test_spaces_between_latin_words_are_where_lines_break() -> None:
    title = "Trump and Putin agree on a thirty day ceasefire for energy infrastructure"
    lines = lines_of(title, Box(width=16, height=100, sizes=(1,)))
    assert " ".join(lines) == title
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)


@given(st.lists(st.text(alphabet="停戦 AI　x\u3000", max_size=6), max_size=8))
def test_a_span_measured_by_running_sums_is_its_line_measured_whole(units: list[str]) -> None:
    def advances(text: str) -> list[float]:
        return [width(character, 64) / 64 * 1.015625 for character in text]  # not whole pixels

    def measured(text: str) -> float:
        return sum(advances(text))

    spans = span_widths(units, measured, advances)
    for start in range(len(units)):
        for end in range(start, len(units) + 1):
            assert spans(start, end) == measured(line_text(units[start:end])), (units, start, end)
