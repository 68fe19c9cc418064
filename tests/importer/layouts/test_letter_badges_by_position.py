"""A letter badge over a question and its answer ('<i>Q</i>…', '<i>A</i>…') is their label line even
when the page classes neither block (the same pair opening blocks again, section after section), and
when each block sits in wrappers of its own (the line beside it found in page order)."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport


def _lines(body: str) -> list[str]:
    return [line.text for line in read_html(f"<html><body><article>{body}</article></body></html>",
                                            ImportReport("page.html"))]


def _pair(question: str, answer: str, wrap: str = "", classes: tuple[str, str] = ("", "")) -> str:
    close = "</div>" if wrap else ""
    return (f"{wrap}<p{classes[0]}><i>Q</i>{question}</p>{close}"
            f"{wrap}<p{classes[1]}><i>A</i>{answer}</p>{close}")


def test_an_unclassed_pair_of_badges_repeated_in_each_section_is_a_label_line() -> None:
    body = (f"<h2>渡し船が復活</h2>{_pair('いつから乗れる？', '4月の週末から')}"
            f"<h2>運賃は据え置き</h2>{_pair('料金は変わる？', '大人200円のまま')}")
    assert _lines(body) == ["渡し船が復活", "Q", "いつから乗れる？", "A", "4月の週末から",
                            "運賃は据え置き", "Q", "料金は変わる？", "A", "大人200円のまま"]


def test_an_unclassed_pair_standing_once_is_no_label_line_but_a_label_a_space_apart() -> None:
    # Once, unclassed, no label line of its own; Q over A and a question make it a badge ('badges.is_word_badge').
    assert _lines(_pair("いつから乗れる？", "4月の週末から")) == ["Q いつから乗れる？", "A 4月の週末から"]


def test_letters_opening_a_question_and_a_sentence_once_stay_in_their_words() -> None:
    body = "<p><i>A</i>社は何を発表した？</p><p><i>B</i>社は値下げを発表しました。</p>"
    assert _lines(body) == ["A社は何を発表した？", "B社は値下げを発表しました。"]


def test_badged_blocks_in_wrappers_of_their_own_are_paired_in_page_order() -> None:
    body = _pair("いつから乗れる？", "4月の週末から", wrap="<div><div>", classes=(' class="ask"', ' class="reply"'))
    assert _lines(body.replace("</div>", "</div></div>")) == ["Q", "いつから乗れる？", "A", "4月の週末から"]
