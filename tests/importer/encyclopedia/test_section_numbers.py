"""A mirror's section numbers before its headings and permalink glyphs after them; a licence named with
its words joined as the site prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.content.model import EncyclopediaArticle
from tests.support.importing import import_text

SAVED_MIRROR = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>霧島連山 | やまなみ事典</title></head>
<body><header><a href="/">やまなみ事典</a></header><main>
<h1>霧島連山</h1>
<div class="credit">出典：フリー百科事典「ウィキペディア (Wikipedia)」</div>
<p>霧島連山は、宮崎県と鹿児島県の県境に広がる火山群である[1]。</p>
<h3>1. 地形 <a href="#chikei">§</a></h3>
<p>二十を超える火山が連なり、最高峰は標高1700メートルの韓国岳である。</p>
<h3>2. 火山活動 <a href="#katsudou">§</a></h3>
<p>新燃岳は2011年に大きな噴火を起こし、周辺に火山灰が降った[2]。</p>
<h3>3. 出典 <a href="#shutten">§</a></h3>
<ul><li><a href="#r1">↑</a> 「霧島の自然」えびの市 https://ebino.example.jp/kirishima/ 2025年3月1日閲覧。</li>
<li><a href="#r2">↑</a> 「新燃岳の噴火」気象台 https://kishou.example.jp/shinmoe/ 2025年3月1日閲覧。</li></ul>
<h3>4. 関連項目 <a href="#kanren">§</a></h3>
<ul><li>高千穂峰</li></ul>
<p>本ページは、ウィキペディアの項目「霧島連山」を、クリエイティブ・コモンズ・表示・継承 ライセンスのもとで転載したものです。</p>
</main></body></html>
"""


def _encyclopedia(tmp_path: Path, name: str, page: str) -> EncyclopediaArticle:
    article = import_text(tmp_path, name, page).article
    assert isinstance(article, EncyclopediaArticle)
    return article


def test_a_saved_mirrors_numbered_headings_are_its_sections_and_its_footnotes(tmp_path: Path) -> None:
    article = _encyclopedia(tmp_path, "page.html", SAVED_MIRROR)
    assert [section.heading for section in article.sections] == ["地形", "火山活動"]
    assert [reference.url for reference in article.references] == [
        "https://ebino.example.jp/kirishima/", "https://kishou.example.jp/shinmoe/"]


def test_a_licence_named_with_its_words_joined_by_dots_is_the_statement_kept_word_for_word(tmp_path: Path) -> None:
    article = _encyclopedia(tmp_path, "page.html", SAVED_MIRROR)
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"
    assert article.attribution.notice == ("本ページは、ウィキペディアの項目「霧島連山」を、クリエイティブ・コモンズ・表示・継承 "
                                          "ライセンスのもとで転載したものです。")
    assert all("転載" not in line for section in article.sections for line in section.body)


DUMP = """湖畔百科
猪苗代湖
出典: フリー百科事典『ウィキペディア（Wikipedia）』
猪苗代湖は、福島県のほぼ中央にある湖である[1]。
{one}地理{anchor}
面積は日本で四番目に大きく、湖面の標高は514メートルである。
{sub}湖水{anchor}
水は酸性が強く、魚が少ない[2]。
{two}利用{anchor}
湖の水は安積疏水を通して郡山盆地へ送られている。
{three}脚注{anchor}
^ 「猪苗代湖の自然」福島県 https://fukushima.example.jp/inawashiro/
^ 山川次郎『東北の湖』湖畔書房、2015年。
GFDLのもとで公開されたウィキペディアの記事「猪苗代湖」を利用しています。
"""


@pytest.mark.parametrize(("one", "sub", "two", "three", "anchor"), [
    ("1 ", "1.1 ", "2 ", "3 ", ""),
    ("1) ", "1.1) ", "2) ", "3) ", " ¶"),
    ("１．", "１．１ ", "２．", "３．", " #"),
    ("(1) ", "", "(2) ", "(3) ", ""),
    ("", "", "", "", " †"),
])
def test_a_dumps_numbered_headings_lose_their_numbers_and_anchors(
        tmp_path: Path, one: str, sub: str, two: str, three: str, anchor: str) -> None:
    page = DUMP.format(one=one, sub=sub, two=two, three=three, anchor=anchor)
    article = _encyclopedia(tmp_path, "page.txt", page)
    assert [section.heading for section in article.sections] == ["地理", "湖水", "利用"]
    assert [reference.url for reference in article.references] == ["https://fukushima.example.jp/inawashiro/", None]


def test_a_short_numbered_list_in_a_section_keeps_its_numbers(tmp_path: Path) -> None:
    page = DUMP.format(one="", sub="", two="", three="", anchor="[編集]").replace(
        "湖の水は安積疏水", "主な流入河川。\n1. 長瀬川\n2. 舟津川\n湖の水は安積疏水")
    sections = _encyclopedia(tmp_path, "page.txt", page).sections
    assert [section.heading for section in sections] == ["地理", "湖水", "利用"]
    assert sections[2].body[1:3] == ("1\\. 長瀬川", "2\\. 舟津川")


def test_a_numbered_heading_right_under_the_contents_is_no_entry_of_them(tmp_path: Path) -> None:
    page = """湖畔百科
猪苗代湖
出典: フリー百科事典『ウィキペディア（Wikipedia）』
猪苗代湖は、福島県のほぼ中央にある湖である[1]。
目次
1 地理
2 利用
3 脚注
1. 地理　[編集する]
面積は日本で四番目に大きく、湖面の標高は514メートルである。
2. 利用　[編集する]
湖の水は安積疏水を通して郡山盆地へ送られている。
3. 脚注　[編集する]
^ 「猪苗代湖の自然」福島県 https://fukushima.example.jp/inawashiro/
GFDLのもとで公開されたウィキペディアの記事「猪苗代湖」を利用しています。
"""
    article = _encyclopedia(tmp_path, "page.txt", page)
    assert [section.heading for section in article.sections] == ["地理", "利用"]
    assert article.lead == "猪苗代湖は、福島県のほぼ中央にある湖である[1]。"


FOOTER_CREDIT = """<html><head><meta charset="utf-8"></head><body>
<h1>阿蘇山</h1>
<p>阿蘇山（あそさん）は、熊本県東部にある活火山である[1]。</p>
<h2>(1) 地形</h2>
<p>世界有数の大きさのカルデラを持つ。</p>
<h2>(2) 参考文献</h2>
<ol><li><a href="#r1">⤴</a> 「阿蘇の火山」阿蘇市 https://aso.example.jp/kazan/</li></ol>
<footer><p>出典: フリー百科事典『ウィキペディア（Wikipedia）』</p>
<p>ウィキペディアの記事「阿蘇山」を CC BY-SA 4.0 のもとで利用しています。</p></footer>
</body></html>
"""


def test_a_numbered_footnotes_heading_places_a_credit_under_it_in_the_footer(tmp_path: Path) -> None:
    article = _encyclopedia(tmp_path, "page.html", FOOTER_CREDIT)
    assert article.title == "阿蘇山"
    assert [section.heading for section in article.sections] == ["地形"]
    assert [reference.url for reference in article.references] == ["https://aso.example.jp/kazan/"]
