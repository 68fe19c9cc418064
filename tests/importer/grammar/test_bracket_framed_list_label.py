"""A label framed by a pair of brackets over a list of points ('＜この号で押さえたい点＞' over '◆ …' lines) is the
list's label, not its first point."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """山の駅に電気バスの充電所ができます
2025年9月2日
峠の駅に、電気バスの充電所が設けられることになりました。
＜この号で押さえたい点＞
◆ 充電器は2基、同時に2台のバスを充電できる
◆ 一般の電気自動車も有料で使える
◆ 工事は秋から始まり、来春に使えるようになる
■ どこにできる?
充電所はどこに置かれる?
峠の駅の駐車場の一角です
工事は秋から始まります。
発表元：高原交通
2025年8月29日
- 充電器は2基、同時に2台のバスを充電できる。
https://kogen-kotsu.example.jp/news/charger
便利になりそうですね。
"""


def test_a_bracket_framed_label_over_points_labels_them(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", PAGE))
    assert article.key_points == ("充電器は2基、同時に2台のバスを充電できる", "一般の電気自動車も有料で使える",
                                  "工事は秋から始まり、来春に使えるようになる")
