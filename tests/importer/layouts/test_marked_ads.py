"""Ads marked in saved HTML: data-ad, an ad class or a sponsor label keeps the card and flags it; an empty ad slot is chrome."""

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


def test_a_card_with_a_sponsor_label_among_its_parts_is_an_ad(tmp_path: Path) -> None:
    on_topic = _card("村営バス、春の臨時便", ("春休みに合わせて、村営バスが臨時便を走らせる。",), "峠新報",
                     "https://toge.example.jp/n/17")
    assert _flags(tmp_path, on_topic)[-1] == ("https://toge.example.jp/n/17", False)
    labelled = on_topic.replace("</ul>", "</ul><span>PR</span>", 1)
    assert _flags(tmp_path, labelled)[-1] == ("https://toge.example.jp/n/17", True)


def test_a_sponsor_label_opening_an_ad_cards_source_line_keeps_the_publisher() -> None:
    # The label sits in the card's source line, beside the sponsor's name, not alone under the card's box.
    card = ("<section class='teaser'><div class='meta'><span class='tag'>広告</span> <span>みどり保険</span></div>"
            "<p><a href='https://midori-hoken.example.com/lp/bus'>通勤の事故にも備える自転車保険</a></p>"
            "<ul><li>月額150円から加入できます。</li></ul></section>")
    lines = _lines(_page(card))
    assert "みどり保険" in lines and "広告" not in lines
