"""A card printed on one line as a citation behind a label of any word ('資料：publisher「title」(date)', its URL
on the next line): the publisher and the title in quotes; a headline quoting someone, with no label, stays whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """図書館の返却ポスト、駅前にも　24時間返せるように
2025年6月3日
市立図書館の本を、駅前の返却ポストでも返せるようになります。

■ どこに置かれる?
返却ポストはどこにできる?
駅前広場の交番の隣です
これまでは図書館の開館時間にしか返せませんでした。
資料：さくら市教育委員会「駅前返却ポストの設置について」(2025年5月28日)
https://www.city.sakura.example.lg.jp/library/post
通勤の帰りに返せるのは便利ですね。

■ 館長は何と言っている?
館長のねらいは?
本に触れる機会を増やしたい
利用の少ない世代に届けたいとしています。
館長「本を身近に感じてほしい」
2025年5月30日
- 若い世代の利用が減っていることが背景にある。
https://sakura-times.example.jp/news/20250530/library
楽しみです。
"""


def test_a_labelled_citation_line_gives_the_publisher_and_the_quoted_title(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", PAGE))
    cited, quoting = (section.sources[0] for section in article.sections)
    assert (cited.publisher, cited.title, cited.published) == (
        "さくら市教育委員会", "駅前返却ポストの設置について", dt.date(2025, 5, 28))
    assert quoting.title == "館長「本を身近に感じてほしい」"
