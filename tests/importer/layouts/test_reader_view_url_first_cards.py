"""A reader tool's dump: the site's host name and a reading-time estimate around the headline, Roman-numeral
section headings, and cards printed link first ('参考：URL'), the citation under the link, then the summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.cleaning.lines.counts import is_reading_time
from kiku.importer.grammar.cards.quoted_citation import quoted_citation
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.grammar.lines.features import split_marker
from tests.support.importing import digest_of, import_text

_PAGE = """kaigan-times.example

海辺の町で始まる「移動図書館船」　島の子どもに本を届ける

海岸タイムス 地域報道部 ・ 2025年6月12日

3～4 分

船に本を積んで島々を回る移動図書館が、今月から運航を始めます。

島の子どもたちが本に触れる機会を増やすのがねらいです。

ⅰ．どんな船なのか

どんな本を積むのか？

絵本や図鑑など約1500冊

参考：https://kaigan.example.jp/news/2025/06/library-boat

『移動図書館船が就航へ　島の学校を月2回訪問』（海岸新報／2025年6月10日）

– 漁船を改造した船に約1500冊を積み、島の学校や集会所を月2回訪れる。

子どもたちの楽しみが増えそうですね。

ⅱ．運営の仕組み

費用は誰が出すのか？

町とふるさと納税の寄付

参考：https://kaigan.example.jp/news/2025/06/boat-budget

『図書館船の運航費、寄付で賄う　町が初の試み』（港町日報／2025年6月11日）

– 年間の運航費約800万円を、ふるさと納税の寄付金で賄う。

寄付の使い道が目に見えるのはよい仕組みです。
"""


def test_a_reader_dumps_title_headings_and_link_first_cards(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", _PAGE))
    assert article.title == "海辺の町で始まる「移動図書館船」　島の子どもに本を届ける"
    assert article.date == dt.date(2025, 6, 12)
    assert [section.heading for section in article.sections] == ["どんな船なのか", "運営の仕組み"]
    cards = [(card.url, card.title, card.publisher, card.published)
             for section in article.sections for card in section.sources]
    assert cards == [
        ("https://kaigan.example.jp/news/2025/06/library-boat", "移動図書館船が就航へ　島の学校を月2回訪問", "海岸新報",
         dt.date(2025, 6, 10)),
        ("https://kaigan.example.jp/news/2025/06/boat-budget", "図書館船の運航費、寄付で賄う　町が初の試み", "港町日報",
         dt.date(2025, 6, 11)),
    ]
    assert "3～4 分" not in article.lead and "kaigan-times.example" not in article.lead


def test_a_duration_alone_is_a_reading_time_and_a_clock_time_is_not() -> None:
    assert is_reading_time("3～4 分") and is_reading_time("約8分") and is_reading_time("5-6 min")
    assert not is_reading_time("午後3時30分") and not is_reading_time("5分間の休憩")


def test_a_byline_set_apart_from_its_date_is_a_date_line() -> None:
    assert line_date("海岸タイムス 地域報道部 ・ 2025年6月12日") == dt.date(2025, 6, 12)
    assert line_date("町は説明会を開いた。 ・ 2025年6月12日") is None


def test_a_roman_numeral_numbers_its_line() -> None:
    assert split_marker("Ⅳ．今後の課題") == ("Ⅳ．", "今後の課題")
    assert split_marker("ⅱ) 費用") == ("ⅱ)", "費用")


def test_a_citation_may_part_its_publisher_and_date_by_a_slash() -> None:
    cited = quoted_citation("『図書館船の運航費、寄付で賄う』（港町日報／2025年6月11日）")
    assert cited is not None and (cited.publisher, cited.published) == ("港町日報", dt.date(2025, 6, 11))


def test_an_unquoted_citation_under_a_bare_link_is_read_over_it(tmp_path: Path) -> None:
    page = _PAGE.replace("参考：https://kaigan.example.jp/news/2025/06/library-boat",
                         "🔗https://kaigan.example.jp/news/2025/06/library-boat").replace(
        "『移動図書館船が就航へ　島の学校を月2回訪問』（海岸新報／2025年6月10日）",
        "移動図書館船が就航へ　島の学校を月2回訪問（海岸新報・2025年6月10日付）")
    article = digest_of(import_text(tmp_path, "page.txt", page))
    card = article.sections[0].sources[0]
    assert (card.url, card.published) == ("https://kaigan.example.jp/news/2025/06/library-boat", dt.date(2025, 6, 10))
