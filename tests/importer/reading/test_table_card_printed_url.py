"""A card table whose headline is its link, with the link's address printed again in a row of its own."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kiku.importer.reading.cards.markup.tables import table_cards

TABLE = """<table>
<tr><th>記事</th><td><a href="https://news.example.jp/a/1">港の再開発、住民説明会。計画案は年内に公表へ</a></td></tr>
<tr><th>要約</th><td>市は旧倉庫街の再開発について初の住民説明会を開いた。</td></tr>
<tr><th>配信</th><td>みなと新報</td></tr>
<tr><th>日付</th><td>2025/04/02</td></tr>
<tr><th>アドレス</th><td>https://news.example.jp/a/1</td></tr>
</table>"""


def test_the_linked_headline_is_the_title_and_the_printed_address_no_field() -> None:
    (card,) = table_cards(BeautifulSoup(TABLE, "html.parser"), {})
    (head,) = card.heads
    texts = [text for text, _ in head.lines]
    # The headline says two things (a full stop inside) but is the link's text: the card's title.
    assert texts[0] == "港の再開発、住民説明会。計画案は年内に公表へ"
    assert texts[1] == "・市は旧倉庫街の再開発について初の住民説明会を開いた。"
    assert texts[-1].endswith("みなと新報 2025/04/02 https://news.example.jp/a/1")
    assert not any(text == "https://news.example.jp/a/1" for text in texts)
