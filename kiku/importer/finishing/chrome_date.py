"""The article's date printed in the page's chrome: a page whose text gives no date line may print
its date where the importer drops whole boxes, in a sidebar's metadata list (a blog theme's
'<nav><time datetime="…">2025年10月9日</time></nav>' beside the post) or in a byline box beside the
title ('<div class="byline"><span>部署名</span><span>公開日 2025年9月26日</span></div>'). Such a
dropped line that is a date line (a date, a short label at most) and stands above the article's text
(before the first line after its title) dates the article, when it is the only one there: a list of
other posts ('最新の20件' · '2025-09-20' · title · '2025-09-19' · title) prints several."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kiku.importer.grammar.lines.dates import labels_updated, line_date
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

# The document's <title> and the head's elements are no part of the page shown.
_NOT_SHOWN = frozenset({"document-head", "script", "style"})


def chrome_date(lines: Sequence[Line], report: ImportReport) -> dt.date | None:
    """The date of the one dropped date line above the article's text (a published and an updated date: the
    published one), else None."""
    if len(lines) < 2:
        return None
    text_starts = lines[1].number
    dated = [(labels_updated(drop.line.text), date) for drop in report.dropped
             if drop.debris and drop.rule not in _NOT_SHOWN and drop.line.number < text_starts
             and (date := line_date(drop.line.text)) is not None]
    published = {date for updated, date in dated if not updated} or {date for _, date in dated}
    return next(iter(published)) if len(published) == 1 else None
