"""A forum's post (phpBB and its kin): the poster's profile box above the post prints the day they joined
the board ('入会日: …'), the post's own line prints who posted it and when, set apart by a guillemet
('by <name> » <date>'). Both are dropped with the poster's box; the post's time dates the article, the
join date is the member's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiku.importer.grammar.lines.dates import line_date
from tests.importer.reading.test_html_byline_dates_under_title import _BODY
from tests.support.importing import digest_of
from tests.support.importing import import_text as _import

FORUM_POST = f"""<html><body><div id="page-body" role="main">
<h2 class="topic-title"><a href="./viewtopic.php?t=77">廃校の宿、週末はにぎわう</a></h2>
<div class="post"><div class="inner">
<dl class="postprofile"><dt><a href="./memberlist.php?u=3" class="username">yamabiko</a></dt>
<dd class="profile-joined"><strong>入会日:</strong> 2021年8月30日(月) 07:12</dd></dl>
<div class="postbody"><h3><a href="#p1">廃校の宿、週末はにぎわう</a></h3>
<p class="author"><span>by <strong><a href="./memberlist.php?u=3" class="username">yamabiko</a></strong> &raquo; </span>
<time datetime="2025-05-03T01:00:00+00:00">2025年5月3日(土) 10:00</time></p>
<div class="content"><p><b>廃校の宿、週末はにぎわう</b></p>{_BODY}</div></div></div></div></div></body></html>"""


def test_the_post_time_dates_the_article_not_the_posters_join_date(tmp_path: Path) -> None:
    article = digest_of(_import(tmp_path, "page.html", FORUM_POST))
    assert (article.title, article.date) == ("廃校の宿、週末はにぎわう", dt.date(2025, 5, 3))


def test_a_byline_set_apart_by_a_guillemet_stands_on_a_date_line() -> None:
    assert line_date("by hanako » 2025年2月1日(土) 08:00") == dt.date(2025, 2, 1)
    assert line_date("投稿者 hanako » 2025/02/01 08:00") == dt.date(2025, 2, 1)
