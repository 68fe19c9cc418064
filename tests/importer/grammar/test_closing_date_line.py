"""A page that prints its date under its text, not above it: the last date line among the closing
lines is the article's date (not the newest card's), and it is not kept as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.importing import digest_of, import_text

_PAGE = "\n".join([
    "港町の朝市、冬も開催へ",
    "夏だけだった港町の朝市が、この冬から一年を通して開かれることになりました。",
    "冬も開くのはなぜ？",
    "冬にも朝市を開くのはなぜ？",
    "冬の観光客を増やすため",
    "朝市、冬も開催へ 漁協と商店会が合意",
    "・漁協と商店会は、夏だけだった朝市を冬にも開くことで合意した。",
    "続きを読む → みなと新聞 2025/09/01 https://www.minato-shimbun.example.jp/news/88",
    "漁協によると、冬の朝市では寒ブリやカニなど旬の魚介を中心に並べる予定です。",
    "まとめ",
    "冬の朝市が港町の新しい名物になるか、注目です。",
    "掲載日：2025年9月8日",
])


def test_a_date_line_under_the_closing_text_dates_the_article(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", _PAGE))
    assert article.date == dt.date(2025, 9, 8)
    texts = [*article.outro, *article.conclusion, *(text for section in article.sections for text in section.body)]
    assert not any("掲載日" in text for text in texts)


def test_a_closing_date_line_followed_by_the_sites_lines_still_dates_the_article(tmp_path: Path) -> None:
    page = _PAGE + "\n" + "\n".join(["シェアする", "ポスト", "LINE", "港町の夏祭り、今年は花火3000発に"])
    article = digest_of(import_text(tmp_path, "page.txt", page))
    assert article.date == dt.date(2025, 9, 8)
    assert article.sections[0].heading == "冬も開くのはなぜ？"


def test_a_publishers_dated_line_at_the_end_is_no_article_date(tmp_path: Path) -> None:
    page = _PAGE.replace("掲載日：2025年9月8日", "港町漁協 ・ 2025年9月7日")
    article = digest_of(import_text(tmp_path, "page.txt", page))
    assert article.date == dt.date(2025, 9, 1)  # the card's date: the closing line names a source, not a day
