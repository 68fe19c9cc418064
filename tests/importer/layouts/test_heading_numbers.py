"""One builder for the number a layout prints before its headings, with each layout's options."""

from __future__ import annotations

import pytest

from kiku.importer.layouts.labels import HEADING_NUMBER, heading_number_pattern

_ENCYCLOPEDIA = heading_number_pattern(sub_sections=True, space_ends=True)


@pytest.mark.parametrize(("text", "rest"), [
    ("2． 料金の改定", "料金の改定"), ("(3)今後の予定", "今後の予定"), ("⑦ 住民の声", "住民の声"), ("4 ） 課題", "課題"),
])
def test_a_digest_number_closes_with_a_mark_or_a_bracket_or_is_circled(text: str, rest: str) -> None:
    found = HEADING_NUMBER.match(text)
    assert found is not None and text[found.end():] == rest


def test_a_digest_number_closed_by_a_space_alone_is_the_headings_own_word() -> None:
    assert HEADING_NUMBER.match("6 月の降水量") is None


@pytest.mark.parametrize(("text", "rest"), [
    ("5 植生", "植生"), ("２．１ 高山帯", "高山帯"), ("3) 交通", "交通"), ("（6）脚注", "脚注"),
])
def test_an_encyclopedia_number_may_be_dotted_or_closed_by_a_space(text: str, rest: str) -> None:
    found = _ENCYCLOPEDIA.match(text)
    assert found is not None and text[found.end():] == rest


def test_an_encyclopedia_has_no_circled_numbers() -> None:
    assert _ENCYCLOPEDIA.match("③ 観光") is None


def test_only_an_encyclopedia_reads_a_dotted_number_as_one() -> None:
    digest = HEADING_NUMBER.match("4.2 山岳")
    assert digest is not None and digest[0] == "4."


@pytest.mark.parametrize(("text", "rest"), [
    ("【パート2】 出店者の声", "出店者の声"), ("［第3］今後の予定", "今後の予定"), ("〈No.4〉課題", "課題"),
])
def test_a_number_in_brackets_of_any_shape_may_follow_a_counting_word(text: str, rest: str) -> None:
    found = HEADING_NUMBER.match(text)
    assert found is not None and text[found.end():] == rest


def test_a_bracketed_word_of_four_letters_or_a_date_is_no_number() -> None:
    assert HEADING_NUMBER.match("【2025年】の振り返り") is None
    assert HEADING_NUMBER.match("【スタッフ1】の声") is None
