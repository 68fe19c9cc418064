"""A plain-text mail magazine's frame and a news app's chrome, told by their shape: a dashed rule drawn with
spaces, an ad's block between rules opening with its label, a footer whose notes are a sentence or two among
many short lines, a list of other articles dated by their ages under a heading of any words, a button acting
on the page, a reading time printed beside the article's date, a source's row holding a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.cleaning.blocks.ruled_blocks import claim_framed_ad, claim_ruled_footer, is_rule_line
from kiku.importer.cleaning.chrome import is_link_row
from kiku.importer.cleaning.lines.counts import is_reading_time
from kiku.importer.cleaning.rows.block_rows import claim_aged_list, is_aged_entry
from kiku.importer.cleaning.rows.share_lists import claim_share_list
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("text", "is_rule"), [
    ("= = = = = = = =", True),
    ("─　─　─　─　─", True),
    ("━━━━━━━━", True),
    ("= 1 = 2 =", False),
    ("- - -", False),  # three dashes: too short to rule anything off
])
def test_a_rule_may_be_drawn_with_spaces(text: str, is_rule: bool) -> None:
    assert is_rule_line(text) is is_rule


def test_a_block_between_rules_opening_with_an_ad_label_is_the_ad() -> None:
    page = ["本文です。", "= = = = = =", "＼広告／冬の温泉宿、早割で最大半額", "https://onsen.example.jp/lp?id=3",
            "= = = = = =", "次の話題です。"]
    assert claim_framed_ad(page, 1) == 4
    # A block between rules that opens with the article's own words is not the ad's.
    article = ["= = = = = =", "冬の温泉宿の予約が伸びています。", "https://news.example.jp/a/1", "= = = = = ="]
    assert claim_framed_ad(article, 0) == 0
    # No closing rule within an ad's few lines: nothing framed.
    open_ended = ["= = = = = =", "【PR】冬の温泉宿", *[f"本文の{n}行目です。" for n in range(8)]]
    assert claim_framed_ad(open_ended, 0) == 0


def test_a_footer_may_hold_a_note_or_two_among_its_many_lines() -> None:
    footer = ["━━━━━━━━", "◆ 次回のお知らせ", "来週は「冬の乾燥対策」を取り上げます。", "◆ 登録内容の変更",
              "https://letter.example.jp/settings", "◆ お問い合わせ", "desk@letter.example.jp",
              "※このアドレスは送信専用のため、返信はできません。", "編集・発行：くらし便り編集室",
              "(C) Kurashi Dayori", "━━━━━━━━"]
    assert claim_ruled_footer(footer, 0) == len(footer)
    # Closing words beside a copyright stay the article's: two sentences in four lines.
    wordy = ["━━━━━━━━", "乾燥は体調を崩す原因になります。", "加湿を心がけましょう。", "https://letter.example.jp",
             "(C) Kurashi Dayori"]
    assert claim_ruled_footer(wordy, 0) == 0


@pytest.mark.parametrize(("text", "aged"), [
    ("港の再開発、計画見直しへ（昨日）", True),
    ("冬の電気代、どこまで上がる?（5時間前）", True),
    ("港の再開発は昨日、見直しが決まった。（昨日）", False),  # a sentence
    ("会見は昨日だった", False),
])
def test_a_listed_article_may_be_dated_by_a_day_word(text: str, aged: bool) -> None:
    assert is_aged_entry(text) is aged


def test_a_heading_of_any_words_over_aged_articles_is_a_feed_list() -> None:
    texts = ["漁協の話題は以上です。", "ほかの読者が読んでいる記事", "秋サケの水揚げ、3年ぶり増加（2時間前）",
             "ホタテの輸出、回復の兆し（昨日）", "■ 次の見出し"]
    assert claim_aged_list(texts, 1) == 3
    # One aged line under a heading is no list; a sentence heads none.
    assert claim_aged_list(["関連", "秋サケの水揚げ、3年ぶり増加（2時間前）", "本文です。"], 0) == 0
    assert claim_aged_list(["漁協の話題は以上です。", *texts[2:4]], 0) == 0


def test_an_app_s_buttons_stacked_unbulleted_are_a_share_bar() -> None:
    assert claim_share_list(["記事を保存", "シェア", "本文です。"], 0) == 2
    assert claim_share_list(["この記事を印刷する", "コピー"], 0) == 2
    # Bare verbs alone may head a section: one button no heading could be is needed.
    assert claim_share_list(["シェア", "保存", "本文です。"], 0) == 0


def test_a_reading_time_beside_the_date_leaves_the_line_a_date_line() -> None:
    assert is_reading_time("約4分で読めます")
    assert not is_reading_time("2026年1月8日 9:30 ｜ 約4分で読めます")


def test_a_row_holding_a_date_is_a_source_s_row_not_navigation() -> None:
    assert is_link_row("トップ｜地域｜くらし｜天気")
    assert not is_link_row("🗞 引用元｜北海ニュース｜2026/1/7")


APP_DUMP = """☰
ニュースアプリ ウミネコ
トップ
地域
天気
フォロー
漁港の朝市、10年ぶりに復活へ　若手漁師が運営を引き継ぐ
2026年1月8日 09:30 ｜ 約4分で読めます
記事を保存
シェア
閉鎖されていた漁港の朝市が、10年ぶりに復活します。地元の若手漁師たちが運営を引き継ぎます。
〓朝市が戻る
Q：朝市はいつから再開する?
A：2月の第1日曜日から
運営は若手漁師のグループが担います。
🗞 引用元｜北海ニュース｜2026/1/7
漁港の朝市が復活　若手漁師が運営
・閉鎖されていた朝市が、2月から毎週日曜に開かれる。
🔗 https://hokkai-news.example/a/301若い世代が動いてくれるのは心強いですね。
ほかの読者が読んでいる記事
秋サケの水揚げ、3年ぶり増加（2時間前）
ホタテの輸出、回復の兆し（昨日）
〓客足の見通し
Q：お客さんは集まりそう?
A：観光客の呼び込みが課題
平日の人出をどう増やすかが課題になりそうです。
🗞 引用元｜港町タイムス｜2026/1/6
朝市の客足、観光客頼みに
・平日の客足をどう確保するかが課題になっている。
🔗 https://minato-times.example/n/88地元の買い物客も増えるとよいですね。
"""


def test_an_app_dump_s_title_under_its_menu_and_its_source_rows(tmp_path: Path) -> None:
    result = import_text(tmp_path, "app.txt", APP_DUMP)
    article = digest_of(result)
    assert article.title == "漁港の朝市、10年ぶりに復活へ　若手漁師が運営を引き継ぐ"
    assert article.date == dt.date(2026, 1, 8)
    assert [section.heading for section in article.sections] == ["朝市が戻る", "客足の見通し"]
    cards = [section.sources[0] for section in article.sections]
    assert [(card.publisher, card.published) for card in cards] == [
        ("北海ニュース", dt.date(2026, 1, 7)), ("港町タイムス", dt.date(2026, 1, 6))]
    dropped = {item.line.text: item.rule for item in result.report.dropped if item.debris}
    assert dropped["記事を保存"] == dropped["シェア"] == "share-list"
    assert dropped["ほかの読者が読んでいる記事"] == "aged-list"
    assert dropped["ホタテの輸出、回復の兆し（昨日）"] == "aged-list"
