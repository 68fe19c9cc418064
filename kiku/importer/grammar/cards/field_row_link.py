"""A whole card printed on one line as a row of fields between bars, the link last:
'参照｜<date>｜<publisher>｜<title>｜<URL><remark glued to it>', the title perhaps glued before the URL; or
between any separator a card prints between fields, the link anywhere among them ('<date> ／ <title> ／
〔参照〕<URL> ／ <publisher>'). The fields are assigned by the card scorer (``card_fields``), by their shape, in
any order."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiku.importer.grammar.cards.fields.features import is_label
from kiku.importer.grammar.cards.fields.reading import CardLine, read_card
from kiku.importer.grammar.cards.fields.segments import has_field_separator, split_line
from kiku.importer.layouts.digest.cards import split_url_and_remark
from kiku.importer.layouts.labels import URL

_BAR = re.compile(r"\s*[|｜]\s*")
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
    """The card on this line when it is a row of bar-separated fields ending in its link, else None: a
    publisher, at most one date, no field left unread but labels."""
    fields = _BAR.split(text.strip())
    if len(fields) < MIN_FIELDS or (url_at := URL.search(fields[-1])) is None:
        return _shuffled_row(text)
    split = split_url_and_remark(fields[-1][url_at.start():])
    if split.url is None:
        return None
    # The title may be glued before the link in its field ('…｜<title> https://…').
    head = "｜".join([*fields[:-1], fields[-1][:url_at.start()].strip()])
    reading = read_card([CardLine(head), CardLine(split.url)])
    if reading.publisher is None or reading.remarks or reading.summary or reading.url is None:
        return None
    return FieldRow(url=split.url, publisher=reading.publisher.text, published=reading.published,
                    title=reading.title.text if reading.title else None, remark=split.remark,
                    guessed_digits=split.guessed_digits)


def _shuffled_row(text: str) -> FieldRow | None:
    """The card on this line when it prints its fields between separators, its link among them wherever it
    stands: a title, a publisher and a date, one link, nothing left unread but labels. A line that cites a
    link in a sentence has a field the scorer leaves unread (a remark or a summary)."""
    if not has_field_separator(text):
        return None
    fields = split_line(text)
    urls = [field for field in fields if URL.fullmatch(field)]
    if len(urls) != 1 or (urls[0] == fields[-1] and not _link_apart(text, fields)):
        return None  # a URL glued to the line's last words: a link line the grammar reads by its place
    reading = read_card([CardLine(text)])
    if reading.publisher is None or reading.title is None or reading.published is None \
            or reading.remarks or reading.summary or reading.url is None:
        return None
    return FieldRow(url=reading.url.text, publisher=reading.publisher.text, published=reading.published,
                    title=reading.title.text, remark="", guessed_digits=None)


# What sets the link off as a field of its own when it closes the line: a separator printed before it.
_SEPARATOR_END = ("|", "｜", "/", "／", "·", "・", "—", "–", "-")


def _link_apart(text: str, fields: list[str]) -> bool:
    """The link closing the line is a field of its own: a separator or a label ('〈リンク〉', '出典：') stands
    right before it, not the words of a read-more phrase or a name it is glued to ('原文を読む — title、name URL')."""
    before = text[:text.rfind(fields[-1])].rstrip()
    return before.endswith(_SEPARATOR_END) or (len(fields) > 1 and is_label(fields[-2]))
