"""A card's line cut into the fields it may hold, each a candidate for one of the card's parts.

A line is cut at the separators a card prints between fields (a bar; a dot, slash or dash with spaces
around it), around a web address glued to the text before or after it, after a label in a bracket or
before a colon that opens it ('【参照】…', '媒体：…'), around a date in brackets ('publisher（2025/5/1）') and
where a space or a comma sets a date apart from a name ('NHK 2025.05.07', '2025年1月15日、共同通信').
A sentence is cut at nothing but bars."""

from __future__ import annotations

import re

from kiku.importer.grammar.cards.fields.features import headline_score, is_sentence, name_score
from kiku.importer.grammar.cards.name_labels import MAX_NAME
from kiku.importer.grammar.lines.dates import find_date, line_date
from kiku.importer.layouts.digest.cards import split_url_and_remark
from kiku.importer.layouts.labels import URL

_BAR = re.compile(r"\s*[|｜]\s*")
_SEPARATOR = re.compile(r"\s+[·・/／—–\-]\s+|\s*[·•]\s*")
_OPEN, _CLOSE = "【［\\[〔〈《", "】］\\]〕〉》"
_LEADING_BRACKET = re.compile(rf"^\s*(?P<label>[{_OPEN}]\s*[^{_CLOSE}]{{1,8}}?\s*[{_CLOSE}])\s*(?P<rest>\S.*)$")
# A word in parentheses or quotes opens a headline as often as it labels a name ('「異次元」の対策…'): it is a
# label only before a name, perhaps dated ('（参考）publisher 2025/3/1').
_LEADING_QUOTE = re.compile(r"^\s*(?P<label>[（(「『]\s*[^）)」』\s]{1,4}\s*[）)」』])\s*(?P<rest>\S.*)$")
_LEADING_COLON = re.compile(r"^\s*(?P<label>[^\s:：/]{1,8}[:：])\s*(?P<rest>[^/].*)$")
_TRAILING_BRACKET = re.compile(r"^(?P<rest>.*\S)\s*[（(](?P<inner>[^（()）]{4,24})[)）]\s*$")
# A credit led by a dash, the source's name then its article's title in quotes ('― 北海道新聞「昆布の生産、過去最低」'):
# without the dash, 'name「words」' is as often a headline quoting a speaker ('首相「増税はしない」'), one field.
_DASHED_QUOTED_CREDIT = re.compile(
    rf"^\s*[―—─–]{{1,2}}[ \u3000]*(?P<name>[^「『\s][^「『」』]{{0,{MAX_NAME - 1}}}?)\s*"
    r"[「『](?P<title>[^「『」』]{2,})[」』]"
    r"\s*(?:[（(](?P<date>[^（()）]{4,24})[)）])?\s*$")
# What a field's edge keeps of the separator printed before or after a web address.
_EDGE_SEPARATORS = " \t\u3000|｜/／·・•—–-"
# A separator left at a line's edge by the field cut off beside it ('／ publisher').
_EDGE_SEPARATOR = re.compile(r"^[|｜/／·・•—–\-]\s+|\s+[|｜/／·・•—–\-]$")
# A slash printed between two fields without spaces ('title／publisher'), not a date's ('3/20').
_GLUED_SLASH = re.compile(r"(?<![0-9０-９])[/／](?![0-9０-９])")
# Where a date may be set apart from a name: a space (of any width), a comma or a middle dot.
_DATE_GAP = re.compile(r"[ \t\u3000]+|\s*[、，,・]\s*")


def has_field_separator(text: str) -> bool:
    """The line sets fields apart by a separator a card prints between them (a bar; a dot, slash or dash with
    spaces around it), not only by spaces."""
    return _BAR.search(text) is not None or _SEPARATOR.search(text) is not None


def split_line(text: str) -> list[str]:
    """The fields of one line of a card, in their order."""
    if (credit := dashed_credit(text)) is not None:  # before its dash is taken for an edge's separator
        return credit
    text = _EDGE_SEPARATOR.sub("", text.strip())
    if not text:
        return []
    fields: list[str] = []
    for part in _around_urls(text):
        if URL.match(part):
            fields.append(part)
            continue
        for barred in _BAR.split(part):
            pieces = [barred] if is_sentence(barred) else _SEPARATOR.split(barred)
            for piece in pieces:
                fields += _cut_piece(piece.strip())
    return [field for field in fields if field]


def _around_urls(text: str) -> list[str]:
    """The text before each web address, the address, and a remark glued after it; the separator printed
    between a field and the address is neither's."""
    parts: list[str] = []
    rest = text
    while (found := URL.search(rest)) is not None:
        parts.append(rest[:found.start()].rstrip(_EDGE_SEPARATORS))
        split = split_url_and_remark(rest[found.start():])
        if split.url is None:
            parts.append(rest[found.start():])
            rest = ""
            break
        parts.append(split.url)
        rest = split.remark.lstrip(_EDGE_SEPARATORS)
        if rest and not URL.search(rest):
            break
    parts.append(rest)
    return [part.strip() for part in parts if part.strip()]


def _cut_piece(piece: str) -> list[str]:
    if not piece:
        return []
    if is_sentence(piece):
        return [piece]
    if (bracket := _LEADING_BRACKET.match(piece) or _LEADING_COLON.match(piece)) is not None:
        return [bracket["label"], *_cut_piece(bracket["rest"])]
    if (bracket := _LEADING_QUOTE.match(piece)) is not None and _is_dated_name(bracket["rest"]):
        return [bracket["label"], *_cut_piece(bracket["rest"])]
    if (bracket := _TRAILING_BRACKET.match(piece)) is not None and line_date(bracket["inner"]) is not None:
        return [*_cut_piece(bracket["rest"]), bracket["inner"].strip()]
    if (credit := headline_and_name(piece)) is not None:
        return [*credit[:1], *_cut_piece(credit[1])]
    if (dashed := dashed_credit(piece)) is not None:
        return dashed
    return _date_apart(piece)


def dashed_credit(text: str) -> list[str] | None:
    """The name, the title and the date of a dash-led credit 'name「title」（date）', else None."""
    match = _DASHED_QUOTED_CREDIT.match(text)
    if match is None or is_sentence(match["name"]) or (match["date"] and line_date(match["date"]) is None):
        return None
    return [match["name"].strip(), match["title"].strip(), *([match["date"].strip()] if match["date"] else [])]


def _date_apart(piece: str) -> list[str]:
    """``piece`` cut where a gap sets the shortest date line apart from the rest, else whole."""
    if find_date(piece) is None:
        return [piece]
    best: tuple[int, list[str]] | None = None
    for gap in _DATE_GAP.finditer(piece):
        before, after = piece[:gap.start()].strip(), piece[gap.end():].strip()
        if not before or not after:
            continue
        for date, other, cut in ((before, after, [before, after]), (after, before, [before, after])):
            if line_date(date) is not None and line_date(other) is None and (best is None or len(date) < best[0]):
                best = (len(date), cut)
    return best[1] if best is not None else [piece]


def _is_dated_name(text: str) -> bool:
    """``text`` reads as a name, perhaps with its date ('publisher・2025年3月1日')."""
    dated = find_date(text)
    bare = (dated[1] if dated is not None else text).strip(" \u3000・·、,（）()")
    return 0 < len(bare) <= MAX_NAME and name_score(bare) > 0


def headline_and_name(text: str) -> tuple[str, str] | None:
    """(headline, name) of a headline and a name joined by a slash with no space ('title／publisher・date'):
    what stands before the last slash cannot be a name (too long, a comma in it) and reads as a headline, what
    stands after it reads as a name, perhaps with its date."""
    slashes = list(_GLUED_SLASH.finditer(text))
    if not slashes:
        return None
    head, name = text[:slashes[-1].start()].strip(), text[slashes[-1].end():].strip()
    if find_date(head) is not None or is_sentence(head) or name_score(head) > 0 or headline_score(head) <= 0 \
            or not _is_dated_name(name):
        return None
    return head, name


# A label in a bracket opening the line or standing after a separator: each field of the line has its own.
_LABEL_LED = re.compile(rf"(?:^|(?<=[/／|｜・·\s]))[{_OPEN}]\s*[^{_CLOSE}]{{1,8}}?\s*[{_CLOSE}]")
_VALUE_EDGE = " \t\u3000/／|｜・·"
MIN_LABELLED_FIELDS = 2


def labelled_line_fields(text: str) -> list[str] | None:
    """Each label and value of a line whose every field follows a label of its own in a bracket ('《記事》title／
    《発信元》name／《掲載》date'), else None: the labels name the fields, the values are read by their shapes."""
    labels = list(_LABEL_LED.finditer(text.strip()))
    if len(labels) < MIN_LABELLED_FIELDS or labels[0].start() != 0:
        return None
    text = text.strip()
    ends = [label.start() for label in labels[1:]] + [len(text)]
    fields: list[str] = []
    for label, end in zip(labels, ends, strict=True):
        fields += [label.group(), text[label.end():end].strip(_VALUE_EDGE)]
    return fields if all(fields) else None
