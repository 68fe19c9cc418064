"""Two date lines by the title: the day the article changed on one ('最終更新 …', '… 更新'), the day it was
published on the other. The published day dates the article, whichever line comes first, and neither line
is the article's text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.importer.grammar.test_glyph_head_over_publisher_line import _PAGE
from tests.support.importing import digest_of, import_text


@pytest.mark.parametrize("updated", ["最終更新 2024年11月20日", "2024年11月18日 更新"])
@pytest.mark.parametrize("title_first", [True, False])
def test_the_published_line_dates_the_article_over_an_updated_line(tmp_path: Path, updated: str,
                                                                 title_first: bool) -> None:
    title, published = _PAGE[0], "掲載日 2024年11月5日"
    head = [title, "", updated, "", published] if title_first else [updated, published, title]
    page = [*head, *_PAGE[3:]]
    result = import_text(tmp_path, "page.txt", "\n".join(page))
    article = digest_of(result)
    assert (article.title, article.date) == (title, dt.date(2024, 11, 5))
    assert article.lead is not None and "2024年" not in article.lead
