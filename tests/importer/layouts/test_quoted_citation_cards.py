"""A card printed on one line as a citation, the title in quotation brackets and its source and date in
brackets after it ('引用／「…」（みどり区広報課、2025年7月10日付）'), perhaps behind a label and a bar: the
title is what the quotation brackets hold, the publisher and the date what the brackets after it say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.quoted_citation import quoted_citation
from tests.support.importing import digest_of, import_text

_PAGE = """商店街に新しい図書コーナー　空き店舗を活用
投稿日：2025/07/14

空き店舗を使った図書コーナーが商店街にできました。

本はどこから集めたの？

住民の寄付で約2000冊

{citation}
https://midori.example.jp/koho/2025/library

・寄付された約2000冊を並べ、誰でも無料で読める。

気軽に立ち寄れる場所になりそうです。
"""


@pytest.mark.parametrize(("citation", "published"), [
    ("出典｜「空き店舗に図書コーナー開設（みどり区）」（みどり区広報課、2025年7月10日付）", dt.date(2025, 7, 10)),
    ("「空き店舗に図書コーナー開設（みどり区）」(みどり区広報課, 2025/07/10)", dt.date(2025, 7, 10)),
    ("参照｜『空き店舗に図書コーナー開設（みどり区）』（みどり区広報課、日付不明）", None),
])
def test_a_one_line_citation_gives_the_cards_title_publisher_and_date(tmp_path: Path, citation: str,
                                                                     published: dt.date | None) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", _PAGE.format(citation=citation)))
    [card] = [card for section in article.sections for card in section.sources]
    assert (card.title, card.publisher, card.published) == ("空き店舗に図書コーナー開設（みどり区）", "みどり区広報課",
                                                             published)


def test_a_headline_quoting_someone_is_no_citation() -> None:
    assert quoted_citation("区長「図書コーナーを全区に」（みどり新聞、2025年7月10日）") is None
    assert quoted_citation("「図書コーナーを全区に」（区長、記者会見で2025年7月10日に）") is None
