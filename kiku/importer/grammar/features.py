"""What a line of a digest page looks like, told by general features rather than known words.

A line's *marker* is any leading symbol or emoji bullet (💡 ✅ ✔ 👉 ● ・ ◆ ▶ …, also one written
as an HTML character reference), whether or not it was ever seen before: what it marks is
decided by where it stands, not by which glyph it is. A line is *date-like* when it is a date
in any common form (``2025/03/19``, ``２０２５年３月１９日``, ``2025.03.19``) with at most a short
label (``公開日:``, ``掲載日``, ``更新日``) or category around it. A *card link* line carries a
card's link (``さらに読む ⇒ <publisher> 出典/画像元: <URL>`` and its many variants).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass

from kiku.importer.grammar.card_link import CardLink, read_card_link
from kiku.importer.grammar.dates import line_date
from kiku.importer.layouts.labels import KEY_POINTS_LABEL_WORDS, PREDICATE_END
from kiku.importer.layouts.voice import reaction_score, remark_score

# Categories of a bullet glyph: other symbols (emoji, ●, ✔), math symbols (→), modifiers,
# and the variation selectors / joiners / keycaps that follow an emoji.
_MARKER_CATEGORIES = frozenset({"So", "Sm", "Sk"})
_MARKER_TAIL_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
# Punctuation that bullets a list; the note mark ※ and brackets and quotes do not.
_MARKER_PUNCTUATION = frozenset("・･•‣◦*＊-–—−")
# Symbols that start text rather than mark it.
_NOT_MARKERS = frozenset("©®℃￥$＄%％#＃@＠〒々〆〇")
_CHARACTER_REFERENCE = re.compile(r"^&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z]{2,10});")

QUESTION_END = re.compile(r"[?？]\s*$")
SENTENCE_END = re.compile(r"[。．!！]\s*[」』）)]?\s*$")


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """The general features of one line (of the page with its chrome already removed)."""

    text: str
    # The leading bullet glyph, and the text after it (the line itself when it has none).
    marker: str | None
    unmarked: str
    # The date of a date-like line (a line that is a date with at most a short label), else None.
    date: dt.date | None
    # Set when the line carries a card's link.
    link: CardLink | None
    # The text is the article's title again (printed twice), or the line before it / two before.
    is_title: bool
    repeats_recent: bool
    repeated_below: bool
    question: bool
    sentence: bool
    predicate: bool
    is_label: bool
    length: int
    remark: int
    reaction: int
    # The saved page marks the line up as a heading element (a text dump never does).
    marked_heading: bool = False


def split_marker(text: str) -> tuple[str | None, str]:
    """(marker, text after it) — or (None, text) when the line does not start with a bullet glyph."""
    head = text
    reference = _CHARACTER_REFERENCE.match(text)
    if reference:
        head = html.unescape(reference.group()) + text[reference.end():]
    end = 0
    while end < len(head) and _is_marker_char(head[end], first=end == 0):
        end += 1
    while end < len(head) and unicodedata.category(head[end]) in _MARKER_TAIL_CATEGORIES:
        end += 1
    if end == 0 or end > 3:
        return None, text
    rest = head[end:].strip()
    if not rest or (head[0] in "-–—−*" and not head[end:end + 1].isspace()):
        return None, text
    return head[:end].strip(), rest


def _is_marker_char(char: str, *, first: bool) -> bool:
    if char in _NOT_MARKERS:
        return False
    if char in _MARKER_PUNCTUATION:
        return first
    return unicodedata.category(char) in _MARKER_CATEGORIES


def line_features(texts: list[str], keys: list[str], index: int, title_key: str, *,
                  marked_heading: bool = False) -> LineFeatures:
    """The features of ``texts[index]``; ``keys`` are the texts folded (``labels.fold``);
    ``marked_heading``: the page marks the line up as a heading."""
    text = texts[index]
    marker, unmarked = split_marker(text)
    key = keys[index]
    recent = {keys[other] for other in (index - 1, index - 2) if other >= 0}
    below = {keys[other] for other in (index + 1, index + 2) if other < len(texts)}
    return LineFeatures(
        text=text, marker=marker, unmarked=unmarked, date=line_date(text), link=read_card_link(text),
        is_title=key == title_key, repeats_recent=key in recent, repeated_below=key in below,
        question=QUESTION_END.search(text) is not None, sentence=SENTENCE_END.search(text) is not None,
        predicate=PREDICATE_END.search(text) is not None,
        is_label=KEY_POINTS_LABEL_WORDS.search(unmarked) is not None and len(unmarked) <= 25,
        length=len(text), remark=remark_score(unmarked), reaction=reaction_score(unmarked),
        marked_heading=marked_heading)
