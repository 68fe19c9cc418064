"""General rules of the page family that held-out batch 8 showed missing, each on made-up text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle, EncyclopediaArticle
from kiku.content.text_fields import iter_text_fields
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.grammar.card_link import read_card_link
from kiku.importer.grammar.dates import line_date
from kiku.importer.layouts.off_topic import is_off_topic
from kiku.importer.page import Line
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)


def _import(tmp_path: Path, name: str, text: str) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, import_day=IMPORT_DAY)


def _digest(result: ImportResult) -> DigestArticle:
    assert isinstance(result.article, DigestArticle)
    return result.article


# --- A link line: a short label, the publisher, a URL, whatever the label says ---------------------

def test_a_lower_case_label_word_before_the_publisher_and_url_is_a_link_line() -> None:
    link = read_card_link("from 山里日報 https://yamazato.example.jp/a/snow雪解けが早い年でした。")
    assert link is not None
    assert (link.url, link.publisher, link.glued_text) == (
        "https://yamazato.example.jp/a/snow", "山里日報", "雪解けが早い年でした。")


def test_a_sentence_citing_a_url_is_not_a_link_line() -> None:
    assert read_card_link("via 町の発表によれば、詳細は https://town.example.jp/x にある。") is None
    assert read_card_link("山里日報 https://yamazato.example.jp/a/77") is None


def test_a_link_label_and_an_arrow_before_the_publisher_are_not_the_publisher() -> None:
    link = read_card_link("続報はここから ≫ 湖畔タイムズ 出典：https://kohan.example.jp/n/5")
    assert link is not None
    assert (link.url, link.publisher) == ("https://kohan.example.jp/n/5", "湖畔タイムズ")


# --- The question and the answer lose any short printed label ----------------------------------------

LABELLED_QA = """公開日:2025/06/02
川の水位、今年はどうなる
梅雨入りを前に、川の水位の見通しをまとめます。
水位の見通し
問い：今年の水位は高い？
答え：例年並みの見込み
水位、例年並みの見込み
2025/06/01
▶ 上流のダムは例年並みの貯水量となっている。
▶ 大雨の予報はまだ出ていない。
via 川辺新聞 https://kawabe.example.jp/a/rain大雨の季節はこれからです。
"""


def test_a_short_word_and_a_colon_before_a_question_or_answer_is_a_label(tmp_path: Path) -> None:
    section = _digest(_import(tmp_path, "page.txt", LABELLED_QA)).sections[0]
    assert (section.heading, section.question, section.answer) == ("水位の見通し", "今年の水位は高い？", "例年並みの見込み")
    assert [(card.url, card.publisher) for card in section.sources] == [("https://kawabe.example.jp/a/rain", "川辺新聞")]


# --- Dates: era years, and a line of several labelled dates -----------------------------------------

def test_an_era_year_is_a_date() -> None:
    assert line_date("掲載：令和6年11月2日") == dt.date(2024, 11, 2)
    assert line_date("令和元年5月1日") == dt.date(2019, 5, 1)
    assert line_date("平成30年1月9日（火）") == dt.date(2018, 1, 9)


def test_a_line_of_labelled_dates_is_a_date_line_dated_by_its_first() -> None:
    assert line_date("作成：2024年8月1日　改訂：2024年8月20日") == dt.date(2024, 8, 1)
    assert line_date("2024年8月1日に始まった工事は、2024年8月20日に終わった") is None


def test_a_date_line_above_the_lead_is_not_the_title(tmp_path: Path) -> None:
    page = LABELLED_QA.replace("公開日:2025/06/02\n川の水位、今年はどうなる\n",
                               "川辺だより\n川の水位、今年はどうなる\n作成：令和7年6月2日　改訂：令和7年6月5日\n")
    article = _digest(_import(tmp_path, "page.txt", page))
    assert (article.title, article.date) == ("川の水位、今年はどうなる", dt.date(2025, 6, 2))


# --- Chrome by shape: stacked menus, comment threads, forms, banners, aged entries -----------------

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


# --- Encyclopedia: any short bracketed toggle after a heading marks it -----------------------------

def test_a_toggle_after_a_heading_marks_it_and_is_not_its_text(tmp_path: Path) -> None:
    page = ("山の湖\n出典: フリー百科事典『ウィキペディア（Wikipedia）』\n山の湖は、高原にある湖である[1]。\n"
            "地形 [表示]\n湖は火山の噴火でできた。\n生き物 [hide]\n固有の魚が住む。水草が茂る[要出典]\n"
            "脚注 [表示]\n^ 「山の湖」高原町 https://kogen.example.jp/lake\n"
            "この記事は、ウィキペディアの山の湖 (改訂履歴) の記事を複製、再配布したものにあたり、"
            "GNU Free Documentation Licenseというライセンスの下で提供されています。\n")
    article = _import(tmp_path, "page.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert [section.heading for section in article.sections] == ["地形", "生き物"]
    assert [reference.url for reference in article.references] == ["https://kogen.example.jp/lake"]


# --- Encyclopedia frames: short licence names, a hand-over line, labelled notes, English quotes ----

GLOSSARY_FRAME = """こども理科じてん
じてん ＞ か行 ＞ 火山湖
火山湖
よみ：かざんこ
分野：地学（ちがく）
― ここからウィキペディア（Wikipedia）の記事 ―
火山湖は、火山の火口にできた湖である[1]。
成因[編集]
噴火のあとの火口に水がたまってできる[注 1]。
注釈
注 1. 雨水や地下水がたまる。
出典
1. 「火山湖とは」高原町 https://kogen.example.jp/kazanko/
2. 山田一郎『湖の科学』https://books.example.jp/lake/
123-4.html
本文はウィキペディア日本語版「火山湖」の記事に基づき、CC BY-SA 4.0 および GFDL のもとで利用しています。
この用語をもっと知る：噴火｜火口
"""


def test_a_frame_naming_the_licence_by_its_short_name_is_an_encyclopedia_page(tmp_path: Path) -> None:
    article = _import(tmp_path, "page.txt", GLOSSARY_FRAME).article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.lead) == ("火山湖", "火山湖は、火山の火口にできた湖である[1]。")
    assert [section.heading for section in article.sections] == ["成因"]
    assert [reference.url for reference in article.references] == [
        None, "https://kogen.example.jp/kazanko/", "https://books.example.jp/lake/123-4.html"]
    assert article.attribution.notice == GLOSSARY_FRAME.splitlines()[-2]


def test_a_licence_line_in_english_names_the_article_in_quotes(tmp_path: Path) -> None:
    page = GLOSSARY_FRAME.replace(
        "本文はウィキペディア日本語版「火山湖」の記事に基づき、CC BY-SA 4.0 および GFDL のもとで利用しています。",
        'Text from the Wikipedia article "火山湖" is available under the Creative Commons '
        "Attribution-ShareAlike License 4.0.")
    article = _import(tmp_path, "page.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "火山湖"
    assert article.attribution.license == "Creative Commons Attribution-ShareAlike"


def test_a_word_on_the_line_after_a_reference_url_is_not_the_url_s_rest(tmp_path: Path) -> None:
    page = GLOSSARY_FRAME.replace("123-4.html\n", "").replace(
        "本文はウィキペディア日本語版", "Text note.\n本文はウィキペディア日本語版")
    article = _import(tmp_path, "page.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.references[-1].url == "https://books.example.jp/lake/"


# --- Labels by shape: a short line over bullets, or over the page's closing words ------------------

LABELLED_DIGEST = LABELLED_QA.replace("梅雨入りを前に、川の水位の見通しをまとめます。\n",
                                      "梅雨入りを前に、川の水位の見通しをまとめます。\nざっくり\n◇ 水位は例年並み\n◇ 大雨はこれから\n") + \
    "堤防の点検\n点検は毎年春に行われています。\nひとこと\n雨の季節、川には近づかないようにしましょう。\n"


def test_a_short_line_over_bullets_is_a_label_and_a_last_short_line_heads_the_closing(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "page.txt", LABELLED_DIGEST))
    assert article.key_points == ("水位は例年並み", "大雨はこれから")
    assert [section.heading for section in article.sections] == ["水位の見通し", "堤防の点検"]
    assert article.outro == ("雨の季節、川には近づかないようにしましょう。",)
    assert all("ひとこと" not in text and "ざっくり" not in text for _, text in iter_text_fields(article))


# --- Saved HTML: a short <dt> labels the <dd> after it ----------------------------------------------

def test_a_short_term_and_its_description_read_as_one_labelled_line() -> None:
    html_text = ("<html><body><article><h1>川の水位</h1><h2>水位の見通し</h2><dl><dt>問い</dt><dd>高い？</dd>"
                 "<dt>答え</dt><dd>例年並み</dd><dt>水位は、上流の雨で変わる。</dt><dd>注意</dd></dl>"
                 "</article></body></html>")
    texts = [line.text for line in read_html(html_text, ImportReport("page.html"))]
    assert texts[-4:] == ["問い：高い？", "答え：例年並み", "水位は、上流の雨で変わる。", "注意"]


# --- An ad label on a card's title: the card is kept, titled, and flagged -----------------------------

def test_a_card_titled_with_an_ad_label_is_kept_and_flagged(tmp_path: Path) -> None:
    page = LABELLED_QA + (
        "［広告］川辺の家、今なら査定無料\n2025/06/01\n▶ 川沿いの土地が高く売れる。\n▶ 相談は何度でも。\n"
        "via 不動産ナビ https://fudosan.example.jp/ad/river\n【PR】川の日、水辺の掃除に参加しよう\nページの先頭へ\n")
    section = _digest(_import(tmp_path, "page.txt", page)).sections[0]
    assert [(card.title, card.off_topic) for card in section.sources] == [
        ("水位、例年並みの見込み", False), ("［広告］川辺の家、今なら査定無料", True)]
    texts = [text for _, text in iter_text_fields(_digest(_import(tmp_path, "page.txt", page)))]
    assert not any("水辺の掃除" in text for text in texts)


# --- Ad cards re-weighed: what vouches for a real card, and what an ad's title gives away ----------

RIVER_TOPIC = ["川の水位、梅雨入り前に確かめたいこと", "水位の見通し", "今年の水位は高い？", "上流のダムは例年並み"]
RIVER_SECTION = [*RIVER_TOPIC[1:], "上流のダムの貯水量は例年並みで、大雨の予報もまだ出ていない。"]
RIVER_PAGE = [*RIVER_TOPIC, *RIVER_SECTION, "梅雨の大雨に備えて、川の様子を見ておきましょう。"]


def test_a_quotation_for_a_title_is_no_evidence_that_a_card_is_an_ad() -> None:
    summary = ["あの夜、上流から濁った水が流れてきたと男性は話す。"]
    assert not is_off_topic("「あの夜の音は忘れない」", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)
    # The same summary under a title in other words than the page's is weighed as an ad.
    assert is_off_topic("夜の音、静かな寝室へ", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)


def test_a_title_about_the_page_vouches_for_a_card_without_a_word_of_an_offer() -> None:
    summary = ["土のうの代わりに、ごみ袋に水を入れて玄関に並べる方法もある。"]
    assert not is_off_topic("梅雨入り前の水位、上流のダムで確かめる", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)
    assert is_off_topic("梅雨入り前の水位、上流のダムで確かめる", [*summary, "今なら会員登録で人気の防災セットが半額。"],
                        RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)


def test_a_summary_sharing_its_section_s_word_under_a_title_near_the_page_is_real() -> None:
    summary = ["近くの住民は、上流に黒い雲を見て家を出たという。"]
    assert not is_off_topic("川沿いの町、見通しを聞いて避難", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)
    assert is_off_topic("町の新しい散歩道", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)


def test_an_ad_whose_only_link_to_the_page_is_a_word_its_title_also_holds_is_flagged() -> None:
    summary = ["梅雨どきの部屋干しも、乾燥機ならすぐ乾く。"]
    assert is_off_topic("梅雨の新生活家電、発売相次ぐ", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)
    # Without the echoed word in its title, the summary's 梅雨 links the card to the page.
    assert not is_off_topic("新生活家電、発売相次ぐ", summary, RIVER_SECTION, RIVER_PAGE, RIVER_TOPIC)


def test_a_news_line_or_a_bullet_ending_in_a_form_verb_is_not_a_form() -> None:
    page = "町の祭り、無形文化財に登録\n◆ 参加者は事前に名前を入力\n文化庁は来年、祭りを文化財に登録する\n登録する\n"
    assert _dropped(page) == ["登録する"]
