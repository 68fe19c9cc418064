"""A card table's caption labels the card: it is reported with the row labels, never lost."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kiku.importer.reading.cards.markup.tables import table_cards

TABLE = """<div><table>
<caption>参照元のニュース</caption>
<tr><th>見出し</th><td>県立図書館が夜間開館を試行 平日は午後9時まで</td></tr>
<tr><th>発信</th><td>みなみ日報</td></tr>
<tr><th>掲載</th><td>2025.02.14</td></tr>
<tr><th>リンク</th><td><a href="https://minami.example.jp/n/88">https://minami.example.jp/n/88</a></td></tr>
</table>
<ul><li>県は利用者の要望を受け、3月から平日の閉館時刻を延ばすと発表した。</li></ul></div>"""


def test_the_caption_of_a_card_table_is_one_of_its_reported_labels() -> None:
    (card,) = table_cards(BeautifulSoup(TABLE, "html.parser"), {})
    (head,) = card.heads
    labels = [label.get_text(strip=True) for label in head.labels]
    assert "参照元のニュース" in labels
    assert head.lines[0][0] == "県立図書館が夜間開館を試行 平日は午後9時まで"


def test_a_card_table_without_a_caption_reports_only_its_row_labels() -> None:
    (card,) = table_cards(BeautifulSoup(TABLE.replace("<caption>参照元のニュース</caption>", ""), "html.parser"), {})
    labels = [label.get_text(strip=True) for label in card.heads[0].labels]
    assert labels == ["見出し", "発信", "掲載", "リンク"]
