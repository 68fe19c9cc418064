"""A card's link line that opens with its URL (an icon at most before it), one that cites the publisher,
URL and date with no label, and a card that prints that line in its head, over its summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("line", "url", "publisher"), [
    ("🔗 https://kita.example.jp/n/31 （出典：北国新報）", "https://kita.example.jp/n/31", "北国新報"),
    ("➜ https://minato.example.jp/a/7（みなと日報）", "https://minato.example.jp/a/7", "みなと日報"),
    ("https://yama.example.jp/x/9 (引用元: 山里タイムス)", "https://yama.example.jp/x/9", "山里タイムス"),
])
def test_a_line_that_opens_with_its_url_is_a_link_line(line: str, url: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.url, link.publisher) == (url, publisher)


def test_a_publisher_url_and_date_with_no_label_are_a_cards_citation() -> None:
    link = read_card_link("港町日報　https://minato.example.jp/news/552　2025.06.03")
    assert link is not None
    assert (link.url, link.publisher, link.published) == (
        "https://minato.example.jp/news/552", "港町日報", dt.date(2025, 6, 3))


@pytest.mark.parametrize("line", [
    "港町日報 https://minato.example.jp/news/552",  # no date: a name and a link may be anything
    "市の発表によれば、詳細は https://city.example.jp/x 2025.06.03",  # a sentence before the URL
])
def test_a_name_and_a_url_without_a_date_or_in_a_sentence_are_no_citation(line: str) -> None:
    assert read_card_link(line) is None


_PAGE = [
    "港の朝市、毎週開催へ　観光客の呼び込み狙う", "公開日：2025/06/10",
    "港の朝市が6月から毎週開かれることになりました。経緯と狙いをまとめました。",
    "朝市の拡大", "何が変わる？", "月1回から毎週に",
    "市の発表を伝える記事です。",
    "港の朝市、6月から毎週開催", "港町日報　https://minato.example.jp/news/552　2025.06.03",
    "◇ 市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
    "◇ 出店者は地元の漁協や農家など約40店で、観光客の増加を見込む。",
    "毎週になるのはうれしいですね。",
    "朝市は、漁港の岸壁で朝6時から開かれています。",
    "客足の戻り", "人出は戻った？", "コロナ前の8割",
    "配信：2025年6月5日",
    "◇ 朝市の来場者は、昨年度は延べ約6万人でコロナ前の8割まで回復した。",
    "🔗 https://kita.example.jp/n/31 （出典：北国新報）",
    "にぎわいが戻ってきました。",
]


def test_a_card_that_prints_its_citation_in_its_head_keeps_its_title_and_summary(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", "\n".join(_PAGE))
    article = digest_of(result)
    first, second = (section.sources for section in article.sections)
    assert [(card.title, card.url, card.publisher, card.published) for card in first] == [
        ("港の朝市、6月から毎週開催", "https://minato.example.jp/news/552", "港町日報", dt.date(2025, 6, 3))]
    assert first[0].summary == ("市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
                                "出店者は地元の漁協や農家など約40店で、観光客の増加を見込む。")
    assert article.sections[0].comments == ("市の発表を伝える記事です。",)
    assert [(card.url, card.publisher, card.published) for card in second] == [
        ("https://kita.example.jp/n/31", "北国新報", dt.date(2025, 6, 5))]
    assert not [warning for warning in result.report.warnings if "marked lines" in warning]


def test_bullets_after_a_link_line_with_a_link_of_their_own_are_the_next_card(tmp_path: Path) -> None:
    page = [*_PAGE[:9], "◇ 市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
            "元記事を読む → 北国新報 出典：https://kita.example.jp/n/30", "毎週になるのはうれしいですね。"]
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(page)))
    cards = article.sections[0].sources
    assert [(card.url, card.summary) for card in cards] == [
        ("https://minato.example.jp/news/552", ()),
        ("https://kita.example.jp/n/30", ("市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",))]
