"""The page's title: weighed on its evidence, never a bulleted line, never the date line above the lead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.page.title import is_menu_row, title_index
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def test_the_title_evidence_in_its_kinds() -> None:
    # The lead follows the title: the line above it is the site's.
    assert title_index(["くらしの防災ダイジェスト", "日向灘で地震、臨時情報の意味とは", "宮崎県で震度5弱を観測しました。"]) == 1
    # A site line split by '|' loses to the headline under it, even with no lead in sight.
    assert title_index(["TechMatome+ | テクノロジーの今をまとめ読み", "熊本の半導体工場は地域をどう変えた？", "見出し"]) == 1
    # Repeated further down wins over everything.
    assert title_index(["サイト名｜まとめ", "本当のタイトル", "リードです。", "本当のタイトル"]) == 1
    # A title that is the first line and is followed by its lead stays the title.
    assert title_index(["路線バスが消えていく？地方の足はどうなる", "全国で路線バスの減便が続いています。", "見出し"]) == 0
    assert is_menu_row("ニュース  半導体  AI  スマホ  ガジェット")
    assert not is_menu_row("台風10号、九州に上陸のおそれ 交通に影響")


def test_a_bulleted_line_is_never_the_title() -> None:
    assert title_index(["◇公費解体は9割を超えたが、仮設住宅には約1万5000人が暮らす", "2025/12/28",
                        "能登半島地震から2年、復興はどこまで進んだ？", "地震から間もなく2年。課題をまとめました。"]) == 2


LABELLED_QA = """公開日:2025/06/02
川の水位、今年はどうなる
梅雨入りを前に、川の水位の見通しをまとめます。
水位の見通し
問い：今年の水位は高い？
答え：例年並みの見込み
水位、例年並みの見込み
2025/06/01
▶ 上流のダムは例年並みの貯水量となっている。
▶ 大雨の予報はまだ出ていない。
via 川辺新聞 https://kawabe.example.jp/a/rain大雨の季節はこれからです。
"""


def test_a_date_line_above_the_lead_is_not_the_title(tmp_path: Path) -> None:
    page = LABELLED_QA.replace("公開日:2025/06/02\n川の水位、今年はどうなる\n",
                               "川辺だより\n川の水位、今年はどうなる\n作成：令和7年6月2日　改訂：令和7年6月5日\n")
    article = _digest(_import(tmp_path, "page.txt", page))
    assert (article.title, article.date) == ("川の水位、今年はどうなる", dt.date(2025, 6, 2))


def test_a_line_that_only_opens_a_longer_headline_is_its_clipped_copy() -> None:
    # A mail's subject (its field's label and issue tag before it) repeats the heading's opening words only.
    texts = ["Subject: ［港町だより 第59号］秋祭りの準備進む、山車の修理", "2025年9月12日",
             "秋祭りの準備進む、山車の修理が終わり試し曳きへ", "今週は祭りの準備の様子をお伝えします。"]
    assert title_index(texts) == 2
    # A lead that opens with the title's words is no fuller copy of it.
    assert title_index(["秋祭りの準備進む、山車の修理", "秋祭りの準備進む、山車の修理が終わり、試し曳きが行われました。"]) == 0


def test_a_header_s_fields_and_a_web_address_are_no_title() -> None:
    # A reader tool's header pasted under a mail's masthead: its fields, one over a timestamp, are not the title.
    texts = ["港町だより　第60号", "Source URL: https://minato.example/news/60", "Fetched At: 2025-09-19T07:00:00",
             "Content Type: text", "朝市の新しい顔ぶれ", "今週から三つの店が加わりました。"]
    assert title_index(texts) in (0, 4)
    assert title_index(["https://minato.example/news/60", "朝市の新しい顔ぶれ", "今週から三つの店が加わりました。"]) == 1
