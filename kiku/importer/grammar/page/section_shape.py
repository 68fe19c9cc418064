"""The page's own section shape, as evidence for a second reading.

The grammar's scores are local: a heading that a question follows and one that a card or a
paragraph follows both read well. On a page whose sections open heading · question · answer,
an unmarked card's title or date line (no glyph, no element) between an answer and the next
heading reads as a heading of a question-less section as easily as a card's head, and the
page comes out with twice its sections and none of its cards. The first reading measures the
shape: when several of its headings open on a question, a heading that does not is unlikely
on that page, and the page is read again with that reading costing more. A heading the page
marks up (an element, the page's heading style, a summary's label over the closing text) is
the page's own word and keeps its reading; a page with one question-less section, or with few
question sections, gives too little evidence and is read once.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiku.importer.grammar.lines.features import LineFeatures
from kiku.importer.grammar.page.decode import Detour
from kiku.importer.grammar.page.digest_grammar import Part

# Headings over a question that asks ('…？') that make the page's shape evidence, and misshapen sections
# that make it worth a second reading (one may be the writer's own, read as the grammar allows).
QUESTION_SECTIONS = 2
MISSHAPEN_SECTIONS = 2
# Parts whose lines the importer drops as the site's.
_SITE_PARTS = frozenset({Part.TRAILER, Part.TRAILING_LINK, Part.BYLINE})
# What a heading may open on besides a question: the family's sections of cards alone or of text alone.
_SECTION_OPENINGS = frozenset({Part.CARD_DATE, Part.CARD_TITLE, Part.BULLET, Part.LINK, Part.TITLED_LINK, Part.BODY})
# What a heading over no question costs on such a page: more than an unmarked line's lean to a
# heading over a card's title (a point or two), less than a marked heading's evidence.
QUESTIONLESS_HEADING_COST = -2.0
# An unmarked line as a card's summary point: rare, so it needs the card's head and link line around it.
UNMARKED_POINT = -1.5


def shaped_terms(parts: Sequence[Part], features: Sequence[LineFeatures],
                 fits: Sequence[Sequence[float]]) -> tuple[list[list[float]], Detour] | None:
    """The second reading's fits and its cost for a heading over no question, or None when the first
    reading's shape gives too little evidence."""
    if asking_sections(parts, features) < QUESTION_SECTIONS:
        return None
    # The shape is the sections': the page's head (its title, date, tags, key points) is read as before.
    start = next(index for index, part in enumerate(parts)
                 if part == Part.HEADING and _asks_after(index, parts, features))
    misshapen = [index >= start and _misshapen(index, parts, features) for index in range(len(parts))]
    if sum(misshapen) < MISSHAPEN_SECTIONS:
        return None
    # A heading the first reading put over cards or text alone is a section of a shape the family
    # uses (a closing section, a section citing cards): it keeps its reading; so does a line that asks
    # (a section may ask in its heading, '期待される効果は？', over cards alone). Any other line pays.
    kept = [index < start or _page_marks_heading(feature) or feature.question or (part == Part.HEADING and not wrong)
            for index, (feature, part, wrong) in enumerate(zip(features, parts, misshapen, strict=True))]
    costs = [0.0 if keep else QUESTIONLESS_HEADING_COST for keep in kept]
    shaped = [list(scores) if index < start else _shaped_fit(scores, feature)
              for index, (scores, feature) in enumerate(zip(fits, features, strict=True))]
    return shaped, Detour(int(Part.HEADING), int(Part.QUESTION), costs)


def _shaped_fit(scores: Sequence[float], feature: LineFeatures) -> list[float]:
    """A line's fits on a page of question sections whose first reading found headings over none."""
    shaped = list(scores)
    if not feature.question:
        # The page's questions ask ('…？'): a line that does not is no question on it, or the heading's
        # cost would only move a card's title or date under a heading as its question.
        shaped[Part.QUESTION] += QUESTIONLESS_HEADING_COST
    if feature.marker is None and feature.link is None and not feature.marked_heading:
        # What is left of such a page's misread sections is a card whose summary prints no glyph (a site
        # that marks its points by their place alone, between the card's head and its link line).
        shaped[Part.BULLET] = UNMARKED_POINT
    return shaped


def second_reading_stands(first: Sequence[Part], second: Sequence[Part], features: Sequence[LineFeatures]) -> bool:
    """The shape is evidence on the page's sections, never on what is the site's: a second reading that
    loses a section over an asking question, or drops lines the first kept (a closing list re-read as
    the site's trailer), does not stand."""
    return (asking_sections(second, features) >= asking_sections(first, features)
            and _dropped(second) <= _dropped(first))


def _dropped(parts: Sequence[Part]) -> int:
    return sum(1 for part in parts if part in _SITE_PARTS)


def asking_sections(parts: Sequence[Part], features: Sequence[LineFeatures]) -> int:
    """How many headings of a reading open on a question that asks ('…？'), perhaps under its box's label."""
    return sum(1 for index, part in enumerate(parts) if part == Part.HEADING and _asks_after(index, parts, features))


def _asks_after(index: int, parts: Sequence[Part], features: Sequence[LineFeatures]) -> bool:
    """Whether the heading at ``index`` opens on a question that asks, perhaps under its box's label."""
    after = index + 1
    if after < len(parts) and parts[after] == Part.QUESTION_LABEL:
        after += 1
    return after < len(parts) and parts[after] == Part.QUESTION and features[after].question


def _misshapen(index: int, parts: Sequence[Part], features: Sequence[LineFeatures]) -> bool:
    """A heading over neither a question that asks, nor cards, nor text: over an answer, a remark or a
    'question' that asks nothing (a card's title over its date, read as a section)."""
    if parts[index] != Part.HEADING or index + 1 == len(parts):
        return False
    return not _asks_after(index, parts, features) and parts[index + 1] not in _SECTION_OPENINGS


def _page_marks_heading(feature: LineFeatures) -> bool:
    return feature.marked_heading or feature.styled_heading or feature.heads_prose
