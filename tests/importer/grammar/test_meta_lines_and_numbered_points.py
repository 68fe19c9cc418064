"""A date line that credits its writer, a source label bracketed beside the publisher, a polite question
over a card, and points numbered by circled numbers glued to their text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.lines.dates import line_date
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("line", "publisher"), [
    ("詳しくはこちら → 気象庁（出典）https://www.jma.example.jp/news/1", "気象庁"),
    ("続きを読む ⇒ 【引用元】 みなと日報 https://minato.example.jp/a/2", "みなと日報"),
    ("続きを読む ⇒ 山里タイムス［Source］ https://yamazato.example.jp/3", "山里タイムス"),
    # A name that holds the label's word without brackets is kept whole.
    ("続きを読む ⇒ 出典新報 https://shutten.example.jp/4", "出典新報"),
])
def test_a_source_label_in_brackets_beside_the_publisher_is_not_the_publisher(line: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None
    assert link.publisher == publisher


@pytest.mark.parametrize(("line", "day"), [
    ("更新日：3日前（2025年4月8日）　文：くらし編集部", 8),
    ("公開 2025/04/09　Author: Sato", 9),
    ("2025.04.10 掲載　｜　撮影：港町写真部", 10),
])
def test_a_date_line_may_credit_its_writer_in_a_field_of_its_own(line: str, day: int) -> None:
    date = line_date(line)
    assert date is not None and date.day == day


def test_a_sentence_beside_a_date_is_no_field() -> None:
    assert line_date("2025年4月8日 市長は会見で、来年度の予算について説明した。") is None


def test_the_title_stands_over_a_date_line_that_credits_its_writer(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join([
        "まちの本屋、10年で3割減　残る店の工夫は？",
        "更新日：3日前（2025年4月8日）　文：くらし編集部",
        "地域の本屋が減り続けています。残る店はどんな工夫をしているのでしょうか。",
        "減る本屋", "どれくらい減った？", "10年で3割",
        "本屋、10年で3割減", "公開日：2025/04/01", "● 業界団体の調べで、書店数は10年で約3割減った。",
        "続きを読む → 港町日報 出典：https://minato.example.jp/news/books",
        "寂しい話ですね。"])))
    assert article.title == "まちの本屋、10年で3割減　残る店の工夫は？"
    assert article.date is not None and article.date.day == 8


_SECTION = ["水道管の老朽化", "どこで破裂が増えている？", "築40年超の管で",
            "水道管の事故、全国で年2万件", "掲載日：2025年2月1日",
            "✔ 厚生労働省の集計で、水道管の漏水や破損は年2万件を超えた。",
            "▷ 記事の続きを読む　https://kita.example.jp/water/1　（北国新報）",
            "身近な問題ですね。"]


def test_a_question_asked_politely_over_a_dated_card_is_the_cards_title(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join([
        "水道管の破裂、なぜ増える？", "公開日：2025/02/10",
        "各地で水道管の破裂が相次いでいます。背景を整理しました。", *_SECTION,
        "水道管の多くは、高度成長期に敷かれたものです。", "耐用年数の40年を過ぎた管が、年々増えています。",
        "お風呂のカビ、まだ手で落としていますか？", "掲載日：2025年2月3日",
        "✔ 塗るだけでカビが消える新しい洗剤が、今だけ半額で買える。",
        "▷ 詳しくはこちら　https://shop.example.jp/lp/kabi　（スポンサー）",
        "古い管の更新には時間もお金もかかります。",
        "管の更新", "更新は進んでいる？", "年1％にとどまる",
        "水道管の更新率、年1％どまり", "掲載日：2025年2月5日",
        "✔ 全国の水道管の更新率は年1％未満にとどまる。",
        "▷ 記事の続きを読む　https://kita.example.jp/water/2　（北国新報）",
        "時間がかかりそうです。"])))
    assert [section.heading for section in article.sections] == ["水道管の老朽化", "管の更新"]
    cards = article.sections[0].sources
    assert [card.title for card in cards] == ["水道管の事故、全国で年2万件", "お風呂のカビ、まだ手で落としていますか？"]


def test_circled_numbers_glued_to_their_text_number_the_key_points(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join([
        "水道管の破裂、なぜ増える？", "公開日：2025/02/10",
        "各地で水道管の破裂が相次いでいます。背景を整理しました。",
        "この記事の3行まとめ", "①破裂は築40年超の管に集中", "②更新は年1％どまり", "③費用は料金に跳ね返る",
        *_SECTION])))
    assert article.key_points == ("破裂は築40年超の管に集中", "更新は年1％どまり", "費用は料金に跳ね返る")
    assert [section.heading for section in article.sections] == ["水道管の老朽化"]


def test_a_url_ends_at_an_ideographic_space_whatever_its_last_segment() -> None:
    link = read_card_link("▷ 続きを読む　https://kita.example.jp/water/7　（北国新報）")
    assert link is not None
    assert (link.url, link.publisher, link.guessed_digits) == ("https://kita.example.jp/water/7", "北国新報", None)
