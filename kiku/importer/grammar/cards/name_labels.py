"""The labels a publisher's name stands behind on a card, and what a name is: a source's label word
('出典', '配信元'), a field's label and a colon ('媒体：…'), a sponsor's label ('PR｜…'), an ad note after the
name ('…（PR）'). Read beside dates in ``card_meta``, before titles in ``card_titles``.
"""

from __future__ import annotations

import re

from kiku.importer.cleaning.chrome import AD_BRACKET_LABELS, is_ad_label, normalise

# A publisher's name is short and no sentence.
MAX_NAME = 20
SENTENCE_MARKS = re.compile(r"[。、，,！？!?「」]")


# A label naming the card as the source, bracketed before its title: '【出典】…', '［引用元］…', '(Source) …'.
SOURCE_LABEL_WORDS = ("出典元", "出典", "引用元", "引用", "参照元", "参照", "参考", "情報源", "ソース", "元記事",
                      "source")
# A source label of other words, shaped as most of those are: a noun of two kanji, then 元 or 源 (where the
# article came from: '情報元', '配信元', '提供元'), whatever the noun. Before a colon only: a name may end so.
SOURCE_LABEL_SHAPE = r"[\u4e00-\u9fff]{2}[元源]"
SHAPED_LABEL = re.compile(SOURCE_LABEL_SHAPE)
# A source label and a bracketed note alone, no title or name after it: '出典（タイトルなし）', '引用元 [リンク]'.
_LABEL_NOTE = re.compile(
    rf"^\s*(?:{'|'.join(SOURCE_LABEL_WORDS)}|{SOURCE_LABEL_SHAPE})\s*[（(【［\[〔〈《][^（()）【】［］\[\]〔〕〈〉《》]{{0,12}}"
    r"[）)】］\]〕〉》]\s*$", re.IGNORECASE)


def is_label_note(text: str) -> bool:
    """A card's head line that is its source label and a note on it alone ('出典（タイトルなし）'): it names
    neither the source's title nor its publisher."""
    return _LABEL_NOTE.match(text) is not None


# What opens a bracket or a quotation: after a label's word it opens the name, it sets off nothing.
_OPENING = "【［\\[〔〈《(（「『"
# The label may stand in brackets of any shape instead ('〔参考〕<name>｜<date>'), as it does before a title, or
# between a pair of one glyph ('■出典■ <name> （<date>）', '◆参考◆'; an icon before it is already gone, the closing
# one is left): a symbol after the label's word sets it off as a colon does.
LEADING_SOURCE_LABEL = re.compile(
    rf"^(?:(?:{'|'.join(SOURCE_LABEL_WORDS)})(?:\s*[:：|｜]\s*|[^\w\s{_OPENING}]\s*|\s+)"
    rf"|{SOURCE_LABEL_SHAPE}\s*[:：|｜]\s*"
    rf"|[【［\[〔〈《(（]\s*(?:{'|'.join(SOURCE_LABEL_WORDS)}|{SOURCE_LABEL_SHAPE})\s*[】］\]〕〉》)）]\s*)",
    re.IGNORECASE)


# The spaces between a line's words (a date's and its title's; a label's and its name's).
SPACE = re.compile(r"[ \t\u3000]+")


# A sponsor label before a name, set off by a bar or a colon: 'PR｜ホイールマート', '広告: ○○ショップ'.
_LABELLED_NAME = re.compile(r"^(?P<label>[^|｜:：]{1,20}?)\s*[|｜:：]\s*+(?P<name>[^|｜:：]{2,})$")


def sponsored_name(text: str) -> str | None:
    """The advertiser's name a line gives behind a sponsor label ('PR｜ETCカード比較ナビ'), else None."""
    match = _LABELLED_NAME.match(text.strip())
    if match is None or not is_ad_label(match["label"]):
        return None
    return match["name"].strip()


# A field's label is a word or two ('媒体', '配信元', 'ニュース提供元'); a name's tagline says something of the
# site, a phrase whose particles and endings stand in kana between its words ('世界のいまを伝えるウェブメディア').
# A name may open or close in kana ('みなと放送'), not hold a particle between two words.
MAX_FIELD_LABEL = 8
_KANA_BETWEEN_WORDS = re.compile(r"[^\u3041-\u3096\s][\u3041-\u3096]+[^\u3041-\u3096\s]")
_FIELD_COLON = re.compile(r"\s*[:：]\s*")


def label_before_name(head: str, tail: str) -> bool:
    """'head: tail' is a label and the name ('媒体：日本経済新聞'), not a name and its tagline: the head is
    a short word, the tail a name no longer than a name is, no phrase."""
    head, tail = head.strip(), tail.strip()
    return (0 < len(head) <= MAX_FIELD_LABEL and not re.search(r"\s", head) and 0 < len(tail) <= MAX_NAME
            and not _KANA_BETWEEN_WORDS.search(tail) and not SENTENCE_MARKS.search(tail))


def labelled_name(text: str) -> str | None:
    """The name a line gives behind a label of any words ('配信元：NHKニュース', '掲載媒体: 峠ニュース'), or behind
    a source's or an ad's label and a bar ('出典｜BBCニュース', '提供｜…'), else None. Behind a bar, a word of
    other kinds is a name before its tagline ('北海道新聞｜道内のニュース')."""
    parts = _FIELD_COLON.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        parts = _FIELD_BAR.split(text.strip(), maxsplit=1)
        if len(parts) != 2 or not _is_field_label(parts[0]) or _FIELD_BAR.search(parts[1]):
            return None
    if not label_before_name(*parts) or _FIELD_COLON.search(parts[1]):
        return None
    return parts[1].strip()


_FIELD_BAR = re.compile(r"\s*[|｜]\s*")


# A note in brackets after a name that it is sponsored ('ドライブプラス （PR）', '山の道具店【広告】'): the card's
# kind, no word of its publisher's name.
_TRAILING_NOTE = re.compile(
    r"\s*[（(【［\[〔〈]\s*(?P<note>[^（()）【】［］\[\]〔〕〈〉]{1,12}?)\s*[）)】］\]〕〉]\s*$")


def without_ad_note(name: str) -> str:
    """The name without the bracketed ad label printed after it, if any."""
    note = _TRAILING_NOTE.search(name)
    if note is None or not note.start():
        return name
    if not (is_ad_label(note["note"]) or normalise(note["note"]) in AD_BRACKET_LABELS):
        return name
    return name[:note.start()].strip()


def is_source_label(word: str) -> bool:
    """A word naming the card as the source ('出典', '参考', '配信元'): a label, never a publisher."""
    word = word.strip()
    return word.lower() in SOURCE_LABEL_WORDS or SHAPED_LABEL.fullmatch(word) is not None


def _is_field_label(word: str) -> bool:
    """A source's label ('出典', '配信元') or an ad's ('提供', 'PR'), whatever stands behind it."""
    word = word.strip()
    return (is_source_label(word) or is_ad_label(word)
            or normalise(word) in AD_BRACKET_LABELS)
