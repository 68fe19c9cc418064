"""What one candidate field of a card looks like, told by its shape alone: a web address, a date, a label
naming a field or the card ('出典', '【参照】', '媒体：'), a sponsor's mark ('PR'), and how much it reads as a
name (short, nouns, few kana), as a headline (longer, kana between its words, no full stop) or as a sentence
(a full stop, a polite ending, or too long for a headline)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiku.importer.cleaning.chrome import AD_BRACKET_LABELS, is_ad_label, normalise
from kiku.importer.grammar.cards.name_labels import MAX_NAME, SOURCE_LABEL_WORDS, is_source_label
from kiku.importer.grammar.lines.dates import find_date, is_date_label, line_date
from kiku.importer.grammar.lines.sentence_marks import SENTENCE_END

# A card's headline: at least this long and at most this long (``title_links`` reads boxes by it too).
MIN_HEADLINE = 8
# A linked text is the card's headline though short ('速報まとめ').
MIN_LINKED_HEADLINE = 4
MAX_HEADLINE = 100
SHORT_WORD = 2
# A Latin name is spelt out in words ('Python Software Foundation').
MAX_LATIN_NAME = 32
# A label is a word or two before its colon or inside its bracket.
MAX_LABEL = 8
_WEB = re.compile(r"^https?://\S+$", re.IGNORECASE)
_HIRAGANA = re.compile(r"[\u3041-\u3096]")
# Kana between two words of another script: a particle, which a sentence or a headline has and a name rarely.
_WORD = r"[\u4e00-\u9fff々\u30a0-\u30ffA-Za-z0-9]"
_PARTICLE = re.compile(rf"(?<={_WORD})[\u3041-\u3096]{{1,3}}(?={_WORD})")
# A Latin headline's small words between its nouns ('What's new in Python'), as kana are in Japanese.
_LATIN_FUNCTION_WORD = re.compile(r"(?<= )(?:a|an|the|in|on|of|to|for|and|with|is|are|at|by)(?= )")
_KANJI_END = re.compile(r"[\u4e00-\u9fff々]$")
# A polite ending closes a sentence of a summary, or a press release's headline ('…を開始します'): long, a sentence.
_POLITE_END = re.compile(r"(?:です|ます|でした|ました|ません)\s*[」』）)]?\s*$")
MIN_POLITE_SENTENCE = 30
# A sentence in a Latin script: words, closed by a full stop ('… is now supported (PEP 779).').
_LATIN_SENTENCE = re.compile(r"^(?:\S+\s+){3,}\S*[.!]\s*$")
_INNER_STOP = re.compile(r"。(?=.)")
_NAME_BREAKERS = re.compile(r"[。、，,！？!?「」『』]")
_COLON_LABEL = re.compile(r"^[^\s:：]{1,8}\s*[:：]$")
_BRACKETED = re.compile(r"^[【［\[〔〈《(（<＜]\s*(?P<word>[^】］\]〕〉》)）>＞]{1,8}?)\s*[】］\]〕〉》)）>＞]$"
                        r"|^[「『]\s*(?P<quoted>[^」』\s]{1,4})\s*[」』]$")
_QUOTED = re.compile(r"^[「『“\"].+[」』”\"]$")
_INNER_SPACE = re.compile(r"\S[ \u3000]+\S")
# A source label and a noun or two after it ('参考記事', '出典カード'): the card's badge, no name.
MAX_BADGE_TAIL = 4
_BADGE_TAIL = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fff]*")


@dataclass(frozen=True, slots=True)
class FieldFeatures:
    """The scores of one candidate field; a score of 0 says the field cannot be that."""

    text: str
    url: bool
    date: dt.date | None
    label: bool
    sponsor: bool
    sentence: bool
    name: float
    headline: float


def features(text: str, *, linked: bool = False) -> FieldFeatures:
    text = text.strip()
    url = _WEB.match(text) is not None
    date = None if url else line_date(text)
    sponsor = not url and _is_sponsor_mark(text)
    label = not url and date is None and (sponsor or is_label(text))
    # The text of the card's link is its headline though a stop stands inside it ('…見直すなら今。月々980円から').
    sentence = not url and is_sentence(text) and not (
        linked and len(text) <= MAX_HEADLINE and SENTENCE_END.search(text) is None)
    plain = not (url or date or label or sentence)
    return FieldFeatures(text, url, date, label, sponsor, sentence,
                         name_score(text) if plain else 0.0,
                         headline_score(text, linked=linked) if plain and find_date(text) is None else 0.0)


def is_label(text: str) -> bool:
    """A word naming the card or the field after it: a source label word ('出典', '配信元'), a word or two
    before a colon ('媒体：') or alone in a bracket ('【参照】')."""
    core = text.strip()
    bracketed = _BRACKETED.match(core)
    if bracketed is not None:
        return True
    return is_source_label(core.strip(" :：")) or _COLON_LABEL.match(core) is not None or is_source_badge(core) \
        or is_date_label(core)


def is_source_badge(text: str) -> bool:
    """A source label and a noun or two after it, alone ('参考記事', '出典カード')."""
    word = next((word for word in SOURCE_LABEL_WORDS if text.lower().startswith(word)), None)
    return word is not None and len(text) - len(word) <= MAX_BADGE_TAIL \
        and _BADGE_TAIL.fullmatch(text[len(word):]) is not None


def is_bracketed_label(text: str) -> bool:
    """A word or two alone in a bracket ('〔参照〕', '《出典》')."""
    return _BRACKETED.match(text.strip()) is not None


def bracketed_word(text: str) -> str | None:
    """The word a bracket holds when it is all of ``text`` ('〔経済産業省〕' → '経済産業省'), else None."""
    bracketed = _BRACKETED.match(text.strip())
    return (bracketed["word"] or bracketed["quoted"]).strip() if bracketed is not None else None


def _is_sponsor_mark(text: str) -> bool:
    core = text.strip()
    bracketed = _BRACKETED.match(core)
    word = (bracketed["word"] or bracketed["quoted"]) if bracketed is not None else core
    return is_ad_label(word) or normalise(word) in AD_BRACKET_LABELS


def is_sentence(text: str) -> bool:
    """A summary's sentence: a full stop at its end or inside, a polite ending closing a long line, or too long
    to be a headline. A question mark ends a headline as well ('…どうなる？')."""
    return bool(SENTENCE_END.search(text) or _INNER_STOP.search(text)) or len(text) > MAX_HEADLINE \
        or (_POLITE_END.search(text) is not None and len(text) >= MIN_POLITE_SENTENCE) \
        or (text.isascii() and _LATIN_SENTENCE.match(text) is not None)


def _kana_ratio(text: str) -> float:
    return len(_HIRAGANA.findall(text)) / max(len(text), 1)


def name_score(text: str) -> float:
    """How much ``text`` reads as a publisher's name: short, no sentence's marks, few kana; a word that ends in
    a kanji and has no kana at all is shaped as an organisation's name ('…研究所', '…新報', '…課')."""
    limit = MAX_LATIN_NAME if text.isascii() else MAX_NAME
    if not 2 <= len(text) <= limit or _NAME_BREAKERS.search(text) or not any(char.isalnum() for char in text):
        return 0.0  # a name has letters: a rule or a dash ('──') stands for no field
    kana = _kana_ratio(text)
    particles = len(_PARTICLE.findall(text)) + len(_LATIN_FUNCTION_WORD.findall(text))
    score = 1.0 - 0.03 * _length(text) - 0.8 * kana - 0.3 * particles
    if kana == 0 and _KANJI_END.search(text):
        score += 0.2
    if len(text) <= SHORT_WORD and not text.isascii():
        score -= 0.3  # a word of two characters is as often a field's label ('概要', '日付') as a name
    if _INNER_SPACE.search(text) and not text.isascii():
        score -= 0.3
    return max(score, 0.0)


def _length(text: str) -> int:
    """A text's length as a reader weighs it: a Latin word counts as a kanji pair does."""
    return 3 * len(text.split()) if text.isascii() else len(text)


def headline_score(text: str, *, linked: bool = False) -> float:
    """How much ``text`` reads as a headline: long enough, kana between its words, maybe quoted; the text of
    the card's link most of all."""
    if not (MIN_LINKED_HEADLINE if linked else MIN_HEADLINE) <= len(text) <= MAX_HEADLINE:
        return 0.0
    score = 0.3 + 0.02 * min(len(text), 40)
    if _HIRAGANA.search(text) or _LATIN_FUNCTION_WORD.search(text):
        score += 0.4
    if _QUOTED.match(text):
        score += 0.2
    if _INNER_SPACE.search(text):
        score += 0.1
    return score + (0.6 if linked else 0.0)
