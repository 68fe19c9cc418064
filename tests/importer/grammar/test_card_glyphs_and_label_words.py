"""A card's lines marked by glyphs and label words of the page's own choosing, read by where they stand:
a link line that is a label word, the URL and the source's name after it ('記事URL：https://… （北海道新聞）');
a title led by the glyph the page gives its cards' heads and a source label ('🔖 出典：…' over the card's date);
a publisher's name after an icon of its own ('📰 水産経済新聞' over the title); a meta line wholly in brackets
('（日報／2025年7月1日）'); a bracketed reference label before a title ('［参考］')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.card_meta import card_date
from kiku.importer.grammar.cards.card_names import with_numbered_card_heads
from kiku.importer.grammar.cards.card_titles import colon_label_before_title, labelled_publisher_before_title
from kiku.importer.grammar.lines.features import line_features
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.grammar.page.line_fit import fit
from kiku.importer.layouts.labels import fold
from tests.support.importing import digest_of, import_text

PAGE = """北海道のホタテ輸出が急減　海外の規制と国内の新たな販路

2025年8月4日(月) 9:30

北海道産のホタテは輸出の柱でしたが、海外の規制で行き場を失いつつあります。漁業者の対応をまとめました。

■ 輸出が減った理由

Q. なぜ輸出が減ったのか？

→ 主要な輸出先が輸入を止めたため

背景には、各国の判断があります。

🔖 出典：ホタテ輸出、前年比で半減　加工業者に打撃

公開：2025年7月30日

— 主要な輸出先が輸入停止を続け、輸出額は前年の半分ほどになった。

— 殻むきを担っていた海外の工場にも影響が出ている。

記事URL：https://www.hokkaido-np.example/article/1234 （北海道新聞）

加工業者の苦しい声が伝わってきます。

🔖 出典：冷凍ホタテの在庫が積み上がる　倉庫に空きなし

公開：2025年7月21日

— 行き場を失った冷凍ホタテが道内の冷凍倉庫にたまっている。

— 保管料の負担が加工業者に重くのしかかる。

記事URL：https://www.tokachi.example/news/88 （十勝毎日新聞）

在庫の山は想像以上です。

■ 新しい販路

Q. 漁業者はどう対応しているのか？

→ 国内消費と別の輸出先の開拓

国内での消費を増やす取り組みも始まっています。

📰 水産経済新聞

ホタテの国内消費拡大へ　学校給食で提供

公開：2025年7月25日

— 道内の学校給食でホタテを使った献立が増えた。

— 道は加工設備の導入にも補助を出している。

https://www.suikei.example/news/5678

給食で味を知ってもらうのはよい試みだと思います。

関連ワード：ホタテ　北海道　輸出規制

次の記事 ≫ 秋サケの水揚げ、3年ぶりに増加
"""


def test_cards_marked_by_the_page_s_own_glyphs_and_labels(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", PAGE)
    article = digest_of(result)
    cards = [(card.title, card.publisher, card.url, card.published)
             for section in article.sections for card in section.sources]
    assert cards == [
        ("ホタテ輸出、前年比で半減　加工業者に打撃", "北海道新聞", "https://www.hokkaido-np.example/article/1234",
         dt.date(2025, 7, 30)),
        ("冷凍ホタテの在庫が積み上がる　倉庫に空きなし", "十勝毎日新聞", "https://www.tokachi.example/news/88",
         dt.date(2025, 7, 21)),
        ("ホタテの国内消費拡大へ　学校給食で提供", "水産経済新聞", "https://www.suikei.example/news/5678",
         dt.date(2025, 7, 25))]
    assert [section.heading for section in article.sections] == ["輸出が減った理由", "新しい販路"]
    assert not article.conclusion and not article.outro
    dropped = {item.line.text: item.rule for item in result.report.dropped}
    assert dropped["関連ワード：ホタテ　北海道　輸出規制"] == "word-row"
    assert dropped["次の記事 ≫ 秋サケの水揚げ、3年ぶりに増加"] == "headed-teaser"
    assert not [warning for warning in result.report.warnings if "neither in the article" in warning]


@pytest.mark.parametrize(("printed", "url", "publisher"), [
    ("記事URL：https://www.hokkaido-np.example/a/1 （北海道新聞）", "https://www.hokkaido-np.example/a/1", "北海道新聞"),
    ("URL: https://news.example.jp/x 中国新聞", "https://news.example.jp/x", "中国新聞"),
    ("記事：https://news.example.jp/y （NHK、2025年1月15日）", "https://news.example.jp/y", "NHK"),
])
def test_a_label_word_before_the_url_and_the_source_named_after_it(printed: str, url: str, publisher: str) -> None:
    link = read_card_link(printed)
    assert link is not None and (link.url, link.publisher) == (url, publisher)


@pytest.mark.parametrize("printed", [
    "配信停止はこちら：https://mail.example.jp/stop",  # a site's link: no source named after it
    "公式サイト：https://shop.example.jp/ をご覧ください。",  # a sentence after the URL
])
def test_a_label_and_a_url_alone_or_in_a_sentence_is_no_card_link(printed: str) -> None:
    assert read_card_link(printed) is None


def test_a_colon_source_label_before_a_title_and_a_phrase_is_no_publisher() -> None:
    assert colon_label_before_title("引用元：路線バス、来春から減便へ") == ("引用元：", "路線バス、来春から減便へ")
    assert colon_label_before_title("出典：短い") is None
    # A name ends in a noun: a headline's phrase ending in kana before a space names no publisher.
    assert labelled_publisher_before_title("出典：空き家を減らすために　市が新制度") is None
    assert labelled_publisher_before_title("出典：総務省　空き家対策の新制度") == ("出典：", "総務省", "空き家対策の新制度")


def test_a_meta_line_wholly_in_brackets() -> None:
    found = card_date("（岩手日報／2025年7月1日）")
    assert found is not None and (found.publisher, found.date) == ("岩手日報", dt.date(2025, 7, 1))


REFERENCE_PAGE = """駅前の再開発、計画を見直し
2025年5月2日
市は駅前の再開発計画を見直すと発表しました。
【1】見直しの理由
なぜ見直すのか？
建設費が大きく上がったため
市の説明会では、住民から多くの質問が出ました。
［参考］駅前再開発、建設費高騰で計画見直し
（市民タイムス／2025年4月28日）
https://www.shimin.example/n/77
・資材と人件費の上昇で、当初の見積もりを大きく上回った。
・市は規模を縮小して着工を目指す。
計画の縮小は残念ですが、やむを得ない判断かもしれません。
"""


def test_a_reference_label_before_a_title_and_a_bracketed_meta_line(tmp_path: Path) -> None:
    result = import_text(tmp_path, "page.txt", REFERENCE_PAGE)
    card = digest_of(result).sections[0].sources[0]
    assert (card.title, card.publisher, card.published) == (
        "駅前再開発、建設費高騰で計画見直し", "市民タイムス", dt.date(2025, 4, 28))
    # The label says the line cites a source: a card's title, not a remark the grammar is unsure of.
    assert not [warning for warning in result.report.warnings if "nearly as likely" in warning]


def test_a_bracketed_source_label_before_a_headline_is_evidence_of_a_card_title() -> None:
    texts = ["［参考］駅前再開発、建設費高騰で計画見直し", "【出典】路線バス、来春から減便へ", "【速報】路線バス、来春から減便へ"]
    keys = [fold(text) for text in texts]
    read = [line_features(texts, keys, index, "") for index in range(len(texts))]
    assert [feature.names_publisher for feature in read] == [True, True, False]
    scores = fit(read[0])
    assert scores[Part.CARD_TITLE] > scores[Part.HEADING]



def _heads(texts: list[str]) -> list[bool]:
    keys = [fold(text) for text in texts]
    features = [line_features(texts, keys, index, "") for index in range(len(texts))]
    return [feature.numbered_card_head for feature in with_numbered_card_heads(features)]


def test_a_glyph_marks_cards_heads_where_the_card_has_no_other_title() -> None:
    card = ["🔖 公園の遊具、半数が更新時期に", "公開：2025年6月2日", "— 市内の公園の遊具の半数が、設置から30年を超えた。",
            "https://news.example.jp/p/3"]
    assert _heads(card) == [True, False, False, False]
    # A heading's glyph over a card's date and the card's own title under it marks the heading, not a card.
    headed = ["■ 公園の遊具", "2025年6月2日", "公園の遊具、半数が更新時期に", "・市内の公園の遊具の半数が古くなった。",
              "https://news.example.jp/p/3"]
    assert _heads(headed) == [False] * 5


@pytest.mark.parametrize("text", ["［出典］北海道新聞｜2024/11/02", "《引用元》北海道新聞 2024年11月2日",
                                  "2024/11/02 ｜ （情報元）北海道新聞"])
def test_a_bracketed_source_label_before_the_publisher_beside_a_date_is_no_part_of_its_name(text: str) -> None:
    found = card_date(text)
    assert found is not None and found.publisher == "北海道新聞"


@pytest.mark.parametrize("text", ["― 2024年11月2日 北海道新聞", "–– 2024/11/02　北海道新聞"])
def test_a_dash_run_leading_into_a_date_line_leaves_the_publisher_beside_the_date(text: str) -> None:
    found = card_date(text)
    assert found is not None and found.publisher == "北海道新聞" and found.date == dt.date(2024, 11, 2)


@pytest.mark.parametrize(("line", "publisher"), [
    ("→ 〔リンク〕 〔媒体〕峠テレビ 〔掲載日〕2025/10/12 https://touge-tv.example.jp/n/7", "峠テレビ"),
    ("→ 《出所》やまびこ日報 《日時》2025.2.14 https://yamabiko.example.jp/k/12", "やまびこ日報"),
    # a name in brackets alone is no label
    ("→ 【峠テレビ】 2025/10/12 https://touge-tv.example.jp/n/7", "峠テレビ"),
])
def test_a_link_line_printing_each_field_behind_its_bracketed_label_names_the_value(line: str, publisher: str) -> None:
    link = read_card_link(line)
    assert link is not None and link.publisher == publisher and link.published is not None
