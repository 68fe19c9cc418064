"""Encyclopedia pages whose chrome differs from the seed's dictionary site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiku.content.loading.loader import load_config
from kiku.content.model import EncyclopediaArticle
from kiku.importer.page import ImportFailed
from kiku.importer.pipeline import import_page
from tests.support.paths import REPO

PLAIN_DUMP = """線状降水帯
出典: フリー百科事典『ウィキペディア（Wikipedia）』
線状降水帯は、線状に伸びる強い降水域である[1][2]。
予測[編集]
予測は難しいとされている[1]。
脚注[編集]
^ a b 気象庁「線状降水帯に関する各種情報」
^ 加藤輝之『天気』第64巻、2017年。
"""


def _import(tmp_path: Path, text: str, date: dt.date | None = None) -> EncyclopediaArticle:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="page.txt", date=date).article
    assert isinstance(article, EncyclopediaArticle)
    return article


def test_a_plain_dump_without_a_date_is_dated_by_the_import_day_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PLAIN_DUMP, encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.txt", import_day=dt.date(2026, 2, 3))
    assert result.article.date == dt.date(2026, 2, 3)
    assert result.article.slug.startswith("2026-02-03-")
    assert ("the page gives no date (no revision 版 or 最終更新 line); dated 2026-02-03, the day of the import "
            "(today in Japan): set date: to the article's own date") in result.report.warnings


def test_a_plain_dump_without_a_date_takes_the_given_date_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PLAIN_DUMP, encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.txt", date=dt.date(2025, 5, 3),
                         import_day=dt.date(2026, 2, 3))
    assert result.article.date == dt.date(2025, 5, 3)
    assert ("the page gives no date (no revision 版 or 最終更新 line); dated 2025-05-03 as given by --date: "
            "check the date") in result.report.warnings


def test_a_plain_dump_reads_its_parts(tmp_path: Path) -> None:
    article = _import(tmp_path, PLAIN_DUMP, date=dt.date(2025, 5, 3))
    assert article.date == dt.date(2025, 5, 3)
    assert article.lead == "線状降水帯は、線状に伸びる強い降水域である[1][2]。"
    assert [(section.heading, section.body) for section in article.sections] == [("予測", ("予測は難しいとされている[1]。",))]
    assert [(reference.id, reference.text, reference.url) for reference in article.references] == [
        (1, "気象庁「線状降水帯に関する各種情報」", None), (2, "加藤輝之『天気』第64巻、2017年。", None)]
    assert article.attribution.revision is None
    assert article.attribution.url == "https://ja.wikipedia.org/wiki/%E7%B7%9A%E7%8A%B6%E9%99%8D%E6%B0%B4%E5%B8%AF"


def test_the_last_edited_line_dates_the_page(tmp_path: Path) -> None:
    article = _import(tmp_path, PLAIN_DUMP + "最終更新 2025年5月3日 (土) 09:12 （日時は個人設定で未設定ならばUTC）。\n")
    assert article.date == dt.date(2025, 5, 3)


def test_a_reference_printed_twice_is_read_once_and_a_reused_number_gets_the_next_one(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PLAIN_DUMP.replace("^ 加藤輝之『天気』第64巻、2017年。\n",
                                       "^ 加藤輝之『天気』第64巻、2017年。\n"
                                       "2. ^ 加藤輝之『天気』第64巻、2017年。\n"
                                       "2. ^ 津口裕茂『気象研究ノート』2022年。\n"), encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.txt", date=dt.date(2025, 5, 3))
    article = result.article
    assert isinstance(article, EncyclopediaArticle)
    assert [(reference.id, reference.text) for reference in article.references] == [
        (1, "気象庁「線状降水帯に関する各種情報」"), (2, "加藤輝之『天気』第64巻、2017年。"),
        (3, "津口裕茂『気象研究ノート』2022年。")]
    assert [(item.line.number, item.rule, item.debris) for item in result.report.dropped
            if item.rule == "repeated-reference"] == [(9, "repeated-reference", False)]
    assert "references: two references numbered 2; the second is kept as 3: check which [2] markers cite it" \
        in result.report.warnings


def test_a_source_line_labelled_teikyo_with_the_name_first_dates_the_page(tmp_path: Path) -> None:
    article = _import(tmp_path, PLAIN_DUMP.replace(
        "出典: フリー百科事典『ウィキペディア（Wikipedia）』", "提供：ウィキペディア フリー百科事典（2025年8月3日 06:41 UTC 版）"))
    assert (article.title, article.date) == ("線状降水帯", dt.date(2025, 8, 3))
    assert article.attribution.revision == "2025年8月3日 06:41 UTC"
    assert article.lead == "線状降水帯は、線状に伸びる強い降水域である[1][2]。"


def test_the_title_under_the_source_line_when_nothing_stands_above_it(tmp_path: Path) -> None:
    lines = PLAIN_DUMP.splitlines()
    article = _import(tmp_path, "\n".join([lines[1], lines[0], *lines[2:]]) + "\n", date=dt.date(2025, 5, 3))
    assert article.title == "線状降水帯"
    assert article.lead == "線状降水帯は、線状に伸びる強い降水域である[1][2]。"
    assert [section.heading for section in article.sections] == ["予測"]


def test_a_title_printed_with_the_encyclopedias_name_loses_it(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PLAIN_DUMP.replace("線状降水帯\n", "線状降水帯（Wikipedia）\n", 1), encoding="utf-8")
    result = import_page(page, load_config(REPO), scraped_from="page.txt", date=dt.date(2025, 5, 3))
    assert result.article.title == "線状降水帯"
    assert not [warning for warning in result.report.warnings if "neither in the article" in warning]


def test_the_licence_statement_names_the_title_with_a_space_before_no_kiji(tmp_path: Path) -> None:
    text = ("辞書サイト ログイン\n線状降水帯\n線状降水帯は、線状に伸びる強い降水域である。\n"
            "脚注\n^ 気象庁「線状降水帯に関する各種情報」\nこの記事は、ウィキペディアの線状降水帯 (改訂履歴) の記事を複製、再配布したものにあたり、"
            "GNU Free Documentation Licenseというライセンスの下で提供されています。\n")
    article = _import(tmp_path, text, date=dt.date(2025, 5, 3))
    assert (article.title, article.lead) == ("線状降水帯", "線状降水帯は、線状に伸びる強い降水域である。")
    assert article.attribution.license == "GNU Free Documentation License"


def test_no_title_anywhere_names_what_was_looked_for(tmp_path: Path) -> None:
    text = "出典: フリー百科事典『ウィキペディア（Wikipedia）』\n線状降水帯は、線状に伸びる強い降水域である。\n"
    with pytest.raises(ImportFailed, match=r"^no article title: looked above and below the 'フリー百科事典『ウィキペディア』' "
                                           r"line and for the title the licence statement names "
                                           r"\('ウィキペディアの<title> \(改訂履歴\)'\)$"):
        _import(tmp_path, text, date=dt.date(2025, 5, 3))
