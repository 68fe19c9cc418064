"""A card told by what its lines read as, not by a box or a link line that marks it.

A block of one to five lines holding exactly one web address reads as a card when the card scorer
(``grammar.cards.fields``) reads a headline-like title and a name-like publisher or a date, every other field a
summary sentence under the title or a label, nothing left unread:

    木の校舎を図書館に再生へ、町が基本計画       ← title
    山里新聞 2026-02-08                          ← publisher and date
    https://yamazato.example.jp/articles/…       ← the one link

A paragraph of prose with a link in it reads as sentences, not as a title: no card. Which blocks are tried
(inside the article's sections, left unread by every other reader) is the digest layout's decision
(``layouts.digest.found_cards``); this module reads one block."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kiku.importer.grammar.cards.fields.reading import CardLine, CardReading, read_card
from kiku.importer.page import Line
from kiku.importer.reading.cards.markup.card_links import CARD_ARROW
from kiku.importer.reading.cards.scoring.scored_card import ScoredCard, scored_card_lines

MAX_BLOCK = 5
# A list item's number before the block ('2. ', '(3)', '④'): the list's, not a field of the card.
_ORDINAL = re.compile(r"^\s*(?:\d{1,2}[.．)）]\s|[（(]\d{1,2}[)）]|[\u2460-\u2473])\s*")
_PAIRS = (("（", "）"), ("(", ")"), ("「", "」"), ("『", "』"), ("【", "】"))
_LETTER = re.compile(r"[^\W\d_]")
_WEB = re.compile(r"https?://[^\s<>\"'）)」』】]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LooseCard:
    """The block's lines, the scorer's reading of them and the lines a text dump prints for the card."""

    block: tuple[Line, ...]
    reading: CardReading
    card: ScoredCard

    @property
    def url(self) -> str:
        assert self.reading.url is not None
        return self.reading.url.text

    @property
    def title(self) -> str | None:
        return self.reading.title.text if self.reading.title is not None else None


def web_addresses(text: str) -> list[str]:
    return _WEB.findall(text)


def loose_card(block: Sequence[Line]) -> LooseCard | None:
    """The card ``block`` prints, read by its fields alone (see the module), else None."""
    if not 1 <= len(block) <= MAX_BLOCK or sum(len(web_addresses(line.text)) for line in block) != 1:
        return None
    lines = [CardLine(_ORDINAL.sub("", line.text, count=1) if at == 0 else line.text)
             for at, line in enumerate(block)]
    reading = read_card(lines)
    if not _confident(reading):
        return None
    assert reading.url is not None
    url_line = reading.url.line
    card = scored_card_lines(reading, lines, [line.number for line in block], (), reading.url.text,
                             block[url_line].number, untitled=reading.title is None)
    # A label ('［Source］', '出典：') is read as no value; any other field left out of the written lines is not
    # the card's.
    if card is None or not all(field.features.label for field in card.unread):
        return None
    *head, (link, at) = card.lines
    return LooseCard(tuple(block), reading, ScoredCard((*head, (_written_link(link), at)), card.unread))


def _written_link(text: str) -> str:
    """The link line as written, without the closing brackets it never opens (a field cut out of
    '（出典元：…、令和７年９月１日）' keeps the bracket that closed the whole note) and with one arrow (a link line
    printed with its arrow is written with it)."""
    arrowed = f"{CARD_ARROW} {CARD_ARROW} "
    return _balanced(CARD_ARROW + " " + text[len(arrowed):] if text.startswith(arrowed) else text)


def _balanced(text: str) -> str:
    for opening, closing in _PAIRS:
        while text.count(closing) > text.count(opening):
            at = text.rindex(closing) if text.rstrip().endswith(closing) else text.index(closing)
            text = (text[:at].rstrip() + " " + text[at + 1:].lstrip()).strip()
    return text


def _confident(reading: CardReading) -> bool:
    """A title reading more as a headline than as a name, and a publisher or a date (an untitled card: a publisher
    and a date), nothing unread, no summary sentence over the title nor beside it: a card's fields alone."""
    if reading.url is None or reading.remarks:
        return False
    if reading.publisher is not None and _LETTER.search(reading.publisher.text) is None:
        return False  # a name is written in letters, not in digits and marks ('2.')
    if reading.title is None:
        return reading.publisher is not None and reading.date is not None and not reading.summary
    if reading.publisher is None and reading.date is None:
        return False
    if reading.title.features.headline <= reading.title.features.name:
        return False  # a short line reading as much as a name ('関連リンク 記事枠'): a kicker or a label, no title
    # A line holding the title and a sentence is prose quoting a headline, not the card's head.
    return not any(field.line <= reading.title.line for field in reading.summary)
