"""A digest page's byline: the blog's or author's name printed between the title and the
article's date is who wrote it, not the article's lead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.content.loading.loader import load_config
from kiku.content.model import DigestArticle
from kiku.importer.pipeline import ImportResult, import_page
from tests.support.paths import REPO

_PAGE = """港町の朝市が100周年　観光客も増加
{between}
2025年5月12日 08:30

港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。

朝市の歩み

いつから続いている？

大正時代から

朝市が100周年、記念式典に300人

配信日 2025/05/10

・ 朝市の開設100周年を祝う式典が開かれ、約300人が参加した。

元記事を読む → 港町新聞 https://minato.example.jp/news/100th

にぎわいが戻ってきたのはうれしいですね。
"""


def _import(tmp_path: Path, between: str) -> ImportResult:
    page = tmp_path / "asaichi.txt"
    page.write_text(_PAGE.format(between=between), encoding="utf-8")
    return import_page(page, load_config(REPO), scraped_from="asaichi.txt", import_day=dt.date(2026, 3, 9))


def test_a_name_between_the_title_and_the_date_is_the_byline_not_the_lead(tmp_path: Path) -> None:
    result = _import(tmp_path, "みなと通信｜港町の記者が書く")
    article = result.article
    assert isinstance(article, DigestArticle)
    assert article.lead == "港町の朝市が今年で100周年を迎えました。記念の催しには多くの人が訪れています。"
    assert article.date == dt.date(2025, 5, 12)
    assert [(entry.line.text, entry.debris) for entry in result.report.dropped if entry.rule == "byline"] == [
        ("みなと通信｜港町の記者が書く", True)]


def test_a_sentence_between_the_title_and_the_date_stays_the_lead(tmp_path: Path) -> None:
    lead = "朝市は大正時代から続き、港町の台所として親しまれてきました。"
    article = _import(tmp_path, lead).article
    assert isinstance(article, DigestArticle)
    assert article.lead is not None and article.lead.startswith(lead)


def test_a_site_name_and_a_category_above_the_date_and_title_stay_the_masthead(tmp_path: Path) -> None:
    # The date line under two short lines belongs to the headline below it, not to the site's name.
    page = tmp_path / "asaichi.txt"
    page.write_text("みなと町の暮らしニュース\n経済\n2025年5月12日 08:30\n" + _PAGE.format(between="").split("\n", 1)[1]
                    .replace("2025年5月12日 08:30\n", "港町の朝市が100周年　観光客も増加\n", 1), encoding="utf-8")
    article = import_page(page, load_config(REPO), scraped_from="asaichi.txt", import_day=dt.date(2026, 3, 9)).article
    assert isinstance(article, DigestArticle)
    assert article.title == "港町の朝市が100周年　観光客も増加"
    assert article.date == dt.date(2025, 5, 12)
