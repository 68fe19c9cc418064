"""General rules of the page family that held-out batch 9 showed missing, each on made-up text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle, EncyclopediaArticle
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.grammar.card_link import read_card_link
from kiku.importer.grammar.card_meta import CardDate, card_date, publisher_before_title
from kiku.importer.grammar.features import split_marker
from kiku.importer.layouts.off_topic import is_off_topic
from kiku.importer.page import Line, split_lines
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.hard_wrap import unwrapped, wrap_column
from kiku.importer.reading.markdown_dump import is_markdown_dump, read_markdown_dump
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


# --- Reading: what a reader never sees, and a page hard-wrapped at a constant column ------------------

def test_zero_width_spaces_and_soft_hyphens_are_removed_but_an_emoji_joiner_stays() -> None:
    lines = split_lines("駅前の\u200b再開発が\u00adはじまる。\n👨\u200d👩\u200d👧 家族向け")
    assert [line.text for line in lines] == ["駅前の再開発がはじまる。", "👨\u200d👩\u200d👧 家族向け"]


# Made-up text wrapped at 60 columns (30 full-width characters), as a terminal browser prints it.
_WRAPPED = (
    "山あいの町で冬の祭りが三年ぶりに開かれ、雪の広場には朝から多\n"
    "くの人が集まった。\n"
    "\n"
    "  • 会場では地元の中学生が作った灯籠が百基あまり並べられ、\n"
    "    夜には一斉に火がともされた。\n"
    "  • 屋台は二十店、去年の倍に増えた。\n"
    "ことしは見物客がとても多く、駅から会場までの道は夕方まで混み\n"
    "合ったという話でした。町は来年も同じ時期に祭りを開く予定で\n"
    "す。\n"
    "短い行。\n"
)


def test_a_page_wrapped_at_a_constant_column_is_joined_back_paragraph_by_paragraph() -> None:
    lines = _WRAPPED.splitlines()
    assert wrap_column(lines) == 60
    assert unwrapped(lines) == [
        (1, "山あいの町で冬の祭りが三年ぶりに開かれ、雪の広場には朝から多くの人が集まった。"), (3, ""),
        (4, "  • 会場では地元の中学生が作った灯籠が百基あまり並べられ、夜には一斉に火がともされた。"),
        (6, "  • 屋台は二十店、去年の倍に増えた。"),
        (7, "ことしは見物客がとても多く、駅から会場までの道は夕方まで混み合ったという話でした。町は来年も同じ時期に祭りを開く予定です。"),
        (10, "短い行。"),
    ]


def test_a_page_of_paragraphs_of_any_length_is_not_read_as_wrapped() -> None:
    lines = ["短い見出し", "これは長い段落で、折り返しのない一行に最後まで書かれている文章の例です。",
             "次の段落はもっと短い。", "そして最後の段落は、ほどほどの長さで終わる文章です。"]
    assert wrap_column(lines) is None
    assert [text for _, text in unwrapped(lines)] == lines


def test_a_bullet_or_a_quotation_dash_after_a_full_row_starts_its_own_line() -> None:
    rows = [f"{number}" + "あ" * 29 for number in range(4)]
    lines = [*rows, "— 町役場 (@town_office) 2025年1月5日", "・次の項目", "👉 絵文字の項目"]
    assert [text for _, text in unwrapped(lines)][-3:] == lines[-3:]


def test_a_line_holding_a_url_may_run_past_the_wrap_column() -> None:
    link = "続きを読む ⇒ 山里日報 出典: https://yamazato.example.jp/a/very/long/path/to/the/article/page"
    lines = [*_WRAPPED.splitlines(), link]
    assert wrap_column(lines) == 60


# --- Reading: a Markdown dump, rendered as a reader sees it ----------------------------------------

_MARKDOWN_PAGE = """Title: 港の朝市が再開 - みなと通信
URL Source: https://minato.example.jp/posts/asaichi

Markdown Content:
[![みなと通信](https://minato.example.jp/logo.png)](https://minato.example.jp/)

*   [ホーム](https://minato.example.jp/)
*   [地域](https://minato.example.jp/local)

## 港の朝市、**三年ぶり**に再開

![Image 1: 朝市の様子](https://minato.example.jp/img/1.jpg)

> 朝市が戻ってきました。
>
> — 漁協 (@gyokyo) 2025年5月2日

---

| 開催 | 毎週日曜 |
| --- | --- |

1.   ^ a b [「朝市再開へ」](https://news.example.jp/a/1) 港新聞. 2025年5月1日閲覧。

[続きを読む ⇒](https://news.example.jp/a/2)

1 [2](https://minato.example.jp/page/2) [次へ »](https://minato.example.jp/page/2)

本文に[リンク](javascript:alert(1))と\\*印があります。
"""


def test_a_markdown_dump_is_told_by_its_reader_header_or_by_headings_and_links() -> None:
    assert is_markdown_dump(_MARKDOWN_PAGE)
    assert is_markdown_dump("# 見出し\n\n本文\n\n## 次\n\n[元記事](https://a.example.jp/)")
    assert not is_markdown_dump("# 見出し\n本文だけの行\n#経済 #円安")


def test_a_markdown_dump_is_read_as_rendered_and_its_markup_lines_are_dropped_by_rule() -> None:
    report = ImportReport("page.txt")
    lines = read_markdown_dump(_MARKDOWN_PAGE.splitlines(), report)
    assert [(line.number, line.text, line.heading) for line in lines] == [
        (10, "港の朝市、三年ぶりに再開", True),
        (14, "朝市が戻ってきました。", False),
        (16, "— 漁協 (@gyokyo) 2025年5月2日", False),
        (23, "1. ^ a b 「朝市再開へ」 https://news.example.jp/a/1 港新聞. 2025年5月1日閲覧。", False),
        (25, "続きを読む ⇒ https://news.example.jp/a/2", False),
        (29, "本文にリンクと*印があります。", False),
    ]
    assert [(item.line.number, item.rule) for item in report.dropped] == [
        (1, "reader-header"), (2, "reader-header"), (4, "reader-header"), (5, "link-list"), (7, "link-list"),
        (8, "link-list"), (12, "image"), (18, "markdown-rule"), (20, "markdown-table"), (21, "markdown-table"),
        (27, "link-list"),
    ]


def test_a_markdown_digest_page_gives_its_article_with_emphasis_removed_and_escaped_text(tmp_path: Path) -> None:
    page = """Title: 港の朝市が再開 - みなと通信
URL Source: https://minato.example.jp/posts/asaichi

Markdown Content:
# 港の朝市が三年ぶりに再開

2025年5月3日

港の朝市が**三年ぶり**に再開しました。

## 何が戻った？

**Q：どんな店が出る？**

A：鮮魚と干物の店が中心

### 朝市、5月から毎週日曜に

港新聞・2025年5月1日

*   漁協は5月から毎週日曜に朝市を開くと発表した。
*   出店は鮮魚店など20店。

[続きを読む ⇒](https://news.example.jp/a/2)

朝の港に活気が戻りそうです。
"""
    article = _digest(_import(tmp_path, "asaichi.txt", page))
    assert article.title == "港の朝市が三年ぶりに再開"
    assert article.lead == "港の朝市が三年ぶりに再開しました。"
    section = article.sections[0]
    assert (section.heading, section.question, section.answer) == ("何が戻った？", "どんな店が出る？", "鮮魚と干物の店が中心")
    card = section.sources[0]
    assert (card.title, card.url, card.summary) == (
        "朝市、5月から毎週日曜に", "https://news.example.jp/a/2",
        ("漁協は5月から毎週日曜に朝市を開くと発表した。", "出店は鮮魚店など20店。"))


def test_a_markdown_encyclopedia_page_reads_headings_with_their_edit_links(tmp_path: Path) -> None:
    page = """Title: 灯台 - ことば辞典
URL Source: https://kotoba.example.jp/wiki/灯台

Markdown Content:
# 灯台

出典：フリー百科事典『ウィキペディア（Wikipedia）』

**灯台**（とうだい）は、船に位置を知らせる塔である[1]。

## 歴史[[編集](https://kotoba.example.jp/edit?section=1)]

日本では明治に洋式灯台が建てられた[1]。

## 脚注[[編集](https://kotoba.example.jp/edit?section=2)]

1.   ^ [「灯台の歴史」](https://umi.example.jp/history) 海の博物館. 2025年4月1日閲覧。

最終更新 2025年5月10日 (土) 03:21

本記事の本文は、ウィキペディア日本語版「灯台」の2025年5月10日 (土) 03:21 UTCの版を元にしており、クリエイティブ・コモンズ 表示-継承 4.0（CC BY-SA 4.0）のもとで利用できます。
"""
    article = _import(tmp_path, "toudai.txt", page).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "灯台"
    assert article.lead == "灯台（とうだい）は、船に位置を知らせる塔である[1]。"
    assert [section.heading for section in article.sections] == ["歴史"]
    assert [reference.url for reference in article.references] == ["https://umi.example.jp/history"]


# --- Markers: a list's or a chapter's number marks its line as a glyph does ---------------------------

def test_list_and_chapter_numbers_are_markers_but_a_decimal_or_a_year_is_not() -> None:
    assert split_marker("1．何が変わる？") == ("1．", "何が変わる？")
    assert split_marker("(2) 駅前に新しい図書館") == ("(2)", "駅前に新しい図書館")
    assert split_marker("③ 申し込みは来月から") == ("③", "申し込みは来月から")
    assert split_marker("【第2章】専門家に聞く、次の一手は？") == ("【第2章】", "専門家に聞く、次の一手は？")
    assert split_marker("1.5倍に増えた。") == (None, "1.5倍に増えた。")
    assert split_marker("2025年の見通し") == (None, "2025年の見通し")
    assert split_marker("【速報】大雨の見通し") == (None, "【速報】大雨の見通し")


# --- Cards: the link line's variants, the date line's, the publisher printed before the title --------

def test_any_short_label_before_wo_yomu_opens_a_link_line() -> None:
    link = read_card_link(">> 記事全文を読む https://kawa.example.jp/news/1")
    assert link is not None
    assert (link.url, link.publisher) == ("https://kawa.example.jp/news/1", None)


def test_a_url_alone_on_its_line_is_a_link_naming_no_publisher() -> None:
    link = read_card_link("https://kawa.example.jp/news/2")
    assert link is not None
    assert (link.url, link.publisher, link.glued_text) == ("https://kawa.example.jp/news/2", None, "")
    assert read_card_link("詳しくは https://kawa.example.jp/ をご覧ください。") is None


def test_a_card_date_line_may_be_an_age_or_carry_the_publisher_before_the_date() -> None:
    assert card_date("川辺新聞・2025年4月3日") == CardDate(dt.date(2025, 4, 3), "川辺新聞")
    assert card_date("川辺新聞・2日前") == CardDate(None, "川辺新聞")
    assert card_date("3時間前") == CardDate(None, None)
    assert card_date("昨日 18:02") == CardDate(None, None)
    assert card_date("(2025/3/19 15:30)") == CardDate(dt.date(2025, 3, 19), None)
    assert card_date("雨は3日前から降り続いている。") is None
    assert card_date("ああ、いい・2025年4月3日") is None


def test_a_publisher_printed_before_the_title_is_split_from_it() -> None:
    assert publisher_before_title("川辺新聞｜橋の架け替え、来春に着工") == ("川辺新聞", "橋の架け替え、来春に着工")
    assert publisher_before_title("橋の架け替え、来春に着工") is None


_CARD_VARIANTS_PAGE = """川辺の町、橋の架け替えへ
2025年4月5日
町を流れる川の古い橋が、来春から架け替えられます。
1．いつから工事？
工事はいつ始まる？
来年の春から
川辺新聞｜橋の架け替え、来春に着工
3時間前
・町は来年4月に古い橋の架け替え工事を始めると発表した。
・工事の間は仮の橋を使う。
続きを読む ⇒ 出典/画像元:
https://kawabe.example.jp/news/100
通学路が変わるので注意が必要ですね。
2．費用はどのくらい？
いくらかかる？
総額12億円
山里日報・2025年4月2日
・総事業費は12億円で、国が半分を補助する。
https://yamazato.example.jp/a/200
大きな事業になりそうです。
"""


def test_card_variants_read_into_cards_on_a_whole_page(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "hashi.txt", _CARD_VARIANTS_PAGE))
    assert [section.heading for section in article.sections] == ["いつから工事？", "費用はどのくらい？"]
    first, second = (section.sources[0] for section in article.sections)
    assert (first.title, first.publisher, first.url, first.published) == (
        "橋の架け替え、来春に着工", "川辺新聞", "https://kawabe.example.jp/news/100", None)
    assert (second.title, second.publisher, second.url, second.published) == (
        None, "山里日報", "https://yamazato.example.jp/a/200", dt.date(2025, 4, 2))


# --- Chrome by shape: media placeholders, embed buttons with counts, promo links with any note -------

def _dropped(texts: list[str]) -> list[tuple[str, str]]:
    report = ImportReport("page.txt")
    strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    return [(item.line.text, item.rule) for item in report.dropped]


def test_media_placeholders_credits_image_notes_and_embed_buttons_are_chrome() -> None:
    assert _dropped(["[IMG]", "［画像］", "（写真：山里日報）", "※写真はイメージです", "Instagramで見る",
                     "写真の町を歩く", "※この数字は速報値です。"]) == [
        ("[IMG]", "media-placeholder"), ("［画像］", "media-placeholder"), ("（写真：山里日報）", "media-placeholder"),
        ("※写真はイメージです", "media-placeholder"), ("Instagramで見る", "media-placeholder")]


def test_an_embedded_posts_buttons_with_their_counts_are_a_share_row() -> None:
    assert _dropped(["532件の返信　リポスト　1.2万 いいね", "返信が相次いだ。"]) == [
        ("532件の返信　リポスト　1.2万 いいね", "share-buttons")]


def test_a_promo_link_may_end_in_any_short_note_in_brackets() -> None:
    assert _dropped(["▶ ニュースレターの登録はこちら（毎月配信・無料）"]) == [
        ("▶ ニュースレターの登録はこちら（毎月配信・無料）", "promo-link")]


def test_a_name_and_an_age_over_bullets_is_a_card_head_not_a_comment() -> None:
    assert _dropped(["山里日報・2日前", "・町は橋の架け替えを決めた。"]) == []
    assert _dropped(["さくら 2日前", "いい記事でした"]) == [("さくら 2日前", "comments"), ("いい記事でした", "comments")]


# --- Grammar: a voice or an attribution is never a heading; 'publisher｜title' is a card's title ------

_VOICES_PAGE = """港の朝市、三年ぶりに再開
2025年5月3日
港の朝市が三年ぶりに再開しました。
どんな声がある？
地元の人はどう思っている？
おおむね歓迎
港新聞｜朝市、5月から毎週日曜に
2025年5月1日
・漁協は5月から毎週日曜に朝市を開くと発表した。
・出店は鮮魚店など20店。
続きを読む ⇒ 出典：https://minato.example.jp/a/1
「朝の楽しみが戻った」（70代女性）
「駐車場が足りない」（40代男性）
— 港町観光協会 (@minato_kanko) 2025年5月2日
"""


def test_voices_and_attributions_stay_text_and_a_publisher_before_the_title_names_the_card(tmp_path: Path) -> None:
    article = _digest(_import(tmp_path, "asaichi.txt", _VOICES_PAGE))
    assert [section.heading for section in article.sections] == ["どんな声がある？"]
    card = article.sections[0].sources[0]
    assert (card.title, card.publisher, card.published) == ("朝市、5月から毎週日曜に", "港新聞", dt.date(2025, 5, 1))
    texts = [*card.comments, *article.sections[0].body, *article.sections[0].reaction]
    assert "「駐車場が足りない」（40代男性）" in texts
    assert "— 港町観光協会 (@minato\\_kanko) 2025年5月2日" in texts


# --- Encyclopedia mirrors: notes, infobox rows, tools and toggles, back matter, wrapped references ----

def test_a_mirrors_notes_infobox_rows_tools_and_toggles_are_chrome() -> None:
    assert _dropped([
        "「潮見台」はこの項目へ転送されています。その他の用法については「潮見台 (曖昧さ回避)」をご覧ください。",
        "この記事は検証可能な参考文献や出典が全く示されていないか、不十分です。",
        "出典を追加して記事の信頼性向上にご協力ください。（2025年1月）",
        "所在地　　　海辺県潮見市1-1", "開館　　　　1970年4月1日", "高さ\t\t113m",
        "☆ ウォッチ　⤴ 共有　文A 言語", "▼ 展開", "閉じる", "最終編集から2か月経過",
        "しおみペディアについて　免責事項　PC版で表示",
        "この記事は、ウィキペディアの潮見台 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseの下で提供されています。",
        "灯台は潮見台の先にある。",
    ]) == [
        ("「潮見台」はこの項目へ転送されています。その他の用法については「潮見台 (曖昧さ回避)」をご覧ください。",
         "wiki-hatnote"),
        ("この記事は検証可能な参考文献や出典が全く示されていないか、不十分です。", "wiki-notice"),
        ("出典を追加して記事の信頼性向上にご協力ください。（2025年1月）", "wiki-notice"),
        ("所在地　　　海辺県潮見市1-1", "infobox"), ("開館　　　　1970年4月1日", "infobox"), ("高さ\t\t113m", "infobox"),
        ("☆ ウォッチ　⤴ 共有　文A 言語", "wiki-tools"), ("▼ 展開", "section-toggle"), ("閉じる", "section-toggle"),
        ("最終編集から2か月経過", "edit-age"), ("しおみペディアについて　免責事項　PC版で表示", "footer-links"),
    ]


_MIRROR_PAGE = """しおみペディア
潮見台灯台
出典: フリー百科事典『ウィキペディア（Wikipedia）』
「潮見灯台」はこの項目へ転送されています。
Shiomidai Lighthouse
[IMG]
所在地　　　海辺県潮見市1-1
点灯　　　　1902年
高さ　　　　24m
潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。
歴史
1902年に初めて点灯した[2]。
脚注
^ a b 「灯台のあゆみ」海辺県
https://umibe.example.jp/toudai/history 2025年5月1日閲覧。
^ 潮見市史編さん委員会『潮見市史』2001年。
関連項目
灯台の一覧
外部リンク
・潮見台灯台 公式サイト
最終更新 2025年6月2日 (月) 08:14
文章はクリエイティブ・コモンズ 表示-継承 4.0 国際 (CC BY-SA 4.0) ライセンスの下で利用できます。この記事は、ウィキペディア日本語版の「潮見台灯台」を転載したものです。
"""


def test_a_mirror_page_keeps_the_article_only(tmp_path: Path) -> None:
    result = _import(tmp_path, "toudai.txt", _MIRROR_PAGE)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.lead == "潮見台灯台（しおみだいとうだい）は、海辺県潮見市にある灯台である[1]。"
    assert [section.heading for section in article.sections] == ["歴史"]
    assert [reference.url for reference in article.references] == ["https://umibe.example.jp/toudai/history", None]
    rules = {item.line.text: (item.rule, item.debris) for item in result.report.dropped}
    assert rules["Shiomidai Lighthouse"] == ("infobox-caption", True)
    assert rules["関連項目"] == ("wiki-back-matter", False)
    assert rules["・潮見台灯台 公式サイト"] == ("wiki-back-matter", False)


# --- Relevance: a real card worded unlike its title, a news title with one word of an offer ------------

def test_a_summary_saying_two_words_of_its_section_is_real_under_a_title_not_foreign_to_the_page() -> None:
    page_title = "港町の家計、値上げの春"
    section = ["魚の値段は？", "鮮魚の値上げは続く？", "5月も鮮魚と干物が値上がり", "漁協によると、燃料代が重荷だという。"]
    topic = [page_title, *section[:3]]
    summary = ["民間調査会社の集計では、来月に出荷額が上がる鮮魚は三十種類にのぼる。",
               "干物や冷凍加工品も、物流費と人件費の上昇で卸値が押し上げられている。"]
    page = [page_title, *section]
    assert not is_off_topic("港町の台所事情、夏に向けてまた一段と苦しく", summary, section, page, topic=topic)
    # A title sharing no word with the page is evidence against the card all the same.
    assert is_off_topic("食卓の夏、また一段と重く", summary, section, page, topic=topic)


def test_one_word_of_an_offer_in_a_title_about_the_page_does_not_make_an_ad() -> None:
    topic = ["港町のバス路線が廃止へ", "代わりの足は？", "廃止区間はどう移動する？", "予約制の乗り合いタクシー"]
    summary = ["運賃は1回300円で、高校生以下は200円。", "前日までに電話で予約すると迎えに来る。"]
    title = "廃止区間に乗り合いタクシー 電話予約で運行"
    assert not is_off_topic(title, summary, topic[1:], topic, topic=topic)
    offer = ["今なら初回無料、お申し込みはWebで3分。", "新電力への切り替えで年間2万円お得に。"]
    assert is_off_topic(title, offer, topic[1:], topic, topic=topic)


def test_the_same_long_line_printed_again_and_again_does_not_make_a_wrapped_page() -> None:
    paragraph = "同じ長さの段落が何度も繰り返されるページは折り返されたページではなく、そのまま読まれます。"
    lines = [paragraph, "見出し", paragraph, "別の見出し", paragraph, "短い", paragraph, "終わり"]
    assert wrap_column(lines) is None


def test_markdown_reference_links_autolinks_setext_headings_code_and_strike_are_read_as_rendered() -> None:
    page = ["港の朝市", "=======", "", "朝市は`毎週日曜`に開く。~~土曜~~ではない。", "",
            "[続きを読む ⇒][1]", "", "<https://news.example.jp/a/3>", "", "[1]: https://news.example.jp/a/2"]
    report = ImportReport("page.txt")
    lines = read_markdown_dump(page, report)
    assert [(line.number, line.text, line.heading) for line in lines] == [
        (1, "港の朝市", True), (4, "朝市は毎週日曜に開く。土曜ではない。", False),
        (6, "続きを読む ⇒ https://news.example.jp/a/2", False), (8, "https://news.example.jp/a/3", False)]
    assert [(item.line.number, item.rule) for item in report.dropped] == [(2, "heading-underline"),
                                                                         (10, "link-definition")]


def test_a_reader_tools_title_heads_the_page_when_its_content_prints_none() -> None:
    page = ["Title: 港の朝市が再開 - みなと通信", "URL Source: https://minato.example.jp/a", "", "Markdown Content:",
            "港の朝市が三年ぶりに再開しました。"]
    report = ImportReport("page.txt")
    lines = read_markdown_dump(page, report)
    assert [(line.number, line.text, line.heading) for line in lines] == [
        (1, "港の朝市が再開", True), (5, "港の朝市が三年ぶりに再開しました。", False)]
    assert [(item.line.number, item.rule, item.removed) for item in report.dropped] == [
        (1, "reader-header", "Title:"), (2, "reader-header", None), (4, "reader-header", None)]


def test_a_card_date_may_name_the_publisher_after_it_or_give_no_year() -> None:
    assert card_date("2025年4月3日・川辺新聞") == CardDate(dt.date(2025, 4, 3), "川辺新聞")
    assert card_date("2025/04/03 | 川辺新聞") == CardDate(dt.date(2025, 4, 3), "川辺新聞")
    assert card_date("3/19(水) 15:30") == CardDate(None, None)
    assert card_date("3月19日 15:30配信") == CardDate(None, None)
    assert card_date("3/19") is None  # a bare month and day may be anything: a score, a ratio


def test_a_numbered_question_label_is_trimmed(tmp_path: Path) -> None:
    page = _VOICES_PAGE.replace("地元の人はどう思っている？", "Q1. 地元の人はどう思っている？").replace(
        "おおむね歓迎", "A1. おおむね歓迎")
    section = _digest(_import(tmp_path, "asaichi.txt", page)).sections[0]
    assert (section.question, section.answer) == ("地元の人はどう思っている？", "おおむね歓迎")


def test_a_markdown_link_keeps_its_url_when_it_reads_as_a_cards_link_line() -> None:
    page = ["[via 山里日報](https://yamazato.example.jp/a/1)雪解けが早い年でした。",
            "[記事全文はこちら ⇒ 港新聞 引用元:](https://minato.example.jp/a/2)",
            "[山里日報](https://yamazato.example.jp/)の記事によると、雪が多い。"]
    lines = read_markdown_dump(page, ImportReport("page.txt"))
    assert [line.text for line in lines] == [
        "via 山里日報 https://yamazato.example.jp/a/1 雪解けが早い年でした。",
        "記事全文はこちら ⇒ 港新聞 引用元: https://minato.example.jp/a/2",
        "山里日報の記事によると、雪が多い。"]


def test_a_sentence_that_fills_its_row_is_not_joined_with_a_heading_under_it() -> None:
    full = "あ" * 29 + "。"
    lines = [*_WRAPPED.splitlines(), full, "次の見出し", full, "続きの文です。"]
    assert [text for _, text in unwrapped(lines)][-3:] == [full, "次の見出し", full + "続きの文です。"]


def test_a_markdown_link_printed_as_its_own_url_is_written_once() -> None:
    page = ["1.   ^ “朝市再開へ”. 港新聞. [https://news.example.jp/a/1](https://news.example.jp/a/1) 2025年5月1日閲覧。"]
    assert [line.text for line in read_markdown_dump(page, ImportReport("page.txt"))] == [
        "1. ^ “朝市再開へ”. 港新聞. https://news.example.jp/a/1 2025年5月1日閲覧。"]


def test_more_notice_wordings_and_a_terminal_browsers_boxed_infobox_are_chrome() -> None:
    assert _dropped([
        "「潮見」はここにリダイレクトされています。",
        "この記事には複数の問題があります。改善やノートページでの議論にご協力ください。",
        "┌────┬──────────┐", "│所在地│海辺県潮見市1-1│", "├────┼──────────┤", "│開館　│1970年4月1日　　│",
        "│高さ　│24m　　　　　　　│", "└────┴──────────┘",
        "潮見台は海辺県にある。",
    ]) == [
        ("「潮見」はここにリダイレクトされています。", "wiki-hatnote"),
        ("この記事には複数の問題があります。改善やノートページでの議論にご協力ください。", "wiki-notice"),
        ("┌────┬──────────┐", "infobox"), ("│所在地│海辺県潮見市1-1│", "infobox"),
        ("├────┼──────────┤", "infobox"), ("│開館　│1970年4月1日　　│", "infobox"),
        ("│高さ　│24m　　　　　　　│", "infobox"), ("└────┴──────────┘", "infobox"),
    ]
