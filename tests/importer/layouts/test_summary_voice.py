"""The off-topic check reads what a summary does, not only which words it shares: an ad sells to
its reader in a seller's voice even when it borrows its section's words, and a real card that
reports (and quotes the people it reports on) stays a real card when worded unlike its title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.layouts.ads.off_topic import is_off_topic, off_topic_reason
from kiku.importer.layouts.ads.relevance import PageBigrams, names_a_seller, promotion_cues
from kiku.importer.layouts.ads.summary_voice import summary_voice
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO

PAGE_TITLE = "EVの急速充電器、3年で倍増へ　料金は「時間制」から「量り売り」に"
FEES = ["充電料金はどう変わる", "急速充電の料金は安くなる？", "使った電力量に応じた料金に",
        "これまでの急速充電は、つないだ時間で料金が決まる方式が主流でした。",
        "電力量で払う方式になれば、充電の遅い車種でも損をしにくくなります。", "電気自動車に乗る人には、うれしい変化ですね。"]
ROADS = ["充電器はどこに増える", "高速道路のサービスエリアや商業施設に急速充電器を増やす計画です。"]
PAGE = [PAGE_TITLE, *FEES, *ROADS]

# An ad under a news title, its summary in the section's own words (電気自動車, 急速充電, 料金, プラン).
HARD_AD_TITLE = "速報！今年の全国EV充電料金ランキング"
HARD_AD = ["電気自動車の急速充電が全国どこでも使い放題になる定額プランが登場！",
           "料金は月額2980円から。充電スポットの検索もアプリでかんたん、お申し込みは今すぐ。"]
# A real card that tells its title's news in other words, sharing little with the page, with one word
# that also serves offers (人気): it reports, and lets a family speak.
UNLIKE_TITLE = "充電待ち1時間、電気自動車の夏休み"
UNLIKE = ["お盆の帰省で、SAの充電器の前には車が連なった。",
          "人気の休憩所ほど並ぶ車が多く、「次までもつか不安だった」と話す家族連れもいた。"]


def test_a_seller_s_marks_are_read_from_the_summary_s_register() -> None:
    voice = summary_voice(HARD_AD)
    assert voice.selling == ("an exclamation", "a call to act", "a price the reader pays")
    assert not voice.quotes_someone
    assert summary_voice(["入会金は今だけ0円、最短3分で手続きが終わります。"]).selling == ("a hurry", "a promise of speed")
    assert summary_voice(["乾燥肌でお悩みの方はぜひ一度お試しください。"]).selling == ("a call to act", "the reader addressed")


def test_news_about_prices_and_campaigns_holds_no_seller_s_mark() -> None:
    # A fare change reported between two figures, a campaign told in the third person, a quoted name.
    news = ["初乗り運賃は170円から180円に上がり、通学定期は据え置かれる。", "県は最低賃金を1000円から引き上げる。",
            "市は商店街で使えるポイントを配るキャンペーンを始めた。",
            "「走る図書館」と呼ばれる移動図書館車が、山あいの集落を回る。"]
    assert summary_voice(news).selling == ()
    assert not summary_voice(news).quotes_someone
    assert summary_voice(UNLIKE).quotes_someone


def test_an_ad_sharing_its_section_s_words_is_found_by_its_seller_s_voice() -> None:
    assert is_off_topic(HARD_AD_TITLE, HARD_AD, FEES, PAGE, [PAGE_TITLE, *FEES[:3]])


def test_a_real_card_worded_unlike_its_title_that_quotes_someone_is_not_flagged() -> None:
    assert not is_off_topic(UNLIKE_TITLE, UNLIKE, FEES, PAGE, [PAGE_TITLE, *FEES[:3]])


def _card(title: str, bullets: list[str], date: str, link: str) -> str:
    return "\n\n".join([title, f"配信日：{date}", *(f"▶ {bullet}" for bullet in bullets), link])


_TEXT_PAGE = "\n\n".join([
    PAGE_TITLE, "掲載日：2025.09.02",
    "電気自動車の急速充電器を3年で倍に増やす計画がまとまりました。料金の払い方も変わります。",
    *FEES[:5],
    _card("急速充電、料金を「kWh単位」に　来春から切り替え",
          ["大手の充電サービス会社は、急速充電の料金を使った電力量に応じて決める方式に改める。",
           "時間制で割高になっていた充電の遅い車種の利用者には値下げになる。"],
          "2025.08.30", "元記事を読む → 東西経済新聞 https://tozai.example.jp/articles/ev-kwh"),
    _card(HARD_AD_TITLE, HARD_AD, "2025.08.31", "元記事を読む → https://ev-plan.example.com/lp/summer"),
    FEES[5],
    *ROADS[:1], "増えた充電器はすぐ埋まる？", "連休は行列も",
    ROADS[1],
    _card(UNLIKE_TITLE, UNLIKE, "2025.08.18", "元記事を読む → 北関東ニュース https://kitakan.example.jp/n/5521"),
    "行列を見ると、まだまだ足りない気がします。",
    "充電器が増えれば、遠出のハードルも下がりそうです。",
]) + "\n"


def _import(tmp_path: Path) -> ImportResult:
    page = tmp_path / "ev.txt"
    page.write_text(_TEXT_PAGE, encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from="ev.txt", import_day=dt.date(2025, 9, 3))


def test_the_importer_flags_the_selling_card_says_why_and_keeps_the_reporting_one(tmp_path: Path) -> None:
    result = _import(tmp_path)
    assert isinstance(result.article, DigestArticle)
    assert [[(card.url, card.off_topic) for card in section.sources] for section in result.article.sections] == [
        [("https://tozai.example.jp/articles/ev-kwh", False), ("https://ev-plan.example.com/lp/summer", True)],
        [("https://kitakan.example.jp/n/5521", False)]]
    flagged = [warning for warning in result.report.warnings if "reads as an ad" in warning]
    assert len(flagged) == 1 and flagged[0].startswith("sections[0].sources[1]: it reads as an ad (score ")
    assert ("its summary speaks as a seller to its reader (an exclamation, a call to act, a price the reader pays) +1"
            in flagged[0])


# An ad under a title of the page's words, its summary in its section's words (電気自動車, 充電) with
# two offer words and one call: its words alone stay under the bar; its publisher, a store, says who sells.
STORE_AD_TITLE = "急速充電器、全国で設置進む　今年度から"
STORE_AD = ["電気自動車の充電器が特別価格で新登場。",
            "工事費込みで全国どこでも取り付けでき、はじめての一台にもおすすめです。"]


def test_a_card_from_a_shop_or_a_school_weighs_as_a_seller() -> None:
    topic = [PAGE_TITLE, *FEES[:3]]
    assert names_a_seller("でんき充電ストア") and names_a_seller("ひかり自動車学校オンラインショップ")
    assert not names_a_seller("湖畔新聞デジタル") and not names_a_seller(None)
    assert not is_off_topic(STORE_AD_TITLE, STORE_AD, FEES, PAGE, topic)
    page = PageBigrams(enumerate(PAGE))
    assert off_topic_reason(STORE_AD_TITLE, STORE_AD, FEES, page, topic=topic, publisher="でんき充電ストア") is not None


def test_an_offer_spelt_in_kana_and_a_recommendation_are_a_sellers() -> None:
    assert promotion_cues(["いまなら、お得です。"]) == 2  # 'いまなら' as '今なら', and 'お得'
    assert promotion_cues(["特別価格でご提供。"]) == 1
    assert summary_voice(["冬の帰省にもおすすめです。"]).selling == ("a call to act",)
