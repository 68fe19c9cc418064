"""A page whose text gives no date line may print its date in boxes dropped as chrome: a sidebar's
metadata list beside the post, a byline box under the title. That date line, above the article's
text, dates the article; the cards' dates date other articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.importer.reading.test_html_byline_dates_under_title import _BODY
from tests.support.importing import digest_of
from tests.support.importing import import_text as _import

SIDEBAR = f"""<html><body><div class="layout">
<div class="sidebar"><ul class="post-meta"><li><time datetime="2025-05-03">2025年5月3日</time></li>
<li>5 分で読めます</li></ul></div>
<div class="content"><article><h1>廃校の宿、週末はにぎわう</h1>{_BODY}</article></div></div></body></html>"""

BYLINE_BOX = f"""<html><body><article><h1>廃校の宿、週末はにぎわう</h1>
<div class="author-byline"><span class="name">観光課 広報係</span><span class="when">掲載日 2025年5月3日</span></div>
{_BODY}</article></body></html>"""


@pytest.mark.parametrize("page", [SIDEBAR, BYLINE_BOX], ids=["sidebar-time", "byline-box"])
def test_a_date_line_dropped_above_the_text_dates_the_article(tmp_path: Path, page: str) -> None:
    article = digest_of(_import(tmp_path, "page.html", page))
    assert article.date == dt.date(2025, 5, 3)
    assert article.sections[0].sources[0].published == dt.date(2025, 4, 20)


# The day and what was done to the page that day, glued by a particle: '2025/05/03に投稿', outside the post's box.
DONE_ON_THE_DAY = f"""<html><body><div class="post-head"><h1>廃校の宿、週末はにぎわう</h1>
<div class="post-when"><span>2025/05/03に投稿</span></div></div>
<article class="post-body">{_BODY}</article></body></html>"""


def test_a_date_glued_to_what_was_done_that_day_dates_the_article(tmp_path: Path) -> None:
    article = digest_of(_import(tmp_path, "page.html", DONE_ON_THE_DAY))
    assert article.date == dt.date(2025, 5, 3)
