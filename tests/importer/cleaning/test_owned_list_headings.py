"""A related-articles heading named for whose list it is: '<the site's or writer's name>のおすすめ記事'."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _strip(*texts: str) -> tuple[list[str], list[str]]:
    report = ImportReport("page.html")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [item.rule for item in report.dropped]


def test_a_list_named_for_its_owner_is_the_sites_related_articles() -> None:
    kept, rules = _strip("最後までお読みいただきありがとうございます。", "週刊まちかど通信の人気記事",
                         "・商店街のアーケード、改修へ", "・駅前の再開発、第2期が着工")
    assert kept == ["最後までお読みいただきありがとうございます。"]
    assert rules == ["related-articles"] * 3


def test_a_heading_whose_owner_is_a_sentence_is_no_lists() -> None:
    kept, _ = _strip("改修の話は続きます。次回の関連記事", "・商店街のアーケード、改修へ")
    assert kept[0] == "改修の話は続きます。次回の関連記事"
