"""A card's link line that prints its publisher after the URL (glued to it or after a space), and a
citation that prints the publisher's name with the article's title in quotes after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("line", "url", "publisher"), [
    ("https://kita.example.jp/n/88/北国新報WEB", "https://kita.example.jp/n/88/", "北国新報WEB"),
    ("https://umi.example.jp/a/12.htmlSBSテレビ", "https://umi.example.jp/a/12.html", "SBSテレビ"),
    ("https://yama.example.jp/x/9 山里タイムス", "https://yama.example.jp/x/9", "山里タイムス"),
])
def test_a_name_after_the_url_is_the_publisher(line: str, url: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.url, link.publisher, link.glued_text) == (url, publisher, "")


@pytest.mark.parametrize("line", [
    "https://kita.example.jp/n/88 値上げの影響は大きい",  # ends in kana: a phrase
    "https://kita.example.jp/n/88 市は値上げを決めた。",  # a sentence
])
def test_words_after_the_url_that_name_no_one_are_a_remark(line: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert link.publisher is None and link.glued_text


@pytest.mark.parametrize(("line", "publisher", "title", "published"), [
    ("引用元：北国新報『港の朝市、毎週開催へ』https://kita.example.jp/n/88（2025年6月3日）",
     "北国新報", "港の朝市、毎週開催へ", dt.date(2025, 6, 3)),
    ("山里タイムス「峠道の通行止め解除」 https://yama.example.jp/x/9 2025/06/04",
     "山里タイムス", "峠道の通行止め解除", dt.date(2025, 6, 4)),
    ("関連：港町市『朝市の出店者募集』https://city.example.jp/ichi.html（2025-05-30更新）",
     "港町市", "朝市の出店者募集", dt.date(2025, 5, 30)),
    ("情報源：港町市「朝市、6月から毎週に」https://city.example.jp/ichi2.html（2025-05-31）",
     "港町市", "朝市、6月から毎週に", dt.date(2025, 5, 31)),
])
def test_a_name_and_a_quoted_title_before_the_url_are_the_publisher_and_title(
        line: str, publisher: str, title: str, published: dt.date) -> None:
    link = read_card_link(line)
    assert link is not None
    assert (link.publisher, link.title, link.published) == (publisher, title, published)


_PAGE = [
    "港の朝市、毎週開催へ　観光客の呼び込み狙う", "公開日：2025/06/10",
    "港の朝市が6月から毎週開かれることになりました。経緯と狙いをまとめました。",
    "朝市の拡大", "何が変わる？", "月1回から毎週に",
    "市の発表を伝える記事です。",
    "港の朝市、6月から毎週開催", "配信 2025年6月3日",
    "— 市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
    "— 出店者は地元の漁協や農家など約40店で、観光客の増加を見込む。",
    "https://minato.example.jp/news/552港町日報",
    "朝市は、漁港の岸壁で朝6時から開かれています。",
    "峠道の再開", "通行止めはいつ解ける？", "6月末に解除",
    "山里タイムス「峠道の通行止め、6月末に解除」 https://yama.example.jp/x/9 2025/06/04",
    "観光バスも戻ってきそうです。",
]


def test_cards_with_dash_bullets_and_publishers_after_urls_read_whole(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_PAGE)))
    first, second = (section.sources for section in article.sections)
    assert [(card.title, card.publisher, card.published) for card in first] == [
        ("港の朝市、6月から毎週開催", "港町日報", dt.date(2025, 6, 3))]
    assert first[0].summary == ("市は、月1回だった港の朝市を6月から毎週日曜に開くと発表した。",
                                "出店者は地元の漁協や農家など約40店で、観光客の増加を見込む。")
    assert [(card.title, card.publisher, card.url) for card in second] == [
        ("峠道の通行止め、6月末に解除", "山里タイムス", "https://yama.example.jp/x/9")]
