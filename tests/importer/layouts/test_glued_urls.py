"""Where a URL glued to the remark after it ends, and the warning when that end is a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.layouts.digest.cards import UrlAndRemark, split_url_and_remark
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO


def _import(tmp_path: Path, *lines: str) -> ImportResult:
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines), encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from="page.txt")


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


@pytest.mark.parametrize(("rest", "split"), [
    # The shortest run of the URL's last digits that does not start with 0 opens the remark.
    ("https://a.example/articles/-/141234510倍という引き上げ幅です。",
     UrlAndRemark("https://a.example/articles/-/1412345", "10倍という引き上げ幅です。", "10")),
    ("https://a.example/jc/article?k=202510030074510月に入り、初めて実施された。",
     UrlAndRemark("https://a.example/jc/article?k=2025100300745", "10月に入り、初めて実施された。", "10")),
    ("https://a.example/article/12345400円の値上げです。",
     UrlAndRemark("https://a.example/article/12345", "400円の値上げです。", "400")),
    # One digit is still one digit when it can open a number.
    ("https://a.example/article/10582133時間待ちはつらい。",
     UrlAndRemark("https://a.example/article/1058213", "3時間待ちはつらい。", "3")),
    # A short last segment after '/': the URL ended at the slash; sure when a counter follows…
    ("https://a.example/article/DGXZQ25A3000000/28万円という初任給です。",
     UrlAndRemark("https://a.example/article/DGXZQ25A3000000/", "28万円という初任給です。")),
    # … a guess to check otherwise (the URL may have had a page number).
    ("https://a.example/news/202507/120125/33という数字を覚えておきたい。",
     UrlAndRemark("https://a.example/news/202507/120125/", "33という数字を覚えておきたい。", "33")),
    ("https://a.example/news/20250307-OYO1T50012/2段階の運賃が実現すれば。",
     UrlAndRemark("https://a.example/news/20250307-OYO1T50012/", "2段階の運賃が実現すれば。", "2")),
])
def test_a_number_glued_to_a_url_is_read_whole(rest: str, split: UrlAndRemark) -> None:
    assert split_url_and_remark(rest) == split
    assert (split.url or "") + split.remark == rest


@pytest.mark.parametrize(("rest", "split"), [
    # A year before 年 (年度 too) is a whole number: the URL ended at its slash, sure.
    ("https://a.example/science/20250521-OYT1T50102/2027年度の打ち上げまでに。",
     UrlAndRemark("https://a.example/science/20250521-OYT1T50102/", "2027年度の打ち上げまでに。")),
    # A code of letters then digits gives back its whole digit run before a counter (a guess).
    ("https://a.example/jc/article?k=2025100200873&g=spo873人が受検した。",
     UrlAndRemark("https://a.example/jc/article?k=2025100200873&g=spo", "873人が受検した。", "873")),
    # No sentence opens with a particle: the repeated ending is the number (a guess).
    ("https://a.example/article/421930930を超える自治体が。",
     UrlAndRemark("https://a.example/article/421930", "930を超える自治体が。", "930")),
    # Without a repeat, the shortest number that can open the sentence (a guess).
    ("https://a.example/article/4219357を超える。", UrlAndRemark("https://a.example/article/421935", "7を超える。", "7")),
    # A last segment of a few digits before a particle is the number (a guess).
    ("https://a.example/archive/2027は特別な年。", UrlAndRemark("https://a.example/archive/", "2027は特別な年。", "2027")),
])
def test_a_whole_number_glued_to_a_url_is_read_whole(rest: str, split: UrlAndRemark) -> None:
    assert split_url_and_remark(rest) == split
    assert (split.url or "") + split.remark == rest


def test_a_source_line_with_its_url_printed_alone_under_it_is_one_link_line(tmp_path: Path) -> None:
    # The publisher and date behind a source label on one line, the bare URL on the next: one link line.
    result = _import(
        tmp_path, "図書館の夜間開館、広がるか", "公立図書館で夜間開館を試す動きが出ています。", "夜の図書館",
        "夜間開館はどこで始まっていますか?", "都市部の一部の館", "■ 市立図書館は平日の閉館を21時に延ばす。",
        "引用元：まちだより新聞（2025/5/14）", "https://machi.example.net/news/5521")
    article = result.article
    assert isinstance(article, DigestArticle)
    card = article.sections[0].sources[0]
    assert (card.url, card.publisher, str(card.published)) == (
        "https://machi.example.net/news/5521", "まちだより新聞", "2025-05-14")
