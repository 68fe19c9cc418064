"""A card's fields assigned by the best reading of the whole card, whatever order or markup printed them.

Every line is cut into candidate fields (``segments``) and each scored by its shape (``features``). Under
the card's constraints — one link, at most one title, one publisher and one date, a label never a field's
value — the reading chosen is the one whose title is the most headline-like and whose publisher the most
name-like, a name standing beside the date or the link counting as more the publisher. Sentences are the
summary; what is left (a second date, a category word, a second name) is a remark, returned to be reported,
never dropped silently."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kiku.importer.grammar.cards.fields.features import FieldFeatures, bracketed_word, features
from kiku.importer.grammar.cards.fields.segments import dashed_credit, labelled_line_fields, split_line

# A name printed right beside the date or the link is where a card prints its publisher.
BESIDE_BONUS = 0.5
# More when printed on the same line ('publisher（2025/5/1）', 'publisher · 2025-10-07').
SAME_LINE_BONUS = 0.2
# A word this short opening the card, its publisher printed elsewhere, is the card's label ('関連', '参考').
MAX_OPENING_LABEL = 4
# A field's label printed before its value is a word or two; two values so labelled show a card that labels all.
MAX_FIELD_LABEL = 6
MIN_LABELLED_VALUES = 2


@dataclass(frozen=True, slots=True)
class CardLine:
    text: str
    # The line is (or holds) the text of the card's link.
    linked: bool = False
    # The line is one field's value under a label of its own: a bracket around all of it is how the page
    # prints the value ('〔経済産業省〕'), not a label.
    value: bool = False
    # A caption or heading over the card's fields ('引用した記事'): it may title the card, it never names its source.
    caption: bool = False
    # The value of a field labelled as the source ('発行元', '出典'): it names the publisher, never titles the card.
    source: bool = False


@dataclass(frozen=True, slots=True)
class Field:
    text: str
    line: int  # the index of the card line it was printed on
    order: int  # its place among all the card's fields
    features: FieldFeatures
    # The field as the page prints it, when the reading takes it otherwise (a value without its brackets).
    printed: str = ""

    @property
    def as_printed(self) -> str:
        return self.printed or self.text


@dataclass(frozen=True, slots=True)
class CardReading:
    url: Field | None
    title: Field | None
    publisher: Field | None
    date: Field | None
    summary: tuple[Field, ...]
    labels: tuple[Field, ...]
    remarks: tuple[Field, ...]
    # Every field of the card, in its order.
    fields: tuple[Field, ...] = ()

    @property
    def published(self) -> dt.date | None:
        return self.date.features.date if self.date is not None else None


def card_fields(lines: Sequence[CardLine]) -> list[Field]:
    """Every candidate field of the card's lines, in their order."""
    fields: list[Field] = []
    for index, line in enumerate(lines):
        if line.value and (word := bracketed_word(line.text)) is not None:
            fields.append(Field(word, index, len(fields), features(word, linked=line.linked), line.text.strip()))
            continue
        # A dash-led credit's fields are written apart, its dash and quotes not: its name stands for the line as
        # printed, so the line is reported whole as read into the card.
        credit = line.text.strip() if dashed_credit(line.text) is not None else ""
        for order, text in enumerate(split_line(line.text)):
            linked = line.linked and text in line.text and not text.startswith(("http://", "https://"))
            printed = credit if order == 0 else ""
            fields.append(Field(text, index, len(fields), features(text, linked=linked), printed))
    return fields


def read_card(lines: Sequence[CardLine]) -> CardReading:
    """The best reading of a card printed as ``lines``."""
    fields = card_fields(lines)
    urls = [field for field in fields if field.features.url]
    dates = [field for field in fields if field.features.date is not None]
    labels = [field for field in fields if field.features.label]
    summary = [field for field in fields if field.features.sentence]
    date = dates[0] if dates else None
    url = urls[0] if urls else None
    candidates = [field for field in fields if field.features.name > 0 or field.features.headline > 0]
    captions = {index for index, line in enumerate(lines) if line.caption}
    sources = {index for index, line in enumerate(lines) if line.source}
    title, publisher = _best_pair(candidates, [field for field in (date, url) if field is not None], fields, captions,
                                  sources)
    opening = fields[0] if fields else None
    if opening is not None and publisher is not None and opening is not title and opening is not publisher \
            and _is_opening_word(opening):
        labels.insert(0, opening)  # a word opening a card whose publisher stands elsewhere names the card ('関連')
    values = {id(field) for field in (url, date, title, publisher, *summary) if field is not None}
    labels += _label_column(fields, values, labels)
    chosen = values | {id(field) for field in labels}
    remarks = tuple(field for field in fields if id(field) not in chosen)
    return CardReading(url, title, publisher, date, tuple(summary), tuple(labels), remarks, tuple(fields))


def _label_column(fields: list[Field], values: set[int], labels: list[Field]) -> list[Field]:
    """The short words each printed right before a field's value ('見出し' before the headline, '概要' before the
    summary) when at least two values are so labelled: the card labels its fields, and the words are labels."""
    known = {id(field) for field in labels}
    before = [field for field, after in itertools.pairwise(fields)
              if id(after) in values and id(field) not in values and id(field) not in known
              and len(field.text) <= MAX_FIELD_LABEL and not field.features.sentence]
    labelled = sum(1 for field, after in itertools.pairwise(fields)
                   if id(after) in values and (id(field) in known or field in before))
    return before if labelled >= MIN_LABELLED_VALUES else []


def _is_opening_word(field: Field) -> bool:
    return len(field.text) <= MAX_OPENING_LABEL and field.features.name > 0 and not any(
        char.isdigit() for char in field.text)


def _best_pair(candidates: list[Field], anchors: list[Field], fields: list[Field],
               captions: set[int], sources: set[int]) -> tuple[Field | None, Field | None]:
    """The (title, publisher) of the highest score: a headline's score plus a name's, the name beside an
    anchor (the date, the link) scoring more; a caption's line names no publisher, a source's titles nothing."""
    options: list[Field | None] = [None, *candidates]
    best: tuple[float, Field | None, Field | None] = (0.0, None, None)
    for title, publisher in itertools.product(options, options):
        if title is not None and title is publisher:
            continue
        score = 0.0
        if title is not None:
            if title.features.headline <= 0 or title.line in sources:
                continue
            score += title.features.headline
        if publisher is not None:
            if publisher.features.name <= 0 or publisher.line in captions:
                continue
            score += publisher.features.name + (BESIDE_BONUS if _beside(publisher, anchors, fields) else 0.0) \
                + (SAME_LINE_BONUS if any(anchor.line == publisher.line for anchor in anchors) else 0.0)
        if score > best[0]:
            best = (score, title, publisher)
    return best[1], best[2]


def _beside(field: Field, anchors: list[Field], fields: list[Field]) -> bool:
    """No field but labels stands between ``field`` and one of ``anchors``."""
    for anchor in anchors:
        low, high = sorted((field.order, anchor.order))
        if all(other.features.label for other in fields[low + 1:high]):
            return True
    return False


def read_labelled_line(text: str) -> CardReading | None:
    """The reading of a line whose every field has a label of its own in a bracket, else None."""
    fields = labelled_line_fields(text)
    return read_card([CardLine(field) for field in fields]) if fields is not None else None


# A card's whole head on its title line, its fields set apart by bars: 'name｜2025/1/15｜title'.
_BAR = re.compile(r"[|｜]")
# A slash between fields, not one between a date's digits ('2025/1/15') nor one a space already sets apart.
_GLUED_SLASH = re.compile(r"(?<![\s0-9０-９])[/／](?!\s)|(?<!\s)[/／](?![\s0-9０-９])")
MIN_BARRED_FIELDS = 3


def read_barred_line(text: str) -> CardReading | None:
    """The reading of a title line printing the card's head as fields set apart by bars, perhaps behind a label
    ('［発信］name｜2025/1/15｜title', 'name｜PR｜title', 'name｜title（2025/1/15）'): a title, and a publisher or a
    date or a sponsor's mark (both a publisher and a date behind one bar), every field read (no remark, no
    sentence), else None. Slashes printed without spaces ('〔記事〕name／2025.1.15／title') set the fields apart
    as bars do when they cut the line into all three."""
    bars = len(_BAR.findall(text))
    if not bars:
        return _read_slashed_line(text)
    reading = read_card([CardLine(text)])
    sponsored = any(label.features.sponsor for label in reading.labels)
    if reading.title is None or reading.remarks or reading.summary or reading.url is not None \
            or not (reading.publisher or reading.date or sponsored):
        return None
    # One bar sets a name off a dated headline ('name｜title（2025/1/15）'): a head only with all three fields, each
    # closing the brackets it opens (a bracket holding 'name｜date' or 'name、date' is read otherwise, ``sections``).
    whole = reading.publisher is not None and reading.date is not None \
        and all(_balanced(field.text) for field in reading.fields)
    return reading if bars >= MIN_BARRED_FIELDS - 1 or whole else None


def _read_slashed_line(text: str) -> CardReading | None:
    """The card's title, publisher and date, in any order, on a line cut by slashes with no space around them
    (none a date's own: '2025/1/15'), else None: a slash also joins words in a headline ('日米／日中'), so only a
    line read whole as the three fields, nothing left over, is a card's head."""
    if len(_GLUED_SLASH.findall(text)) < MIN_BARRED_FIELDS - 1:
        return None
    reading = read_card([CardLine(_GLUED_SLASH.sub(" ／ ", text))])
    if reading.title is None or reading.publisher is None or reading.date is None or reading.remarks \
            or reading.summary or reading.url is not None:
        return None
    return reading


_OPENING, _CLOSING = "[［【(（〔〈《「『", "]］】)）〕〉》」』"


def _balanced(text: str) -> bool:
    return sum(text.count(char) for char in _OPENING) == sum(text.count(char) for char in _CLOSING)
