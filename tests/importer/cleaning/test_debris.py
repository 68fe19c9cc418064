"""The debris chain: which lines are site chrome, and what each dropped line is reported as."""

from __future__ import annotations

import datetime as dt

import pytest

from kiku.importer.cleaning.debris import DEBRIS_RULES, line_rule, phrases, strip_debris
from kiku.importer.layouts.ads.off_topic import is_off_topic
from kiku.importer.layouts.digest.cards import find_card, split_glued_url
from kiku.importer.layouts.encyclopedia.head import is_encyclopedia
from kiku.importer.layouts.labels import READ_MORE, parse_published
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def _strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    report = ImportReport("page.txt")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [line.text for line in kept], [(item.rule, item.line.text) for item in report.dropped]


@pytest.mark.parametrize(("text", "rule"), [
    ("広告", "ad-label"), ("ＰＲ", "ad-label"), ("[PR]", "ad-label"), ("【広告】", "ad-label"), ("スポンサー", "ad-label"),
    ("Advertisement", "ad-label"), ("スポンサーリンク", "ad-label"), ("Ads by Google", "ad-label"),
    ("シェアする ツイート はてブ LINEで送る", "share-buttons"), ("ツイート 15 シェア 8 はてブ 3", "share-buttons"),
    ("Xでポスト", "share-buttons"), ("お問い合わせ", "footer-links"), ("シェア 保存", "share-buttons"),
    ("この記事をシェアする", "share-buttons"), ("この記事のURLをコピーする", "share-buttons"),
    ("Sponsored Link", "ad-label"), ("広告の下に記事が続きます", "ad-label"), ("▲ページトップへ", "page-navigation"),
    ("記事一覧へ戻る", "page-navigation"),
    ("プライバシーポリシー | お問い合わせ | 運営会社", "footer-links"), ("利用規約 ・ サイトマップ", "footer-links"),
    ("Privacy Policy | Terms of Use | Contact Us", "footer-links"), ("About Us ・ お問い合わせ ・ Site Map", "footer-links"),
    ("© 2025 Kome Press", "copyright"), ("Ⓒ Science Sokuho", "copyright"),
    ("Copyright (C) 2025 Denki Watch. All rights reserved.", "copyright"), ("（Ｃ）ニュースの窓", "copyright"),
    ("さくら新聞 Logo Menu opener", "site-menu"), ("ナビゲーションに移動", "wiki-navigation"),
    ("[編集]", "wiki-navigation"), ("カテゴリ: 気象 | 災害", "wiki-categories"),
    ("百科 › 宇宙 › はやぶさ2", "breadcrumb"),
    ("SPORTS PICK UP Logo メニュー", "site-menu"), ("くらしのマネー帖 ロゴ メニューを開く", "site-menu"),
    ("≡ MENU", "site-menu"), ("【PR】のどの痛みに。医薬品のトローチ、今なら送料無料", "ad-line"),
    ("【期間限定】天体望遠鏡が最大40%OFF！", "ad-line"), ("［広告］中古マイクロバス買取", "ad-line"),
    ("#電気代 #ガス代 #補助金", "hashtags"), ("＃円安　＃株価", "hashtags"),
    ("※この記事は生成AIを利用して作成し、編集部が内容を確認しています。", "site-note"),
    ("※当サイトの情報は投資の勧誘を目的としたものではありません。", "site-note"),
    ("※ブログの内容は投稿した時点の情報にもとづいています。", "site-note"),
    ("＊本ページの掲載内容は予告なく変更されることがあります。", "site-note"),
    ("ホーム｜家計｜物価｜投資｜特集", "link-row"), ("利用規約 | プライバシー | 運営会社", "link-row"),
    ("この記事をシェアする　X　Facebook　LINE　はてブ", "share-buttons"),
    ("TechTrend Digest ≡ MENU", "site-menu"), ("旅ログ NEWS ☰", "site-menu"),
    ("国内旅行 / 海外旅行 / インバウンド / ホテル", "link-row"),
    ("けんこう便り。 Logo ☰ メニュー", "site-menu"),
    ("▶ 保険の無料相談はこちら（広告）", "promo-link"), ("▼ 全国の花火大会・夏祭りカレンダーはこちら", "promo-link"),
    ("関連記事：フィッシング詐欺の見分け方まとめ", "related-label"),
    ("📌 あわせて読みたい：小惑星探査機の最新情報まとめ", "related-label"),
    # A related-articles label after a short modifier, over a title that asks.
    ("今週の関連ニュース：路線バスは本当に減った？運行本数を数えてみた", "related-label"),
    # A site's promotion of its app or newsletter closed by its button.
    ("Tsubame Newsアプリなら速報をいち早く通知｜インストール（無料）", "call-to-action"),
    ("毎朝7時のまとめメールで見逃しゼロ | 今すぐ登録", "call-to-action"),
    # The note that a picture is an illustration, with what it shows.
    ("※画像はイメージです（港町の朝市）", "media-placeholder"),
    # A call to follow, asked for after a condition, with the site's promise.
    ("この記事が役に立ったら フォローしてね 新着記事をお知らせします", "follow-call"),
    # Several skip links of a wiki mirror on one line.
    ("本文へスキップ メインメニュー", "wiki-navigation"), ("検索に移動 ナビゲーションに移動", "wiki-navigation"),
    # What the post is filed under: a taxonomy label, a colon, a few short terms.
    ("タグ: 路線バス 運転手不足 地方交通", "taxonomy-line"), ("Tags: 朝市, 港町", "taxonomy-line"),
    ("ジャンル：くらし・家計", "taxonomy-line"),
    # The badge a site pins on an article it picks, alone on its line, perhaps framed by a glyph.
    ("店長のイチオシ", "pick-badge"), ("☆ スタッフおすすめ ☆", "pick-badge"), ("Editors' Picks", "pick-badge"),
    # Share buttons with a service's note in brackets, or a service and any verb.
    ("X(旧Twitter)で投稿　Threadsで共有", "share-verbs"),
])
def test_a_line_that_is_debris_is_dropped_with_its_rule(text: str, rule: str) -> None:
    assert _strip("本文です。", text) == (["本文です。"], [(rule, text)])


@pytest.mark.parametrize("text", [
    "ただし、この試算には沿線でのPR活動の費用は含まれていません。",
    "新聞社の広告収入は10年で半分になりました。",
    "SNSでシェアする人が増えています。",
    "お問い合わせが殺到し、窓口は一時閉鎖されました。",
    "PR会社の社長は取材に応じませんでした。",
    "ツイートが原因で炎上した",
    "統計", "保存", "ホーム", "開発者", "LINE", "提供",
    "Privacy Policy", "Terms of Use / 規約改定の狙い",
    "【速報】日経平均が最高値を更新", "「PR」という言葉の意味", "#1の座を守った", "※2025年6月時点の数字です。",
    "タグ：荷札に書かれた番号で、持ち主が分かる仕組みです。", "キーワードは「地産地消」です。",
    "※ページ数は前年の2倍になった。", "※記録は速報値です。",
    "A｜B、どちらを選ぶ？｜比較", "ロゴの変更でメニューも一新された。",
    "詳しい手続きは市のサイトを見てください。はこちら", "▶ 申し込みは11月末まで。詳細はこちら",
    "関連記事：政府は来年度も補助を続ける方針です。", "結論：値上げは避けられない",
    # Such words in content: a modifier before a label that is not a related-articles heading, an
    # app's download spoken of in a sentence, a short pair of menu items, a picture's note without
    # the site's mark, a call to follow without the site's promise, wiki words that are not its links.
    "観光客の関心：円安で海外旅行は本当に減った？", "今週の関連ニュースは少なかった",
    "市のアプリは6月から配信を始め、ダウンロードは無料です。", "申請の流れ｜登録",
    "写真はイメージです、と店主は笑った（本人談）",
    "市の公式アカウントをフォローしよう、と呼びかけている。",
    "区の防災LINEに登録してください。災害時に避難情報をお届けします。",
    "検索に移動する人が増えた", "ナビゲーション 検索",
    # Something recommended in a headline's words: no site's badge.
    "初心者におすすめ", "早めの予約がおすすめ",
])
def test_a_debris_word_in_a_sentence_or_an_ambiguous_word_alone_is_content(text: str) -> None:
    assert _strip(text) == ([text], [])


def test_a_row_of_links_ending_in_ranking_is_not_a_rankings_heading() -> None:
    kept, dropped = _strip("ホーム ｜ 受験 ｜ 子育て ｜ ランキング", "給食無償化、2026年度から開始", "更新日：2025年3月21日")
    assert kept == ["給食無償化、2026年度から開始", "更新日：2025年3月21日"]
    assert dropped == [("link-row", "ホーム ｜ 受験 ｜ 子育て ｜ ランキング")]


def test_a_ranking_block_goes_whole_even_when_an_entry_ends_in_a_question() -> None:
    kept, dropped = _strip("本文です。", "人気記事ランキング", "1. ChatGPTの新機能まとめ", "2. iPhone 17はいつ発売？",
                           "3位 話題のAI画像生成ツールを比較してみた")
    assert kept == ["本文です。"]
    assert [rule for rule, _ in dropped] == ["popular-keywords"] * 4


def test_a_table_of_contents_goes_and_the_headings_it_repeats_stay() -> None:
    kept, dropped = _strip("目次", "1. 建設費の見直し", "2. 地下水への懸念", "それでは見ていきましょう。",
                           "建設費の見直し", "費用はいくら？", "地下水への懸念")
    assert kept == ["それでは見ていきましょう。", "建設費の見直し", "費用はいくら？", "地下水への懸念"]
    assert dropped == [("table-of-contents", "目次"), ("table-of-contents", "1. 建設費の見直し"),
                       ("table-of-contents", "2. 地下水への懸念")]


def test_contents_entries_marked_with_arrows() -> None:
    kept, _ = _strip("目次", "▼ 臨時情報の仕組み", "▼ 発表中にすべきこと", "【PR】", "それでは見ていきましょう。")
    assert kept == ["それでは見ていきましょう。"]


@pytest.mark.parametrize("numbers", [("1) ", "2) ", "2.1) "), ("1）", "2）", "2.1）"), ("(1) ", "(2) ", "（3）")])
def test_contents_entries_numbered_with_a_closing_bracket(numbers: tuple[str, str, str]) -> None:
    first, second, third = numbers
    kept, _ = _strip("目次", f"{first}調査の方法", f"{second}わかったこと", f"{third}残る課題", "調査は春に行われた。",
                     "調査の方法", "聞き取りで行った。")
    assert kept == ["調査は春に行われた。", "調査の方法", "聞き取りで行った。"]


def test_unmarked_contents_entries_are_the_ones_repeated_later() -> None:
    kept, _ = _strip("目次 [非表示]", "背景", "会談", "背景", "会談は1時間半に及んだ。", "会談")
    assert kept == ["背景", "会談は1時間半に及んだ。", "会談"]


def test_a_related_list_ends_at_a_sentence_or_at_a_section_heading() -> None:
    kept, dropped = _strip("関連記事", "豚熱ワクチンの散布を拡大", "ほんま、怖いなあ。")
    assert kept == ["ほんま、怖いなあ。"]
    assert [rule for rule, _ in dropped] == ["related-articles"] * 2
    kept, _ = _strip("あわせて読みたい", "はしかの流行が過去最多", "日本の対策", "日本の牛は大丈夫？", "報告はない")
    assert kept == ["日本の対策", "日本の牛は大丈夫？", "報告はない"]


def test_an_author_box_and_a_footer_go_whole() -> None:
    kept, dropped = _strip("本文。", "この記事を書いた人", "田中みのり", "農業を取材するライター。元JA職員。",
                           "関連記事", "コメ農家の後継者不足", "プライバシーポリシー | お問い合わせ")
    assert kept == ["本文。"]
    assert [rule for rule, _ in dropped] == ["author-box"] * 3 + ["related-articles"] * 2 + ["footer-links"]


def test_the_next_page_link_takes_the_teaser_with_it() -> None:
    kept, dropped = _strip("本文。", "次のページを読む ⇒", "台風5号、週末に関東接近か")
    assert kept == ["本文。"]
    assert dropped == [("next-page", "次のページを読む ⇒"), ("next-page (teaser)", "台風5号、週末に関東接近か")]


def test_a_new_sites_debris_is_a_new_rule_in_the_chain() -> None:
    rules = (*DEBRIS_RULES, line_rule("mirai-widget", "Mirai Times' weather widget", phrases("今日の天気")))
    report = ImportReport("page.txt")
    kept = strip_debris([Line(1, "今日の天気 晴れ 25℃"), Line(2, "本文。")], report, rules)
    assert [line.text for line in kept] == ["本文。"]
    assert [(item.rule, item.debris) for item in report.dropped] == [("mirai-widget", True)]


def test_structure_and_debris_are_told_apart_in_the_report() -> None:
    report = ImportReport("page.txt")
    report.drop(Line(1, "広告"), "ad-label")
    report.consume(Line(2, "📘 この記事で分かる事！"), "key-points-label")
    assert report.format() == ("page.txt:1: dropped [ad-label] 広告\n"
                               "page.txt:2: consumed [key-points-label] 📘 この記事で分かる事！")


@pytest.mark.parametrize(("text", "date"), [
    ("公開日：２０２５/０６/０８", dt.date(2025, 6, 8)), ("公開日:2025/06/08", dt.date(2025, 6, 8)),
    ("公開日：２０２５／０６／０８", dt.date(2025, 6, 8)), ("公開日：2025年1月25日", dt.date(2025, 1, 25)),
])
def test_published_dates_in_either_width(text: str, date: dt.date) -> None:
    assert parse_published(text) == date


@pytest.mark.parametrize("text", [
    "さらに読む ⇒ロイター出典/画像元: https://a.example/x", "さらに読む→ロイター出典／画像元：https://a.example/x",
])
def test_the_read_more_line_in_either_width(text: str) -> None:
    match = READ_MORE.match(text)
    assert match is not None and match["publisher"] == "ロイター" and match["rest"] == "https://a.example/x"


@pytest.mark.parametrize(("rest", "url", "glued"), [
    ("https://a.example/article/15630313停戦交渉の難しさですね。", "https://a.example/article/15630313",
     "停戦交渉の難しさですね。"),
    ("https://a.example/x/JERAの再稼働が頼みですね。", "https://a.example/x/", "JERAの再稼働が頼みですね。"),
    ("https://a.example/jc/article?k=2025「利上げは必要」と説明。", "https://a.example/jc/article?k=2025",
     "「利上げは必要」と説明。"),
    ("https://a.example/item/n/1322874/2週間ごとの通院です。", "https://a.example/item/n/1322874/",
     "2週間ごとの通院です。"),
])
def test_a_glued_url_is_split_without_losing_a_character(rest: str, url: str, glued: str) -> None:
    assert split_glued_url(rest) == (url, glued)
    assert url + glued == rest


def test_an_ad_is_found_whatever_the_topic_and_a_real_card_is_not_flagged() -> None:
    section = ["火山の噴火警戒レベル", "桜島の噴火で何が起きた？", "噴石と降灰", "鹿児島市で降灰が続いています。"]
    real = ["気象庁は桜島の噴火警戒レベルを3に引き上げた。", "鹿児島市内で降灰が観測された。"]
    ad = ["今なら初回限定で980円。", "定期コースはいつでも解約OK。"]
    assert not is_off_topic("桜島で噴火、噴火警戒レベル3に引き上げ", real, section)
    assert is_off_topic("桜島で噴火、噴火警戒レベル3に引き上げ", ad, section)
    ad_titled = ["会員登録で3万円分のギフト券がもらえるキャンペーンを実施中。", "登録は3分で完了、非公開求人から選べる。"]
    assert is_off_topic("転職サイトのキャンペーン、ギフト券がもらえる", ad_titled, section)


def test_a_title_printed_once_without_a_date_is_the_cards_title_and_a_remark_is_not() -> None:
    def card_title(above: str) -> str | None:
        lines = [Line(1, above), Line(2, "✅ 気象庁は台風10号が上陸するおそれがあると発表した。"),
                 Line(3, "さらに読む ⇒ウェザーニュース出典/画像元: https://a.example/x")]
        card = find_card(lines, ImportReport("page.txt"), "sections[0]")
        assert card is not None
        return card.title

    assert card_title("台風10号、速度遅く長時間の暴風雨に警戒 気象庁が会見") == "台風10号、速度遅く長時間の暴風雨に警戒 気象庁が会見"
    assert card_title("進路がゆっくりなのが心配ですね") is None
    assert card_title("台風の進路に注意が必要になりました") is None


@pytest.mark.parametrize("text", [
    "出典: フリー百科事典『ウィキペディア（Wikipedia）』",
    "出典：フリー百科事典『ウィキペディア（Wikipedia）』（２０２５/０４/０２ 11:20 UTC 版）",
    "出典: フリー百科事典『ウィキペディア(Wikipedia)』 (2025/03/21 04:36 UTC 版)",
    "出典: フリー百科事典『ウィキペディア』",
    "出典：フリー百科事典『ウィキペディア（Wikipedia）』（最終更新 2025年10月18日 09:12 UTC）",
])
def test_the_wikipedia_source_line_in_its_forms(text: str) -> None:
    assert is_encyclopedia([Line(1, "線状降水帯"), Line(2, text)])


def test_a_heading_printed_twice_after_the_contents_is_not_an_entry() -> None:
    kept, dropped = _strip("目次", "1 発生の仕組み", "発生の仕組み[編集]", "発生の仕組み[編集]", "積乱雲が次々と発生する。")
    assert kept == ["発生の仕組み[編集]", "発生の仕組み[編集]", "積乱雲が次々と発生する。"]
    assert [text for _, text in dropped] == ["目次", "1 発生の仕組み"]


def test_a_list_of_links_stops_at_the_pages_structure() -> None:
    kept, _ = _strip("関連記事", "はしかの流行が過去最多", "出典: フリー百科事典『ウィキペディア（Wikipedia）』", "予測[編集]")
    assert kept == ["出典: フリー百科事典『ウィキペディア（Wikipedia）』", "予測[編集]"]


def test_an_untitled_card_in_a_short_section_is_judged_against_its_whole_page() -> None:
    section = ["今後の見通し", "この夏を乗り切れる？", "来週がひとつの山", "暑さのピークはまだ先ですね。"]
    page = ["猛暑で電力需給がひっ迫", "東京電力管内で予備率が5％を下回る見通し", "気象庁は高温に関する早期天候情報を出した",
            "最高気温が40度近くになる地点も"]
    summary = ["気象庁は、関東甲信から九州にかけて、来週は平年よりかなり高い気温が続くとして、高温に関する早期天候情報を出した。"]
    assert is_off_topic(None, summary, section)
    assert not is_off_topic(None, summary, section, page)
    assert is_off_topic(None, ["今なら初回限定で980円。", "定期コースはいつでも解約OK。"], section, page)


def test_a_section_named_like_a_block_of_chrome_stays() -> None:
    lines = ("著者", "夏目漱石", "関連項目", "吾輩は猫である", "執筆者", "山田花子")
    assert _strip(*lines) == (list(lines), [])


def test_a_list_of_links_stops_at_a_cards_title() -> None:
    kept, _ = _strip("あわせて読みたい", "はしかの流行が過去最多", "JR九州、新幹線の計画運休を発表",
                     "公開日:2025/08/28", "✅ JR九州は計画運休を発表した。")
    assert kept == ["JR九州、新幹線の計画運休を発表", "公開日:2025/08/28", "✅ JR九州は計画運休を発表した。"]


def test_a_form_prompt_right_under_a_question_is_its_answer() -> None:
    # '…を入力' alone is a form's prompt; under a question it answers the question.
    lines = [Line(1, "オンライン申請はどうやって始めますか？"), Line(2, "マイページで氏名と住所を入力"),
             Line(3, "感想を入力"), Line(4, "メールアドレスを入力")]
    report = ImportReport("page.txt")
    kept = strip_debris(lines, report)
    assert [line.text for line in kept] == ["オンライン申請はどうやって始めますか？", "マイページで氏名と住所を入力"]
    assert [dropped.rule for dropped in report.dropped] == ["form", "form"]


def test_the_next_page_link_may_print_the_next_articles_title_after_its_arrow() -> None:
    kept, dropped = _strip("本文。", "次のページを読む -> 年金の繰り下げ、損をしない3つの条件", "運営者情報")
    assert kept == ["本文。"]
    assert dropped[0] == ("next-page", "次のページを読む -> 年金の繰り下げ、損をしない3つの条件")
    kept, _ = _strip("本文。", "次のページを読む → ここから先は会員限定です。", "続きの本文。")
    assert kept == ["本文。", "次のページを読む → ここから先は会員限定です。", "続きの本文。"]
