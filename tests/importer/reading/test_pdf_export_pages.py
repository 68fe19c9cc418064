"""A PDF export copied as text: wrapped at a count of characters whatever their width (ASCII and full-width
alike, a closing mark hanging past it), its running header printed again at every page break beside the page's
number."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.reading.text.hard_wrap import unwrapped
from kiku.importer.report import ImportReport

# Each paragraph wrapped at 26 characters: a row holding Latin letters and digits is narrower on a terminal.
WRAPPED = """県立図書館だより　2025年秋号
電子書籍サービス、10月から全県で利用可能に
県立図書館は、電子書籍の貸し出しサービスを10月1日
から県内すべての市町村で利用できるようにすると発表し
ました。スマートフォンやPCから24時間借りられ、返
却の手間もかかりません。
対象となる本は約3万冊で、小説や実用書のほか、地域の
郷土資料もデジタル化して順次加えます。利用には各市町
村の図書館カードが必要です。
図書館では、高齢者向けの使い方講座も開く予定で、来館
が難しい人の読書を支えたいとしています。ID登録の手
続きは窓口とWEBの両方で受け付けます。
県は来年度、学校図書館との連携も進め、児童や生徒が授
業で電子書籍を使える環境を整える方針です。
"""


def test_a_page_wrapped_at_a_count_of_characters_is_joined_back() -> None:
    texts = [text for _, text in unwrapped(WRAPPED.splitlines())]
    assert texts[2] == ("県立図書館は、電子書籍の貸し出しサービスを10月1日から県内すべての市町村で利用できるようにすると"
                        "発表しました。スマートフォンやPCから24時間借りられ、返却の手間もかかりません。")
    assert texts[1] == "電子書籍サービス、10月から全県で利用可能に"


def test_an_unwrapped_page_of_sentences_keeps_its_lines() -> None:
    lines = ["見出しです", "短い文です。", "これはもう少し長い一文で、途中に読点が入ります。",
             "三つ目の段落はさらに長く書かれていて、一行に収まる長さを超えても改行されていません。", "終わり。"]
    assert [text for _, text in unwrapped(lines)] == lines


def _kept(*texts: str) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    return [line.text for line in strip_debris(lines, ImportReport("page.txt"))]


def test_a_line_repeated_at_each_page_break_beside_its_number_is_the_running_header() -> None:
    kept = _kept("郷土史研究ノート", "本文の一段落目です。", "p. 1", "郷土史研究ノート　第12集", "本文の二段落目です。",
                 "p. 2", "郷土史研究ノート　第12集", "本文の三段落目です。")
    assert kept == ["郷土史研究ノート", "本文の一段落目です。", "本文の二段落目です。", "本文の三段落目です。"]


def test_a_line_repeated_away_from_page_breaks_is_kept() -> None:
    kept = _kept("まとめ", "本文です。", "p. 1", "本文の続きです。", "まとめ", "最後の段落です。")
    assert kept == ["まとめ", "本文です。", "本文の続きです。", "まとめ", "最後の段落です。"]


def test_a_paragraph_broken_by_a_page_break_is_joined_over_the_number_and_running_header() -> None:
    rows = WRAPPED.splitlines()
    broken = [*rows[:3], "- 1 -", "県立図書館だより　2025年秋号", *rows[3:]]
    texts = [text for _, text in unwrapped(broken)]
    assert texts[2].startswith("県立図書館は、電子書籍の貸し出しサービスを10月1日から県内すべての市町村で利用できるように")
    assert texts[2].endswith("返却の手間もかかりません。")
    assert texts[3:5] == ["- 1 -", "県立図書館だより　2025年秋号"]


def test_the_running_header_heading_the_first_page_is_chrome_too() -> None:
    kept = _kept("郷土史研究ノート　第12集", "本文の一段落目です。", "p. 1", "郷土史研究ノート　第12集", "本文の二段落目です。")
    assert kept == ["本文の一段落目です。", "本文の二段落目です。"]



# A short page wrapped at 26 characters, most of its lines bullets and headings shorter than the count: few rows
# reach it, and many lines are nearly as long without being cut.
_SHORT_PARAGRAPHS = ("漁協は、これまで日曜日だけだった港の朝市を来月から土曜日にも開くと決めました。地元の鮮魚や干物を直接"
                     "買えると評判で、遠方からの客も増えています。",
                     "一方で、周辺の道路が混み合うことから、町は交通整理の係員を増やし、臨時の駐車場も用意する方針です。",
                     "漁協の担当者は、若い世代にも魚のおいしさを知ってほしいと話し、料理教室も開く考えを示しました。")
_SHORT_HEAD = ["港の朝市、土曜日も開催へ", "■ 鮮魚の直売が人気で、来場者はこの春に倍増した",
               "■ 駐車場は臨時に二か所を追加し、係員も置く", "■ 雨の日でも屋根の下で続けるという"]


def _wrapped_at(count: int, text: str) -> list[str]:
    return [text[start:start + count] for start in range(0, len(text), count)]


def test_a_short_page_whose_longest_rows_are_cut_mid_sentence_is_joined_back() -> None:
    rows = _SHORT_HEAD + [row for paragraph in _SHORT_PARAGRAPHS for row in _wrapped_at(26, paragraph)]
    assert max(len(row) for row in rows) == 26 and sum(len(row) == 26 for row in rows) < 8
    texts = [text for _, text in unwrapped(rows)]
    assert texts == [*_SHORT_HEAD, *_SHORT_PARAGRAPHS]


def test_a_page_whose_longest_lines_are_whole_sentences_keeps_its_lines() -> None:
    lines = ["商店街の夏祭り、三年ぶりに夜店が並ぶことになりました", "実行委員会は七月の週末に、駅前で夏祭りを開きます。",
             "夜店は三十店が並び、盆踊りも予定されている（予定）。", "会場の周辺は、午後から車の通行が止まります。",
             "雨の場合は、翌週の土曜日に延期となる見込みです。", "問い合わせは、商店街の事務所までお願いします。"]
    assert [text for _, text in unwrapped(lines)] == lines
