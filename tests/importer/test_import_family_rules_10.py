"""General rules of the page family that held-out batch 10 showed missing, each on made-up text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loader import load_config
from kiku.content.model import EncyclopediaArticle
from kiku.importer.layouts.cards import publisher_name
from kiku.importer.layouts.off_topic import is_off_topic
from kiku.importer.pipeline import ImportResult, import_page
from tests.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)


def _import(tmp_path: Path, name: str, text: str) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, import_day=IMPORT_DAY)


def _encyclopedia(result: ImportResult) -> EncyclopediaArticle:
    assert isinstance(result.article, EncyclopediaArticle)
    return result.article


# --- Encyclopedia: the title printed again over the lead, a handover sentence ending in 。 ----------

_LICENCE = ("このページの本文は、ウィキペディアの記事「潮見台灯台」を素材として使用しています。"
            "文章はクリエイティブ・コモンズ・表示・継承ライセンス 4.0（CC BY-SA 4.0）の下で利用可能です。")

_TITLE_AGAIN_PAGE = f"""うみべ辞典 ― 海辺の百科
潮見台灯台（Wikipedia）
出典：フリー百科事典『ウィキペディア（Wikipedia）』最終更新 2025年2月12日 (水) 06:21

潮見台灯台

潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。

歴史

1901年に初めて点灯した。

観光

春と秋に内部が公開される[2]。

脚注

1. 「潮見台灯台の歩み」潮見市 https://shiomi.example.jp/toudai/
history.html
2. 潮見市観光協会『灯台めぐり』2020年。

{_LICENCE}
"""


def test_the_title_printed_again_under_the_source_line_is_not_a_section(tmp_path: Path) -> None:
    result = _import(tmp_path, "toudai.txt", _TITLE_AGAIN_PAGE)
    article = _encyclopedia(result)
    assert article.title == "潮見台灯台"
    assert article.lead == "潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。"
    assert [section.heading for section in article.sections] == ["歴史", "観光"]
    # A numbered reference whose URL wraps onto the next line keeps the whole URL.
    assert [reference.url for reference in article.references] == [
        "https://shiomi.example.jp/toudai/history.html", None]
    assert article.attribution.notice == _LICENCE
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"
    rules = {item.line.text: (item.rule, item.debris) for item in result.report.dropped}
    # The title printed again over the lead is the article's; the one with the site's suffix is its frame.
    assert rules["潮見台灯台"] == ("repeated-title", False)
    assert rules["潮見台灯台（Wikipedia）"] == ("dictionary-header", True)


_HANDOVER_PAGE = """時事ことば帳｜ニュースの用語を解説
トップ ＞ 用語一覧 ＞ 潮見台灯台
潮見台灯台
読み方：しおみだいとうだい
以下はウィキペディア（Wikipedia）の記事からの引用です。
潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。
歴史
1901年に初めて点灯した。
観光
春と秋に内部が公開される[1]。
脚注
↑ 「潮見台灯台の歩み」潮見市 https://shiomi.example.jp/toudai/history.html
本ページの引用部分は、ウィキペディア日本語版「潮見台灯台」の記事を、クリエイティブ・コモンズ 表示-継承 4.0 ライセンス（CC BY-SA 4.0）に基づいて利用しています。
"""


def test_a_frames_fields_up_to_a_handover_sentence_ending_in_a_full_stop_are_its_own(tmp_path: Path) -> None:
    result = _import(tmp_path, "toudai2.txt", _HANDOVER_PAGE)
    article = _encyclopedia(result)
    assert article.title == "潮見台灯台"
    assert article.lead == "潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。"
    assert [section.heading for section in article.sections] == ["歴史", "観光"]
    rules = {item.line.text: item.rule for item in result.report.dropped}
    assert rules["読み方：しおみだいとうだい"] == "dictionary-header"
    assert rules["以下はウィキペディア（Wikipedia）の記事からの引用です。"] == "dictionary-header"


# --- Relevance: an untitled second card on a side of the story its section does not name -------------

def test_an_untitled_card_sharing_no_topic_word_is_an_ad_only_when_it_speaks_of_an_offer() -> None:
    page_title = "夏の花火大会、暑さ対策は？"
    section = ["夜の部は定着した", "昨年から始まった夜の部の効果は?", "熱中症の疑いは減少傾向",
               "暑さのピークを避ける工夫は、すでに一定の成果を上げています。",
               "大会本部によると、夜の部を実施した日の熱中症の疑いによる搬送者は約4割少なかった。"]
    topic = [page_title, *section[:3]]
    # The page's remarks around the card speak of the town, its restaurants and visitors from afar.
    page = [page_title, *section, "遠方から訪れる人も多い夏の花火大会。", "地元にとっては、思わぬ影響も出ているようです。",
            "飲食店の営業にも変化が出ています。"]
    side_story = ["地元の飲食店では、夜遅くまで客が残るため営業時間を延ばす店が増えた。",
                  "一方、終了が深夜近くになり、遠方から来た人の帰りの足を心配する声もある。"]
    assert not is_off_topic(None, side_story, section, page, topic=topic)
    offer = ["地元の飲食店では、夜遅くまで営業する店で使えるクーポンを配っている。",
             "一方、遠方から来た人には帰りのタクシー代を割り引く。"]
    assert is_off_topic(None, offer, section, page, topic=topic)


# --- Cards: a publisher named as the site titles itself ----------------------------------------------

def test_a_publisher_with_a_tagline_after_a_vertical_bar_is_kept_whole() -> None:
    assert publisher_name("浜風新聞デジタル｜海辺の地元紙") == "浜風新聞デジタル｜海辺の地元紙"
    # A colon or a spaced dash still sets a tagline off, and a bare trailing bar is no part of the name.
    assert publisher_name("浜風新聞+:海辺のいまを伝えるウェブメディア") == "浜風新聞+"
    assert publisher_name("浜風新聞 - 海辺のニュース") == "浜風新聞"
    assert publisher_name("浜風新聞｜") == "浜風新聞"
