"""A card's publisher: a name with a tagline, a name printed alone above the card, a publisher before the title among voices and attributions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.layouts.digest.cards import publisher_name
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def test_a_publisher_with_a_tagline_after_a_vertical_bar_is_kept_whole() -> None:
    assert publisher_name("浜風新聞デジタル｜海辺の地元紙") == "浜風新聞デジタル｜海辺の地元紙"
    # A colon or a spaced dash still sets a tagline off, and a bare trailing bar is no part of the name.
    assert publisher_name("浜風新聞+:海辺のいまを伝えるウェブメディア") == "浜風新聞+"
    assert publisher_name("浜風新聞 - 海辺のニュース") == "浜風新聞"
    assert publisher_name("浜風新聞｜") == "浜風新聞"


def test_a_colon_after_a_sponsor_label_sets_off_the_advertisers_name_not_a_tagline() -> None:
    # 'Sponsored: name' prints the label and the name as one: kept as printed, as 'PR｜name' is.
    assert publisher_name("Sponsored：ふかふか寝具店") == "Sponsored：ふかふか寝具店"
    assert publisher_name("広告: ふかふか寝具店") == "広告: ふかふか寝具店"


_PUBLISHER_FIRST = """港町の朝市が100周年　観光客も増加

公開日 2025年5月12日

港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。

朝市の歩み

いつから続いている？

大正時代から

長く続く朝市には、町の歴史が詰まっています。

港町新聞

朝市が100周年、記念式典に300人

配信日 2025/05/10

・ 朝市の開設100周年を祝う式典が開かれ、約300人が参加した。

・ 市長は「港町の台所を次の100年へ」と述べた。

元記事を読む → https://minato.example.jp/news/100th

にぎわいが戻ってきたのはうれしいですね。

観光客の増加

どれくらい増えた？

前年の1.5倍

朝市の観光客、前年の1.5倍に

配信日 2025/05/12

・ 週末の来場者のうち、市外からの観光客が前年の1.5倍に増えた。

元記事を読む → 湾岸タイムズ https://wangan.example.jp/articles/3021

海外からの団体客も目立つそうです。
"""


def test_a_name_printed_alone_above_a_card_whose_link_names_no_publisher_is_its_publisher(tmp_path: Path) -> None:
    result = _import(tmp_path, "publisher-first.txt", _PUBLISHER_FIRST)
    article = _digest(result)
    assert [section.heading for section in article.sections] == ["朝市の歩み", "観光客の増加"]
    first, second = (section.sources for section in article.sections)
    assert [(card.title, card.publisher, card.url, card.published) for card in first] == [
        ("朝市が100周年、記念式典に300人", "港町新聞", "https://minato.example.jp/news/100th", dt.date(2025, 5, 10))]
    assert [(card.title, card.publisher) for card in second] == [("朝市の観光客、前年の1.5倍に", "湾岸タイムズ")]
    assert article.sections[0].comments == ("長く続く朝市には、町の歴史が詰まっています。",)
    assert [(entry.line.text, entry.read_into) for entry in result.report.dropped if entry.rule == "card-publisher"] \
        == [("港町新聞", "sections[0].sources[0].publisher")]


_VOICES_PAGE = """港の朝市、三年ぶりに再開
2025年5月3日
港の朝市が三年ぶりに再開しました。
どんな声がある？
地元の人はどう思っている？
おおむね歓迎
港新聞｜朝市、5月から毎週日曜に
2025年5月1日
・漁協は5月から毎週日曜に朝市を開くと発表した。
・出店は鮮魚店など20店。
続きを読む ⇒ 出典：https://minato.example.jp/a/1
「朝の楽しみが戻った」（70代女性）
「駐車場が足りない」（40代男性）
— 港町観光協会 (@minato_kanko) 2025年5月2日
"""


def test_voices_and_attributions_stay_text_and_a_publisher_before_the_title_names_the_card(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "asaichi.txt", _VOICES_PAGE))
    assert [section.heading for section in article.sections] == ["どんな声がある？"]
    card = article.sections[0].sources[0]
    assert (card.title, card.publisher, card.published) == ("朝市、5月から毎週日曜に", "港新聞", dt.date(2025, 5, 1))
    texts = [*card.comments, *article.sections[0].body, *article.sections[0].reaction]
    assert "「駐車場が足りない」（40代男性）" in texts
    assert "— 港町観光協会 (@minato\\_kanko) 2025年5月2日" in texts
