"""A card's publisher and title among its grouped lines, told apart by what each line is: a name (short,
its words nouns) or a headline, a label's word, a name behind a label and a colon."""

from __future__ import annotations

import re
import unicodedata

from kiku.importer.grammar.cards.bracket_prefix import named_prefix, prefix_bracket
from kiku.importer.grammar.cards.card_link import named_after_link_label
from kiku.importer.grammar.cards.card_names import name_likeness, unsponsored
from kiku.importer.grammar.cards.name_labels import MAX_NAME, is_source_label, labelled_name
from kiku.importer.grammar.lines.features import split_marker
from kiku.importer.grammar.page.grouped_lines import CardLines


def settle_card_names(cards: list[CardLines]) -> None:
    """Each card's title and publisher read from its grouped lines, in reading order."""
    for card in cards:
        _whole_title_unless_named(card)
        _title_and_publisher_by_shape(card)
        _labelled_publisher(card)
    _named_prefixes(cards)


def _named_prefixes(cards: list[CardLines]) -> None:
    """A name alone in the bracket the page's cards print their publisher and date in ('[name｜date] title') is
    the publisher of a card that gives no date ('[name] title')."""
    brackets = {bracket for card in cards if card.title_date and card.title_publisher
                and (bracket := prefix_bracket(card.title_date)) is not None}
    for card in cards:
        if brackets and card.title is not None and card.publisher is None and card.title_publisher is None \
                and (named := named_prefix(card.title, brackets)) is not None:
            card.title_publisher, card.title = named


_SENTENCE_MARKS = re.compile(r"[。、，,．!！?？「」『』]")


def _whole_title_unless_named(card: CardLines) -> None:
    """A name split off the head of a labelled title ('出典：X　Y') is no publisher when the card's own date
    or link line names another: X is the headline's first phrase, set apart by a full-width space."""
    if card.title_whole is not None and card.title_publisher is not None and card.publisher is not None \
            and card.publisher != card.title_publisher:
        card.title, card.title_publisher = card.title_whole, None


def _title_and_publisher_by_shape(card: CardLines) -> None:
    """A card's title and its publisher's line, each a line of its own, read by what each line is rather than
    by where it stands: the publisher is a name (short, its words nouns), the title a headline that says
    something of it (its particles in kana: '…制度の見直しについて'). A card printing its publisher first and
    its title under its link ('消費者庁' · URL · '…の見直しについて') is read so, whatever its order."""
    names = [line for line in card.name_lines if not is_block_label(line.text)]
    if card.title_publisher is None and card.publisher is not None and is_block_label(card.publisher):
        # A label word is never the publisher: the first name under it is, if any.
        card.publisher, card.publisher_line = (name_text(names[0].text), names[0]) if names else (None, None)
    if not names or card.title_publisher is not None:
        return
    if card.publisher is not None and card.publisher not in {name_text(line.text) for line in names}:
        # The link line or a labelled line named the publisher: a headline among the name lines is the title.
        headline = next((line for line in names if not _name_shaped(line.text)), None)
        if card.title is None and headline is not None:
            card.title, card.title_line = headline.text.strip(), headline
            card.publisher_line = None if card.publisher_line is headline else card.publisher_line
        return
    if card.publisher is None:
        return
    if card.title is None and len(names) == 1 and not _name_shaped(names[0].text):
        # A headline alone among the card's lines (its punctuation, its length): the title; no line names who.
        card.publisher, card.publisher_line = None, None
        card.title, card.title_line = names[0].text.strip(), names[0]
        return
    if card.title is None and len(names) >= 2:
        publisher_line = min(names, key=lambda line: (not _name_shaped(line.text), *name_likeness(line.text)))
        title_line = next(line for line in names if line is not publisher_line)
    elif card.title is not None and card.title_line is not None and len(names) == 1 \
            and len(card.title) <= MAX_NAME and not _SENTENCE_MARKS.search(card.title) \
            and all(mine < theirs for mine, theirs in zip(name_likeness(card.title),
                                                         name_likeness(names[0].text), strict=True)):
        publisher_line, title_line = card.title_line, names[0]
    else:
        return
    card.publisher, card.publisher_line = name_text(publisher_line.text), publisher_line
    card.title, card.title_line = title_line.text.strip(), title_line


def _labelled_publisher(card: CardLines) -> None:
    """The card's publisher among its name lines, and the name lines it does not use. A name behind a label
    and a colon ('提供：警察庁', '配信元：…') says what it is: it names the publisher over a name line without one
    (a kicker or a reader's role announcement over the title, '領域 引用元カード'), even where it stands in the
    title's place and no other line is the title. The link line's name stands over both."""
    names = card.name_lines
    labelled = [line for line in names if labelled_name(line.text) is not None]
    title_name = labelled_name(card.title_line.text) if card.title_line is not None else None
    if not names and card.publisher is None and not card.link_named and title_name is not None \
            and card.title_line is not None and card.title in (card.title_line.text, title_name):
        # The card's only head line names who behind its label ('提供：…' · date · bullets · URL): no title.
        card.publisher, card.publisher_line = title_name, card.title_line
        card.title, card.title_line, card.title_label = None, None, None
        card.unused_names = []
        return
    if not labelled and names and card.title_line is not None and card.title_line not in names \
            and title_name is not None and card.title in (card.title_line.text, title_name):
        labelled = [card.title_line]
        names = [*names, card.title_line]
    source = next((line for line in names if name_text(line.text) == card.publisher), None)
    if labelled and not card.link_named and source is not None and source not in labelled:
        source = labelled[0]
        card.publisher = name_text(source.text)
        if source is card.title_line:
            card.title, card.title_line, card.title_label = None, None, None
    if card.publisher_line is None or card.publisher_line in names:
        card.publisher_line = source
    card.unused_names = [line for line in names if line is not card.publisher_line and line is not card.title_line]


def name_text(text: str) -> str:
    """The name a publisher's line prints, without a sponsor label before it ('PR｜ホイールマート') nor the
    pictograph that decorates it ('📰 読売新聞オンライン')."""
    text = named_after_link_label(text)
    marker, rest = split_marker(text)
    return unsponsored(rest if marker is not None and unicodedata.category(marker[0]) == "So" else text)


# A word between the glyphs or brackets that set it off: '▼参照', '◇◇ 参考 ◇◇', '【出典】'.
_SET_OFF_WORD = re.compile(r"^[\W_]*(?P<word>.*?)[\W_]*$")


def is_block_label(text: str) -> bool:
    """A line naming the block rather than who published it: a source's label word alone, whatever glyphs set
    it off ('▼参照', '◇◇ 参考 ◇◇'). (An ad's label stands for its sponsor: kept.)"""
    word = _SET_OFF_WORD.match(text)
    return word is not None and is_source_label(word["word"])


# A name's words are nouns, its kana few ('しんぶん赤旗'); more are a headline's ('旬のいちごをおうちで味わおう').
MAX_NAME_KANA = 6


def _name_shaped(text: str) -> bool:
    return len(text.strip()) <= MAX_NAME and not _SENTENCE_MARKS.search(text) \
        and name_likeness(text)[0] <= MAX_NAME_KANA
