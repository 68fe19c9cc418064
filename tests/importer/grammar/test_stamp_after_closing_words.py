"""A date line after the page's closing words (its stamp of the last update) is the site's, not the
closing words' text; a short closing line with no full stop stays the closing words'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.support.importing import digest_of, import_text

_PAGE = [
    "港町の朝市、冬も開催へ",
    "公開日：2025/09/02",
    "夏だけだった港町の朝市が、この冬から一年を通して開かれることになりました。",
    "冬も開くのはなぜ？",
    "冬にも朝市を開くのはなぜ？",
    "冬の観光客を増やすため",
    "朝市、冬も開催へ 漁協と商店会が合意",
    "・漁協と商店会は、夏だけだった朝市を冬にも開くことで合意した。",
    "続きを読む → みなと新聞 2025/09/01 https://www.minato-shimbun.example.jp/news/88",
    "漁協によると、冬の朝市では寒ブリやカニなど旬の魚介を中心に並べる予定です。",
    "おわりに",
    "冬の朝市が港町の新しい名物になるか、注目です。",
]


@pytest.mark.parametrize("stamp", ["最終更新：2025/09/10 18:02", "ページ更新日 2025年9月10日"])
def test_a_date_stamp_after_the_closing_words_is_not_their_text(tmp_path: Path, stamp: str) -> None:
    result = import_text(tmp_path, "page.txt", "\n".join([*_PAGE, stamp]))
    article = digest_of(result)
    assert article.outro == ("冬の朝市が港町の新しい名物になるか、注目です。",)
    assert article.date == dt.date(2025, 9, 2)
    assert stamp in [item.line.text for item in result.report.dropped]


def test_a_short_closing_line_stays_the_closing_words(tmp_path: Path) -> None:
    article = digest_of(import_text(tmp_path, "page.txt", "\n".join([*_PAGE, "それではまた来週!"])))
    assert article.outro[-1] == "それではまた来週!"
