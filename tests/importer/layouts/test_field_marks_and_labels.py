"""Marks and labels around a field that say nothing of it: a heading's permalink glyph, a label of any
words before a card's publisher, and an updated date printed beside the published one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.card_meta import card_date
from kiku.importer.grammar.cards.name_labels import labelled_name
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.grammar.lines.features import line_features
from kiku.importer.layouts.digest.cards import publisher_name
from kiku.importer.layouts.labels import HEADING_ANCHOR, fold, headings_numbered
from tests.support.importing import digest_of, import_text

_PAGE = [
    "峠の茶屋、50年ぶりに営業再開　登山客の休憩所に", "投稿日：2025/06/10（最終更新：2025/06/24）",
    "峠の茶屋が半世紀ぶりに店を開けました。経緯をまとめました。",
    "再開までの道のり ※", "誰が店を開けたの？", "地元の若者3人",
    "町の発表を伝える記事です。",
    "峠の茶屋、若者3人で再開へ",
    "2025.06.02（2025.06.09 更新）",
    "・ 町によると、空き家だった茶屋を地元出身の3人が改修した。",
    "続きを読む → https://touge.example.jp/n/12 （報道元メディア：山並タイムズ）",
    "懐かしい味が戻ってくるのはうれしいですね。",
    "これからの課題 ＃", "続けられる？", "週末の営業から",
    "▶ 茶屋の営業は当面、土日祝日に限る。",
    "元記事 → 掲載媒体：峠ニュース https://touge-news.example.jp/a/3",
    "無理のない形で続けてほしいものです。",
]


def test_permalink_glyphs_labels_and_updated_dates_are_no_part_of_the_fields(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_PAGE)))
    assert article.date == dt.date(2025, 6, 10)
    assert [section.heading for section in article.sections] == ["再開までの道のり", "これからの課題"]
    cards = [card for section in article.sections for card in section.sources]
    assert [(card.publisher, card.published) for card in cards] == [
        ("山並タイムズ", dt.date(2025, 6, 2)), ("峠ニュース", None)]


def test_a_heading_keeps_its_own_closing_marks() -> None:
    for heading in ("再開までの道のりは？", "再開まで、あと一歩！", "茶屋の味（前編）", "茶屋「峠」", "再開まで★"):
        assert HEADING_ANCHOR.search(heading) is None


def test_an_updated_date_beside_the_published_one_dates_nothing() -> None:
    assert line_date("更新日 2025年6月24日　公開日 2025年6月10日") == dt.date(2025, 6, 10)
    assert line_date("2025/06/24 更新") == dt.date(2025, 6, 24)  # the only date the line gives
    found = card_date("山並タイムズ・2025年6月2日 (Updated: 2025年6月9日)")
    assert found is not None and (found.publisher, found.date) == ("山並タイムズ", dt.date(2025, 6, 2))


def test_a_short_label_before_the_name_is_no_name_and_a_tagline_after_it_is() -> None:
    assert publisher_name("取材元メディア：山並タイムズ") == "山並タイムズ"
    assert publisher_name("山並タイムズ：山あいの暮らしを毎日伝えるニュースサイト") == "山並タイムズ"
    link = read_card_link("続きを読む → 情報の出どころ：峠ニュース https://touge-news.example.jp/a/3")
    assert link is not None and link.publisher == "峠ニュース"


_NAME_FIRST_PAGE = [
    "川の渡し、夏だけ復活　観光客に人気", "投稿日：2025/07/01",
    "渡し船が夏の間だけ戻ってきました。まとめました。",
    "夏の渡し", "いつ乗れる？", "8月末まで",
    "取材元メディア：川辺日報",
    "渡し船、夏季限定で運航",
    "https://kawabe-nippo.example.jp/a/701",
    "2025年6月28日",
    "→ 市は、川の両岸を結ぶ渡し船を8月末まで運航すると発表した。",
    "乗ってみたいですね。",
    "運賃", "いくら？", "片道200円",
    "報道元：みなと放送｜渡し船の運賃、片道200円に",
    "2025年6月30日",
    "・ 運賃は大人200円、子ども100円。",
    "続きを読む → https://minato-tv.example.jp/n/630",
    "手頃な値段です。",
]


def test_a_name_behind_a_label_of_any_words_is_the_cards_publisher_where_a_name_would_stand(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join(_NAME_FIRST_PAGE)))
    cards = [card for section in article.sections for card in section.sources]
    assert [(card.publisher, card.title, card.published) for card in cards] == [
        ("川辺日報", "渡し船、夏季限定で運航", dt.date(2025, 6, 28)),
        ("みなと放送", "渡し船の運賃、片道200円に", dt.date(2025, 6, 30))]


def test_a_label_is_a_short_word_and_the_name_after_it_no_phrase() -> None:
    assert labelled_name("取材元メディア：川辺日報") == "川辺日報"
    assert labelled_name("A：都内に住む人") is None  # the answer's words say something
    assert labelled_name("運賃：片道200円、往復350円") is None


def test_a_sponsor_label_in_brackets_after_the_advertiser_is_no_part_of_its_name() -> None:
    assert publisher_name("ゆけむり宿ナビ（スポンサー）") == "ゆけむり宿ナビ"
    assert publisher_name("ゆけむり宿ナビ [PR]") == "ゆけむり宿ナビ"
    assert publisher_name("ヨミドクター（読売新聞）") == "ヨミドクター（読売新聞）"  # a name's own brackets stay


_HTML_PAGE = """<html><head><title>峠の茶屋</title></head><body><article>
<h1>峠の茶屋、50年ぶりに営業再開　登山客の休憩所に</h1><p>投稿日：2025/06/10</p>
<p>峠の茶屋が半世紀ぶりに店を開けました。経緯をまとめました。</p>
<h2>1．50年ぶりの再開まで</h2><p>誰が店を開けたの？</p><p>地元の若者3人</p>
<h3>峠の茶屋、若者3人で再開へ</h3><p>2025年6月2日</p>
<ul><li>町によると、空き家だった茶屋を地元出身の3人が改修した。</li></ul>
<p>続きを読む → <a href="https://touge.example.jp/n/12">山並タイムズ</a></p>
<p>懐かしい味が戻ってくるのはうれしいですね。</p>
<h2>2．これからの課題</h2><p>続けられる？</p><p>週末の営業から</p>
<h3>茶屋、当面は土日祝日に営業</h3><p>2025年6月5日</p>
<ul><li>茶屋の営業は当面、土日祝日に限る。</li></ul>
<p>続きを読む → <a href="https://touge-news.example.jp/a/3">峠ニュース</a></p>
<p>無理のない形で続けてほしいものです。</p>
</article></body></html>
"""


def test_headings_numbered_in_order_lose_the_numbers_and_a_number_of_the_words_stays(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.html", _HTML_PAGE))
    # '1．50年…' is no bullet's number (a digit follows the dot): the headings' run 1, 2 says it is one.
    assert [section.heading for section in article.sections] == ["50年ぶりの再開まで", "これからの課題"]
    assert headings_numbered(["⑴ 茶屋", "② 峠"]) is False  # not one list's numbers
    assert headings_numbered(["1. 茶屋の再開", "3. 峠の課題"]) is False
    assert headings_numbered(["1.5倍に増えた登山客"]) is False
    assert headings_numbered(["1）茶屋の再開"]) is True


def test_a_permalink_glyph_says_nothing_of_how_a_line_ends() -> None:
    texts = ["峠の茶屋", "茶屋はいつ開くのですか？ ※", "週末に開店しました ¶", "週末に開店しました"]
    keys = [fold(text) for text in texts]
    asked, told, plain = (line_features(texts, keys, index, keys[0]) for index in (1, 2, 3))
    assert asked.question and told.predicate == plain.predicate is True


def test_numbered_headings_may_close_with_an_unnumbered_one() -> None:
    assert headings_numbered(["（1）茶屋の再開", "（2）峠の課題", "まとめ"]) is True
    assert headings_numbered(["茶屋の再開", "（1）峠の課題"]) is False  # one numbered heading among others
