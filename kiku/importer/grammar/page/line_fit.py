"""How well a line's features fit each part of the digest family's grammar
(``kiku.importer.grammar.page.digest_grammar``): the evidence for and against each part, in the
grammar's units.
"""

from __future__ import annotations

import re

from kiku.importer.grammar.lines.features import LineFeatures
from kiku.importer.grammar.lines.publisher_passes import is_bracketed_label
from kiku.importer.grammar.lines.sentence_marks import is_wholly_quoted
from kiku.importer.grammar.page.digest_grammar import IMPOSSIBLE, P, Part

# A box's label is a word or a few: no longer than this.
MAX_QUESTION_LABEL = 12
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
QUOTED_TITLE_EVIDENCE = 1.0
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
    if is_wholly_quoted(line.text) and not line.marked_heading:
        # A headline wholly in quotation marks cites another's title ('『…』'): a card's, not the writer's
        # own heading over a section (a page's heading element still heads one, whatever it prints).
        scores[P.CARD_TITLE] += QUOTED_TITLE_EVIDENCE
        scores[P.HEADING] -= QUOTED_TITLE_EVIDENCE
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
    scores[P.LINK_REMARK] = scores[P.CARD_REMARK] if line.glued_remark else IMPOSSIBLE
    return scores
