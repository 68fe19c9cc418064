"""A field's label printed as a badge: an inline element of its own glued before the text it labels, as
CMS themes style them ('<span class="badge">Question</span>なぜ今…?', '<span>Ａ</span>預金より…'), and the
key points' label set inside the lead's paragraph rather than over the list ('…まとめました。<b>ポイント</b>').
The truth says which text node holds the question, the answer and the lead; a label printed before the
question or the answer is replaced by the badge."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from typing import Any

from tests.support.page_variants.field_labels import labelled_place
from tests.support.page_variants.fields import digest_sections, places, previous_segment, rewritten, segments

# (question, answer) badges as themes print them: a Latin word, a letter wide or narrow, a word of kanji
# or kana; none of them with a stop or a colon, the badge's box setting it off.
BADGES = (("Question", "Answer"), ("QUESTION", "ANSWER"), ("Ｑ", "Ａ"), ("Q", "A"), ("質問", "回答"),
          ("とい", "こたえ"))
# The element a badge is printed in, its class a theme's.
BADGE_ELEMENTS = ("<span class=\"badge\">{label}</span>", "<span>{label}</span>", "<b class=\"qa-label\">{label}</b>")
# A badge the page already prints before the text, in an element of its own ('<span>Question</span>…').
MAX_BADGE = 10
# A truth that keeps the label as part of the question ('Q. 2割特例を…'): the page is left alone.
_KEPT_LABEL = re.compile(r"^[QAＱＡ]\s?[.:．：]")


def badge_questions(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
    """Each question and answer opened by a badge element glued to its text, any label before it replaced."""
    spans = segments(text, "html")
    pair = rng.choice(BADGES)
    element = rng.choice(BADGE_ELEMENTS)
    edits: list[tuple[int, int, str]] = []
    for section in digest_sections(truth):
        for field, label in (("question", pair[0]), ("answer", pair[1])):
            value = section.get(field)
            if not isinstance(value, str) or _KEPT_LABEL.match(value.strip()):
                continue
            place = labelled_place(text, spans, value, "html")
            if place is not None and not (not place.before and _badge_before(previous_segment(text, spans, place))):
                lead = text[place.segment_start:place.start]
                lead = lead[:len(lead) - len(lead.lstrip())]
                edits.append((place.segment_start, place.end,
                              lead + element.format(label=label) + text[place.start:place.end]))
    return rewritten(text, edits)


def _badge_before(text: str) -> bool:
    return 0 < len(text) <= MAX_BADGE and re.search(r"[。、！？!?]", text) is None


# What a site calls its box of key points, printed at the end of the lead's paragraph.
POINTS_LABELS = ("ニュースのポイント", "この記事のポイント", "3行まとめ", "要点")
_POINTS_ELEMENTS = (" <strong>{label}</strong>", "<br><span class=\"points-label\">{label}</span>", "<br>{label}")
# The lead: the first content string of the page that is a sentence (after the title), printed whole in one
# text node of its own.
_SENTENCE_END = re.compile(r"[。．！？!?]\s*$")


def points_label_in_lead(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
    """The key points' label set inside the lead's paragraph, after its last sentence."""
    lead = _lead(truth)
    if lead is None:
        return text
    spans = segments(text, "html")
    found = list(places(text, spans, lead, max_before=0))
    if len(found) != 1 or not _points_follow(text, spans, found[0].segment_end):
        return text
    place = found[0]
    label = rng.choice(_POINTS_ELEMENTS).format(label=rng.choice(POINTS_LABELS))
    return rewritten(text, [(place.start, place.end, text[place.start:place.end] + label)])


def _points_follow(text: str, spans: list[tuple[int, int]], end: int) -> bool:
    """The lead's next line is a list's item or a bulleted line: the key points a label would head."""
    following = next(((start, stop) for start, stop in spans if start >= end), None)
    if following is None:
        return False
    first = text[following[0]:following[1]].strip()[:1]
    return "<li" in text[end:following[0]].lower() or (bool(first) and not first.isalnum() and first not in "「『（(")


def _lead(truth: Mapping[str, Any]) -> str | None:
    """The lead when the page has one: the content string after the title, a sentence, before any section's
    heading or question."""
    content = [str(line) for line in truth.get("content") or []]
    fields = {str(section.get(name) or "") for section in digest_sections(truth) for name in ("heading", "question")}
    if len(content) < 2 or content[1] in fields or not _SENTENCE_END.search(content[1]):
        return None
    return content[1]
