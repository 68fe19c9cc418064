"""Chrome told by its shape on a text dump: an e-mail's header above the article, an ad framed by rule lines,
the site's footer under the last rule line, a label over a row of words, and a pager's link with the next
article's title on one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.importer.cleaning.blocks.ruled_blocks import claim_framed_ad, claim_mail_header, claim_ruled_footer
from kiku.importer.cleaning.rows.block_rows import is_headed_teaser, is_labelled_word_row
from tests.support.importing import digest_of, import_text

NEWSLETTER = """From: 港町だより編集室 <info@minato-dayori.example>
To: 購読者のみなさま
Subject: 港町だより 第58号
Date: 2025年9月5日(金) 6:30

=========================
漁港の朝市、10年ぶりに復活へ　地元の若手が運営を引き継ぐ
=========================

今週は、地元で話題の朝市についてお届けします。

＜１＞朝市が戻ってくる
Ｑ：朝市はいつから再開するのですか？
Ａ：10月の第1日曜日から
運営を担うのは、地元の若い漁師たちです。
［参考］漁港の朝市が復活　若手漁師が運営
（港町新報／2025年9月1日）
https://www.minato-shimpo.example/n/301
　・閉鎖されていた朝市が、10月から毎週日曜に開かれる。
　・運営は地元の若手漁師のグループが担う。
若い世代が動いてくれるのは心強いですね。

=== 広告 ===
秋の味覚フェア開催中（送料無料）
https://shop.example.jp/autumn
=========

＜２＞人は集まるのか
Ｑ：お客さんは集まりそうですか？
Ａ：観光客の呼び込みが課題
平日の人出をどう増やすかが課題になりそうです。

=========================
港町だより
登録の解除：https://minato-dayori.example/stop
Copyright 2025 Minato Dayori
=========================
"""


def test_a_newsletter_s_header_ad_block_and_footer_are_the_site_s(tmp_path: Path) -> None:
    result = import_text(tmp_path, "mail.txt", NEWSLETTER)
    article = digest_of(result)
    assert article.title == "漁港の朝市、10年ぶりに復活へ　地元の若手が運営を引き継ぐ"
    assert article.date == dt.date(2025, 9, 5)
    assert [section.heading for section in article.sections] == ["朝市が戻ってくる", "人は集まるのか"]
    card = article.sections[0].sources[0]
    assert (card.title, card.publisher) == ("漁港の朝市が復活　若手漁師が運営", "港町新報")
    dropped = {item.line.text: item.rule for item in result.report.dropped}
    assert dropped["From: 港町だより編集室 <info@minato-dayori.example>"] == "mail-header"
    assert dropped["=== 広告 ==="] == "framed-ad"
    assert dropped["https://shop.example.jp/autumn"] == "framed-ad (its lines)"
    assert dropped["登録の解除：https://minato-dayori.example/stop"] == "ruled-footer"
    assert "Date: 2025年9月5日(金) 6:30" not in dropped or dropped["Date: 2025年9月5日(金) 6:30"] != "mail-header"


def test_label_lines_without_an_address_are_no_mail_header() -> None:
    texts = ["日時: 9月5日", "場所: 市民会館", "定員: 50人", "本文です。"]
    assert [claim_mail_header(texts, index) for index in range(len(texts))] == [0, 0, 0, 0]


def test_a_framed_label_of_other_words_opens_no_ad_block() -> None:
    texts = ["━━━ 今週の話題 ━━━", "市は新しい計画を発表した。", "━━━━━━"]
    assert claim_framed_ad(texts, 0) == 0


def test_a_rule_over_the_article_s_closing_words_is_no_footer() -> None:
    # No copyright line, no site's link: the article's own words under a rule.
    closing = ["──────", "まとめ", "朝市の復活は地域にとって大きな一歩です。", "今後の運営に注目したいですね。"]
    assert claim_ruled_footer(closing, 0) == 0
    # The article's sentences beside a copyright line are still more than a footer says.
    wordy = ["──────", "朝市は毎週開かれます。", "詳しくは市の発表をご覧ください。", "https://city.example.jp",
             "© 2025 city"]
    assert claim_ruled_footer(wordy, 0) == 0


@pytest.mark.parametrize(("text", "is_row"), [
    ("関連ワード：ホタテ　北海道　輸出規制", True),
    ("タグ: 経済 物価 円安 家計", True),
    ("ポイント：値上げは 来月から 始まる、と市は説明した", False),  # a sentence's punctuation
    ("出典：NHK 2025年 3月", False),  # a date's numbers
    ("答え：観光客の呼び込み", False),  # one phrase
])
def test_a_label_over_a_row_of_words(text: str, is_row: bool) -> None:
    assert is_labelled_word_row(text) is is_row


@pytest.mark.parametrize(("text", "is_teaser"), [
    ("次の記事 ≫ 秋サケの水揚げ、3年ぶりに増加", True),
    ("前の記事 » 港の再開発、計画見直しへ", True),
    ("次の記事 ≫ 詳しくは明日お伝えします。", False),  # a sentence, not a title
])
def test_a_pager_link_and_the_next_title_on_one_line(text: str, is_teaser: bool) -> None:
    assert is_headed_teaser(text) is is_teaser


def test_the_header_under_a_line_of_the_site_s_and_a_footer_with_more_chrome_after_it() -> None:
    texts = ["このメールは自動で送られています", "From: 編集室 <info@example.jp>", "To: 読者各位",
             "Date: 2025年9月5日", "本文の見出し"]
    assert [claim_mail_header(texts, index) for index in range(len(texts))] == [0, 1, 1, 0, 0]
    page = ["本文です。", "=====", "港町だより", "解除：https://example.jp/stop", "© 2025 港町だより", "=====",
            "#ニュース #まとめ"]
    assert claim_ruled_footer(page, 1) == 5


def test_two_header_fields_opening_the_page_with_the_sender_s_address_are_the_mail_s() -> None:
    texts = ["Subject: 港町だより 第59号　秋祭りの準備進む", "From: 港町だより <hello@minato.example>",
             "秋祭りの準備進む　山車の修理が終わる", "今週は祭りの準備の様子です。"]
    assert [claim_mail_header(texts, index) for index in range(len(texts))] == [1, 1, 0, 0]
    # Not opening the page, two fields are a card's or a notice's lines; nor without an address.
    later = ["秋祭りの準備進む", "問い合わせ: 実行委員会", "連絡先: info@minato.example", "本文です。"]
    assert [claim_mail_header(later, index) for index in range(len(later))] == [0, 0, 0, 0]
    unaddressed = ["開催日: 10月5日", "会場: 港の広場", "本文です。"]
    assert [claim_mail_header(unaddressed, index) for index in range(len(unaddressed))] == [0, 0, 0]


_FOOT = ["＝＝＝＝＝＝＝＝＝＝", "編集：港町だより編集室", "購読解除：https://minato.example.org/stop",
         "(c) 2024 Minato Dayori"]


def test_the_site_s_notices_ruled_off_right_above_its_foot_are_the_foot_s() -> None:
    notices = ["＝＝＝＝＝＝＝＝＝＝", "★来月の特集：漁港の朝ごはん", "★読者アンケート：ご意見をお寄せください",
               "▶ https://minato.example.org/enquete"]
    assert claim_ruled_footer([*notices, *_FOOT], 0) == len(notices) + len(_FOOT)


def test_the_article_s_closing_words_ruled_off_above_the_foot_stay() -> None:
    closing = ["＝＝＝＝＝＝＝＝＝＝", "まとめ：朝市は町の顔です。", "https://minato.example.org/asaichi",
               "来年もまた訪れたいと思います。"]
    assert claim_ruled_footer([*closing, *_FOOT], 0) == 0
