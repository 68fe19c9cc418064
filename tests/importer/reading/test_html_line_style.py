"""A post written as one block of <br>-separated lines, its section headings set off by inline markup
alone: each such line is styled by that markup, and a heading over no question still heads its section."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _card(title: str, bullet: str, publisher: str, url: str) -> str:
    return (f"<div class='q'>{title}<br>掲載日 2025/07/05<br>◇ {bullet}<br>"
            f"記事を読む ＞ {publisher} <a href='{url}'>{url}</a></div>")


_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>川の花火大会、今年は2万発｜ゆうがた帳</title></head>
<body><main><h1>川の花火大会、今年は2万発</h1><div class="txt">
川沿いの花火大会が今年も開かれ、過去最多の2万発が打ち上げられます。<br>
<br>
<font size="4"><strong>何が新しい？</strong></font><br>
どれくらい増えた？<br>
前年の1.5倍<br>
{first}
数が増えると、見ごたえもありそうですね。<br>
<br>
打ち上げは午後7時半から1時間半にわたって続きます。<br>
河川敷には有料の観覧席も設けられるそうです。<br>
<br>
<font size="4"><strong>混雑への備えは？</strong></font><br>
<br>
{second}
臨時の電車が出るのは助かりますね。<br>
<br>
<font size="4"><strong>雨の日はどうなる？</strong></font><br>
延期はある？<br>
翌日に延期<br>
{third}
天気にも注目です。<br>
</div></main></body></html>"""

PAGE = _PAGE.format(
    first=_card("花火2万発、過去最多に", "実行委員会は打ち上げ数を前年の1.5倍に増やす。", "川辺新聞",
                "https://kawabe.example.jp/n/1"),
    second=_card("花火大会の日、臨時列車を増発", "鉄道会社は当日夜に臨時列車を10本走らせる。", "沿線タイムズ",
                 "https://ensen.example.jp/a/2"),
    third=_card("雨天時は翌日に順延", "荒天の場合は翌日に延期し、翌日も中止なら取りやめる。", "川辺新聞",
                "https://kawabe.example.jp/n/3"))


def test_a_line_that_is_one_inline_element_between_breaks_is_styled_by_it() -> None:
    styles = {line.text: line.style for line in read_html(PAGE, ImportReport("page.html"))}
    assert styles["何が新しい？"] == styles["混雑への備えは？"] == "font>strong"
    assert styles["どれくらい増えた？"] == "div.txt"


def test_a_heading_styled_as_the_others_heads_a_section_without_a_question(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "hanabi.html", PAGE))
    assert [(section.heading, section.question) for section in article.sections] == [
        ("何が新しい？", "どれくらい増えた？"), ("混雑への備えは？", None), ("雨の日はどうなる？", "延期はある？")]
    assert [[card.url for card in section.sources] for section in article.sections] == [
        ["https://kawabe.example.jp/n/1"], ["https://ensen.example.jp/a/2"], ["https://kawabe.example.jp/n/3"]]
