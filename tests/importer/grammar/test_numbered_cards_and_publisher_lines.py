"""A bare URL with a remark glued to its end, a publisher line that prints the card's date in brackets,
a card's publisher printed alone (or behind a sponsor label) between its title and its summary, a card
printed whole on one line, and cards numbered in the page's list of cards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.name_labels import sponsored_name
from kiku.importer.grammar.cards.source_names import dated_publisher_line
from tests.support.importing import digest_of, import_text


def test_a_remark_glued_to_a_bare_url_is_split_off() -> None:
    link = read_card_link("https://kawa.example.jp/news/ABCD1234EF/川の水位は下がり始めました。")
    assert link is not None
    assert (link.url, link.publisher, link.glued_text) == (
        "https://kawa.example.jp/news/ABCD1234EF/", None, "川の水位は下がり始めました。")


def test_a_publisher_line_gives_the_date_printed_in_brackets_after_the_name() -> None:
    assert dated_publisher_line("引用元: 山里市役所 (2024年12月2日)") == ("山里市役所", dt.date(2024, 12, 2))
    assert dated_publisher_line("出典：港町日報") == ("港町日報", None)
    # Brackets that hold no date are the name's own.
    assert dated_publisher_line("出典：港町日報（夕刊）") == ("港町日報（夕刊）", None)


def test_a_sponsor_label_before_a_name_marks_the_advertisers_name() -> None:
    assert sponsored_name("広告｜しまなみ旅館") == "しまなみ旅館"
    assert sponsored_name("スポンサー: 山の湯") == "山の湯"  # the word itself, as in 「スポンサーリンク」
    assert sponsored_name("提供: 山の湯") is None  # not a sponsor label the chrome rules know
    assert sponsored_name("北国新報｜港の朝市") is None


_PAGE = [
    "山あいの温泉街、冬の観光客が回復　雪見露天の人気じわり", "公開：2025/01/20",
    "冬の温泉街に客足が戻っています。背景と課題をまとめました。",
    "客足の回復", "どれくらい戻った？", "前年の1.3倍",
    "組合の発表を伝える記事です。",
    "(1) 温泉街の宿泊客、前年比3割増　雪見露天が好評",
    "2025年1月15日",
    "・ 温泉組合によると、12月の宿泊客は前年の同じ月より約3割増えた。",
    "・ 雪を眺めながら入る露天風呂が、若い世代に人気を集めている。",
    "元記事を読む → 山峡新聞 https://sankyo.example.jp/n/881",
    "にぎわいが戻ってきたようです。",
    "(2) 【広告】冬の湯めぐりパス、今だけ半額セール実施中",
    "広告｜湯けむり旅ナビ",
    "・ 人気の宿10軒の湯めぐりがお得に。今だけの半額キャンペーン、お申し込みはお早めに！",
    "・ 最短当日発行、送料無料でお届けします。",
    "https://yutabi.example.com/pass?ref=onsen",
    "宿の予約は、平日を中心に埋まりつつあるといいます。",
    "課題", "人手は足りている？", "仲居さんが不足",
    "(3) 温泉街の人手不足、旅館の半数が「深刻」",
    "2025年1月18日",
    "・ 組合の調査では、旅館の半数が人手不足を「深刻」と答えた。",
    "元記事を読む → 山峡新聞 https://sankyo.example.jp/n/902",
    "客が戻っても、迎える人が足りないのは悩ましいですね。",
]


def test_numbered_cards_keep_their_titles_and_a_name_under_an_ads_title_is_its_publisher(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_PAGE)))
    first, second = (section.sources for section in article.sections)
    assert [(card.title, card.publisher, card.published, card.off_topic) for card in first] == [
        ("温泉街の宿泊客、前年比3割増　雪見露天が好評", "山峡新聞", dt.date(2025, 1, 15), False),
        ("【広告】冬の湯めぐりパス、今だけ半額セール実施中", "湯けむり旅ナビ", None, True)]
    assert first[1].summary == ("人気の宿10軒の湯めぐりがお得に。今だけの半額キャンペーン、お申し込みはお早めに！",
                                "最短当日発行、送料無料でお届けします。")
    assert [(card.title, card.published) for card in second] == [
        ("温泉街の人手不足、旅館の半数が「深刻」", dt.date(2025, 1, 18))]
    assert not article.conclusion


def test_a_card_printed_whole_on_one_line_gives_publisher_title_date_and_url() -> None:
    link = read_card_link("北国新報: 港の朝市、6月から毎週開催へ （2025.06.03） https://kita.example.jp/n/55")
    assert link is not None
    assert (link.publisher, link.title, link.published, link.url) == (
        "北国新報", "港の朝市、6月から毎週開催へ", dt.date(2025, 6, 3), "https://kita.example.jp/n/55")
    # A sentence before the date is no title: a line of text citing its source.
    assert read_card_link("市の発表: 朝市は毎週開かれる。 (2025.06.03) https://kita.example.jp/n/55") is None


_ONE_LINE_PAGE = [
    "港の朝市、毎週開催へ　観光客の呼び込み狙う", "公開日：2025/06/10",
    "港の朝市が6月から毎週開かれることになりました。経緯と狙いをまとめました。",
    "朝市の拡大", "何が変わる？", "月1回から毎週に",
    "市の発表を伝える記事です。",
    "北国新報: 港の朝市、6月から毎週開催へ （2025.06.03） https://kita.example.jp/n/55",
    "\t・市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
    "\t・出店者は地元の漁協や農家など約40店で、観光客の増加を見込む。",
    "毎週になるのはうれしいですね。",
    "朝市は、漁港の岸壁で朝6時から開かれています。",
]


def test_a_card_printed_on_one_line_keeps_the_summary_under_it(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_ONE_LINE_PAGE)))
    cards = article.sections[0].sources
    assert [(card.title, card.publisher, card.published, card.url) for card in cards] == [
        ("港の朝市、6月から毎週開催へ", "北国新報", dt.date(2025, 6, 3), "https://kita.example.jp/n/55")]
    assert cards[0].summary == ("市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
                                "出店者は地元の漁協や農家など約40店で、観光客の増加を見込む。")
