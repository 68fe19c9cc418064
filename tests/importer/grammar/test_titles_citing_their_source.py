"""A card's title line may cite its source around the headline, the date in brackets after it: the publisher
beside the date ('…（みなと日報・2025年6月3日付）') or before the headline quoted ('みなと日報「…」（2025年6月3日）').
Either way the name is the card's publisher and the headline its title; a name before a quotation with no date
after it is a headline quoting someone."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_titles import source_of_dated_title
from tests.support.importing import digest_of, import_text


def _page(title_line: str) -> str:
    return f"""港の朝市、20年ぶりに再開
2025年6月5日
港の朝市が週末ごとに開かれるようになりました。
■ 朝市の中身
Q. いつ開かれるの？
A. 毎週土曜の朝6時からです。
漁協と商店会が共同で運営します。
【参考】
{title_line}
・漁協と商店会は港の朝市を20年ぶりに再開すると発表した。
・地元の干物や野菜が並ぶ。
https://minato-nippo.example.jp/news/0603-asaichi
朝の港がにぎわうのは楽しみですね。
"""


@pytest.mark.parametrize("title_line", [
    "港の朝市が20年ぶり再開　干物や野菜並ぶ（みなと日報・2025年6月3日付）",
    "みなと日報「港の朝市が20年ぶり再開　干物や野菜並ぶ」（2025年6月3日）",
])
def test_a_title_citing_its_source_names_the_publisher(tmp_path: Path, title_line: str) -> None:
    article = digest_of(import_text(tmp_path, "asaichi.txt", _page(title_line)))
    (section,) = article.sections
    (card,) = section.sources
    assert (card.title, card.publisher) == ("港の朝市が20年ぶり再開　干物や野菜並ぶ", "みなと日報")
    assert card.published is not None and card.published.isoformat() == "2025-06-03"


def test_a_quoted_headline_with_a_nested_quote_keeps_it() -> None:
    assert source_of_dated_title("みなと日報「市長「朝市は続ける」と表明」", "（2025年6月3日）") == (
        "みなと日報", "市長「朝市は続ける」と表明")
