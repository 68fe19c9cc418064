"""Counts and times a page's furniture prints on a line of their own: a button with its count
('コメント 24件', '💬 12'), how long the article takes to read ('この記事は約7分で読めます'), a clock alone ('1:32').
"""

from __future__ import annotations

import re
import unicodedata

from kiku.importer.cleaning.chrome import COUNTED_BUTTONS, READING_WORDS, nfkc, normalise
from kiku.importer.grammar.lines.dates import line_date

# A button of the site's with its count after or before it: 'コメント 24件', '💬 コメント（12）',
# '12件のコメント' (a symbol may stand first).
# Possessive spaces: no two quantifiers share a run of spaces (linear on a line of thousands).
_COUNTED_BUTTON = re.compile(
    r"^(?:[^\w\s]\s*+)?(?:(?P<word>[^\d\s()]{1,12}?)\s*+(?:\(\s*+[0-9][0-9,]*+\s*+(?:件\s*+)?\)|[0-9][0-9,]*+\s*+件?)"
    r"|[0-9][0-9,]*+\s*+(?:件の?\s*+)?(?P<counted>[^\d\s()]{1,12}))$")


# The button may name the article it counts for: 'この記事へのコメント（12件）'.
_OF_THIS_ARTICLE = re.compile(r"^(?:この|本|当)?記事(?:へ|に|について)?の")
# A count beside a pictogram alone, the button drawn and not written: '💬 12', '👍 214'. (A triangle
# before a number is a rise or a fall, '▲ 12'.)
_PICTOGRAM_COUNT = re.compile(r"^(?P<symbol>[^\w\s]{1,3}?)\s*+[0-9][0-9,]*+\s*+件?$")
# A count alone on its line: its button drawn (an icon the saved page lost), not written ('312',
# '1.2K', '3.4万' as a site rounds a large one).
_BARE_COUNT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})*|[0-9]{1,7}|[0-9]{1,3}(?:\.[0-9])?[KkMm万]")
_NOT_PICTOGRAMS = frozenset("▲▼△▽↑↓")
_COUNTER_SEPARATOR = re.compile(r"\s*+[|｜]\s*+")
# A count a portal prints in brackets of its own: '(1284 ヒット)', '（閲覧数 52）'.
_IN_BRACKETS = re.compile(r"[(\[【]\s*+([^()\[\]【】]*?)\s*+[)\]】]")


def _is_one_counted_button(text: str) -> bool:
    bracketed = _IN_BRACKETS.fullmatch(text)
    normal = bracketed[1] if bracketed else text
    pictogram = _PICTOGRAM_COUNT.match(normal)
    if pictogram is not None:
        symbol = pictogram["symbol"]
        return (unicodedata.category(symbol[0]) == "So" and not _NOT_PICTOGRAMS.intersection(symbol))
    button = _COUNTED_BUTTON.match(normal)
    if button is None:
        return False
    # A label's colon after the word ('ヒット数: 18342'), and '数' after it: the count of that button;
    # its word may be printed with its exclamation mark ('いいね！ 128').
    word = _OF_THIS_ARTICLE.sub("", normalise(button["word"] or button["counted"])).rstrip(":： !")
    return word in COUNTED_BUTTONS or (word.endswith("数") and word[:-1] in COUNTED_BUTTONS)


def is_counted_button(text: str) -> bool:
    """A button with its count, or a row of them: 'コメント 24件', '💬 12', '💬 コメント 38件 ｜ 👍 いいね 214';
    or a count alone ('312')."""
    if _BARE_COUNT.fullmatch(nfkc(text).strip()):
        return True
    return all(part and _is_one_counted_button(part) for part in _COUNTER_SEPARATOR.split(nfkc(text).strip()))


# How long the article takes to read: a count of minutes and a verb of reading, in one short line
# whose subject is the article or that names none ('この記事は約7分で読めます', '読了時間：約5分',
# '⏱ 4 min read'); 'この本は30分で読めます' speaks of something else, and is content.
_MINUTES = re.compile(r"[0-9]+(?:\.[0-9]+)?\s*(?:分|min\b|minutes?\b)", re.IGNORECASE)
_OF_THE_ARTICLE = re.compile(r"^(?:[^\w\s]\s*)?(?:この記事|本記事|当記事|記事)")
_SUBJECT = re.compile(r"[はが]")
# It ends on the count or on the verb, never on a noun the verb describes ('3分で読める経済ニュース' is a tagline).
_READING_END = re.compile(r"(?:[0-9]\s*(?:分|min|minutes?)(?:程度|ほど|くらい)?|(?:ます|る|read))\s*[。.]?$",
                          re.IGNORECASE)
MAX_READING_TIME = 30
# A reader tool's estimate alone on its line, a count or a range of minutes and nothing else ('6～7 分', '約5分',
# '3-4 min'): no verb, but a line that is only a duration stands for nothing of the article's.
_DURATION_ALONE = re.compile(r"(?:約\s*)?[0-9]+(?:\s*[～〜~\-–]\s*[0-9]+)?\s*(?:分|min|minutes?)", re.IGNORECASE)


def is_reading_time(text: str) -> bool:
    """How long the article takes to read; not beside its date ('2025年11月24日 07:12 ・ 11分で読めます'),
    which makes the line the article's date line, read for the date."""
    normal = nfkc(text).strip()
    if line_date(normal) is not None:
        return False
    if _DURATION_ALONE.fullmatch(normal):
        return True
    one_line = "。" not in normal.rstrip("。")
    about_article = _OF_THE_ARTICLE.match(normal) is not None or _SUBJECT.search(normal) is None
    return (len(normal) <= MAX_READING_TIME and one_line and about_article and _READING_END.search(normal) is not None
            and _MINUTES.search(normal) is not None and READING_WORDS.search(normal) is not None)


# A clock reading alone on its line, perhaps behind a glyph ('1:32', '▶ 12:05', '1:02:33'): a player's running
# time or a phone's status bar, never the article's words.
_CLOCK_ALONE = re.compile(r"(?:[^\w\s]\s*)?(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-9]{2}")


def is_clock_alone(text: str) -> bool:
    return _CLOCK_ALONE.fullmatch(nfkc(text).strip()) is not None
