"""The digest layouts: a page read by the family's grammar, then assembled into an article.

Every line gets general features (``grammar.lines.features``); the grammar (``grammar.page.digest_grammar``)
scores how well each line fits each part and which part may follow which; the decoder picks
the reading of the whole page that scores best (``grammar.page.decode``; here ``page_reading``). This
module turns that reading into the article's fields, and warns where the reading was close or the page's
structure is incomplete (a section without a question, a card without a date or summary).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiku.content.model import Section
from kiku.importer.finishing.escape import escape_markdown
from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.source_names import publisher_line
from kiku.importer.grammar.lines.dates import (
    last_day_of_newest_year,
)
from kiku.importer.grammar.lines.features import LineFeatures
from kiku.importer.grammar.lines.recurring import (
    glued_labels,
    recurring_prefixes,
)
from kiku.importer.grammar.lines.sentence_marks import QUESTION_END
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.grammar.page.sections import group_sections
from kiku.importer.layouts.ads.relevance import PageBigrams
from kiku.importer.layouts.digest.article_date import article_dates, closing_date, year_less_date_warning
from kiku.importer.layouts.digest.card_repairs import (
    TEXT_PARTS,
    card_labels,
    publishers_in_place,
    with_years,
    without_recurring_labels,
)
from kiku.importer.layouts.digest.closing_lines import after_conclusion, closing_words_under_label, trailing_links
from kiku.importer.layouts.digest.page_reading import page_reading
from kiku.importer.layouts.digest.sections import read_section, recurring_labels
from kiku.importer.layouts.labels import heading_number, headings_numbered
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

# A line whose best reading beats its runner-up by less than this is reported as unsure.
UNSURE_MARGIN = 1.0
# Parts whose lines are read into fields rather than kept as text: the report says so.
_CONSUMED = {Part.TITLE_AGAIN: "repeated-title", Part.KEY_POINTS_LABEL: "key-points-label",
             Part.CONCLUSION_LABEL: "conclusion-label", Part.CARD_TITLE_AGAIN: "repeated-card-title",
             Part.QUESTION_LABEL: "question-box-label", Part.LINK_TITLE_AGAIN: "repeated-card-title"}
_NAMES = {part: part.name.lower().replace("_", " ") for part in Part}


@dataclass(frozen=True, slots=True)
class DigestParts:
    """What a digest page yields, before tags, date and slug are decided."""

    title: str
    # The article's own date when the page prints one near its title.
    date: dt.date | None
    lead: str | None
    key_points: tuple[str, ...]
    intro: str | None
    sections: tuple[Section, ...]
    outro: tuple[str, ...]
    conclusion: tuple[str, ...]
    # Each line of the page (mended) and the part it was read as.
    line_parts: tuple[tuple[Line, Part], ...] = ()


def looks_like_digest(lines: list[Line]) -> bool:
    """A page of the family: it cites at least one card, or reads as heading–question sections."""
    if any(read_card_link(line.text) is not None for line in lines):
        return True
    return len(lines) >= 4 and any(QUESTION_END.search(line.text) for line in lines)


def parse_digest(lines: list[Line], report: ImportReport) -> DigestParts:
    """Read a digest page whose debris is already gone."""
    lines, features, reading = page_reading(lines, report)
    texts = [line.text for line in lines]
    parts = closing_words_under_label(closing_date([Part(part) for part in reading.parts], features, texts),
                                       features)
    previous_parts = [None, *parts[:-1]]
    for line, (part, runner_up, margin), previous in zip(lines, reading.margins, previous_parts, strict=True):
        if previous == Part.LINK and publisher_line(line.text) is not None:
            continue  # the card's publisher (grammar.page.sections), whatever else it might be
        if margin < UNSURE_MARGIN and not {part, runner_up} <= TEXT_PARTS:
            report.warn(f"line {line.number}: read as {_NAMES[Part(part)]}, but {_NAMES[Part(runner_up)]} "
                        f"was nearly as likely: {line.text}")
    for line, part in zip(lines, parts, strict=True):
        if part in _CONSUMED:
            report.consume(line, _CONSUMED[part])

    masthead = _masthead(features, parts)
    for index in masthead:
        report.drop(lines[index], "before-repeated-title")
    by_part = _header(lines, features, parts, masthead)
    title_line = lines[parts.index(Part.TITLE)] if Part.TITLE in parts else lines[0]
    labels = card_labels(features, parts)
    for index in labels:
        report.consume(lines[index], "recurring-card-label")
    kept = [index for index in range(len(lines)) if index not in labels]
    grouped = group_sections([lines[index] for index in kept], [features[index] for index in kept],
                             [parts[index] for index in kept], title_line)
    prefixes = recurring_prefixes(texts) | recurring_prefixes(publishers_in_place(lines, grouped))
    without_recurring_labels(grouped, prefixes, report)
    after_conclusion([(line, feature) for line, feature, part in zip(lines, features, parts, strict=True)
                       if part == Part.TRAILER], grouped, report)
    page = PageBigrams((line, line.text) for line, feature in zip(lines, features, strict=True)
                       if feature.link is None)
    # A saved page that marks some of its ad cards (data-ad, an ad class, a sponsor label): evidence on every card.
    marks_ads = any(line.ad for line in lines)
    dates = article_dates(lines, features, parts)
    if dates and (warning := year_less_date_warning(lines, features, parts, dates[0])) is not None:
        report.warn(warning)
    # A page printing no date line of its own dates its year-less cards in the year of the newest date it mentions.
    page_date = dates[0] if dates else last_day_of_newest_year(texts)
    for section in grouped:
        with_years(section.cards, page_date, report)
    # Read on the headings as printed, or behind their glyph ('■ ① …'): a bullet's number already split off one
    # ('2．これから…') and not another ('1．50年…', a digit after the dot) is one list's all the same.
    numbered = headings_numbered([feature.unmarked if heading_number(feature.unmarked) else feature.text
                                  for feature, part in zip(features, parts, strict=True) if part == Part.HEADING])
    qa_labels = recurring_labels([section.question.text for section in grouped if section.question is not None]) \
        | recurring_labels([section.answer.text for section in grouped if section.answer is not None])
    glued = glued_labels([section.question.text for section in grouped if section.question is not None],
                         [section.answer.text for section in grouped if section.answer is not None])
    sections = tuple(read_section(number, section, page, title_line.text, report, marks_ads=marks_ads,
                                  numbered=numbered and not section.untitled, qa_labels=qa_labels,
                                  prefixes=prefixes, glued=glued)
                     for number, section in enumerate(grouped))
    if not sections:
        report.warn("no section (a heading followed by a question, or a source card) found; "
                    "the text is kept as the lead and intro")
    for line, part in zip(lines, parts, strict=True):
        if part == Part.BYLINE:
            report.drop(line, "byline")
    trailing_links([line for line, part in zip(lines, parts, strict=True) if part == Part.TRAILING_LINK], report)
    for line, part in zip(lines, parts, strict=True):
        if part in (Part.PRE_DATE, Part.HEAD_DATE):
            report.consume(line, "article-date", "date")
    return DigestParts(
        title=texts[parts.index(Part.TITLE)] if Part.TITLE in parts else texts[0],
        date=dates[0] if dates else None,
        lead=_paragraphs(by_part.get(Part.LEAD, [])),
        key_points=tuple(by_part.get(Part.KEY_POINT, [])),
        intro=_paragraphs(by_part.get(Part.INTRO, [])),
        sections=sections,
        outro=tuple(by_part.get(Part.OUTRO, [])),
        conclusion=tuple(by_part.get(Part.CONCLUSION, [])),
        line_parts=tuple(zip(lines, parts, strict=True)),
    )






def _masthead(features: list[LineFeatures], parts: list[Part]) -> frozenset[int]:
    """The lead's lines above the title printed again that are no sentence, or items of a list: between
    the page's title and the article's own copy of it stands the site's or the letter's head (a sender's
    name and address, a list's navigation, an issue's banner). A sentence there is the article's teaser
    (its description printed under the page's title) and stays."""
    if Part.TITLE_AGAIN not in parts:
        return frozenset()
    again = parts.index(Part.TITLE_AGAIN)
    return frozenset(index for index, part in enumerate(parts[:again]) if part == Part.LEAD and (
        features[index].marker is not None or features[index].list_item
        or not (features[index].sentence or features[index].predicate or features[index].question)))


def _header(lines: list[Line], features: list[LineFeatures], parts: list[Part],
            masthead: frozenset[int] = frozenset()) -> dict[Part, list[str]]:
    """The texts of the parts outside sections, marker glyphs removed from listed points. Under a closing
    summary's heading (a section over paragraphs, ``grammar.page.sections``) the closing words and points are
    that section's: not printed again as the article's."""
    texts: dict[Part, list[str]] = {}
    in_summary = False
    for index, (feature, part) in enumerate(zip(features, parts, strict=True)):
        if index in masthead:
            continue
        in_summary = feature.heads_prose if part == Part.HEADING else in_summary
        if in_summary and part in (Part.OUTRO, Part.CONCLUSION):
            continue
        if part in (Part.LEAD, Part.INTRO, Part.OUTRO):
            texts.setdefault(part, []).append(escape_markdown(feature.text))
        elif part in (Part.KEY_POINT, Part.CONCLUSION):
            texts.setdefault(part, []).append(escape_markdown(feature.unmarked))
        elif part == Part.PLAIN_KEY_POINT:
            texts.setdefault(Part.KEY_POINT, []).append(escape_markdown(feature.text))
    return texts



def _paragraphs(parts: list[str]) -> str | None:
    return "\n\n".join(parts) or None

