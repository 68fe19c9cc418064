"""The ad-card decision as one score: the page's markup is one strong feature among the card's words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.layouts.ads.off_topic import AD_THRESHOLD, ad_weights, card_evidence, off_topic_reason
from kiku.importer.layouts.ads.relevance import PageBigrams
from kiku.importer.page import Line
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO

IMPORT_DAY = dt.date(2026, 3, 9)
PAGE_TITLE = "山あいの村で路線バス再開　住民の足が戻る"


def _import(tmp_path: Path, markup: str) -> ImportResult:
    page = tmp_path / "page.html"
    page.write_text(markup, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from="page.html", import_day=IMPORT_DAY)


def _card(title: str, bullets: tuple[str, ...], publisher: str, url: str, attributes: str = "") -> str:
    items = "".join(f"<li>{bullet}</li>" for bullet in bullets)
    return (f"<div class='src'{attributes}><p>{title}</p><ul>{items}</ul>"
            f"<p>{publisher}　2025/04/01　<a href='{url}'>記事を読む →</a></p></div>")


def _section(heading: str, question: str, answer: str, cards: str, remark: str) -> str:
    return f"<h2>{heading}</h2><p>{question}</p><p>{answer}</p>{cards}<p>{remark}</p>"


REAL = _card("村営バス、4月から毎日運行に", ("平日だけだった便を土日にも広げる。", "運賃は一律200円のまま据え置く。"),
             "峠新報", "https://toge.example.jp/n/12")
# A real card worded unlike its section: its words alone come close to an ad's.
UNLIKE = _card("「通院が楽に」高齢者の声", ("病院へ通う日を選ばなくてよくなったと話す80代の女性。", "家族の送り迎えも減った。"),
               "谷間タイムス", "https://tanima.example.jp/a/3")
MARKED_AD = _card("村のバス旅に　全国の人気宿を比較", ("今なら予約で最大5000円引き。", "会員登録で送料無料のギフトも。"),
                  "旅ナビ", "https://tabi.example.jp/lp?ad=1", " data-ad='native'")
# Not marked by the page: a title borrowing the page's words over a summary selling something else.
UNMARKED_AD = _card("路線バスの旅、今年の全国人気ランキング",
                    ("今なら新規会員登録で3000円分のポイントをプレゼント。", "話題の電動歯ブラシが期間限定で半額に。"),
                    "くらしモール", "https://mall.example.jp/lp/77")


def _page(first_cards: str, second_cards: str) -> str:
    body = (f"<h1>{PAGE_TITLE}</h1><p>公開日：2025/04/03</p>"
            "<p>廃止された路線バスが、村の運営で戻ってきました。利用は順調です。</p>"
            + _section("毎日走るようになった", "いつから毎日？", "4月から土日も", first_cards, "週末の買い物も便利になりそうです。")
            + _section("住民の声は", "利用者はどう感じている？", "通院が楽になった", second_cards,
                       "高齢の住民には欠かせない足です。"))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{PAGE_TITLE}｜里山ニュース</title></head>"
            f"<body><main><article>{body}</article></main><footer>© 里山ニュース</footer></body></html>")


def _flags(result: ImportResult) -> list[tuple[str, bool]]:
    assert isinstance(result.article, DigestArticle)
    return [(card.url, card.off_topic) for section in result.article.sections for card in section.sources]


def test_an_unmarked_ad_on_a_page_that_marks_its_other_ad_is_still_found(tmp_path: Path) -> None:
    result = _import(tmp_path, _page(REAL + UNMARKED_AD, UNLIKE + MARKED_AD))
    assert _flags(result) == [("https://toge.example.jp/n/12", False), ("https://mall.example.jp/lp/77", True),
                              ("https://tanima.example.jp/a/3", False), ("https://tabi.example.jp/lp?ad=1", True)]
    warnings = [warning for warning in result.report.warnings if "reads as an ad" in warning]
    assert warnings[0].startswith("sections[0].sources[1]: it reads as an ad (score ")
    assert "the page marks other cards as ads, not this one -1" in warnings[0]
    assert "2 offer words in its summary" not in warnings[0] and "offer words in its summary +" in warnings[0]
    # The marked ad's warning names the page's mark and its words, all weighed together.
    assert "the page marks the card as an ad +4" in warnings[1]
    assert "offer words in its summary +" in warnings[1]


def test_the_same_unmarked_ad_is_found_on_a_page_that_marks_nothing(tmp_path: Path) -> None:
    assert _flags(_import(tmp_path, _page(REAL + UNMARKED_AD, UNLIKE))) == [
        ("https://toge.example.jp/n/12", False), ("https://mall.example.jp/lp/77", True),
        ("https://tanima.example.jp/a/3", False)]


SECTION = ["住民の声は", "利用者はどう感じている？", "通院が楽になった", "高齢の住民には欠かせない足です。"]
TOPIC = [PAGE_TITLE, *SECTION[:3]]
# A card weighed as an ad by its words alone, but only just: a title sharing no word with the page
# over a summary that says little of it (高齢), without an offer word.
BORDERLINE_TITLE = "夜の坂道、静かな寝室へ"
BORDERLINE_SUMMARY = ["坂道の多い集落では、寝室の窓を閉めて眠る高齢の人が多い。"]


def _reason(*, page_marks_ads: bool, marked: bool = False, summary: list[str] = BORDERLINE_SUMMARY) -> str | None:
    page = PageBigrams(enumerate([PAGE_TITLE, *SECTION]))
    card_lines = [Line(90, BORDERLINE_TITLE, ad=marked)]
    return off_topic_reason(BORDERLINE_TITLE, summary, SECTION, page, card_lines, TOPIC, page_marks_ads=page_marks_ads)


def test_a_page_that_marks_its_ads_vouches_a_little_for_the_cards_it_leaves_unmarked() -> None:
    evidence = card_evidence(BORDERLINE_TITLE, BORDERLINE_SUMMARY, SECTION, PageBigrams(enumerate([PAGE_TITLE, *SECTION])),
                             (), TOPIC)
    score = sum(weight.weight for weight in ad_weights(evidence))
    assert AD_THRESHOLD <= score < AD_THRESHOLD + 1
    assert _reason(page_marks_ads=False) is not None
    assert _reason(page_marks_ads=True) is None


def test_the_page_s_mark_outweighs_a_summary_about_the_page_but_not_every_word_of_the_card() -> None:
    about_the_page = ["路線バスが戻り、高齢の住民の通院が楽になった。"]
    assert _reason(page_marks_ads=True, summary=about_the_page) is None
    marked = _reason(page_marks_ads=True, marked=True, summary=about_the_page)
    assert marked is not None and marked.startswith("it reads as an ad (score 2.5, flagged from 2): "
                                                    "the page marks the card as an ad +4, ")
    # Under a title about the page too, with not one offer word, the card's words outweigh the mark.
    page = PageBigrams(enumerate([PAGE_TITLE, *SECTION]))
    assert off_topic_reason("村の路線バス、通院の足に", about_the_page, SECTION, page, [Line(90, "村", ad=True)], TOPIC,
                            page_marks_ads=True) is None


def test_the_page_s_mark_alone_flags_a_card_without_a_summary() -> None:
    assert _reason(page_marks_ads=True, marked=True, summary=[]) == (
        "it reads as an ad (score 4, flagged from 2): the page marks the card as an ad +4")
    assert _reason(page_marks_ads=False, summary=[]) is None


# Under a title of the page's generic words, a summary that sells something twice and names none of
# the page's or its section's topic.
# (Its summary borrows the page's remarks, so its words alone read as about the page: 1.5 without it.)
GENERIC_TITLE_AD = _card("【速報】週末の買い物に宅配、今年も値上がり",
                         ("週末の買い物が便利になる宅配サービス、高齢の方にも利用は順調です。", "今なら初回の送料無料、会員登録もすぐ。"),
                         "宅配ナビ", "https://takuhai.example.jp/lp/9")


def test_an_ad_selling_what_the_page_never_names_under_its_generic_words_is_found(tmp_path: Path) -> None:
    result = _import(tmp_path, _page(REAL + GENERIC_TITLE_AD, UNLIKE))
    assert _flags(result) == [("https://toge.example.jp/n/12", False), ("https://takuhai.example.jp/lp/9", True),
                              ("https://tanima.example.jp/a/3", False)]


def test_an_ad_label_where_the_publisher_stands_is_evidence_of_an_ad() -> None:
    section = ["村のバス", "毎日走る？", "4月から毎日", "住民の足が戻ります。"]
    bullets = ["村の人気宿に泊まって、山の景色を楽しもう。"]
    plain = card_evidence("週末は山の宿へ", bullets, section, topic=[PAGE_TITLE, *section[:3]], publisher="峠新報")
    labelled = card_evidence("週末は山の宿へ", bullets, section, topic=[PAGE_TITLE, *section[:3]], publisher="スポンサー")
    added = sum(weight.weight for weight in ad_weights(labelled)) - sum(weight.weight for weight in ad_weights(plain))
    assert added == 3.0
    assert any(weight.feature == "its link names an ad label as its publisher" for weight in ad_weights(labelled))
    for label in ("PR", "［広告］", "Sponsored"):
        assert card_evidence("週末は山の宿へ", bullets, section, publisher=label).sponsor_named
    assert not card_evidence("週末は山の宿へ", bullets, section, publisher="PRタイムズ").sponsor_named
