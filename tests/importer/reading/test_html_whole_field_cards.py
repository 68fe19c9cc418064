"""A whole card printed as one list of labelled fields (title, source, date, summary, link) reads as its
text dump's card; a term may head several values, a value may have lost its term, and a list of facts
with a link stays as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from kiku.importer.reading.cards.markup.field_lists import whole_card
from kiku.importer.reading.html.page import read_html
from kiku.importer.report import ImportReport
from tests.support.importing import digest_of, import_text


def _group(term: str, *values: str) -> str:
    return f"<dt>{term}</dt>" + "".join(f"<dd>{value}</dd>" for value in values)


def _list(*groups: str, classes: str = "q8Lm") -> str:
    return f"<dl class='{classes}'>{''.join(groups)}</dl>"


_FERRY = _list(_group("記事名", "離島フェリー、冬ダイヤで1日2往復に　燃料高で減便"),
               _group("媒体", "潮騒ニュース"), _group("更新", "H31/3/28"),
               _group("あらまし", "運航会社は12月から便数を減らすと発表した。燃料費の高騰が理由だという。"),
               _group("元記事", "<a href='https://shiosai.example.jp/a/88'>https://shiosai.example.jp/a/88</a>"))


def test_a_field_list_holding_a_whole_card_reads_as_title_summary_and_link_line() -> None:
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{_FERRY}</main></body></html>", report)]
    assert lines == ["離島フェリー、冬ダイヤで1日2往復に　燃料高で減便",
                     "・運航会社は12月から便数を減らすと発表した。燃料費の高騰が理由だという。",
                     "→ 潮騒ニュース H31/3/28 https://shiosai.example.jp/a/88"]
    assert [item.line.text for item in report.dropped if item.rule == "card-field-label"] == [
        "記事名", "媒体", "更新", "あらまし", "元記事"]


def test_a_whole_card_whose_terms_and_values_are_grouped_in_divs_reads_the_same() -> None:
    grouped = _FERRY.replace("<dt>", "<div><dt>").replace("</dd><div>", "</dd></div><div>").replace("</dd></dl>",
                                                                                                    "</dd></div></dl>")
    assert grouped.count("<div>") == 5
    lines = [line.text for line in read_html(f"<html><body><main>{grouped}</main></body></html>", ImportReport("p"))]
    assert lines[-1] == "→ 潮騒ニュース H31/3/28 https://shiosai.example.jp/a/88"


def test_a_list_of_facts_with_a_link_and_no_title_or_source_stays_as_labelled_lines() -> None:
    facts = _list(_group("概要", "島の港は朝6時に開く。売店もある。"),
                  _group("公式", "<a href='https://minato.example.jp/'>https://minato.example.jp/</a>"))
    lines = [line.text for line in read_html(f"<html><body><main>{facts}</main></body></html>", ImportReport("p"))]
    assert lines == ["概要：島の港は朝6時に開く。売店もある。", "公式：https://minato.example.jp/"]


PAGE = """<html><head><meta charset="utf-8"><title>離島の足はどうなる</title></head><body><main><article>
<h1>離島フェリーが冬ダイヤに　島の暮らしへの影響は</h1>
<p>公開 2025年12月2日</p>
<p>離島を結ぶフェリーが、燃料費の高騰を理由に冬の便を減らします。</p>
<h2>何が変わる？</h2>
<p>便はどれだけ減るの？</p>
<p>1日3往復から2往復に</p>
{untitled}
<p>通院の予定が組みにくくなりそうです。</p>
<h2>島の声は？</h2>
<p>住民はどう受け止めている？</p>
<p>買い物や通院に不安の声</p>
{titled}
{sponsored}
<p>冬の間だけでも、臨時便があると助かりますね。</p>
<p>町は運航会社と協議を続けるとしています。</p>
</article></main></body></html>"""


def test_a_page_of_whole_field_list_cards_reads_each_card_and_the_sponsored_one(tmp_path: Path) -> None:
    untitled = _list(_group("掲載", "2025.11.28"),
                     _group("ポイント", "◎ 運航会社は冬の間、1日2往復に減らす。", "◎ 燃料費の高騰が続いているためだ。"),
                     _group("提供元", "潮騒ニュース",
                            "<a href='https://shiosai.example.jp/a/90'>https://shiosai.example.jp/a/90</a>"))
    titled = _list(_group("見出し", "減便に島民「通院どうすれば」　町が臨時便を要望"), _group("掲載", "2025.11.30"),
                   _group("ポイント", "◎ 島の住民から通院や買い物への影響を心配する声が出ている。"),
                   _group("提供元", "みなと日報",
                          "<a href='https://minato-nippo.example.jp/n/5'>https://minato-nippo.example.jp/n/5</a>"))
    sponsored = _list("<dt>広告</dt><dd><a href='https://tabi.example.com/lp?id=7'>冬の島旅、いまなら宿泊半額　"
                      "先着100名</a></dd>",
                      _group("ポイント", "◎ 予約はかんたん1分。", "◎ 今だけポイント10倍。"), _group("提供元", "たびナビ"),
                      classes="q8Lm sponsored")
    article = digest_of(import_text(tmp_path, "page.html", PAGE.format(untitled=untitled, titled=titled,
                                                                        sponsored=sponsored)))
    assert [section.heading for section in article.sections] == ["何が変わる？", "島の声は？"]
    cards = [(card.title, card.publisher, card.published, card.url, card.off_topic)
             for section in article.sections for card in section.sources]
    assert cards == [
        (None, "潮騒ニュース", dt.date(2025, 11, 28), "https://shiosai.example.jp/a/90", False),
        ("減便に島民「通院どうすれば」　町が臨時便を要望", "みなと日報", dt.date(2025, 11, 30),
         "https://minato-nippo.example.jp/n/5", False),
        ("冬の島旅、いまなら宿泊半額　先着100名", "たびナビ", None, "https://tabi.example.com/lp?id=7", True)]
    assert article.sections[0].sources[0].summary == ("運航会社は冬の間、1日2往復に減らす。", "燃料費の高騰が続いているためだ。")


def test_a_name_beside_the_link_label_in_one_value_is_the_cards_publisher() -> None:
    card = _list(_group("記事名", "離島フェリー、冬ダイヤで1日2往復に　燃料高で減便"), _group("日付", "2025/11/28"),
                 _group("要旨", "◎ 運航会社は冬の間、1日2往復に減らす。"),
                 _group("出典", "潮騒ニュース　<a href='https://shiosai.example.jp/a/88'>続きを読む ›</a>"))
    lines = [line.text for line in read_html(f"<html><body><main>{card}</main></body></html>", ImportReport("p"))]
    assert lines == ["離島フェリー、冬ダイヤで1日2往復に　燃料高で減便", "◎ 運航会社は冬の間、1日2往復に減らす。",
                     "→ 潮騒ニュース 2025/11/28 https://shiosai.example.jp/a/88"]


def test_a_publisher_linked_to_its_sites_front_page_is_the_source_not_the_cards_link() -> None:
    card = _FERRY.replace("<dd>潮騒ニュース</dd>", "<dd><a href='https://shiosai.example.jp/'>潮騒ニュース</a></dd>")
    lines = [line.text for line in read_html(f"<html><body><main>{card}</main></body></html>", ImportReport("p"))]
    assert lines[-1] == "→ 潮騒ニュース H31/3/28 https://shiosai.example.jp/a/88"


def test_summary_lines_broken_by_br_in_one_value_are_each_a_bullet() -> None:
    card = _FERRY.replace("運航会社は12月から便数を減らすと発表した。燃料費の高騰が理由だという。",
                          "◎ 運航会社は12月から便数を減らすと発表した。<br>◎ 燃料費の高騰が理由だという。")
    lines = [line.text for line in read_html(f"<html><body><main>{card}</main></body></html>", ImportReport("p"))]
    assert lines[1:3] == ["◎ 運航会社は12月から便数を減らすと発表した。", "◎ 燃料費の高騰が理由だという。"]


def test_a_short_headline_first_among_the_fields_is_the_title_not_a_name() -> None:
    url = "https://www.minatomachi.example.lg.jp/asaichi/"
    fields = (f"<dl><dt>タイトル</dt><dd>港の朝市の開催案内</dd><dt>リンク</dt><dd><a href='{url}'>{url}</a></dd>"
              "<dt>発信元</dt><dd>港町役場</dd><dt>説明</dt><dd>朝市の日程と場所をまとめている。</dd></dl>")
    lines = [line.text for line in read_html(f"<html><body><main><p>港の話題です。</p>{fields}</main></body></html>",
                                             ImportReport("page.html"))]
    assert lines[1:] == ["港の朝市の開催案内", "・朝市の日程と場所をまとめている。", f"→ 港町役場 {url}"]


def test_a_name_behind_its_label_leaves_the_headline_among_the_other_names_the_title() -> None:
    # The source's value carries its own label ('協賛：…'); the headline, short enough to be a name, is printed
    # after it: it is still the card's title, not a second name on the link line.
    sponsored = _list(_group("発信", "協賛：みなとベーカリー"), _group("日付", "2025.11.03"),
                      _group("題", "焼きたてパンの定期便"),
                      _group("紹介", "毎週届く焼きたてパン。初回は半額です。"),
                      _group("URL", "<a href='https://bakery.example.jp/lp'>https://bakery.example.jp/lp</a>"))
    lines = [line.text for line in read_html(f"<html><body><main>{sponsored}</main></body></html>", ImportReport("p"))]
    assert lines == ["焼きたてパンの定期便", "・毎週届く焼きたてパン。初回は半額です。",
                     "→ 協賛：みなとベーカリー 2025.11.03 https://bakery.example.jp/lp"]


def test_a_linked_headline_with_a_stop_inside_and_its_sponsor_mark_stays_the_title() -> None:
    offer = _list(_group("広告", "<a href='https://juku.example.jp/lp?ref=x'>【PR】夏期講習、申し込むなら今。"
                                 "体験授業は無料</a>"),
                  _group("内容", "オンラインでも受講できます。"), _group("運営", "ひまわり個別塾"),
                  _group("掲載", "2025-07-01"))
    found = BeautifulSoup(offer, "html.parser").find("dl")
    card = whole_card(found, {}) if isinstance(found, Tag) else None
    assert card is not None and [text for text, _ in card.lines] == [
        "【PR】夏期講習、申し込むなら今。体験授業は無料", "・オンラインでも受講できます。",
        "→ ひまわり個別塾 2025-07-01 https://juku.example.jp/lp?ref=x"]


def test_a_value_printed_in_brackets_under_its_own_term_is_the_value() -> None:
    # The term labels the field: the bracket around all of its value is the page's print style, not a label.
    bracketed = _FERRY.replace("<dd>潮騒ニュース</dd>", "<dd>【潮騒ニュース】</dd>")
    lines = [line.text for line in read_html(f"<html><body><main>{bracketed}</main></body></html>",
                                             ImportReport("page.html"))]
    assert lines[-1] == "→ 潮騒ニュース H31/3/28 https://shiosai.example.jp/a/88"


def test_a_value_printed_in_brackets_is_read_without_them_and_accounted_for_in_the_report(tmp_path: Path) -> None:
    # The page prints the publisher in brackets under its own term: the card reads the name alone, and the
    # report says where the bracketed text went (nothing is lost silently).
    titled = _list(_group("見出し", "減便に島民「通院どうすれば」　町が臨時便を要望"), _group("掲載", "2025.11.30"),
                   _group("ポイント", "◎ 島の住民から通院や買い物への影響を心配する声が出ている。"),
                   _group("提供元", "《みなと日報》"),
                   _group("リンク", "<a href='https://minato-nippo.example.jp/n/5'>https://minato-nippo.example.jp/n/5</a>"))
    result = import_text(tmp_path, "page.html", PAGE.format(untitled="", titled=titled, sponsored=""))
    cards = [(card.publisher, card.url) for section in digest_of(result).sections for card in section.sources]
    assert cards == [("みなと日報", "https://minato-nippo.example.jp/n/5")]
    assert "[card-field-label] 《みなと日報》" in result.report.format()


def test_a_value_the_card_does_not_print_is_accounted_for_in_the_report() -> None:
    # A dash stands where the list has no date: the scorer reads no field from it, and the report says where it went.
    undated = _list(_group("記事名", "離島フェリー、冬ダイヤで1日2往復に　燃料高で減便"), _group("更新", "－"),
                    _group("媒体", "潮騒ニュース"),
                    _group("あらまし", "運航会社は12月から便数を減らすと発表した。燃料費の高騰が理由だという。"),
                    _group("元記事", "<a href='https://shiosai.example.jp/a/88'>https://shiosai.example.jp/a/88</a>"))
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{undated}</main></body></html>", report)]
    assert lines[-1] == "→ 潮騒ニュース https://shiosai.example.jp/a/88"
    assert "－" in [item.line.text for item in report.dropped if item.rule == "card-field-label"]


def test_a_value_the_card_leaves_unread_is_reported_as_read_into_it() -> None:
    # A category word under a term of its own is no title, publisher, date nor summary: the card keeps its
    # other fields and the report names the word (the scorer hands back what it leaves unread).
    tagged = _FERRY.replace(_group("媒体", "潮騒ニュース"), _group("分野", "島の暮らし") + _group("媒体", "潮騒ニュース"))
    report = ImportReport("page.html")
    lines = [line.text for line in read_html(f"<html><body><main>{tagged}</main></body></html>", report)]
    assert lines[-1] == "→ 潮騒ニュース H31/3/28 https://shiosai.example.jp/a/88"
    assert "島の暮らし" in [item.line.text for item in report.dropped if item.rule == "card-field-label"]
