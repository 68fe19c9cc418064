"""A question's or answer's label ('Q.', 'A：') set apart from its text: in an inline element before
the block holding the text, or alone on the line above it. Either way the heading stays the heading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import import_page
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.paths import REPO

_SECTION_HTML = """<section><h2>記念式典に300人</h2>
<div class="qa"><div><span class="l">Q.</span><p>式典には誰が集まった？</p></div>
<div><span class="l">A.</span><p>市民や出店者など約300人</p></div></div>
<p>にぎやかな式典になったようです。</p>
<div class="card"><p>朝市が100周年、記念式典に300人</p><p>2025年5月10日</p>
<p>・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</p>
<p><a href="https://minato.example.jp/news/100th">元記事を読む »</a> 港町新聞</p></div></section>"""

_TEXT = """港町の朝市が100周年！記念式典のようすは
2025年5月10日
港町の朝市が今年で100周年を迎え、記念の式典が開かれました。
記念式典に300人
Q.
式典には誰が集まった？
A.
市民や出店者など約300人
にぎやかな式典になったようです。
朝市が100周年、記念式典に300人
2025年5月10日
・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。
元記事を読む » 港町新聞 https://minato.example.jp/news/100th
100年続く朝市はすごいですね。
"""


def _import(tmp_path: Path, name: str, text: str) -> DigestArticle:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from=name, import_day=dt.date(2026, 3, 9)).article
    assert isinstance(article, DigestArticle)
    return article


def test_an_inline_label_before_a_block_is_read_on_the_blocks_line() -> None:
    lines = [line.text for line in read_html(f"<html><body>{_SECTION_HTML}</body></html>", ImportReport("p.html"))]
    assert lines[:3] == ["記念式典に300人", "Q. 式典には誰が集まった？", "A. 市民や出店者など約300人"]


def test_a_word_in_a_span_before_a_block_is_not_a_label() -> None:
    markup = "<html><body><article><div><span>新着</span><p>朝市が100周年、記念式典に300人</p></div></article></body></html>"
    assert [line.text for line in read_html(markup, ImportReport("p.html"))] == ["新着", "朝市が100周年、記念式典に300人"]


def test_the_section_of_a_saved_page_keeps_its_heading_question_and_answer(tmp_path: Path) -> None:
    page = (f"<html><body><article><h1>港町の朝市が100周年！記念式典のようすは</h1>"
            f"<p>港町の朝市が今年で100周年を迎え、記念の式典が開かれました。</p>{_SECTION_HTML}</article></body></html>")
    section = _import(tmp_path, "page.html", page).sections[0]
    assert (section.heading, section.question, section.answer) == (
        "記念式典に300人", "式典には誰が集まった？", "市民や出店者など約300人")


@pytest.mark.parametrize(("question_label", "answer_label"), [("Q.", "A."), ("Q", "A"), ("Ｑ：", "Ａ：")])
def test_a_label_alone_on_the_line_above_the_question_is_consumed_not_read_as_a_heading(
        tmp_path: Path, question_label: str, answer_label: str) -> None:
    text = _TEXT.replace("\nQ.\n", f"\n{question_label}\n").replace("\nA.\n", f"\n{answer_label}\n")
    section = _import(tmp_path, "page.txt", text).sections[0]
    assert (section.heading, section.question, section.answer) == (
        "記念式典に300人", "式典には誰が集まった？", "市民や出店者など約300人")
    assert section.sources[0].title == "朝市が100周年、記念式典に300人"


_BADGED_SECTION = """<section><h2>記念式典に300人</h2>
<div class="qq"><b class="badge">Q1</b>式典には誰が集まった？</div>
<div class="aa"><b class="badge">A1</b>市民や出店者など約300人</div>
<p>にぎやかな式典になったようです。</p>
<div class="card"><p>朝市が100周年、記念式典に300人</p><p>2025年5月10日</p>
<p>・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</p>
<p><a href="https://minato.example.jp/news/100th">元記事を読む »</a> 港町新聞</p></div></section>"""


def test_a_letter_badge_opening_the_question_and_the_answer_is_their_label_line(tmp_path: Path) -> None:
    lines = [line.text for line in read_html(f"<html><body>{_BADGED_SECTION}</body></html>", ImportReport("p.html"))]
    assert lines[:5] == ["記念式典に300人", "Q1", "式典には誰が集まった？", "A1", "市民や出店者など約300人"]
    page = (f"<html><body><article><h1>港町の朝市が100周年！記念式典のようすは</h1>"
            f"<p>港町の朝市が今年で100周年を迎え、記念の式典が開かれました。</p>{_BADGED_SECTION}</article></body></html>")
    section = _import(tmp_path, "page.html", page).sections[0]
    assert (section.question, section.answer) == ("式典には誰が集まった？", "市民や出店者など約300人")


def test_a_letter_in_its_own_element_opening_one_paragraph_stays_in_its_word() -> None:
    markup = ("<html><body><article><p><b>B</b>社の店も出店した。</p><p><b>C</b>社は来年から参加する。</p>"
              "<p><b>D</b>地区の朝市も続く。</p></article></body></html>")
    assert [line.text for line in read_html(markup, ImportReport("p.html"))] == [
        "B社の店も出店した。", "C社は来年から参加する。", "D地区の朝市も続く。"]




_GLYPH_SECTION = """<section><h2>記念式典に300人</h2>
<p class="ask">{question}式典には誰が集まった？</p><p class="reply">{answer}市民や出店者など約300人</p>
<p>にぎやかな式典になったようです。</p>
<div class="card"><p>朝市が100周年、記念式典に300人</p><p>2025年5月10日</p>
<p>・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</p>
<p><a href="https://minato.example.jp/news/100th">元記事を読む »</a> 港町新聞</p></div></section>"""


@pytest.mark.parametrize(("question_mark", "answer_mark"), [("◆ ", "⇒ "), ("▷　", "→ ")])
def test_a_glyph_and_a_space_before_the_question_and_the_answer_is_their_label(
        tmp_path: Path, question_mark: str, answer_mark: str) -> None:
    section_html = _GLYPH_SECTION.format(question=question_mark, answer=answer_mark)
    page = (f"<html><body><article><h1>港町の朝市が100周年！記念式典のようすは</h1>"
            f"<p>港町の朝市が今年で100周年を迎え、記念の式典が開かれました。</p>{section_html}</article></body></html>")
    section = _import(tmp_path, "page.html", page).sections[0]
    assert (section.heading, section.question, section.answer) == (
        "記念式典に300人", "式典には誰が集まった？", "市民や出店者など約300人")


_PLAIN = _TEXT.replace("Q.\n", "").replace("A.\n", "")


@pytest.mark.parametrize(("question", "answer"), [
    ("—式典には誰が集まった？", "市民や出店者など約300人"),  # an interviewer's dash, glued
    ("― 式典には誰が集まった？", "市民や出店者など約300人"),
    ("質 式典には誰が集まった？", "応 市民や出店者など約300人"),  # one-letter words opening both lines
    ("たずね\u3000式典には誰が集まった？", "おへんじ\u3000市民や出店者など約300人"),  # words in kana, 3 and 4 long
])
def test_a_dash_or_a_paired_word_before_the_question_is_its_label(tmp_path: Path, question: str, answer: str) -> None:
    text = _PLAIN.replace("式典には誰が集まった？", question).replace("市民や出店者など約300人\n", answer + "\n", 1)
    section = _import(tmp_path, "page.txt", text).sections[0]
    assert (section.question, section.answer) == ("式典には誰が集まった？", "市民や出店者など約300人")


@pytest.mark.parametrize("question", ["Q\u3000式典には誰が集まった？", "Ｑ 式典には誰が集まった？"])
def test_the_letter_q_spaced_before_the_question_is_its_label_whatever_marks_the_answer(
        tmp_path: Path, question: str) -> None:
    text = _PLAIN.replace("式典には誰が集まった？", question).replace("市民や出店者など約300人\n", "≫ 市民や出店者など約300人\n", 1)
    section = _import(tmp_path, "page.txt", text).sections[0]
    assert section.question == "式典には誰が集まった？"


def test_the_letter_a_opening_an_english_question_is_no_label(tmp_path: Path) -> None:
    text = _PLAIN.replace("式典には誰が集まった？", "A festival for whom？")
    section = _import(tmp_path, "page.txt", text).sections[0]
    assert section.question == "A festival for whom？"


def test_words_of_three_with_a_digit_opening_both_lines_are_no_labels(tmp_path: Path) -> None:
    text = _PLAIN.replace("式典には誰が集まった？", "100年 式典には誰が集まった？") \
        .replace("市民や出店者など約300人\n", "約3百 市民や出店者など約300人\n", 1)
    section = _import(tmp_path, "page.txt", text).sections[0]
    assert (section.question, section.answer) == ("100年 式典には誰が集まった？", "約3百 市民や出店者など約300人")


def test_a_short_word_before_the_question_alone_is_not_a_label(tmp_path: Path) -> None:
    text = _PLAIN.replace("式典には誰が集まった？", "今年 式典には誰が集まった？")
    section = _import(tmp_path, "page.txt", text).sections[0]
    assert section.question == "今年 式典には誰が集まった？"


def test_a_question_and_answer_labelled_by_a_word_in_brackets_lose_the_label(tmp_path: Path) -> None:
    text = _TEXT.replace("Q.\n式典には", "〈質問〉式典には").replace("A.\n市民や", "［回答］市民や")
    section = _import(tmp_path, "bracketed.txt", text).sections[0]
    assert section.question == "式典には誰が集まった？"
    assert section.answer == "市民や出店者など約300人"


def test_a_word_in_round_brackets_before_the_question_and_answer_is_their_label(tmp_path: Path) -> None:
    text = _TEXT.replace("Q.\n式典には", "(質問)式典には").replace("A.\n市民や", "（回答） 市民や")
    section = _import(tmp_path, "round.txt", text).sections[0]
    assert (section.question, section.answer) == ("式典には誰が集まった？", "市民や出店者など約300人")


def test_a_number_in_brackets_after_a_counting_word_is_the_headings_number(tmp_path: Path) -> None:
    text = _TEXT.replace("\n記念式典に300人\nQ.", "\n〔パート1〕記念式典に300人\nQ.")
    assert _import(tmp_path, "counted.txt", text).sections[0].heading == "記念式典に300人"


def test_a_word_and_an_arrow_before_the_answer_is_its_label(tmp_path: Path) -> None:
    text = _TEXT.replace("Q.\n式典には", "式典には").replace("A.\n市民や", "こたえ ⇒市民や")
    section = _import(tmp_path, "arrow.txt", text).sections[0]
    assert section.answer == "市民や出店者など約300人"


def test_a_word_glued_to_an_arrow_in_the_answer_is_its_text(tmp_path: Path) -> None:
    text = _TEXT.replace("Q.\n式典には", "式典には").replace("A.\n市民や出店者など約300人", "市民→出店者の順に約300人")
    section = _import(tmp_path, "glued.txt", text).sections[0]
    assert section.answer == "市民→出店者の順に約300人"


def test_a_word_label_spaced_off_its_colon_is_still_a_label(tmp_path: Path) -> None:
    # '<dt>質問</dt> <dd>…</dd>' as a text dump prints it: the space the markup left before the colon.
    text = _TEXT.replace("Q.\n式典には", "質問 ：式典には").replace("A.\n市民や", "回答　：市民や")
    section = _import(tmp_path, "spaced.txt", text).sections[0]
    assert (section.question, section.answer) == ("式典には誰が集まった？", "市民や出店者など約300人")


_VARIANT_BADGES = """<section><h2>記念式典に300人</h2>
<div class="faq"><p class="faq-ask"><b class="pill pill--ask">Q</b>式典には誰が集まった？</p>
<p class="faq-reply"><b class="pill pill--reply">A</b>市民や出店者など約300人</p></div>
<p>にぎやかな式典になったようです。</p></section>"""


def test_letter_badges_classed_as_two_variants_are_the_question_and_answer_labels() -> None:
    # The question's and the answer's blocks are styled apart, and so are their badges ('pill--ask',
    # 'pill--reply'): still one kind of badge, each a label line over its text.
    lines = [line.text for line in read_html(f"<html><body>{_VARIANT_BADGES}</body></html>", ImportReport("p.html"))]
    assert lines[:5] == ["記念式典に300人", "Q", "式典には誰が集まった？", "A", "市民や出店者など約300人"]
