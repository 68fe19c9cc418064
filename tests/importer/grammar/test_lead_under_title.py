"""A digest opens its text with a lead: a short line without a full stop right under the title, over the page's
first paragraphs, is the lead's first words (a tagline, a place name), not the heading of a first section that
asks nothing; the page's sections start at its first heading over a question."""

from __future__ import annotations

from pathlib import Path

from tests.support.importing import digest_of, import_text

PAGE = """山の分校、春から地域の集会所に
2025年3月18日
北の谷の小さな分校
この春で閉校する分校の校舎が、4月から地域の集会所として使われます。
体育館は週末、子ども向けの教室にも開かれる予定です。
■ 使い道
Q. だれが使えるの？
A. 谷に住む人ならだれでも使えます。
予約は地区の事務所で受け付けます。
"""


def test_a_short_line_under_the_title_over_prose_opens_the_lead(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "school.txt", PAGE))
    assert article.lead is not None and article.lead.startswith("北の谷の小さな分校")
    (section,) = article.sections
    assert (section.heading, section.question) == ("使い道", "だれが使えるの？")
