"""A bar of buttons is chrome by its shape, with no class naming it: short items that hand the page to
another service or go nowhere. A list of short links to articles or to the site's own pages is not one."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_TEXT = "<h1>港町の朝市、冬の営業時間を拡大</h1><p>港の朝市が、12月から午前5時に開くようになります。</p>"


def _read(bar: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.html")
    markup = f"<html><body><article>{_TEXT}{bar}<p>観光客の増加に応えます。</p></article></body></html>"
    lines = [line.text for line in read_html(markup, report)]
    return lines, [(item.rule, item.line.text) for item in report.dropped]


_KEPT = ["港町の朝市、冬の営業時間を拡大", "港の朝市が、12月から午前5時に開くようになります。", "観光客の増加に応えます。"]


def test_links_handing_the_page_to_other_services_are_a_button_bar() -> None:
    lines, dropped = _read(
        '<div class="k9Qz"><a href="https://bsky.app/intent/compose?text=https%3A%2F%2Fminato.example%2F1">'
        "つぶやく</a> | <a href=\"https://getpocket.com/save/minato.example/asaichi\">あとで読む</a>"
        ' | <a href="https://mastodon.example/share">トゥート</a></div>')
    assert lines == _KEPT
    assert dropped == [("share-buttons", "つぶやく | あとで読む | トゥート")]


def test_buttons_and_links_going_nowhere_are_a_button_bar() -> None:
    lines, dropped = _read('<ul><li><a href="#">印刷</a></li><li><button>URLを写す</button></li></ul>')
    assert lines == _KEPT
    assert dropped == [("share-buttons", "印刷"), ("share-buttons", "URLを写す")]


def test_short_links_to_articles_or_the_sites_own_pages_are_no_button_bar() -> None:
    sources = ('<ul><li><a href="https://www.kahoku.example/news/2025/12/0001.html">河北</a></li>'
               '<li><a href="https://tohoku-np.example/articles/448812">東北日報</a></li></ul>')
    lines, dropped = _read(sources)
    assert "・河北" in lines and "・東北日報" in lines and dropped == []
    menu = '<div><a href="/market">朝市</a> <a href="/port">港</a></div>'
    lines, dropped = _read(menu)
    assert "朝市 港" in lines and dropped == []


def test_a_bar_with_words_of_its_own_beside_its_buttons_is_kept() -> None:
    lines, _ = _read('<p>詳しくは <a href="#">こちら</a> と <a href="#">地図</a> をご覧ください。</p>')
    assert "詳しくは こちら と 地図 をご覧ください。" in lines


def test_a_link_to_another_sites_front_page_is_a_button_only_beside_a_definite_one() -> None:
    lines, dropped = _read('<div><a href="https://note.example/">ノート</a>'
                           '<a href="https://feeds.example/share?u=minato.example">送る</a></div>')
    assert lines == _KEPT and [rule for rule, _ in dropped] == ["share-buttons"]
    front_pages = '<p><a href="https://www.kahoku.example/">河北</a> <a href="https://tohoku-np.example/">東北日報</a></p>'
    lines, dropped = _read(front_pages)
    assert "河北 東北日報" in lines and dropped == []
