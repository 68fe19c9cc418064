"""A card printing its date line under its summary, over the link line that closes it (a box whose
fields a CMS prints in another order): the date is the card's, and the title over the summary stays
its title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """みかん農家の後継者不足、どう乗り越える？

2025年12月2日

温州みかんの産地で、後継者の確保が課題になっています。

担い手はなぜ減っている？

Q. 農家の数はどれくらい減った？
A. 10年で3割ほど減った

高齢化が進み、畑を手放す農家が増えています。

みかん農家、10年で3割減 産地で進む高齢化
✔ 県の調査で、みかん農家の数が10年前より約3割減ったことがわかった。
✔ 平均年齢は70歳に近づいている。
掲載日：2025年11月28日
続きを読む ⇒ 出典: みかん日報 https://mikan-nippo.example.jp/news/1128

手入れの行き届かない畑も目立ちます。
"""


def test_a_date_line_under_the_summary_is_the_cards_date(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "mikan.txt", PAGE))
    (section,) = article.sections
    (card,) = section.sources
    assert (card.title, card.publisher, card.published, card.url) == (
        "みかん農家、10年で3割減 産地で進む高齢化", "みかん日報", dt.date(2025, 11, 28),
        "https://mikan-nippo.example.jp/news/1128")
    assert len(card.summary) == 2
    assert "手入れの行き届かない畑も目立ちます。" not in " ".join(card.summary)
