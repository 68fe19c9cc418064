"""The digest family's grammar, as data: what a line can be, what may follow what, and how
well a line's features fit each part.

    [date] · title · [byline · date] · [date] · lead · [title again] · [label · key points] · [intro]
    section*: heading · [question label] · question · answer · remarks · (card · remarks)* · body · reaction
        card: [date] · [title] · [title again] · [date] · summary bullets · link line
           or [date] · title or date · link line · summary bullets (the citation in the card's head)
    [outro] · [label] · [conclusion bullets]

The decoder (``kiku.importer.grammar.page.decode``) picks the reading of the whole page with the
best total score, so a line that fits no part well (an unfamiliar marker, a lost full stop)
is placed by its neighbours rather than derailing the rest. Scores are small integers and
halves, set by hand from the family's description and checked on the fixture corpus
(``bench/import_audit.py``); what each one expresses is said beside it.
"""

from __future__ import annotations

import re
from enum import IntEnum

from kiku.importer.grammar.lines.feature_passes import is_bracketed_label
from kiku.importer.grammar.lines.features import LineFeatures

# A reading that is impossible (a link line read as anything but a link).
IMPOSSIBLE = -1.0e9


class Part(IntEnum):
    PRE_DATE = 0
    TITLE = 1
    HEAD_DATE = 2
    LEAD = 3
    TITLE_AGAIN = 4
    KEY_POINTS_LABEL = 5
    KEY_POINT = 6
    INTRO = 7
    HEADING = 8
    QUESTION = 9
    ANSWER = 10
    COMMENT = 11
    CARD_DATE = 12
    CARD_TITLE = 13
    CARD_TITLE_AGAIN = 14
    BULLET = 15
    LINK = 16
    CARD_REMARK = 17
    BODY = 18
    REACTION = 19
    OUTRO = 20
    CONCLUSION_LABEL = 21
    CONCLUSION = 22
    # Lines after the conclusion that no chrome rule knew: the site's, not the article's.
    TRAILER = 23
    # A name printed between the title and the article's date: who wrote it (the blog's or
    # the author's name, a tagline), not the article's text.
    BYLINE = 24
    # A line that is one link and nothing else after the article's last text (a blog ranking's
    # banner, a follow button): the site's, as the lines after a conclusion are.
    TRAILING_LINK = 25
    # A card that prints its link line in its head, under its title or date and over its summary
    # ('教育新聞　https://…　2025.11.28' · bullets): the link, then the bullets that close the card.
    HEAD_LINK = 26
    LINKED_BULLET = 27
    # The publisher or date printed under a card's head link, over its summary ('https://…' · '大分合同新聞'
    # · '2025年11月19日' · bullets).
    HEAD_META = 28
    # A card printed whole on its link line ('publisher: title (date) URL'), its summary under it.
    TITLED_LINK = 29
    # The publisher or date printed under the link line that closes a card ('… https://…' · '港町日報' ·
    # '2025年6月3日'): the card's last lines, no summary after them.
    LINK_META = 30
    # A summary line printed without a bullet glyph: a card's by its place alone, under the card's
    # date or its title printed twice and over more of them or the link line that closes the card.
    PLAIN_BULLET = 31
    # A key point printed without a bullet glyph: one by its place alone, under the key points' label.
    PLAIN_KEY_POINT = 32
    # A card's publisher or date printed under its summary and over the link line that closes the card
    # ('title' · bullets · '公開日：2025年6月13日' · '続きを読む … URL'): the card's, in another order.
    SUMMARY_META = 33
    # The title of the box a section's question and answer are printed in ('気になる疑問', 'Q&A'), between
    # the heading and the question: a label, neither the heading nor the question.
    QUESTION_LABEL = 34
    # A card's title printed again right under the link line that printed the whole card ('title ／ name ／
    # 2025/3/1 ／ 〔参照〕https://…' · 'title' · bullets): the card's, as a title printed twice around its date is.
    LINK_TITLE_AGAIN = 35
    # A card's title under its head link's publisher or date ('https://…' · '― name（date）' · title · bullets).
    HEAD_TITLE = 36


P = Part
# After a page that closes on its text, not on a conclusion, the site's trailing lines are told only
# by their markup (a banner link), never by their words: a rare reading that needs that evidence.
TRAILING_LINK_COST = -3.0
# A card's date or publisher under its summary rather than over it: rarer, so a date line there that can
# head the next card does.
META_AFTER_SUMMARY_COST = -0.3
# A card that opens with its link line, no title above it ('https://… 政府広報' · bullets · date): told from a
# link line closing a card by the summary under it, so it costs more than a card's usual start.
LINK_FIRST_COST = -1.0
# Where a card may start, and what may end a section's card or text and go on.
_CARD_START = (P.CARD_DATE, P.CARD_TITLE, P.BULLET, P.LINK, P.TITLED_LINK)
_PAGE_END = (P.OUTRO, P.CONCLUSION_LABEL, P.CONCLUSION)
_HEADER_NEXT = (P.LEAD, P.HEAD_DATE, P.TITLE_AGAIN, P.KEY_POINTS_LABEL, P.KEY_POINT, P.INTRO, P.HEADING)


def _moves(*pairs: tuple[tuple[Part, ...], float]) -> dict[Part, float]:
    moves: dict[Part, float] = {}
    for parts, cost in pairs:
        for part in parts:
            moves[part] = cost
    return moves


_AFTER_LINK = _moves(((P.CARD_REMARK,), 0.5), (_CARD_START, -0.5), ((P.BODY, P.HEADING), -0.5),
                     ((P.REACTION,), -1), (_PAGE_END, -1), ((P.TRAILING_LINK,), TRAILING_LINK_COST))
# A card's publisher or date printed under its link line (rarer than a date heading the next card).
META_AFTER_LINK_COST = -1.5
# A label over the question box: rare, so a short line under a heading element and over a question is read
# so only when that element is the better heading.
QUESTION_LABEL_COST = -1.0
# A box's label is a word or a few: no longer than this.
MAX_QUESTION_LABEL = 12


# What may follow each part, and what following it costs (0: the usual order; negative: a
# reading the family allows but rarely uses, so it needs the lines' evidence).
FOLLOWS: dict[Part, dict[Part, float]] = {
    P.PRE_DATE: _moves(((P.TITLE,), 0), ((P.PRE_DATE,), -1)),
    # A card before any heading is rare, but must not make the page unreadable (its section is
    # then headed by the title, with a warning).
    P.TITLE: _moves(((P.LEAD, P.HEAD_DATE, P.TITLE_AGAIN, P.KEY_POINTS_LABEL, P.BYLINE), 0),
                    ((P.KEY_POINT, P.INTRO, P.HEADING), -1), (_CARD_START, -3)),
    # Two date lines under the title: the day it was published and the day it changed ('更新：…' · '公開：…').
    P.HEAD_DATE: _moves((_HEADER_NEXT, 0), ((P.HEAD_DATE,), -1), (_CARD_START, -3)),
    P.LEAD: _moves((_HEADER_NEXT, 0), ((P.LEAD,), -0.3), ((P.KEY_POINT,), -1), (_CARD_START, -3)),
    P.TITLE_AGAIN: _moves((_HEADER_NEXT, 0), ((P.TITLE_AGAIN,), IMPOSSIBLE), (_CARD_START, -3)),
    P.KEY_POINTS_LABEL: _moves(((P.KEY_POINT, P.PLAIN_KEY_POINT), 0)),
    # The article's date may be printed under the key points, before the text.
    P.KEY_POINT: _moves(((P.KEY_POINT, P.INTRO, P.HEADING), 0), ((P.HEAD_DATE,), -0.5), (_CARD_START, -3)),
    P.PLAIN_KEY_POINT: _moves(((P.PLAIN_KEY_POINT, P.INTRO, P.HEADING), 0), ((P.HEAD_DATE,), -0.5),
                              (_CARD_START, -3)),
    P.INTRO: _moves(((P.INTRO,), -0.3), ((P.HEADING,), 0), (_CARD_START, -3)),
    # A heading is a heading by what follows it: a question, else a card, rarely text.
    P.HEADING: _moves(((P.QUESTION,), 0), (_CARD_START, -1.5), ((P.COMMENT, P.BODY), -1.5), ((P.ANSWER,), -3),
                      ((P.QUESTION_LABEL,), QUESTION_LABEL_COST)),
    P.QUESTION_LABEL: _moves(((P.QUESTION,), 0)),
    P.QUESTION: _moves(((P.ANSWER,), 0.5), (_CARD_START, -1), ((P.COMMENT,), -1.5), ((P.BODY,), -2)),
    P.ANSWER: _moves(((P.COMMENT,), 0), (_CARD_START, 0), ((P.BODY,), -0.5), ((P.HEADING,), -2)),
    P.COMMENT: _moves(((P.COMMENT,), -0.5), (_CARD_START, 0), ((P.BODY,), -1), ((P.REACTION,), -1),
                      ((P.HEADING,), -1)),
    # A card's publisher and its date may stand on two lines of their own, in either order.
    P.CARD_DATE: _moves(((P.CARD_TITLE, P.CARD_TITLE_AGAIN, P.BULLET, P.PLAIN_BULLET), 0), ((P.LINK,), -2),
                        ((P.HEAD_LINK,), -1), ((P.CARD_DATE,), -0.3)),
    # Under a title alone, lines without glyphs are a summary only on more evidence than a remark needs.
    P.CARD_TITLE: _moves(((P.CARD_DATE, P.CARD_TITLE_AGAIN, P.BULLET), 0), ((P.LINK, P.HEAD_LINK, P.PLAIN_BULLET), -1)),
    P.CARD_TITLE_AGAIN: _moves(((P.CARD_DATE, P.BULLET, P.PLAIN_BULLET), 0), ((P.HEAD_LINK,), -1)),
    P.BULLET: _moves(((P.BULLET, P.LINK), 0), ((P.SUMMARY_META,), META_AFTER_SUMMARY_COST)),
    P.PLAIN_BULLET: _moves(((P.PLAIN_BULLET, P.LINK), 0)),
    P.SUMMARY_META: _moves(((P.SUMMARY_META, P.LINK), 0)),
    P.LINK: _AFTER_LINK | {P.LINK_META: META_AFTER_LINK_COST},
    P.LINK_META: {P.LINK_META: 0.0} | _AFTER_LINK,
    # A link in the card's head is followed by the card's summary, and the card ends where it does; its
    # date or publisher may stand under the summary as well as over it (what a line is tells its field).
    P.HEAD_LINK: _moves(((P.LINKED_BULLET, P.HEAD_META), 0)),
    P.HEAD_META: {P.LINKED_BULLET: 0.0, P.HEAD_META: 0.0, P.HEAD_TITLE: 0.0} | _AFTER_LINK,
    P.HEAD_TITLE: _moves(((P.LINKED_BULLET, P.CARD_REMARK), 0)),
    P.TITLED_LINK: {P.LINKED_BULLET: 0.0, P.LINK_TITLE_AGAIN: 0.0} | _AFTER_LINK,
    P.LINK_TITLE_AGAIN: {P.LINKED_BULLET: 0.0, P.HEAD_META: 0.0} | _AFTER_LINK,
    P.LINKED_BULLET: {P.LINKED_BULLET: 0.0, P.HEAD_META: META_AFTER_SUMMARY_COST} | _AFTER_LINK,
    P.CARD_REMARK: _moves(((P.CARD_REMARK,), -0.3), (_CARD_START, 0), ((P.BODY, P.REACTION, P.HEADING), 0),
                          (_PAGE_END, -1), ((P.TRAILING_LINK,), TRAILING_LINK_COST)),
    P.BODY: _moves(((P.BODY, P.REACTION, P.HEADING), 0), (_CARD_START, -1), ((P.OUTRO,), -1.5),
                   ((P.CONCLUSION_LABEL, P.CONCLUSION), -0.5), ((P.TRAILING_LINK,), TRAILING_LINK_COST)),
    # A reaction closes its section: what follows starts the next one, or the page's closing.
    P.REACTION: _moves(((P.HEADING, P.OUTRO, P.CONCLUSION_LABEL, P.CONCLUSION), 0), ((P.REACTION,), -1),
                       ((P.BODY,), -2.5), (_CARD_START, -1.5), ((P.TRAILING_LINK,), TRAILING_LINK_COST)),
    P.OUTRO: _moves(((P.OUTRO, P.CONCLUSION_LABEL, P.CONCLUSION), 0), ((P.TRAILING_LINK,), TRAILING_LINK_COST),
                    ((P.TRAILER,), -1)),
    # A label may head the closing words as well as the conclusion's bullets ('最後に', 'おわりに').
    P.CONCLUSION_LABEL: _moves(((P.CONCLUSION,), 0), ((P.OUTRO,), -0.5)),
    # After the conclusion: more of it, a card printed late (read into the last section), or the
    # site's trailing lines.
    P.CONCLUSION: _moves(((P.CONCLUSION,), 0), ((P.TRAILER,), -1), (_CARD_START, -3)),
    P.TRAILER: _moves(((P.TRAILER,), 0)),
    P.TRAILING_LINK: _moves(((P.TRAILING_LINK,), 0)),
    # A byline stands only where its date follows: a short line after the title and before the
    # text is as often the lead's first words. A tagline or the line may stand over the name (rarer).
    P.BYLINE: _moves(((P.HEAD_DATE,), 0), ((P.BYLINE,), -1)),
}
for _part, _moves_from in FOLLOWS.items():
    # Wherever a card may start, it may start with its link line (its head link); not right under a heading,
    # which names a topic before the section cites anything.
    if P.CARD_TITLE in _moves_from and P.HEAD_LINK not in _moves_from and _part != P.HEADING:
        _moves_from[P.HEAD_LINK] = _moves_from[P.CARD_TITLE] + LINK_FIRST_COST
FIRST = {P.PRE_DATE: 0.0, P.TITLE: 0.0}
# Parts a page may end on (not on a heading waiting for its section); a page cut inside a card
# (its summary, no link line) is read as such, at a cost.
LAST = {part: 0.0 for part in (P.TITLE, P.LEAD, P.KEY_POINT, P.INTRO, P.ANSWER, P.COMMENT, P.LINK, P.CARD_REMARK,
                               P.BODY, P.REACTION, P.OUTRO, P.CONCLUSION, P.TRAILER, P.TRAILING_LINK,
                               P.LINKED_BULLET, P.TITLED_LINK, P.HEAD_META, P.LINK_META, P.LINK_TITLE_AGAIN)} \
    | {P.BULLET: -2.0}

_POINT_PARTS = (P.KEY_POINT, P.BULLET, P.LINKED_BULLET, P.CONCLUSION)
_PROSE_PARTS = (P.LEAD, P.INTRO, P.COMMENT, P.CARD_REMARK, P.BODY, P.REACTION, P.OUTRO)
MARKED_HEADING_EVIDENCE = 2.0
SUBJECT_CLAUSE_EVIDENCE = 2.0
SENTENCE_QUESTION_EVIDENCE = 1.5
NAMES_NOTHING_EVIDENCE = 3.0
SUMMARY_HEADING_EVIDENCE = 2.0
STYLED_HEADING_EVIDENCE = 3.0
# A line that is one link and nothing else: a banner or a button, as a site's trailing lines are.
LINK_ONLY_EVIDENCE = 3.0
CARD_BOX_EVIDENCE = 2.0
NUMBERED_CARD_EVIDENCE = 3.0
BRACKETED_LABEL_EVIDENCE = 3.0
# Against a heading: a label the page prints in several of its units (``grammar.lines.recurring``).
RECURRING_LABEL_EVIDENCE = 4.0
MARKER_CHANGE_EVIDENCE = 3.0
LONE_MARK_EVIDENCE = 3.0
QA_LABEL_EVIDENCE = 3.0
STANDALONE_HEADING_EVIDENCE = 1.5
# A summary line that does not read as a sentence may still be one (a clause that lost its full stop),
# but a card's title is likelier.
UNFINISHED_SUMMARY = 1.5
# The writer's polite voice at a sentence's end ('…確認していきます。'): the page's own words, not a listed point.
POLITE_END = re.compile(r"(?:ます|です|ました|でした|ましょう|ません)[。．!！]?\s*$")
# Lengths that tell a heading, a short answer or a card title from a paragraph.
SHORT = 30
LONG = 50
# How well a link line that prints its card's title fits a link under a title line of its own.
TITLED_LINK_AS_LINK = 3
MAX_ANSWER = 80


def fit(line: LineFeatures) -> list[float]:
    """How well the line fits each part (indexed by Part), from its features alone."""
    scores = [0.0] * len(Part)
    if line.link is not None:
        scores = [IMPOSSIBLE] * len(Part)
        # A link line printing its card's title is the whole card's head: a line above it is no second title.
        titled = line.link.title is not None
        scores[P.LINK] = scores[P.HEAD_LINK] = TITLED_LINK_AS_LINK if titled else 6
        scores[P.TITLED_LINK] = 6 if titled else IMPOSSIBLE
        return scores
    scores[P.LINK] = scores[P.HEAD_LINK] = scores[P.TITLED_LINK] = IMPOSSIBLE
    marked = line.marker is not None
    ends_with_full_stop = line.text.rstrip().endswith(("。", "．"))
    # Parts that only a certain kind of line can be.
    for part, allowed, bonus in ((P.PRE_DATE, line.date, 2), (P.HEAD_DATE, line.date, 2),
                                 (P.CARD_DATE, line.card_date, 3), (P.HEAD_META, line.card_date, 3),
                                 (P.LINK_META, line.card_date, 3), (P.SUMMARY_META, line.card_date, 3),
                                 (P.TITLE_AGAIN, line.is_title, 4), (P.LINK_TITLE_AGAIN, line.repeats_head_title, 3),
                                 (P.CARD_TITLE_AGAIN, line.repeats_recent or line.repeats_head_title, 3),
                                 (P.KEY_POINTS_LABEL, line.is_label, 4), (P.CONCLUSION_LABEL, line.is_label, 3),
                                 (P.KEY_POINT, marked, 2), (P.BULLET, marked, 2), (P.LINKED_BULLET, marked, 2),
                                 (P.CONCLUSION, marked, 2)):
        scores[part] = bonus if allowed else IMPOSSIBLE
    # A line of text is rarely a bullet glyph's line, a date, the title again or a label.
    prose_penalty = (-3 if marked else 0) + (-3 if line.card_date else 0) + (-3 if line.is_title else 0) \
        + (-2 if line.is_label else 0)
    # A short line that does not end like a sentence reads as a heading or a title, not a paragraph.
    headline_like = (line.length <= SHORT and not ends_with_full_stop and not line.predicate
                     and line.remark < 2 and line.reaction < 2 and not line.subject_clause)
    # What every paragraph-like part shares; the parts below differ from it only by their own evidence.
    prose = (prose_penalty + (0.3 if ends_with_full_stop else 0) + (0.3 if line.length > 40 else 0)
             - (1.5 if headline_like else 0))
    scores[P.TITLE] = -3 if line.date else 0
    # A byline is a name: short, no sentence, no question, no bullet, no date of its own.
    is_name = headline_like and not marked and not line.date and not line.question and not line.is_label
    scores[P.BYLINE] = 0 if is_name else IMPOSSIBLE
    scores[P.LEAD] = prose
    scores[P.INTRO] = prose - 0.5 + (2 if line.text.startswith(("それでは", "では、", "さっそく")) else 0)
    scores[P.HEADING] = (prose_penalty + (1.5 if marked else 0) + (0.5 if line.length <= SHORT else 0)
                         - (4 if ends_with_full_stop else 0) - (3 if line.predicate else 0)
                         - (3 if line.length > LONG else 0) - (1 if line.remark >= 2 else 0)
                         - (0.5 if line.question else 0))
    # A box's label: a few words, no sentence, no question, no glyph, right under the page's heading element
    # (a text dump shows no box: a short line there may as well be the heading).
    box_label = (not ends_with_full_stop and not line.predicate and not marked and not line.question
                 and line.under_heading_element
                 and not line.styled_heading and not line.date and not line.card_date
                 and line.length <= MAX_QUESTION_LABEL)
    scores[P.QUESTION_LABEL] = 0 if box_label else IMPOSSIBLE
    scores[P.QUESTION] = (prose_penalty + (2.5 if line.question else -2.5) - (2 if "。" in line.text else 0)
                          - (3 if line.length > 2 * LONG else 0))
    scores[P.ANSWER] = (prose_penalty + (0.5 if line.length <= SHORT else 0) - (3 if line.length > MAX_ANSWER else 0)
                        - (1.5 if ends_with_full_stop else 0) - (2 if line.question else 0))
    scores[P.COMMENT] = prose + 0.5 * line.remark
    # A card's title is often printed twice (around its date): a line repeated just below is one.
    scores[P.CARD_TITLE] = (prose_penalty + 0.5 + (2 if line.repeated_below else 0)
                            - (4 if ends_with_full_stop else 0) - (1.5 if line.predicate else 0)
                            - (3 if line.length < 6 else 0) - (2 if line.remark >= 2 else 0)
                            - (1 if line.question else 0))
    if line.names_publisher or line.dated_title:
        # A headline naming its source or printed after its date is a card's title.
        scores[P.CARD_TITLE] += 2
        scores[P.HEADING] -= 1
    if is_bracketed_label(line.text) or line.list_heading:
        # A label in brackets alone ('【参考記事】') or a lesser heading element over a list names the kind of
        # what follows, not a section's topic.
        scores[P.HEADING] -= BRACKETED_LABEL_EVIDENCE
    if line.list_heading:
        # Nor does it name one card of the list: it stands over them all.
        scores[P.CARD_TITLE] -= BRACKETED_LABEL_EVIDENCE
    if line.recurring_label:
        # The same few words at the same place of several units label each unit; a heading names its own
        # section, a card's title its own card, and the key points' or the conclusion's label (and the
        # conclusion) are printed once.
        for part in (P.HEADING, P.CARD_TITLE, P.KEY_POINTS_LABEL, P.CONCLUSION_LABEL, P.CONCLUSION):
            scores[part] -= RECURRING_LABEL_EVIDENCE
    if line.header_cell:
        # A column's label over each table's row of values: no card's publisher or date, whatever it says.
        for part in (P.CARD_DATE, P.HEAD_META, P.LINK_META, P.SUMMARY_META, P.CARD_TITLE):
            scores[part] = IMPOSSIBLE
    if line.voice:
        # Someone's words with who said them are the section's text, never its heading.
        scores[P.HEADING] -= 3
    if line.heads_prose:
        # A summary's label over the page's closing paragraphs heads its last section (it names the
        # section's role, so a label of hiragana alone such as 'まとめ' still heads it).
        scores[P.HEADING] += SUMMARY_HEADING_EVIDENCE
    elif line.names_nothing:
        # A heading names its section's topic; a line of hiragana alone ('すごい！') names none.
        scores[P.HEADING] -= NAMES_NOTHING_EVIDENCE
    if line.asks_in_sentence and not line.marked_heading:
        # A heading asks in a headline's plain form ('値段は上がる？'); a polite or modal question
        # ('…いつですか？') is the question under it, or a card's (an ad's) teasing title.
        scores[P.HEADING] -= SENTENCE_QUESTION_EVIDENCE
    if line.subject_clause and not line.marked_heading:
        # A sentence opening with its subject and a comma, whatever its end ('…は、…を忘れずに!').
        scores[P.HEADING] -= SUBJECT_CLAUSE_EVIDENCE
    scores[P.CARD_REMARK] = prose + 0.5 * line.remark
    # A summary line is a sentence (a full stop, a predicate, or a paragraph's length) rather than a headline
    # (the card's title), never a date, a label or a line with a glyph; a key point is no question and not in the
    # writer's polite voice or a remark to the reader (the intro's words).
    plain = not (marked or line.card_date or line.is_label)
    sentence = ends_with_full_stop or line.predicate or line.length > LONG
    scores[P.PLAIN_BULLET] = prose - (0 if sentence else UNFINISHED_SUMMARY) if plain else IMPOSSIBLE
    scores[P.PLAIN_KEY_POINT] = 0 if plain and not line.question and line.remark < 2 \
        and not POLITE_END.search(line.text) else IMPOSSIBLE
    scores[P.BODY] = prose + (1.5 if marked else 0)
    scores[P.REACTION] = prose + (1.5 if line.reaction >= 2 else 0 if line.reaction == 1 else -3)
    scores[P.OUTRO] = prose - 0.3
    # After the conclusion, a bulleted list that no link line closes is the site's (new or related
    # articles), not a card cut short: a marked line fits the trailer as well as a card's bullet.
    scores[P.TRAILER] = -0.5 + (1.5 if marked else 0)
    scores[P.TRAILING_LINK] = LINK_ONLY_EVIDENCE if line.link_only else IMPOSSIBLE
    if line.marker_changes:
        # A card's summary under its head link is one list, marked with one glyph; so are the key points (a
        # line under them marked otherwise, '◎ …' then '▍ …', starts what follows them: a heading).
        scores[P.LINKED_BULLET] -= MARKER_CHANGE_EVIDENCE
        scores[P.KEY_POINT] -= MARKER_CHANGE_EVIDENCE
    if line.lone_mark and ends_with_full_stop:
        # A conclusion's points are a list under one glyph; a glyph the page prints before single sentences
        # through its sections marks a remark (the last section's too), not the conclusion.
        scores[P.CONCLUSION] -= LONE_MARK_EVIDENCE
    if line.numbered_card_head:
        # A card's title numbered in the page's list of cards, or marked with the glyph the page gives its
        # cards' heads: its mark is no bullet's.
        scores[P.CARD_TITLE] += NUMBERED_CARD_EVIDENCE
        scores[P.BULLET] -= NUMBERED_CARD_EVIDENCE
    if line.heads_card_box:
        # First in a small box that a card's link line closes: the card's head.
        scores[P.CARD_TITLE] += CARD_BOX_EVIDENCE
    if line.marked_heading:
        # A heading element is a heading, a title or a card's title, never a paragraph: where it
        # stands decides which (a section's last heading may head body text and no card).
        for part in _PROSE_PARTS:
            scores[part] -= MARKED_HEADING_EVIDENCE
        if marked:
            # Nor a point of a list: its glyph ('<h2>📌 結論</h2>') decorates the heading, a bullet's
            # line is a list item or a paragraph.
            for part in _POINT_PARTS:
                scores[part] -= MARKED_HEADING_EVIDENCE
    if headline_like and line.between_sentences:
        # A fragment between two sentences of text heads the text below it (a section of text alone,
        # 'その後の課題' over a paragraph), whatever its punctuation; it is no remark of the card above.
        scores[P.HEADING] += STANDALONE_HEADING_EVIDENCE
    if line.qa_label is not None:
        # The page labels the line as its question or its answer, the pair of labels printed section after
        # section: no other part of the page.
        own = P.QUESTION if line.qa_label == "Q" else P.ANSWER
        for part in Part:
            if part != own:
                scores[part] -= QA_LABEL_EVIDENCE
    if line.styled_heading:
        # Styled as the page's section headings are: a heading, even over no question (a section
        # that only cites cards), not the question or the answer of the heading above it.
        # Nor a point of the key points' or the conclusion's list: the page styles those as its bullets.
        for part in (P.QUESTION, P.ANSWER, P.KEY_POINT, P.CONCLUSION):
            scores[part] -= STYLED_HEADING_EVIDENCE
    scores[P.HEAD_TITLE] = scores[P.CARD_TITLE]  # shaped as any card's title is
    return scores


# The grammar as the decoder reads it: parts by their numbers.
MOVES: dict[int, dict[int, float]] = {int(part): {int(next_part): cost for next_part, cost in moves.items()}
                                      for part, moves in FOLLOWS.items()}
STARTS: dict[int, float] = {int(part): cost for part, cost in FIRST.items()}
ENDS: dict[int, float] = {int(part): cost for part, cost in LAST.items()}
