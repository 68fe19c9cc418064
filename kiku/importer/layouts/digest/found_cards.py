"""Cards found by what their lines read as, after every reader that knows a card by its box or its link line.

A reader finds a card by its container (a link box, a field list, the grammar's link line and meta line …);
a card printed in an arrangement none of them knows is lost, its lines leaking into the remarks or read into
the card before it. This pass tries each block of lines that no reader read as a card with a title and a
publisher or a date (``reading.cards.text.loose_cards``): inside the article's sections only, a block of a text
dump being a run of lines between blank lines or between the section's other parts. A block the card scorer
reads with confidence is written as a text dump prints a card (title, summary, '→ publisher date URL'), and
kept only when the page read again takes it for that card and loses no card it had. Every card found so is
reported with its source line, for an editor to check."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from kiku.content.model import SourceCard
from kiku.importer.finishing.escape import unescape_markdown
from kiku.importer.grammar.cards.card_link import read_card_link
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.layouts.digest.reading import DigestParts, parse_digest
from kiku.importer.page import ImportFailed, Line
from kiku.importer.reading.cards.text.loose_cards import MAX_BLOCK, LooseCard, loose_card, web_addresses
from kiku.importer.report import ImportReport

LOOSE_CARD_RULE = "loose-card"
# A card found may make another block a section's text: tried again, at most this many times in all.
MAX_ROUNDS = 3
# Where a block's line may stand: the text of a section, or a card's parts a reader may have misplaced.
_SECTION_TEXT = frozenset({Part.COMMENT, Part.CARD_REMARK, Part.LINK_REMARK, Part.BODY, Part.REACTION, Part.CARD_DATE,
                           Part.CARD_TITLE, Part.CARD_TITLE_AGAIN, Part.BULLET, Part.PLAIN_BULLET, Part.LINK,
                           Part.HEAD_LINK, Part.LINKED_BULLET, Part.HEAD_META, Part.TITLED_LINK, Part.LINK_META,
                           Part.SUMMARY_META})
_SECTION_OPENING = frozenset({Part.HEADING, Part.QUESTION})
# A card's line the grammar may have misplaced as a section's question or answer: the page read again must keep
# every question and answer that was no card's line (``_loses_nothing``).
_ASKING = frozenset({Part.QUESTION, Part.ANSWER})
_Key = tuple[int, str]


def with_found_cards(lines: list[Line], report: ImportReport, *, text_dump: bool) -> list[Line]:
    """``lines`` with each card found by its reading alone written as a text dump prints a card (see the module).
    A saved page's blocks are the lines of one source line: its boxes were read by its markup. A card found may
    change what the page reads as (its lines no longer a site's trailer): the blocks are tried again on that."""
    for _ in range(MAX_ROUNDS):
        found = _found_once(lines, report, text_dump=text_dump)
        if found is None:
            break
        lines = found
    return lines


def _found_once(lines: list[Line], report: ImportReport, *, text_dump: bool) -> list[Line] | None:
    if not any(_first_card(choices) for choices in _blocks(lines, None, text_dump=text_dump)):
        return None  # nothing reads as a card: the page is read once, as before
    try:
        before = parse_digest(lines, ImportReport(report.source))
    except ImportFailed:
        return None
    positions = {id(line): index for index, line in enumerate(lines)}
    found = [_with_name_above(card, lines, positions, text_dump=text_dump)
             for choices in _blocks(lines, _in_sections(before.line_parts), text_dump=text_dump)
             if (card := _first_card(choices)) is not None]
    unread = [card for card in found if not _read_already(card, before)]
    if not unread:
        return None
    # The unread cards alone, else with the cards read already written alike (a card read by its head link may
    # have taken the next card's lines); a card the page read again does not hold is left out, and the rest tried.
    for written in (unread, found):
        for _ in range(MAX_ROUNDS):
            after = _rewritten(lines, written)
            try:
                again = parse_digest(after, ImportReport(report.source))
            except ImportFailed:
                break
            if not _loses_nothing(before, again, written):
                break
            held = [card for card in written if _read_as(card, again)]
            if held == written:
                _report(written, unread, report)
                return after
            if not any(card in unread for card in held):
                break
            written = held
    return None


def _blocks(lines: Sequence[Line], allowed: set[_Key] | None, *, text_dump: bool) -> Iterator[list[list[Line]]]:
    """Each run of lines between blank lines (a text dump) or printed from one source line (a saved page), cut at
    lines outside the article's sections (``allowed``, None: all); within a longer run, the windows closing on
    each web address, the widest first."""
    run: list[Line] = []
    for line in lines:
        inside = allowed is None or (line.number, line.text) in allowed
        if run and (not inside or _apart(run[-1], line, text_dump=text_dump)):
            yield from _windows(run)
            run = []
        if inside:
            run.append(line)
    yield from _windows(run)


def _apart(last: Line, line: Line, *, text_dump: bool) -> bool:
    """A blank line between (a text dump, or a gap between the elements of lines a saved page places by
    coordinates: ``Line.printed_line``), or another source line (a saved page)."""
    if text_dump or (last.printed_line and line.printed_line):
        return line.number > last.number + 1
    return line.number != last.number


def _windows(run: list[Line]) -> Iterator[list[list[Line]]]:
    if not run:
        return
    linked = [index for index, line in enumerate(run) if web_addresses(line.text)]
    if len(run) <= MAX_BLOCK and len(linked) == 1:
        yield [run]
        return
    # A longer run (a dense dump prints no blank lines): the lines over each address, from the last address on.
    start = 0
    for at in linked:
        yield [run[first:at + 1] for first in range(max(start, at - MAX_BLOCK + 1), at + 1)]
        start = at + 1


def _first_card(choices: Sequence[Sequence[Line]]) -> LooseCard | None:
    """The card of the widest block that reads as one; a link line alone, which a reader reads, is none."""
    return next((card for block in choices if (len(block) > 1 or read_card_link(block[0].text) is None)
                 and (card := loose_card(block)) is not None), None)


def _with_name_above(card: LooseCard, lines: Sequence[Line], positions: dict[int, int], *,
                     text_dump: bool) -> LooseCard:
    """The card with the line right above its block when that line is a name alone that the card reads as its
    publisher: a card printed publisher first ('日本経済新聞' · 'title — 2024/3/29 — URL'), the name no heading."""
    at = positions[id(card.block[0])]
    if at == 0 or (text_dump and lines[at - 1].number < card.block[0].number - 2):
        return card
    name = lines[at - 1]
    if card.reading.publisher is not None:
        return dataclasses.replace(card, block=(name, *card.block)) \
            if name.text.strip() == card.reading.publisher.text else card
    wider = loose_card([name, *card.block])
    if wider is None or wider.reading.publisher is None or wider.reading.publisher.line != 0 \
            or name.text.strip() != wider.reading.publisher.text or wider.title != card.title:
        return card
    return wider


def _in_sections(line_parts: Sequence[tuple[Line, Part]]) -> set[_Key]:
    """The lines read as a section's text or a card's, after the first section's heading or question; and a
    question printing a web address, with the answer under it: a card's lines the grammar read as a section's."""
    opened = next((index for index, (_, part) in enumerate(line_parts) if part in _SECTION_OPENING),
                  len(line_parts))
    inside: set[_Key] = set()
    linked_question = False
    for line, part in line_parts[opened:]:
        linked = bool(web_addresses(line.text))
        if part in _SECTION_TEXT or (part in _ASKING and (linked or (part == Part.ANSWER and linked_question))):
            inside.add((line.number, line.text))
        linked_question = part == Part.QUESTION and linked
    return inside


def _cards(parts: DigestParts) -> Iterator[SourceCard]:
    for section in parts.sections:
        yield from section.sources


def _plain(text: str | None) -> str:
    return "".join(unescape_markdown(text or "").split())


def _read_already(card: LooseCard, parts: DigestParts) -> bool:
    """A reader read the card whose address the block holds, with a publisher or a date, and a title if the
    block prints one."""
    return any(found.url == card.url and (found.title or card.title is None) and (found.publisher or found.published)
               for found in _cards(parts))


def _read_as(card: LooseCard, parts: DigestParts) -> bool:
    """The page read again holds the card with the scorer's title and date, and a publisher or a date."""
    return any(found.url == card.url and _plain(found.title) == _plain(card.title)
               and found.published == card.reading.published
               and (found.publisher or found.published) for found in _cards(parts))


def _loses_nothing(before: DigestParts, again: DigestParts, written: Sequence[LooseCard]) -> bool:
    """Every card read before is read again, with its title, publisher and date where it had them, and every
    section that asks a question still asks it and answers alike (a heading over a card alone may have been the
    card's title), unless its question was a card's line written anew."""
    asked = {(section.question, section.answer) for section in again.sections}
    urls = [card.url for card in written]
    if any(section.question and (section.question, section.answer) not in asked
           and not any(url in unescape_markdown(section.question) for url in urls) for section in before.sections):
        return False
    now = {card.url: card for card in _cards(again)}
    return all(card.url in now and (not card.title or now[card.url].title)
               and (not card.publisher or now[card.url].publisher)
               and (not card.published or now[card.url].published) for card in _cards(before))


def _rewritten(lines: Sequence[Line], cards: Sequence[LooseCard]) -> list[Line]:
    firsts = {id(card.block[0]): card for card in cards}
    inside = {id(line) for card in cards for line in card.block}
    out: list[Line] = []
    for line in lines:
        if (card := firsts.get(id(line))) is not None:
            ad = any(line.ad for line in card.block)
            # The title heads the card's box, as a saved page's markup shows it: the box is known now.
            out.extend(Line(number, text, ad=ad, heads_card_box=at == 0)
                       for at, (text, number) in enumerate(card.card.lines))
        elif id(line) not in inside:
            out.append(line)
    return out


def _report(cards: Sequence[LooseCard], unread: Sequence[LooseCard], report: ImportReport) -> None:
    """Every line written anew is reported as read into a card; a card no reader had read is warned of."""
    for card in cards:
        for line in card.block:
            report.consume(line, LOOSE_CARD_RULE, "the card's lines")
    for card in unread:
        reading = card.reading
        source = " ".join(field.text for field in (reading.publisher, reading.date) if field is not None)
        title = f"'{card.title}'" if card.title else "an untitled card"
        report.warn(f"line {card.block[0].number}: read as a card by its lines alone (no box or link line marks "
                    f"it): {title} from {source or 'no source'} — check it: {card.block[0].text}")
