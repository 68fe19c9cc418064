"""A card block a label line opens ('▶出典', '◆ 参考 ◆') above the publisher, the title, the date and the
link: the label names the block, the name under it is the publisher."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.page.card_names_by_shape import is_block_label
from tests.support.importing import digest_of, import_text

_PAGE = """商店街に新しい図書コーナー　空き店舗を活用
投稿日：2025/07/14

空き店舗を使った図書コーナーが商店街にできました。

本はどこから集めたの？

住民の寄付で約2000冊

{label}

みどり区広報課
空き店舗に図書コーナー開設　住民寄付の本を並べる
（2025年7月10日）
https://midori.example.jp/koho/2025/library

・寄付された約2000冊を並べ、誰でも無料で読める。

気軽に立ち寄れる場所になりそうです。
"""


def test_a_label_line_opening_a_card_block_is_not_its_publisher(tmp_path: Path) -> None:
    for label in ("▶出典", "◆ 参考 ◆"):
        article = digest_of(import_text(tmp_path, "page.txt", _PAGE.format(label=label)))
        [card] = [card for section in article.sections for card in section.sources]
        assert (card.publisher, card.published) == ("みどり区広報課", dt.date(2025, 7, 10)), label


def test_a_name_after_a_glyph_is_no_block_label() -> None:
    assert is_block_label("■参照") and is_block_label("☆☆ 情報源 ☆☆")
    assert not is_block_label("■みどり新聞") and not is_block_label("◇◇ PR ◇◇")
