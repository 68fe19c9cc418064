"""A link preview (a forum's onebox, a chat's unfurl) is a card: its header names the source, the rest is the
card's title and summary; an <aside> holding one is no sidebar. An emoji drawn as an image is no picture whose
line is its caption."""

from __future__ import annotations

from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport

_URL = "https://minato-keizai.example.jp/news/2025/0412-port"
_HEADLINE = "港の再開発、第2期工事が来春着工へ"
_SENTENCE = "市は倉庫街の跡地に商業施設と公園を整備する計画を正式に決めた。"


def _page(preview: str) -> str:
    return ("<html><body><div class='thread'><div class='message'>"
            "<p>港の話題をまとめます。市の発表によると、工事は二期に分けて進められます。</p>"
            "<p>第1期の公園部分はすでに完成し、週末には多くの家族連れでにぎわっています。</p>"
            "<p>第2期では倉庫街の跡地に店舗や広場を設け、港の景観を生かした街並みをつくる計画です。</p>"
            "<p>周辺の道路も拡幅され、駅から港までの歩道が整備される予定だと説明されています。</p>"
            f"{preview}<p>続報があればまた共有します。</p></div></div></body></html>")


def _lines(page: str) -> list[str]:
    return [line.text for line in read_html(page, ImportReport("page.html"))]


def test_an_unfurled_link_with_its_site_icon_reads_as_a_card_published_by_the_site() -> None:
    preview = (f"<div class='attachment'><div class='service'><img src='/icons/minato.png' alt=''>"
               f"<a href='{_URL}'>みなと経済新聞</a></div>"
               f"<div class='attachment-body'><b><a href='{_URL}'>{_HEADLINE}</a></b>"
               f"<div>{_SENTENCE}</div><div>2025年4月12日</div></div></div>")
    lines = _lines(_page(preview))
    at = lines.index(_HEADLINE)
    assert lines[at:at + 3] == [_HEADLINE, f"・{_SENTENCE}", f"→ みなと経済新聞 2025年4月12日 {_URL}"]


def test_a_preview_in_an_aside_with_a_header_is_no_sidebar_and_prints_no_url_line() -> None:
    preview = (f"<aside class='embed-card'><header>via: <a href='{_URL}'>みなと経済新聞</a></header>"
               f"<p>{_SENTENCE}</p><p>2025.04.12</p><p><a href='{_URL}'>{_URL}</a></p></aside>")
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(_page(preview), report)]
    assert f"・{_SENTENCE}" in lines
    assert f"→ みなと経済新聞 2025.04.12 {_URL}" in lines
    assert lines.count(_URL) == 0
    assert any(dropped.line.text.startswith("via:") for dropped in report.dropped)  # its label, read into the card


def test_a_card_opened_by_its_linked_headline_is_not_read_as_a_preview_header() -> None:
    card = (f"<div class='card'><div><a href='{_URL}'>みなと経済新聞</a></div><p>{_SENTENCE}</p>"
            f"<p><a href='{_URL}'>{_URL}</a></p></div>")
    assert not any(line.startswith("→ みなと経済新聞") for line in _lines(_page(card)))


def test_a_remark_after_an_emoji_image_is_no_picture_caption() -> None:
    remark = "<p><img src='/emoji/thinking.png' class='emoji' alt=':thinking:'> <em>来春が楽しみですね。</em></p>"
    assert "来春が楽しみですね。" in _lines(_page(remark))


def test_an_item_after_an_icon_sized_as_a_character_is_no_picture_caption() -> None:
    items = ("<p>要点</p><ul><li><img src='tag.png' width='16' height='16' alt='チェック'><span>工事は来春に始まる</span></li>"
             "<li><img src='tag.png' width='16' height='16' alt='チェック'><span>公園は週末に開放</span></li></ul>")
    assert "・工事は来春に始まる" in _lines(_page(items))
