"""General rules of the page family that batch heldout4 showed missing, each on a small crafted page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loader import load_config
from kiku.content.model import DigestArticle, EncyclopediaArticle
from kiku.importer.cleaning.debris import strip_debris
from kiku.importer.grammar.title import is_menu_row, title_index
from kiku.importer.layouts.cards import UrlAndRemark, split_url_and_remark
from kiku.importer.layouts.off_topic import is_off_topic
from kiku.importer.page import Line
from kiku.importer.pipeline import ImportResult, import_page
from kiku.importer.report import ImportReport
from tests.paths import REPO


def _import(tmp_path: Path, *lines: str) -> ImportResult:
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines), encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from="page.txt")


def _dropped(result: ImportResult) -> list[tuple[int, str]]:
    return [(item.line.number, item.rule) for item in result.report.dropped if item.debris]


CARD = ("✅ 気象庁は、台風10号が29日にも九州南部に上陸するおそれがあると発表した。",
        "さらに読む ⇒ウェザーニュース出典/画像元: https://weathernews.jp/s/topics/202508/270155/")


# --- 1. The title is weighed, not taken as the first line -------------------------------------

def test_a_site_line_with_its_tagline_and_menu_above_the_title_is_the_masthead(tmp_path: Path) -> None:
    result = _import(
        tmp_path,
        "台風ニュース速報 ｜ 防災・気象のまとめ", "検索 ログイン 会員登録",
        "台風10号はなぜ遅い？九州上陸の恐れと交通への影響",
        "非常に強い台風10号が九州南部に接近しています。動きが遅く、雨が長く続くおそれがあります。",
        "台風の進路", "台風10号はどこへ向かう？", "九州南部に上陸のおそれ", "公開日:2025/08/28", *CARD)
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.title == "台風10号はなぜ遅い？九州上陸の恐れと交通への影響"
    assert article.lead == "非常に強い台風10号が九州南部に接近しています。動きが遅く、雨が長く続くおそれがあります。"
    assert [section.heading for section in article.sections] == ["台風の進路"]
    assert _dropped(result) == [(1, "masthead"), (2, "masthead")]


def test_the_title_evidence_in_its_kinds() -> None:
    # The lead follows the title: the line above it is the site's.
    assert title_index(["くらしの防災ダイジェスト", "日向灘で地震、臨時情報の意味とは", "宮崎県で震度5弱を観測しました。"]) == 1
    # A site line split by '|' loses to the headline under it, even with no lead in sight.
    assert title_index(["TechMatome+ | テクノロジーの今をまとめ読み", "熊本の半導体工場は地域をどう変えた？", "見出し"]) == 1
    # Repeated further down wins over everything.
    assert title_index(["サイト名｜まとめ", "本当のタイトル", "リードです。", "本当のタイトル"]) == 1
    # A title that is the first line and is followed by its lead stays the title.
    assert title_index(["路線バスが消えていく？地方の足はどうなる", "全国で路線バスの減便が続いています。", "見出し"]) == 0
    assert is_menu_row("ニュース  半導体  AI  スマホ  ガジェット")
    assert not is_menu_row("台風10号、九州に上陸のおそれ 交通に影響")


# --- 2. A ranking ends at its first unranked line ---------------------------------------------

def test_a_ranked_list_ends_at_the_first_line_without_a_rank() -> None:
    report = ImportReport("page.txt")
    texts = ("人気記事ランキング", "1位 新米の値段はいつ下がる？", "2位 冷凍食品の値上げ、10月は何品目？",
             "コメ価格はなぜ高止まり？備蓄米放出と新米の店頭価格", "スーパーのコメ5キロが4000円台に。")
    kept = strip_debris([Line(number, text) for number, text in enumerate(texts, start=1)], report)
    assert [line.text for line in kept] == list(texts[3:])
    assert [(item.line.number, item.rule) for item in report.dropped] == [
        (1, "popular-keywords"), (2, "popular-keywords"), (3, "popular-keywords")]


# --- 3. Where a URL glued to a remark ends ----------------------------------------------------

@pytest.mark.parametrize(("rest", "split"), [
    # A page's path ends at its file extension: no guess.
    ("https://a.example/articles/AST3Z4K2DT3ZUTIL01BM.html8割という数字には驚かされます。",
     UrlAndRemark("https://a.example/articles/AST3Z4K2DT3ZUTIL01BM.html", "8割という数字には驚かされます。")),
    ("https://a.example/news/x.phpAIの活用が進みますね。", UrlAndRemark("https://a.example/news/x.php", "AIの活用が進みますね。")),
    # A count the remark opens with: one digit goes back, and the split is a guess.
    ("https://a.example/article/10582133時間待ちはつらい。", UrlAndRemark("https://a.example/article/1058213", "3時間待ちはつらい。", "3")),
    ("https://a.example/jc/article?k=2025082800412&g=soc1日で平年の1か月分。",
     UrlAndRemark("https://a.example/jc/article?k=2025082800412&g=soc", "1日で平年の1か月分。", "1")),
    # A word that only begins like a counter stays where it is.
    ("https://a.example/article/1234日本の対応が問われます。", UrlAndRemark("https://a.example/article/1234", "日本の対応が問われます。")),
    ("https://a.example/article/1234人気の店ですね。", UrlAndRemark("https://a.example/article/1234", "人気の店ですね。")),
])
def test_a_glued_url_ends_where_the_family_ends_it(rest: str, split: UrlAndRemark) -> None:
    assert split_url_and_remark(rest) == split
    assert (split.url or "") + split.remark == rest


def test_a_guessed_url_end_is_a_warning_naming_the_line(tmp_path: Path) -> None:
    result = _import(
        tmp_path, "バスの減便はなぜ続く？", "全国で路線バスの減便が続いています。", "利用者の声", "バスが減って困っている人は？",
        "通院の高齢者", "公開日:2025/04/18", "■ 病院への便が1日2本に減り、帰りのバスまで3時間待つ高齢者もいる。",
        "元記事を読む ⇒中日新聞出典/画像元: https://www.chunichi.co.jp/article/10582133時間待ちというのは、つらいはずです。")
    article = result.article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert card.url == "https://www.chunichi.co.jp/article/1058213"
    assert card.comments == ("3時間待ちというのは、つらいはずです。",)
    assert ("line 8: the text glued to the URL starts with a count; '3' was read as its number (3時間待ちというのは、つ…), "
            "not as the URL's last digit (https://www.chunichi.co.jp/article/1058213): check both") in result.report.warnings


# --- 4. Ads that share the page's words, real cards worded otherwise ---------------------------

SECTION = ["店頭価格はどう動く?", "ガソリン価格はいくらになる？", "160円前後に下がる見通し",
           "資源エネルギー庁によると、レギュラーガソリンの全国平均価格は1リットル170円前後で推移しています。",
           "暫定税率分が価格に反映されれば、年明けには150円台まで下がる可能性があります。"]
PAGE = [*SECTION, "ガソリン税の暫定税率、年末に廃止へ", "与野党はガソリン税の暫定税率を年末に廃止することで合意した。",
        "物流や地方の家計には朗報ですね。"]


def test_an_ad_under_a_news_title_is_found_by_its_offers() -> None:
    ad = ["給油がおトクになるクレジットカード、今年の人気ランキングを発表！",
          "全国のスタンドで1リットルあたり最大7円引き、年会費無料のカードも。"]
    assert is_off_topic("全国のガソリン価格、今年の最安値に 速報", ad, SECTION, PAGE)


def test_a_real_card_worded_unlike_its_page_is_not_flagged() -> None:
    real = ["開店前から数百人の列ができ、用意した袋は午前中のうちに売り切れた。",
            "買い物に来た70代の女性は「年金暮らしには本当に助かる」と話し、店側は追加の入荷を急いでいる。"]
    section = ["備蓄米の放出は効いたのか", "政府の備蓄米放出で何が変わった？", "一部で値下がり",
               "備蓄米が並んだのは大手チェーンの一部にとどまり、地方の小さなスーパーには届きにくい。",
               "行列の光景を見ると、家計の苦しさが伝わってきます。"]
    page = [*section, "コメ価格はなぜ高止まり？", "スーパーのコメ5キロが4000円台に。", "5キロ2000円前後での販売を想定している。",
            "店の担当者は「入荷してもすぐに売り切れる」と話す。"]
    assert not is_off_topic("棚に並んだ「2000円のコメ」、初日に完売 大阪の店舗", real, section, page)


# --- 5. A list after the conclusion that no link closes is the site's -------------------------

def test_a_bulleted_list_after_the_conclusion_is_dropped_with_a_warning(tmp_path: Path) -> None:
    result = _import(
        tmp_path, "台風10号、九州に上陸のおそれ", "非常に強い台風10号が九州南部に接近しています。", "台風の進路",
        "台風10号はどこに向かう？", "九州南部に上陸のおそれ", "公開日:2025/08/28", *CARD,
        "◎ 台風は九州南部に上陸するおそれ", "◎ 早めの備えが大切", "このカテゴリーの新着",
        "・駅前再開発、タワマン計画に住民が反対署名", "・市電の延伸ルート、3案から絞り込みへ")
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.conclusion == ("台風は九州南部に上陸するおそれ", "早めの備えが大切")
    assert len(article.sections[0].sources) == 1
    assert _dropped(result) == [(11, "after-conclusion"), (12, "after-conclusion"), (13, "after-conclusion")]
    assert ("lines 11-13 after the conclusion read as the site's trailing lines and dropped: check them "
            "(このカテゴリーの新着)") in result.report.warnings


# --- 6. An encyclopedia mirror's source line in brackets, its licence line whole ---------------

def test_a_bracketed_source_line_dates_the_page_and_the_licence_line_is_kept_whole(tmp_path: Path) -> None:
    licence = ("この記事は、ウィキペディアの北陸新幹線 (改訂履歴)の記事を複製、再配布したものにあたり、GNU Free Documentation "
               "Licenseというライセンスの下で提供されています。 辞書ナビ+に掲載されているウィキペディアの記事も、全てGNU Free "
               "Documentation Licenseの元に提供されております。")
    result = _import(tmp_path, "北陸新幹線", "（出典: 『ウィキペディア (Wikipedia)』 2025/04/18 22:41 UTC 版）",
                     "北陸新幹線は、東京都から大阪市に至る計画の整備新幹線である。", "歴史", "1997年に高崎駅―長野駅間が開業した[1]。",
                     "脚注", "1. 『JR時刻表』1997年10月号、交通新聞社。", "ウィキペディア", licence)
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.date) == ("北陸新幹線", dt.date(2025, 4, 18))
    assert article.lead == "北陸新幹線は、東京都から大阪市に至る計画の整備新幹線である。"
    assert article.attribution.revision == "2025/04/18 22:41 UTC"
    assert article.attribution.notice == licence


def test_a_revision_dated_in_kanji_dates_the_page(tmp_path: Path) -> None:
    result = _import(tmp_path, "はやぶさ2", "出典: フリー百科事典『ウィキペディア（Wikipedia）』（2025年5月30日 11:02 版）",
                     "はやぶさ2は、JAXAが開発した小惑星探査機である。", "概要", "初代はやぶさの後継機として計画された。")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.date, article.attribution.revision) == (
        "はやぶさ2", dt.date(2025, 5, 30), "2025年5月30日 11:02")
    assert article.lead == "はやぶさ2は、JAXAが開発した小惑星探査機である。"
