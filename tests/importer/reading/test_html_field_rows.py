"""A row of short fields, each its own inline element with nothing between them, read apart as a
text dump prints them; a bullet mark hidden from screen readers only is shown, as the page shows it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import import_page
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.paths import REPO


def _lines(body: str) -> list[str]:
    return [line.text for line in read_html(f"<html><body><article>{body}</article></body></html>",
                                            ImportReport("page.html"))]


def test_fields_in_elements_of_their_own_are_read_apart() -> None:
    body = ("<div class='r7'><em>2024/11/02</em><small>引用元</small><strong>山並タイムズ</strong></div>"
            "<p>峠の茶屋が今年も営業を始めました。</p>")
    assert _lines(body) == ["2024/11/02 引用元 山並タイムズ", "峠の茶屋が今年も営業を始めました。"]


def test_inline_elements_in_a_sentence_or_with_text_between_stay_glued() -> None:
    body = ("<p>町の<b>新しい</b><i>計画</i>が発表された。</p>"
            "<p><b>茶屋</b>と<b>峠</b></p>")
    assert _lines(body) == ["町の新しい計画が発表された。", "茶屋と峠"]


def test_a_mark_hidden_from_screen_readers_only_opens_its_line() -> None:
    body = ("<div class='k'><i aria-hidden='true'>◆</i><span>峠の茶屋が今年も営業を始めました。</span></div>"
            "<div class='k'><i aria-hidden='true'>メニュー</i><span>冬は休業します。</span></div>"
            "<div class='k'><span>山道は冬季閉鎖です。</span><b aria-hidden='true'>×</b></div>")
    assert _lines(body) == ["◆峠の茶屋が今年も営業を始めました。", "冬は休業します。", "山道は冬季閉鎖です。"]



def test_runs_a_rich_text_editor_split_by_style_read_as_one_text() -> None:
    run = "<font class='t'><font style='color: #444'>{}</font></font>"
    bold = "<font class='t'><font style='color: #444; font-weight: 700'>{}</font></font>"
    body = ("<p class='t'>" + run.format("掲") + run.format("載日／２０２４年３月") + bold.format("１") + run.format("７日")
            + "</p><p class='t'>" + run.format("峠の") + bold.format("茶屋") + run.format("が再開") + "</p>")
    assert _lines(body) == ["掲載日／２０２４年３月１７日", "峠の茶屋が再開"]


def test_elements_set_apart_by_layout_or_by_their_roles_stay_fields() -> None:
    body = ("<div><span style='color:#777;margin-right:8px'>2024/11/02</span>"
            "<span style='color:#777;margin-right:8px'>山並タイムズ</span></div>"
            "<div><span class='day' style='color:#777'>2024/11/03</span>"
            "<span class='paper' style='color:#777'>峠の里ニュース</span></div>")
    assert _lines(body) == ["2024/11/02 山並タイムズ", "2024/11/03 峠の里ニュース"]

_PAGE = """<html><body><article>
<h1>峠の茶屋、今年も営業開始</h1>
<p>山あいの峠にある茶屋が、今年も営業を始めました。</p>
<h2>いつから営業？</h2>
<p>営業はいつから始まりましたか？</p>
<p>11月1日</p>
<div class="c1"><a class="c2" href="https://yamanami.example/news/chaya">峠の茶屋、今季の営業始まる</a>
<div class="c3"><span class="c4">2024.11.01</span><span class="c5">引用元</span><span class="c6">山並タイムズ</span></div>
<ul><li>峠の茶屋が11月1日から今季の営業を始めた。</li><li>名物の団子を求めて朝から行列ができた。</li></ul>
<a class="c7" href="https://yamanami.example/news/chaya">詳しく見る →</a></div>
<p>行列ができるほどの人気なのですね。</p>
</article></body></html>"""


def test_a_card_meta_row_of_fields_gives_the_card_its_date_and_publisher(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_PAGE, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="page.html", import_day=dt.date(2026, 3, 9)).article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.title, card.publisher, card.published, card.url) == (
        "峠の茶屋、今季の営業始まる", "山並タイムズ", dt.date(2024, 11, 1), "https://yamanami.example/news/chaya")


def test_a_link_labelled_in_other_words_before_the_publisher_gives_the_card_its_url(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_PAGE.replace('<a class="c7" href="https://yamanami.example/news/chaya">詳しく見る →</a>',
                                  '<p><a href="https://yamanami.example/news/chaya">原典を見る &gt;&gt;</a> '
                                  '<cite>峠の里ニュース</cite></p>'), encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="page.html", import_day=dt.date(2026, 3, 9)).article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.url, card.publisher) == ("https://yamanami.example/news/chaya", "峠の里ニュース")
