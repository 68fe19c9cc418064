"""General rules of saved HTML pages that held-out batch 9 showed missing, each on made-up markup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle, EncyclopediaArticle
from kiku.importer.grammar.dates import line_date
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)


def _lines(markup: str) -> list[str]:
    return [line.text for line in read_html(markup, ImportReport("page.html"))]


def _import(tmp_path: Path, markup: str, name: str = "page.html") -> ImportResult:
    page = tmp_path / name
    page.write_text(markup, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, import_day=IMPORT_DAY)


def _digest(result: ImportResult) -> DigestArticle:
    assert isinstance(result.article, DigestArticle)
    return result.article


def _page(body: str, title: str = "山あいの村で路線バス再開　住民の足が戻る") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}｜里山ニュース</title></head>"
            f"<body><main><article>{body}</article></main><footer>© 里山ニュース</footer></body></html>")


def _section(heading: str, question: str, answer: str, card: str, remark: str) -> str:
    return f"<h2>{heading}</h2><p>{question}</p><p>{answer}</p>{card}<p>{remark}</p>"


# --- A link label after the publisher and date: the card's link line, its URL in the href -----------

def test_a_read_more_label_after_the_publisher_and_date_is_the_card_link_line() -> None:
    lines = _lines("<div><p>峠新報　2025/05/02　<a href='https://toge.example.jp/n/8'>続きを読む »</a></p></div>")
    assert lines == ["続きを読む » 峠新報\u30002025/05/02 https://toge.example.jp/n/8"]


def test_a_bare_label_or_arrow_link_gets_an_arrow_and_the_url() -> None:
    assert _lines("<p><a href='https://toge.example.jp/n/9'>元記事</a></p>") == [
        "元記事 → https://toge.example.jp/n/9"]
    assert _lines("<p>谷間タイムス／2025年5月3日 <a href='https://tanima.example.jp/a'>&gt;&gt;</a></p>") == [
        ">> 谷間タイムス／2025年5月3日 https://tanima.example.jp/a"]


def test_a_link_whose_text_names_its_target_or_stands_in_a_sentence_is_left_alone() -> None:
    assert _lines("<p>峠新報　<a href='https://toge.example.jp/n/8'>路線バス再開の記事</a></p>") == [
        "峠新報\u3000路線バス再開の記事"]
    assert _lines("<p>詳しい時刻表は村のサイトにあります。<a href='https://mura.example.jp/'>続きを読む</a></p>") == [
        "詳しい時刻表は村のサイトにあります。続きを読む"]


# --- A card that is one link: each part a line, the summary bulleted, the meta line the link line ----

AMP_CARD = ("<a class='tile' href='https://toge.example.jp/n/10'><span class='t'>村営バス、4月から毎日運行に</span>"
            "<span class='s'>平日だけだった便を土日にも広げる。</span><span class='s'>運賃は一律200円のまま据え置く。</span>"
            "<span class='m'><span>峠新報</span> <time datetime='2025-04-02T10:00:00+09:00'>4月2日 10:00</time>"
            "</span></a>")


def test_a_link_around_a_card_reads_as_title_bullets_and_link_line() -> None:
    assert _lines(f"<div>{AMP_CARD}</div>") == [
        "村営バス、4月から毎日運行に", "・平日だけだった便を土日にも広げる。", "・運賃は一律200円のまま据え置く。",
        "→ 峠新報 2025/04/02 https://toge.example.jp/n/10"]


def test_a_link_around_a_card_without_a_meta_line_gets_a_link_line_of_its_own() -> None:
    lines = _lines("<a href='https://toge.example.jp/n/11'><b>村営バス、4月から毎日運行に</b>"
                   "<span>平日だけだった便を土日にも広げる。</span></a>")
    assert lines == ["村営バス、4月から毎日運行に", "・平日だけだった便を土日にも広げる。", "→ https://toge.example.jp/n/11"]


def test_a_link_around_one_text_is_an_ordinary_link() -> None:
    assert _lines("<p><a href='https://toge.example.jp/'><span>峠新報のトップへ</span></a></p>") == ["峠新報のトップへ"]


# --- <time datetime>: the machine date where the visible one gives no year ----------------------------

def test_a_time_without_a_year_in_a_meta_line_is_written_as_its_machine_date() -> None:
    assert _lines("<p>峠新報 <time datetime='2025-04-02T10:00'>4月2日 10:00</time></p>") == ["峠新報 2025/04/02"]


def test_a_time_with_its_year_or_inside_a_sentence_keeps_its_visible_text() -> None:
    assert _lines("<p><time datetime='2025-04-02'>2025年4月2日（水）</time></p>") == ["2025年4月2日（水）"]
    sentence = ("<p>村は<time datetime='2025-04-02'>2日</time>、バスの運行を毎日に広げると発表し、"
                "住民向けの説明会も開いた。</p>")
    assert _lines(sentence) == ["村は2日、バスの運行を毎日に広げると発表し、住民向けの説明会も開いた。"]


def test_a_weekday_word_and_a_morning_time_after_a_date_keep_it_a_date_line() -> None:
    assert line_date("掲載 2025年3月19日 水曜 午前9時") == dt.date(2025, 3, 19)
    assert line_date("2025年3月19日水曜日 午後3時30分") == dt.date(2025, 3, 19)


# --- Ads the page marks: kept as cards inside the article, flagged; the page's mark weighs strongly ---

def _card(title: str, bullets: tuple[str, ...], publisher: str, url: str, attributes: str = "",
          label: str = "") -> str:
    items = "".join(f"<li>{bullet}</li>" for bullet in bullets)
    return (f"<div class='src'{attributes}>{label}<p>{title}</p><ul>{items}</ul>"
            f"<p>{publisher}　2025/04/01　<a href='{url}'>記事を読む →</a></p></div>")


REAL = _card("村営バス、4月から毎日運行に", ("平日だけだった便を土日にも広げる。", "運賃は一律200円のまま据え置く。"),
             "峠新報", "https://toge.example.jp/n/12")
# A real card worded unlike its section: the text alone could take it for an ad.
UNLIKE = _card("「通院が楽に」高齢者の声", ("病院へ通う日を選ばなくてよくなったと話す80代の女性。", "家族の送り迎えも減った。"),
               "谷間タイムス", "https://tanima.example.jp/a/3")


def _ad(attributes: str = "", label: str = "") -> str:
    return _card("村のバス旅に　全国の人気宿を比較", ("今なら予約で最大5000円引き。", "会員登録で送料無料のギフトも。"),
                 "旅ナビ", "https://tabi.example.jp/lp?ad=1", attributes, label)


def _ad_page(ad: str) -> str:
    return _page("<h1>山あいの村で路線バス再開　住民の足が戻る</h1><p>公開日：2025/04/03</p>"
                 "<p>廃止された路線バスが、村の運営で戻ってきました。利用は順調です。</p>"
                 + _section("毎日走るようになった", "いつから毎日？", "4月から土日も", REAL, "週末の買い物も便利になりそうです。")
                 + _section("住民の声は", "利用者はどう感じている？", "通院が楽になった", UNLIKE + ad,
                            "高齢の住民には欠かせない足です。"))


def _flags(tmp_path: Path, ad: str) -> list[tuple[str, bool]]:
    article = _digest(_import(tmp_path, _ad_page(ad)))
    return [(card.url, card.off_topic) for section in article.sections for card in section.sources]


def test_a_card_marked_by_data_ad_an_ad_class_or_a_sponsor_label_is_kept_and_flagged(tmp_path: Path) -> None:
    expected = [("https://toge.example.jp/n/12", False), ("https://tanima.example.jp/a/3", False),
                ("https://tabi.example.jp/lp?ad=1", True)]
    assert _flags(tmp_path, _ad(" data-ad='native'")) == expected
    assert _flags(tmp_path, _ad(" class='src ad'")) == expected
    assert _flags(tmp_path, _ad(label="<p>スポンサー</p>")) == expected


def test_a_sponsor_label_inside_an_ad_card_is_dropped_as_its_label(tmp_path: Path) -> None:
    result = _import(tmp_path, _ad_page(_ad(" data-ad='1'", "<span>Sponsored</span>")))
    assert [entry.line.text for entry in result.report.dropped if entry.rule == "ad-label"] == ["Sponsored"]
    assert all("Sponsored" not in card.title for section in _digest(result).sections for card in section.sources)


def test_an_ad_slot_without_a_card_is_chrome() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p><amp-ad type='x'><div fallback>広告を読み込めません</div></amp-ad>"
                   "<div data-ad-slot='1'>おすすめの宿はこちら</div>")
    assert _lines(markup) == ["村の路線バスが戻りました。"]


def test_a_byline_marked_as_the_author_is_chrome() -> None:
    markup = _page("<p>掲載 <time datetime='2025-03-19'>2025年3月19日</time>　<span itemprop='author'>文：編集部</span></p>")
    assert _lines(markup) == ["掲載 2025年3月19日"]


# --- The title a page marks up outweighs a meta line with the lead below it -----------------------------

def test_the_marked_up_title_is_the_title_over_a_dated_byline_above_the_lead(tmp_path: Path) -> None:
    markup = _page("<h1>山あいの村で路線バス再開　住民の足が戻る</h1><p>掲載 2025年4月3日 木曜 午前9時　村の話題</p>"
                   "<p>廃止された路線バスが、村の運営で戻ってきました。利用は順調です。</p>"
                   + _section("毎日走るようになった", "いつから毎日？", "4月から土日も", REAL, "便利になりそうです。"))
    article = _digest(_import(tmp_path, markup))
    assert article.title == "山あいの村で路線バス再開　住民の足が戻る"
    assert article.date == dt.date(2025, 4, 3)


# --- A card's meta line above its bullets goes with a link that is only a label -------------------------

def test_an_old_cms_card_meta_line_joins_its_bare_link_label() -> None:
    lines = _lines("<div class='c'><b>村営バス、4月から毎日運行に</b><br><font size=2>峠新報　2025/04/02</font><br>"
                   "<font>● 平日だけだった便を土日にも広げる。</font><br><a href='https://toge.example.jp/n/13'>元記事</a></div>")
    assert lines == ["村営バス、4月から毎日運行に", "● 平日だけだった便を土日にも広げる。",
                     "元記事 → 峠新報\u30002025/04/02 https://toge.example.jp/n/13"]


def test_a_card_date_line_stays_where_it_stands() -> None:
    lines = _lines("<div><p>村営バス、4月から毎日運行に</p><p>公開日：2025年4月2日</p><p>✔ 土日にも広げる。</p>"
                   "<p><a href='https://toge.example.jp/n/14'>➡ 元記事を読む</a></p></div>")
    assert lines == ["村営バス、4月から毎日運行に", "公開日：2025年4月2日", "✔ 土日にも広げる。",
                     "➡ 元記事を読む https://toge.example.jp/n/14"]


def test_a_separator_or_an_age_after_the_publisher_is_not_its_name(tmp_path: Path) -> None:
    markup = _page("<h1>山あいの村で路線バス再開　住民の足が戻る</h1><p>公開日：2025/04/03</p>"
                   "<p>廃止された路線バスが、村の運営で戻ってきました。利用は順調です。</p>"
                   "<h2>毎日走るようになった</h2><p>いつから毎日？</p><p>4月から土日も</p>"
                   "<div><p>村営バス、4月から毎日運行に</p><ul><li>平日だけだった便を土日にも広げる。</li></ul>"
                   "<p>峠新報／2025年4月2日 <a href='https://toge.example.jp/n/15'>&gt;&gt;</a></p></div>"
                   "<div><p>運賃は200円のまま</p><ul><li>運賃は一律200円のまま据え置く。</li></ul>"
                   "<p>谷間タイムス　2日前　<a href='https://tanima.example.jp/a/4'>記事を読む →</a></p></div>"
                   "<p>週末の買い物も便利になりそうです。</p>")
    cards = _digest(_import(tmp_path, markup)).sections[0].sources
    assert [(card.publisher, card.published) for card in cards] == [
        ("峠新報", dt.date(2025, 4, 2)), ("谷間タイムス", None)]


# --- Captions of pictures and videos are chrome; a figure's caption naming a card's source is not -------

def test_a_caption_of_a_picture_or_video_is_chrome_but_not_of_a_quoted_card() -> None:
    markup = _page("<figure><img src='/a.jpg' alt=''><figcaption>▲写真はイメージです</figcaption></figure>"
                   "<figure><iframe src='https://video.example.jp/e/1'></iframe></figure>"
                   "<figure><figcaption>▲村の動画（動画サイトより）</figcaption></figure>"
                   "<figure><div><p>村営バス、毎日運行に</p></div><figcaption>出典：峠新報</figcaption></figure>")
    assert _lines(markup) == ["村営バス、毎日運行に", "出典：峠新報"]


# --- A wiki mirror: its MediaWiki boxes are chrome, its marked-up title and headings decide -----------

MIRROR = """<html><head><meta charset="utf-8"><title>峠の茶屋 - 山の百科</title></head><body>
<main><h1>峠の茶屋</h1>
<p>読み方：とうげのちゃや</p>
<div>出典: フリー百科事典『ウィキペディア（Wikipedia）』</div>
<p>最終更新：2025年5月6日 (火) 10:00 UTC</p>
<div class="hatnote">「茶屋」はこの項目へ転送されています。</div>
<table class="ambox"><tr><td>この記事には出典が不足しています。</td></tr></table>
<table class="infobox"><tr><th>所在地</th><td>山の上</td></tr></table>
<p>峠の茶屋は、峠道の頂に建つ休み処である<sup class="reference">[1]</sup>。</p>
<h2>歴史</h2><p>江戸時代から旅人を迎えてきた。</p><p>茶店</p>
<h2>脚注</h2><ol><li>^ 「峠の茶屋」山の文庫、2001年。</li></ol>
<h2>関連項目</h2><ul><li>茶店</li><li>峠</li></ul>
<div id="catlinks">カテゴリ: 茶屋 | 峠</div>
<p>この記事は、ウィキペディアの峠の茶屋 (改訂履歴) の記事を複製、再配布したものにあたり、GNU Free Documentation Licenseの下で提供されています。</p>
</main></body></html>"""


def test_a_mirror_s_boxes_are_chrome_and_its_marked_title_and_head_date_are_read(tmp_path: Path) -> None:
    result = _import(tmp_path, MIRROR, "mirror.html")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.date) == ("峠の茶屋", dt.date(2025, 5, 6))
    # Under marked-up headings, the short items of a list are not headings (関連項目 is back matter).
    assert [section.heading for section in article.sections] == ["歴史"]
    assert article.lead == "峠の茶屋は、峠道の頂に建つ休み処である[1]。"
    assert article.sections[0].body == ("江戸時代から旅人を迎えてきた。", "茶店")
    rules = {entry.line.text: entry.rule for entry in result.report.dropped}
    assert rules["「茶屋」はこの項目へ転送されています。"] == "wiki-notice"
    assert rules["この記事には出典が不足しています。"] == "wiki-notice"
    assert rules["カテゴリ: 茶屋 | 峠"] == "wiki-categories"
    assert rules["読み方：とうげのちゃや"] == "dictionary-header"


# --- A body of <br> lines: each line is numbered by its own line in the file ---------------------------

def test_lines_of_a_br_body_carry_their_own_source_lines() -> None:
    lines = read_html("<div>一行目です。<br>\n二行目です。<br>\n<b>三行目</b><br>\n四行目です。</div>", ImportReport("p.html"))
    assert [(line.number, line.text) for line in lines] == [
        (1, "一行目です。"), (2, "二行目です。"), (3, "三行目"), (4, "四行目です。")]


def test_a_link_around_a_rank_and_a_title_is_a_list_entry_not_a_card() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p><ol><li><a href='https://toge.example.jp/r/1'><span>1位</span>"
                   "<span>村営バスの時刻表</span></a></li></ol>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "1. 1位村営バスの時刻表"]



def test_a_schema_org_date_without_a_visible_year_is_written_as_its_content_date() -> None:
    assert _lines("<p>配信 <span itemprop='datePublished' content='2025-04-02T09:00'>4月2日</span></p>") == [
        "配信 2025/04/02"]
    assert _lines("<p>配信 <span itemprop='name' content='2025-04-02'>4月2日</span></p>") == ["配信 4月2日"]


def test_a_source_line_whose_publisher_is_the_link_carries_the_card_url(tmp_path: Path) -> None:
    card = ("<div><p>村営バス、4月から毎日運行に</p><ul><li>平日だけだった便を土日にも広げる。</li></ul>"
            "<p>出典：<a href='https://toge.example.jp/n/16'>峠新報</a>（2025/04/02）</p></div>")
    markup = _page("<h1>山あいの村で路線バス再開　住民の足が戻る</h1><p>公開日：2025/04/03</p>"
                   "<p>廃止された路線バスが、村の運営で戻ってきました。利用は順調です。</p>"
                   + _section("毎日走るようになった", "いつから毎日？", "4月から土日も", card, "便利になりそうです。"))
    cards = _digest(_import(tmp_path, markup)).sections[0].sources
    assert [(card.url, card.publisher, card.published) for card in cards] == [
        ("https://toge.example.jp/n/16", "峠新報", dt.date(2025, 4, 2))]
    assert _lines("<div><p>出典: フリー百科事典『ウィキペディア（Wikipedia）』 <a href='https://ja.wikipedia.org/'>"
                  "ウィキペディア</a></p></div>") == ["出典: フリー百科事典『ウィキペディア（Wikipedia）』 ウィキペディア"]


def test_a_card_with_a_sponsor_label_among_its_parts_is_an_ad(tmp_path: Path) -> None:
    on_topic = _card("村営バス、春の臨時便", ("春休みに合わせて、村営バスが臨時便を走らせる。",), "峠新報",
                     "https://toge.example.jp/n/17")
    assert _flags(tmp_path, on_topic)[-1] == ("https://toge.example.jp/n/17", False)
    labelled = on_topic.replace("</ul>", "</ul><span>PR</span>", 1)
    assert _flags(tmp_path, labelled)[-1] == ("https://toge.example.jp/n/17", True)


# --- The site's small print: a back-to-top link, a copyright block --------------------------------------

def test_a_line_that_is_only_a_link_within_the_page_is_chrome_but_not_a_footnote_mark() -> None:
    markup = _page("<p>村の路線バスが戻りました<span><a href='#cite_note-10'>[10]</a></span>。</p>"
                   "<center><font size='2'><a href='#top'>▲このページの上へ</a></font></center>"
                   "<ol><li><span><a href='#cite_ref-10'>^</a></span> 村の広報、2025年。</li></ol>")
    assert _lines(markup) == ["村の路線バスが戻りました[10]。", "1. ^ 村の広報、2025年。"]


def test_a_short_block_with_a_copyright_line_is_chrome_with_its_counter() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p><center><font size='1'>あなたは 0012 人目の訪問者です<br>"
                   "Copyright (C) 2004-2025 Sato News. All Rights Reserved.</font></center>"
                   "<p>写真の説明です。© 村役場の提供写真を使っています。</p>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "写真の説明です。© 村役場の提供写真を使っています。"]
