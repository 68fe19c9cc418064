"""A page's reading, grouped: each section's lines and each of its cards, in reading order."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from kiku.importer.grammar.cards.bracket_prefix import named_prefix, prefix_bracket, publisher_beside_date
from kiku.importer.grammar.cards.card_link import named_after_link_label
from kiku.importer.grammar.cards.card_meta import MAX_NAME, is_label_note, is_source_label, labelled_name
from kiku.importer.grammar.cards.card_names import name_likeness, unsponsored
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
from kiku.importer.grammar.cards.quoted_citation import quoted_citation
from kiku.importer.grammar.cards.source_names import dated_publisher_line, name_and_quoted_title
from kiku.importer.grammar.lines.features import LineFeatures, split_marker
from kiku.importer.grammar.page.digest_grammar import Part
from kiku.importer.page import Line

_CARD_HEAD = (Part.CARD_DATE, Part.CARD_TITLE, Part.CARD_TITLE_AGAIN, Part.BULLET, Part.PLAIN_BULLET,
              Part.SUMMARY_META)
_LINKS = (Part.LINK, Part.HEAD_LINK, Part.TITLED_LINK)


@dataclass
class CardLines:
    """One card: its head (date, title), summary bullets, link line and the remarks after it."""

    own_lines: list[Line] = field(default_factory=list)
    date_lines: list[Line] = field(default_factory=list)
    title: str | None = None
    published: dt.date | None = None
    # The month and day of a date line that prints no year ('配信 10/11(金)').
    month_day: tuple[int, int] | None = None
    summary: list[str] = field(default_factory=list)
    link_line: Line | None = None
    url: str | None = None
    publisher: str | None = None
    # The line after the link naming the publisher the link line did not ('出典/画像元：NHKニュース').
    publisher_line: Line | None = None
    remarks: list[str] = field(default_factory=list)
    done: bool = False
    # The publisher printed before the title ('北海道新聞｜…'), used when no other line names one.
    title_publisher: str | None = None
    # The title as printed after its label, before a name was split off its head ('出典：X　Y': X, then Y).
    title_whole: str | None = None
    # The bracketed source label printed before the title ('【出典】'), not part of it.
    title_label: str | None = None
    title_line: Line | None = None
    # The dates after the first on the card's row of dates: those of the sources its link line cites after it.
    more_dates: tuple[dt.date, ...] = ()
    # Cited on another card's link line, after its source ('… https://a ／ BCN+R https://b').
    shares_link: bool = False
    # The date printed before the title on its line ('公開日:令和7年3月26日'), read into ``published``.
    title_date: str | None = None
    # The card's lines that are a name alone (its publisher's, or a short title's), in reading order.
    name_lines: list[Line] = field(default_factory=list)
    # The link line named the publisher: no name line of the card's head overrides it.
    link_named: bool = False
    # A meta line printed a sponsor's mark where the date goes ('— name, PR').
    sponsored: bool = False
    # Name lines the card read neither as its publisher nor as its title ('領域 引用元カード' over a card
    # whose '提供：警察庁' names the publisher): reported, never lost.
    unused_names: list[Line] = field(default_factory=list)


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
    # The page's closing summary in paragraphs ('まとめ' over prose): a section with no question.
    summary: bool = False


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
    for section in sections:
        for card in section.cards:
            _whole_title_unless_named(card)
            _title_and_publisher_by_shape(card)
            _labelled_publisher(card)
    _named_prefixes([card for section in sections for card in section.cards])
    return sections


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
