"""Passes over a page's line features that mark a line by where it stands: a line standing alone
between two sentences, a line under a heading element, a glyph printed before single lines only. Each
pass returns new features; none changes what ``line_features`` read of a line alone. (A label's passes are
``label_passes``; a card's publisher above its title, ``publisher_passes``.)
"""

from __future__ import annotations

import dataclasses
import itertools

from kiku.importer.grammar.lines.features import QUESTION_SENTENCE, LineFeatures
from kiku.importer.grammar.lines.sentence_marks import is_wholly_quoted


def with_standalone_lines(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with ``between_sentences`` set on a line that is no sentence itself and stands
    between two sentences of text (no bullet, date or link on either side): a paragraph never breaks
    off into a fragment, so such a line names what the text below it is about (a heading), wherever
    the section has no question or card for it to stand over. A line that is wholly a quotation
    ('『…』', '「…」') is no such fragment: it cites another's words or a work's title (a card's)."""
    read = list(features)
    for index in range(1, len(features) - 1):
        feature = features[index]
        if not _sentence_like(feature) and feature.marker is None and feature.link is None \
                and not is_wholly_quoted(feature.text) \
                and feature.date is None and _text_line(features[index - 1]) and _text_line(features[index + 1]):
            read[index] = dataclasses.replace(feature, between_sentences=True)
    return read


def with_lines_under_heading_elements(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with ``under_heading_element`` set on a line right below a saved page's heading
    element: what the page marks as its heading stands above it, so a short line there over a question
    is the title of the question's box, not a second heading."""
    return [dataclasses.replace(feature, under_heading_element=True)
            if index and features[index - 1].marked_heading and not feature.marked_heading else feature
            for index, feature in enumerate(features)]


def _sentence_like(feature: LineFeatures) -> bool:
    return feature.sentence or feature.predicate or QUESTION_SENTENCE.search(feature.text) is not None


def _text_line(feature: LineFeatures) -> bool:
    return (_sentence_like(feature) and feature.marker is None and feature.link is None
            and feature.card_date is None and not feature.is_title)


# A glyph printed before this many single lines or more, none next to another, marks them one by one.
MIN_LONE_MARKS = 3


def with_lone_marks(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with ``lone_mark`` set on the lines marked with a glyph that the page prints before single lines
    only, at least ``MIN_LONE_MARKS`` of them (a remark's '💭' closing each section): a list repeats its glyph on
    lines one under another."""
    at: dict[str, list[int]] = {}
    for index, feature in enumerate(features):
        if feature.marker is not None:
            at.setdefault(feature.marker, []).append(index)
    lone = {index for indexes in at.values() if len(indexes) >= MIN_LONE_MARKS
            and all(second - first > 1 for first, second in itertools.pairwise(indexes))
            for index in indexes}
    return [dataclasses.replace(feature, lone_mark=True) if index in lone else feature
            for index, feature in enumerate(features)]
