"""A link line that cites two sources, each a name and its URL after a separator, under a row of their dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.card_meta import card_date
from kiku.importer.grammar.lines.dates import date_row
from tests.support.importing import digest_of, import_text


def test_a_second_source_after_a_separator_is_read_as_a_further_link() -> None:
    link = read_card_link("続きを読む → 港町日報 https://minato.example.jp/a/1 ｜ 北国新報 https://kita.example.jp/b/2")
    assert link is not None
    assert (link.url, link.publisher, link.glued_text) == ("https://minato.example.jp/a/1", "港町日報", "")
    assert [(more.url, more.publisher) for more in link.more] == [("https://kita.example.jp/b/2", "北国新報")]


def test_a_remark_after_the_second_source_stays_glued() -> None:
    link = read_card_link("続きを読む → 港町日報 https://minato.example.jp/a/1 ・ 北国新報 https://kita.example.jp/b/2 気になります。")
    assert link is not None
    assert [more.url for more in link.more] == ["https://kita.example.jp/b/2"]
    assert link.glued_text == "気になります。"


def test_a_sentence_after_a_separator_is_no_second_source() -> None:
    link = read_card_link("続きを読む → 港町日報 https://minato.example.jp/a/1 ／ 詳しくは市の発表、https://city.example.jp/ を参照")
    assert link is not None
    assert link.more == ()


@pytest.mark.parametrize(("line", "dates"), [
    ("2025/06/02・2025/06/03", [dt.date(2025, 6, 2), dt.date(2025, 6, 3)]),
    ("2025年6月2日 ／ 2025年6月3日", [dt.date(2025, 6, 2), dt.date(2025, 6, 3)]),
    ("2025/06/02", []),  # one date is no row
    ("2025/06/02 と 2025/06/03", []),  # a word between them
])
def test_a_row_of_dates_is_dates_and_separators_only(line: str, dates: list[dt.date]) -> None:
    assert date_row(line) == dates


def test_a_card_date_line_of_two_dates_keeps_the_second() -> None:
    found = card_date("2025/06/02・2025/06/03")
    assert found is not None
    assert (found.date, found.more_dates) == (dt.date(2025, 6, 2), (dt.date(2025, 6, 3),))


def test_each_source_on_the_line_is_a_card_dated_by_the_row(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", "\n".join([
        "港の朝市、毎週開催へ", "公開日：2025/06/10", "港の朝市が6月から毎週開かれます。経緯をまとめました。",
        "朝市の拡大", "何が変わる？", "月1回から毎週に",
        "2025/06/02・2025/06/03",
        "● 市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
        "▶ 続きを読む：港町日報 https://minato.example.jp/a/1 ／ 北国新報 https://kita.example.jp/b/2",
        "毎週になるのはうれしいですね。"]))
    cards = digest_of(result).sections[0].sources
    assert [(card.url, card.publisher, card.published) for card in cards] == [
        ("https://minato.example.jp/a/1", "港町日報", dt.date(2025, 6, 2)),
        ("https://kita.example.jp/b/2", "北国新報", dt.date(2025, 6, 3))]
    assert cards[0].summary == ("市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",)
    assert not any(card.off_topic for card in cards)
    assert ("sections[0].sources[1]: cited on the link line of the card before it (line 9); the summary above that "
            "line is kept with the first card: check which source it summarises") in result.report.warnings
