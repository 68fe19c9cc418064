"""A card's name line whose date field says it has no date ('…／日付なし'), where the page's other cards print their
date after that separator: the tail is the date's place, no word of the publisher."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.grammar.card_meta import date_separators, without_date_placeholder
from tests.support.importing import digest_of, import_text


def test_a_tail_in_the_dates_place_is_no_word_of_the_name() -> None:
    separators = date_separators(["湾岸日報／2025年4月28日", "ふつうの本文です。"])
    assert separators == frozenset("/")  # as folded: '／' and '/' alike
    assert without_date_placeholder("港の市場／日付なし", separators) == "港の市場"
    assert without_date_placeholder("港の市場／---", separators) == "港の市場"
    # A longer tail says something of the name; a separator the page prints no date after parts nothing.
    assert without_date_placeholder("港の市場／地元の魚を全国へ", separators) == "港の市場／地元の魚を全国へ"
    assert without_date_placeholder("港の市場｜日付なし", separators) == "港の市場｜日付なし"


def test_a_card_whose_date_field_gives_no_date_is_dateless(tmp_path: Path) -> None:
    page = [
        "春の漁が好調、市場に旬の魚", "2025年5月1日",
        "春の漁が好調で、市場に旬の魚が戻ってきました。理由を整理します。",
        "◆ 漁が好調な理由", "なぜ今年は魚が多いのか？", "水温が例年より安定している",
        "漁師さんもほっとしているようです。",
        "湾岸日報／2025年4月28日", "春の漁、水揚げ量が前年の1.5倍に", "https://minato.example.jp/news/88",
        "・ 県漁連は春の水揚げ量が前年の1.5倍になったと発表した。",
        "港の市場／日付なし", "旬の魚をお届けする朝どれ便", "https://ichiba.example.com/asadore",
        "・ 朝どれの魚を産地から直送します。",
        "地元の店にも活気が戻っています。",
    ]
    article = digest_of(import_text(tmp_path, "page.txt", "\n\n".join(page)))
    sources = [source for section in article.sections for source in section.sources]
    assert [(source.publisher, source.published) for source in sources][1] == ("港の市場", None)
