"""The cards' lines repaired before their sections are read: labels printed over each card, labels before
each publisher, years for cards dated by month and day."""

from __future__ import annotations

import datetime as dt

from kiku.importer.grammar.cards.card_meta import in_year_of
from kiku.importer.grammar.lines.features import LineFeatures
from kiku.importer.grammar.lines.recurring import recurring_prefix
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.grammar.page.grouped_lines import CardLines, SectionLines
from kiku.importer.page import Line
from kiku.importer.report import ImportReport

# Parts that are all shown as the section's or page's text: a doubt between two of them is the
# writer's voice (a remark or a paragraph), not the article's structure, and is not reported.
TEXT_PARTS = frozenset({Part.LEAD, Part.INTRO, Part.COMMENT, Part.CARD_REMARK, Part.LINK_REMARK, Part.BODY,
                         Part.REACTION, Part.OUTRO})
def with_years(cards: list[CardLines], page_date: dt.date | None, report: ImportReport) -> None:
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


# Where a card starts: its date, its title, its first bullet or its link line.
_CARD_OPENING = frozenset({Part.CARD_DATE, Part.CARD_TITLE, Part.BULLET, Part.LINK, Part.HEAD_LINK, Part.TITLED_LINK})


def card_labels(features: list[LineFeatures], parts: list[Part]) -> set[int]:
    """The lines of a label the page prints over each of its cards ('📎 参照した記事'): a recurring label read as
    text right above a card's first line names the card's kind, it is no remark of the section; nor are the cells
    of a header row the page prints over each of its tables, read as text."""
    return {index for index, (feature, part, after) in enumerate(zip(features, parts, [*parts[1:], None], strict=True))
            if part in TEXT_PARTS and ((feature.recurring_label and after in _CARD_OPENING) or feature.header_cell)}


def publishers_in_place(lines: list[Line], sections: list[SectionLines]) -> list[str]:
    """The cards' publishers, each in the place of the line it was read from (no text elsewhere): a label the page
    prints before the name inside its link line ('→ ▼引用 <name> <date> https://…') recurs there."""
    place = {id(line): index for index, line in enumerate(lines)}
    texts = [""] * len(lines)
    for card in (card for section in sections for card in section.cards):
        line = card.publisher_line or card.link_line
        if line is not None and card.publisher and id(line) in place:
            texts[place[id(line)]] = card.publisher
    return texts


def without_recurring_labels(sections: list[SectionLines], prefixes: frozenset[str], report: ImportReport) -> None:
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
