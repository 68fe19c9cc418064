"""A whole card printed on one line as a row of fields between bars, the link last:
'参照｜<date>｜<publisher>｜<title>｜<URL><remark glued to it>'. Each field is read by its shape, in any
order: a source label word, a date, a name, and a headline (more kana than the name) as its title."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiku.importer.grammar.card_meta import MAX_NAME, is_source_label
from kiku.importer.grammar.dates import line_date
from kiku.importer.layouts.digest.cards import split_url_and_remark
from kiku.importer.layouts.labels import URL

_BAR = re.compile(r"\s*[|｜]\s*")
_SENTENCE_MARKS = re.compile(r"[。．！!？?]")
_KANA = re.compile(r"[\u3041-\u3096]")
# A row names its source and dates it at least: a name field, a date field and the link's field.
MIN_FIELDS = 3


@dataclass(frozen=True)
class FieldRow:
    url: str
    publisher: str | None
    published: dt.date | None
    title: str | None
    remark: str
    guessed_digits: str | None


def read_field_row(text: str) -> FieldRow | None:
    """The card on this line when it is a row of bar-separated fields ending in its link, else None."""
    fields = _BAR.split(text.strip())
    if len(fields) < MIN_FIELDS or (url_at := URL.search(fields[-1])) is None:
        return None
    dates = [date for field in fields[:-1] if (date := line_date(field)) is not None]
    names = [field for field in fields[:-1] if line_date(field) is None and not is_source_label(field)]
    if fields[-1][:url_at.start()].strip():
        # A title glued before the link in its field ('…｜<title> https://…') leaves the row to the other readers:
        # read here, it drew the page's headings into the cards.
        return None
    title = None
    ranked = sorted(names, key=_name_likeness)
    if title is None and dates and len(ranked) == 2 and _name_likeness(ranked[0])[0] < _name_likeness(ranked[1])[0]:
        # The title in a field of its own before the link's: the name is the one of fewer kana.
        names, title = ranked[:1], ranked[1]
    if len(dates) > 1 or len(names) != 1 or len(names[0]) > MAX_NAME or _SENTENCE_MARKS.search(names[0]):
        return None
    split = split_url_and_remark(fields[-1][url_at.start():])
    if split.url is None:
        return None
    return FieldRow(url=split.url, publisher=names[0], published=dates[0] if dates else None, title=title,
                    remark=split.remark, guessed_digits=split.guessed_digits)


def _name_likeness(text: str) -> tuple[int, int]:
    """A name's words are nouns, a headline's particles are kana: fewer kana, then shorter, is more a name."""
    return len(_KANA.findall(text)), len(text)
