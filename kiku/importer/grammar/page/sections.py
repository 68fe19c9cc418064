"""A page's reading, grouped: each section's lines and each of its cards, in reading order (the lines a
card's title line prints besides its title read here; its publisher among its name lines in
``card_names_by_shape``)."""

from __future__ import annotations

import re

from kiku.importer.grammar.cards.bracket_prefix import publisher_beside_date
from kiku.importer.grammar.cards.card_titles import (
    colon_label_before_title,
    date_after_title,
    date_before_title,
    labelled_publisher_before_title,
    publisher_before_title,
    source_label_before_title,
    source_of_dated_title,
)
from kiku.importer.grammar.cards.fields.reading import read_barred_line, read_labelled_line
from kiku.importer.grammar.cards.name_labels import is_label_note
from kiku.importer.grammar.cards.quoted_citation import quoted_citation
from kiku.importer.grammar.cards.source_names import dated_publisher_line, name_and_quoted_title
from kiku.importer.grammar.lines.features import LineFeatures
from kiku.importer.grammar.page.card_names_by_shape import name_text, settle_card_names
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.grammar.page.grouped_lines import CardLines, SectionLines
from kiku.importer.page import Line

_CARD_HEAD = (Part.CARD_DATE, Part.CARD_TITLE, Part.CARD_TITLE_AGAIN, Part.BULLET, Part.PLAIN_BULLET,
              Part.SUMMARY_META)
_LINKS = (Part.LINK, Part.HEAD_LINK, Part.TITLED_LINK)
# Lines after the article's text read as the site's (``layouts.digest`` drops or keeps them).
_SITE_TRAILER = (Part.TRAILER, Part.TRAILING_LINK)


def group_sections(lines: list[Line], features: list[LineFeatures], parts: list[Part],
                   title: Line) -> list[SectionLines]:
    """The sections in reading order; a card before any heading opens a section headed by ``title``
    (marked ``untitled``)."""
    sections: list[SectionLines] = []
    previous = None
    for line, feature, part in zip(lines, features, parts, strict=True):
        after_link, previous = previous == Part.LINK, part
        if part in (Part.PRE_DATE, Part.HEAD_DATE):
            continue  # the article's date (a page may print it under its text), read into the article
        if after_link and sections and sections[-1].cards and _names_publisher(sections[-1].cards[-1], line):
            continue
        if part == Part.HEADING:
            sections.append(SectionLines(Line(line.number, feature.unmarked), summary=feature.heads_prose))
        elif sections and sections[-1].summary and part not in _SITE_TRAILER:
            sections[-1].body.append(feature.unmarked)  # a summary's paragraphs, their marks dropped
        elif not sections and part in (*_CARD_HEAD, *_LINKS):
            sections.append(SectionLines(title, untitled=True))
            _card_line(sections[-1], line, feature, part)
        elif sections and part in (*_CARD_HEAD, *_LINKS):
            _card_line(sections[-1], line, feature, part)
        elif sections and part in (Part.HEAD_META, Part.LINK_META) and sections[-1].cards:
            _head_meta_line(sections[-1].cards[-1], line, feature)
        elif sections and part == Part.HEAD_TITLE and sections[-1].cards:
            card = sections[-1].cards[-1]  # its title, under its head link's publisher or date
            card.own_lines.append(line)
            if card.title is None:
                card.title, card.title_line = feature.text, line
        elif sections and part in (Part.LINKED_BULLET, Part.LINK_TITLE_AGAIN) and sections[-1].cards:
            card = sections[-1].cards[-1]  # the summary of the card whose link stood in its head, or its title again
            card.own_lines.append(line)
            card.summary += [feature.unmarked] if part == Part.LINKED_BULLET else []
        elif sections:
            _text_line(sections[-1], line, feature, part)
    settle_card_names([card for section in sections for card in section.cards])
    return sections


def _head_meta_line(card: CardLines, line: Line, feature: LineFeatures) -> None:
    """The publisher or the date printed under the head link of ``card``."""
    card.own_lines.append(line)
    if feature.card_date is None:
        return
    if (named := dated_publisher_line(line.text)) is not None:
        # '出典：NEXCO中日本（2025年4月10日）': the name behind its label, and the date beside it.
        card.publisher_line, card.publisher = line, card.publisher or named[0]
        card.published = card.published or named[1]
    elif feature.card_date.publisher == name_text(feature.text):
        card.name_lines.append(line)  # which name is the publisher's: ``_labelled_publisher``
    else:
        card.date_lines.append(line)
        card.published = card.published or feature.card_date.date
        card.month_day = card.month_day or feature.card_date.month_day
    card.publisher = card.publisher or feature.card_date.publisher
    card.sponsored = card.sponsored or feature.card_date.sponsored


def _names_publisher(card: CardLines, line: Line) -> bool:
    """A line right after a card's link naming the publisher the link line did not."""
    if card.publisher is not None or card.link_line is None:
        return False
    named = dated_publisher_line(line.text)
    if named is None:
        return False
    card.publisher, card.publisher_line = named[0], line
    card.published = card.published or named[1]
    return True


def _card_line(section: SectionLines, line: Line, feature: LineFeatures, part: Part) -> None:
    if not section.cards or section.cards[-1].done:
        section.cards.append(CardLines())
    card = section.cards[-1]
    card.own_lines.append(line)
    if part == Part.SUMMARY_META:
        part = Part.CARD_DATE  # the card's date or publisher line, printed under its summary
    if part == Part.CARD_DATE and feature.card_date is not None \
            and feature.card_date.publisher == name_text(feature.text):
        # The publisher printed alone above the card ('日本経済新聞' · title · …) or under its title.
        card.publisher = card.publisher or feature.card_date.publisher
        card.name_lines.append(line)
    elif part == Part.CARD_DATE:
        card.date_lines.append(line)
        if feature.card_date is not None:
            card.more_dates = card.more_dates or feature.card_date.more_dates
            card.published = card.published or feature.card_date.date
            card.month_day = card.month_day or feature.card_date.month_day
            card.publisher = card.publisher or feature.card_date.publisher
            card.sponsored = card.sponsored or feature.card_date.sponsored
    elif part == Part.CARD_TITLE:
        if card.title is not None:
            # A second, different title: the first was a remark above the card after all.
            (section.comments if len(section.cards) == 1 else section.body).append(card.title)
        # A card's number in the page's list of cards is not part of its title.
        title = feature.unmarked.strip() if feature.numbered_card_head else feature.text
        card.title, card.title_line, card.title_label, card.title_publisher = title, line, None, None
        card.title_date = None
        if is_label_note(title):
            card.title, card.title_label = None, title  # '出典（タイトルなし）': the card names no title
            return
        whole = read_labelled_line(card.title)
        if whole is None or whole.title is None or not (whole.publisher or whole.date) or whole.remarks:
            whole = read_barred_line(card.title)
        if whole is not None and whole.title is not None:
            # The card's fields on its title line, each under its label ('《記事》title／《発信元》name／《掲載》date')
            # or set apart by bars ('［発信］name｜2025/1/15｜title').
            card.title_publisher = whole.publisher.text if whole.publisher else None
            card.title_date = whole.date.text if whole.date else None
            card.title_label = " ".join(label.text for label in whole.labels) or None
            card.published, card.title = card.published or whole.published, whole.title.text
            return
        if (cited := quoted_citation(card.title)) is not None:
            # '参照｜「title」（publisher、2025年4月1日付）': the card's fields on its one line.
            card.title_label, card.title, card.title_publisher = cited.label, cited.title, cited.publisher
            card.title_date, card.published = cited.when, card.published or cited.published
            return
        dated = date_before_title(card.title)
        if dated is not None:
            card.title_date, card.published, card.title = dated[0], card.published or dated[1], dated[2]
            # The date's bracket may hold the publisher beside it: '[name｜date] title'.
            card.title_publisher = publisher_beside_date(dated[0])
        labelled = source_label_before_title(card.title)
        if labelled is not None:
            card.title_label, card.title = labelled
        named = publisher_before_title(card.title)
        if named is not None:
            card.title_publisher, card.title = named
        dated_after = date_after_title(card.title) if dated is None else None
        if dated_after is not None:
            card.title, card.title_date = dated_after[0], dated_after[1]
            card.published = card.published or dated_after[2]
            if card.title_publisher is None and (citing := source_of_dated_title(card.title, dated_after[1])):
                card.title_whole, (card.title_publisher, card.title) = card.title, citing
        sourced = labelled_publisher_before_title(card.title) if labelled is None and named is None else None
        if sourced is not None:
            card.title_whole = card.title.strip()[len(sourced[0]):].strip()
            card.title_label, card.title_publisher, card.title = sourced
        elif labelled is None and named is None and (quoted := _labelled_citation(card.title)) is not None:
            card.title_label, card.title_publisher, card.title = quoted
        elif labelled is None and named is None and (colon := colon_label_before_title(card.title)) is not None:
            card.title_label, card.title = colon
    elif part in (Part.BULLET, Part.PLAIN_BULLET):
        card.summary.append(feature.unmarked)
    elif part in _LINKS and feature.link is not None:
        if feature.link.title is not None:
            # The title the link line quotes ('name「title」 URL'), when no line of the card's head gave one.
            card.title, card.title_line = card.title or feature.link.title, card.title_line or line
        card.link_line, card.url = line, feature.link.url
        if feature.link.names_publisher:
            card.publisher = feature.link.publisher
        else:
            card.publisher = card.publisher or feature.link.publisher  # the card's own name line first
        card.link_named = card.link_named or feature.link.names_publisher
        card.published = card.published or feature.link.published
        card.done = True
        for number, more in enumerate(feature.link.more):
            # Each further source on the line is a card of its own, dated by the row's next date.
            published = more.published or (card.more_dates[number] if number < len(card.more_dates) else None)
            section.cards.append(CardLines(own_lines=[line], link_line=line, url=more.url, publisher=more.publisher,
                                           published=published, done=True, shares_link=True))


def _text_line(section: SectionLines, line: Line, feature: LineFeatures, part: Part) -> None:
    if part == Part.QUESTION:
        section.question = line
    elif part == Part.ANSWER:
        section.answer = line
    elif part == Part.COMMENT:
        section.comments.append(line.text)
    elif part in (Part.CARD_REMARK, Part.LINK_REMARK) and section.cards:
        section.cards[-1].remarks.append(line.text)
    elif part == Part.REACTION:
        section.reaction.append(line.text)
    elif part in (Part.BODY, Part.CARD_REMARK, Part.LINK_REMARK):
        if feature.marker is not None:
            section.marked_body.append(line)
        section.body.append(line.text)


# A field's label of any word before a citation: '参考：', 'Source:'.
_CITATION_LABEL = re.compile(r"^(?P<label>[^\s:：「『]{1,8}\s*[:：]\s*)(?P<rest>\S.*)$")


def _labelled_citation(title: str) -> tuple[str, str, str] | None:
    """(label, publisher, title) of a card printed on one line as a citation, a label of any word before it:
    '参考：みどり市環境部「粗大ごみ収集の…」' (its date after it already read); else None. Without the label,
    'name「…」' is as often a headline quoting someone ('日銀総裁「…」')."""
    match = _CITATION_LABEL.match(title.strip())
    quoted = name_and_quoted_title(match["rest"]) if match is not None else None
    if match is None or quoted is None:
        return None
    return match["label"].strip(), quoted[0], quoted[1]
