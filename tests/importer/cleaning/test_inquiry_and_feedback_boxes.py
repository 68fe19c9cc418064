"""A municipal page's foot in a text dump: the box naming whom to ask about the page (its office, phone,
mail) and the poll asking whether the page helped, with its choices. The site's, not the article's."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

_BODY = ["町の図書館は、来月から日曜日も午後7時まで開館します。", "利用者の声を受けて、開館時間を見直しました。"]


def _strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [(item.rule, item.line.text) for item in report.dropped]


def test_the_inquiry_box_and_the_page_poll_are_dropped() -> None:
    kept, dropped = _strip(*_BODY, "本ページについてのお問合せ", "教育委員会 生涯学習係", "TEL：0123-45-6789（内線 210）",
                           "shougai@town.example.jp", "この記事の内容はわかりやすかったですか？", "わかりやすかった",
                           "どちらともいえない", "わかりにくかった", "回答する")
    assert kept == _BODY
    rules = [rule for rule, _ in dropped]
    assert rules[:4] == ["inquiry-box"] * 4
    assert rules[4:8] == ["page-feedback"] * 4


def test_a_sentence_about_whom_to_ask_and_a_sentence_under_the_heading_stay() -> None:
    sentence = "詳しくは、町の教育委員会にお問い合わせください。"
    kept, _ = _strip(*_BODY, sentence)
    assert kept == [*_BODY, sentence]
    # With no contact line under it, the heading is no box: other rules judge it ('お問い合わせ' in a footer).
    kept, _ = _strip(*_BODY, "問い合わせ先", "開館時間の変更について、町民の意見を募集しています。")
    assert kept == [*_BODY, "問い合わせ先", "開館時間の変更について、町民の意見を募集しています。"]
