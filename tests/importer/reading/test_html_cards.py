"""Source cards in saved HTML: a link around a card, a link line made from a bare label, a figure quoting an article, the publisher beside the link."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of as _digest
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)


def _lines(markup: str) -> list[str]:
    return [line.text for line in read_html(markup, ImportReport("page.html"))]


def _import(tmp_path: Path, markup: str, name: str = "page.html") -> ImportResult:
    page = tmp_path / name
    page.write_text(markup, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from=name, import_day=IMPORT_DAY)


def _page(body: str, title: str = "山あいの村で路線バス再開　住民の足が戻る") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}｜里山ニュース</title></head>"
            f"<body><main><article>{body}</article></main><footer>© 里山ニュース</footer></body></html>")


def _section(heading: str, question: str, answer: str, card: str, remark: str) -> str:
    return f"<h2>{heading}</h2><p>{question}</p><p>{answer}</p>{card}<p>{remark}</p>"


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


def test_lines_of_a_br_body_carry_their_own_source_lines() -> None:
    lines = read_html("<div>一行目です。<br>\n二行目です。<br>\n<b>三行目</b><br>\n四行目です。</div>", ImportReport("p.html"))
    assert [(line.number, line.text) for line in lines] == [
        (1, "一行目です。"), (2, "二行目です。"), (3, "三行目"), (4, "四行目です。")]


def test_a_link_around_a_rank_and_a_title_is_a_list_entry_not_a_card() -> None:
    markup = _page("<p>村の路線バスが戻りました。</p><ol><li><a href='https://toge.example.jp/r/1'><span>1位</span>"
                   "<span>村営バスの時刻表</span></a></li></ol>")
    assert _lines(markup) == ["村の路線バスが戻りました。", "1. 1位村営バスの時刻表"]


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


_FIGURE_CARD = """<html><body><main>
<h1>港町の朝市が100周年</h1>
<p>港町の朝市が今年で100周年を迎えました。</p>
<figure class="photo"><img src="/p.jpg" alt=""><figcaption>朝市の様子（撮影：編集部）</figcaption></figure>
<figure class="q"><img src="/t.jpg" alt=""><figcaption>
<p>朝市が100周年、記念式典に300人</p>
<p>2025年5月10日</p>
<p>・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。</p>
<p><a href="https://minato.example.jp/news/100th">元記事を読む → 港町新聞</a></p>
</figcaption></figure>
</main></body></html>"""


def test_a_figcaption_of_lines_with_a_web_link_is_a_quoted_card_not_a_photo_caption() -> None:
    lines = _lines(_FIGURE_CARD)
    assert "朝市の様子（撮影：編集部）" not in lines
    assert lines[lines.index("朝市が100周年、記念式典に300人"):] == [
        "朝市が100周年、記念式典に300人",
        "2025年5月10日",
        "・朝市の開設100周年を祝う式典が開かれ、約300人が参加した。",
        "元記事を読む → 港町新聞 https://minato.example.jp/news/100th",
    ]


def test_the_url_printed_under_a_link_line_that_carries_it_is_read_into_that_line() -> None:
    report = ImportReport("page.html")
    url = "https://sanin.example.jp/articles/7781"
    markup = _page("<p>村のバスが戻りました。</p><div class='ln'><span>▶</span> <a href='" + url + "'>記事の続き</a>"
                   "〔山陰新報〕<br>\n" + url + "</div><p>次の便は9時です。</p>"
                   "<p><a href='https://sanin.example.jp/a/1'>記事の続き</a><br>https://sanin.example.jp/a/2</p>")
    lines = [line.text for line in read_html(markup, report)]
    assert lines == ["村のバスが戻りました。", "▶ 記事の続き〔山陰新報〕 " + url, "次の便は9時です。",
                     "記事の続き", "https://sanin.example.jp/a/2"]
    assert [(item.line.text, item.debris) for item in report.dropped if item.rule == "printed-link-url"] == [
        (url, False)]


_PREVIEW_CARD = ("<figure class='wp-embed'><a class='preview' href='https://toge.example.jp/n/20'>"
                 "<div class='preview-text'><div class='preview-heading'>村営バス、4月から毎日運行に</div>"
                 "<div class='preview-source'><img src='https://toge.example.jp/icon.png' alt=''>"
                 "<span class='preview-author'>峠新報</span> <span>2025/04/02</span></div></div>"
                 "<div class='preview-image'><img src='/t.jpg' alt=''></div></a></figure>")


def test_a_link_preview_of_a_title_and_a_named_source_is_a_card_whose_summary_is_the_list_after_it() -> None:
    lines = _lines(f"<main><p>村の足が戻りました。</p>{_PREVIEW_CARD}<ul><li>平日だけだった便を土日にも広げる。</li>"
                   "<li>運賃は一律200円のまま据え置く。</li></ul><p>便利になりそうです。</p></main>")
    assert lines == ["村の足が戻りました。", "村営バス、4月から毎日運行に", "・平日だけだった便を土日にも広げる。",
                     "・運賃は一律200円のまま据え置く。", "→ 峠新報 2025/04/02 https://toge.example.jp/n/20",
                     "便利になりそうです。"]


def test_a_link_preview_with_no_list_after_it_closes_where_it_stands() -> None:
    lines = _lines(f"<main>{_PREVIEW_CARD}<p>便利になりそうです。</p></main>")
    assert lines == ["村営バス、4月から毎日運行に", "→ 峠新報 2025/04/02 https://toge.example.jp/n/20",
                     "便利になりそうです。"]


def test_a_link_around_a_title_and_a_bare_date_is_a_list_entry_not_a_card() -> None:
    lines = _lines("<main><a href='https://toge.example.jp/n/21'><div><div>村営バスの時刻表</div>"
                   "<div>2025/04/02</div></div><div><img src='/t.jpg' alt=''></div></a></main>")
    assert lines == ["村営バスの時刻表", "2025/04/02"]


def test_a_cited_publisher_after_the_printed_url_of_a_link_line_goes_before_the_url() -> None:
    assert _lines("<main><p><a href='https://toge.example.jp/n/30'>続きを読む → https://toge.example.jp/n/30</a> "
                  "<cite>峠新報</cite></p></main>") == ["続きを読む → 峠新報 https://toge.example.jp/n/30"]
    assert _lines("<p>村の資料は https://mura.example.jp/ にあります。出典は <cite>村史</cite></p>") == [
        "村の資料は https://mura.example.jp/ にあります。出典は 村史"]


def test_a_link_preview_the_page_closes_with_its_own_link_line_gets_none_and_its_host_line_is_not_a_line() -> None:
    lines = _lines("<main><p>公開日：2025/04/02</p><div class='embed'><a href='https://toge.example.jp/n/50'>"
                   "<div><h4>村営バス、4月から毎日運行に</h4><p>・平日だけだった便を土日にも広げる。</p>"
                   "<p>toge.example.jp</p></div></a></div>"
                   "<p>続きを読む → 峠新報 <a href='https://toge.example.jp/n/50'>https://toge.example.jp/n/50</a></p>"
                   "</main>")
    assert lines == ["公開日：2025/04/02", "村営バス、4月から毎日運行に", "・平日だけだった便を土日にも広げる。",
                     "続きを読む → 峠新報 https://toge.example.jp/n/50"]


def test_a_link_cards_host_under_its_source_line_leaves_the_source_line_its_meta() -> None:
    card = ("<a href='https://minato.example.jp/n/31' class='preview'><div><h4>港の朝市、日曜も開催へ</h4>"
            "<p>漁協は日曜の朝市を7月から始めると発表した。</p><p>みなと日報 | 2024/8/3</p>"
            "<p>minato.example.jp</p></div></a>")
    page = f"<html><body><main><p>本文です。</p>{card}<p>次の段落です。</p></main></body></html>"
    lines = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert lines[1:4] == ["港の朝市、日曜も開催へ", "・漁協は日曜の朝市を7月から始めると発表した。",
                          "→ みなと日報 | 2024/8/3 https://minato.example.jp/n/31"]
