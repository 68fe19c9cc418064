"""A card's source printed as a list of labelled fields at its end (a name, a date, the link) is its link line; a list of facts is not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.reading.html_page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _fields(*pairs: tuple[str, str]) -> str:
    return "<dl class='x9Qa'>" + "".join(f"<dt>{term}</dt><dd>{value}</dd>" for term, value in pairs) + "</dl>"


def _card(title: str, bullets: tuple[str, ...], fields: str) -> str:
    items = "".join(f"<li>◆ {bullet}</li>" for bullet in bullets)
    return f"<div class='k3Zp'><p>{title}</p><ul>{items}</ul>{fields}</div>"


_BUS_FIELDS = _fields(("媒体", "峠新報"), ("掲載", "2025/04/02"),
                      ("リンク", "<a href='https://toge.example.jp/n/10'>https://toge.example.jp/n/10</a>"))


def test_a_field_list_of_name_date_and_link_closing_a_card_is_its_link_line() -> None:
    report = ImportReport("page.html")
    card = _card("村営バス、4月から毎日運行に", ("平日だけだった便を土日にも広げる。",), _BUS_FIELDS)
    lines = [line.text for line in read_html(f"<html><body><main>{card}</main></body></html>", report)]
    assert lines == ["村営バス、4月から毎日運行に", "◆ 平日だけだった便を土日にも広げる。",
                     "→ 峠新報 2025/04/02 https://toge.example.jp/n/10"]
    assert [(item.rule, item.line.text) for item in report.dropped] == [
        ("card-field-label", "媒体"), ("card-field-label", "掲載"), ("card-field-label", "リンク")]


def test_a_field_list_that_is_no_cards_source_stays_as_labelled_lines() -> None:
    facts = _fields(("所在地", "山の上"), ("公式", "<a href='https://yama.example.jp/'>https://yama.example.jp/</a>"))
    sentence = _fields(("概要", "村が運行する。土日も走る。"),
                       ("リンク", "<a href='https://toge.example.jp/n/10'>https://toge.example.jp/n/10</a>"))
    page = "<html><body><main><p>茶屋は峠の頂に建つ。</p>" + "<p>旅人が休む。</p>" * 8 + facts + \
        _card("村営バス、毎日運行に", ("便を増やす。",), sentence) + "</main></body></html>"
    lines = [line.text for line in read_html(page, ImportReport("page.html"))]
    assert "所在地：山の上" in lines and "公式：https://yama.example.jp/" in lines
    assert "概要：村が運行する。土日も走る。" in lines


PAGE = """<html><head><meta charset="utf-8"><title>山あいの村で路線バス再開</title></head><body><main><article>
<h1>山あいの村で路線バス再開　住民の足が戻る</h1>
<p>公開 2025年4月3日</p>
<p>廃止されていた村のバスが、4月から再び走り始めました。</p>
<h2>何が変わる？</h2>
<p>バスは毎日走るの？</p>
<p>土日も含めて毎日</p>
{first}
<p>毎日走るのは心強いですね。</p>
{second}
<p>運転手の確保が課題になりそうです。</p>
<p>村は運転手の募集を続けています。</p>
<h2>運賃はいくら？</h2>
<p>運賃は上がるの？</p>
<p>一律200円のまま</p>
{third}
<p>据え置きはありがたいですね。</p>
</article></main></body></html>"""


def test_a_page_of_field_list_cards_reads_every_section_and_card(tmp_path: Path) -> None:
    first = _card("村営バス、4月から毎日運行に", ("平日だけだった便を土日にも広げる。", "朝夕の便を一本ずつ増やす。"),
                  _BUS_FIELDS)
    second = _card("運転手不足、村が募集へ", ("村は運転手を二人募集している。",),
                   _fields(("媒体", "谷間タイムス"),
                           ("リンク", "<a href='https://tanima.example.jp/a/3'>記事を読む</a>")))
    third = _card("村営バス運賃、200円で据え置き", ("運賃は一律200円のまま変えない。",),
                  _fields(("媒体", "峠新報"), ("掲載", "2025年4月1日"),
                          ("リンク", "<a href='https://toge.example.jp/n/11'>https://toge.example.jp/n/11</a>")))
    result = import_text(tmp_path, "page.html", PAGE.format(first=first, second=second, third=third))
    article = digest_of(result)
    assert [section.heading for section in article.sections] == ["何が変わる？", "運賃はいくら？"]
    cards = [(card.title, card.publisher, card.published, card.url)
             for section in article.sections for card in section.sources]
    assert cards == [
        ("村営バス、4月から毎日運行に", "峠新報", dt.date(2025, 4, 2), "https://toge.example.jp/n/10"),
        ("運転手不足、村が募集へ", "谷間タイムス", None, "https://tanima.example.jp/a/3"),
        ("村営バス運賃、200円で据え置き", "峠新報", dt.date(2025, 4, 1), "https://toge.example.jp/n/11")]
    first_section = article.sections[0]
    assert first_section.sources[0].comments == ("毎日走るのは心強いですね。",)
    assert [*first_section.sources[1].comments, *first_section.body] == [
        "運転手の確保が課題になりそうです。", "村は運転手の募集を続けています。"]


def _headed_card(fields: str, bullets: tuple[str, ...], url: str) -> str:
    items = "".join(f"<li>{bullet}</li>" for bullet in bullets)
    return (f"<div class='m7Rk'>{fields}<ul class='m7Rk__pts'>{items}</ul>"
            f"<div class='m7Rk__go'><a href='{url}'>続きを読む ›</a></div></div>")


def test_a_field_list_heading_a_card_is_its_title_and_meta_line_taken_onto_the_link_line() -> None:
    report = ImportReport("page.html")
    fields = _fields(("見出し", "漁港の朝市、日曜も開催へ　観光客増で"), ("掲載日", "<time datetime='2025-06-03'>6月3日</time>"),
                     ("媒体", "浜風日報"))
    card = _headed_card(fields, ("組合は日曜の朝市を7月から始める。",), "https://hamakaze.example.jp/n/7")
    lines = [line.text for line in read_html(f"<html><body><main>{card}</main></body></html>", report)]
    assert lines == ["漁港の朝市、日曜も開催へ　観光客増で", "・組合は日曜の朝市を7月から始める。",
                     "続きを読む › 浜風日報 2025/06/03 https://hamakaze.example.jp/n/7"]
    assert [(item.rule, item.line.text) for item in report.dropped] == [
        ("card-field-label", "見出し"), ("card-field-label", "掲載日"), ("card-field-label", "媒体")]


def test_a_field_list_heading_a_box_without_a_link_label_stays_as_labelled_lines() -> None:
    facts = _fields(("施設", "漁港の朝市会場と駐車場"), ("開場", "午前6時"))
    box = f"<div>{facts}<ul><li>毎週日曜に開く。</li></ul><p><a href='https://hama.example.jp/'>浜市公式サイト</a></p></div>"
    lines = [line.text for line in read_html(f"<html><body><main>{box}</main></body></html>", ImportReport("p.html"))]
    assert lines[:2] == ["施設：漁港の朝市会場と駐車場", "開場：午前6時"]


HEADED_PAGE = """<html><head><meta charset="utf-8"><title>漁港の朝市が日曜も</title></head><body><main><article>
<h1>漁港の朝市、日曜も開催へ　観光客が増えて</h1>
<p>公開 2025年6月5日</p>
<p>港町の朝市が、7月から日曜にも開かれることになりました。</p>
<h2>いつから変わる？</h2>
<p>日曜の朝市はいつから？</p>
<p>7月の第1日曜から</p>
{card}
<p>週末に行けるのはうれしいですね。</p>
</article></main></body></html>"""


def test_a_card_headed_by_a_field_list_gets_its_title_publisher_and_date(tmp_path: Path) -> None:
    fields = _fields(("見出し", "漁港の朝市、日曜も開催へ　観光客増で"), ("掲載日", "2025.06.03"), ("媒体", "浜風日報"))
    card = _headed_card(fields, ("組合は日曜の朝市を7月から始める。", "観光客が去年の1.5倍に増えた。"),
                        "https://hamakaze.example.jp/n/7")
    article = digest_of(import_text(tmp_path, "page.html", HEADED_PAGE.format(card=card)))
    [section] = article.sections
    [source] = section.sources
    assert (source.title, source.publisher, source.published, source.url) == (
        "漁港の朝市、日曜も開催へ　観光客増で", "浜風日報", dt.date(2025, 6, 3), "https://hamakaze.example.jp/n/7")
    assert source.comments == ("週末に行けるのはうれしいですね。",)
