"""What of an article search reads: the fast reading of simple Markdown agrees with the parser."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiku.render.text.plaintext import parsed_plain_text, plain_text
from kiku.search.text.normalise import display_form
from kiku.search.text.searchable import shown_text, shown_texts, simple_visible_text, visible_text

# Pieces that make the fast reading's cases and its near misses: flanking, brackets, escapes, URLs.
_PIECES = st.sampled_from([
    "**", "*", "[", "]", "(", ")", "](", "https://example.com/a", "http://x.jp/b?c=1", "javascript:x",
    "停戦", "交渉", "。", "「", "」", "、", " ", "  ", "\u3000", "a", "B", "7", "!", "\\", "_", "`", "<",
    "&amp;", "#", "- ", "1. ", "\n", "\t", "ー", "ア", "(株)", "*a*", "**追加制裁**", "[発表資料](https://e.com/r/1)",
    "[2]", "[注 1]", "]:", "][", "[[", "]]", ":", " https://e.com/x", "[a]: https://e.com/d\n",
])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_fast_reading_is_the_parsers_or_none(markdown: str) -> None:
    simple = simple_visible_text(markdown)
    assert simple is None or simple == parsed_plain_text(markdown)
    assert visible_text(markdown) == plain_text(markdown)


def test_the_cases_the_fast_reading_takes_are_common() -> None:
    """The property above is no vacuous pass: the generated pieces reach the fast reading."""
    taken = [simple_visible_text(f"前{a}中{b}後") for a in ("**停戦**", "[a](https://e.jp/)") for b in ("", "**a**")]
    assert taken == ["前停戦中後", "前停戦中a後", "前a中後", "前a中a後"]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("詳しくは[発表資料](https://www.example-press.com/release/468047)を参照。", "詳しくは発表資料を参照。"),
        ("市場では**追加制裁**が焦点です。", "市場では追加制裁が焦点です。"),
        ("**NATO**と[EU](http://eu.example/x)、**3**か国", "NATOとEU、3か国"),
        ("主食用に向けの優位を占めた[2]。", "主食用に向けの優位を占めた[2]。"),  # a scraped footnote mark
        ("[注 1] [発表](https://e.jp/1)より", "[注 1] 発表より"),
    ],
)
def test_links_and_strong_emphasis_are_read_without_the_parser(markdown: str, expected: str) -> None:
    assert simple_visible_text(markdown) == expected == parsed_plain_text(markdown)


@pytest.mark.parametrize(
    "markdown",
    [
        "**「引用」**が",  # the closing ** follows punctuation and precedes a letter: not emphasis
        "![画像](https://e.com/a.png)",  # an image
        "[a](javascript:alert(1))",  # not an http(s) link
        "    **字下げ**",  # an indented code block
        "# **見出し**",  # a heading
        "[a](https://e.com/a_b)",  # an underscore anywhere: the parser decides
        "**a** *b*",  # single emphasis
        "一行目\n**二行目**",  # more than one line
        "[注][1] と [2](https://e.jp/)",  # brackets that a reference or a link could close
        "[2]: https://e.jp/",  # a definition
    ],
)
def test_anything_else_is_left_to_the_parser(markdown: str) -> None:
    assert simple_visible_text(markdown) is None
    assert visible_text(markdown) == parsed_plain_text(markdown)


def test_every_white_space_character_collapses_as_the_pages_collapse_it() -> None:
    """Fields are collapsed by splitting on ``str.isspace``; the pages' text by ``\\s+``: the same characters."""
    spaces = [chr(code) for code in range(0x110000) if re.fullmatch(r"\s", chr(code))]
    assert spaces == [chr(code) for code in range(0x110000) if chr(code).isspace()]
    for space in spaces:
        assert shown_text(f"{space}停戦{space}{space}交渉 {space}", markdown=False) == "停戦 交渉"
        assert shown_texts([f"a{space}b", f"{space}c{space}{space}d{space}"], [True, False]) == ["a b", "c d"]


_FIELD_PIECES = st.one_of(_PIECES, st.sampled_from(["\x00", "\x1f", "\x0b", "\ud800", "\n# ", "\n", "\r\n", "&", "&#1;"]))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.lists(_FIELD_PIECES, max_size=8).map("".join), st.booleans()), min_size=1, max_size=8))
def test_an_articles_fields_read_together_are_each_read_alone(fields: list[tuple[str, bool]]) -> None:
    texts, markdown = [text for text, _ in fields], [read for _, read in fields]
    assert shown_texts(texts, markdown) == [shown_text(text, markdown=read) for text, read in fields]


# Full-width forms, the ideographic space and … (pre-decomposed by display_form), with what they
# can meet: combining marks (U+0301, the kana voicing marks), kana, half-width kana, İ, ASCII.
_NFKC_MIX = st.text(st.sampled_from("Ａａ１！？（）　…\u0301\u0308\u3099\u309aかカｶﾞﾟe.İ①㈱ "), max_size=12)


@settings(max_examples=500)
@given(_NFKC_MIX)
def test_the_display_form_is_nfkc_whatever_comes_first(text: str) -> None:
    assert display_form(text) == unicodedata.normalize("NFKC", text).replace("\u0130", "i\u0307")


@settings(max_examples=500)
@given(st.lists(_NFKC_MIX, min_size=2, max_size=5))
def test_fields_joined_by_nul_are_nfkc_whichever_of_them_need_it(fields: list[str]) -> None:
    """An article's fields joined by NUL: the pieces are normalised one by one, only those that
    need it (a combining mark after NUL stays after it)."""
    text = "\x00".join(fields)
    assert display_form(text) == unicodedata.normalize("NFKC", text).replace("\u0130", "i\u0307")
