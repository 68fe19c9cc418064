"""Chrome by its shape: menus of one-word lines, comment threads, forms, banners, share buttons, a call to follow the site."""

from __future__ import annotations

from pathlib import Path

from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.page import Line
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.importing import import_text as _import


def _dropped(text: str) -> list[str]:
    report = ImportReport("page.txt")
    lines = [Line(number, line) for number, line in enumerate(text.splitlines(), start=1) if line]
    kept = {line.number for line in strip_debris(lines, report)}
    return [line.text for line in lines if line.number not in kept]


def test_a_run_of_one_word_lines_with_a_button_word_is_a_menu() -> None:
    page = "やまのて暮らし ニュース\nホーム\n住まい\n税金\n旅\n本文の最初の文です。ここから記事。\n"
    assert _dropped(page) == ["ホーム", "住まい", "税金", "旅"]


def test_a_short_run_of_unknown_one_word_lines_is_kept() -> None:
    assert _dropped("東京\n大阪\n名古屋\n三都市の人口を比べた。\n") == []


def test_a_comment_thread_is_chrome_by_its_headers_and_form() -> None:
    page = ("まとめの最後の一文です。\nみんなのコメント\n山のくま　2024年5月1日 08:30\nいい記事でした\n"
            "名無し　5時間前\n続報を待ってます\nコメントを投稿する\n")
    assert _dropped(page) == page.splitlines()[1:]


def test_under_its_heading_a_comment_may_follow_its_writers_name_and_a_colon() -> None:
    page = ("まとめの最後の一文です。\n読者コメント（3）\n湖のさかな：毎年行くので助かります。\n"
            "匿名希望: 駐車場がもっと欲しい\nコメントを投稿する\n")
    assert _dropped(page) == page.splitlines()[1:]
    # Without the thread's heading, a name and a colon opens someone's words in the article.
    assert _dropped("本文です。\n市長：来年度から始めます。\n") == []


def test_an_age_headed_comment_needs_no_heading_but_a_dated_title_does() -> None:
    assert _dropped("本文です。\n名無しさん　2日前\nわかりやすい\n") == ["名無しさん　2日前", "わかりやすい"]
    assert _dropped("駅前の再開発　2024年5月1日 08:30\n本文です。\n") == []


def test_form_lines_banners_and_aged_entries_are_chrome() -> None:
    page = ("＼ 毎朝届く、まちのニュース ／\nニュースレターを購読する（無料）\nお名前を入力　［送信］\n"
            "新着　駅前の再開発、来春着工へ（2時間前）\n登録すると毎朝メールが届きます。\n")
    assert _dropped(page) == page.splitlines()[:4]


def test_share_buttons_with_their_verbs_and_an_author_line_are_chrome() -> None:
    page = "この記事を共有　𝕏でポスト　LINEで送る\nこの記事を書いた人：まち編集部（記者）\nこのページの先頭へ\n"
    assert _dropped(page) == page.splitlines()


def test_a_list_bulleted_alike_runs_on_whatever_follows_its_last_entry() -> None:
    page = "関連記事\n・川の水位、予測は？\n・堤防の点検、どこまで\n・土のう、自分で作れる？\n水位の見通し\n問い：高い？\n"
    assert _dropped(page) == page.splitlines()[:4]


def test_a_news_line_or_a_bullet_ending_in_a_form_verb_is_not_a_form() -> None:
    page = "町の祭り、無形文化財に登録\n◆ 参加者は事前に名前を入力\n文化庁は来年、祭りを文化財に登録する\n登録する\n"
    assert _dropped(page) == ["登録する"]


_FOLLOW_CALL_PAGE = """港町の朝市、台風の日はどうなる？
港町の朝市は、台風が近づくと休みになることがあります。開催の知らせ方が変わりました。
開催の知らせ方が変わった
どうやって知らせる？
市の公式LINEで配信
前日の夕方に決まります。
掲載日：2025年5月10日
▶ 市の公式LINEを友だち追加すると、朝市の開催や中止の知らせが届く仕組みを始めた。
▶ 登録者は初日で2000人を超えた。
記事を読む >> 港町新聞出典/画像元: https://minato.example.jp/news/line
便利になりましたね。
📣 LINEで友だち追加すると、朝市の最新情報をいち早くお届けします
LINEに登録すると、前日の夕方5時ごろに通知が届きます。
★ 朝市の開催は市の公式LINEで知らせる。
"""


def test_a_call_to_follow_with_the_sites_promise_is_dropped_and_sentences_about_line_stay(tmp_path: Path) -> None:
    result = _import(tmp_path, "asaichi_line.txt", _FOLLOW_CALL_PAGE)
    article = _digest(result)
    rules = {item.line.text: item.rule for item in result.report.dropped}
    assert rules["📣 LINEで友だち追加すると、朝市の最新情報をいち早くお届けします"] == "follow-call"
    # The same act in a reporting sentence (the service's news, what the reader receives) is content.
    section = article.sections[0]
    assert section.sources[0].summary[0] == "市の公式LINEを友だち追加すると、朝市の開催や中止の知らせが届く仕組みを始めた。"
    assert section.answer == "市の公式LINEで配信"
    assert "LINEに登録すると、前日の夕方5時ごろに通知が届きます。" in section.body


def test_comments_printed_on_their_headers_lines_under_the_threads_heading_are_the_sites() -> None:
    page = ("港の朝市は、漁港の岸壁で朝6時から開かれています。\n読者コメント（2）\n"
            "浜っ子　2025年6月11日 07:02　毎週になるならもっと通いたいです。\n"
            "mika_k　2025/06/11 19:45　駐車場が足りるか心配。\n最後まで読んでいただきありがとうございました。\n")
    assert _dropped(page) == ["読者コメント（2）", "浜っ子　2025年6月11日 07:02　毎週になるならもっと通いたいです。",
                              "mika_k　2025/06/11 19:45　駐車場が足りるか心配。"]


def test_a_dated_sentence_without_a_threads_heading_is_no_comment() -> None:
    page = "港の朝市は、漁港の岸壁で朝6時から開かれています。\n市長　2025/06/11 10:00　記者会見で開催を発表した。\n"
    assert _dropped(page) == []


def test_an_author_box_headed_in_other_words_is_the_sites() -> None:
    page = ("出店者も増える見込みです。\n本記事の執筆者\n地域ライター　森 ひかり\n"
            "元地方紙記者。港町の暮らしと食を中心に取材を続ける。\n")
    assert _dropped(page) == ["本記事の執筆者", "地域ライター　森 ひかり", "元地方紙記者。港町の暮らしと食を中心に取材を続ける。"]


def test_under_its_heading_a_comment_may_follow_its_writers_name_and_the_date_each_on_a_line() -> None:
    page = ("まとめの最後の一文です。\n感想をどうぞ　コメント\nうみねこ\n2024年7月9日 (火)\n"
            "港の写真がきれいでした。\n浜っ子\n2024/7/10 18:05\n来年も行きます\n")
    assert _dropped(page) == page.splitlines()[1:]
    # Without the thread's heading, a name over a date is a card's publisher and its date.
    assert _dropped("まとめの最後の一文です。\n海辺新聞\n2024年7月9日 (火)\n港のにぎわい戻る\n") == []
