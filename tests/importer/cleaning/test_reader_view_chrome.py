"""A reader-mode dump's own lines: the button that leaves the reading view, a share box closed by a pager
whose teaser follows it, and a link to the site's other articles."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

_BODY = ["市の新しい図書館が、来月から夜9時まで開くことになりました。", "仕事帰りに寄れるのはうれしいですね。",
         "利用者の声を聞きながら、開館時間を見直していくそうです。"]


def _strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [(item.rule, item.line.text) for item in report.dropped]


@pytest.mark.parametrize("text", ["リーダーモードを閉じる", "閲覧モードを終了する", "Exit Reader View", "✕ リーダー表示を終了"])
def test_the_button_leaving_a_reading_view_is_dropped(text: str) -> None:
    assert _strip(*_BODY, text)[0] == _BODY


@pytest.mark.parametrize("text", ["リーダー表示について", "表示を終了した理由"])
def test_other_lines_naming_a_view_are_kept(text: str) -> None:
    assert _strip(*_BODY, text)[0] == [*_BODY, text]


def test_a_pager_closing_a_share_box_takes_its_teaser_and_the_link_to_other_articles_goes() -> None:
    kept, dropped = _strip(*_BODY, "共有する", "Facebook", "URLをコピー", "前の記事 ◀",
                           "駅前の商店街、空き店舗に若者の店が続々と", "他の記事も読む")
    assert kept == _BODY
    assert [text for _, text in dropped][-2:] == ["駅前の商店街、空き店舗に若者の店が続々と", "他の記事も読む"]


def test_a_sentence_under_a_pager_closing_a_share_box_is_kept() -> None:
    sentence = "図書館は駅から歩いて5分の場所にあります。"
    assert _strip(*_BODY, "共有する", "Facebook", "URLをコピー", "次の記事", sentence)[0] == [*_BODY, sentence]
