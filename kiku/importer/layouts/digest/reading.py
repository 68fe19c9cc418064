"""The digest layouts: a page read by the family's grammar, then assembled into an article.

Every line gets general features (``grammar.lines.features``); the grammar (``grammar.page.digest_grammar``)
scores how well each line fits each part and which part may follow which; the decoder picks
the reading of the whole page that scores best (``grammar.page.decode``). This module turns that
reading into the article's fields, and warns where the reading was close or the page's
structure is incomplete (a section without a question, a card without a date or summary).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiku.content.model import Section
from kiku.importer.finishing.escape import escape_markdown
from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.cards.card_meta import in_year_of
from kiku.importer.grammar.cards.card_names import (
    with_head_titles_again,
    with_marker_changes,
    with_numbered_card_heads,
    with_publishers_beside_dates,
    with_publishers_under_head_links,
    with_publishers_under_titles,
)
from kiku.importer.grammar.cards.source_names import publisher_line
from kiku.importer.grammar.lines.dates import (
    DATE_OWN_LABEL,
    date_prefix,
    find_date,
    labels_updated,
    last_day_of_newest_year,
    line_date,
)
from kiku.importer.grammar.lines.feature_passes import (
    with_card_publishers,
    with_lines_under_heading_elements,
    with_lone_marks,
    with_prose_summaries,
    with_shape_labels,
    with_standalone_lines,
)
from kiku.importer.grammar.lines.features import LineFeatures, line_features
from kiku.importer.grammar.lines.qa_labels import with_qa_labels
from kiku.importer.grammar.lines.recurring import (
    glued_labels,
    recurring_prefix,
    recurring_prefixes,
    with_recurring_labels,
)
from kiku.importer.grammar.lines.sentence_marks import QUESTION_END
from kiku.importer.grammar.page.decode import Reading, best_reading
from kiku.importer.grammar.page.digest_grammar import ENDS, MOVES, STARTS, Part, fit
from kiku.importer.grammar.page.heading_ranks import with_list_headings
from kiku.importer.grammar.page.section_shape import second_reading_stands, shaped_terms
from kiku.importer.grammar.page.sections import CardLines, SectionLines, group_sections
from kiku.importer.layouts.ads.relevance import PageBigrams
from kiku.importer.layouts.digest.heading_style import with_heading_style
from kiku.importer.layouts.digest.line_repairs import mended_lines
from kiku.importer.layouts.digest.sections import read_section, recurring_labels
from kiku.importer.layouts.labels import fold, heading_number, headings_numbered
from kiku.importer.page import ImportFailed, Line
from kiku.importer.report import ImportReport

# A line whose best reading beats its runner-up by less than this is reported as unsure.
UNSURE_MARGIN = 1.0
# Parts whose lines are read into fields rather than kept as text: the report says so.
_CONSUMED = {Part.TITLE_AGAIN: "repeated-title", Part.KEY_POINTS_LABEL: "key-points-label",
             Part.CONCLUSION_LABEL: "conclusion-label", Part.CARD_TITLE_AGAIN: "repeated-card-title",
             Part.QUESTION_LABEL: "question-box-label", Part.LINK_TITLE_AGAIN: "repeated-card-title"}
# Parts that are all shown as the section's or page's text: a doubt between two of them is the
# writer's voice (a remark or a paragraph), not the article's structure, and is not reported.
_TEXT_PARTS = frozenset({Part.LEAD, Part.INTRO, Part.COMMENT, Part.CARD_REMARK, Part.BODY, Part.REACTION,
                         Part.OUTRO})
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
    lines, features, reading = _page_reading(lines, report)
    texts = [line.text for line in lines]
    parts = _closing_words_under_label(_closing_date([Part(part) for part in reading.parts], features, texts),
                                       features)
    previous_parts = [None, *parts[:-1]]
    for line, (part, runner_up, margin), previous in zip(lines, reading.margins, previous_parts, strict=True):
        if previous == Part.LINK and publisher_line(line.text) is not None:
            continue  # the card's publisher (grammar.page.sections), whatever else it might be
        if margin < UNSURE_MARGIN and not {part, runner_up} <= _TEXT_PARTS:
            report.warn(f"line {line.number}: read as {_NAMES[Part(part)]}, but {_NAMES[Part(runner_up)]} "
                        f"was nearly as likely: {line.text}")
    for line, part in zip(lines, parts, strict=True):
        if part in _CONSUMED:
            report.consume(line, _CONSUMED[part])

    by_part = _header(lines, features, parts)
    title_line = lines[parts.index(Part.TITLE)] if Part.TITLE in parts else lines[0]
    labels = _card_labels(features, parts)
    for index in labels:
        report.consume(lines[index], "recurring-card-label")
    kept = [index for index in range(len(lines)) if index not in labels]
    grouped = group_sections([lines[index] for index in kept], [features[index] for index in kept],
                             [parts[index] for index in kept], title_line)
    prefixes = recurring_prefixes(texts) | recurring_prefixes(_publishers_in_place(lines, grouped))
    _without_recurring_labels(grouped, prefixes, report)
    _after_conclusion([(line, feature) for line, feature, part in zip(lines, features, parts, strict=True)
                       if part == Part.TRAILER], grouped, report)
    page = PageBigrams((line, line.text) for line, feature in zip(lines, features, strict=True)
                       if feature.link is None)
    # A saved page that marks some of its ad cards (data-ad, an ad class, a sponsor label): evidence on every card.
    marks_ads = any(line.ad for line in lines)
    dates = _article_dates(lines, features, parts)
    # A page printing no date line of its own dates its year-less cards in the year of the newest date it mentions.
    page_date = dates[0] if dates else last_day_of_newest_year(texts)
    for section in grouped:
        _with_years(section.cards, page_date, report)
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
    _trailing_links([line for line, part in zip(lines, parts, strict=True) if part == Part.TRAILING_LINK], report)
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


def _page_reading(lines: list[Line], report: ImportReport) -> tuple[list[Line], list[LineFeatures], Reading]:
    if not lines:
        raise ImportFailed("the page has no text left after removing site chrome")
    lines = mended_lines(lines, report)
    features = _features(lines)
    reading = best_reading([fit(feature) for feature in features], MOVES, STARTS, ENDS)
    if reading is not None and (styled := with_heading_style(lines, [Part(part) for part in reading.parts])):
        # The page's own heading style marks a line the first reading did not take for a heading.
        lines, features = styled, _features(styled)
        reading = best_reading([fit(feature) for feature in features], MOVES, STARTS, ENDS)
    if reading is not None:
        reading = _in_section_shape(reading, features)
    if reading is None:
        raise ImportFailed("no reading of the page as a digest (title, sections of heading, question and "
                           "answer, source cards ending in a link line)")
    return lines, features, reading


# A section's question and a card's link: the page's closing text comes after the last of them (an
# answer read after a date line is the site's line misread, the date line no heading).
_SECTION_CORE = frozenset({Part.QUESTION, Part.LINK, Part.HEAD_LINK, Part.TITLED_LINK})
_CARD_META = frozenset({Part.CARD_DATE, Part.HEAD_META, Part.SUMMARY_META})
# The article's date stands alone or after a label naming the day ('公開日：', '更新日 '), not after a
# publisher's name ('水産庁 ・ 2025年10月31日' is a card's meta line).
_DATE_LABEL = re.compile(r"(?:\W{0,2}[^\s。、:：]{0,8}(?:[:：]|日時?)\s*)?")


def _article_dates(lines: list[Line], features: list[LineFeatures], parts: list[Part]) -> list[dt.date]:
    """The dates of the article's date lines, a line labelled as the day it changed last ('更新：…' over
    '公開：…': the day it was published dates it)."""
    dated = [(labels_updated(line.text), date)
             for line, feature, part in zip(lines, features, parts, strict=True)
             if part in (Part.PRE_DATE, Part.HEAD_DATE) and (date := feature.date or _labelled_date(line.text))]
    return [date for _, date in sorted(dated, key=lambda pair: pair[0])]


def _labelled_date(text: str) -> dt.date | None:
    """The date of a line opening with a date's own label, a byline after it ('Posted on <date> by 編集部'):
    the label says whose date it is, the name after it is the author's."""
    found = find_date(text)
    prefix = date_prefix(text)
    return found[0] if found is not None and prefix and DATE_OWN_LABEL.fullmatch(prefix.strip()) else None


def _closing_date(parts: list[Part], features: list[LineFeatures], texts: list[str]) -> list[Part]:
    """A page that prints its date nowhere above its text but under it ('…まとめ' · '公開日：2025.11.12',
    '最終更新 2025-10-22'):
    the first date line after the page's last question and card link, whatever the grammar
    read it as (a heading over the site's lines after it), is the article's date."""
    if Part.PRE_DATE in parts or Part.HEAD_DATE in parts:
        return parts
    last_core = max((index for index, part in enumerate(parts) if part in _SECTION_CORE), default=-1)
    closing = next((index for index in range(last_core + 1, len(parts))
                    if parts[index] not in _CARD_META
                    and ((features[index].date is not None and (_DATE_LABEL.fullmatch(date_prefix(texts[index]) or "")
                                                                or labels_updated(texts[index])))
                         or _labelled_date(texts[index]) is not None)), None)
    if closing is None:
        return parts
    return [*parts[:closing], Part.HEAD_DATE, *parts[closing + 1:]]


# A conclusion's label is a word or two ('結論', 'おわりに'); a bullet of it says something.
MAX_CLOSING_LABEL = 8


def _closing_words_under_label(parts: list[Part], features: list[LineFeatures]) -> list[Part]:
    """A page closing on a marked label and sentences under it ('◆結び' · sentences · the site's lines): the grammar
    reads the lone label as the conclusion's one bullet, and the sentences after it as the site's trailing lines.
    The label heads the closing words, the article's own: the sentences right under it are its outro."""
    conclusion = [index for index, part in enumerate(parts) if part == Part.CONCLUSION]
    if len(conclusion) != 1:
        return parts
    at, label = conclusion[0], features[conclusion[0]]
    if label.marker is None or len(label.unmarked.strip()) > MAX_CLOSING_LABEL or label.sentence or label.question:
        return parts
    end = at + 1
    while end < len(parts) and parts[end] == Part.TRAILER and features[end].sentence and not features[end].question \
            and features[end].link is None and features[end].marker is None:
        end += 1
    if end == at + 1:
        return parts
    return [*parts[:at], Part.CONCLUSION_LABEL, *[Part.OUTRO] * (end - at - 1), *parts[end:]]


def _after_conclusion(trailer: list[tuple[Line, LineFeatures]], grouped: list[SectionLines],
                      report: ImportReport) -> None:
    """Lines read after the conclusion are the site's trailing lines that no chrome rule knew (an author's
    note, a follow button), dropped with a warning. When the page marks one of them up as a heading,
    they are the article's own text the grammar could not place (a section's bullets misread as the
    conclusion): never dropped, they are kept as the last section's body, with a warning to move them.
    (A question is no such evidence: a site's trailing lines ask for a tip or a comment.)"""
    if not trailer:
        return
    first, last = trailer[0][0], trailer[-1][0]
    if grouped and grouped[-1].summary:
        # The page closes on a section of its own ('まとめ' over paragraphs and a list): a sentence
        # after the list is still that section's text; anything else is the site's.
        kept = [line for line, feature in trailer if feature.sentence and feature.link is None]
        grouped[-1].body.extend(line.text for line in kept)
        trailer = [(line, feature) for line, feature in trailer if line not in kept]
        if kept:
            report.warn(f"line {kept[0].number} after the list closing the last section read as its text: "
                        f"check it ({kept[0].text})")
        if not trailer:
            return
        first, last = trailer[0][0], trailer[-1][0]
    if grouped and any(feature.marked_heading for _, feature in trailer):
        grouped[-1].body.extend(line.text for line, _ in trailer)
        report.warn(f"lines {first.number}-{last.number} after the conclusion hold a heading: the article's "
                    f"text in an order the importer could not read; kept as the last section's body: "
                    f"move them where they belong ({first.text})")
        return
    for line, _ in trailer:
        report.drop(line, "after-conclusion")
    report.warn(f"lines {first.number}-{last.number} after the conclusion read as the site's trailing lines and "
                f"dropped: check them ({first.text})")


def _with_years(cards: list[CardLines], page_date: dt.date | None, report: ImportReport) -> None:
    """Cards dated by month and day alone ('配信 10/11(金)') get the year of the page's own date (the
    year before, when the day would come after the page's), with a warning naming the line."""
    for card in cards:
        if card.published is not None or card.month_day is None or page_date is None:
            continue
        card.published = in_year_of(card.month_day, page_date)
        if card.published is not None and card.date_lines:
            line = card.date_lines[0]
            report.warn(f"line {line.number}: the card's date prints no year ({line.text}); read as "
                        f"{card.published.isoformat()} by the page's date: check it")


def _trailing_links(trailing: list[Line], report: ImportReport) -> None:
    """Lines that are one link each after the article's last text (a blog ranking's banner, a follow
    button) are the site's: dropped, with a warning naming them."""
    if not trailing:
        return
    report.drop_all(trailing, "trailing-link")
    report.warn(f"lines {trailing[0].number}-{trailing[-1].number} after the article's last text are links alone, "
                f"read as the site's trailing lines and dropped: check them ({trailing[0].text})")



# Where a card starts: its date, its title, its first bullet or its link line.
_CARD_OPENING = frozenset({Part.CARD_DATE, Part.CARD_TITLE, Part.BULLET, Part.LINK, Part.HEAD_LINK, Part.TITLED_LINK})


def _card_labels(features: list[LineFeatures], parts: list[Part]) -> set[int]:
    """The lines of a label the page prints over each of its cards ('📎 参照した記事'): a recurring label read as
    text right above a card's first line names the card's kind, it is no remark of the section; nor are the cells
    of a header row the page prints over each of its tables, read as text."""
    return {index for index, (feature, part, after) in enumerate(zip(features, parts, [*parts[1:], None], strict=True))
            if part in _TEXT_PARTS and ((feature.recurring_label and after in _CARD_OPENING) or feature.header_cell)}


def _publishers_in_place(lines: list[Line], sections: list[SectionLines]) -> list[str]:
    """The cards' publishers, each in the place of the line it was read from (no text elsewhere): a label the page
    prints before the name inside its link line ('→ ▼引用 <name> <date> https://…') recurs there."""
    place = {id(line): index for index, line in enumerate(lines)}
    texts = [""] * len(lines)
    for card in (card for section in sections for card in section.cards):
        line = card.publisher_line or card.link_line
        if line is not None and card.publisher and id(line) in place:
            texts[place[id(line)]] = card.publisher
    return texts


def _without_recurring_labels(sections: list[SectionLines], prefixes: frozenset[str], report: ImportReport) -> None:
    """The cards' publishers without the label the page prints before each ('〔参考〕', '参照記事 ▶'), whatever
    its word (reported as trimmed)."""
    for number, section in enumerate(sections):
        for card in section.cards:
            line = card.publisher_line or card.link_line
            for name in ("publisher", "title_publisher"):
                text = getattr(card, name)
                if text is None or (prefix := recurring_prefix(text, prefixes)) is None:
                    continue
                setattr(card, name, text[prefix.end():].strip())
                if line is not None:
                    report.trim(line, "recurring-label", prefix.group().strip(),
                                f"sections[{number}].sources.publisher")


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


def _features(lines: list[Line]) -> list[LineFeatures]:
    texts = [line.text for line in lines]
    keys = [fold(text) for text in texts]
    # The title is the first line that is no date: a date line printed above it is kept for the article's date.
    title_key = next((key for key, text in zip(keys, texts, strict=True) if line_date(text) is None), keys[0])
    features = [line_features(texts, keys, index, title_key, marked_heading=line.heading,
                              heading_markup=line.heading_markup, list_item=line.list_item,
                              styled_heading=line.styled_heading, link_only=line.link_only,
                              heads_card_box=line.heads_card_box)
                for index, line in enumerate(lines)]
    # Each pass reads what the passes before it found (a card's meta lines before its numbered title).
    for reread in (with_qa_labels, with_prose_summaries, with_shape_labels, with_card_publishers,
                   with_publishers_under_titles, with_publishers_under_head_links, with_publishers_beside_dates,
                   with_head_titles_again, with_numbered_card_heads, with_marker_changes, with_lone_marks,
                   with_lines_under_heading_elements, with_standalone_lines, with_list_headings, with_recurring_labels):
        features = reread(features)
    return features


def _header(lines: list[Line], features: list[LineFeatures], parts: list[Part]) -> dict[Part, list[str]]:
    """The texts of the parts outside sections, marker glyphs removed from listed points. Under a closing
    summary's heading (a section over paragraphs, ``grammar.page.sections``) the closing words and points are
    that section's: not printed again as the article's."""
    texts: dict[Part, list[str]] = {}
    in_summary = False
    for feature, part in zip(features, parts, strict=True):
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

