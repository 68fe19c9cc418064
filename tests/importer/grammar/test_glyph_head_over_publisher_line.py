"""A card whose title carries a glyph of its own ('🗞 …'), its publisher alone on the line under it, then
its date, its link and its summary: the name is the card's publisher, not its title."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

_PAGE = [
    "川辺の図書館、夜9時まで開館へ　仕事帰りの利用を見込む",
    "",
    "2024年11月5日 火曜日",
    "",
    "市立図書館の本館が、来月から平日の閉館時間を夜9時まで延ばします。仕事帰りの人の利用を増やすのがねらいです。",
    "",
    "1. 開館時間の延長",
    "",
    "〈問い〉なぜ閉館を遅くするの？",
    "",
    "〈答え〉平日の夜に来られない人が多いため",
    "",
    "市のアンケートでは、働く世代の半数が「平日は閉館に間に合わない」と答えました。",
    "",
    "🗞 市立図書館、平日は午後9時まで　12月から試行",
    "",
    "川辺市役所",
    "",
    "2024年10月30日",
    "",
    "https://city.kawabe.example.jp/kyouiku/library/2024-yoru.html",
    "",
    "- 12月から3か月間、平日の開館を午後9時までとする。",
    "",
    "- 利用状況を見て、来年度以降も続けるか決める。",
    "",
    "夜に本を借りられるのは便利ですね。",
    "",
    "2. 利用者の声",
    "",
    "〈問い〉利用者はどう受け止めている？",
    "",
    "〈答え〉おおむね歓迎している",
    "",
    "会社員の利用者からは、平日にも寄れるようになると喜ぶ声が上がっています。",
    "",
    "🗞 図書館の夜間開館、市民の8割が賛成",
    "",
    "川辺タイムス",
    "",
    "2024年11月1日",
    "",
    "https://kawabe-times.example.jp/local/20241101-library",
    "",
    "- 市民への聞き取りで、8割が夜間の開館に賛成した。",
    "",
    "- 職員の人手をどう確保するかが課題になる。",
    "",
    "人手の問題は気になるところです。",
]


def test_a_name_under_a_glyph_marked_title_is_the_cards_publisher(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_PAGE)))
    cards = [section.sources[0] for section in article.sections]
    assert [(card.title, card.publisher) for card in cards] == [
        ("市立図書館、平日は午後9時まで　12月から試行", "川辺市役所"),
        ("図書館の夜間開館、市民の8割が賛成", "川辺タイムス"),
    ]
    assert cards[0].summary == ("12月から3か月間、平日の開館を午後9時までとする。", "利用状況を見て、来年度以降も続けるか決める。")
