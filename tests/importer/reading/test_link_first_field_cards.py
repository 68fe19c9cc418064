"""A card printed from its link line down ('［リンク］ https://…'), its fields under it in any order: a labelled
title, an unlabelled source line (a name, or a name and a date), a summary set off its label by a spaced dash.
A remark after the card's last field is no field of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.page import Line
from kiku.importer.reading.cards.field_lines import read_field_lines
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _read(texts: list[str]) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    return [line.text for line in read_field_lines(lines, ImportReport("page.txt"))]


def test_a_card_opening_with_its_link_line_reads_as_its_card() -> None:
    assert _read(["［リンク］ https://sanroku.example.jp/bus/0412",
                  "見出し：山麓の路線バス、4月から土日は運休に",
                  "さんろく新報 | 2025.03.28",
                  "あらすじ — 利用者の減少を受け、運行会社が週末の便を取りやめると発表した。",
                  "週末に通院する人には痛い話です。"]) == [
        "山麓の路線バス、4月から土日は運休に", "・利用者の減少を受け、運行会社が週末の便を取りやめると発表した。",
        "→ さんろく新報 | 2025.03.28 https://sanroku.example.jp/bus/0412", "週末に通院する人には痛い話です。"]


def test_a_name_and_date_line_of_an_untitled_card_names_its_publisher() -> None:
    assert _read(["［リンク］ https://kurashi-soudan.example.org/c/77",
                  "まちのくらし相談センター / 2025.02.10",
                  "あらすじ — 冬の灯油代を抑える工夫を、相談員が紹介している。"]) == [
        "・冬の灯油代を抑える工夫を、相談員が紹介している。",
        "→ まちのくらし相談センター / 2025.02.10 https://kurashi-soudan.example.org/c/77"]


def test_unlabelled_lines_after_the_link_line_and_no_field_stay_as_they_are() -> None:
    texts = ["［リンク］ https://sanroku.example.jp/bus/0412", "さんろく新報", "山の天気"]
    assert _read(texts) == texts


PAGE = """山麓の路線バスが減便へ　暮らしの足はどうなる

2025年4月1日

山麓を走る路線バスが、この春から週末の便を取りやめます。

何が変わる？

Q. いつから減る？

A. 4月の第1土曜日から

運行会社は、利用者が減ったことを理由に挙げています。

［リンク］ https://sanroku.example.jp/bus/0412

見出し：山麓の路線バス、4月から土日は運休に

さんろく新報 | 2025.03.28

あらすじ — 利用者の減少を受け、運行会社が週末の便を取りやめると発表した。

週末に通院する人には痛い話です。
"""


def test_a_link_first_card_on_a_double_spaced_page_is_the_sections_card(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "bus.txt", PAGE))
    (section,) = article.sections
    (card,) = section.sources
    assert (card.title, card.publisher, card.published, card.url) == (
        "山麓の路線バス、4月から土日は運休に", "さんろく新報", dt.date(2025, 3, 28),
        "https://sanroku.example.jp/bus/0412")
    assert card.summary == ("利用者の減少を受け、運行会社が週末の便を取りやめると発表した。",)
    assert card.comments == ("週末に通院する人には痛い話です。",)


def test_a_link_line_under_a_cards_summary_closes_that_card_and_opens_none() -> None:
    texts = ["［記事］山麓の路線バス、4月から土日は運休に ／ 媒体：さんろく新報", "・運行会社が週末の便を取りやめると発表した。",
             "リンク：https://sanroku.example.jp/bus/0412", "［記事］冬の灯油代、賢く抑えるには ／ 媒体：くらし相談室",
             "・相談員が灯油代を抑える工夫を紹介している。", "リンク：https://kurashi.example.org/c/77"]
    assert _read(texts) == texts


def test_a_link_line_right_after_a_card_read_whole_opens_the_next_card() -> None:
    assert _read(["［リンク］ https://sanroku.example.jp/bus/0412", "見出し：山麓の路線バス、4月から土日は運休に",
                  "さんろく新報 | 2025.03.28", "あらすじ — 運行会社が週末の便を取りやめると発表した。",
                  "［リンク］ https://kurashi-soudan.example.org/c/77", "見出し：冬の灯油代、賢く抑えるための五つの工夫",
                  "くらし相談室 | 2025.02.10", "あらすじ — 相談員が灯油代を抑える工夫を紹介している。"]) == [
        "山麓の路線バス、4月から土日は運休に", "・運行会社が週末の便を取りやめると発表した。",
        "→ さんろく新報 | 2025.03.28 https://sanroku.example.jp/bus/0412",
        "冬の灯油代、賢く抑えるための五つの工夫", "・相談員が灯油代を抑える工夫を紹介している。",
        "→ くらし相談室 | 2025.02.10 https://kurashi-soudan.example.org/c/77"]
