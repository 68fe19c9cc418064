"""A card title printed after a source label and the publisher's name ('引用元：気象庁　…'), closed by
its date in brackets ('…（2025.05.28）'): the publisher and the date are the card's, not its title's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.model import DigestArticle
from kiku.importer.grammar.cards.card_titles import date_after_title, labelled_publisher_before_title
from tests.support.importing import import_text as _import


@pytest.mark.parametrize(("printed", "expected"), [
    ("引用元：気象庁　線状降水帯の予測情報の改善について", ("引用元：", "気象庁", "線状降水帯の予測情報の改善について")),
    ("参照: 総務省 ふるさと納税の指定基準の見直し", ("参照: ", "総務省", "ふるさと納税の指定基準の見直し")),
])
def test_a_label_and_a_name_before_the_title_are_cut_off(printed: str, expected: tuple[str, str, str]) -> None:
    assert labelled_publisher_before_title(printed) == expected


@pytest.mark.parametrize("printed", [
    "出典：横浜、19年ぶり4度目の優勝",  # no name apart from the title
    "引用元：県は、 新しい制度を来月から始めると発表した。",  # a sentence
    "気象庁　線状降水帯の予測情報の改善について",  # no label
])
def test_other_titles_stay_as_printed(printed: str) -> None:
    assert labelled_publisher_before_title(printed) is None


def test_a_bracketed_date_closing_a_title_is_the_card_s() -> None:
    assert date_after_title("線状降水帯の予測情報の改善について (2025.05.28)") == (
        "線状降水帯の予測情報の改善について", "(2025.05.28)", dt.date(2025, 5, 28))
    assert date_after_title("新制度の説明会（第2回）") is None


PAGE = """夏の大雨、予報はどこまで早くなる?
公開日 2025.06.02

線状降水帯の予測が、今年から半日前に県単位で出るようになりました。

■ 予測が細かくなった
どこまで絞り込める?
県ごとに半日前から
去年までは地方単位の発表で、範囲が広すぎるという声がありました。
引用元：気象庁　線状降水帯の予測情報の改善について（2025.05.28）
https://jma.example.go.jp/press/2505/28a.html
早めに避難の準備ができるのは心強いですね。
予測の精度はまだ高くないため、空振りも多いとされています。
"""


def test_a_dump_s_card_reads_its_publisher_and_date_from_its_title_line(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", PAGE)
    assert isinstance(result.article, DigestArticle)
    card = result.article.sections[0].sources[0]
    assert (card.title, card.publisher, card.published, card.url) == (
        "線状降水帯の予測情報の改善について", "気象庁", dt.date(2025, 5, 28), "https://jma.example.go.jp/press/2505/28a.html")
