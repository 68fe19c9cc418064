"""The site's lines a newsletter or an app prints around the article, told by shape and place: a bar of buttons
each with its own pictogram, tags one under another, a copyright line after the site's name, a pager with its
title after a full-width arrow, the next issue's notice and a mail's foot under a rule line."""

from __future__ import annotations

import pytest

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.cleaning.lines.site_lines import is_next_issue_notice
from kiku.importer.cleaning.rows.block_rows import is_icon_button_row
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

_BODY = ["山の駅で朝市が毎週開かれています。", "登山客にも人気があります。", "地元の野菜がよく売れています。"]


def _strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [(item.rule, item.line.text) for item in report.dropped]


@pytest.mark.parametrize("row", ["☆ お気に入り　✉ 送信", "★ Save ✎ Note ☎ Call"])
def test_buttons_each_with_a_pictogram_of_its_own_are_a_bar(row: str) -> None:
    assert is_icon_button_row(row)
    kept, dropped = _strip(*_BODY[:1], row, *_BODY[1:])
    assert kept == _BODY
    assert dropped == [("icon-buttons", row)]


@pytest.mark.parametrize("row", [
    "● 長野 ● 松本",  # one bullet repeated: a list's items
    "▲ 上昇 ▼ 下落",  # arrows mark a rise and a fall
    "☆ 長野県の山小屋",  # one pictogram: a marked line
    "☆ 朝市 ✉ 12件",  # a count: no button's word
])
def test_a_list_or_a_marked_line_is_no_bar(row: str) -> None:
    assert not is_icon_button_row(row)


def test_hashtags_one_under_another_are_the_post_s_tags() -> None:
    kept, dropped = _strip(*_BODY, "#朝市", "＃登山", "#地産地消")
    assert kept == _BODY
    assert [rule for rule, _ in dropped] == ["hashtag-run"] * 3
    # One alone may be the article's; a number is no tag.
    assert _strip(*_BODY, "#朝市")[0] == [*_BODY, "#朝市"]
    assert _strip(*_BODY, "#1", "#2")[0] == [*_BODY, "#1", "#2"]


def test_the_site_s_name_before_its_copyright_sign_and_year() -> None:
    kept, dropped = _strip(*_BODY, "やまのえき © 2024 Yamanoeki LLC")
    assert kept == _BODY
    assert dropped == [("copyright", "やまのえき © 2024 Yamanoeki LLC")]
    assert _strip(*_BODY, "価格は©マーク付きの商品で2024年から上がった。")[0][-1].startswith("価格は")


def test_a_pager_and_the_next_title_after_a_full_width_arrow() -> None:
    kept, dropped = _strip(*_BODY, "前の記事 ＞ 山小屋の冬じまい、どう進める？")
    assert kept == _BODY
    assert dropped == [("headed-teaser", "前の記事 ＞ 山小屋の冬じまい、どう進める？")]


@pytest.mark.parametrize("notice", ["次回の配信は8月1日（金）の予定です。", "次号は来週水曜日にお届けします。お楽しみに。"])
def test_the_next_issue_s_notice(notice: str) -> None:
    assert is_next_issue_notice(notice)


@pytest.mark.parametrize("text", ["次回の会合は9月に開かれる予定です。", "次号の特集", "次は山の駅です。"])
def test_the_article_s_next_steps_are_no_notice(text: str) -> None:
    assert not is_next_issue_notice(text)


def test_a_mail_s_foot_under_its_rule_and_the_notice_above_it() -> None:
    foot = ["次号は8月1日配信予定です。テーマは「夏山の服装」", "━━━━━━━━━━",
            "このニュースレターは、やまのえきに登録された方へお送りしています。", "登録解除はこちら",
            "https://yamanoeki.example.jp/leave", "やまのえき編集室｜長野県松本市"]
    kept, dropped = _strip(*_BODY, *foot)
    assert kept == _BODY
    assert [rule for rule, _ in dropped] == ["closing-note", *["ruled-footer"] * 5]
    # Without the mail's own note under the rule, its lines are left to the layout (a card's link may stand so).
    assert _strip(*_BODY, "━━━━━━━━━━", "登録解除はこちら", "https://yamanoeki.example.jp/leave")[0][-2:] \
        == ["登録解除はこちら", "https://yamanoeki.example.jp/leave"]
    # The notice among the article's lines, a sentence below it, is the article's.
    assert _strip(foot[0], *_BODY)[0] == [foot[0], *_BODY]


def test_a_mail_s_foot_leaves_the_blocks_under_it_to_their_rules() -> None:
    foot = ["━━━━━━━━━━", "このニュースレターは、やまのえきに登録された方へお送りしています。",
            "https://yamanoeki.example.jp/leave"]
    author = ["この記事を書いた人", "やまのえき編集室・北村"]
    kept, dropped = _strip(*_BODY, *foot, *author)
    assert kept == _BODY
    assert [rule for rule, _ in dropped] == ["ruled-footer"] * 3 + ["author-box"] * 2
    ad = ["＝＝＝＝＝＝＝＝", "【PR】山の道具、夏の大売り出し", "https://ad.example.jp/yama", "＝＝＝＝＝＝＝＝"]
    kept, dropped = _strip(*_BODY, *foot, *ad)
    assert kept == _BODY
    assert [rule for rule, _ in dropped][:3] == ["ruled-footer"] * 3
    assert dropped[3] == ("framed-ad", ad[0])


@pytest.mark.parametrize("row", ["💗 参考になった 57　😢 もやもや 3", "👏 8 🤔 2 😂 11"])
def test_reactions_each_a_pictogram_with_a_word_or_a_count_are_a_bar(row: str) -> None:
    kept, dropped = _strip(*_BODY[:1], row, *_BODY[1:])
    assert kept == _BODY
    assert dropped == [("icon-buttons", row)]


@pytest.mark.parametrize("row", ["🎧 このニュースを読み上げる（約3分）", "📻 ラジオで聴く (12:05)"])
def test_a_pictogram_a_few_words_and_a_playing_time_are_a_player_button(row: str) -> None:
    kept, dropped = _strip(*_BODY[:1], row, *_BODY[1:])
    assert kept == _BODY
    assert dropped == [("player-button", row)]


@pytest.mark.parametrize("row", ["■ 山頂までの所要時間（約90分）", "☆ 朝市は毎週日曜（約3時間）", "☆ 朝市 ✉ 12件"])
def test_a_listed_time_or_a_counted_note_is_no_button(row: str) -> None:
    kept, _ = _strip(*_BODY[:1], row, *_BODY[1:])
    assert row in kept


def test_the_next_issue_s_notice_closing_the_page_is_the_site_s_even_under_the_article_s_text() -> None:
    notice = "次回は「秋の紅葉と山小屋の予約」をお届けします。"
    kept, dropped = _strip(*_BODY, notice)
    assert kept == _BODY
    assert dropped == [("closing-note", notice)]
    # An article's own note closing the page may still be its text: only the notice speaks for the publication.
    assert _strip(*_BODY, "この記事は山の駅の取材に基づいています。")[0][-1] == "この記事は山の駅の取材に基づいています。"
