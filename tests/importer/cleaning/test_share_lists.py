"""A share bar printed as a list, one button to a line and bulleted alike (a page read without its classes)."""

from __future__ import annotations

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.html")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [(item.rule, item.line.text) for item in report.dropped]


def test_a_bulleted_list_of_share_buttons_is_dropped_whole() -> None:
    kept, dropped = _strip("新駅の開業日が決まる", "• ツイート", "• Pocket", "• URLをコピー",
                           "市は来春の開業に向けて準備を進めています。")
    assert kept == ["新駅の開業日が決まる", "市は来春の開業に向けて準備を進めています。"]
    assert [rule for rule, _ in dropped] == ["share-list"] * 3


def test_buttons_that_name_a_service_before_the_verb_make_the_list_a_share_bar() -> None:
    kept, _ = _strip("- Threadsでシェア", "- はてなで共有", "本文はここから始まります。")
    assert kept == ["本文はここから始まります。"]


def test_bare_verbs_alone_may_be_a_lists_entries() -> None:
    kept, _ = _strip("・保存", "・送る", "・確認", "手続きは三つの段階に分かれます。")
    assert kept[:2] == ["・保存", "・送る"]


def test_a_list_with_one_entry_of_its_own_words_is_no_share_bar() -> None:
    kept, _ = _strip("・はてブ", "・地域の防災計画を見直す", "手続きは三つの段階に分かれます。")
    assert "・地域の防災計画を見直す" in kept


def test_buttons_read_out_for_screen_readers_make_a_share_bar() -> None:
    kept, dropped = _strip("本文の最後の文です。", "・Threads でシェアするにはタップしてください (別タブで開きます)",
                           "・LINE で送るにはクリック", "© 港町ニュース")
    assert kept == ["本文の最後の文です。"]
    assert [rule for rule, _ in dropped][:2] == ["share-list"] * 2


def test_a_bulleted_how_to_that_asks_for_a_click_stays() -> None:
    kept, _ = _strip("申請の手順", "・申請画面を開くにはクリックしてください", "・内容を確認するにはタップしてください")
    assert kept == ["申請の手順", "・申請画面を開くにはクリックしてください", "・内容を確認するにはタップしてください"]
