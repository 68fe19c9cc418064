"""An encyclopedia mirror's dating lines: a bracketed source line, a revision dated in kanji, a last-edited
date beside the title of a page with no source line, the licence line kept whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import EncyclopediaArticle
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO


def _import(tmp_path: Path, *lines: str) -> ImportResult:
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines), encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from="page.txt")


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


def test_without_a_source_line_the_last_edited_date_beside_the_title_dates_the_page(tmp_path: Path) -> None:
    result = _import(
        tmp_path, "ことばの杜", "ウィキペディア日本語版から転載 | 最終更新 2024年10月3日", "潮見台灯台",
        "潮見台灯台は、潮見市の岬に立つ灯台である[1]。", "脚注", "^ 「灯台の記録」潮見市、2025年1月9日閲覧。",
        "この記事は、ウィキペディアの潮見台灯台 (改訂履歴) の記事を複製、再配布したものにあたり、"
        "GNU Free Documentation Licenseというライセンスの下で提供されています。")
    assert isinstance(result.article, EncyclopediaArticle)
    assert (result.article.title, result.article.date) == ("潮見台灯台", dt.date(2024, 10, 3))
    assert not any("access date" in warning for warning in result.report.warnings)


def test_a_source_line_with_the_day_the_mirror_copied_it_is_the_source_line(tmp_path: Path) -> None:
    result = _import(tmp_path, "潮見台灯台", "出典：フリー百科事典『ウィキペディア（Wikipedia）』｜最終取得 2025年1月20日 09:00",
                     "潮見台灯台は、潮見市の岬に立つ灯台である。", "歴史", "1901年に初めて点灯した。")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert article.title == "潮見台灯台"
    assert article.lead == "潮見台灯台は、潮見市の岬に立つ灯台である。"


def test_a_source_line_that_names_the_encyclopedia_first_dates_the_page(tmp_path: Path) -> None:
    result = _import(tmp_path, "潮見台灯台", "Wikipedia（ウィキペディア）から引用（2025年1月20日 09:00 UTC の版）",
                     "潮見台灯台は、海辺県潮見市にある灯台である。", "歴史", "1901年に初めて点灯した。")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.date) == ("潮見台灯台", dt.date(2025, 1, 20))
    assert article.attribution.revision == "2025年1月20日 09:00 UTC"
    assert article.lead == "潮見台灯台は、海辺県潮見市にある灯台である。"


def test_the_title_again_over_an_infobox_already_dropped_is_its_caption(tmp_path: Path) -> None:
    result = _import(tmp_path, "潮見台灯台", "出典: フリー百科事典『ウィキペディア（Wikipedia）』（2025年1月20日 09:00 版）",
                     "潮見台灯台", "所在地\t海辺県潮見市", "高さ\t約30 m", "初点灯\t1901年",
                     "潮見台灯台は、海辺県潮見市にある灯台である。", "歴史", "1901年に初めて点灯した。")
    assert isinstance(result.article, EncyclopediaArticle)
    read = {item.line.number: item.rule for item in result.report.dropped}
    assert read.get(1) != "dictionary-header"
    assert (read[3], read[4]) == ("infobox-caption", "infobox")


def test_a_revision_printed_with_its_weekday_in_brackets_is_the_source_line(tmp_path: Path) -> None:
    result = _import(tmp_path, "ことば辞典ポータル", "黒部峡谷",
                     "出典: フリー百科事典『ウィキペディア（Wikipedia）』 2024/07/16（火）18:05 UTC 版",
                     "黒部峡谷は、富山県東部を流れる黒部川の峡谷である。", "地理", "V字谷が続く。")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.date) == ("黒部峡谷", dt.date(2024, 7, 16))
    assert article.attribution.revision == "2024/07/16（火）18:05 UTC"
    assert [item.rule for item in result.report.dropped if "ウィキペディア" in item.line.text] == ["wikipedia-revision"]


def test_a_source_line_naming_the_japanese_edition_dates_the_page(tmp_path: Path) -> None:
    result = _import(tmp_path, "くらし百科", "立山黒部", "出典：ウィキペディア日本語版（2025/06/01 10:00 UTC 版）",
                     "立山黒部は、富山県と長野県にまたがる山岳観光ルートである。", "歴史", "1971年に全線が開通した。")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.date, article.attribution.revision) == ("立山黒部", dt.date(2025, 6, 1),
                                                                           "2025/06/01 10:00 UTC")
    assert article.lead == "立山黒部は、富山県と長野県にまたがる山岳観光ルートである。"


def test_a_source_line_over_the_title_under_the_sites_name_leaves_the_title_below(tmp_path: Path) -> None:
    result = _import(tmp_path, "くらし百科", "出典：ウィキペディア日本語版（2025/06/01 10:00 UTC 版）", "立山黒部",
                     "立山黒部は、富山県と長野県にまたがる山岳観光ルートである。", "歴史", "1971年に全線が開通した。")
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert (article.title, article.lead) == ("立山黒部", "立山黒部は、富山県と長野県にまたがる山岳観光ルートである。")
    assert {item.line.text: item.rule for item in result.report.dropped}["くらし百科"] == "dictionary-header"


def test_the_headwords_reading_under_it_is_the_leads_words_not_the_frames(tmp_path: Path) -> None:
    licence = ("この記事は、ウィキペディアの狩野川放水路 (改訂履歴)の記事を複製、再配布したものにあたり、GNU Free Documentation "
               "Licenseというライセンスの下で提供されています。")
    result = _import(tmp_path, "狩野川放水路", "〈かのがわほうすいろ〉", "（出典: 『ウィキペディア (Wikipedia)』 2025/04/18 22:41 UTC 版）",
                     "狩野川放水路（かのがわほうすいろ）は、静岡県を流れる狩野川の洪水を駿河湾へ流す放水路である。", "歴史",
                     "1965年に完成した[1]。", "脚注", "1. 『静岡の川』2001年、静岡新聞社。", "ウィキペディア", licence)
    assert isinstance(result.article, EncyclopediaArticle) and result.article.title == "狩野川放水路"
    [reading] = [drop for drop in result.report.dropped if drop.line.text == "〈かのがわほうすいろ〉"]
    assert (reading.rule, reading.debris) == ("title-reading", False)
