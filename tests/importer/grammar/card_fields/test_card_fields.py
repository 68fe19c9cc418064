"""The card scorer reads the same fields whatever order, separator or grouping printed them."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from kiku.importer.grammar.cards.fields.features import features
from kiku.importer.grammar.cards.fields.reading import CardLine, CardReading, read_card
from kiku.importer.grammar.cards.fields.segments import split_line

TITLE = "港町の朝市がにぎわいを取り戻すまで"
PUBLISHER = "北浜水産振興会"
DATE = "2024年11月3日"
URL = "https://news.example-hamabe.jp/articles/asaichi"
SUMMARY = "漁協と商店街が協力して、週末の朝市を再開しました。"


def _summary(reading: CardReading) -> tuple[str | None, str | None, dt.date | None, str | None]:
    return (reading.title.text if reading.title else None, reading.publisher.text if reading.publisher else None,
            reading.published, reading.url.text if reading.url else None)


EXPECTED = (TITLE, PUBLISHER, dt.date(2024, 11, 3), URL)


@pytest.mark.parametrize("order", list(itertools.permutations((TITLE, PUBLISHER, DATE, URL))))
@pytest.mark.parametrize("separator", (" ｜ ", "|", " / ", " ・ "))
def test_fields_on_one_line_read_alike_in_any_order(order: tuple[str, ...], separator: str) -> None:
    assert _summary(read_card([CardLine(separator.join(order))])) == EXPECTED


@pytest.mark.parametrize("order", list(itertools.permutations((TITLE, PUBLISHER, DATE, URL, SUMMARY))))
def test_fields_one_per_line_read_alike_in_any_order(order: tuple[str, ...]) -> None:
    reading = read_card([CardLine(text) for text in order])
    assert _summary(reading) == EXPECTED
    assert [field.text for field in reading.summary] == [SUMMARY]


def test_a_label_in_a_bracket_is_no_field_value() -> None:
    reading = read_card([CardLine(f"〔出典〕{URL}"), CardLine(f"{PUBLISHER}（2024/11/3）"), CardLine(TITLE)])
    assert _summary(reading) == EXPECTED
    assert [field.text for field in reading.labels] == ["〔出典〕"]


def test_a_title_glued_before_the_url_and_a_remark_after_it() -> None:
    reading = read_card([CardLine(f"関連｜{PUBLISHER}｜2024-11-03｜{TITLE} {URL}朝市の再開は三年ぶりだそうです。")])
    assert _summary(reading) == EXPECTED
    assert [field.text for field in reading.summary] == ["朝市の再開は三年ぶりだそうです。"]


def test_the_name_beside_the_date_is_the_publisher_the_other_a_remark() -> None:
    reading = read_card([CardLine(TITLE, linked=True), CardLine("地域経済"), CardLine(PUBLISHER), CardLine(DATE)])
    assert _summary(reading)[:3] == EXPECTED[:3]
    assert [field.text for field in reading.remarks] == ["地域経済"]


def test_a_card_of_a_name_and_a_date_has_no_title() -> None:
    reading = read_card([CardLine(f"参照 ｜ 浜辺市観光・商工課 ｜ 2024-11-03 ｜ {URL}")])
    assert reading.title is None and reading.publisher is not None
    assert reading.publisher.text == "浜辺市観光・商工課"


def test_a_sentence_is_never_the_title_and_a_sponsor_mark_is_a_label() -> None:
    reading = read_card([CardLine("いまなら送料無料でお届けします。"), CardLine("Sponsored"), CardLine("はまべ直送便")])
    assert reading.title is None
    assert reading.publisher is not None and reading.publisher.text == "はまべ直送便"
    assert [field.features.sponsor for field in reading.labels] == [True]


@pytest.mark.parametrize(("text", "fields"), [
    ("港湾新聞、2024年11月3日", ["港湾新聞", "2024年11月3日"]),
    ("2024.11.03　港湾新聞", ["2024.11.03", "港湾新聞"]),
    (f"［参考］{TITLE}", ["［参考］", TITLE]),
    ("浜辺市観光・商工課", ["浜辺市観光・商工課"]),
])
def test_a_line_is_cut_at_the_gaps_around_its_fields(text: str, fields: list[str]) -> None:
    assert split_line(text) == fields


def test_features_tell_a_name_from_a_headline_by_length_and_kana() -> None:
    name, headline = features(PUBLISHER), features(TITLE)
    assert name.name > headline.name
    assert headline.headline > name.headline
    assert features("令和6年10月1日").date == dt.date(2024, 10, 1)
    assert features("配信元").label and features("媒体：").label


def test_a_name_with_kana_alone_on_its_line_above_the_date_is_the_publisher_not_a_title() -> None:
    reading = read_card([CardLine(text) for text in (
        "ひかり経済ノート編集部", "2024年9月12日", "https://hikari.example.jp/n/5",
        "新紙幣への切り替えが進み、券売機の改修も始まった。")])
    assert reading.title is None
    assert reading.publisher is not None and reading.publisher.text == "ひかり経済ノート編集部"
