"""The article's own date: its date lines above the text, or the first dated line after the page's last
section when it prints none there."""

from __future__ import annotations

import datetime as dt
import re

from kiku.importer.grammar.lines.dates import DATE_OWN_LABEL, date_prefix, find_date, is_month_day_line, labels_updated
from kiku.importer.grammar.lines.features import LineFeatures
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.page import Line

# A section's question and a card's link: the page's closing text comes after the last of them (an
# answer read after a date line is the site's line misread, the date line no heading).
_SECTION_CORE = frozenset({Part.QUESTION, Part.LINK, Part.HEAD_LINK, Part.TITLED_LINK})
_CARD_META = frozenset({Part.CARD_DATE, Part.HEAD_META, Part.SUMMARY_META})
# The article's date stands alone or after a label naming the day ('公開日：', '更新日 '), not after a
# publisher's name ('水産庁 ・ 2025年10月31日' is a card's meta line).
_DATE_LABEL = re.compile(r"(?:\W{0,2}[^\s。、:：]{0,8}(?:[:：]|日時?)\s*)?")


def article_dates(lines: list[Line], features: list[LineFeatures], parts: list[Part]) -> list[dt.date]:
    """The dates of the article's date lines, a line labelled as the day it changed last ('更新：…' over
    '公開：…': the day it was published dates it)."""
    dated = [(labels_updated(line.text), date)
             for line, feature, part in zip(lines, features, parts, strict=True)
             if part in (Part.PRE_DATE, Part.HEAD_DATE) and (date := feature.date or _labelled_date(line.text))]
    return [date for _, date in sorted(dated, key=lambda pair: pair[0])]


def year_less_date_warning(lines: list[Line], features: list[LineFeatures], parts: list[Part],
                           date: dt.date) -> str | None:
    """A warning when the article's date was read from a line printing no year ('7/8(火) 6:30配信'): its year is
    the newest the page mentions, a guess the editor should check, as a year-less card date is."""
    line = next((line for line, feature, part in zip(lines, features, parts, strict=True)
                 if part in (Part.PRE_DATE, Part.HEAD_DATE) and feature.date == date and is_month_day_line(line.text)),
                None)
    if line is None:
        return None
    return (f"line {line.number}: the article's date prints no year ({line.text}); read as {date.isoformat()} "
            "by the newest date the page mentions: check it")


def _labelled_date(text: str) -> dt.date | None:
    """The date of a line opening with a date's own label, a byline after it ('Posted on <date> by 編集部'):
    the label says whose date it is, the name after it is the author's."""
    found = find_date(text)
    prefix = date_prefix(text)
    return found[0] if found is not None and prefix and DATE_OWN_LABEL.fullmatch(prefix.strip()) else None


def closing_date(parts: list[Part], features: list[LineFeatures], texts: list[str]) -> list[Part]:
    """A page that prints its date nowhere above its text but under it ('…まとめ' · '公開日：2025.11.12',
    '最終更新 2025-10-22'):
    the first date line after the page's last question and card link, whatever the grammar
    read it as (a heading over the site's lines after it), is the article's date."""
    if Part.PRE_DATE in parts or Part.HEAD_DATE in parts:
        return parts
    last_core = max((index for index, part in enumerate(parts) if part in _SECTION_CORE), default=-1)
    closing = next((index for index in range(last_core + 1, len(parts))
                    if parts[index] not in _CARD_META
                    and ((features[index].date is not None and (_DATE_LABEL.fullmatch(date_prefix(texts[index]) or "")
                                                                or labels_updated(texts[index])))
                         or _labelled_date(texts[index]) is not None)), None)
    if closing is None:
        return parts
    return [*parts[:closing], Part.HEAD_DATE, *parts[closing + 1:]]
