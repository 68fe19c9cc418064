"""A header row printed over each of a page's card tables names the columns: its cells are labels, never a card's
publisher or date, whatever they say."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.layouts.digest.page_reading import page_features
from kiku.importer.page import Line
from tests.support.importing import digest_of, import_text

_HEADER = ["発信", "見出し", "日時", "URL"]


def _section(heading: str, question: str, answer: str, publisher: str, title: str, date: str, url: str) -> list[str]:
    return [heading, f"Ｑ：{question}", f"Ａ：{answer}", "気になる動きです。", *_HEADER, publisher, title, date, url,
            f"・ {title}と伝えた。", "・ 詳しい内容は今後公表される。", "地域の住民にも関わる話題です。"]


def test_a_header_row_over_each_table_is_no_cards_publisher(tmp_path: Path) -> None:
    page = ["港の再開発、三つの論点", "2025年2月3日", "港の再開発計画が動き出しました。論点をまとめました。",
            *_section("計画の中身", "何が建つのか？", "商業施設と公園", "湾岸日報", "港に商業施設と公園 市が計画案",
                      "2025年1月20日", "https://wangan.example.jp/n/101"),
            *_section("費用の負担", "費用は誰が負担するのか？", "市と民間で折半", "港町テレビ", "再開発費用は市と民間で折半",
                      "2025年1月25日", "https://minato-tv.example.jp/n/55")]
    article = digest_of(import_text(tmp_path, "page.txt", "\n\n".join(page)))
    assert [source.publisher for section in article.sections for source in section.sources] == ["湾岸日報", "港町テレビ"]
    assert [section.comments for section in article.sections] == [("気になる動きです。",)] * 2


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_a_run_of_short_lines_printed_alike_over_different_rows_is_a_header() -> None:
    unit = ["発信", "見出し", "日時"]
    texts = ["港の再開発", "2025年2月3日", "計画の中身", "何が建つのか？", *unit, "湾岸日報", "港に商業施設",
             "2025年1月20日", "https://wangan.example.jp/n/101", "費用の負担", "誰が負担するのか？", *unit, "港町テレビ",
             "費用は折半", "2025年1月25日", "https://minato-tv.example.jp/n/55"]
    cells = [feature.text for feature in page_features(_lines(*texts)) if feature.header_cell]
    assert cells == unit * 2


def test_one_name_printed_over_two_cards_is_no_header() -> None:
    texts = ["港の再開発", "2025年2月3日", "計画の中身", "何が建つのか？", "湾岸日報", "港に商業施設", "2025年1月20日",
             "https://wangan.example.jp/n/101", "費用の負担", "誰が負担するのか？", "湾岸日報", "費用は折半",
             "2025年1月25日", "https://wangan.example.jp/n/102"]
    assert not any(feature.header_cell for feature in page_features(_lines(*texts)))
