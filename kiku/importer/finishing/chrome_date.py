"""The article's date printed in the page's chrome: a page whose text gives no date line may print
its date where the importer drops whole boxes, in a sidebar's metadata list (a blog theme's
'<nav><time datetime="…">2025年10月9日</time></nav>' beside the post) or in a byline box beside the
title ('<div class="byline"><span>部署名</span><span>公開日 2025年9月26日</span></div>'). Such a
dropped line that is a date line (a date, a short label at most) and stands above the article's text
(before the first line after its title) dates the article, when it is the only one there: a list of
other posts ('最新の20件' · '2025-09-20' · title · '2025-09-19' · title) prints several. A forum prints the
poster's profile above the post, with the day they joined ('登録日時: 2023年4月11日'): a person's date, read
only when no other line there dates the post (as an updated date is)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from kiku.importer.grammar.lines.dates import date_prefix, labels_updated, line_date
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

# The document's <title> and the head's elements are no part of the page shown.
_NOT_SHOWN = frozenset({"document-head", "script", "style"})
# The label of the day a member joined the site, before the date ('登録日時:', '入会日', 'Joined:').
_MEMBER_SINCE = re.compile(r"(?:(?:登録|入会|参加)日時?|[Jj]oined|[Rr]egistered|[Mm]ember since)\s*[:：]?\s*$")


def chrome_date(lines: Sequence[Line], report: ImportReport) -> dt.date | None:
    """The date of the one dropped date line above the article's text (a published and an updated date: the
    published one), else None."""
    if len(lines) < 2:
        return None
    text_starts = lines[1].number
    dated = [(_rank(drop.line.text), date) for drop in report.dropped
             if drop.debris and drop.rule not in _NOT_SHOWN and drop.line.number < text_starts
             and (date := line_date(drop.line.text)) is not None]
    best = min((rank for rank, _ in dated), default=0)
    published = {date for rank, date in dated if rank == best}
    return next(iter(published)) if len(published) == 1 else None


def _rank(text: str) -> int:
    """0 for a date line of the post, 1 for one labelled as its update, 2 for a member's join date."""
    prefix = date_prefix(text)
    if prefix is not None and _MEMBER_SINCE.search(prefix):
        return 2
    return 1 if labels_updated(text) else 0
