"""A saved page ranks its headings: its sections under one element (<h2>), what a section lists under a
lesser one (<h4>'この章で参照した報道' over the section's cards). A heading element of a lower rank than the
page's section headings, with neither a question under it nor text, heads a list inside the section (its
cards, its sources), not a section of its own: a section's heading is no rank below the others'. A lesser
heading right over a date, a bullet or a link line is a card's own title."""

from __future__ import annotations

import dataclasses
import re

from kiku.importer.grammar.lines.features import QUESTION_SENTENCE, LineFeatures

_ELEMENT = re.compile(r"(?:^|>)h(?P<rank>[1-6])(?=[.#]|$)")
# The page's title is its <h1>: the section headings rank below it.
_TITLE_RANK = 1
# A date line is short: a card's one-line citation holds a date too, and its title and publisher.
DATE_LINE = 30


def _rank(feature: LineFeatures) -> int | None:
    if not feature.marked_heading:
        return None
    found = list(_ELEMENT.finditer(feature.heading_markup))
    return int(found[-1]["rank"]) if found else None


def with_list_headings(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with ``list_heading`` set on each heading element of a lesser rank than another the page
    heads text with, that neither asks nor stands over a question or over text."""
    ranks = [_rank(feature) for feature in features]
    section_ranks = [rank for rank in ranks if rank is not None and rank > _TITLE_RANK]
    if not section_ranks:
        return features
    top = min(section_ranks)
    read = list(features)
    for index, (feature, rank) in enumerate(zip(features, ranks, strict=True)):
        below = features[index + 1] if index + 1 < len(features) else None
        if rank is None or rank <= top or below is None or _asks(feature) or _asks(below) \
                or below.marked_heading or below.sentence or _card_part(below):
            continue
        # Its element marks a list's heading, no evidence of a section's.
        read[index] = dataclasses.replace(feature, list_heading=True, marked_heading=False)
    return read


def _card_part(feature: LineFeatures) -> bool:
    """A date, a bullet or a link line: the heading above it is a card's own title (<h3> over its date)."""
    return feature.card_date is not None or feature.marker is not None or feature.link is not None \
        or (feature.date is not None and len(feature.text) <= DATE_LINE)


def _asks(feature: LineFeatures) -> bool:
    return feature.question or feature.qa_label is not None or QUESTION_SENTENCE.search(feature.text) is not None
