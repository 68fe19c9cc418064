"""A saved page whose class names hide the text that makes it a page of the family (every block of
the article in a box classed as chrome, none holding most of the text) is read again with no element
chrome by its class alone, rather than refused; the warning says so. A page that is not of the family
is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.page import ImportFailed
from tests.support.importing import digest_of, import_text


def _block(inner: str) -> str:
    return f"<section class='pickup-unit'>{inner}</section>"


_PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>村の図書館バス｜さとやま便り</title></head><body>"
         "<nav><a href='/'>ホーム</a></nav>"
         + _block("<h1>村の図書館バス、月2回の巡回始まる</h1><p>公開日：2025年6月2日</p>")
         + _block("<p>山あいの村で、本を積んだ図書館バスの巡回が始まりました。</p>")
         + _block("<h2>何冊積んでいる?</h2><p>バスには何冊の本が積まれている?</p><p>約三千冊</p>")
         + _block("<p>図書館バス、山あいの村へ 月2回巡回</p><ul><li>町の図書館が、本を積んだバスの巡回を始めた。</li></ul>"
                  "<p>続きを読む → さとやま新聞 https://www.satoyama-np.example.jp/news/1204</p>")
         + _block("<p>子どもたちは毎回の巡回を楽しみにしているそうです。</p>")
         + "<footer><p>© さとやま便り</p></footer></body></html>")


def test_a_page_whose_blocks_are_all_classed_as_chrome_is_read_class_blind(tmp_path: Path) -> None:
    result = import_text(tmp_path, "bus.html", _PAGE)
    article = digest_of(result)
    assert article.title == "村の図書館バス、月2回の巡回始まる"
    [section] = article.sections
    assert section.question == "バスには何冊の本が積まれている?"
    assert str(section.sources[0].url) == "https://www.satoyama-np.example.jp/news/1204"
    assert any("class names hid its text" in warning for warning in result.report.warnings)
    # Tags still mark chrome: the menu and the footer stay out.
    assert "ホーム" not in article.lead and "© さとやま便り" not in str(article)


def test_a_page_of_no_layout_is_still_refused(tmp_path: Path) -> None:
    page = ("<html><body>" + _block("<h1>お知らせ</h1>") + _block("<p>臨時休業のお知らせです。</p>") + "</body></html>")
    with pytest.raises(ImportFailed):
        import_text(tmp_path, "notice.html", page)
