"""Date lines and the article's date: every printed form of a date line, the date above the title, the import day for an undated page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.model import DigestArticle
from kiku.importer.grammar.lines.dates import labels_updated, line_date
from tests.support.importing import import_text as _import

IMPORT_DAY = dt.date(2026, 3, 9)


UNDATED_DIGEST = """商店街に戻ったにぎわい
古い商店街に若い店主の店が増えています。
空き店舗はどうなった
空き店舗は減った？
3年で半分に
市の家賃補助を使って、空き店舗に新しい店が入りました。
さらに読む ⇒空き店舗に新店続々、家賃補助が後押し出典/画像元: https://town.example.jp/shoutengai/1
補助は最初の2年だけなので、その後が課題です。
"""


def test_a_digest_without_any_date_is_dated_by_the_import_day_and_says_so_first(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", UNDATED_DIGEST)
    assert isinstance(result.article, DigestArticle)
    assert result.article.date == IMPORT_DAY
    assert result.report.warnings[0] == (
        "the page gives no date (no date line for the article or its cards, such as 公開日:2025/03/19, nor a date "
        "in its text); dated 2026-03-09, the day of the import (today in Japan): set date: to the article's own date")
    assert [section.heading for section in result.article.sections] == ["空き店舗はどうなった"]


def test_a_dated_page_is_not_warned_about_its_date(tmp_path: Path) -> None:
    result = _import(tmp_path, "page.txt", UNDATED_DIGEST.replace("古い商店街", "公開日:2025/11/03\n古い商店街"))
    assert result.article.date == dt.date(2025, 11, 3)
    assert not any(warning.startswith("the page gives no date") for warning in result.report.warnings)


def test_a_date_line_with_a_bracketed_category_is_a_date_line() -> None:
    assert line_date("配信日 2025年09月02日　【まち・くらし】") == dt.date(2025, 9, 2)
    assert line_date("2025.09.02 [地域]") == dt.date(2025, 9, 2)
    # A bracketed word opening a sentence is not a category: the line is a sentence.
    assert line_date("2025/09/02 【続報】橋の点検で通行止めが続いている。") is None


def test_the_date_line_above_the_title_dates_the_article_before_any_card_date(tmp_path: Path) -> None:
    page = "配信日 2025年09月02日　【まち・くらし】\n" + UNDATED_DIGEST.replace(
        "さらに読む ⇒", "2025年09月04日\nさらに読む ⇒")
    result = _import(tmp_path, "page.txt", page)
    assert result.article.date == dt.date(2025, 9, 2)
    assert [(item.rule, item.debris) for item in result.report.dropped if item.line.number == 1] == [
        ("article-date", False)]


def test_an_era_year_is_a_date() -> None:
    assert line_date("掲載：令和6年11月2日") == dt.date(2024, 11, 2)
    assert line_date("令和元年5月1日") == dt.date(2019, 5, 1)
    assert line_date("平成30年1月9日（火）") == dt.date(2018, 1, 9)


def test_a_year_printed_in_both_calendars_is_one_year() -> None:
    # A newspaper's dateline gives the era year in brackets beside the Western one, or the other way round.
    assert line_date("２０２４年（令和６年）１１月２日　土曜日") == dt.date(2024, 11, 2)
    assert line_date("令和6年(2024年)11月2日") == dt.date(2024, 11, 2)
    assert line_date("2024年（令和5年）11月2日") is None  # two different years: no date


def test_an_era_by_its_initial_before_a_dotted_date_is_a_date() -> None:
    assert line_date("更新 R6.2.29") == dt.date(2024, 2, 29)
    assert line_date("H30/1/9") == dt.date(2018, 1, 9)
    assert line_date("型番 XR6.2.29") is None  # an initial inside a word is no era


def test_a_line_of_labelled_dates_is_a_date_line_dated_by_its_first() -> None:
    assert line_date("作成：2024年8月1日　改訂：2024年8月20日") == dt.date(2024, 8, 1)
    assert line_date("2024年8月1日に始まった工事は、2024年8月20日に終わった") is None


def test_a_weekday_word_and_a_morning_time_after_a_date_keep_it_a_date_line() -> None:
    assert line_date("掲載 2025年3月19日 水曜 午前9時") == dt.date(2025, 3, 19)
    assert line_date("2025年3月19日水曜日 午後3時30分") == dt.date(2025, 3, 19)


def test_a_time_after_the_date_or_in_a_field_of_its_own_keeps_a_date_line() -> None:
    assert line_date("掲載：令和6年10月2日（水）　更新：9時05分") == dt.date(2024, 10, 2)
    assert line_date("配信 2024年10月2日 21時40分") == dt.date(2024, 10, 2)
    assert line_date("4 min read · 2024年10月2日") == dt.date(2024, 10, 2)
    assert line_date("2024年10月2日 9時から港で朝市を開いた") is None


def test_a_date_glued_to_a_particle_is_a_phrase_not_a_date_line() -> None:
    assert line_date("2025年10月2日から受付開始") is None
    assert line_date("2025/10/02の説明会で発表") is None
    assert line_date("2025年10月2日 受付開始") == dt.date(2025, 10, 2)
    assert line_date("2025.10.02更新") == dt.date(2025, 10, 2)


def test_a_byline_whose_label_is_set_off_by_an_equals_sign_may_stand_on_the_date_line() -> None:
    assert line_date("公開 2024.11.3　写真＝みなと新聞写真部") == dt.date(2024, 11, 3)
    assert line_date("2024年11月3日 構成=ふるさと暮らし編集室") == dt.date(2024, 11, 3)
    assert line_date("2024年11月3日 写真＝港に着いた船から、荷物が次々と降ろされた") is None  # a caption, not a name


def test_a_bullet_setting_the_reading_time_apart_keeps_a_date_line() -> None:
    # A theme's byline meta: the date, a bullet (U+2022), how long the article takes to read.
    assert line_date("2024年11月3日 • 8 min read") == dt.date(2024, 11, 3)
    assert line_date("2024年11月3日 • 港でひらかれた朝市の様子を伝える") is None


def test_a_date_line_may_close_on_a_particle_and_what_was_done_that_day() -> None:
    assert line_date("2024.11.02に投稿") == dt.date(2024, 11, 2)
    assert line_date("2024年11月2日に改訂") == dt.date(2024, 11, 2)
    assert labels_updated("2024/11/02に更新")
    # A phrase of the text goes on after the verbal noun, or names no deed of the page's.
    assert line_date("2024年11月2日に発表された") is None
    assert line_date("2024年11月2日の会見") is None
