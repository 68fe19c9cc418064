"""A page's reading, grouped: each section's lines and each of its cards, in reading order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kiku.importer.grammar.digest_grammar import Part
from kiku.importer.grammar.features import LineFeatures
from kiku.importer.page import Line

_CARD_HEAD = (Part.CARD_DATE, Part.CARD_TITLE, Part.CARD_TITLE_AGAIN, Part.BULLET)


@dataclass
class CardLines:
    """One card: its head (date, title), summary bullets, link line and the remarks after it."""

    own_lines: list[Line] = field(default_factory=list)
    date_lines: list[Line] = field(default_factory=list)
    title: str | None = None
    published: dt.date | None = None
    summary: list[str] = field(default_factory=list)
    link_line: Line | None = None
    url: str | None = None
    publisher: str | None = None
    remarks: list[str] = field(default_factory=list)
    done: bool = False


@dataclass
class SectionLines:
    heading: Line
    question: Line | None = None
    answer: Line | None = None
    comments: list[str] = field(default_factory=list)
    cards: list[CardLines] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    reaction: list[str] = field(default_factory=list)
    # Bulleted lines read as body text (a card's summary whose link line is missing).
    marked_body: list[Line] = field(default_factory=list)
    # The page cites a card before its first heading: this section is headed by the title.
    untitled: bool = False


def group_sections(lines: list[Line], features: list[LineFeatures], parts: list[Part],
                   title: Line) -> list[SectionLines]:
    """The sections in reading order; a card before any heading opens a section headed by ``title``
    (marked ``untitled``)."""
    sections: list[SectionLines] = []
    for line, feature, part in zip(lines, features, parts, strict=True):
        if part == Part.HEADING:
            sections.append(SectionLines(Line(line.number, feature.unmarked)))
        elif not sections and part in (*_CARD_HEAD, Part.LINK):
            sections.append(SectionLines(title, untitled=True))
            _card_line(sections[-1], line, feature, part)
        elif sections and part in (*_CARD_HEAD, Part.LINK):
            _card_line(sections[-1], line, feature, part)
        elif sections:
            _text_line(sections[-1], line, feature, part)
    return sections


def _card_line(section: SectionLines, line: Line, feature: LineFeatures, part: Part) -> None:
    if not section.cards or section.cards[-1].done:
        section.cards.append(CardLines())
    card = section.cards[-1]
    card.own_lines.append(line)
    if part == Part.CARD_DATE:
        card.date_lines.append(line)
        card.published = card.published or feature.date
    elif part == Part.CARD_TITLE:
        if card.title is not None:
            # A second, different title: the first was a remark above the card after all.
            (section.comments if len(section.cards) == 1 else section.body).append(card.title)
        card.title = feature.text
    elif part == Part.BULLET:
        card.summary.append(feature.unmarked)
    elif part == Part.LINK and feature.link is not None:
        card.link_line, card.url, card.publisher = line, feature.link.url, feature.link.publisher
        card.published = card.published or feature.link.published
        card.done = True


def _text_line(section: SectionLines, line: Line, feature: LineFeatures, part: Part) -> None:
    if part == Part.QUESTION:
        section.question = line
    elif part == Part.ANSWER:
        section.answer = line
    elif part == Part.COMMENT:
        section.comments.append(line.text)
    elif part == Part.CARD_REMARK and section.cards:
        section.cards[-1].remarks.append(line.text)
    elif part == Part.REACTION:
        section.reaction.append(line.text)
    elif part in (Part.BODY, Part.CARD_REMARK):
        if feature.marker is not None:
            section.marked_body.append(line)
        section.body.append(line.text)
