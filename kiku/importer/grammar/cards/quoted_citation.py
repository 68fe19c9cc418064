"""A card printed on one line as a citation: the title in quotation brackets, then its source and date in
brackets of their own, perhaps behind a label and a bar or a colon:

    参照｜「title」（publisher、2025年4月1日付）
    「title」(publisher, 2025/04/01)
    出典：「title」（publisher、日付なし）
    「title」（publisher／2025年4月1日）

The label names the card as cited, the bracket after the title says who printed it and when."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiku.importer.grammar.cards.name_labels import MAX_NAME
from kiku.importer.grammar.lines.dates import find_date, without_date_labels

_CITATION = re.compile(
    r"^(?:(?P<label>[^\s「『｜|:：]{1,8})\s*[｜|:：]\s*)?[「『](?P<title>[^「」『』]{4,})[」』]\s*"
    rf"[（(](?P<name>[^（）()、,，／/]{{1,{MAX_NAME}}})[、,，／/]\s*(?P<when>[^（）()]{{1,24}})[）)]\s*$")
# A short note standing where the date would ('日付なし', '不明').
MAX_UNDATED = 8
_SENTENCE_MARKS = re.compile(r"[。．!！?？「」『』]")


@dataclass(frozen=True, slots=True)
class QuotedCitation:
    label: str | None
    title: str
    publisher: str
    # The date as printed (its part of the line), and the date when it gives one ('日付なし' gives none).
    when: str
    published: dt.date | None


def quoted_citation(text: str) -> QuotedCitation | None:
    """The card's fields on its one line, read as the module says, else None."""
    match = _CITATION.match(text.strip())
    if match is None or _SENTENCE_MARKS.search(match["name"]):
        return None
    found = find_date(match["when"])
    if found is None and (len(match["when"]) > MAX_UNDATED or re.search(r"[0-9]", match["when"])):
        return None  # neither a date nor a short note in its place ('日付なし')
    if found is not None and any(char.isalnum() for char in without_date_labels(found[1]).replace("付", "")):
        return None  # words beside the date: not a date field
    return QuotedCitation(match["label"], match["title"].strip(), match["name"].strip(), match["when"].strip(),
                          found[0] if found is not None else None)
