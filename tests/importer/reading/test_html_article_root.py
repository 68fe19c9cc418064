"""Which element of a saved page holds the article: sibling <article> cards are its items, the article holding the title or most of the text is its root, and a date above the title outside that root still dates it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def _lines(markup: str) -> list[str]:
    return [line.text for line in read_html(markup, ImportReport("page.html"))]


def _card(title: str, day: str, bullets: list[str], publisher: str, url: str) -> str:
    items = "".join(f"<li>{bullet}</li>" for bullet in bullets)
    return (f"<article class='item'><h3>{title}</h3><time>{day}</time><ul>{items}</ul>"
            f"<p>続きを読む &raquo; <cite>{publisher}</cite> <a href='{url}'>{url}</a></p></article>")


_CARDS_AS_ARTICLES = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>港町の朝市が100周年　観光客も増加 | みなと便り</title></head><body>
<header><p>みなと便り</p></header>
<{{root}} class="body">
<h1>港町の朝市が100周年　観光客も増加</h1>
<p>港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。</p>
<h2>朝市の歩み</h2>
<p>いつから続いている？</p>
<p>大正時代から</p>
{_card("朝市が100周年、記念式典に300人", "2025年5月10日",
       ["朝市の開設100周年を祝う式典が開かれ、約300人が参加した。", "市長は「港町の台所を次の100年へ」と述べた。"],
       "港町新聞", "https://minato.example.jp/news/100th")}
<p>長く続く朝市には、町の歴史が詰まっていますね。</p>
<h2>観光客の増加</h2>
<p>どれくらい増えた？</p>
<p>前年の1.5倍</p>
{_card("朝市の観光客、前年の1.5倍に", "2025年5月12日",
       ["週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。", "海外からの団体客も目立つという。"],
       "湾岸タイムズ", "https://wangan.example.jp/articles/3021")}
<p>にぎわいが戻ってきたのはうれしいですね。</p>
{_card("朝市の駐車場を拡張へ", "2025年5月13日",
       ["市は朝市の駐車場を拡張し、来年春から使えるようにする。", "周辺道路の渋滞対策も進める。"],
       "港町新聞", "https://minato.example.jp/news/parking")}
<p>車で来る人には朗報です。</p>
</{{root}}>
<footer><p>© みなと便り</p></footer></body></html>"""


def test_sibling_source_cards_marked_as_articles_are_items_of_the_page_not_its_root(tmp_path: Path) -> None:
    # Inside <main>, or with no <main> at all: several <article> elements side by side are the
    # page's items, and the container holding the <h1> and them all is the article.
    for root in ("main", "div"):
        article = _digest(_import(tmp_path, f"asaichi_{root}.html", _CARDS_AS_ARTICLES.format(root=root)))
        assert article.title == "港町の朝市が100周年　観光客も増加"
        assert article.lead == "港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。"
        assert [section.heading for section in article.sections] == ["朝市の歩み", "観光客の増加"]
        assert [[card.url for card in section.sources] for section in article.sections] == [
            ["https://minato.example.jp/news/100th"],
            ["https://wangan.example.jp/articles/3021", "https://minato.example.jp/news/parking"]]
        assert article.sections[1].sources[0].publisher == "湾岸タイムズ"


def test_the_article_holding_the_title_stays_the_root_beside_a_lighter_article() -> None:
    # An <article> holding the <h1> is the page's article even beside another <article> (a teaser
    # the site prints under it): that one is outside the content.
    page = ("<html><body><main><article><h1>港町の朝市が100周年</h1><p>朝市が100周年を迎えました。</p></article>"
            "<article><p>次の記事：港町の灯台が一般公開　春の特別企画として三日間だけ中に入れる</p>"
            "<p>港町の灯台が春の三日間だけ一般公開され、展望室から港を一望できる。見学は予約制で、"
            "市の観光協会が受け付ける。</p></article></main></body></html>")
    assert _lines(page) == ["港町の朝市が100周年", "朝市が100周年を迎えました。"]


def _div_card(title: str, day: str, bullets: list[str], publisher: str, url: str) -> str:
    items = "".join(f"<div>◆ {bullet}</div>" for bullet in bullets)
    return (f"<div class='c1'><div class='c2'>{title}</div><div class='c3'>配信日 {day}</div>{items}"
            f"<div class='c4'>続きを読む →<cite>{publisher}</cite>出典/画像元: <a href='{url}'>{url}</a></div></div>")


_META_ABOVE_TITLE = f"""<!doctype html><html><head><meta charset="utf-8"><title>港町の朝市が100周年 | みなと便り</title>
</head><body><div class="x1"><div class="x2"><div class="x3"><span>2025.05.14</span><span> | </span><span>地域・暮らし</span></div>
<div class="x4"><h1>港町の朝市が100周年、観光客は前年の1.5倍に</h1></div>
<div class="x5">
<div>港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。</div>
<div class="x6"><h2>朝市の歩み</h2><div>いつから続いている？</div><div>大正時代から</div></div>
{_div_card("朝市が100周年、記念式典に300人", "2025.05.10",
           ["朝市の開設100周年を祝う式典が開かれ、約300人が参加した。", "市長は「港町の台所を次の100年へ」と述べた。"],
           "港町新聞", "https://minato.example.jp/news/100th")}
<div>長く続く朝市には、町の歴史が詰まっていますね。</div>
<div class="x6"><h2>観光客の増加</h2><div>どれくらい増えた？</div><div>前年の1.5倍</div></div>
{_div_card("朝市の観光客、前年の1.5倍に", "2025.05.12",
           ["週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。", "海外からの団体客も目立つという。"],
           "湾岸タイムズ", "https://wangan.example.jp/articles/3021")}
<div>にぎわいが戻ってきたのはうれしいですね。</div>
</div>
<div class="x7"><a href="/tag/a">#朝市</a> <a href="/tag/b">#観光</a> <a href="/tag/c">#港町</a></div>
</div></div></body></html>"""


def test_the_date_line_above_a_title_outside_the_text_container_dates_the_article(tmp_path: Path) -> None:
    # The title's container also holds the site's hashtag row after the text, so it is not the
    # content; the meta line printed right above the title ('date | category') still is the
    # article's date, not the latest card's.
    result = _import(tmp_path, "asaichi_meta.html", _META_ABOVE_TITLE)
    article = _digest(result)
    assert article.title == "港町の朝市が100周年、観光客は前年の1.5倍に"
    assert article.date == dt.date(2025, 5, 14)
    assert [section.heading for section in article.sections] == ["朝市の歩み", "観光客の増加"]
    assert [[card.published for card in section.sources] for section in article.sections] == [
        [dt.date(2025, 5, 10)], [dt.date(2025, 5, 12)]]


def test_an_article_holding_most_of_the_text_stays_the_root_beside_a_teaser_article() -> None:
    # The title printed above <main>: of the two <article>s, the one holding most of the
    # text is the article, and the teaser beside it stays outside the content.
    body = "".join(f"<p>朝市の{day}日目も、朝から多くの人でにぎわいました。港の魚が並びました。</p>" for day in range(1, 7))
    page = ("<html><body><div><h1>港町の朝市が100周年</h1></div><main><article>" + body + "</article>"
            "<article><p>次の記事：港町の灯台が一般公開</p></article></main></body></html>")
    lines = _lines(page)
    assert lines[0] == "港町の朝市が100周年"
    assert lines[1:] == [f"朝市の{day}日目も、朝から多くの人でにぎわいました。港の魚が並びました。" for day in range(1, 7)]


def test_a_date_above_an_article_that_holds_its_title_is_the_sites_not_the_articles() -> None:
    # Only a title printed outside the content container brings its date line with it: the day's
    # date in a site's top bar above an <article> holding the <h1> stays outside.
    page = ("<html><body><div>2026年3月9日（月） 天気：晴れ</div><main><article><h1>港町の朝市が100周年</h1>"
            "<p>公開日：2025年5月14日</p><p>港町の朝市が今年で100周年を迎えました。</p></article></main></body></html>")
    assert _lines(page) == ["港町の朝市が100周年", "公開日：2025年5月14日", "港町の朝市が今年で100周年を迎えました。"]
