"""General rules of the page family that held-out batch 12 showed missing, each on made-up text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle, EncyclopediaArticle
from kiku.importer.grammar.card_link import read_card_link
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)


def _import(tmp_path: Path, name: str, text: str) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, import_day=IMPORT_DAY)


def _digest(result: ImportResult) -> DigestArticle:
    assert isinstance(result.article, DigestArticle)
    return result.article


def _lines(markup: str) -> list[str]:
    return [line.text for line in read_html(markup, ImportReport("page.html"))]


# --- Saved HTML: a card written as a <figure> whose <figcaption> holds the quoted article -----------

_FIGURE_CARD = """<html><body><main>
<h1>港町の朝市が100周年</h1>
<p>港町の朝市が今年で100周年を迎えました。</p>
<figure class="photo"><img src="/p.jpg" alt=""><figcaption>朝市の様子（撮影：編集部）</figcaption></figure>
<figure class="q"><img src="/t.jpg" alt=""><figcaption>
<p>朝市が100周年、記念式典に300人</p>
<p>2025年5月10日</p>
<p>・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</p>
<p><a href="https://minato.example.jp/news/100th">元記事を読む → 港町新聞</a></p>
</figcaption></figure>
</main></body></html>"""


def test_a_figcaption_of_lines_with_a_web_link_is_a_quoted_card_not_a_photo_caption() -> None:
    lines = _lines(_FIGURE_CARD)
    assert "朝市の様子（撮影：編集部）" not in lines
    assert lines[lines.index("朝市が100周年、記念式典に300人"):] == [
        "朝市が100周年、記念式典に300人",
        "2025年5月10日",
        "・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。",
        "元記事を読む → 港町新聞 https://minato.example.jp/news/100th",
    ]


# --- Saved HTML (old table CMS): a row whose first cell is only a bullet mark is one bulleted line ----

_MARKER_CELL_ROWS = """<html><body><table>
<tr><td colspan="2"><b>朝市が100周年、記念式典に300人</b></td></tr>
<tr><td>■</td><td>朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</td></tr>
<tr><td>●</td><td>市長は式典で今後の支援を約束した。</td></tr>
<tr><td>開催日</td><td>5月10日</td></tr>
</table></body></html>"""


def test_a_table_cell_holding_only_a_bullet_mark_starts_the_line_of_the_cell_after_it() -> None:
    assert _lines(_MARKER_CELL_ROWS) == [
        "朝市が100周年、記念式典に300人",
        "■朝市の開設100周年を祝う式典が開かれ、約300人が参加した。",
        "●市長は式典で今後の支援を約束した。",
        "開催日",
        "5月10日",
    ]


# --- A card's link line: brackets around the whole publisher set it off, they are not its name -------

def test_brackets_around_the_whole_publisher_are_not_part_of_its_name() -> None:
    bracketed = read_card_link("元記事を読む（港町新聞）» https://minato.example.jp/news/100th")
    assert bracketed is not None
    assert (bracketed.publisher, bracketed.url) == ("港町新聞", "https://minato.example.jp/news/100th")
    half_width = read_card_link("元記事を読む (Minato Times) » https://minato.example.jp/news/100th")
    assert half_width is not None and half_width.publisher == "Minato Times"
    # Brackets inside a name stay: they are part of what the site calls itself.
    inner = read_card_link("元記事を読む » 港町ニュース（出典：港町新聞） https://minato.example.jp/news/100th")
    assert inner is not None and inner.publisher == "港町ニュース（出典：港町新聞）"


# --- A card that prints its publisher alone above its title, its link line naming none --------------

_PUBLISHER_FIRST = """港町の朝市が100周年　観光客も増加

公開日 2025年5月12日

港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。

朝市の歩み

いつから続いている？

大正時代から

長く続く朝市には、町の歴史が詰まっています。

港町新聞

朝市が100周年、記念式典に300人

配信日 2025/05/10

・ 朝市の開設100周年を祝う式典が開かれ、約300人が参加した。

・ 市長は「港町の台所を次の100年へ」と述べた。

元記事を読む → https://minato.example.jp/news/100th

にぎわいが戻ってきたのはうれしいですね。

観光客の増加

どれくらい増えた？

前年の1.5倍

朝市の観光客、前年の1.5倍に

配信日 2025/05/12

・ 週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。

元記事を読む → 湾岸タイムズ https://wangan.example.jp/articles/3021

海外からの団体客も目立つそうです。
"""


def test_a_name_printed_alone_above_a_card_whose_link_names_no_publisher_is_its_publisher(tmp_path: Path) -> None:
    result = _import(tmp_path, "publisher-first.txt", _PUBLISHER_FIRST)
    article = _digest(result)
    assert [section.heading for section in article.sections] == ["朝市の歩み", "観光客の増加"]
    first, second = (section.sources for section in article.sections)
    assert [(card.title, card.publisher, card.url, card.published) for card in first] == [
        ("朝市が100周年、記念式典に300人", "港町新聞", "https://minato.example.jp/news/100th", dt.date(2025, 5, 10))]
    assert [(card.title, card.publisher) for card in second] == [("朝市の観光客、前年の1.5倍に", "湾岸タイムズ")]
    assert article.sections[0].comments == ("長く続く朝市には、町の歴史が詰まっています。",)
    assert [(entry.line.text, entry.read_into) for entry in result.report.dropped if entry.rule == "card-publisher"] \
        == [("港町新聞", "sections[0].sources[0].publisher")]


# --- Encyclopedia: a Japanese statement naming 'ウィキペディア日本語版の記事「…」' after an English licence line --

_STATEMENT = ("本文の一部は、ウィキペディア日本語版の記事「潮見台灯台」をもとに、"
              "クリエイティブ・コモンズ 表示-継承 4.0 国際（CC BY-SA 4.0）の下で利用しています。")

_ENGLISH_THEN_STATEMENT = f"""うみべ辞典 ― 海辺の百科
潮見台灯台（Wikipedia）
出典：フリー百科事典『ウィキペディア（Wikipedia）』最終更新 2025年2月12日 (水) 06:21

潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。

歴史[編集]

1901年に初めて点灯した。

脚注[編集]

↑ 「潮見台灯台の歩み」潮見市 https://shiomi.example.jp/toudai/history.html

All text is available under the terms of the Creative Commons Attribution-ShareAlike License.
{_STATEMENT}
"""


def test_the_statement_naming_the_article_as_its_wikipedia_kiji_is_the_licence_kept_word_for_word(
        tmp_path: Path) -> None:
    result = _import(tmp_path, "toudai.txt", _ENGLISH_THEN_STATEMENT)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "潮見台灯台"
    assert article.attribution.notice == _STATEMENT
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"


# --- A heading names its topic: a line of hiragana alone ('すごい！') is the writer's voice ------------

_HIRAGANA_EXCLAMATION = """港町の朝市が100周年　観光客も増加

公開日 2025年5月12日

港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。

朝市の歩み

いつから続いている？

大正時代から

朝市が100周年、記念式典に300人

配信日 2025/05/10

● 朝市の開設100周年を祝う式典が開かれ、約300人が参加した。

続きを読む ⇒港町新聞出典/画像元: https://minato.example.jp/news/100th

長く続く朝市には、町の歴史が詰まっています。

観光客が倍増！

どれくらい増えた？

前年の1.5倍

朝市の観光客、前年の1.5倍に

配信日 2025/05/12

● 週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。

続きを読む ⇒湾岸タイムズ出典/画像元: https://wangan.example.jp/articles/3021

市は駐車場を増やし、臨時の案内所も設ける予定です。

すごい！

次の100年に向けて、朝市の挑戦はまだ続きます。

★ 朝市は今年で100周年

★ 観光客は前年の1.5倍
"""


def test_a_line_of_hiragana_alone_is_not_a_heading_whatever_its_punctuation(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "exclamation.txt", _HIRAGANA_EXCLAMATION))
    # A heading ending in '！' that names its topic stays a heading.
    assert [section.heading for section in article.sections] == ["朝市の歩み", "観光客が倍増！"]
    last = article.sections[-1]
    assert "すごい！" in (*last.body, *last.reaction, *last.sources[0].comments)
    assert article.conclusion == ("朝市は今年で100周年", "観光客は前年の1.5倍")
