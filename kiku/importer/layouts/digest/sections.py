"""A digest section's fields: the lines the grammar grouped (``grammar.page.sections``) read into a
``Section`` and its source cards, with a warning where the section or a card is incomplete (no
question, no date, no summary, no link line) and the off-topic decision on each card (``ads``).
"""

from __future__ import annotations

import re
import unicodedata

from kiku.content.model import Section, SourceCard
from kiku.importer.finishing.escape import escape_markdown
from kiku.importer.grammar.lines.qa_labels import printed_label
from kiku.importer.grammar.lines.recurring import glued_label_of, recurring_prefix
from kiku.importer.grammar.page.grouped_lines import SectionLines
from kiku.importer.layouts.ads.off_topic import off_topic_reason
from kiku.importer.layouts.ads.relevance import PageBigrams
from kiku.importer.layouts.digest.line_repairs import GluedLink
from kiku.importer.layouts.labels import HEADING_ANCHOR, heading_number
from kiku.importer.page import Line
from kiku.importer.report import ImportReport


def read_section(number: int, lines: SectionLines, page: PageBigrams, page_title: str, report: ImportReport, *,
                 marks_ads: bool = False, numbered: bool = False,
                 qa_labels: frozenset[str] = frozenset(), prefixes: frozenset[str] = frozenset(),
                 glued: frozenset[str] = frozenset()) -> Section:
    """``qa_labels``: the openings the page labels its questions or its answers with (``recurring_labels``);
    ``prefixes``: the labels it prints before a field of each unit (``recurring_prefixes``); ``glued``: the
    labels it glues to each question and answer (``glued_labels``)."""
    field = f"sections[{number}]"
    if lines.untitled:
        report.warn(f"{field}: a source card before the first heading (line {lines.cards[0].own_lines[0].number}); "
                    "its section is headed by the title: rename it")
    elif lines.question is None and not lines.summary:
        report.warn(f"{field}: no question under the heading (line {lines.heading.number}: {lines.heading.text})")
    section_text = [lines.heading.text, *(line.text for line in (lines.question, lines.answer) if line),
                    *lines.comments, *lines.body, *(remark for card in lines.cards for remark in card.remarks)]
    topic = [page_title, *section_text[:1 + (lines.question is not None) + (lines.answer is not None)]]
    cards: list[SourceCard] = []
    body = [escape_markdown(text) for text in lines.body]
    for card in lines.cards:
        card_field = f"{field}.sources[{len(cards)}]"
        if card.link_line is None:
            report.warn(f"{field}: summary lines without a card link line after them (line "
                        f"{card.own_lines[0].number}: the page is cut?); kept as body text")
            body += [escape_markdown(line.text) for line in card.own_lines]
            continue
        link = card.link_line.scraped if isinstance(card.link_line, GluedLink) else card.link_line
        report.consume(link, "read-more-link", f"{card_field}.publisher, {card_field}.url")
        if card.publisher_line is not None:
            report.consume(card.publisher_line, "card-publisher", f"{card_field}.publisher")
        for name in card.unused_names:
            report.consume(name, "card-name-unused")
        for date_line in card.date_lines:
            report.consume(date_line, "published-date", f"{card_field}.published")
        if card.url is None:
            report.warn(f"{field}: no http(s) URL in the card link line {link.number} ({link.text}); "
                        "its summary is kept as body text")
            body = [escape_markdown(text) for text in card.summary] + body
            continue
        if card.title_date is not None and card.title_line is not None:
            report.trim(card.title_line, "date-before-title", card.title_date, f"{card_field}.published")
        if card.title_label is not None and card.title_line is not None:
            report.trim(card.title_line, "source-label-before-title", card.title_label, f"{card_field}.title")
        if card.publisher is None and card.title_publisher is not None and card.title_line is not None:
            report.trim(card.title_line, "publisher-before-title", card.title_publisher, f"{card_field}.publisher")
        if card.published is None:
            report.warn(f"{card_field}: the card gives no date (link line {link.number})")
        if card.shares_link:
            report.warn(f"{card_field}: cited on the link line of the card before it (line {link.number}); the "
                        "summary above that line is kept with the first card: check which source it summarises")
        elif not card.summary:
            report.warn(f"{card_field}: the card has no summary bullets (link line {link.number})")
        reason = off_topic_reason(card.title, card.summary, section_text, page, card.own_lines, topic,
                                  page_marks_ads=marks_ads, publisher=card.publisher or card.title_publisher,
                                  sponsor_mark=card.sponsored)
        if reason is not None:
            report.warn(f"{card_field}: {reason}; flagged off_topic (its bullets are kept in the file "
                        "but not published)")
        cards.append(SourceCard(
            url=card.url, title=card.title, publisher=card.publisher or card.title_publisher, published=card.published,
            summary=tuple(escape_markdown(text) for text in card.summary), off_topic=reason is not None,
            comments=tuple(escape_markdown(text) for text in card.remarks)))
    if lines.marked_body:
        report.warn(f"{field}: marked lines without a card link after them (line {lines.marked_body[0].number}); "
                    "kept as body text")
    comments = [escape_markdown(text) for text in lines.comments]
    if lines.question is None and lines.answer is None and not lines.cards:
        # A comment remarks on an answer or a card: a section with neither has only its text ('最後に' over it).
        body, comments = comments + body, []
    return Section(
        heading=_unframed(_without_anchor(lines.heading, f"{field}.heading", report, numbered),
                          lines.heading, f"{field}.heading", report),
        question=_unlabelled(lines.question, "Q", f"{field}.question", report,
                             _printed_label(lines.question, lines.answer, qa_labels, prefixes), glued),
        answer=_unlabelled(lines.answer, "A", f"{field}.answer", report,
                           _printed_label(lines.answer, lines.question, qa_labels, prefixes), glued),
        comments=tuple(comments), sources=tuple(cards),
        body=tuple(body), reaction=tuple(escape_markdown(text) for text in lines.reaction))


# A heading framed by a pair of brackets and nothing else: '【暫定目標値から水質基準へ】', '［産地の声］'.
_FRAMED = re.compile(r"^\s*(?P<open>[【［\[〔《])(?P<text>[^【】［］\[\]〔〕《》]{2,})(?P<close>[】］\]〕》])\s*$")
_PAIRS = {"【": "】", "［": "］", "[": "]", "〔": "〕", "《": "》"}


def _unframed(text: str, heading: Line, field: str, report: ImportReport) -> str:
    """The heading without the brackets that frame it (reported as trimmed): they decorate the heading as a
    glyph before it does, whatever the page's style."""
    framed = _FRAMED.match(text)
    if framed is None or _PAIRS[framed["open"]] != framed["close"]:
        return text
    report.trim(heading, "heading-brackets", framed["open"] + framed["close"], field)
    return framed["text"].strip()


def _without_anchor(line: Line, field: str, report: ImportReport, numbered: bool) -> str:
    """The heading without the permalink glyph a site prints after it, nor the number of the page's list of
    headings before it (each reported as trimmed)."""
    text = line.text
    anchor = HEADING_ANCHOR.search(text)
    if anchor is not None and text[:anchor.start()].strip():
        report.trim(line, "heading-anchor", anchor.group().strip(), field)
        text = text[:anchor.start()]
    number = heading_number(text) if numbered else None
    if number is not None:
        report.trim(line, "heading-number", number[1].group().strip(), field)
        text = text[number[1].end():]
    mark = _HASH_MARK.match(text)
    if mark is not None:
        report.trim(line, "heading-mark", mark.group().strip(), field)
        text = text[mark.end():]
    return text


# A heading's mark in a text dump, half or full width, glued or spaced ('＃導入の費用', '## 今後の見通し'); a number
# after it is the heading's own ('#1 …').
_HASH_MARK = re.compile(r"^\s*[#＃]{1,4}[ \u3000]*(?=[^\s\d０-９#＃])")


def _unlabelled(line: Line | None, letter: str, field: str, report: ImportReport,
                paired: re.Match[str] | None = None, glued: frozenset[str] = frozenset()) -> str | None:
    """The question's or answer's text without its printed 'Q.' / 'A：' label, and the word the page glues
    after it to every question and answer (``glued``), reported as trimmed."""
    if line is None:
        return None
    label = (printed_label(line.text) or _SPACED_LETTER.match(line.text) or _GLYPH_LABEL.match(line.text)
             or _GLUED_GLYPH.match(line.text) or _DASH_LABEL.match(line.text) or paired)
    if label is None or not line.text[label.end():] or (
            label.groupdict().get("letter") and unicodedata.normalize("NFKC", label["letter"]) != letter):
        label = None
    start = label.end() if label is not None else 0
    word = glued_label_of(line.text[start:], glued)
    end = start + len(word) if word is not None else start
    if end == 0:
        return line.text
    report.trim(line, "qa-label", line.text[:end].strip(), field)
    return line.text[end:]


# A glyph set before the question or the answer ('► …？', '⇒ …'), a space after it: a label as 'Q.' is.
_GLYPH_LABEL = re.compile(r"^\s*[^\w\s「『（(“\"#＃【［\[〔]{1,2}[ \u3000]+(?=\S)")
# A pictogram glued to the question or the answer ('❓なぜ…?', '👉…のため'): a label as a spaced glyph is.
_GLUED_GLYPH = re.compile(r"^\s*[^\w\s「『（(“\"#＃【［\[〔〈《―—─–\-・･.．。、,，…‥*＊]\ufe0f?(?=\w)")
# The letter Q or A set apart by a space, no stop after it ('Ｑ　なぜ…？', 'A 約3割', 'Q 2030年に…'): a label as 'Q.'
# is. A Latin word after a plain space is an English sentence ('A new…', 'A 20-year…'), no label.
_SPACED_LETTER = re.compile(
    r"^\s*(?P<letter>[QＱAＡ])[0-9０-９]{0,2}(?:\u3000+|[ ]+(?=[0-9]*[^\x00-\x7f]))")
# An interviewer's dash before the question, glued or spaced ('―…ですか?', '— …?').
_DASH_LABEL = re.compile(r"^\s*[―—─–]{1,2}[ \u3000]*(?=\S)")
# A word of one or two letters, a word of up to four letters without a digit ('きく …', 'こたえ …'), or a Latin
# word ('QUESTION …'), and a space, a slash or a closing bracket ('問 …', '答 …', 'Ｑ …', '問い／…', 'Question》…'): a
# label only when the question and its answer both open so, each with a word of its own.
_WORD_LABEL = re.compile(
    r"^\s*(?P<word>\w{1,2}|[^\W\d_]{3,4}|[A-Za-zＡ-Ｚａ-ｚ]{3,10})"
    r"(?:[ \u3000]+|[ \u3000]*[/／》〉»›>＞][ \u3000]*)(?=\S)")


# A bracketed phrase opening a question ('（いちばん気になるところ）…？', '【今回の疑問】…') or a short word glued to an
# arrow opening an answer ('答え→…', 'ここがポイント⇒…'): a label when the page opens its questions or its answers
# with it section after section, however long its words.
_OPENING = re.compile(r"^\s*(?:[(（【［\[〔〈《][^()（）【】［］\[\]〔〕〈〉《》。？?！!]{1,24}[)）】］\]〕〉》]"
                      r"|[^\s\d:：。、？?！!→⇒➡「」『』]{1,8}[ \u3000]*[→⇒➡])[ \u3000]*")
MIN_LABELLED_LINES = 2


def recurring_labels(texts: list[str]) -> frozenset[str]:
    """The openings (``_OPENING``) of two of ``texts`` or more, the same words each time."""
    openings = [match.group().strip() for text in texts if (match := _OPENING.match(text))]
    return frozenset(opening for opening in openings if openings.count(opening) >= MIN_LABELLED_LINES)


def _printed_label(line: Line | None, other: Line | None, qa_labels: frozenset[str],
                   prefixes: frozenset[str]) -> re.Match[str] | None:
    """The label ``line`` opens with: one the page prints in each unit, or one paired with ``other``'s."""
    recurring = recurring_prefix(line.text, prefixes) if line is not None else None
    return recurring or _recurring_label(line, qa_labels) or _paired_label(line, other)


def _recurring_label(line: Line | None, labels: frozenset[str]) -> re.Match[str] | None:
    """``line``'s opening when it is one of the page's recurring labels and text follows it."""
    if line is None:
        return None
    match = _OPENING.match(line.text)
    return match if match is not None and match.group().strip() in labels else None


def _paired_label(line: Line | None, other: Line | None) -> re.Match[str] | None:
    """``line``'s word label when ``other`` opens with a word label too, a different one."""
    if line is None or other is None:
        return None
    label, other_label = _WORD_LABEL.match(line.text), _WORD_LABEL.match(other.text)
    if label is None or other_label is None or label["word"] == other_label["word"]:
        return None
    return label

