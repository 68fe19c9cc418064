"""Markdown dumps (a reader tool's output): told apart from text, read as rendered, their markup lines dropped by rule."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import EncyclopediaArticle
from kiku.importer.reading.text.markdown_dump import is_markdown_dump, read_markdown_dump
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import

_MARKDOWN_PAGE = """Title: 港の朝市が再開 - みなと通信
URL Source: https://minato.example.jp/posts/asaichi

Markdown Content:
[![みなと通信](https://minato.example.jp/logo.png)](https://minato.example.jp/)

*   [ホーム](https://minato.example.jp/)
*   [地域](https://minato.example.jp/local)

## 港の朝市、**三年ぶり**に再開

![Image 1: 朝市の様子](https://minato.example.jp/img/1.jpg)

> 朝市が戻ってきました。
>
> — 漁協 (@gyokyo) 2025年5月2日

---

| 開催 | 毎週日曜 |
| --- | --- |

1.   ^ a b [「朝市再開へ」](https://news.example.jp/a/1) 港新聞. 2025年5月1日閲覧。

[続きを読む ⇒](https://news.example.jp/a/2)

1 [2](https://minato.example.jp/page/2) [次へ »](https://minato.example.jp/page/2)

本文に[リンク](javascript:alert(1))と\\*印があります。
"""


def test_a_markdown_dump_is_told_by_its_reader_header_or_by_headings_and_links() -> None:
    assert is_markdown_dump(_MARKDOWN_PAGE)
    assert is_markdown_dump("# 見出し\n\n本文\n\n## 次\n\n[元記事](https://a.example.jp/)")
    assert not is_markdown_dump("# 見出し\n本文だけの行\n#経済 #円安")


def test_a_markdown_dump_is_read_as_rendered_and_its_markup_lines_are_dropped_by_rule() -> None:
    report = ImportReport("page.txt")
    lines = read_markdown_dump(_MARKDOWN_PAGE.splitlines(), report)
    assert [(line.number, line.text, line.heading) for line in lines] == [
        (10, "港の朝市、三年ぶりに再開", True),
        (14, "朝市が戻ってきました。", False),
        (16, "— 漁協 (@gyokyo) 2025年5月2日", False),
        (23, "1. ^ a b 「朝市再開へ」 https://news.example.jp/a/1 港新聞. 2025年5月1日閲覧。", False),
        (25, "続きを読む ⇒ https://news.example.jp/a/2", False),
        (29, "本文にリンクと*印があります。", False),
    ]
    assert [(item.line.number, item.rule) for item in report.dropped] == [
        (1, "reader-header"), (2, "reader-header"), (4, "reader-header"), (5, "link-list"), (7, "link-list"),
        (8, "link-list"), (12, "image"), (18, "markdown-rule"), (20, "markdown-table"), (21, "markdown-table"),
        (27, "link-list"),
    ]


def test_a_markdown_digest_page_gives_its_article_with_emphasis_removed_and_escaped_text(tmp_path: Path) -> None:
    page = """Title: 港の朝市が再開 - みなと通信
URL Source: https://minato.example.jp/posts/asaichi

Markdown Content:
# 港の朝市が三年ぶりに再開

2025年5月3日

港の朝市が**三年ぶり**に再開しました。

## 何が戻った？

**Q：どんな店が出る？**

A：鮮魚と干物の店が中心

### 朝市、5月から毎週日曜に

港新聞・2025年5月1日

*   漁協は5月から毎週日曜に朝市を開くと発表した。
*   出店は鮮魚店など20店。

[続きを読む ⇒](https://news.example.jp/a/2)

朝の港に活気が戻りそうです。
"""
    article = _digest(_import(tmp_path, "asaichi.txt", page))
    assert article.title == "港の朝市が三年ぶりに再開"
    assert article.lead == "港の朝市が三年ぶりに再開しました。"
    section = article.sections[0]
    assert (section.heading, section.question, section.answer) == ("何が戻った？", "どんな店が出る？", "鮮魚と干物の店が中心")
    card = section.sources[0]
    assert (card.title, card.url, card.summary) == (
        "朝市、5月から毎週日曜に", "https://news.example.jp/a/2",
        ("漁協は5月から毎週日曜に朝市を開くと発表した。", "出店は鮮魚店など20店。"))


def test_a_markdown_encyclopedia_page_reads_headings_with_their_edit_links(tmp_path: Path) -> None:
    page = """Title: 灯台 - ことば辞典
URL Source: https://kotoba.example.jp/wiki/灯台

Markdown Content:
# 灯台

出典：フリー百科事典『ウィキペディア（Wikipedia）』

**灯台**（とうだい）は、船に位置を知らせる塔である[1]。

## 歴史[[編集](https://kotoba.example.jp/edit?section=1)]

日本では明治に洋式灯台が建てられた[1]。

## 脚注[[編集](https://kotoba.example.jp/edit?section=2)]

1.   ^ [「灯台の歴史」](https://umi.example.jp/history) 海の博物館. 2025年4月1日閲覧。

最終更新 2025年5月10日 (土) 03:21

本記事の本文は、ウィキペディア日本語版「灯台」の2025年5月10日 (土) 03:21 UTCの版を元にしており、クリエイティブ・コモンズ 表示-継承 4.0（CC BY-SA 4.0）のもとで利用できます。
"""
    article = _import(tmp_path, "toudai.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "灯台"
    assert article.lead == "灯台（とうだい）は、船に位置を知らせる塔である[1]。"
    assert [section.heading for section in article.sections] == ["歴史"]
    assert [reference.url for reference in article.references] == ["https://umi.example.jp/history"]


def test_markdown_reference_links_autolinks_setext_headings_code_and_strike_are_read_as_rendered() -> None:
    page = ["港の朝市", "=======", "", "朝市は`毎週日曜`に開く。~~土曜~~ではない。", "",
            "[続きを読む ⇒][1]", "", "<https://news.example.jp/a/3>", "", "[1]: https://news.example.jp/a/2"]
    report = ImportReport("page.txt")
    lines = read_markdown_dump(page, report)
    assert [(line.number, line.text, line.heading) for line in lines] == [
        (1, "港の朝市", True), (4, "朝市は毎週日曜に開く。土曜ではない。", False),
        (6, "続きを読む ⇒ https://news.example.jp/a/2", False), (8, "https://news.example.jp/a/3", False)]
    assert [(item.line.number, item.rule) for item in report.dropped] == [(2, "heading-underline"),
                                                                         (10, "link-definition")]


def test_a_reader_tools_title_heads_the_page_when_its_content_prints_none() -> None:
    page = ["Title: 港の朝市が再開 - みなと通信", "URL Source: https://minato.example.jp/a", "", "Markdown Content:",
            "港の朝市が三年ぶりに再開しました。"]
    report = ImportReport("page.txt")
    lines = read_markdown_dump(page, report)
    assert [(line.number, line.text, line.heading) for line in lines] == [
        (1, "港の朝市が再開", True), (5, "港の朝市が三年ぶりに再開しました。", False)]
    assert [(item.line.number, item.rule, item.removed) for item in report.dropped] == [
        (1, "reader-header", "Title:"), (2, "reader-header", None), (4, "reader-header", None)]


def test_a_markdown_link_keeps_its_url_when_it_reads_as_a_cards_link_line() -> None:
    page = ["[via 山里日報](https://yamazato.example.jp/a/1)雪解けが早い年でした。",
            "[記事全文はこちら ⇒ 港新聞 引用元:](https://minato.example.jp/a/2)",
            "[山里日報](https://yamazato.example.jp/)の記事によると、雪が多い。"]
    lines = read_markdown_dump(page, ImportReport("page.txt"))
    assert [line.text for line in lines] == [
        "via 山里日報 https://yamazato.example.jp/a/1 雪解けが早い年でした。",
        "記事全文はこちら ⇒ 港新聞 引用元: https://minato.example.jp/a/2",
        "山里日報の記事によると、雪が多い。"]


def test_a_markdown_link_printed_as_its_own_url_is_written_once() -> None:
    page = ["1.   ^ “朝市再開へ”. 港新聞. [https://news.example.jp/a/1](https://news.example.jp/a/1) 2025年5月1日閲覧。"]
    assert [line.text for line in read_markdown_dump(page, ImportReport("page.txt"))] == [
        "1. ^ “朝市再開へ”. 港新聞. https://news.example.jp/a/1 2025年5月1日閲覧。"]
