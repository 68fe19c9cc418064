"""A reading that keeps far less of the page's prose than another loses: a mirror whose article column
carries a class naming chrome, beside a side column holding more text, is read again with no element
chrome by its class alone, and that reading, keeping the article, is the one imported."""

from __future__ import annotations

from pathlib import Path

from kiku.content.model import EncyclopediaArticle
from tests.support.importing import import_text

_ARTICLE = ("岬灯台（みさきとうだい）は、海辺県潮見市にある灯台である。",
            "明治時代に建てられ、現在も沿岸を行く船の目印となっている。",
            "旧官舎は資料館として公開されている。")
_SIDE = ("潮見市の観光案内所では、季節ごとに灯台めぐりの催しを開いています。詳しくは窓口でおたずねください。",
         "灯台の写真を募集しています。応募作品は来年のカレンダーに使われる予定です。ふるってご応募ください。",
         "海辺県の灯台は全部で二十基あり、そのうち五基が一般に公開されています。見学の時間は季節により異なります。")


def _page(column_class: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in _ARTICLE)
    side = "".join(f"<p>{text}</p>" for text in _SIDE)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>岬灯台 - みさき辞典</title></head><body>"
            f"<div class='{column_class}'><h1>岬灯台</h1>"
            "<p>出典: フリー百科事典『ウィキペディア（Wikipedia）』</p>"
            f"{paragraphs}<h2>歴史</h2><p>1902年に初めて点灯した。</p></div>"
            f"<div class='sidebar'><h3>灯台めぐり</h3>{side}</div>"
            "<div class='lic'><p>この記事は、ウィキペディアの「岬灯台」の記事を複製、再配布したものにあたり、"
            "GNU Free Documentation License の下で提供されています。</p></div></body></html>")


def test_an_article_column_classed_as_chrome_is_read_by_the_fuller_reading(tmp_path: Path) -> None:
    result = import_text(tmp_path, "misaki.html", _page("promo-wrap"))
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "岬灯台"
    assert _ARTICLE[0] in article.lead
    assert any("class names hid its text" in warning for warning in result.report.warnings)


def test_a_column_read_in_full_the_first_time_is_not_read_again(tmp_path: Path) -> None:
    result = import_text(tmp_path, "misaki.html", _page("entry-body"))
    assert _ARTICLE[0] in result.article.lead
    assert not any("class names hid its text" in warning for warning in result.report.warnings)
