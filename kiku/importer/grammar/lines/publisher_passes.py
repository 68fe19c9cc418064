"""A pass over a page's line features that reads a name-shaped line as a card's publisher printed above
its title, where the card's link line names none; and the shapes of such a name. The pass returns new
features; it changes nothing of what ``line_features`` read of a line alone.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from kiku.importer.cleaning.chrome import is_ad_label
from kiku.importer.grammar.cards.card_link import named_after_link_label
from kiku.importer.grammar.cards.card_meta import CardDate, date_separators, without_date_placeholder
from kiku.importer.grammar.cards.name_labels import (
    MAX_NAME,
    is_label_note,
    is_source_label,
    labelled_name,
    without_ad_note,
)
from kiku.importer.grammar.cards.source_names import publisher_line
from kiku.importer.grammar.lines.features import LineFeatures

# How far below a publisher printed above a card its link line may stand (title, date, bullets).
MAX_CARD_LINES = 12
_NAME_PUNCTUATION = re.compile(r"[。、，,．!！?？:：「」『』]")
# A label in brackets alone on its line ('【参考記事】', '［関連］', '＜参照した情報＞'): what follows is, not who
# published it.
_BRACKETED_LABEL = re.compile(r"^[【［\[〔《＜〈<][^】］\]〕》＞〉>]+[】］\]〕》＞〉>]$")


def is_bracketed_label(text: str) -> bool:
    return _BRACKETED_LABEL.match(text.strip()) is not None


def with_card_publishers(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with a name-shaped line (short, no sentence, no mark, no date) read as the card's
    meta line when it stands right above a card whose link line names no publisher: the card prints
    its publisher first ('日本経済新聞' · title · date · bullets · '元記事を読む → URL'). A heading
    stands above a question, or above a card that names its publisher."""
    read = list(features)
    separators = date_separators([feature.text for feature in features])
    head_marks = _card_head_marks(features)
    for index, feature in enumerate(features[:-1]):
        after_question = index > 0 and features[index - 1].question  # there, a short line is the answer
        name = _stacked_bracket_name(features, index) or shaped_name(features, index, head_marks)
        name = without_date_placeholder(name, separators) if name is not None else None
        if not after_question and name is not None and _card_below_names_no_publisher(features, index + 1, name):
            read[index] = dataclasses.replace(feature, card_date=CardDate(None, name))
    return read


def shaped_name(features: list[LineFeatures], index: int, head_marks: frozenset[str] = frozenset()) -> str | None:
    """The name a name-shaped line gives (short, no sentence, no mark, no date), perhaps behind a field's
    label ('配信元：NHKニュース') or after an icon of its own ('📰 読売新聞オンライン': a glyph that no line
    next to it shares decorates the name, where a list's glyph marks each of its points) or after the mark the
    page's dated card heads open with (``head_marks``: '[資料3] name' under '[資料1] date｜name'), else None."""
    feature = features[index]
    text = named_after_link_label(feature.unmarked.strip())
    name = without_ad_note(labelled_name(text) or text)
    if ((feature.marker is None or _lone_icon(features, index) or _folded_mark(feature.marker) in head_marks)
            and feature.link is None
            and feature.card_date is None and feature.date is None
            and not feature.marked_heading and not feature.is_title and not feature.predicate
            and 2 <= len(name) <= MAX_NAME and not _NAME_PUNCTUATION.search(name) and not is_bracketed_label(name)
            and not is_label_note(name)):
        return name
    return None


def _stacked_bracket_name(features: list[LineFeatures], index: int) -> str | None:
    """The name a bracketed line gives under a bracketed label ('〔参考〕' · '〔環境省〕' · title …): a card's head
    labelled so prints its label first and the name under it, each in its brackets, a field's or an ad's label
    perhaps beside the name ('〔配信元：環境省〕', '〔山の道具店 / 広告〕'), else None."""
    if index == 0 or not is_bracketed_label(features[index].text) or not is_bracketed_label(features[index - 1].text) \
            or features[index].marker is not None:
        return None
    inner = features[index].text.strip()[1:-1]
    labelled = _COLON_LABEL.match(inner)  # a short word before a colon labels what follows, whatever the word
    names = [part for part in _FIELD_SEPARATORS.split(inner[labelled.end():] if labelled else inner)
             if part.strip() and not is_source_label(part) and not is_ad_label(part)]
    name = names[0].strip() if len(names) == 1 else ""
    return name if 2 <= len(name) <= MAX_NAME and not _NAME_PUNCTUATION.search(name) \
        and not is_label_note(name) and name != features[index - 1].text.strip()[1:-1].strip() else None


# What sets a name apart from a label beside it in the same brackets: a bar, a slash, a bracket.
_FIELD_SEPARATORS = re.compile(r"\s*[|｜/／]\s*|\s*[(（)）]\s*")
_COLON_LABEL = re.compile(r"^\s*[^\s:：|｜/／]{1,6}\s*[:：]\s*(?=\S)")


def _card_head_marks(features: list[LineFeatures]) -> frozenset[str]:
    """The marks (numbers folded) that open the page's card date lines naming a publisher: a card's head label."""
    return frozenset(_folded_mark(feature.marker) for feature in features if feature.marker is not None
                     and feature.card_date is not None and feature.card_date.publisher is not None
                     and (feature.card_date.date or feature.card_date.month_day) is not None)


def _folded_mark(marker: str | None) -> str:
    return re.sub(r"\d", "#", unicodedata.normalize("NFKC", marker or ""))


def _lone_icon(features: list[LineFeatures], index: int) -> bool:
    """The line opens with a pictograph (not a list's number or punctuation) that neither line beside it opens with."""
    marker = features[index].marker
    neighbours = features[max(0, index - 1):index] + features[index + 1:index + 2]
    return marker is not None and unicodedata.category(marker[0]) == "So" \
        and all(other.marker != marker for other in neighbours)


def _card_below_names_no_publisher(features: list[LineFeatures], start: int, name: str) -> bool:
    """Whether a card's head starts at ``start`` (a headline, not a question) and its link line, the
    first below with no question before it, names no publisher (or ``name`` again), nor does the line after it."""
    head = features[start]
    if head.link is not None:
        # A card that opens with its link line, naming no one: the name above it is the card's (its
        # publisher, or a short title; ``card_names_by_shape`` tells which by what each line is). A link line
        # printing the whole card names the publisher above it again: the name is the card's as well.
        after = features[start + 1] if start + 1 < len(features) else None
        again = head.link.publisher == name
        return (again or (head.link.publisher is None and head.link.title is None)) \
            and (after is None or (publisher_line(after.text) is None and not _names_publisher(after)))
    if head.question or head.sentence or head.marker is not None \
            or head.card_date is not None or head.date is not None:
        return False  # a date line under it: the line above is the card's title, printed before its date
    return link_below_names_no_publisher(features, start + 1)


def _names_publisher(feature: LineFeatures) -> bool:
    """A card's date line that names the publisher beside the date ('dev-notes ・ 2025-04-18')."""
    return feature.card_date is not None and feature.card_date.date is not None \
        and feature.card_date.publisher is not None


def link_below_names_no_publisher(features: list[LineFeatures], start: int) -> bool:
    """Whether the first link line from ``start`` on (no question before it) names no publisher,
    nor does the line after it."""
    for index in range(start, min(len(features), start + MAX_CARD_LINES)):
        below = features[index]
        if below.question:
            return False
        if below.link is not None:
            after = features[index + 1].text if index + 1 < len(features) else ""
            return not below.link.names_publisher and publisher_line(after) is None
    return False
