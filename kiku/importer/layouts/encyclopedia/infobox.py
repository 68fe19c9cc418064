"""A Wikipedia infobox as a text dump prints it: a run of short label–value rows under the title.

    支笏湖                   ← the infobox's caption (the title again)
    所在地　北海道千歳市       ← label, a wide space or a tab, value
    面積　78.4 km2
    最大水深　363.0 m

Neither the caption nor the rows are the article's text: the rows are a table of facts (a saved
page's ``<table class="infobox">`` is dropped the same way, ``html_chrome``), told by their shape
(a short label with no sentence in it, a short value that ends no sentence), not by their words.
The chrome chain drops rows set apart by a wide gap anywhere (``wiki_chrome.claim_infobox``); here,
where the article starts under its title, one full-width space between label and value is enough.
"""

from __future__ import annotations

import re

from kiku.importer.page import Line
from kiku.importer.report import ImportReport

# 'label　value': a label of a few characters with no sentence mark or space in it, a full-width
# space or a tab (or a run of two spaces), then a short value that is no sentence.
_ROW = re.compile(r"^[^\s。、，,.．:：「」]{1,12}(?:[\u3000\t]+|\s{2,})[^。．]{1,40}$")
# Fewer rows than this are two short lines that happen to hold a wide space, not a table.
MIN_INFOBOX_ROWS = 3


def is_infobox_row(text: str) -> bool:
    stripped = text.strip()
    return _ROW.match(stripped) is not None and not stripped.endswith(("。", "．"))


def infobox_rows(lines: list[Line], start: int) -> int:
    """How many lines from ``start`` on are an infobox's rows (0 when fewer than a table's worth)."""
    end = start
    while end < len(lines) and is_infobox_row(lines[end].text):
        end += 1
    return end - start if end - start >= MIN_INFOBOX_ROWS else 0


def after_infobox(lines: list[Line], start: int, report: ImportReport) -> int:
    """Where the article's text starts: after the infobox's rows at ``start`` (dropped), if any."""
    rows = infobox_rows(lines, start)
    report.drop_all(lines[start:start + rows], "wiki-infobox")
    return start + rows
