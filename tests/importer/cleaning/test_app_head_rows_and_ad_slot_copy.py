"""A site's head set over the title in many lines (an app's buttons, a slashed menu, the desk's byline), the site's or
writer's name printed again at the foot, a long publisher's name spaced from a card's date, an ad's copy under its
slot's label."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.grammar.cards.card_meta import CardDate, card_date
from kiku.importer.grammar.page.title import title_index
from kiku.importer.page import Line
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _dropped(*texts: str) -> list[tuple[int, str]]:
    report = ImportReport("page.txt")
    strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [(item.line.number, item.rule) for item in report.dropped]


def test_a_button_alone_and_a_slashed_menu_opening_at_home_are_the_sites() -> None:
    assert _dropped("ホーム/政治/経済/スポーツ", "アプリで読む", "＋フォロー",
                    "電気代はなぜ上がる？値上げの理由と節約のコツ") == [
        (1, "link-row"), (2, "lone-button"), (3, "lone-button")]


def test_words_joined_by_slashes_without_a_home_link_are_kept() -> None:
    assert _dropped("原材料/人件費/物流費", "値上げの理由は3つある。") == []


def test_an_ad_slots_copy_under_its_label_is_dropped_with_it() -> None:
    assert _dropped("湖は標高800メートルにある。", "PR", "人気の湖畔ホテルを比較｜今なら早割でお得",
                    "湖の周りには遊歩道が整備されている。") == [(2, "ad-label"), (3, "ad-copy")]


def test_a_heading_or_a_sentence_under_a_stray_ad_label_is_kept() -> None:
    assert _dropped("広告", "湖の成り立ち", "湖は火山の噴火でできた。") == [(1, "ad-label")]
    assert _dropped("広告", "人気の遊歩道は比較的なだらかで、初心者にも歩きやすい。") == [(1, "ad-label")]


def test_a_long_publishers_name_spaced_from_the_cards_date_is_its_publisher() -> None:
    assert card_date("エネルギー産業レポート　2025年10月3日") == CardDate(dt.date(2025, 10, 3), "エネルギー産業レポート")
    assert card_date("2025年10月3日 エネルギー産業レポート") == CardDate(dt.date(2025, 10, 3), "エネルギー産業レポート")
    # Words ending in a particle open a sentence: no name.
    assert card_date("新しい料金が適用されるのは　2025年10月3日") is None


_PAGE = """メニュー
でんきの手帖
ホーム｜電気代｜省エネ｜ランキング
ホーム ＞ 電気代 ＞ 料金
電気代はなぜ上がる？値上げの理由と、家庭でできる節約のコツ
公開日：2025年10月6日
でんきの手帖編集部
10月から電気代が再び上がります。値上げの理由と、家庭でできる節約のコツをまとめました。
値上げの理由
電気代はなぜ上がる？
補助金の終了と燃料費の上昇
電気料金、10月から再値上げ　補助金終了で
エネルギー産業レポート　2025年10月3日
・政府の電気代補助が9月使用分で終わり、10月から家庭の電気料金が上がる。
・燃料の輸入価格の上昇も料金を押し上げている。
続きを読む → https://energy-report.example.jp/2025/10/03/denki
補助金が終わると、家計への影響は小さくありません。
まとめ
こまめな節電で、値上げの影響を抑えましょう。
この記事を書いた人
でんきの手帖編集部
電気やガスの料金を中心に、暮らしのお金の話を届けます。
"""


def test_the_writers_name_printed_again_in_an_author_box_is_not_the_title(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", _PAGE)
    article = digest_of(result)
    assert article.title == "電気代はなぜ上がる？値上げの理由と、家庭でできる節約のコツ"
    assert (7, "head-desk") in [(item.line.number, item.rule) for item in result.report.dropped]
    card = article.sections[0].sources[0]
    assert (card.publisher, card.published) == ("エネルギー産業レポート", dt.date(2025, 10, 3))


def test_a_writers_own_name_printed_again_at_the_foot_is_not_the_title() -> None:
    texts = ["メニューを開く", "でんきの手帖", "電気代はなぜ上がる？値上げの理由と、家庭でできる節約のコツ",
             "公開日：2025年10月6日", "山田 花子", "10月から電気代が再び上がります。節約のコツをまとめました。",
             "値上げの理由", "補助金が終わると、家計への影響は小さくありません。", "山田 花子",
             "電気やガスの料金を中心に、暮らしのお金の話を届けます。"]
    assert title_index(texts) == 2
