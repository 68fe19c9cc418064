"""The digest family's grammar, as data: what a line can be, what may follow what, and how
well a line's features fit each part (``kiku.importer.grammar.page.line_fit``).

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

from enum import IntEnum

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
    # A remark printed on a whole card's link line after its URL, split off it ('参考｜name｜date｜title https://…
    # 数字で見ると…' · bullets): the line's own words, so the card's summary may still stand under it.
    LINK_REMARK = 37


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
# A section heading right under the title or its date, the page printing no lead: all but unknown in the
# family's digests (a short line there is the lead's first words).
HEADING_UNDER_TITLE_COST = -1.5
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


_AFTER_LINK_REMARK = _moves(((P.CARD_REMARK,), -0.3), (_CARD_START, 0), ((P.BODY, P.REACTION, P.HEADING), 0),
                            (_PAGE_END, -1), ((P.TRAILING_LINK,), TRAILING_LINK_COST))


# What may follow each part, and what following it costs (0: the usual order; negative: a
# reading the family allows but rarely uses, so it needs the lines' evidence).
FOLLOWS: dict[Part, dict[Part, float]] = {
    P.PRE_DATE: _moves(((P.TITLE,), 0), ((P.PRE_DATE,), -1)),
    # A card before any heading is rare, but must not make the page unreadable (its section is
    # then headed by the title, with a warning).
    P.TITLE: _moves(((P.LEAD, P.HEAD_DATE, P.TITLE_AGAIN, P.KEY_POINTS_LABEL, P.BYLINE), 0),
                    ((P.KEY_POINT, P.INTRO), -1), ((P.HEADING,), HEADING_UNDER_TITLE_COST), (_CARD_START, -3)),
    # Two date lines under the title: the day it was published and the day it changed ('更新：…' · '公開：…').
    P.HEAD_DATE: _moves((_HEADER_NEXT, 0), ((P.HEAD_DATE,), -1), ((P.HEADING,), HEADING_UNDER_TITLE_COST),
                        (_CARD_START, -3)),
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
    # A summary without glyphs may have its card's publisher or date under it, as a bulleted one may.
    P.PLAIN_BULLET: _moves(((P.PLAIN_BULLET, P.LINK), 0), ((P.SUMMARY_META,), META_AFTER_SUMMARY_COST)),
    P.SUMMARY_META: _moves(((P.SUMMARY_META, P.LINK), 0)),
    P.LINK: _AFTER_LINK | {P.LINK_META: META_AFTER_LINK_COST},
    P.LINK_META: {P.LINK_META: 0.0} | _AFTER_LINK,
    # A link in the card's head is followed by the card's summary, and the card ends where it does; its
    # date or publisher may stand under the summary as well as over it (what a line is tells its field).
    P.HEAD_LINK: _moves(((P.LINKED_BULLET, P.HEAD_META), 0)),
    P.HEAD_META: {P.LINKED_BULLET: 0.0, P.HEAD_META: 0.0, P.HEAD_TITLE: 0.0} | _AFTER_LINK,
    P.HEAD_TITLE: _moves(((P.LINKED_BULLET, P.CARD_REMARK), 0)),
    P.TITLED_LINK: {P.LINKED_BULLET: 0.0, P.LINK_TITLE_AGAIN: 0.0, P.LINK_REMARK: 0.0} | _AFTER_LINK,
    P.LINK_TITLE_AGAIN: {P.LINKED_BULLET: 0.0, P.HEAD_META: 0.0} | _AFTER_LINK,
    P.LINKED_BULLET: {P.LINKED_BULLET: 0.0, P.HEAD_META: META_AFTER_SUMMARY_COST} | _AFTER_LINK,
    P.CARD_REMARK: _AFTER_LINK_REMARK,
    P.LINK_REMARK: {P.LINKED_BULLET: 0.0} | _AFTER_LINK_REMARK,
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
                               P.LINK_REMARK, P.BODY, P.REACTION, P.OUTRO, P.CONCLUSION, P.TRAILER, P.TRAILING_LINK,
                               P.LINKED_BULLET, P.TITLED_LINK, P.HEAD_META, P.LINK_META, P.LINK_TITLE_AGAIN)} \
    | {P.BULLET: -2.0}

# The grammar as the decoder reads it: parts by their numbers.
MOVES: dict[int, dict[int, float]] = {int(part): {int(next_part): cost for next_part, cost in moves.items()}
                                      for part, moves in FOLLOWS.items()}
STARTS: dict[int, float] = {int(part): cost for part, cost in FIRST.items()}
ENDS: dict[int, float] = {int(part): cost for part, cost in LAST.items()}
