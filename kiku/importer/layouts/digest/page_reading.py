"""The digest page read by the family's grammar: each line's features, the decoder's best reading of the
whole page, read again in the page's heading style or section shape when that reads it better."""

from __future__ import annotations

from dataclasses import replace

from kiku.importer.grammar.cards.card_names import (
    with_head_titles_again,
    with_marker_changes,
    with_numbered_card_heads,
    with_publishers_beside_dates,
    with_publishers_under_head_links,
    with_publishers_under_titles,
)
from kiku.importer.grammar.lines.dates import line_date
from kiku.importer.grammar.lines.feature_passes import (
    with_lines_under_heading_elements,
    with_lone_marks,
    with_standalone_lines,
)
from kiku.importer.grammar.lines.features import LineFeatures, line_features
from kiku.importer.grammar.lines.label_passes import with_prose_summaries, with_shape_labels
from kiku.importer.grammar.lines.publisher_passes import with_card_publishers
from kiku.importer.grammar.lines.qa_labels import with_qa_labels
from kiku.importer.grammar.lines.recurring import with_recurring_labels
from kiku.importer.grammar.page.decode import Reading, best_reading
from kiku.importer.grammar.page.digest_grammar import ENDS, MOVES, STARTS, Part
from kiku.importer.grammar.page.heading_ranks import with_list_headings
from kiku.importer.grammar.page.line_fit import fit
from kiku.importer.grammar.page.section_shape import second_reading_stands, shaped_terms
from kiku.importer.layouts.digest.heading_style import with_heading_style
from kiku.importer.layouts.digest.line_repairs import GluedLink, mended_lines
from kiku.importer.layouts.labels import fold
from kiku.importer.page import ImportFailed, Line
from kiku.importer.report import ImportReport


def page_reading(lines: list[Line], report: ImportReport) -> tuple[list[Line], list[LineFeatures], Reading]:
    if not lines:
        raise ImportFailed("the page has no text left after removing site chrome")
    lines = mended_lines(lines, report)
    features = page_features(lines)
    reading = best_reading([fit(feature) for feature in features], MOVES, STARTS, ENDS)
    if reading is not None and (styled := with_heading_style(lines, [Part(part) for part in reading.parts])):
        # The page's own heading style marks a line the first reading did not take for a heading.
        lines, features = styled, page_features(styled)
        reading = best_reading([fit(feature) for feature in features], MOVES, STARTS, ENDS)
    if reading is not None:
        reading = _in_section_shape(reading, features)
    if reading is None:
        raise ImportFailed("no reading of the page as a digest (title, sections of heading, question and "
                           "answer, source cards ending in a link line)")
    return lines, features, reading


def _in_section_shape(reading: Reading, features: list[LineFeatures]) -> Reading:
    """The page read again when its first reading's sections mostly open on a question (``section_shape``);
    the second reading stands only when it loses no asking section and drops no more lines."""
    parts = [Part(part) for part in reading.parts]
    terms = shaped_terms(parts, features, [fit(feature) for feature in features])
    if terms is None:
        return reading
    again = best_reading(terms[0], MOVES, STARTS, ENDS, terms[1])
    if again is None or not second_reading_stands(parts, [Part(part) for part in again.parts], features):
        return reading
    return again

def page_features(lines: list[Line]) -> list[LineFeatures]:
    texts = [line.text for line in lines]
    keys = [fold(text) for text in texts]
    # The title is the first line that is no date: a date line printed above it is kept for the article's date.
    title_key = next((key for key, text in zip(keys, texts, strict=True) if line_date(text) is None), keys[0])
    features = [line_features(texts, keys, index, title_key, marked_heading=line.heading,
                              heading_markup=line.heading_markup, list_item=line.list_item,
                              styled_heading=line.styled_heading, link_only=line.link_only,
                              heads_card_box=line.heads_card_box)
                for index, line in enumerate(lines)]
    features = [replace(feature, glued_remark=True) if index and isinstance(lines[index - 1], GluedLink)
                and lines[index - 1].number == line.number else feature
                for index, (line, feature) in enumerate(zip(lines, features, strict=True))]
    # Each pass reads what the passes before it found (a card's meta lines before its numbered title).
    for reread in (with_qa_labels, with_prose_summaries, with_shape_labels, with_card_publishers,
                   with_publishers_under_titles, with_publishers_under_head_links, with_publishers_beside_dates,
                   with_head_titles_again, with_numbered_card_heads, with_marker_changes, with_lone_marks,
                   with_lines_under_heading_elements, with_standalone_lines, with_list_headings, with_recurring_labels):
        features = reread(features)
    return features
