"""The digest layouts: title, lead, key points, intro, sections, outro, conclusion.

Both digest layouts (blank-line separated with a menu line, and run-together lines) share
one reading once debris is gone and blank lines are ignored:

    title · lead · [title again] · [📘 label · 💡 key points] · [intro]
    sections: heading · question? · answer · remarks · card · remarks · body · reaction
    [outro] · [💡 conclusion]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kiku.content.model import Section, SourceCard
from kiku.importer.cards import CardLines, find_card
from kiku.importer.escape import escape_markdown
from kiku.importer.labels import (
    INTRO,
    KEY_POINT,
    KEY_POINTS_LABEL,
    PREDICATE_END,
    PUBLISHED,
    QUESTION_END,
    READ_MORE,
    SENTENCE_END,
    SUMMARY_BULLET,
    fold,
)
from kiku.importer.page import ImportFailed, Line
from kiku.importer.relevance import PageBigrams, off_topic_reason
from kiku.importer.report import ImportReport
from kiku.importer.voice import CLEAR_REMARK, count_leading_remarks, reaction_score

MAX_HEADING_LENGTH = 80
MAX_QUESTION_LENGTH = 120
# A reaction that reads as casual speech scores at least this (an interjection or dialect).
CLEAR_REACTION = 2


@dataclass(frozen=True, slots=True)
class DigestParts:
    """What a digest page yields, before tags, date and slug are decided."""

    title: str
    lead: str | None
    key_points: tuple[str, ...]
    intro: str | None
    sections: tuple[Section, ...]
    outro: tuple[str, ...]
    conclusion: tuple[str, ...]


def parse_digest(lines: list[Line], report: ImportReport) -> DigestParts:
    """Read a digest page whose debris is already gone."""
    if not lines:
        raise ImportFailed("the page has no text left after removing site chrome")
    title = lines[0].text
    starts = _section_starts(lines, title)
    body_end = len(lines)
    while body_end > 1 and KEY_POINT.match(lines[body_end - 1].text):
        body_end -= 1
    conclusion = tuple(_marked_text(line) for line in lines[body_end:])
    first_section = starts[0] if starts else body_end
    lead, key_points, intro = _header(lines[1:first_section], title, report)
    if not starts:
        report.warn("no section (heading followed by a question) found; the text is kept as the intro")

    sections: list[Section] = []
    outro: tuple[str, ...] = ()
    page = PageBigrams((line, line.text) for line in lines if not READ_MORE.match(line.text))
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else body_end
        is_last = number == len(starts) - 1
        section, section_outro = _section(lines[start:end], page, number, report,
                                          outro_follows=is_last and bool(conclusion))
        sections.append(section)
        outro = section_outro or outro
    return DigestParts(title, lead, key_points, intro, tuple(sections), outro, conclusion)


def _is_marker(text: str) -> bool:
    return bool(KEY_POINT.match(text) or KEY_POINTS_LABEL.match(text) or SUMMARY_BULLET.match(text)
                or PUBLISHED.match(text) or READ_MORE.match(text))


def _section_starts(lines: list[Line], title: str) -> list[int]:
    """Indexes of section headings: a heading, then a question line, then its answer."""
    title_key = fold(title)
    starts: list[int] = []
    for index in range(1, len(lines) - 2):
        heading, question, answer = (line.text for line in lines[index:index + 3])
        if any(_is_marker(text) or fold(text) == title_key for text in (heading, question, answer)):
            continue
        if (len(heading) <= MAX_HEADING_LENGTH and not SENTENCE_END.search(heading)
                and not PREDICATE_END.search(heading) and not QUESTION_END.search(heading)
                and not INTRO.match(heading) and len(question) <= MAX_QUESTION_LENGTH
                and QUESTION_END.search(question) and "。" not in question
                and len(answer) <= MAX_HEADING_LENGTH and (not starts or index >= starts[-1] + 3)):
            starts.append(index)
    return starts


def _header(lines: list[Line], title: str,
            report: ImportReport) -> tuple[str | None, tuple[str, ...], str | None]:
    title_key = fold(title)
    lead: list[str] = []
    key_points: list[str] = []
    intro: list[str] = []
    for line in lines:
        if fold(line.text) == title_key:
            report.consume(line, "repeated-title")
        elif KEY_POINTS_LABEL.match(line.text):
            report.consume(line, "key-points-label")
        elif KEY_POINT.match(line.text):
            key_points.append(_marked_text(line))
        elif key_points or intro or INTRO.match(line.text):
            intro.append(escape_markdown(line.text))
        else:
            lead.append(escape_markdown(line.text))
    return _paragraphs(lead), tuple(key_points), _paragraphs(intro)


def _section(lines: list[Line], page: PageBigrams, number: int, report: ImportReport,
             *, outro_follows: bool) -> tuple[Section, tuple[str, ...]]:
    field = f"sections[{number}]"
    heading, question, answer = (line.text for line in lines[:3])
    rest = lines[3:]
    card = find_card(rest, report, field)
    if card is None:
        before_card: list[str] = []
        after_card = [escape_markdown(line.text) for line in rest]
    else:
        before_card = [escape_markdown(line.text) for line in rest[:card.start]]
        after_card = [escape_markdown(line.text) for line in rest[card.end + 1:]]
        if card.glued_text:
            after_card.insert(0, escape_markdown(card.glued_text))

    outro: list[str] = []
    if outro_follows:
        after_card, outro = _split_outro(after_card)
    reaction = after_card[-1:] if after_card and _is_reaction(after_card) else []
    remaining = after_card[:len(after_card) - len(reaction)]

    if card is None:
        remark_count = count_leading_remarks(remaining, first_is_remark=False, min_score=CLEAR_REMARK)
        comments, source_comments = remaining[:remark_count], []
    else:
        # Remarks on the card stop where a second card starts (its lines stay in the body).
        second_card = _second_card_at(rest[card.end + 1:], card, report, field)
        limit = min(3, second_card + (1 if card.glued_text else 0))
        remark_count = count_leading_remarks(remaining, first_is_remark=limit > 0, limit=limit)
        comments, source_comments = before_card, remaining[:remark_count]
    body = remaining[remark_count:]

    source = None
    if card is not None and card.url is not None:
        card_lines = rest[card.start:card.end + 1]
        source = _source_card(card, [heading, question, answer, *comments, *source_comments, *body], page,
                              card_lines, report, field)
    elif card is not None:
        body = [escape_markdown(text) for text in card.summary] + body
    section = Section(heading=heading, question=question, answer=answer, comments=tuple(comments),
                      sources=(replace(source, comments=tuple(source_comments)),) if source else (),
                      body=tuple(body),
                      reaction=tuple(reaction))
    return section, tuple(outro)


def _second_card_at(after_card: list[Line], card: CardLines, report: ImportReport, field: str) -> int:
    """Where a second card starts after ``card`` (len(after_card) when there is none).

    The content format holds one card per section; a second one is kept, line for line, in
    the body and the editor is told to move it.
    """
    second = find_card(after_card, ImportReport(report.source), field)
    if second is None:
        return len(after_card)
    report.warn(f"{field}: a second source card ({second.url or second.title}) after {card.url}; a section "
                "holds one card: its lines are kept in the body, move or delete them by hand")
    return second.start


def _is_reaction(lines: list[str]) -> bool:
    """Does the last line close the section as a reaction? A lone line must read clearly as one."""
    score = reaction_score(lines[-1])
    return score >= CLEAR_REACTION or (len(lines) >= 2 and score >= 1)


def _split_outro(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split the closing lines that follow the last section's reaction.

    The reaction is the last line that reads clearly as casual speech; what follows it
    before the 💡 conclusion is the page's outro. Without a clear reaction there is no outro.
    """
    for index in range(len(lines) - 1, -1, -1):
        if reaction_score(lines[index]) >= CLEAR_REACTION:
            return lines[:index + 1], lines[index + 1:]
    return lines, []


def _source_card(card: CardLines, section_text: list[str], page: PageBigrams, card_lines: list[Line],
                 report: ImportReport, field: str) -> SourceCard:
    assert card.url is not None
    reason = off_topic_reason(card.title, card.summary, section_text, page, card_lines)
    off_topic = reason is not None
    if reason is not None:
        report.warn(f"{field}.source: {reason}; flagged off_topic (its bullets are kept in the file but not published)")
    return SourceCard(url=card.url, title=card.title, publisher=card.publisher, published=card.published,
                      summary=tuple(escape_markdown(text) for text in card.summary), off_topic=off_topic)


def _marked_text(line: Line) -> str:
    match = KEY_POINT.match(line.text)
    return escape_markdown(match["text"].strip() if match else line.text)


def _paragraphs(parts: list[str]) -> str | None:
    return "\n\n".join(parts) or None
