"""A card that opens with its URL, then its publisher and date on a line of their own, then its title: the
title line is the card's, not a section heading, when no question follows it (its summary or the writer's
remarks do). A heading of the page is still told by the question under it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of, import_text

_PAGE = [
    "図書館の開館時間、平日は夜9時まで延長へ　市が方針", "2024年9月12日（木）",
    "市立図書館の開館時間が延びることになりました。仕事帰りの利用を増やす狙いです。",
    "■ 延長の内容", "Q. いつから変わるのか?", "A. 来年4月から",
    "まずは中央館から始まります。",
    "https://shisei.example.org/library/2024/0911-hours",
    "― 市政だより（2024年9月11日）",
    "中央図書館、平日の閉館を午後9時に　来春から",
    "＊ 市は、中央図書館の平日の閉館時刻を午後7時から午後9時に延ばすと発表した。",
    "＊ 分館は利用状況を見て判断する。",
    "夜に本を返せるのはありがたいですね。",
    "延長に合わせて、職員の勤務体制も見直されます。",
    "■ 利用者の声", "Q. 利用者はどう受け止めているのか?", "A. おおむね歓迎している",
    "学生や会社員から喜ぶ声が出ています。",
    "https://machi-news.example.com/2024/09/library-voices",
    "― まちニュース（2024年9月10日）",
    "＊ アンケートでは、回答者の7割が延長に賛成した。",
    "静かに勉強できる場所が増えるのはうれしいことです。",
]


def test_a_title_under_the_head_links_publisher_line_is_the_cards(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_PAGE)))
    assert [section.heading for section in article.sections] == ["延長の内容", "利用者の声"]
    first = article.sections[0].sources
    assert [(card.title, card.url, card.publisher, card.published) for card in first] == [
        ("中央図書館、平日の閉館を午後9時に　来春から", "https://shisei.example.org/library/2024/0911-hours",
         "市政だより", dt.date(2024, 9, 11))]
    assert first[0].summary == ("市は、中央図書館の平日の閉館時刻を午後7時から午後9時に延ばすと発表した。",
                                "分館は利用状況を見て判断する。")
    second = article.sections[1].sources
    assert [(card.title, card.publisher) for card in second] == [(None, "まちニュース")]
