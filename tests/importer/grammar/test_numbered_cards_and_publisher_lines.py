"""A bare URL with a remark glued to its end, a publisher line that prints the card's date in brackets,
a card's publisher printed alone (or behind a sponsor label) between its title and its summary, and
cards numbered in the page's list of cards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.card_link import dated_publisher_line, read_card_link
from kiku.importer.grammar.card_meta import sponsored_name
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
    assert sponsored_name("スポンサー: 山の湯") is None  # not a sponsor label the chrome rules know
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
