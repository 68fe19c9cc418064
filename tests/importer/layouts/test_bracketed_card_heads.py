"""A card's head printed in brackets: the publisher beside the date in the title's bracketed prefix ('[name｜date]
title'), or alone in its brackets under a bracketed label ('〔参照〕' · '〔name〕' · title); an ad's labelled title
over its URL and its bullets stays the card's title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.cleaning.lines.link_lines import claim_ad_line
from tests.support.importing import digest_of, import_text

_HEAD = ["川の渡し船、夏だけ復活", "2025年7月1日", "川の渡し船が夏の間だけ復活します。知っておきたい点をまとめました。",
         "復活の経緯", "なぜ渡し船が復活したのか？", "→ 観光客を呼び戻すため"]


def test_the_publisher_beside_the_date_in_the_title_s_bracket(tmp_path: Path) -> None:
    page = [*_HEAD,
            "［川辺日報／2025.06.28］ 渡し船、夏季限定で運航へ　観光協会が計画",
            "＞観光協会が7月から8月まで渡し船を運航する。", "＞運賃は片道200円。",
            "記事を読む→https://kawabe.example.jp/n/301",
            "〔みなと放送 2025年6月30日〕 渡し船の船頭、元漁師の3人に",
            "＞船頭は地元の元漁師3人が務める。", "＞週末は増便する。",
            "記事を読む→https://minato.example.jp/a/88"]
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(page)))
    cards = [card for section in article.sections for card in section.sources]
    assert [(card.publisher, card.published, card.title) for card in cards] == [
        ("川辺日報", dt.date(2025, 6, 28), "渡し船、夏季限定で運航へ　観光協会が計画"),
        ("みなと放送", dt.date(2025, 6, 30), "渡し船の船頭、元漁師の3人に")]


@pytest.mark.parametrize("shape", ["【{name}】", "【発行：{name}】", "【{name}｜スポンサー】"])
def test_a_name_in_brackets_under_a_bracketed_label_is_the_publisher(tmp_path: Path, shape: str) -> None:
    card = ["【参照】", shape, "{title}", "{date}付", "{url}", "　・{bullet}。", "　・運賃は片道200円。"]
    first = [line.format(name="川辺日報", title="渡し船、夏季限定で運航へ", date="2025年6月28日",
                         url="https://kawabe.example.jp/n/301", bullet="観光協会が7月から運航する") for line in card]
    second = [line.format(name="みなと放送", title="渡し船の船頭、元漁師の3人に", date="2025年6月30日",
                          url="https://minato.example.jp/a/88", bullet="船頭は元漁師3人が務める") for line in card]
    page = [*_HEAD, "報道を見てみましょう。", *first, "夏だけというのが惜しいですね。", *second]
    article = digest_of(import_text(tmp_path, "page.txt", "\n\n".join(page)))
    cards = [card for section in article.sections for card in section.sources]
    assert [(card.publisher, card.title) for card in cards] == [
        ("川辺日報", "渡し船、夏季限定で運航へ"), ("みなと放送", "渡し船の船頭、元漁師の3人に")]


def test_an_ad_s_title_over_its_url_and_bullets_titles_its_card() -> None:
    texts = ["【PR】川遊びの保険、いまなら初月無料", "https://ad.example.jp/lp?utm=kawa", "　・月額300円から加入できます。"]
    assert claim_ad_line(texts, 0) == 0
    assert claim_ad_line([texts[0], "夏休みの予定は？", "https://ad.example.jp/lp"], 0) == 1


def test_a_name_alone_in_the_bracket_the_page_dates_its_cards_in(tmp_path: Path) -> None:
    page = [*_HEAD,
            "［川辺日報／2025.06.28］ 渡し船、夏季限定で運航へ　観光協会が計画",
            "＞観光協会が7月から8月まで渡し船を運航する。", "＞運賃は片道200円。",
            "記事を読む→https://kawabe.example.jp/n/301",
            "［かわあそび保険］ 夏のレジャー保険、1日100円から",
            "＞川遊びのけがを補償します。", "＞スマホで30秒で申し込めます。",
            "記事を読む→https://ad.kawaasobi.example.jp/lp?utm=kawabe"]
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(page)))
    last = article.sections[-1].sources[-1]
    assert (last.publisher, last.title) == ("かわあそび保険", "夏のレジャー保険、1日100円から")
    # Where no card of the page names its publisher in that bracket, the bracket is the headline's own.
    page[6], page[7] = "渡し船、夏季限定で運航へ", "川辺日報　2025.06.28"
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(page)))
    assert article.sections[-1].sources[-1].title == "［かわあそび保険］ 夏のレジャー保険、1日100円から"
