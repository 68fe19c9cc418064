"""A Latin word badge glued to the question and another to its answer ('<span>ASK</span>…',
'<span>REPLY</span>…') is their label: written a space apart as a text dump prints it, then trimmed as a
pair of word labels is, whether the page saved it as markup or as text."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def _lines(body: str) -> list[str]:
    return [line.text for line in read_html(f"<html><body><article>{body}</article></body></html>",
                                            ImportReport("page.html"))]


def test_a_pair_of_word_badges_is_written_a_space_apart_from_its_text() -> None:
    body = ("<h2>渡し船が復活</h2><div class='faq'><p><b class='tag ask'>Ask</b>いつから乗れる？</p>"
            "<p><b class='tag reply'>Reply</b>4月の週末から</p></div>")
    assert _lines(body) == ["渡し船が復活", "Ask いつから乗れる？", "Reply 4月の週末から"]


def test_a_pair_of_kana_word_badges_over_a_question_is_written_a_space_apart() -> None:
    # The answer's text is all inside an inline element: the line beside still opens with the other badge.
    body = ("<h2>市営プールの再開</h2><div><p><span class='pill'>たずね</span>いつ泳げるようになる？</p>"
            "<p><span class='pill'>こたえ</span><em>7月の海の日から</em></p><p>改修は予定より早く終わりました。</p></div>")
    assert _lines(body)[1:3] == ["たずね いつ泳げるようになる？", "こたえ 7月の海の日から"]


def test_a_badge_inside_the_inline_element_holding_the_text_opens_its_line() -> None:
    body = ("<h2>市営プールの再開</h2><p><strong><i>Ask</i>いつ泳げるようになる?</strong></p>"
            "<p><strong><i>Reply</i>7月の海の日から</strong></p>")
    assert _lines(body)[1:] == ["Ask いつ泳げるようになる?", "Reply 7月の海の日から"]


def test_two_sentences_opening_with_kanji_words_in_bold_stay_glued() -> None:
    # No question before them: two place names in bold open two sentences, no label pair.
    body = "<h2>各地の人出</h2><p><b>札幌</b>では雪まつりが始まりました。</p><p><b>那覇</b>では海開きです。</p>"
    assert _lines(body)[1:] == ["札幌では雪まつりが始まりました。", "那覇では海開きです。"]


def test_a_word_badge_with_no_other_beside_it_stays_glued() -> None:
    # One badge is no pair: a brand or a model name may open a paragraph so ('<b>Nova</b>シリーズは…').
    body = "<h2>新型の端末</h2><p><b class='tag'>Nova</b>シリーズの新型が出ます。</p><p>価格は未定です。</p>"
    assert _lines(body) == ["新型の端末", "Novaシリーズの新型が出ます。", "価格は未定です。"]


_TEXT = """川の渡し船が復活！春から週末に運航
2025年3月2日
川の渡し船が、10年ぶりに復活することになりました。
渡し船が戻ってくる
ASK いつから乗れるのですか？
REPLY 4月の週末から
町は観光客の増加を見込んでいます。
川の渡し船、10年ぶり復活へ　4月から週末運航
2025年3月1日
・町は4月から週末に渡し船を運航すると発表した。
元記事を読む » 川辺新聞 https://kawabe.example.jp/news/ferry
懐かしい風景が戻りますね。
"""


def test_a_pair_of_latin_word_labels_is_trimmed_from_the_question_and_the_answer(tmp_path: Path) -> None:
    section = _digest(_import(tmp_path, "ferry.txt", _TEXT)).sections[0]
    assert section.question == "いつから乗れるのですか？"
    assert section.answer == "4月の週末から"


def test_one_latin_word_opening_the_question_alone_stays_in_it(tmp_path: Path) -> None:
    text = _TEXT.replace("REPLY 4月の週末から", "4月の週末から").replace("ASK いつから", "NHK の取材でいつから")
    section = _digest(_import(tmp_path, "ferry.txt", text)).sections[0]
    assert section.question == "NHK の取材でいつから乗れるのですか？"


def test_badges_opening_lines_set_off_by_breaks_are_a_pair_too() -> None:
    body = ("<h2>市営プールの再開</h2><div><font><b>たずね</b>いつ泳げるようになる？<br>"
            "<b>こたえ</b>7月の海の日から<br>改修は予定より早く終わりました。</font></div>")
    assert _lines(body)[1:3] == ["たずね いつ泳げるようになる？", "こたえ 7月の海の日から"]


def test_bold_words_opening_lines_set_off_by_breaks_with_no_question_stay_glued() -> None:
    body = "<h2>各地の人出</h2><p><b>札幌</b>では雪まつりが始まりました。<br><b>那覇</b>では海開きです。</p>"
    assert "札幌では雪まつりが始まりました。" in _lines(body)
