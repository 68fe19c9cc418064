"""General rules of the page family that held-out batch 7 showed missing, each on a crafted page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle, EncyclopediaArticle
from kiku.content.text_fields import iter_text_fields
from kiku.importer.grammar.dates import line_date
from kiku.importer.layouts.off_topic import is_off_topic, off_topic_reason
from kiku.importer.layouts.relevance import PageBigrams
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)


def _import(tmp_path: Path, name: str, text: str, date: dt.date | None = None) -> ImportResult:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, date=date, import_day=IMPORT_DAY)


# --- A page that gives no date: imported, dated the import day, with the warning first -----------

UNDATED_DIGEST = """商店街に戻ったにぎわい
古い商店街に若い店主の店が増えています。
空き店舗はどうなった
空き店舗は減った？
3年で半分に
市の家賃補助を使って、空き店舗に新しい店が入りました。
さらに読む ⇒空き店舗に新店続々、家賃補助が後押し出典/画像元: https://town.example.jp/shoutengai/1
補助は最初の2年だけなので、その後が課題です。
"""


def test_a_digest_without_any_date_is_dated_by_the_import_day_and_says_so_first(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", UNDATED_DIGEST)
    assert isinstance(result.article, DigestArticle)
    assert result.article.date == IMPORT_DAY
    assert result.report.warnings[0] == (
        "the page gives no date (no date line for the article or its cards, such as 公開日:2025/03/19, nor a date "
        "in its text); dated 2026-03-09, the day of the import (today in Japan): set date: to the article's own date")
    assert [section.heading for section in result.article.sections] == ["空き店舗はどうなった"]


def test_a_dated_page_is_not_warned_about_its_date(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", UNDATED_DIGEST.replace("古い商店街", "公開日:2025/11/03\n古い商店街"))
    assert result.article.date == dt.date(2025, 11, 3)
    assert not any(warning.startswith("the page gives no date") for warning in result.report.warnings)


# --- Encyclopedia: the Wikipedia article found wherever the frame puts it ---------------------------

FRAMED_ARTICLE = """ことばの森 オンライン
ことばの森 ＞ 自然 ＞ 霧島連山
霧島連山 の解説
山岳ことば辞典 の解説
きりしまれんざん【霧島連山】宮崎・鹿児島県境の火山群。
地名よみかた帳 の解説
霧島連山
きりしまれんざん。
Wikipedia（ウィキペディア） の解説
霧島連山
霧島連山（きりしまれんざん）は、宮崎県と鹿児島県の県境に連なる火山群である[1]。
火山
新燃岳は2011年に大きな噴火を起こした[2]。
登山
えびの高原が登山の拠点となっている[1]。
脚注
[1] 山の資料館「霧島の山々」 https://yama.example.org/kirishima
[2] 火山の記録室『新燃岳2011』2012年
「霧島連山」の関連ワード：新燃岳　高千穂峰
出典：Wikipedia「霧島連山」 本文はGNU Free Documentation Licenseのもとで利用しています。
ことばの森｜運営者｜お問い合わせ
"""


def test_the_wikipedia_article_is_found_under_other_dictionaries_entries(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", FRAMED_ARTICLE)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "霧島連山"
    assert article.lead == "霧島連山（きりしまれんざん）は、宮崎県と鹿児島県の県境に連なる火山群である[1]。"
    assert [section.heading for section in article.sections] == ["火山", "登山"]
    assert article.attribution.notice == "出典：Wikipedia「霧島連山」 本文はGNU Free Documentation Licenseのもとで利用しています。"
    assert article.attribution.license == "GNU Free Documentation License"
    # The other dictionaries' entries, the second printing of the title among them, are the frame's.
    dropped = {item.line.text for item in result.report.dropped if item.debris}
    assert {"きりしまれんざん【霧島連山】宮崎・鹿児島県境の火山群。", "きりしまれんざん。",
            "Wikipedia（ウィキペディア） の解説"} <= dropped


def test_footnotes_numbered_in_brackets_are_references(tmp_path: Path) -> None:
    article = _import(tmp_path, "page.txt", FRAMED_ARTICLE).article
    assert isinstance(article, EncyclopediaArticle)
    assert [(reference.id, reference.text, reference.url) for reference in article.references] == [
        (1, "山の資料館「霧島の山々」", "https://yama.example.org/kirishima"),
        (2, "火山の記録室『新燃岳2011』2012年", None)]


def test_a_digest_quoting_wikipedia_in_brackets_is_not_an_encyclopedia_page(tmp_path: Path) -> None:
    quoting = UNDATED_DIGEST.replace("市の家賃補助を使って", "ウィキペディア「商店街」によれば空き店舗は全国の課題で、市の家賃補助を使って")
    assert isinstance(_import(tmp_path, "page.txt", quoting + "商店街\n").article, DigestArticle)


# --- The licence block: the site's own licence footer is chrome beside the page's statement ---------

LICENCE_TRAILER = """出典: フリー百科事典『ウィキペディア（Wikipedia）』 (2025/10/01 08:00 UTC 版)
潮見台
潮見台（しおみだい）は、架空の港町にある高台である[1]。
脚注
^ 港町史編さん室『潮見台の歩み』2020年
ウィキペディア
All text is available under the terms of the GNU Free Documentation License.
この記事は、ウィキペディアの潮見台 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseというライセンスの下で提供されています。
"""


def test_a_licence_line_naming_no_article_beside_the_statement_is_the_sites_footer(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", "辞書サイト\n" + LICENCE_TRAILER)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.attribution.notice is not None and article.attribution.notice.startswith("この記事は、ウィキペディアの潮見台")
    assert [(item.rule, item.debris) for item in result.report.dropped
            if item.line.text.startswith("All text is available")] == [("site-license-footer", True)]


def test_a_licence_line_naming_no_article_is_the_statement_when_the_page_has_no_other(tmp_path: Path) -> None:
    alone = LICENCE_TRAILER.rsplit("この記事は", 1)[0]
    article = _import(tmp_path, "page.txt", "辞書サイト\n" + alone).article
    assert isinstance(article, EncyclopediaArticle)
    assert article.attribution.notice == "All text is available under the terms of the GNU Free Documentation License."


# --- The article's date line above the title, with the post's category in brackets -----------------

def test_a_date_line_with_a_bracketed_category_is_a_date_line() -> None:
    assert line_date("配信日 2025年09月02日　【まち・くらし】") == dt.date(2025, 9, 2)
    assert line_date("2025.09.02 [地域]") == dt.date(2025, 9, 2)
    # A bracketed word opening a sentence is not a category: the line is a sentence.
    assert line_date("2025/09/02 【続報】橋の点検で通行止めが続いている。") is None


def test_the_date_line_above_the_title_dates_the_article_before_any_card_date(tmp_path: Path) -> None:
    page = "配信日 2025年09月02日　【まち・くらし】\n" + UNDATED_DIGEST.replace(
        "さらに読む ⇒", "2025年09月04日\nさらに読む ⇒")
    result = _import(tmp_path, "page.txt", page)
    assert result.article.date == dt.date(2025, 9, 2)
    assert [(item.rule, item.debris) for item in result.report.dropped if item.line.number == 1] == [
        ("article-date", False)]


# --- Ad cards: an ad's title may be its offer, over a summary about yet another thing -------------

MUSEUM_PAGE = [
    "県立博物館の恐竜展、開幕から1か月で10万人", "恐竜の化石を集めた特別展が、県立博物館で開かれています。",
    "展示の目玉", "何が見られる？", "全長12メートルの全身骨格", "国内で見つかった化石を中心に、40点余りが並びます。",
    "今年の夏休みは全国から家族連れが訪れ、人気の展示になっています。",
    "子どもたちが骨格の前で足を止め、熱心に説明を読んでいました。",
]


def test_an_ad_whose_title_is_an_offer_over_an_unrelated_summary_is_flagged() -> None:
    # The summary and the title share only generic words with the page (今年, 夏休み, 全国, 人気,
    # 家族連れ); the offer is in the title alone (人気, ランキング, 比較).
    summary = ["新しい電動歯ブラシが今年発売され、家族連れの間で話題になっている。",
               "量販店では初日に品薄となり、次の入荷は来月になる見込みだ。"]
    assert is_off_topic("今年の夏休み、全国で人気の温泉ランキング 料金も比較", summary, MUSEUM_PAGE[2:],
                        MUSEUM_PAGE, topic=[MUSEUM_PAGE[0], *MUSEUM_PAGE[2:5]])


def test_a_paraphrased_real_card_with_one_offer_word_in_its_title_stays_real() -> None:
    # Worded unlike the page (a seventh of its pairs are the page's), with '人気' in the title.
    summary = ["骨格の組み立てには、博物館の研究者と学生が半年をかけた。",
               "来場者の声を受けて、夜間の開館も検討されている。"]
    assert not is_off_topic("恐竜展、人気の全身骨格はこうして組まれた", summary, MUSEUM_PAGE[2:],
                            MUSEUM_PAGE, topic=[MUSEUM_PAGE[0], *MUSEUM_PAGE[2:5]])


def test_the_warning_says_the_offer_is_in_the_title() -> None:
    page = PageBigrams(enumerate(MUSEUM_PAGE))
    reason = off_topic_reason("今年の夏休み、全国で人気の温泉ランキング 料金も比較",
                              ["新しい電動歯ブラシが今年発売され、家族連れの間で話題になっている。",
                               "量販店では初日に品薄となり、次の入荷は来月になる見込みだ。"],
                              MUSEUM_PAGE[2:], page, topic=[MUSEUM_PAGE[0], *MUSEUM_PAGE[2:5]])
    assert reason == ("it reads as an ad (score 3.75, flagged from 2): 3 offer words in its title +2.25, its summary "
                      "shares 0.10 of its words with the page +1, its summary is about something else than its title +0.5")


# --- Saved HTML: a heading element is evidence of a heading ---------------------------------------

def test_the_html_reader_says_which_lines_are_heading_elements() -> None:
    report = ImportReport("page.html")
    lines = read_html("<article><h1>題名</h1><p>本文です。</p><h2>見出し</h2><h3>小見出し<br>二行目</h3></article>", report)
    assert [(line.text, line.heading) for line in lines] == [
        ("題名", True), ("本文です。", False), ("見出し", True), ("小見出し", True), ("二行目", False)]


BLOG_PAGE = """<html><head><title>川の清掃に300人</title></head><body><article>
<h1>川の清掃に300人、ごみの量は減ったのか？</h1><p>公開日：2025/10/05</p>
<p>毎年秋に開かれる川の清掃活動に、今年は約300人が参加しました。活動の成果をまとめました。</p>
<h2>今年の清掃活動</h2><p>Q. 集まったごみはどれくらい？</p><p>A. 軽トラック5台分</p>
<div class="card"><p>川の一斉清掃、300人が参加</p><p>2025年10月4日</p><ul>
<li>◆ 市民団体の呼びかけで、河川敷のごみを集める活動が行われた。</li>
<li>◆ 集まったごみは軽トラック5台分で、昨年より少なかった。</li></ul>
<p><a href="https://city-news.example.jp/river/300">元記事を読む ⇒</a> 市民ニュース</p></div>
<p>ごみが減ったのは、うれしい変化ですね。</p>
<h2>これからの課題</h2>
<p>ただ、上流から流れてくるプラスチックごみは今も多いといいます。</p>
<p>流域の市町が一緒に取り組む仕組みづくりが求められています。</p>
<p>回収にかかる費用も、年々ふくらんでいるそうです。</p>
<p>川をきれいに保つには、ごみを出さない工夫も欠かせません。</p>
<div class="summary"><p>まとめ</p><ul><li>◎ 清掃活動に約300人が参加した。</li><li>◎ ごみの量は昨年より減った。</li></ul></div>
</article></body></html>"""


def test_a_last_heading_element_over_body_text_and_no_card_is_a_section(tmp_path: Path) -> None:
    article = _import(tmp_path, "page.html", BLOG_PAGE).article
    assert isinstance(article, DigestArticle)
    assert [(section.heading, section.question, len(section.sources)) for section in article.sections] == [
        ("今年の清掃活動", "集まったごみはどれくらい？", 1), ("これからの課題", None, 0)]
    # Without the markup the line's words alone read it as one more remark on the card before it.
    assert article.sections[1].body[:2] == ("ただ、上流から流れてくるプラスチックごみは今も多いといいます。",
                                            "流域の市町が一緒に取り組む仕組みづくりが求められています。")


def test_the_same_page_as_a_text_dump_keeps_its_text(tmp_path: Path) -> None:
    """Without the markup the same line has only its words to go by; nothing is lost either way."""
    page = BLOG_PAGE
    for tag in ("h1", "h2", "p", "li", "ul", "div", "article"):
        page = page.replace(f"</{tag}>", "\n")
    text = re.sub(r"<[^>]+>", "", page)
    article = _import(tmp_path, "page.txt", text).article
    assert isinstance(article, DigestArticle)
    texts = "\n".join(str(value) for _, value in iter_text_fields(article))
    assert "流域の市町が一緒に取り組む仕組みづくりが求められています。" in texts
    assert "これからの課題" in texts
