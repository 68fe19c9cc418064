"""A card whose fields share one line, each after a label of its own in a bracket ('［見出し］…｜［媒体］…'),
is read field by field: the labels name the fields, the values are read by their shapes in any order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.cards.fields.reading import read_labelled_line
from tests.support.importing import digest_of, import_text

HEADLINE = "港の朝市、3年ぶりに週末の開催を再開"


def test_each_field_after_its_bracketed_label_is_read_by_its_shape() -> None:
    reading = read_labelled_line(f"〔配信〕2024年11月3日｜〔見出し〕{HEADLINE}｜〔媒体〕北浜新報")
    assert reading is not None
    assert (reading.title and reading.title.text, reading.publisher and reading.publisher.text,
            reading.published) == (HEADLINE, "北浜新報", dt.date(2024, 11, 3))
    assert [label.text for label in reading.labels] == ["〔配信〕", "〔見出し〕", "〔媒体〕"]


def test_one_bracketed_word_before_a_headline_is_no_labelled_line() -> None:
    assert read_labelled_line(f"【速報】{HEADLINE}") is None


def test_a_digest_card_titled_by_a_labelled_line_gets_its_publisher_and_date(tmp_path: Path) -> None:
    page = ("<html><head><title>朝市の話</title></head><body><article><h1>朝市の話</h1><p>2024年11月5日</p>"
            "<h2>朝市の再開</h2><p>週末の朝市が戻ってきました。</p>"
            f"<div><p>［見出し］{HEADLINE}／［媒体］北浜新報／［日付］2024年11月3日</p>"
            "<ul><li>漁協と商店街が協力して、週末の朝市を再開しました。</li></ul>"
            "<p><a href='https://hamabe.example.jp/a/9'>元記事へ →</a></p></div>"
            "<p>朝市には多くの人が訪れました。</p></article></body></html>")
    card = digest_of(import_text(tmp_path, "page.html", page)).sections[0].sources[0]
    assert (card.title, card.publisher, card.published) == (HEADLINE, "北浜新報", dt.date(2024, 11, 3))
