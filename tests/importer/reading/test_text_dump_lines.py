"""Text dumps: invisible characters removed, a page hard-wrapped at a constant column joined back paragraph by paragraph."""

from __future__ import annotations

from kiku.importer.page import split_lines
from kiku.importer.reading.text.hard_wrap import unwrapped, wrap_column


def test_zero_width_spaces_and_soft_hyphens_are_removed_but_an_emoji_joiner_stays() -> None:
    lines = split_lines("駅前の\u200b再開発が\u00adはじまる。\n👨\u200d👩\u200d👧 家族向け")
    assert [line.text for line in lines] == ["駅前の再開発がはじまる。", "👨\u200d👩\u200d👧 家族向け"]


# Made-up text wrapped at 60 columns (30 full-width characters), as a terminal browser prints it.
_WRAPPED = (
    "山あいの町で冬の祭りが三年ぶりに開かれ、雪の広場には朝から多\n"
    "くの人が集まった。\n"
    "\n"
    "  • 会場では地元の中学生が作った灯籠が百基あまり並べられ、\n"
    "    夜には一斉に火がともされた。\n"
    "  • 屋台は二十店、去年の倍に増えた。\n"
    "ことしは見物客がとても多く、駅から会場までの道は夕方まで混み\n"
    "合ったという話でした。町は来年も同じ時期に祭りを開く予定で\n"
    "す。\n"
    "短い行。\n"
)


def test_a_page_wrapped_at_a_constant_column_is_joined_back_paragraph_by_paragraph() -> None:
    lines = _WRAPPED.splitlines()
    assert wrap_column(lines) == 60
    assert unwrapped(lines) == [
        (1, "山あいの町で冬の祭りが三年ぶりに開かれ、雪の広場には朝から多くの人が集まった。"), (3, ""),
        (4, "  • 会場では地元の中学生が作った灯籠が百基あまり並べられ、夜には一斉に火がともされた。"),
        (6, "  • 屋台は二十店、去年の倍に増えた。"),
        (7, "ことしは見物客がとても多く、駅から会場までの道は夕方まで混み合ったという話でした。町は来年も同じ時期に祭りを開く予定です。"),
        (10, "短い行。"),
    ]


def test_a_page_of_paragraphs_of_any_length_is_not_read_as_wrapped() -> None:
    lines = ["短い見出し", "これは長い段落で、折り返しのない一行に最後まで書かれている文章の例です。",
             "次の段落はもっと短い。", "そして最後の段落は、ほどほどの長さで終わる文章です。"]
    assert wrap_column(lines) is None
    assert [text for _, text in unwrapped(lines)] == lines


def test_a_bullet_or_a_quotation_dash_after_a_full_row_starts_its_own_line() -> None:
    rows = [f"{number}" + "あ" * 29 for number in range(4)]
    lines = [*rows, "— 町役場 (@town_office) 2025年1月5日", "・次の項目", "👉 絵文字の項目"]
    assert [text for _, text in unwrapped(lines)][-3:] == lines[-3:]


def test_a_line_holding_a_url_may_run_past_the_wrap_column() -> None:
    link = "続きを読む ⇒ 山里日報 出典: https://yamazato.example.jp/a/very/long/path/to/the/article/page"
    lines = [*_WRAPPED.splitlines(), link]
    assert wrap_column(lines) == 60


def test_the_same_long_line_printed_again_and_again_does_not_make_a_wrapped_page() -> None:
    paragraph = "同じ長さの段落が何度も繰り返されるページは折り返されたページではなく、そのまま読まれます。"
    lines = [paragraph, "見出し", paragraph, "別の見出し", paragraph, "短い", paragraph, "終わり"]
    assert wrap_column(lines) is None


def test_a_sentence_that_fills_its_row_is_not_joined_with_a_heading_under_it() -> None:
    full = "あ" * 29 + "。"
    lines = [*_WRAPPED.splitlines(), full, "次の見出し", full, "続きの文です。"]
    assert [text for _, text in unwrapped(lines)][-3:] == [full, "次の見出し", full + "続きの文です。"]
