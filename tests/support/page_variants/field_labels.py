"""A field's label printed in another site's words or shape: the question's and the answer's
('【問い】', '―', 'Q1.'), a card's publisher's ('媒体：', '配信元：'), an ad card's ('提供：', '/ 広告').
The truth says which line holds the field; the label before (or after) it is replaced, or added where
the page printed none."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from typing import Any

from tests.support.import_truth import AD_LABELS
from tests.support.page_variants.fields import (
    Place,
    cards,
    digest_sections,
    places,
    previous_segment,
    rewritten,
    segments,
)
from tests.support.page_variants.mutation import PageKind, TruthRewrite

# (question, answer) labels as sites print them: a word in brackets, a letter and a colon, a dash
# and an arrow, a word and a colon, a numbered letter ('{n}' is the section's number), a word of a few kana
# and a wide space, a word before a closing bracket, a word of five kana in brackets, a letter over an arrow.
QA_LABELS = (("【問い】", "【答え】"), ("Q：", "A："), ("―", "→ "), ("質問:", "回答:"), ("〈Q〉", "〈A〉"),
             ("問 ", "答 "), ("Q{n}. ", "A{n}. "), ("しつもん\u3000", "おへんじ\u3000"), ("問）", "答）"),
             ("【たずねる】", "【こたえる】"), ("Ｑ．", "⇒ "))
# What a question or an answer may already carry before it: a label of a few characters, or a glyph.
_LABEL_BEFORE = re.compile(
    r"^(?:[QＱAＡ]\s*[0-9０-９]{0,2}\s*[.．:：)）]?|[^\s。、！？!?]{1,5}\s*[:：]|[【［\[〔〈《(（][^】］\]〕〉》)）]{1,5}"
    r"[】］\]〕〉》)）]|[^\s。、！？!?()（）]{1,3}[)）]|[―—─ー\-]{1,2}|[^\w\s])?$")
MAX_LABEL_ELEMENT = 6
# A truth that keeps the label as part of the question ('Q. 2割特例を…'): the page is left alone.
_KEPT_LABEL = re.compile(r"^[QAＱＡ]\s?[.:．：]")


def relabel_questions(kind: PageKind) -> TruthRewrite:
    def rewrite(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
        spans = segments(text, kind)
        pair = rng.choice(QA_LABELS)
        edits: list[tuple[int, int, str]] = []
        for number, section in enumerate(digest_sections(truth), start=1):
            for field, label in (("question", pair[0]), ("answer", pair[1])):
                value = section.get(field)
                if not isinstance(value, str) or _KEPT_LABEL.match(value.strip()):
                    continue
                place = labelled_place(text, spans, value, kind)
                if place is not None:
                    edits.append((place.segment_start, place.end, _lead(text, place) + label.format(n=number)
                                  + text[place.start:place.end]))
        return rewritten(text, edits)

    return rewrite


def labelled_place(text: str, spans: list[tuple[int, int]], value: str, kind: PageKind) -> Place | None:
    """The one segment that prints ``value`` whole, at most behind a label."""
    found = [place for place in places(text, spans, value, max_before=6) if _LABEL_BEFORE.match(place.before)]
    if len(found) != 1:
        return None
    place = found[0]
    if kind == "html" and not place.before and _label_element(previous_segment(text, spans, place)):
        return None  # its label is an element of its own ('<th>質問</th>'): two labels would not be meaning kept
    return place


def _label_element(text: str) -> bool:
    """A text node short enough to be a field's label ('Q', '質問', '出典：', a badge's 'Question'), no sentence."""
    return (0 < len(text) <= MAX_LABEL_ELEMENT and re.search(r"[。、！？!?]", text) is None) \
        or _LATIN_BADGE.fullmatch(text) is not None


_LATIN_BADGE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]{3,10}")


def _lead(text: str, place: Place) -> str:
    """The spaces that open the segment, kept."""
    segment = text[place.segment_start:place.start]
    return segment[:len(segment) - len(segment.lstrip())]


# Labels before a real card's publisher, none of them a word any fixture prints there.
PUBLISHER_LABELS = ("媒体：", "配信元：", "情報源:", "発信元：", "掲載元 : ", "ニュース提供元：")
# A label already before the name ('出典：', 'source:', '引用元 '), replaced rather than doubled.
_NAME_LABEL = re.compile(r"(?:[^\s:：（(【\[｜|・]{1,10}\s*[:：]\s*|(?:出典|引用元|ソース)\s+)$")
_MAX_CARD_LINE = 160


def label_publishers(kind: PageKind) -> TruthRewrite:
    def rewrite(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
        label = rng.choice(PUBLISHER_LABELS)
        edits = []
        for place in _publisher_places(text, kind, [card for card in cards(truth) if not card.get("off_topic")]):
            existing = _NAME_LABEL.search(text[place.segment_start:place.start])
            start = place.segment_start + existing.start() if existing is not None else place.start
            edits.append((start, place.end, label + text[place.start:place.end]))
        return rewritten(text, edits)

    return rewrite


# An ad card's sponsor label in other shapes: before the advertiser or after it.
AD_LABEL_FORMS = ("提供：{name}", "{name} / 広告", "{name}（スポンサー）", "【PR】{name}", "広告｜{name}",
                  "Sponsored by {name}")
# The words an ad card prints as its sponsor label, or where its publisher stands.
AD_WORDS = tuple(sorted(AD_LABELS))
_AD_WORD = re.compile(rf"(?<![\w/=?&.-])(?:{'|'.join(AD_WORDS)})(?![\w/=?&.-])", re.IGNORECASE)
# A truth that keeps the sponsor label in the advertiser's name ('PR しずくの森ウォーター'): left alone.
_AD_LABELLED = re.compile(r"^[\[【(（]?(?:PR|AD|広告|スポンサー|Sponsored|提供)", re.IGNORECASE)


def relabel_ads(kind: PageKind) -> TruthRewrite:
    """An ad card's label word swapped for another; an advertiser's name printed with no label given one."""
    def rewrite(text: str, rng: random.Random, truth: Mapping[str, Any]) -> str:
        form = rng.choice(AD_LABEL_FORMS)
        ads = [card for card in cards(truth) if card.get("off_topic")
               and not (_AD_LABELLED.match(str(card.get("publisher") or "")) and card.get("publisher") not in AD_WORDS)]
        edits = []
        for place in _publisher_places(text, kind, ads):
            name = text[place.start:place.end]
            segment = text[place.segment_start:place.segment_end]
            word = _AD_WORD.fullmatch(name) or _AD_WORD.search(segment)
            if word is not None:
                at = place.start if word.string is name else place.segment_start
                other = rng.choice([other for other in AD_WORDS if other.lower() != word.group().lower()])
                edits.append((at + word.start(), at + word.end(), other))
            else:
                edits.append((place.start, place.end, form.format(name=name)))
        return rewritten(text, edits)

    return rewrite


def _publisher_places(text: str, kind: PageKind, chosen: list[Mapping[str, Any]]) -> list[Place]:
    """Where each chosen card prints its publisher: on its link line, or on a short line of the card's own."""
    spans = segments(text, kind)
    found: list[Place] = []
    for card in chosen:
        name, url = str(card.get("publisher") or "").strip(), str(card.get("url") or "")
        if not name or not url or url not in text:
            continue
        url_at = text.find(url)
        for place in places(text, spans, name, max_before=_MAX_CARD_LINE, max_after=_MAX_CARD_LINE):
            if not _of_card(text, place, url_at, len(url)) or _inside_word(text, place):
                continue
            if kind == "html" and not place.before and _label_element(previous_segment(text, spans, place)):
                break  # its label is an element of its own ('<dt>出典</dt><dd>名</dd>'): not doubled
            found.append(place)
            break
    return found


def _of_card(text: str, place: Place, url_at: int, url_length: int) -> bool:
    """The name stands on the card's link line, or on a short line of its own just above it."""
    if place.segment_start <= url_at < place.segment_end:
        return True
    between = text[place.segment_end:url_at]
    segment = text[place.segment_start:place.segment_end].strip()
    return 0 <= url_at - place.segment_end < 600 and between.count("\n") <= 6 and "。" not in segment \
        and len(segment) <= len(text[place.start:place.end]) + 30


def _inside_word(text: str, place: Place) -> bool:
    """The name continues a longer word ('NHK' in 'NHKニュース')."""
    before = text[place.start - 1:place.start]
    after = text[place.end:place.end + 1]
    return bool(re.match(r"[\w]", before) and before not in "：:") or bool(re.match(r"[\w]", after))
