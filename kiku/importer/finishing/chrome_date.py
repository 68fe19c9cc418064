"""The article's date printed in the page's chrome: a page whose text gives no date line may print
its date where the importer drops whole boxes, in a sidebar's metadata list (a blog theme's
'<nav><time datetime="…">2025年10月9日</time></nav>' beside the post) or in a byline box beside the
title ('<div class="byline"><span>部署名</span><span>公開日 2025年9月26日</span></div>'). Such a
dropped line that is a date line (a date, a short label at most) and stands above the article's text
(before the first line after its title) dates the article, when it is the only one there: a list of
other posts ('最新の20件' · '2025-09-20' · title · '2025-09-19' · title) prints several. A forum prints the
poster's profile above the post, with the day they joined ('登録日時: 2023年4月11日'): a person's date, read
only when no other line there dates the post (as an updated date is). A theme may print the post's card (its
date over its author and tags) in a sidebar the file sets after the text: the one date line dropped below the
text's start dates the article when none above does and it is not older than what the article cites."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from kiku.importer.grammar.lines.dates import date_prefix, labels_updated, line_date
from kiku.importer.page import Line
from kiku.importer.report import DroppedLine, ImportReport

# The document's <title> and the head's elements are no part of the page shown.
_NOT_SHOWN = frozenset({"document-head", "script", "style"})
# The boxes a page sets beside its text (a side column, its menu, what stands outside the article's container):
# not a card's box dropped inside the text (an ad's), whose date is the card's.
_BESIDE_TEXT = frozenset({"sidebar", "navigation", "outside-content"})
# The label of the day a member joined the site, before the date ('登録日時:', '入会日', 'Joined:').
_MEMBER_SINCE = re.compile(r"(?:(?:登録|入会|参加)日時?|[Jj]oined|[Rr]egistered|[Mm]ember since)\s*[:：]?\s*$")


def chrome_date(lines: Sequence[Line], report: ImportReport, cited: dt.date | None = None) -> dt.date | None:
    """The date of the one dropped date line above the article's text (a published and an updated date: the
    published one); else of the one date line dropped below its start with a box beside the text (a sidebar's
    card of the post, printed after the text in the file: '<h2>20 January 2026</h2>' over its author and tags),
    when it is not older than ``cited``, the newest date of the articles the page cites (an article comes after
    what it cites; an older date there is another post's); else None."""
    if len(lines) < 2:
        return None
    text_starts = lines[1].number
    above = _only_date([drop.line for drop in report.dropped if drop.line.number < text_starts and _shown(drop)])
    if above is not None:
        return above
    beside = _only_date([drop.line for drop in report.dropped
                         if drop.line.number >= text_starts and drop.debris and drop.rule in _BESIDE_TEXT])
    return beside if beside is not None and (cited is None or beside >= cited) else None


def _shown(drop: DroppedLine) -> bool:
    return drop.debris and drop.rule not in _NOT_SHOWN


def _only_date(dropped: list[Line]) -> dt.date | None:
    """The date of the one date line among ``dropped`` (its post's over its update), else None."""
    dated = [(_rank(line.text), date) for line in dropped if (date := line_date(line.text)) is not None]
    best = min((rank for rank, _ in dated), default=0)
    published = {date for rank, date in dated if rank == best}
    return next(iter(published)) if len(published) == 1 else None


def _rank(text: str) -> int:
    """0 for a date line of the post, 1 for one labelled as its update, 2 for a member's join date."""
    prefix = date_prefix(text)
    if prefix is not None and _MEMBER_SINCE.search(prefix):
        return 2
    return 1 if labels_updated(text) else 0
