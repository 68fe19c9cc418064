"""A date line printing its month and day with the weekday and no year ('9/16(火) 7:00配信　編集班') is a date line
in the page's head: the headline over it is the title, not the date line. A question labelled by the letter Q and a
space before a number ('Q 2026年に…') has its label trimmed as 'Q 港の…' has."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiku.importer.grammar.lines.dates import is_month_day_line
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize(("text", "dated"), [
    ("9/16(火) 7:00配信　港町編集班", True), ("9月16日（火）", True), ("09.16 Tue 07:00 更新", True),
    ("9月16日に港で朝市が開かれた", False),  # a date in a sentence
    ("9/16 7:00配信", False),  # no weekday: a bare fraction may be anything
    ("9/16(火) 7:00配信　朝市は雨でも開かれました。", False),
])
def test_a_month_and_day_with_the_weekday_is_a_date_line(text: str, dated: bool) -> None:
    assert is_month_day_line(text) is dated


PAGE = """港町の朝市、台風でも開催へ　漁協が判断
9/16(火) 7:00配信　港町編集班
港町の朝市は、台風が近づくなかでも開かれることになりました。
▍開催の判断
Q 2026年の朝市はどうなる？
→ 例年どおり毎週日曜日に開かれます
漁協は、風が弱まる見込みだとして開催を決めました。
▍雨の日の備え
Q 雨の日はどうなる？
→ テントを張って開かれます
雨の日は、市場の屋根の下にテントを並べます。
▍客足の見通し
Q 客足は戻る？
→ 観光客の予約は増えています
観光案内所には、朝市についての問い合わせが増えています。
"""


def test_a_year_less_date_line_under_the_headline_leaves_it_the_title(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "asaichi.txt", PAGE))
    assert article.title == "港町の朝市、台風でも開催へ　漁協が判断"


def test_a_spaced_q_before_a_number_is_the_question_s_label(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "asaichi.txt", PAGE))
    assert [section.question for section in article.sections] == [
        "2026年の朝市はどうなる？", "雨の日はどうなる？", "客足は戻る？"]
