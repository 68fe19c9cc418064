"""A card whose only line over its date and summary is a name behind a label ('発表元：…'): the card's
publisher, and the card has no title, not a title that prints its label."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """山の駅に電気バスの充電所ができます
2025年9月2日

峠の駅に、電気バスの充電所が設けられることになりました。

■ どこにできる?
充電所はどこに置かれる?
峠の駅の駐車場の一角です
工事は秋から始まります。
発表元：高原交通
2025年8月29日
- 充電器は2基、同時に2台のバスを充電できる。
- 一般の電気自動車も有料で使える。
https://kogen-kotsu.example.jp/news/charger
便利になりそうですね。
"""


def test_a_labelled_name_alone_over_the_card_is_its_publisher_and_the_card_has_no_title(tmp_path: Path) -> None:
    card = digest_of(import_text(tmp_path, "page.txt", PAGE)).sections[0].sources[0]
    assert (card.title, card.publisher) == (None, "高原交通")
