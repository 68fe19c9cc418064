"""An encyclopedia page's footnote list, as mirrors print it, read into the article's references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import EncyclopediaArticle, Reference
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)


def _encyclopedia(tmp_path: Path, name: str, page: str, encoding: str = "utf-8") -> EncyclopediaArticle:
    path = tmp_path / name
    path.write_bytes(page.encode(encoding))
    article = import_page(path, load_config(REPO), scraped_from=name, import_day=IMPORT_DAY).article
    assert isinstance(article, EncyclopediaArticle)
    return article


# --- A footnote's number printed alone on its line, its text on the next -------------------------------

_NUMBERS_ON_THEIR_OWN_LINES = """まちかど百科
潮見台灯台
出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/01/20 09:00 UTC 版)

潮見台灯台は、海辺県潮見市にある灯台である[1]。

歴史[編集]

1901年に初めて点灯し、1950年に現在の灯塔に建て替えられた[2]。

脚注[編集]

1.
^ 「潮見台灯台の歩み」潮見市 https://shiomi.example.jp/toudai/history.html 2024年12月1日閲覧。
2.
潮見郷土史研究会『潮見の百年』潮見書房、2010年、45頁。

この記事は、ウィキペディアの潮見台灯台 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。
"""


def test_a_number_alone_on_its_line_numbers_the_footnote_on_the_line_below(tmp_path: Path) -> None:
    article = _encyclopedia(tmp_path, "toudai.txt", _NUMBERS_ON_THEIR_OWN_LINES)
    assert article.references == (
        Reference(id=1, text="「潮見台灯台の歩み」潮見市 2024年12月1日閲覧。",
                  url="https://shiomi.example.jp/toudai/history.html"),
        Reference(id=2, text="潮見郷土史研究会『潮見の百年』潮見書房、2010年、45頁。", url=None),
    )
    assert [section.heading for section in article.sections] == ["歴史"]


# The same list as an old table CMS saves it: the number in one cell, the footnote in the next,
# the page in Shift_JIS.
_TABLE_OF_FOOTNOTES = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>潮見台灯台 - まちかど百科</title></head><body>
<table><tr><td class="main">
<h1>潮見台灯台</h1>
<div>出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/01/20 09:00 UTC 版)</div>
<p>潮見台灯台は、海辺県潮見市にある灯台である<sup>[1]</sup>。</p>
<h2>歴史<span>[編集]</span></h2>
<p>1901年に初めて点灯し、1950年に現在の灯塔に建て替えられた<sup>[2]</sup>。</p>
<p>灯台の光は約30キロ先まで届く<sup>[3]</sup>。</p>
<h2>脚注<span>[編集]</span></h2>
<table class="notes">
<tr><td valign="top">1.</td><td>^ 「潮見台灯台の歩み」潮見市 https://shiomi.example.jp/toudai/history.html 2024年12月1日閲覧。</td></tr>
<tr><td valign="top">2.</td><td>^ 潮見郷土史研究会『潮見の百年』潮見書房、2010年、45頁。</td></tr>
<tr><td valign="top">3.</td><td>^ “灯台の光、30キロ先へ”. 海辺日報. (2019年3月14日). https://umibe.example.jp/news/2019/0314.html</td></tr>
</table>
<div>この記事は、ウィキペディアの潮見台灯台 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。</div>
</td></tr></table>
</body></html>"""


def test_a_table_row_of_number_cell_and_footnote_cell_is_one_numbered_reference(tmp_path: Path) -> None:
    article = _encyclopedia(tmp_path, "toudai.html", _TABLE_OF_FOOTNOTES, encoding="shift_jis")
    assert [(reference.id, reference.url) for reference in article.references] == [
        (1, "https://shiomi.example.jp/toudai/history.html"),
        (2, None),
        (3, "https://umibe.example.jp/news/2019/0314.html"),
    ]
    assert article.references[2].text == "“灯台の光、30キロ先へ”. 海辺日報. (2019年3月14日)."
    assert article.attribution.notice is not None and article.attribution.notice.startswith("この記事は、ウィキペディアの潮見台灯台")


@pytest.mark.parametrize("mark", ["※", "＊"])
def test_footnotes_numbered_with_the_marks_the_body_cites_them_by_are_references(tmp_path: Path, mark: str) -> None:
    # '※1' in the text, and the footnote list printed '※1 …' on one line, or its number alone above it.
    page = (_NUMBERS_ON_THEIR_OWN_LINES.replace("である[1]", f"である{mark}1").replace("られた[2]", f"られた{mark}2")
            .replace("1.\n^ ", f"{mark}1 ").replace("2.\n", f"{mark}2\n"))
    article = _encyclopedia(tmp_path, "toudai.txt", page)
    assert [(reference.id, reference.url) for reference in article.references] == [
        (1, "https://shiomi.example.jp/toudai/history.html"), (2, None)]


def test_two_numbers_alone_in_a_row_are_not_read_as_a_footnote_of_each_other(tmp_path: Path) -> None:
    page = _NUMBERS_ON_THEIR_OWN_LINES.replace("1.\n^", "1.\n2.\n^", 1)
    article = _encyclopedia(tmp_path, "toudai.txt", page)
    assert article.references == ()


# --- An access date glued to the URL it follows ----------------------------------------------------------

@pytest.mark.parametrize(("printed", "url"), [
    ("https://shiomi.example.jp/toudai/index.php2024年12月1日閲覧。", "https://shiomi.example.jp/toudai/index.php"),
    ("https://shiomi.example.jp/toudai/2024年12月1日閲覧。", "https://shiomi.example.jp/toudai/"),
    # Digits of the URL's own before the year are the URL's: only a year after a letter or a slash moves.
    ("https://shiomi.example.jp/toudai/page12024年12月1日閲覧。", "https://shiomi.example.jp/toudai/page12024"),
])
def test_the_year_of_an_access_date_glued_to_the_url_is_the_dates(tmp_path: Path, printed: str, url: str) -> None:
    page = ("まちかど百科\n潮見台灯台\n出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/01/20 09:00 UTC 版)\n\n"
            "潮見台灯台は、海辺県潮見市にある灯台である[1]。\n\n脚注[編集]\n\n"
            f"1. ^ 「潮見台灯台の歩み」潮見市 {printed}\n\n"
            "この記事は、ウィキペディアの潮見台灯台 (改訂履歴)の記事を複製、再配布したものにあたり、"
            "GNU Free Documentation Licenseというライセンスの下で提供されています。\n")
    article = _encyclopedia(tmp_path, "toudai.txt", page)
    assert [reference.url for reference in article.references] == [url]


_NAME_WRAPPED_BEFORE_URL = """まちかど百科
潮見台灯台
出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/01/20 09:00 UTC 版)

潮見台灯台は、海辺県潮見市にある灯台である[1]。

歴史[編集]

1901年に初めて点灯し、1950年に現在の灯塔に建て替えられた[2]。

脚注[編集]

1. ^ "Shiomidai Lighthouse" (English). Coastal Heritage
   Foundation. https://coast.example.org/lights/shiomidai 2024年12月1日閲覧。
2. ^ 潮見郷土史研究会『潮見の百年』潮見書房、2010年、45頁。

この記事は、ウィキペディアの潮見台灯台 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。
"""


def test_a_footnote_wrapped_before_its_url_gets_the_url_on_the_line_below(tmp_path: Path) -> None:
    article = _encyclopedia(tmp_path, "toudai.txt", _NAME_WRAPPED_BEFORE_URL)
    assert [(reference.id, reference.url) for reference in article.references] == [
        (1, "https://coast.example.org/lights/shiomidai"), (2, None)]
    assert article.references[0].text.startswith('"Shiomidai Lighthouse" (English). Coastal Heritage Foundation.')


# --- Footnotes numbered in parentheses, with an arrow of another shape, under a joined heading --------

_ARROWED_FOOTNOTES = """まちかど百科
雲取山
出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/02/11 10:00 UTC 版)

雲取山は、東京都・埼玉県・山梨県の境にある山である[1]。

登山[編集]

山頂付近には避難小屋がある[2]。

注記と参考文献[編集]

{first} 奥多摩町「雲取山の登山道」 https://okutama.example.jp/kumotori 2025年1月5日閲覧。
{second} 山岳研究会『奥秩父の山』山と書房、2008年。

この記事は、ウィキペディアの雲取山 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。
"""


@pytest.mark.parametrize(("first", "second"), [
    ("(1) ↩", "(2) ↩ a b"),
    ("（1）⬆", "（2）⬆"),
    ("1. ⤴", "2. ⤴"),
    ("↰", "↰ a b"),
    ("[1] ⇑", "[2] ⇑"),
])
def test_a_footnote_numbered_in_parentheses_or_marked_by_any_arrow_is_a_reference(
        tmp_path: Path, first: str, second: str) -> None:
    article = _encyclopedia(tmp_path, "kumotori.txt", _ARROWED_FOOTNOTES.format(first=first, second=second))
    assert article.references == (
        Reference(id=1, text="奥多摩町「雲取山の登山道」 2025年1月5日閲覧。", url="https://okutama.example.jp/kumotori"),
        Reference(id=2, text="山岳研究会『奥秩父の山』山と書房、2008年。", url=None),
    )
    assert [section.heading for section in article.sections] == ["登山"]


def test_a_saved_pages_footnote_numbered_in_parentheses_keeps_its_links_url(tmp_path: Path) -> None:
    page = ("<html><body><h1>雲取山</h1><p>出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/02/11 10:00 UTC 版)</p>"
            "<p>雲取山は、東京都・埼玉県・山梨県の境にある山である[1]。</p><h2>注釈・出典</h2>"
            "<p>(1) <a href=\"#r1\">⤴</a> <a href=\"https://okutama.example.jp/kumotori\">「雲取山の登山道」</a> 奥多摩町</p>"
            "<p>この記事は、ウィキペディアの雲取山 (改訂履歴) の記事を複製、再配布したものにあたり、"
            "GNU Free Documentation Licenseというライセンスの下で提供されています。</p></body></html>")
    article = _encyclopedia(tmp_path, "kumotori.html", page)
    assert [(reference.id, reference.url) for reference in article.references] == [
        (1, "https://okutama.example.jp/kumotori")]


@pytest.mark.parametrize("heading", ["注釈・出典", "脚注と出典", "出典／参考文献", "注記および引用文献"])
def test_a_heading_joining_two_names_for_the_footnotes_heads_them(tmp_path: Path, heading: str) -> None:
    page = _ARROWED_FOOTNOTES.replace("注記と参考文献", heading).format(first="^", second="^")
    article = _encyclopedia(tmp_path, "kumotori.txt", page)
    assert [reference.id for reference in article.references] == [1, 2]


# --- A footnote wrapped twice: before its URL and inside it, or inside it twice --------------------------

_WRAPPED_TWICE = """まちかど百科
雲取山
出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/02/11 10:00 UTC 版)

雲取山は、東京都・埼玉県・山梨県の境にある山である[1]。

脚注[編集]

{first}
^ 山岳研究会『奥秩父の山』山と書房、2008年。

この記事は、ウィキペディアの雲取山 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。
"""


@pytest.mark.parametrize("first", [
    "^ 奥多摩町「雲取山の登山道」\nhttps://okutama.example.jp/yama/\nkumotori/index.html 2025年1月5日閲覧。",
    "^ 奥多摩町「雲取山の登山道」 https://okutama.example.jp/\nyama/kumotori/\nindex.html 2025年1月5日閲覧。",
    "^ 奥多摩町「雲取山の登山道」\nhttps://okutama.example.jp/yama/kumotori/index.html2025年1月5日閲覧。",
    "^ 奥多摩町「雲取山の登山道」 https://okutama.example.jp/yama/\nkumotori/index.html2025年1月5日閲覧。",
    # The line broken inside the file name's extension: '.ht' and 'ml' make '.html'.
    "^ 奥多摩町「雲取山の登山道」 https://okutama.example.jp/yama/kumotori/index.ht\nml 2025年1月5日閲覧。",
    # The line broken after a whole URL: the access date's year below it is not the URL's rest.
    "^ 奥多摩町「雲取山の登山道」 https://okutama.example.jp/yama/kumotori/index.html\n2025年1月5日閲覧。",
])
def test_a_url_wrapped_twice_or_glued_to_its_access_date_is_read_whole(tmp_path: Path, first: str) -> None:
    article = _encyclopedia(tmp_path, "kumotori.txt", _WRAPPED_TWICE.format(first=first))
    assert article.references == (
        Reference(id=1, text="奥多摩町「雲取山の登山道」 2025年1月5日閲覧。",
                  url="https://okutama.example.jp/yama/kumotori/index.html"),
        Reference(id=2, text="山岳研究会『奥秩父の山』山と書房、2008年。", url=None),
    )


def test_a_line_between_two_footnotes_is_the_rest_of_the_first(tmp_path: Path) -> None:
    page = _WRAPPED_TWICE.format(first="^ 奥多摩町「雲取山の登山道」、\n奥多摩町観光課、2024年。")
    article = _encyclopedia(tmp_path, "kumotori.txt", page)
    assert [reference.text for reference in article.references] == [
        "奥多摩町「雲取山の登山道」、 奥多摩町観光課、2024年。", "山岳研究会『奥秩父の山』山と書房、2008年。"]


def test_a_numbered_list_after_the_footnotes_that_does_not_go_on_from_them_is_not_theirs(tmp_path: Path) -> None:
    page = _WRAPPED_TWICE.format(first="1. ^ 奥多摩町「雲取山の登山道」").replace(
        "^ 山岳研究会『奥秩父の山』山と書房、2008年。\n", "2. ^ 山岳研究会『奥秩父の山』山と書房、2008年。\nよく読まれている言葉\n1. 大菩薩嶺\n2. 甲武信ヶ岳\n")
    article = _encyclopedia(tmp_path, "kumotori.txt", page)
    assert [reference.id for reference in article.references] == [1, 2]


def test_a_saved_pages_line_break_between_url_and_access_date_ends_the_url(tmp_path: Path) -> None:
    page = ("<html><body><h1>雲取山</h1><p>出典: フリー百科事典『ウィキペディア（Wikipedia）』</p>"
            "<p>雲取山は、東京都・埼玉県・山梨県の境にある山である[1]。</p><h2>脚注</h2><ol>"
            '<li><span class="reference-text">奥多摩町「雲取山の登山道」 https://okutama.example.jp/yama/kumotori'
            "<br>2025年1月5日閲覧。</span></li></ol>"
            "<p>この記事は、ウィキペディアの雲取山 (改訂履歴) の記事を複製、再配布したものにあたり、"
            "GNU Free Documentation Licenseというライセンスの下で提供されています。</p></body></html>")
    article = _encyclopedia(tmp_path, "kumotori.html", page)
    assert article.references == (
        Reference(id=1, text="奥多摩町「雲取山の登山道」 2025年1月5日閲覧。",
                  url="https://okutama.example.jp/yama/kumotori"),
    )
