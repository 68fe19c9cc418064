"""A question's and an answer's labels told by their shape and their pairing, not by their words.

A label is a short word set before the text: in brackets of any shape ('【ぎもん】', '〈問〉'), before a
colon ('たずね：'), a closing bracket ('問）'), an arrow ('問い →') or a space ('質問 '); the letter Q or A with
a stop or set apart by a space ('Ｑ．', 'A1:', 'Ｑ　'); a Latin word and a space ('Question '); or a glyph and a
space ('→ ', '▶ '). Whatever the words, a page that prints its questions and answers under labels prints the
same two labels, one over the other, section after section: a pair of labelled lines whose labels recur so,
the first line asking (a question's mark or the particle か at its end; the letters Q and A say it themselves),
is a question and its answer. A card's field labels recur too ('見出し：' over '発信元：' over '日付：'), but
they label a chain of three or more lines, a name, a date.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections import Counter

from kiku.importer.grammar.dates import line_date
from kiku.importer.grammar.features import LineFeatures

_OPEN = "【［\\[〔〈《＜<«‹(（｛{〖〘"
_CLOSE = "】］\\]〕〉》＞>»›)）｝}〗〙"
# A label's word: a few letters, no digit (a number in brackets numbers a heading), no sentence mark.
_WORD = rf"[^\s\d０-９:：。、，,？?！!「」『』{_OPEN}{_CLOSE}→⇒➡]{{1,5}}"
_LABEL = re.compile(
    rf"^\s*(?:(?P<letter>[QＱAＡ])"
    rf"(?:\s*[0-9０-９]{{0,2}}\s*[.．:：{_CLOSE}]|[0-9０-９]{{0,2}}[ \u3000]+(?=[^\x00-\x7f]))"
    rf"|(?P<latin>[A-Za-zＡ-Ｚａ-ｚ]{{3,10}})[ \u3000]+(?=[^\x00-\x7f])"
    rf"|[{_OPEN}]\s*(?P<bracketed>{_WORD})\s*[{_CLOSE}]"
    rf"|(?P<word>{_WORD})(?:[ \u3000]?[:：]|[{_CLOSE}]|[ \u3000]*[→⇒➡])|(?P<spaced>[^\W\d_]{{1,4}})[ \u3000]+"
    rf"|(?P<glyph>[^\w\s「『{_OPEN}{_CLOSE}]{{1,2}})[ \u3000]+)\s*(?=\S)")
# A question asks: it ends in a question mark, or in the particle か (maybe 'のか', 'ですか', 'か。').
_ASKS = re.compile(r"(?:[?？]|か[。．]?)\s*$")
# Pairs of labels that recur this many times mark the page's questions and answers.
MIN_PAIRS = 2


def qa_label(text: str) -> re.Match[str] | None:
    """The label a line opens with, in any of the shapes above, when text follows it."""
    match = _LABEL.match(text)
    if match is None or not text[match.end():].strip():
        return None
    return match


def printed_label(text: str) -> re.Match[str] | None:
    """The label a question or an answer opens with that says it is one by its own shape: the letter Q or A with
    a stop ('Ｑ．', 'A1:'), a word before a colon, a closing bracket or an arrow ('質問：', '問）', '答え →'), a word in
    brackets ('【問い】'). A word, a Latin word or a glyph before a space alone labels a line only by its pairing
    (``labelled_questions``)."""
    match = qa_label(text)
    if match is None or not (match["letter"] or match["bracketed"] or match["word"]):
        return None
    label = match.group().rstrip()
    if label.endswith(("→", "⇒", "➡")) and not label[:-1][-1:].isspace():
        return None  # a word glued to an arrow is the text's own ('市民→出店者の順に')
    return match


# The letter Q or A alone on its line, over the question or the answer ('Q.', 'Ａ：', 'Q', 'Q1').
LETTER_LINE = re.compile(r"\s*[QＱAＡ]\s*[0-9０-９]{0,2}\s*[.．:：)）]?\s*")


def _field_value(text: str, *, worded: bool = False) -> bool:
    """A labelled line whose text is a date or a link: a card's field, never a question or an answer. ``worded``:
    labelled with a word (a glyph before a link, '🔗 https://…', marks the link line as a bullet would)."""
    match = qa_label(text)
    if match is None or (worded and not (match["word"] or match["spaced"] or match["bracketed"] or match["latin"])):
        return False
    value = text[match.end():].strip()
    return value.startswith(("http://", "https://")) or line_date(value) is not None


def _key(match: re.Match[str]) -> str:
    """What makes two labels the same label: their word or glyph, width and digits folded ('Q1.' is 'Q2.')."""
    groups = match.groupdict()
    raw = next((groups[name] for name in ("letter", "latin", "bracketed", "word", "spaced", "glyph")
                if groups.get(name)), "")
    return re.sub(r"\d", "", unicodedata.normalize("NFKC", raw)).upper()


def labelled_questions(texts: list[str]) -> dict[int, str]:
    """Which lines are a question ('Q') and which its answer ('A') by their labels: a labelled line over a
    line labelled otherwise, the pair of labels printed so at least twice on the page, the first line
    asking. A line that would be both, or a pair next to a labelled date or link (a chain of a card's labelled
    fields), is neither."""
    keys = [_key(match) if (match := qa_label(text)) is not None and not _field_value(text) else None
            for text in texts]
    fields = [_field_value(text, worded=True) for text in texts]
    pairs = [(index, (first, second)) for index, (first, second) in enumerate(itertools.pairwise(keys))
             if first is not None and second is not None and first != second]
    counts = Counter(pair for _, pair in pairs)
    found: dict[int, str] = {}
    chained: set[int] = set()
    for index, pair in pairs:
        letters = pair == ("Q", "A")
        if counts[pair] < MIN_PAIRS or not (letters or _ASKS.search(texts[index])) \
                or any(fields[line] for line in (index - 1, index + 2) if 0 <= line < len(texts)):
            continue
        for line, role in ((index, "Q"), (index + 1, "A")):
            if found.get(line, role) != role:
                chained.add(line)
            found[line] = role
    return {line: role for line, role in found.items() if line not in chained}


def with_qa_labels(features: list[LineFeatures]) -> list[LineFeatures]:
    """The features with ``qa_label`` set on the lines the page labels as its questions and answers
    (``labelled_questions``), a labelled question read as asking whatever its last mark."""
    roles = labelled_questions([feature.text for feature in features])
    return [dataclasses.replace(feature, qa_label=roles[index], question=feature.question or roles[index] == "Q")
            if index in roles else feature for index, feature in enumerate(features)]


# A label printed alone on its line, over the text it labels: a short word in brackets, before a colon, or bare
# ('〔たずね〕', 'ききたい：', '質問'); the letters alone ('Q.') are folded before (``line_repairs``).
_LABEL_LINE = re.compile(rf"^\s*(?:[{_OPEN}]\s*(?P<bracketed>{_WORD})\s*[{_CLOSE}]|(?P<word>{_WORD})\s*[:：]?"
                         rf"|(?P<latin>[A-Za-zＡ-Ｚａ-ｚ]{{3,10}})\s*[:：]?)\s*$")


def label_lines(texts: list[str]) -> set[int]:
    """The lines that are a question's or an answer's label printed alone over it: a label line over a line of
    text, another label under that and a line of text under it, the two labels printed so at least twice on the
    page and the first text asking (the pairing of ``labelled_questions``, one line down)."""
    keys = [_key(match) if (match := _LABEL_LINE.match(text)) is not None else None for text in texts]
    pairs = [(index, (keys[index], keys[index + 2])) for index in range(len(texts) - 3)
             if keys[index] is not None and keys[index + 2] is not None and keys[index] != keys[index + 2]
             and keys[index + 1] is None and _ASKS.search(texts[index + 1])]
    counts = Counter(pair for _, pair in pairs)
    return {line for index, pair in pairs if counts[pair] >= MIN_PAIRS for line in (index, index + 2)}
